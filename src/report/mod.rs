//! Reports: one serde model (the SPEC's JSON, version 1) and one file per output
//! format rendered from it.
//!
//! Every format renders from the same [`Report`], so the formats never disagree on
//! what was found; what the formats share (where a claim sits in its sentence, which
//! sources hold which value) lives here.

mod github;
mod html;
mod json;
mod markdown;
mod sarif;
mod text;

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use crate::check::Evidence;
use crate::value::{Timex, Value, describe, format_number};

use serde::Serialize;

use crate::check::Finding;
use crate::config::{FailOn, ReportFormat};
use crate::rules::Severity;
use crate::source::SourceFailure;

/// What a run found, ready to render.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Version of the report format.
    pub version: u32,
    /// The sources read, in path order.
    pub sources: Vec<SourceSummary>,
    /// The findings, in a stable order.
    pub findings: Vec<Finding>,
    /// The sources that could not be read.
    pub errors: Vec<SourceFailure>,
    /// Totals.
    pub summary: Summary,
    /// Findings left out because a baseline knows them.
    #[serde(skip_serializing_if = "is_zero")]
    pub baselined: usize,
    /// Things about the run a user should know that are not findings: a rule whose
    /// cues match nothing, claims silenced by suppression comments.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One source read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceSummary {
    /// Path as shown.
    pub path: String,
    /// Publication date, `YYYY-MM-DD`, when known.
    pub published: Option<String>,
    /// Who published it, from the manifest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Its title, from the manifest or the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Number of sentences.
    pub sentences: usize,
    /// Number of claims found.
    pub claims: usize,
    /// What a reader should know about how it was read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Totals of a run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Sources read.
    pub sources: usize,
    /// Sentences read.
    pub sentences: usize,
    /// Claims found.
    pub claims: usize,
    /// Findings reported.
    pub findings: usize,
    /// Sources that could not be read.
    pub errors: usize,
    /// With `check --against`: facts on which the references disagree among
    /// themselves (not findings: the draft is judged against them).
    #[serde(skip_serializing_if = "is_zero")]
    pub reference_conflicts: usize,
}

impl Report {
    /// Assembles a report and its totals.
    pub fn new(sources: Vec<SourceSummary>, findings: Vec<Finding>, errors: Vec<SourceFailure>) -> Report {
        let summary = Summary {
            sources: sources.len(),
            sentences: sources.iter().map(|s| s.sentences).sum(),
            claims: sources.iter().map(|s| s.claims).sum(),
            findings: findings.len(),
            errors: errors.len(),
            reference_conflicts: 0,
        };
        Report { version: 1, sources, findings, errors, summary, baselined: 0, warnings: Vec::new() }
    }

    /// The number of findings at each severity: (errors, warnings, infos).
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |s: Severity| self.findings.iter().filter(|f| f.severity == s).count();
        (count(Severity::Error), count(Severity::Warning), count(Severity::Info))
    }

    /// Whether the run fails at the `fail_on` threshold (the SPEC's exit code 1): a
    /// finding at or above it, or a source that could not be read.
    pub fn fails(&self, fail_on: FailOn) -> bool {
        let threshold = match fail_on {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        };
        threshold.is_some_and(|t| self.findings.iter().any(|f| f.severity >= t)) || !self.errors.is_empty()
    }
}

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// rustc-style blocks for a terminal.
    Text,
    /// The SPEC's JSON report.
    Json,
    /// Tables per finding, for pull-request comments and desk review.
    Markdown,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the files of a pull request.
    Github,
    /// One self-contained HTML page with filters.
    Html,
}

impl From<ReportFormat> for Format {
    /// The report format a config file names.
    fn from(format: ReportFormat) -> Format {
        match format {
            ReportFormat::Text => Format::Text,
            ReportFormat::Json => Format::Json,
            ReportFormat::Markdown => Format::Markdown,
            ReportFormat::Sarif => Format::Sarif,
            ReportFormat::Github => Format::Github,
            ReportFormat::Html => Format::Html,
        }
    }
}

/// Renders a report. `color` asks for ANSI colours (text format only).
pub fn render(report: &Report, format: Format, color: bool) -> String {
    match format {
        Format::Text => text::render(report, color),
        Format::Json => json::render(report),
        Format::Markdown => markdown::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report),
        Format::Html => html::render(report),
    }
}

/// The most claims a report format other than JSON shows per finding; the rest are
/// counted in a line of their own (JSON, the full record, lists every claim). A fact
/// stated in ten thousand sources is one finding with ten thousand claims, and GitHub
/// shows only the first few dozen annotations of a run anyway.
pub const EVIDENCE_SHOWN_MAX: usize = 100;

/// The longest finding message repeated with each claim (GitHub annotations, SARIF
/// related locations), in characters: a message names the values and their sources,
/// so it grows with the claims, and repeating it whole per claim would make the
/// output quadratic. Where a format prints the message once, it is printed whole.
pub const MESSAGE_REPEATED_MAX: usize = 500;

