//! Baselines: today's findings recorded, so that later runs report only new ones.
//!
//! A team adopting factlint on an existing corpus writes a baseline once
//! (`--write-baseline FILE`) and checks against it (`--baseline FILE`). A finding is
//! known by its fingerprint: fact or entity id, kind, and the distinct values its
//! claims hold. Paths, lines and columns are left out, so that edits elsewhere in a
//! file, the same folder named another way (`./docs`, `docs/`, an absolute path) or a
//! new source agreeing with a known value do not make an old finding look new; a new
//! value does.
//!
//! The file carries its format's [`VERSION`]; any other version is refused, since its
//! fingerprints would match nothing and every old finding would come back.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::check::Finding;

/// The baseline format this factlint reads and writes. Version 1 keyed findings by
/// every claim's source, text and value.
pub const VERSION: u32 = 2;

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

/// The fingerprint of a finding: its id, kind and the distinct values of its claims.
pub fn fingerprint(finding: &Finding) -> String {
    let values: BTreeSet<String> = finding.claims.iter().map(|c| c.claim.value.to_string()).collect();
    let values: Vec<String> = values.into_iter().collect();
    format!("{}\u{1e}{}\u{1e}{}", finding.id, finding.kind.as_str(), values.join("\u{1d}"))
}

impl Baseline {
    /// Records findings.
    pub fn of(findings: &[Finding]) -> Baseline {
        Baseline { version: VERSION, findings: findings.iter().map(fingerprint).collect() }
    }

    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let error = |message: String| BaselineError { path: crate::source::display_path(path), message };
        let text = crate::source::read_regular(path).map_err(|e| error(e.to_string()))?;
        let baseline: Baseline =
            serde_json::from_str(&text).map_err(|e| error(format!("line {}, column {}: {e}", e.line(), e.column())))?;
        if baseline.version != VERSION {
            return Err(error(format!(
                "version {} is not a baseline format this factlint reads (it reads version {VERSION}); \
                 write it again with --write-baseline",
                baseline.version
            )));
        }
        Ok(baseline)
    }

    /// Writes the baseline as JSON, whole or not at all ([`crate::source::write_atomic`]).
    pub fn save(&self, path: &Path) -> Result<(), BaselineError> {
        let text = serde_json::to_string_pretty(self).unwrap_or_default() + "\n";
        crate::source::write_atomic(path, text.as_bytes())
            .map_err(|e| BaselineError { path: crate::source::display_path(path), message: e.to_string() })
    }

    /// Removes the findings the baseline knows; returns how many were removed.
    pub fn filter(&self, findings: &mut Vec<Finding>) -> usize {
        let before = findings.len();
        findings.retain(|f| !self.findings.contains(&fingerprint(f)));
        before - findings.len()
    }
}
