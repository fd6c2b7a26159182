//! How sure discovery is that a finding of an induced fact is a real disagreement about
//! one fact: how close the values are, how many sources state it, whether each source
//! holds one value, and how alike the sides' sentences are.

use std::collections::{BTreeMap, BTreeSet};

use super::context;
use crate::check::{Evidence, Finding};
use crate::value::{ClaimKind, Extent, Scale};

/// Weights of the parts of the confidence; they sum to 1. Closeness weighs most: a
/// misprint or a second estimate lies near the other value, another figure far from it.
const CLOSE_WEIGHT: f64 = 0.45;
const SOURCES_WEIGHT: f64 = 0.2;
const CONSISTENT_WEIGHT: f64 = 0.2;
const CONTEXT_WEIGHT: f64 = 0.15;

/// Sources at which the support part is full.
const SOURCES_FULL: f64 = 5.0;

/// The confidence of a finding, in [0, 1], from its claims, times `prior`: how often a
/// disagreement of its fact's kind is real at all (see [`super::prior`]).
pub fn confidence(finding: &Finding, prior: f64) -> f64 {
    let mut sides: BTreeMap<String, Vec<&Evidence>> = BTreeMap::new();
    for claim in &finding.claims {
        sides.entry(claim.claim.value.to_string()).or_default().push(claim);
    }
    let mut by_size: Vec<&Vec<&Evidence>> = sides.values().collect();
    by_size.sort_by_key(|side| std::cmp::Reverse(sources(side)));
    let (Some(first), Some(second)) = (by_size.first(), by_size.get(1)) else {
        return 0.0;
    };
    let all: Vec<&Evidence> = finding.claims.iter().collect();
    let support = ((sources(&all) as f64 - 1.0) / (SOURCES_FULL - 1.0)).clamp(0.0, 1.0);

    // A source that gives the finding two values mixes facts, or hedges.
    let mut values: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for claim in &finding.claims {
        values.entry(&claim.place.source).or_default().insert(claim.claim.value.to_string());
    }
    let consistent = values.values().filter(|v| v.len() == 1).count() as f64 / values.len().max(1) as f64;

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

    let mut close = 0.0f64;
    for (i, x) in finding.claims.iter().enumerate() {
        for y in &finding.claims[i + 1..] {
            if x.place.source != y.place.source && x.claim.value != y.claim.value {
                close = close.max(closeness(x, y));
            }
        }
    }
    let score =
        CLOSE_WEIGHT * close + SOURCES_WEIGHT * support + CONSISTENT_WEIGHT * consistent + CONTEXT_WEIGHT * alike;
    (prior * score * 100.0).round() / 100.0
}

/// Distinct sources of a side.
fn sources(side: &[&Evidence]) -> usize {
    side.iter().map(|c| &*c.place.source).collect::<BTreeSet<&str>>().len()
}

/// How close two values are: the ratio of the smaller midpoint to the larger (1 for
/// equal ones); for two spellings of a name, how alike their letters are; one half for dates (whose day numbers are all close) and values that
/// are not numbers on one scale. A finding is as close as its closest two values of
/// two sources.
fn closeness(a: &Evidence, b: &Evidence) -> f64 {
    // Spellings of a name are as close as their letters: "Hormedy" for "Homendy" is
    // the misprint a variant finding is about, a spelling sharing a word or two is not.
    if [a, b].iter().all(|c| matches!(c.claim.kind, ClaimKind::Name | ClaimKind::Expansion)) {
        return strsim::normalized_levenshtein(&a.claim.text.to_lowercase(), &b.claim.text.to_lowercase());
    }
    let mid = |c: &Evidence| match c.claim.value.extent() {
        Some(Extent::Interval(i)) if i.scale != Scale::Days => Some((i.lo + i.hi) / 2.0).filter(|m| m.is_finite()),
        _ => None,
    };
    match (mid(a), mid(b)) {
        (Some(x), Some(y)) if x.abs().max(y.abs()) > 0.0 => x.abs().min(y.abs()) / x.abs().max(y.abs()),
        _ => 0.5,
    }
}
