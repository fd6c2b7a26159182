//! The reduce step split by fact: what `factlint reduce --partial` writes and
//! `factlint reduce --merge` reads (`docs/claims-format.md`, "Findings files").
//!
//! A fact's claims are compared together and with nothing else, and so are an
//! entity's names: claims shuffled by fact id (names by entity id) can be reduced on
//! as many machines as there are parts, each part to its findings. What the report
//! needs beyond them is small: which facts took claims from how many sources and which
//! entities were named (for the warnings of rules left unused), and the sources'
//! summaries, which the merge reads from claims files holding only `source` and
//! `error` records. The merge sorts and caps the findings and writes the report
//! `factlint check` writes, byte for byte.
//!
//! A findings file is JSON Lines: a `header` record (format name, version, the rules'
//! fact and entity ids), `fact` records (what each fact took), `entity` records (the
//! entities named), `finding` records, and an `end` record with the counts of each; a
//! file without it is refused, as a claims file is.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::claims::{ClaimsError, Mapped};
use super::{Checker, Counted, FactUse, Usage, report_of};
use crate::check::{self, Finding};
use crate::report::Report;
use crate::rules::RuleSet;
use crate::source;

/// The format's name, in every header record.
pub const FORMAT: &str = "factlint-findings";

/// The format's version: the only one this build reads and writes.
pub const VERSION: u64 = 1;

/// The findings of one part of the facts and entities, and what they took.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Partial {
    /// The findings of the part's facts and entities, capped and sorted.
    pub findings: Vec<Finding>,
    /// Which of the part's facts took claims from how many sources; the entities named.
    pub usage: Usage,
}

/// A record as written and read.
#[derive(Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "lowercase", deny_unknown_fields)]
enum Record {
    Header { format: String, version: u64, factlint: String, facts: Vec<String>, entities: Vec<String> },
    Fact { fact: String, sources: usize, first: String, claims: usize },
    Entity { entity: String },
    Finding { finding: Box<Finding> },
    End(Counts),
}

/// The counts of the `end` record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Counts {
    facts: usize,
    entities: usize,
    findings: usize,
}

/// The reduce of what claims files hold, as one part of a run split by fact: the
/// findings of the facts and entities whose claims they hold, which must be all of
/// those facts' and entities' claims.
pub fn reduce(checker: &Checker, mapped: Mapped) -> Partial {
    let mut selected = Vec::new();
    let mut names = Vec::new();
    for analysis in mapped.analyses {
        selected.extend(analysis.selected);
        names.extend(analysis.names);
    }
    let usage = Usage::of(&selected, &names);
    let mut findings = check::check(&checker.rules, selected);
    findings.extend(check::names::compare(&checker.rules, names));
    for finding in &mut findings {
        finding.cap_claims(check::CLAIMS_PER_VALUE_MAX);
    }
    check::sort_findings(&mut findings);
    Partial { findings, usage }
}

/// Writes a findings file for `rules`.
pub fn write(mut out: impl Write, rules: &RuleSet, partial: &Partial) -> io::Result<()> {
    let facts: Vec<&String> = rules.facts.keys().collect();
    let header = Record::Header {
        format: FORMAT.into(),
        version: VERSION,
        factlint: env!("CARGO_PKG_VERSION").into(),
        facts: facts.iter().map(|f| f.to_string()).collect(),
        entities: rules.entities.keys().cloned().collect(),
    };
    line(&mut out, &header)?;
    for (&i, used) in &partial.usage.facts {
        let fact = facts.get(i).map_or_else(String::new, |f| f.to_string());
        line(&mut out, &Record::Fact { fact, sources: used.sources, first: used.first.clone(), claims: used.claims })?;
    }
    for entity in &partial.usage.entities {
        line(&mut out, &Record::Entity { entity: entity.clone() })?;
    }
    for finding in &partial.findings {
        line(&mut out, &Record::Finding { finding: Box::new(finding.clone()) })?;
    }
    let counts = Counts {
        facts: partial.usage.facts.len(),
        entities: partial.usage.entities.len(),
        findings: partial.findings.len(),
    };
    line(&mut out, &Record::End(counts))?;
    out.flush()
}

fn line(out: &mut impl Write, record: &Record) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")
}

