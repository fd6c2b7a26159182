//! How sure discovery is that a finding of an induced fact is a real disagreement about
//! one fact: sources on each side, how alike the sides' sentences are, and how exact
//! and how close the values are.

use std::collections::{BTreeMap, BTreeSet};

use super::context;
use crate::check::{Evidence, Finding};
use crate::value::{Extent, Modifier};

/// Weights of the parts of the confidence; they sum to 1.
const SOURCES_WEIGHT: f64 = 0.3;
const CONTEXT_WEIGHT: f64 = 0.3;
const EXACT_WEIGHT: f64 = 0.2;
const CLOSE_WEIGHT: f64 = 0.2;

/// Sources on the smaller side at which that part is full: three outlets against
/// three is as sure as a split gets.
const SOURCES_FULL: f64 = 3.0;

/// The confidence of a finding, in [0, 1], from its claims.
pub fn confidence(finding: &Finding) -> f64 {
    let mut sides: BTreeMap<String, Vec<&Evidence>> = BTreeMap::new();
    for claim in &finding.claims {
        sides.entry(claim.claim.value.to_string()).or_default().push(claim);
    }
    let mut by_size: Vec<&Vec<&Evidence>> = sides.values().collect();
    by_size.sort_by_key(|side| std::cmp::Reverse(sources(side)));
    let (Some(first), Some(second)) = (by_size.first(), by_size.get(1)) else {
        return 0.0;
    };
    let smaller = sources(first).min(sources(second)) as f64;
    let larger = sources(first).max(sources(second)) as f64;
    let support = ((smaller + larger - 1.0) / (2.0 * SOURCES_FULL - 1.0)).min(1.0);

    let stems = |side: &Vec<&Evidence>| -> Vec<Vec<String>> {
        side.iter().map(|c| context::stems_of(&c.place.sentence)).collect()
    };
    let (a, b) = (stems(first), stems(second));
    let mut alike = 0.0f64;
    for x in &a {
        for y in &b {
            alike = alike.max(context::similarity(x, y));
        }
    }

    let exact = finding.claims.iter().filter(|c| is_exact(c)).count() as f64 / finding.claims.len().max(1) as f64;
    let close = closeness(first[0], second[0]);
    let score = SOURCES_WEIGHT * support + CONTEXT_WEIGHT * alike + EXACT_WEIGHT * exact + CLOSE_WEIGHT * close;
    (score * 100.0).round() / 100.0
}

/// Distinct sources of a side.
fn sources(side: &[&Evidence]) -> usize {
    side.iter().map(|c| &*c.place.source).collect::<BTreeSet<&str>>().len()
}

/// A value stated as it is: no hedge or bound ("about", "more than").
fn is_exact(claim: &Evidence) -> bool {
    !matches!(
        claim.claim.modifier,
        Some(Modifier::Approx | Modifier::MoreThan | Modifier::LessThan | Modifier::AtLeast | Modifier::AtMost)
    )
}

/// How close two values are, 1 for equal midpoints falling to 0 when one is twice the
/// other or more: a misprint or a second estimate lies close, another figure far.
fn closeness(a: &Evidence, b: &Evidence) -> f64 {
    let mid = |c: &Evidence| match c.claim.value.extent() {
        Some(Extent::Interval(i)) => Some((i.lo + i.hi) / 2.0).filter(|m| m.is_finite()),
        _ => None,
    };
    match (mid(a), mid(b)) {
        (Some(x), Some(y)) if x.abs().max(y.abs()) > 0.0 => {
            let ratio = x.abs().min(y.abs()) / x.abs().max(y.abs());
            (2.0 * ratio - 1.0).clamp(0.0, 1.0)
        }
        _ => 0.5,
    }
}
