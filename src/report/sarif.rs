//! SARIF 2.1.0, as GitHub code scanning ingests it: one run, one rule per fact or
//! entity id, one result per finding located at its first claim, the other claims as
//! related locations, and the unreadable sources as tool execution notifications.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::{Value as Json, json};

use super::{Report, listed_in_json, shown_claims, value_reading};
use crate::check::{Evidence, Finding, FindingKind};
use crate::rules::Severity;

/// The schema the output conforms to.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Renders the report as a SARIF 2.1.0 log, pretty-printed, with a final newline.
pub fn render(report: &Report) -> String {
    let ids = rule_ids(report);
    let rules: Vec<Json> = ids.iter().map(|(id, findings)| rule(id, findings)).collect();
    let index: BTreeMap<&str, usize> = ids.keys().enumerate().map(|(i, id)| (*id, i)).collect();
    let results: Vec<Json> = report
        .findings
        .iter()
        .map(|finding| result(finding, index.get(finding.id.as_str()).copied().unwrap_or_default()))
        .collect();
    let notifications: Vec<Json> = report
        .errors
        .iter()
        .map(|error| {
            json!({
                "level": "error",
                "message": {"text": format!("{}: {}", error.source, error.message)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&error.source)}}}],
            })
        })
        .collect();
    let mut driver = json!({
        "name": "factlint",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    if let Some(uri) = information_uri() {
        driver["informationUri"] = json!(uri);
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [{
                "executionSuccessful": report.errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            // Columns are counted in characters, as in every factlint report.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

/// The project's page, from Cargo.toml's `homepage` or `repository` when set.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")].into_iter().find(|uri| !uri.is_empty())
}

/// The findings of each id, ids in sorted order (the rules' order in the log).
fn rule_ids(report: &Report) -> BTreeMap<&str, Vec<&Finding>> {
    let mut ids: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for finding in &report.findings {
        ids.entry(finding.id.as_str()).or_default().push(finding);
    }
    ids
}

/// The reporting descriptor of one fact or entity id.
fn rule(id: &str, findings: &[&Finding]) -> Json {
    let names = findings.iter().any(|f| matches!(f.kind, FindingKind::Variant | FindingKind::Expansion));
    let (short, full, help) = if names {
        (
            format!("Name spelled or expanded inconsistently: {id}"),
            format!(
                "The sources name the entity `{id}` in a way its rule does not accept: a spelling other than the \
                 house spelling and its aliases, or an acronym expanded differently."
            ),
            "Use the house spelling (or the rule's expansion), or add the spelling to the entity's aliases in the \
             rules if it is accepted.",
        )
    } else {
        (
            format!("Sources disagree on the fact {id}"),
            format!(
                "The claims the rules group into the fact `{id}` do not agree across sources: their normalized \
                 values do not overlap, are less precise than the rest, or changed between reports."
            ),
            "Compare the sentences of each claim and correct the source that is wrong; if the claims speak of \
             different things, narrow the fact's rule (cues, exclude, during, scope).",
        )
    };
    let worst = findings.iter().map(|f| f.severity).max().unwrap_or_default();
    let mut kinds: Vec<&str> = findings.iter().map(|f| f.kind_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut tags = vec!["factlint"];
    tags.extend(kinds);
    json!({
        "id": id,
        "name": friendly_name(id),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": help},
        "defaultConfiguration": {"level": level(worst)},
        "properties": {"tags": tags},
    })
}

/// The rule's friendly name: the id in UpperCamelCase (`FirstChinaVisitLength`).
fn friendly_name(id: &str) -> String {
    id.split(|c: char| !c.is_alphanumeric())
        .flat_map(|word| {
            let mut chars = word.chars();
            chars.next().map(|first| first.to_uppercase().chain(chars)).into_iter().flatten()
        })
        .collect()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result(finding: &Finding, rule_index: usize) -> Json {
    let mut text = format!("{}: {}", finding.kind_str(), finding.message);
    if let Some(note) = &finding.note {
        text.push_str(" (");
        text.push_str(note);
        text.push(')');
    }
    // Code scanning links `[text](id)` to the related location with that id.
    let (shown, left_out) = shown_claims(finding);
    let others: Vec<String> = shown
        .iter()
        .enumerate()
        .skip(1)
        .map(|(id, c)| {
            format!(
                "[{}]({id})",
                link_text(&format!("{}:{}:{} \"{}\"", c.place.source, c.place.line, c.place.column, c.claim.text))
            )
        })
        .collect();
    if !others.is_empty() {
        text.push_str(". Other claims: ");
        text.push_str(&others.join(", "));
    }
    if left_out > 0 {
        let _ = write!(text, " and {left_out} more ({})", listed_in_json(finding));
    }
    let mut claims = shown.iter();
    let locations: Vec<Json> = claims.next().map(|c| location(c, None)).into_iter().collect();
    let related: Vec<Json> = claims.enumerate().map(|(i, c)| location(c, Some(i + 1))).collect();
    let mut result = json!({
        "ruleId": finding.id,
        "ruleIndex": rule_index,
        "level": level(finding.severity),
        "message": {"text": text},
        "locations": locations,
        "properties": {"kind": finding.kind_str()},
    });
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    result
}

/// Text inside an embedded link, whose brackets SARIF has escaped with `\`.
fn link_text(text: &str) -> String {
    text.replace('\\', "\\\\").replace('[', "\\[").replace(']', "\\]")
}

/// A claim's place, with what it says; related locations also get an id.
fn location(claim: &Evidence, id: Option<usize>) -> Json {
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri(&claim.place.source)},
            "region": region(claim),
        },
        "message": {"text": format!("\"{}\" = {}", claim.claim.text, value_reading(claim))},
    });
    if let Some(id) = id {
        location["id"] = json!(id);
    }
    location
}

/// Lines and columns of the claim; the end is where its text ends, counted from the
/// start (a claim is short and rarely spans lines).
fn region(claim: &Evidence) -> Json {
    let (end_line, end_column) = match claim.claim.text.rfind('\n') {
        Some(at) => {
            (claim.place.line + claim.claim.text.matches('\n').count(), claim.claim.text[at + 1..].chars().count() + 1)
        }
        None => (claim.place.line, claim.place.column + claim.claim.text.chars().count()),
    };
    json!({
        "startLine": claim.place.line,
        "startColumn": claim.place.column,
        "endLine": end_line,
        "endColumn": end_column,
    })
}

/// A path as a URI reference: relative paths stay relative (code scanning resolves them
/// against the checkout), absolute ones become `file:` URIs; bytes outside the unreserved
/// set are percent-encoded (a `:` too, which would otherwise read as a scheme).
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    match path.split_at_checked(2) {
        Some((letter, rest)) if drive => format!("file:///{letter}{}", encode(rest)),
        _ if path.starts_with('/') => format!("file://{}", encode(&path)),
        _ => encode(&path),
    }
}

fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}
