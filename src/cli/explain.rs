//! `factlint explain`: the pipeline with its decisions kept. For one fact, every claim
//! of its kind with what selection decided and why, then how the claims taken stand
//! (consensus, agreeing, outliers, set apart) and why each compares as it does; for one
//! line of a source, every claim on it and every fact that took or refused it.
//!
//! Nothing here decides anything: selection's [`Decision`]s, compare's [`Standing`] and
//! [`pair`] are the checker's own, so `explain` cannot drift from `check`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use clap::{Args, ValueEnum};
use serde_json::{Value as Json, json};

use factlint::check::{Decision, Evidence, Selected, Traced, pair, standing};
use factlint::config::Config;
use factlint::pipeline::{self, Explanation};
use factlint::report::{self, Format, Report, value_label};
use factlint::rules::{Fact, RuleSet};
use factlint::source;
use factlint::value::date_of_day;

use super::{CliError, InputArgs, resolve, write_output};

/// Options of `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A fact id, or FILE:LINE for every claim on a line of a source.
    pub target: String,
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExplainFormat,
}

/// The formats of `explain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    /// Snippets for a terminal, like `check`'s text report.
    Text,
    /// One JSON object, for tools.
    Json,
}

/// What is to be explained.
enum Target {
    /// A fact, by index in id order.
    Fact(usize),
    /// A line of a source file.
    Line(PathBuf, usize),
}

/// Runs `explain`: 0 when it could explain, an error (exit 2) when the target is unknown.
pub fn run(args: ExplainArgs, config: &Config) -> Result<i32, CliError> {
    let resolved = resolve(&args.input, config, true)?;
    let rules = &resolved.checker.rules;
    let target = target(&args.target, rules)?;
    let facts = match &target {
        Target::Fact(index) => Some(vec![*index]),
        Target::Line(..) => None,
    };
    let explanation = pipeline::explain(&resolved.paths, &resolved.checker, &resolved.options, facts);
    let text = match target {
        Target::Fact(index) => explain_fact(rules, index, &explanation, args.format),
        Target::Line(file, line) => explain_line(rules, &file, line, &explanation, args.format)?,
    };
    write_output(None, &text)?;
    Ok(0)
}

