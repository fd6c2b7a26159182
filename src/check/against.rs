//! A draft against its references (`check --against`): findings about the draft only.
//!
//! Each fact's claims split into the draft's and the references'. A draft claim no
//! reference agrees with stands `alone` against them; one that agrees with some
//! references but with no more of them than disagree is one side of a `split`; one
//! that agrees with more references than disagree is silent, and so is a fact only
//! the draft states. Disagreements among the references alone are not findings: they
//! are counted. A fact with a record (`value:`) judges the draft's claims against the
//! record instead, as a one-source check does.

use std::collections::BTreeSet;

use rayon::prelude::*;

use crate::rules::{Fact, RuleSet, Severity};
use crate::value::{Interval, describe};

use super::compare::claims_agree;
use super::{DraftSide, Evidence, Finding, FindingKind, Selected, compare_in_context, record, sort_findings};

/// What checking a draft against its references found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftCheck {
    /// Findings about the draft, in report order.
    pub findings: Vec<Finding>,
    /// Facts on which the references disagree among themselves (not findings).
    pub reference_conflicts: usize,
}

/// Checks the claims of the draft sources (`is_draft` says which, by the path
/// evidence shows) against the claims of every other source, fact by fact.
pub fn check(rules: &RuleSet, selected: Vec<Selected>, is_draft: &(dyn Fn(&str) -> bool + Sync)) -> DraftCheck {
    let mut groups: Vec<Vec<(Evidence, Option<Interval>)>> = vec![Vec::new(); rules.facts.len()];
    for s in selected {
        if let Some(group) = groups.get_mut(s.fact) {
            group.push((s.evidence, s.context));
        }
    }
    let facts: Vec<(&String, &Fact)> = rules.facts.iter().collect();
    let per_fact: Vec<(Vec<Finding>, bool)> = groups
        .into_par_iter()
        .enumerate()
        .map(|(i, claims)| {
            let (id, fact) = facts[i];
            let (draft, references): (Vec<_>, Vec<_>) =
                claims.into_iter().partition(|(e, _)| is_draft(&e.place.source));
            let draft: Vec<Evidence> = draft.into_iter().map(|(e, _)| e).collect();
            let split =
                compare_in_context(id, fact, references.clone()).iter().any(|f| f.kind == FindingKind::Conflict);
            let references: Vec<Evidence> = references.into_iter().map(|(e, _)| e).collect();
            let findings = match record::read(fact) {
                Some(known) => record::contradictions(id, fact, &known, &draft, rules.record_place(id).as_ref())
                    .into_iter()
                    .collect(),
                None => judge(id, fact, &draft, &references),
            };
            (findings, split)
        })
        .collect();
    let reference_conflicts = per_fact.iter().filter(|(_, split)| *split).count();
    let mut findings: Vec<Finding> = per_fact.into_iter().flat_map(|(f, _)| f).collect();
    sort_findings(&mut findings);
    DraftCheck { findings, reference_conflicts }
}

/// The draft's claims of one fact against the references' claims of it.
fn judge(id: &str, fact: &Fact, draft: &[Evidence], references: &[Evidence]) -> Vec<Finding> {
    if draft.is_empty() || references.is_empty() {
        return Vec::new();
    }
    let sources: BTreeSet<&str> = references.iter().map(|r| r.place.source.as_ref()).collect();
    let mut alone = Vec::new();
    let mut split = Vec::new();
    for claim in draft {
        let agreeing: BTreeSet<&str> =
            references.iter().filter(|r| claims_agree(fact, claim, r)).map(|r| r.place.source.as_ref()).collect();
        // A reference that states the draft's value somewhere sides with the draft.
        let disagreeing = sources.len() - agreeing.len();
        if agreeing.is_empty() {
            alone.push(claim);
        } else if agreeing.len() <= disagreeing {
            split.push(claim);
        }
    }
    let mut findings = Vec::new();
    for (side, claims) in [(DraftSide::Alone, alone), (DraftSide::Split, split)] {
        if claims.is_empty() {
            continue;
        }
        let (severity, note) = match side {
            DraftSide::Alone => (
                fact.severity,
                format!("the draft stands alone: none of the {} reference(s) that state this fact agrees", sources.len()),
            ),
            DraftSide::Split => (
                fact.severity.min(Severity::Warning),
                "the references are split, and no more of them agree with the draft than disagree: check which is right"
                    .to_string(),
            ),
        };
        let message = format!("the draft states {}; the references state {}", values(&claims), groups(references));
        let evidence = claims.into_iter().cloned().chain(references.iter().cloned()).collect();
        findings.push(Finding {
            id: id.to_string(),
            kind: FindingKind::Conflict,
            severity,
            message,
            note: Some(note),
            claims: evidence,
            omitted: Vec::new(),
            side: Some(side),
            confidence: None,
        });
    }
    findings
}

