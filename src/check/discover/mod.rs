//! Discovery without rules: the facts several sources state, found from the claims
//! alone, as a rule set that the ordinary check then runs.
//!
//! The map step ([`observe`], per source) keeps each comparable claim with the content
//! words of its clause (`context`: stemmed, stop words out, synonyms classed) and the
//! entities named in its sentence. The reduce step ([`group`]) gives each claim to the
//! word that governs it and keeps the groups that two or more sources share; [`induce`]
//! writes one fact per group as a commented rule file and reads it through
//! [`RuleSet::add`](crate::rules::RuleSet::add), so the discovered facts are checked
//! exactly as written ones are, and `factlint suggest` writes that same file. Each
//! finding then gets a [`confidence`], and [`rank`] orders and filters them.
//! `docs/discover.md` says why it is built this way and how well it does.

mod confidence;
mod context;
mod group;
mod induce;

pub use confidence::confidence;
pub use context::{Cue, NEAR_WORDS, cues_near, similarity, stem, stems_of};
pub use group::{Example, Group, Key, Observations, Observed, group, observe};
pub use induce::{INDUCED_FILE, Induced, during, ids, induce};

use super::{Finding, FindingKind};
use crate::rules::{FactKind, RuleSet};

/// How often a disagreement of a discovered fact is a real one, before its claims are
/// looked at: dates less (a weekday resolved against another publication day, a
/// caption's hour, two moments of one story), figures that rise as reports come in less
/// (a toll of Monday against one of Tuesday), other facts fully.
pub fn prior(rules: &RuleSet, id: &str) -> f64 {
    match rules.facts.get(id) {
        Some(fact) if matches!(fact.claim, FactKind::Date | FactKind::DateRange) => DATE_PRIOR,
        Some(fact) if fact.evolving => EVOLVING_PRIOR,
        _ => 1.0,
    }
}

/// See [`prior`].
const DATE_PRIOR: f64 = 0.6;
/// See [`prior`].
const EVOLVING_PRIOR: f64 = 0.7;

/// The confidence below which `discover` leaves a finding out unless told otherwise
/// (`--min-confidence`); chosen on the development events (docs/accuracy.md).
pub const MIN_CONFIDENCE: f64 = 0.45;

/// Whether discovery reports a finding of this kind: disagreements and name findings;
/// claims set apart as another event are left to `explain`.
fn is_reported(kind: FindingKind) -> bool {
    matches!(
        kind,
        FindingKind::Conflict
            | FindingKind::Update
            | FindingKind::Imprecise
            | FindingKind::Variant
            | FindingKind::Expansion
    )
}

/// The findings of a discovered rule set as `discover` reports them: each with its
/// confidence, those below `min_confidence` and those of other kinds left out, the
/// most confident first (then by id, kind and message, so the order is stable).
pub fn rank(findings: &mut Vec<Finding>, rules: &RuleSet, min_confidence: f64) {
    findings.retain(|f| is_reported(f.kind));
    for finding in findings.iter_mut() {
        finding.confidence = Some(confidence(finding, prior(rules, &finding.id)));
    }
    findings.retain(|f| f.confidence.unwrap_or(0.0) >= min_confidence);
    findings.sort_by(|a, b| {
        let (ca, cb) = (a.confidence.unwrap_or(0.0), b.confidence.unwrap_or(0.0));
        cb.total_cmp(&ca).then_with(|| a.id.cmp(&b.id)).then_with(|| a.message.cmp(&b.message))
    });
}
