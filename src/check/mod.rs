//! Checking: claims grouped into facts, compared, and turned into findings.
//!
//! The work splits as a distributed run would split it: [`select`] is the map step,
//! run on one source at a time, which tags claims with the facts they speak of;
//! [`check`] is the reduce step, which groups tagged claims by fact and compares each
//! group on its own (in parallel with rayon). Neither knows anything of files or
//! output formats.

pub mod against;
mod compare;
pub mod discover;
mod events;
mod evidence;
pub mod names;
pub mod record;
pub mod select;

use rayon::prelude::*;

pub use compare::{Pair, Standing, compare, compare_in_context, pair, standing};
pub use evidence::{CLAIMS_PER_VALUE_MAX, Derivation, DraftSide, Evidence, Finding, FindingKind, Omitted, Place};
pub use select::{Decision, Decisions, Selected, Trace, Traced, scan, select, select_traced};

use crate::rules::RuleSet;
use crate::value::Interval;

/// Compares the selected claims of every fact and returns the findings, ordered by
/// fact id, then kind, then the place of their first claim: the same order whatever
/// the number of threads. A fact with a record (`value:`) judges its claims against
/// the record ([`record`]) rather than against one another. Each finding lists at
/// most [`CLAIMS_PER_VALUE_MAX`] claims of a value and counts the rest
/// ([`Finding::cap_claims`]), as soon as its fact is compared, so that memory holds
/// no more of a fact's evidence than the report shows.
pub fn check(rules: &RuleSet, selected: Vec<Selected>) -> Vec<Finding> {
    let mut groups: Vec<Vec<(Evidence, Option<Interval>)>> = vec![Vec::new(); rules.facts.len()];
    for s in selected {
        if let Some(group) = groups.get_mut(s.fact) {
            group.push((s.evidence, s.context));
        }
    }
    let facts: Vec<(&String, &crate::rules::Fact)> = rules.facts.iter().collect();
    let mut findings: Vec<Finding> = groups
        .into_par_iter()
        .enumerate()
        .flat_map_iter(|(i, claims)| {
            let (id, fact) = facts[i];
            let found: Vec<Finding> = match record::read(fact) {
                Some(known) => {
                    let claims: Vec<Evidence> = claims.into_iter().map(|(e, _)| e).collect();
                    record::contradictions(id, fact, &known, &claims, rules.record_place(id).as_ref())
                        .into_iter()
                        .collect()
                }
                None => compare_in_context(id, fact, claims),
            };
            found.into_iter().map(|mut finding| {
                finding.cap_claims(CLAIMS_PER_VALUE_MAX);
                finding
            })
        })
        .collect();
    sort_findings(&mut findings);
    findings
}

/// Sorts findings into their report order.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        let first = |f: &Finding| f.claims.first().map(|c| (c.place.source.clone(), c.claim.span.start));
        (&a.id, a.kind).cmp(&(&b.id, b.kind)).then_with(|| first(a).cmp(&first(b)))
    });
}