/// The draft's values: "2 days" or "2 days / 3 days".
fn values(claims: &[&Evidence]) -> String {
    let mut labels: Vec<String> = Vec::new();
    for claim in claims {
        let label = describe(&claim.claim.value);
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels.join(" / ")
}

/// The references' values and how many hold each, largest group first: "4 days (3
/// sources: a.txt, b.txt, c.txt), 3 days (1 source: d.txt)".
fn groups(references: &[Evidence]) -> String {
    let mut groups: Vec<(String, BTreeSet<&str>)> = Vec::new();
    for r in references {
        let label = describe(&r.claim.value);
        let name = r.place.source.rsplit('/').next().unwrap_or(&r.place.source);
        match groups.iter_mut().find(|(l, _)| *l == label) {
            Some((_, sources)) => {
                sources.insert(name);
            }
            None => groups.push((label, BTreeSet::from([name]))),
        }
    }
    groups.sort_by_key(|(_, sources)| std::cmp::Reverse(sources.len()));
    groups
        .iter()
        .map(|(label, sources)| {
            let noun = if sources.len() == 1 { "source" } else { "sources" };
            let names: Vec<&str> = sources.iter().copied().collect();
            format!("{label} ({} {noun}: {})", sources.len(), names.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Defaults, FactSpec};
    use crate::value::{ClaimKind, Value};

    fn fact() -> Fact {
        let spec: FactSpec = serde_yaml::from_str("claim: duration\ncues: [visit]").unwrap();
        Fact::resolve(&spec, &Defaults::default())
    }

    fn claim(source: &str, value: &str) -> Evidence {
        Evidence::new(source, ClaimKind::Duration, Value::read(ClaimKind::Duration, value, None).unwrap(), value)
    }

    #[test]
    fn the_draft_alone_split_or_agreeing() {
        let refs = |values: &[(&str, &str)]| values.iter().map(|(s, v)| claim(s, v)).collect::<Vec<_>>();
        let table: [(&str, Vec<Evidence>, Option<DraftSide>, &str); 6] = [
            (
                "P2D",
                refs(&[("r/a", "P4D"), ("r/b", "P4D")]),
                Some(DraftSide::Alone),
                "the draft states 2 days; the references state 4 days (2 sources: a, b)",
            ),
            ("P4D", refs(&[("r/a", "P4D"), ("r/b", "P4D")]), None, ""),
            ("P4D", refs(&[("r/a", "P4D"), ("r/b", "P4D"), ("r/c", "P3D")]), None, ""),
            (
                "P3D",
                refs(&[("r/a", "P4D"), ("r/b", "P4D"), ("r/c", "P3D")]),
                Some(DraftSide::Split),
                "the draft states 3 days; the references state 4 days (2 sources: a, b), 3 days (1 source: c)",
            ),
            (
                "P3D",
                refs(&[("r/a", "P4D"), ("r/c", "P3D")]),
                Some(DraftSide::Split),
                "the draft states 3 days; the references state 4 days (1 source: a), 3 days (1 source: c)",
            ),
            ("P3D", Vec::new(), None, ""),
        ];
        for (value, references, side, message) in table {
            let found = judge("len", &fact(), &[claim("d/draft", value)], &references);
            assert_eq!(found.first().and_then(|f| f.side), side, "{value} {references:?}");
            if let Some(f) = found.first() {
                assert_eq!(f.message, message);
                assert_eq!(f.claims[0].place.source.as_ref(), "d/draft", "the draft's claim first");
                assert_eq!(f.claims.len(), references.len() + 1);
                let expected = if side == Some(DraftSide::Alone) { Severity::Error } else { Severity::Warning };
                assert_eq!(f.severity, expected);
            }
        }
    }
}
