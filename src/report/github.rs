//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation
//! per claim, so that every file in a disagreement is marked in the pull request, and
//! one per source that could not be read.
//!
//! Escaping follows the runner's rules: in the message, `%`, `\r` and `\n`; in the
//! properties, also `:` and `,`. Other control characters are written as `\u{1b}`.

use std::fmt::Write;

use super::{MESSAGE_REPEATED_MAX, Report, Tally, listed_in_json, shorten, shown_claims, value_reading, visible};
use crate::check::{Evidence, Finding};
use crate::rules::Severity;

/// Renders the report as workflow commands, with a plain summary line at the end.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for finding in &report.findings {
        let (claims, left_out) = shown_claims(finding);
        for claim in claims {
            command(&mut out, finding, claim);
        }
        if left_out > 0 {
            let _ = writeln!(
                out,
                "factlint: {} {}: {left_out} more claims not annotated ({})",
                finding.kind_str(),
                finding.id,
                listed_in_json(finding)
            );
        }
    }
    for error in &report.errors {
        let _ = writeln!(
            out,
            "::error file={},title={}::{}",
            property(&error.source),
            property("factlint: source not read"),
            data(&error.message)
        );
    }
    let t = Tally::of(report);
    let _ = writeln!(
        out,
        "factlint: {} ({}, {}, {}) in {}, {} not read",
        t.findings,
        t.errors,
        t.warnings,
        t.infos,
        t.sources,
        report.errors.len()
    );
    out
}

fn command(out: &mut String, finding: &Finding, claim: &Evidence) {
    let name = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let _ = write!(
        out,
        "::{name} file={},line={},col={}",
        property(&claim.place.source),
        claim.place.line,
        claim.place.column
    );
    // A claim on one line gets its end column, so the annotation marks just the claim.
    if !claim.claim.text.contains('\n') {
        let _ = write!(out, ",endColumn={}", claim.place.column + claim.claim.text.chars().count());
    }
    let title = format!("factlint {}: {}", finding.kind_str(), finding.id);
    // The message names every value and source: repeated whole per claim, it would
    // make the output quadratic in the claims.
    let message = shorten(&finding.message, MESSAGE_REPEATED_MAX);
    let mut message = format!("{message}\nhere: \"{}\" = {}", claim.claim.text, value_reading(claim));
    if let Some(note) = &finding.note {
        let _ = write!(message, "\nnote: {note}");
    }
    let _ = writeln!(out, ",title={}::{}", property(&title), data(&message));
}

/// A message (after `::`), escaped. Other control characters and bidirectional
/// overrides are made visible first (`\u{1b}`): the runner prints the message in the
/// job's log, whose viewer plays ANSI escapes, and an override reorders what is read.
fn data(text: &str) -> String {
    visible(text, &['\r', '\n']).replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value (`file=`, `title=`), escaped.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `report` fuzz target: an escape sequence or a right-to-left
    /// override in a message or a file name reached the job's log raw.
    #[test]
    fn control_characters_and_overrides_are_made_visible() {
        let table = [
            ("a\u{1b}[31mb", "a\\u{1b}[31mb", "a\\u{1b}[31mb"),
            ("x\u{202e}txt.exe", "x\\u{202e}txt.exe", "x\\u{202e}txt.exe"),
            ("50% done\r\nnext", "50%25 done%0D%0Anext", "50%25 done%0D%0Anext"),
            ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ];
        for (text, message, prop) in table {
            assert_eq!(data(text), message);
            assert_eq!(property(text), prop);
        }
    }
}
