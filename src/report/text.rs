//! The terminal report: rustc-style blocks drawn by `annotate-snippets`, one per
//! finding with one labelled snippet per claim, then the unreadable sources and a
//! summary line.
//!
//! What comes from sources and file names is shown with its control characters
//! escaped ([`visible`]): a terminal must not obey an escape sequence in a sentence,
//! and a file name with a line break must not print a line of its own (in a CI log,
//! a line starting `::error` is a GitHub workflow command).

use std::fmt::Write;
use std::ops::Range;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{Annotation, AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Report, Tally, agreement_line, count, shown_claims, value_label, visible};
use crate::check::{Evidence, Finding, FindingKind};
use crate::rules::Severity;

/// Renders the report for a terminal; `color` adds ANSI styles.
pub fn render(report: &Report, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() }.decor_style(DecorStyle::Ascii);
    let mut out = String::new();
    for finding in &report.findings {
        let mut block = renderer.render(&[group(finding)]);
        fix_origins(&mut block, finding);
        out.push_str(&block);
        out.push_str("\n\n");
    }
    for warning in &report.warnings {
        let _ = writeln!(out, "warning: {}", visible(warning, &[]));
    }
    // How a source was read (bytes replaced, front matter unclosed): the reader of a
    // terminal should see it as the reader of the JSON does.
    for source in &report.sources {
        for warning in &source.warnings {
            let _ = writeln!(out, "warning: {}: {}", visible(&source.path, &[]), visible(warning, &[]));
        }
    }
    for error in &report.errors {
        let title = format!("{}: {}", visible(&error.source, &[]), visible(&error.message, &[]));
        out.push_str(&renderer.render(&[Group::with_title(Level::ERROR.primary_title(title))]));
        out.push('\n');
    }
    out.push_str(&summary(report));
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// One finding: the headline, a snippet per claim, then the note and who holds what.
fn group(finding: &Finding) -> Group<'_> {
    // The id is the rule file's: a fact id may hold an escape sequence as well as a
    // message may.
    let title = level(finding.severity).primary_title(visible(&finding.message, &[])).id(visible(&finding.id, &[]));
    let mut group = Group::with_title(title);
    let (claims, left_out) = shown_claims(finding);
    for claim in claims {
        group = group.element(snippet(claim));
    }
    if left_out > 0 {
        let listed = if finding.omitted.is_empty() {
            "`--format json` lists them all".to_string()
        } else {
            format!(
                "`--format json` lists the first {} of each value and counts the rest",
                crate::check::CLAIMS_PER_VALUE_MAX
            )
        };
        group = group.element(Level::NOTE.message(format!("{left_out} more claims ({listed})")));
    }
    group = group.element(Level::NOTE.message(format!("{}: {}", finding.kind_str(), kind_hint(finding))));
    if let Some(confidence) = finding.confidence {
        group = group.element(Level::NOTE.message(format!(
            "confidence {confidence:.2}: found without rules (`factlint discover`); how sure it is that these claims state one fact"
        )));
    }
    if let Some(note) = &finding.note {
        group = group.element(Level::NOTE.message(visible(note, &[])));
    }
    group.element(Level::HELP.message(format!("sources by value: {}", visible(&agreement_line(&finding.claims), &[]))))
}

/// What a kind of finding means, in a few words.
fn kind_hint(finding: &Finding) -> &'static str {
    match finding.kind {
        FindingKind::Conflict => "these values cannot all be right",
        FindingKind::Variant => "a name is spelled other than the house spelling",
        FindingKind::Expansion => "an acronym is expanded other than the rules say",
        FindingKind::Imprecise => "agrees with the others but says less",
        FindingKind::Update => "a later report changed an evolving figure",
        FindingKind::Record => "the desk's record (the fact's `value:`) says otherwise",
        FindingKind::Apart => "another event? these claims are dated apart from the rest",
    }
}

/// Where a claim's snippet starts: the sentence line it stands on and its column in
/// that line, as annotate-snippets counts them.
struct Placed {
    /// The line number the snippet gives the sentence's first line.
    first_line: usize,
    /// The line and column annotate-snippets prints for the claim.
    shown: (usize, usize),
}