/// Reads the text of one findings file, `file` naming it in errors.
pub fn read(file: &str, text: &str, rules: &RuleSet) -> Result<Partial, ClaimsError> {
    let malformed = |line: usize, message: String| ClaimsError::Malformed { file: file.to_string(), line, message };
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let first = lines.next().map_or("", |(_, l)| l);
    let head: serde_json::Value =
        serde_json::from_str(first).map_err(|_| ClaimsError::NotFindings { file: file.to_string() })?;
    if head["record"] != "header" || head["format"] != FORMAT {
        return Err(ClaimsError::NotFindings { file: file.to_string() });
    }
    if head["version"].as_u64() != Some(VERSION) {
        return Err(ClaimsError::Version { file: file.to_string(), found: head["version"].to_string() });
    }
    let Ok(Record::Header { facts, entities, .. }) = serde_json::from_str::<Record>(first) else {
        return Err(malformed(1, "not a header record of this version".into()));
    };
    let ids: Vec<&String> = rules.facts.keys().collect();
    if facts.iter().collect::<Vec<_>>() != ids
        || entities.iter().collect::<Vec<_>>() != rules.entities.keys().collect::<Vec<_>>()
    {
        return Err(ClaimsError::OtherRules { file: file.to_string(), what: "fact or entity ids".into() });
    }
    let mut partial = Partial::default();
    let mut counts = Counts::default();
    let mut last = 1;
    while let Some((at, text)) = lines.next() {
        last = at;
        let record =
            serde_json::from_str::<Record>(text).map_err(|e| malformed(at, format!("not a findings record: {e}")))?;
        match record {
            Record::Header { .. } => return Err(malformed(at, "a second header record".into())),
            Record::Fact { fact, sources, first, claims } => {
                let i = ids
                    .iter()
                    .position(|id| **id == fact)
                    .ok_or_else(|| malformed(at, format!("fact `{fact}` is not in the header")))?;
                partial.usage.facts.insert(i, FactUse { sources, first, claims });
                counts.facts += 1;
            }
            Record::Entity { entity } => {
                partial.usage.entities.insert(entity);
                counts.entities += 1;
            }
            Record::Finding { finding } => {
                partial.findings.push(*finding);
                counts.findings += 1;
            }
            Record::End(end) => {
                if end != counts {
                    return Err(malformed(at, format!("the end record counts {end:?} but the file holds {counts:?}")));
                }
                if let Some((extra, _)) = lines.find(|(_, l)| !l.trim().is_empty()) {
                    return Err(malformed(extra, "a record after the end record".into()));
                }
                return Ok(partial);
            }
        }
    }
    Err(ClaimsError::Truncated { file: file.to_string(), line: last })
}

/// The report of a run reduced in parts: the sources (and any claims) of `mapped`
/// and the findings of `parts` (each named by its file), merged as `check` reports
/// them. A fact reduced in two parts, or in a part and among `mapped`'s claims, is
/// refused: each fact belongs to one part.
pub fn merge(checker: &Checker, mapped: Mapped, parts: Vec<(String, Partial)>) -> Result<Report, ClaimsError> {
    let mut sources = Vec::with_capacity(mapped.analyses.len());
    let mut cued = vec![false; checker.rules.facts.len()];
    let mut suppressed = 0;
    let mut local = Mapped { analyses: Vec::new(), failures: Vec::new() };
    for mut analysis in mapped.analyses {
        for &fact in &analysis.cued {
            if let Some(seen) = cued.get_mut(fact) {
                *seen = true;
            }
        }
        suppressed += analysis.suppressed;
        sources.push(analysis.summary.clone());
        if !analysis.selected.is_empty() || !analysis.names.is_empty() {
            analysis.cued.clear();
            local.analyses.push(analysis);
        }
    }
    let Partial { mut findings, mut usage } = reduce(checker, local);
    let mut owner: BTreeMap<usize, String> = usage.facts.keys().map(|&f| (f, "the claims files".to_string())).collect();
    let ids: Vec<&String> = checker.rules.facts.keys().collect();
    for (file, part) in parts {
        for (fact, used) in part.usage.facts {
            if let Some(first) = owner.insert(fact, file.clone()) {
                let fact = ids.get(fact).map_or_else(String::new, |f| f.to_string());
                return Err(ClaimsError::FactTwice { fact, first, second: file });
            }
            usage.facts.insert(fact, used);
        }
        usage.entities.extend(part.usage.entities);
        findings.extend(part.findings);
    }
    // A finding's claims were read back without their source's date and outlet: they
    // are the source's, from its summary.
    let known: HashMap<&str, (Option<jiff::civil::Date>, Option<Arc<str>>)> = sources
        .iter()
        .map(|s| {
            let published = s.published.as_deref().and_then(source::parse_published);
            (s.path.as_str(), (published, s.outlet.as_deref().map(Arc::from)))
        })
        .collect();
    for claim in findings.iter_mut().flat_map(|f| f.claims.iter_mut()) {
        if let Some((published, outlet)) = known.get(&*claim.place.source) {
            claim.place.published = *published;
            claim.place.outlet = outlet.clone();
        }
    }
    let counted = Counted { suppressed, reference_conflicts: 0 };
    Ok(report_of(checker, sources, findings, mapped.failures, &usage, &cued, counted).0)
}
