//! Baselines: today's findings recorded, so that later runs report only new ones.
//!
//! A team adopting factlint on an existing corpus writes a baseline once
//! (`--write-baseline FILE`) and checks against it (`--baseline FILE`). A finding is
//! known by its fingerprint: fact or entity id, kind, and the source, text and value
//! of each claim. Lines and columns are left out, so that edits elsewhere in a file do
//! not make an old finding look new.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::check::Finding;

/// The recorded findings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Version of the baseline file format.
    pub version: u32,
    /// One fingerprint per finding.
    pub findings: BTreeSet<String>,
}

/// A baseline file that could not be read or written.
#[derive(Debug, thiserror::Error)]
#[error("baseline {path}: {message}")]
pub struct BaselineError {
    /// The baseline file.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// The fingerprint of a finding.
pub fn fingerprint(finding: &Finding) -> String {
    let mut claims: Vec<String> = finding
        .claims
        .iter()
        .map(|c| format!("{}\u{1f}{}\u{1f}{}", c.place.source, c.claim.text, c.claim.value))
        .collect();
    claims.sort();
    claims.dedup();
    format!("{}\u{1e}{}\u{1e}{}", finding.id, finding.kind.as_str(), claims.join("\u{1d}"))
}

impl Baseline {
    /// Records findings.
    pub fn of(findings: &[Finding]) -> Baseline {
        Baseline { version: 1, findings: findings.iter().map(fingerprint).collect() }
    }

    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let error = |message: String| BaselineError { path: crate::source::display_path(path), message };
        let text = crate::source::read_regular(path).map_err(|e| error(e.to_string()))?;
        serde_json::from_str(&text).map_err(|e| error(format!("line {}, column {}: {e}", e.line(), e.column())))
    }

    /// Writes the baseline as JSON.
    pub fn save(&self, path: &Path) -> Result<(), BaselineError> {
        let text = serde_json::to_string_pretty(self).unwrap_or_default() + "\n";
        std::fs::write(path, text)
            .map_err(|e| BaselineError { path: crate::source::display_path(path), message: e.to_string() })
    }

    /// Removes the findings the baseline knows; returns how many were removed.
    pub fn filter(&self, findings: &mut Vec<Finding>) -> usize {
        let before = findings.len();
        findings.retain(|f| !self.findings.contains(&fingerprint(f)));
        before - findings.len()
    }
}
