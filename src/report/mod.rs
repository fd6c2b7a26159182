//! Reports: one serde model (the SPEC's JSON, version 1) and one file per output
//! format rendered from it.

mod json;
mod text;

use serde::Serialize;

use crate::check::Finding;
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
        };
        Report { version: 1, sources, findings, errors, summary, baselined: 0, warnings: Vec::new() }
    }

    /// The number of findings at each severity: (errors, warnings, infos).
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |s: Severity| self.findings.iter().filter(|f| f.severity == s).count();
        (count(Severity::Error), count(Severity::Warning), count(Severity::Info))
    }
}

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// rustc-style blocks for a terminal.
    Text,
    /// The SPEC's JSON report.
    Json,
}

/// Renders a report. `color` asks for ANSI colours (text format only).
pub fn render(report: &Report, format: Format, color: bool) -> String {
    match format {
        Format::Text => text::render(report, color),
        Format::Json => json::render(report),
    }
}
