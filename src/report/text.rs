//! The terminal report: one block per finding, one snippet per claim.

use std::fmt::Write;

use super::Report;

/// Renders the report for a terminal.
pub fn render(report: &Report, color: bool) -> String {
    let _ = color;
    let mut out = String::new();
    for finding in &report.findings {
        let _ =
            writeln!(out, "{}[{}]: {}: {}", finding.severity.as_str(), finding.id, finding.kind_str(), finding.message);
        for claim in &finding.claims {
            let _ = writeln!(
                out,
                "  --> {}:{}:{}  {}  = {}",
                claim.source, claim.line, claim.column, claim.text, claim.value
            );
            let _ = writeln!(out, "      | {}", claim.sentence);
        }
        out.push('\n');
    }
    for warning in &report.warnings {
        let _ = writeln!(out, "warning: {warning}");
    }
    for error in &report.errors {
        let _ = writeln!(out, "error: {}: {}", error.source, error.message);
    }
    let (e, w, i) = report.counts();
    let _ = writeln!(
        out,
        "{} sources, {} sentences, {} claims: {e} errors, {w} warnings, {i} infos; {} skipped",
        report.summary.sources, report.summary.sentences, report.summary.claims, report.summary.errors
    );
    out
}
