//! The Markdown report, for pull-request comments and desk review: a summary, then one
//! section per finding with a table of its claims. Everything taken from the sources is
//! escaped so that a sentence can neither break a table nor inject markup.

use std::fmt::Write;

use super::{Report, Tally, listed_in_json, shown_claims, value_reading};
use crate::check::{Evidence, Finding};

/// How many characters of sentence a table cell shows on each side of the claim.
const CONTEXT: usize = 60;

/// Renders the report as GitHub-flavoured Markdown.
pub fn render(report: &Report) -> String {
    let mut out = String::from("# factlint report\n\n");
    let t = Tally::of(report);
    let _ = writeln!(
        out,
        "**{}** ({}, {}, {}) in {} ({}, {}).\n",
        t.findings, t.errors, t.warnings, t.infos, t.sources, t.sentences, t.claims
    );
    if report.findings.is_empty() {
        out.push_str("The sources agree: no finding.\n\n");
    }
    for finding in &report.findings {
        section(&mut out, finding);
    }
    if !report.errors.is_empty() {
        out.push_str("## Sources not read\n\n| Source | Error |\n| --- | --- |\n");
        for error in &report.errors {
            let _ = writeln!(out, "| {} | {} |", escape(&error.source), escape(&error.message));
        }
        out.push('\n');
    }
    if !report.warnings.is_empty() {
        out.push_str("## Notes\n\n");
        for warning in &report.warnings {
            let _ = writeln!(out, "- {}", escape(warning));
        }
        out.push('\n');
    }
    out
}

fn section(out: &mut String, finding: &Finding) {
    let _ = writeln!(
        out,
        "## {} `{}`: {}\n\n| Severity | Kind | Message |\n| --- | --- | --- |\n| {} | {} | {} |\n",
        finding.severity.as_str(),
        code(&finding.id),
        finding.kind_str(),
        finding.severity.as_str(),
        finding.kind_str(),
        escape(&finding.message)
    );
    if let Some(note) = &finding.note {
        let _ = writeln!(out, "> {}\n", escape(note));
    }
    out.push_str("| Where | Text | Value | Sentence |\n| --- | --- | --- | --- |\n");
    let (claims, left_out) = shown_claims(finding);
    for claim in claims {
        let _ = writeln!(
            out,
            "| {}`{}:{}:{}` | {} | `{}` | {} |",
            claim.place.outlet.as_deref().map(|o| format!("{} ", escape(o))).unwrap_or_default(),
            code(&claim.place.source),
            claim.place.line,
            claim.place.column,
            escape(&claim.claim.text),
            code(&value_reading(claim)),
            excerpt(claim)
        );
    }
    if left_out > 0 {
        let _ = writeln!(out, "| {left_out} more claims | | | ({}) |", listed_in_json(finding));
    }
    out.push('\n');
}

/// The sentence around the claim, the claim in bold, cut to [`CONTEXT`] characters on
/// each side (of the excerpt [`Evidence::excerpt`] gives, so the work is bounded
/// however long the sentence).
fn excerpt(claim: &Evidence) -> String {
    let excerpt = claim.excerpt();
    let range = excerpt.claim;
    let sentence = excerpt.text.as_ref();
    let before: Vec<char> = sentence[..range.start].chars().collect();
    let after: Vec<char> = sentence[range.end..].chars().collect();
    let head: String = before[before.len().saturating_sub(CONTEXT)..].iter().collect();
    let tail: String = after[..after.len().min(CONTEXT)].iter().collect();
    let lead = if before.len() > CONTEXT { "…" } else { "" };
    let trail = if after.len() > CONTEXT { "…" } else { "" };
    let claim_text = &sentence[range];
    if claim_text.len() == sentence.len() {
        return escape(sentence);
    }
    format!("{lead}{}**{}**{}{trail}", escape(&head), escape(claim_text), escape(&tail))
}

/// Text for inline code in a table cell: a backtick would end the code and a line break
/// the row, so they are dropped, and `|` is escaped (GFM splits cells before code).
fn code(text: &str) -> String {
    text.replace(|c: char| c == '`' || c.is_control(), "").replace('|', "\\|")
}

/// Text safe in a table cell: Markdown punctuation is backslash-escaped, HTML's
/// specials become entities, and line breaks become spaces (a cell is one line). An
/// underscore inside a word (`000_6c0d`) cannot start emphasis and stays as written.
fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let inside_word = |at: Option<&char>| at.is_some_and(|c| c.is_alphanumeric());
        match c {
            '_' if inside_word(i.checked_sub(1).and_then(|p| chars.get(p))) && inside_word(chars.get(i + 1)) => {
                out.push(c)
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => {}
            '\n' => out.push(' '),
            // A zero-width space after `@` keeps a quoted `@name` from pinging anyone
            // when the report is posted as a pull-request comment.
            '@' => out.push_str("@&#8203;"),
            c if c.is_control() => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}