/// A fact id, else `FILE:LINE`; an unknown fact with "did you mean".
fn target(text: &str, rules: &RuleSet) -> Result<Target, CliError> {
    let ids: Vec<&String> = rules.facts.keys().collect();
    if let Some(index) = ids.iter().position(|id| *id == text) {
        return Ok(Target::Fact(index));
    }
    if let Some((file, line)) = text.rsplit_once(':')
        && let Ok(line) = line.parse::<usize>()
    {
        if line == 0 {
            return Err(CliError::Usage(format!("`{text}`: lines are numbered from 1")));
        }
        return Ok(Target::Line(PathBuf::from(file), line));
    }
    let best = ids
        .iter()
        .map(|id| (strsim::jaro_winkler(text, id).max(strsim::normalized_damerau_levenshtein(text, id)), id))
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let hint = match best {
        Some((_, id)) => format!("did you mean `{id}`?"),
        None if ids.is_empty() => "the rules define no fact".to_string(),
        None => format!("the facts are: {}", ids.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ")),
    };
    Err(CliError::Usage(format!("unknown fact `{text}`: {hint} (or name a line as FILE:LINE)")))
}

/// Why a decision was made, in words, for the fact that made it.
fn reason(decision: &Decision, fact: &Fact, evidence: &Evidence) -> String {
    let claim = &evidence.claim;
    let dates = |window: &factlint::value::Interval| {
        let day = |d: f64| date_of_day(d).map_or_else(|| d.to_string(), |d| d.to_string());
        format!("{}/{}", day(window.lo), day(window.hi))
    };
    match decision {
        Decision::Taken => "taken".to_string(),
        Decision::KindDiffers => format!("a {} claim; the fact takes {}", claim.kind, fact.claim),
        Decision::Vague => "too vague to compare".to_string(),
        Decision::CountedDiffers => format!(
            "counts {}; the fact counts {}",
            claim.counted.as_deref().or(claim.unit.as_deref()).unwrap_or("nothing named"),
            fact.counted.join(" / ")
        ),
        Decision::UnitDiffers => format!(
            "measured in {}; the fact takes {}",
            claim.unit.as_deref().unwrap_or("no unit"),
            fact.unit.as_deref().unwrap_or("no unit")
        ),
        Decision::OtherEntity => format!(
            "the title of `{}`; the fact is about {}",
            claim.entity.as_deref().unwrap_or("no entity"),
            fact.about.join(", ")
        ),
        Decision::NoEntity { entity } => format!("entity `{entity}` of `about` is not mentioned in scope"),
        Decision::NoCue => format!("no cue in scope ({})", fact.cues.join(", ")),
        Decision::Excluded { word, .. } => format!("excluded by the word `{word}`"),
        Decision::OutsideDuring { window } => format!("its dates lie outside `during` {}", dates(window)),
        Decision::LongerThanDuring { window } => format!("longer than the whole `during` window {}", dates(window)),
        Decision::Nearer { text, .. } => {
            format!("another claim of the sentence, \"{text}\", is the one the cue governs")
        }
        _ => decision.code().to_string(),
    }
}

/// A decision with what became of it: a claim taken and then silenced by a
/// `factlint-disable` comment says so.
fn decision_text(traced: &Traced, fact: &Fact, selected: &[Selected]) -> (String, String) {
    let silenced = traced.decision == Decision::Taken
        && !selected.iter().any(|s| s.fact == traced.fact && s.evidence == traced.evidence);
    if silenced {
        ("silenced".to_string(), "taken, then silenced by a factlint-disable comment".to_string())
    } else {
        (traced.decision.code().to_string(), reason(&traced.decision, fact, &traced.evidence))
    }
}

fn at(e: &Evidence) -> String {
    format!("{}:{}:{}", e.place.source, e.place.line, e.place.column)
}

fn short(e: &Evidence) -> String {
    format!("{} \"{}\" ({})", value_label(e), e.claim.text, at(e))
}

/// One snippet per claim, labelled; origins fixed to the claim's line and column.
fn snippets(title: String, level: Level<'static>, items: &[(&Evidence, String)]) -> String {
    let renderer = Renderer::plain().decor_style(DecorStyle::Ascii);
    let mut group = Group::with_title(level.primary_title(title));
    // The sentence as every report shows it: capped to a window around the claim.
    let excerpts: Vec<_> = items.iter().map(|(e, _)| e.excerpt()).collect();
    for ((e, label), excerpt) in items.iter().zip(&excerpts) {
        let range = excerpt.claim.clone();
        let breaks_before = excerpt.text[..range.start].matches('\n').count();
        group = group.element(
            Snippet::source(excerpt.text.as_ref())
                .line_start(e.place.line.saturating_sub(breaks_before).max(1))
                .path(e.place.source.as_ref())
                .annotation(AnnotationKind::Primary.span(range).label(label.as_str())),
        );
    }
    let mut block = renderer.render(&[group]);
    // annotate-snippets counts columns from the sentence's start; the evidence knows
    // the claim's column in the file.
    let mut from = 0;
    for (e, _) in items {
        let prefix = format!("{}:{}:", e.place.source, e.place.line);
        let Some(found) = block.get(from..).and_then(|rest| rest.find(&prefix)) else { continue };
        let start = from + found;
        let end = block[start + prefix.len()..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(block.len(), |i| start + prefix.len() + i);
        let real = at(e);
        block.replace_range(start..end, &real);
        from = start + real.len();
    }
    block.push_str("\n\n");
    block
}

fn explain_fact(rules: &RuleSet, index: usize, explanation: &Explanation, format: ExplainFormat) -> String {
    let (id, fact) = rules.facts.iter().nth(index).map(|(id, f)| (id.as_str(), f)).expect("the index names a fact");
    // Claims of another kind are every other claim of the sources: not candidates.
    let candidates: Vec<&Traced> =
        explanation.decisions.iter().filter(|t| t.fact == index && t.decision != Decision::KindDiffers).collect();
    let taken: Vec<(Evidence, Option<factlint::value::Interval>)> =
        explanation.selected.iter().filter(|s| s.fact == index).map(|s| (s.evidence.clone(), s.context)).collect();
    let stand = standing(fact, taken.clone());
    let pairs: Vec<(&Evidence, &Evidence, factlint::check::Pair)> = match &stand.consensus {
        Some(consensus) => taken
            .iter()
            .map(|(e, _)| e)
            .filter(|e| *e != consensus)
            .map(|e| (consensus, e, pair(fact, consensus, e)))
            .collect(),
        None => Vec::new(),
    };
    let report = Report::new(explanation.sources.clone(), explanation.findings.clone(), explanation.failures.clone());
    match format {
        ExplainFormat::Json => {
            let decisions: Vec<Json> = candidates
                .iter()
                .map(|t| {
                    let (code, why) = decision_text(t, fact, &explanation.selected);
                    json!({"claim": t.evidence, "decision": code, "reason": why})
                })
                .collect();
            let pairs: Vec<Json> = pairs
                .iter()
                .map(|(a, b, p)| json!({"consensus": at(a), "claim": at(b), "agree": p.agree, "why": p.why}))
                .collect();
            let out = json!({
                "fact": id,
                "claim": fact.claim.as_str(),
                "candidates": decisions,
                "standing": {
                    "evolving": fact.evolving,
                    "consensus": stand.consensus,
                    "agreeing": stand.agreeing,
                    "outliers": stand.outliers,
                    "apart": stand.apart,
                },
                "pairs": pairs,
                "findings": serde_json::to_value(&report.findings).unwrap_or(Json::Null),
                "errors": serde_json::to_value(&report.errors).unwrap_or(Json::Null),
            });
            serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
        }
        ExplainFormat::Text => {
            let mut out = String::new();
            let _ = writeln!(out, "fact `{id}`: {}", describe_fact(fact));
            let _ = writeln!(out);
            if candidates.is_empty() {
                let _ = writeln!(out, "no claim of kind {} in the sources\n", fact.claim);
            }
            let mut by_source: BTreeMap<&str, Vec<&Traced>> = BTreeMap::new();
            for t in &candidates {
                by_source.entry(t.evidence.place.source.as_ref()).or_default().push(t);
            }
            for (source, traced) in by_source {
                let taken = traced.iter().filter(|t| t.decision == Decision::Taken).count();
                let items: Vec<(&Evidence, String)> = traced
                    .iter()
                    .map(|t| {
                        let (_, why) = decision_text(t, fact, &explanation.selected);
                        (&t.evidence, format!("{}: {why}", value_label(&t.evidence)))
                    })
                    .collect();
                let title = format!("{source}: {} candidate claim(s), {taken} taken", traced.len());
                out.push_str(&snippets(title, Level::NOTE, &items));
            }
            out.push_str(&standing_text(fact, &stand, &pairs));
            let _ = writeln!(out, "\nas `check` reports it:\n");
            out.push_str(&report::render(&report, Format::Text, false));
            out
        }
    }
}

fn describe_fact(fact: &Fact) -> String {
    let mut parts = vec![format!("claim {}", fact.claim)];
    let list = |name: &str, items: &[String]| (!items.is_empty()).then(|| format!("{name} [{}]", items.join(", ")));
    parts.extend(list("about", &fact.about));
    parts.extend(list("cues", &fact.cues));
    parts.extend(list("exclude", &fact.exclude));
    parts.extend(list("counted", &fact.counted));
    if let Some(unit) = &fact.unit {
        parts.push(format!("unit {unit}"));
    }
    if let Some(window) = &fact.during {
        let day = |d: f64| date_of_day(d).map_or_else(|| d.to_string(), |d| d.to_string());
        parts.push(format!("during {}/{}", day(window.lo), day(window.hi)));
    }
    if fact.evolving {
        parts.push("evolving".into());
    }
    parts.join("; ")
}

fn standing_text(
    fact: &Fact,
    stand: &factlint::check::Standing,
    pairs: &[(&Evidence, &Evidence, factlint::check::Pair)],
) -> String {
    let mut out = String::new();
    if fact.evolving {
        let _ = writeln!(
            out,
            "groups: the fact is evolving: claims are ordered by publication date; a later, larger value is an update, a fall or a same-day disagreement a conflict"
        );
        return out;
    }
    let Some(consensus) = &stand.consensus else {
        let _ = writeln!(out, "groups: no claim taken, nothing to compare");
        return out;
    };
    let _ = writeln!(out, "groups:");
    let _ = writeln!(out, "  consensus: {}", short(consensus));
    for (name, claims) in [
        ("agree with it", &stand.agreeing),
        ("outliers", &stand.outliers),
        ("set apart as another event (their dates lie over a week from the others')", &stand.apart),
    ] {
        let others: Vec<&Evidence> = claims.iter().filter(|e| *e != consensus).collect();
        if others.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  {name}:");
        for e in others {
            let _ = writeln!(out, "    {}", short(e));
        }
    }
    if !pairs.is_empty() {
        let _ = writeln!(out, "  why, against the consensus:");
        for (_, b, p) in pairs {
            let _ = writeln!(out, "    {}: {}", short(b), p.why);
        }
    }
    out
}

/// Whether `source` (as the report shows it) is the file the user named.
fn same_file(source: &str, file: &Path) -> bool {
    let named = source::display_path(file);
    let named = named.trim_start_matches("./");
    let source = source.trim_start_matches("./");
    source == named || source.ends_with(&format!("/{named}")) || named.ends_with(&format!("/{source}"))
}

/// A fact's decision about one claim: the fact's id, the decision's code, the reason.
type FactDecision<'a> = (&'a str, String, String);

fn explain_line(
    rules: &RuleSet,
    file: &Path,
    line: usize,
    explanation: &Explanation,
    format: ExplainFormat,
) -> Result<String, CliError> {
    let Some(source) = explanation.sources.iter().find(|s| same_file(&s.path, file)) else {
        let failed = explanation.failures.iter().find(|f| same_file(&f.source, file));
        return Err(CliError::Usage(match failed {
            Some(f) => format!("{}: could not be read: {}", f.source, f.message),
            None => format!(
                "{} is not among the sources read ({} source(s)); name it, or the folder holding it, after the line",
                file.display(),
                explanation.sources.len()
            ),
        }));
    };
    let facts: Vec<(&String, &Fact)> = rules.facts.iter().collect();
    let on_line: Vec<&Traced> = explanation
        .decisions
        .iter()
        .filter(|t| *t.evidence.place.source == source.path && t.evidence.place.line == line)
        .collect();
    // Each claim once, in order; a claim's decisions fact by fact.
    let mut claims: Vec<&Evidence> = Vec::new();
    for t in &on_line {
        if !claims.contains(&&t.evidence) {
            claims.push(&t.evidence);
        }
    }
    claims.sort_by_key(|e| (e.claim.span.start, e.claim.span.end));
    let per_claim: Vec<(&Evidence, Vec<FactDecision>)> = claims
        .iter()
        .map(|e| {
            let decisions = on_line
                .iter()
                .filter(|t| t.evidence == **e)
                .filter(|t| t.decision != Decision::KindDiffers)
                .map(|t| {
                    let (code, why) = decision_text(t, facts[t.fact].1, &explanation.selected);
                    (facts[t.fact].0.as_str(), code, why)
                })
                .collect();
            (*e, decisions)
        })
        .collect();
    Ok(match format {
        ExplainFormat::Json => {
            let out: Vec<Json> = per_claim
                .iter()
                .map(|(e, decisions)| {
                    let facts: Vec<Json> = decisions
                        .iter()
                        .map(|(id, code, why)| json!({"fact": id, "decision": code, "reason": why}))
                        .collect();
                    json!({"claim": e, "facts": facts})
                })
                .collect();
            serde_json::to_string_pretty(&json!({"source": source.path, "line": line, "claims": out}))
                .unwrap_or_default()
                + "\n"
        }
        ExplainFormat::Text => {
            let mut out = String::new();
            if per_claim.is_empty() {
                let _ = writeln!(
                    out,
                    "{}:{line}: no claim on this line ({} has {} claim(s) in {} sentence(s))",
                    source.path, source.path, source.claims, source.sentences
                );
                return Ok(out);
            }
            for (e, decisions) in &per_claim {
                let mut label = value_label(e);
                if decisions.is_empty() {
                    label.push_str(": no fact takes a claim of this kind");
                }
                let title = format!("{} claim \"{}\"", e.claim.kind, e.claim.text);
                out.push_str(&snippets(title, Level::NOTE, &[(e, label)]));
                for (id, _, why) in decisions {
                    let _ = writeln!(out, "  = {id}: {why}");
                }
                out.push('\n');
            }
            out
        }
    })
}
