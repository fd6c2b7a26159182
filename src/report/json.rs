//! The JSON report of the SPEC, version 1.

use super::Report;

/// Renders the report as pretty-printed JSON with a final newline.
pub fn render(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