fn place(claim: &Evidence, shown: &Shown) -> Placed {
    let before = &shown.text[..shown.claim.start];
    // A multi-line sentence is numbered as in the file: the claim's line is the
    // sentence line it stands on.
    let breaks_before = before.matches('\n').count();
    let first_line = claim.place.line.saturating_sub(breaks_before).max(1);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Placed { first_line, shown: (first_line + breaks_before, column) }
}

/// What a snippet shows of a claim's sentence: its excerpt with control characters
/// (but line breaks) made visible, and the claim's byte range there.
struct Shown {
    text: String,
    claim: Range<usize>,
}

impl Shown {
    fn of(claim: &Evidence) -> Shown {
        let excerpt = claim.excerpt();
        let range = excerpt.claim;
        let (before, inside, after) =
            (&excerpt.text[..range.start], &excerpt.text[range.clone()], &excerpt.text[range.end..]);
        let keep = ['\n', '\t'];
        let before = visible(before, &keep);
        let inside = visible(inside, &keep);
        let text = format!("{before}{inside}{}", visible(after, &keep));
        Shown { claim: before.len()..before.len() + inside.len(), text }
    }
}

/// The sentence with the claim underlined and labelled with its value.
fn snippet(claim: &Evidence) -> Snippet<'_, Annotation<'_>> {
    let shown = Shown::of(claim);
    let placed = place(claim, &shown);
    Snippet::source(shown.text)
        .line_start(placed.first_line)
        .path(visible(&claim.place.source, &[]))
        .annotation(AnnotationKind::Primary.span(shown.claim).label(value_label(claim)))
}

/// Puts each claim's place in the file into the `--> file:line:col` lines.
///
/// A snippet's source is the claim's sentence, not its file line, so annotate-snippets
/// counts columns from the sentence's start; the evidence knows the real column. The
/// locations appear in claim order, so each is replaced after the previous one.
fn fix_origins(block: &mut String, finding: &Finding) {
    let mut from = 0;
    for claim in shown_claims(finding).0 {
        let path = visible(&claim.place.source, &[]);
        let (line, column) = place(claim, &Shown::of(claim)).shown;
        let shown = format!("{path}:{line}:{column}");
        let Some(at) = block.get(from..).and_then(|rest| rest.find(&shown)) else { continue };
        let real = format!("{path}:{}:{}", claim.place.line, claim.place.column);
        block.replace_range(from + at..from + at + shown.len(), &real);
        from += at + real.len();
    }
}

/// `3 findings: 1 error, 1 warning, 1 info in 5 sources (182 sentences, 260 claims); 1 source skipped`.
fn summary(report: &Report) -> String {
    let t = Tally::of(report);
    let mut line = format!(
        "{}: {}, {}, {} in {} ({}, {})",
        t.findings, t.errors, t.warnings, t.infos, t.sources, t.sentences, t.claims
    );
    if !report.errors.is_empty() {
        let _ = write!(line, "; {} skipped", count(report.errors.len(), "source", "sources"));
    }
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{ClaimKind, Value};

    /// Found by the `report` fuzz target: the finding's id (a fact id from a rule file)
    /// reached the terminal raw, escape sequence and all.
    #[test]
    fn an_escape_sequence_in_a_fact_id_is_made_visible() {
        let claim = Evidence::new("a.txt", ClaimKind::Number, Value::Number(4.0), "4");
        let finding = Finding {
            id: "visit\u{1b}[31m-length".into(),
            kind: FindingKind::Conflict,
            severity: Severity::Error,
            message: "4 or 5".into(),
            note: None,
            claims: vec![claim],
            omitted: Vec::new(),
            side: None,
            confidence: None,
        };
        let out = render(&Report::new(Vec::new(), vec![finding], Vec::new()), false);
        assert!(!out.contains('\u{1b}'), "{out}");
        assert!(out.contains("error[visit\\u{1b}[31m-length]"), "{out}");
    }
}
