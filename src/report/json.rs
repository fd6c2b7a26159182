//! The JSON report of the SPEC, version 1.
//!
//! Fields added within version 1 are optional, so readers of the first shape keep
//! working: a finding's `side` (`alone` or `split`, with `check --against` only), the
//! summary's `reference_conflicts` (facts on which the references disagree among
//! themselves, with `--against`, when there are any); and the finding kind `record`
//! (a claim that contradicts a fact's `value:`); a finding's `omitted` (the claims of a
//! value past the first 50 it lists, counted per value: `docs/claims-format.md`), only
//! when it leaves some out.

use super::Report;

/// Renders the report as pretty-printed JSON with a final newline.
pub fn render(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