/// The claims of `finding` a format shows, and how many are left out
/// ([`EVIDENCE_SHOWN_MAX`], and those the finding only counts: [`Finding::omitted`]).
pub(crate) fn shown_claims(finding: &Finding) -> (&[Evidence], usize) {
    let shown = finding.claims.len().min(EVIDENCE_SHOWN_MAX);
    (&finding.claims[..shown], finding.claims_total() - shown)
}

/// Where the claims a format leaves out can be read: all in the JSON, unless the
/// finding itself counts some without listing them.
pub(crate) fn listed_in_json(finding: &Finding) -> String {
    if finding.omitted.is_empty() {
        "the JSON report lists them all".to_string()
    } else {
        format!(
            "the JSON report lists the first {} of each value and counts the rest",
            crate::check::CLAIMS_PER_VALUE_MAX
        )
    }
}

/// `text` cut to `max` characters, with `… (N more characters)` when cut.
pub(crate) fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((at, _)) => {
            let rest = text[at..].chars().count();
            Cow::Owned(format!("{}… ({rest} more characters)", &text[..at]))
        }
    }
}

/// `text` with every control character but those in `keep` written as a visible escape
/// (`\u{1b}`), so that nothing read from a source or a file name can move a terminal's
/// cursor, recolour it, or start a line of its own (a line GitHub Actions would run as
/// a workflow command). Bidirectional overrides are escaped too: they reorder what a
/// reader sees.
pub(crate) fn visible<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    let unsafe_char = |c: char| (c.is_control() || is_bidi_control(c)) && !keep.contains(&c);
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The Unicode bidirectional embedding, override and isolate controls.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A claim as a desk reads it: the text as written, then the normalized value in
/// brackets, rounded for reading: `30 ft (9.14 m)`, `Sunday morning (2024-05-12,
/// morning)`, `March 25-28 (2018-03-25/2018-03-28 → 4 days)`. The text alone when it
/// already says the value (`2011`). Exact values stay in the JSON.
pub fn value_label(evidence: &Evidence) -> String {
    let reading = value_reading(evidence);
    if evidence.claim.text.is_empty() || evidence.claim.text == reading {
        reading
    } else {
        format!("{} ({reading})", evidence.claim.text)
    }
}

/// The normalized value alone, rounded for reading, with its modifier and, for a
/// derived duration, the range it comes from: `about 9.14 m`, `2018-03-25/2018-03-28 →
/// 4 days`.
pub fn value_reading(evidence: &Evidence) -> String {
    let mut label = reading(&evidence.claim.value);
    if let Some(modifier) = evidence.claim.modifier {
        let name = serde_json::to_value(modifier).ok().and_then(|v| v.as_str().map(str::to_owned));
        if let Some(name) = name {
            label = format!("{name} {label}");
        }
    }
    match &evidence.derived_from {
        Some(from) => format!("{} → {label}", reading(&from.value)),
        None => label,
    }
}

/// A value rounded for reading: quantities in a unit of their size (`13,468 km²`, not
/// `13467938173.7472 m2`), numbers with thousands separators, durations in words,
/// parts of day in words (`2024-05-12, morning`).
pub(crate) fn reading(value: &Value) -> String {
    match value {
        Value::Quantity { amount, unit } => {
            let (amount, unit) = match unit.as_str() {
                "m2" if amount.abs() >= 1e6 => (amount / 1e6, "km²"),
                "m2" => (*amount, "m²"),
                "m3" => (*amount, "m³"),
                "m" if amount.abs() >= 1000.0 => (amount / 1000.0, "km"),
                "kg" if amount.abs() >= 1000.0 => (amount / 1000.0, "t"),
                other => (*amount, other),
            };
            if unit == "%" { format!("{}%", rounded(amount)) } else { format!("{} {unit}", rounded(amount)) }
        }
        Value::Number(n) => rounded(*n),
        Value::Date(timex) => timex_reading(timex),
        Value::Range { start, end } => format!("{}/{}", timex_reading(start), timex_reading(end)),
        Value::Duration(_) => describe(value),
        other => other.to_string(),
    }
}

/// A TIMEX3 value with its part of day in words: `2024-05-12TMO` is `2024-05-12,
/// morning`.
fn timex_reading(timex: &Timex) -> String {
    let text = timex.to_string();
    let parts = [("TMO", "morning"), ("TAF", "afternoon"), ("TEV", "evening"), ("TNI", "night"), ("TDT", "daytime")];
    for (code, words) in parts {
        if let Some(day) = text.strip_suffix(code) {
            return format!("{day}, {words}");
        }
    }
    text
}

/// A number for reading: whole above 100 (with thousands separators), else three
/// significant digits; `1.5 million` style for large round amounts is left to the
/// words a message uses.
fn rounded(n: f64) -> String {
    if !n.is_finite() {
        return n.to_string();
    }
    if n.abs() >= 100.0 {
        return thousands(n.round());
    }
    if n == 0.0 {
        return "0".to_string();
    }
    let digits = (2 - n.abs().log10().floor() as i32).max(0);
    let factor = 10f64.powi(digits);
    format_number((n * factor).round() / factor)
}

/// A whole number with commas between thousands: `13468`, `13,468`.
fn thousands(n: f64) -> String {
    let digits = format_number(n.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0.0 { format!("-{out}") } else { out }
}

/// A source as a desk names it: its outlet beside its file, `Reuters (reuters.txt)`,
/// or the path alone.
pub(crate) fn source_label(evidence: &Evidence) -> String {
    match &evidence.place.outlet {
        Some(outlet) => format!("{outlet} ({})", evidence.place.source),
        None => evidence.place.source.to_string(),
    }
}

/// Which sources hold which value, largest group first:
/// `[("4 days", ["001.txt", "002.txt"]), ("2 days", ["000.txt"])]`.
pub(crate) fn value_groups(claims: &[Evidence]) -> Vec<(String, Vec<String>)> {
    // Groups in the order their values first appear, found by value in a map: one
    // pass, however many distinct values there are.
    let mut groups: Vec<(String, BTreeSet<String>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for claim in claims {
        let value = reading(&claim.claim.value);
        let at = *index.entry(value).or_insert_with_key(|value| {
            groups.push((value.clone(), BTreeSet::new()));
            groups.len() - 1
        });
        groups[at].1.insert(source_label(claim));
    }
    // Stable: equal-sized groups keep the order of the claims (outliers first).
    groups.sort_by_key(|(_, sources)| std::cmp::Reverse(sources.len()));
    groups.into_iter().map(|(value, sources)| (value, sources.into_iter().collect())).collect()
}

/// The sources by value in one line: `4 days: 001.txt, 002.txt; 2 days: 000.txt`.
pub(crate) fn agreement_line(claims: &[Evidence]) -> String {
    value_groups(claims)
        .iter()
        .map(|(value, sources)| format!("{value}: {}", sources.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The counted phrases ("3 findings", "1 error") that every format's summary line is
/// made of, so the formats agree on them.
pub(crate) struct Tally {
    pub findings: String,
    pub errors: String,
    pub warnings: String,
    pub infos: String,
    pub sources: String,
    pub sentences: String,
    pub claims: String,
}

impl Tally {
    pub(crate) fn of(report: &Report) -> Tally {
        let (errors, warnings, infos) = report.counts();
        Tally {
            findings: count(report.findings.len(), "finding", "findings"),
            errors: count(errors, "error", "errors"),
            warnings: count(warnings, "warning", "warnings"),
            infos: count(infos, "info", "infos"),
            sources: count(report.summary.sources, "source", "sources"),
            sentences: count(report.summary.sentences, "sentence", "sentences"),
            claims: count(report.summary.claims, "claim", "claims"),
        }
    }
}

/// `1 finding`, `3 findings`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::ClaimKind;

    fn quantity(text: &str, amount: f64, unit: &str) -> Evidence {
        let mut evidence =
            Evidence::new("a.txt", ClaimKind::Quantity, Value::Quantity { amount, unit: unit.into() }, text);
        evidence.claim.unit = Some(unit.into());
        evidence
    }

    #[test]
    fn values_read_as_written_with_the_normalized_value_rounded() {
        let date = |text: &str, value: &str| {
            Evidence::new("a.txt", ClaimKind::Date, Value::Date(value.parse().unwrap()), text)
        };
        let table = [
            (quantity("30 ft", 9.144, "m"), "30 ft (9.14 m)", "9.14 m"),
            (quantity("5,200 sq mi", 13_467_938_173.747_2, "m2"), "5,200 sq mi (13,468 km²)", "13,468 km²"),
            (quantity("2.5 hectares", 25_000.0, "m2"), "2.5 hectares (25,000 m²)", "25,000 m²"),
            (quantity("40%", 40.0, "%"), "40%", "40%"),
            (quantity("1.6 mile", 2574.9504, "m"), "1.6 mile (2.57 km)", "2.57 km"),
            (date("Sunday morning", "2024-05-12TMO"), "Sunday morning (2024-05-12, morning)", "2024-05-12, morning"),
            (date("2011", "2011"), "2011", "2011"),
            (Evidence::new("a.txt", ClaimKind::Number, Value::Number(28_000.0), "28,000"), "28,000", "28,000"),
        ];
        for (evidence, label, value) in table {
            assert_eq!(value_label(&evidence), label);
            assert_eq!(value_reading(&evidence), value);
        }
    }

    #[test]
    fn sources_carry_their_outlet() {
        let mut reuters = quantity("30 ft", 9.144, "m");
        reuters.place.outlet = Some("Reuters".into());
        let plain = quantity("9 m", 9.0, "m");
        assert_eq!(source_label(&reuters), "Reuters (a.txt)");
        assert_eq!(source_label(&plain), "a.txt");
        assert_eq!(agreement_line(&[reuters, plain]), "9.14 m: Reuters (a.txt); 9 m: a.txt");
    }
}
