//! Name findings (the reduce step of the name claims that the extract side's name
//! scan found): a spelling that is not the house spelling is a `variant` finding
//! ([`spelling`]), an expansion that is not the rule's (or, without one, not what
//! most sources say) an `expansion` finding ([`expansion`]). Without rules,
//! [`discover`] finds the entities those checks can take: names written two ways
//! across sources, and acronyms with two expansions.

pub mod discover;
mod expansion;
mod spelling;

pub use discover::{DiscoveredEntity, SourceNames, entities};

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::rules::RuleSet;
use crate::value::ClaimKind;

use super::{Evidence, Finding, FindingKind};

/// Variant and expansion findings across sources (reduce step).
pub fn compare(rules: &RuleSet, names: Vec<Evidence>) -> Vec<Finding> {
    let mut by_entity: BTreeMap<(String, ClaimKind), Vec<Evidence>> = BTreeMap::new();
    for claim in names {
        if let Some(entity) = claim.claim.entity.clone() {
            by_entity.entry((entity, claim.claim.kind)).or_default().push(claim);
        }
    }
    // Entities are independent, and their spelling comparisons are the costly part
    // (10,000 similar entities over 1,000 articles took 106 s on one thread): one task
    // per entity. The sort below makes the order independent of the threads.
    let by_entity: Vec<_> = by_entity.into_iter().collect();
    let mut findings: Vec<Finding> = by_entity
        .into_par_iter()
        .flat_map_iter(|((id, kind), claims)| {
            let Some(entity) = rules.entities.get(&id) else { return Vec::new() };
            let found = match kind {
                ClaimKind::Name if entity.name.trim().is_empty() => spelling::consensus_variants(entity, claims),
                ClaimKind::Name => spelling::house_variants(entity, claims),
                ClaimKind::Expansion => expansion::expansions(entity, claims),
                _ => Vec::new(),
            };
            let severity = rules.name_severity(&id);
            found
                .into_iter()
                .map(|draft| Finding {
                    id: id.clone(),
                    kind: draft.kind,
                    severity,
                    message: draft.message,
                    note: draft.note,
                    claims: draft.claims,
                    omitted: Vec::new(),
                    side: None,
                    confidence: None,
                })
                .collect::<Vec<_>>()
        })
        .collect();
    super::sort_findings(&mut findings);
    findings
}

/// A finding before it is given its entity's id and severity.
struct Draft {
    kind: FindingKind,
    message: String,
    note: Option<String>,
    /// The outliers first, then the references.
    claims: Vec<Evidence>,
}

/// The text of a claim's value.
fn text_of(claim: &Evidence) -> String {
    claim.claim.value.to_string()
}

/// Claims of one spelling or expansion, by source.
struct Group {
    claims: Vec<Evidence>,
    sources: BTreeSet<Arc<str>>,
}

/// Claims grouped by `key` (a spelling or an expansion), each group in file order.
fn group(claims: Vec<Evidence>, key: impl Fn(&Evidence) -> String) -> BTreeMap<String, Group> {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for claim in claims {
        let g = groups.entry(key(&claim)).or_insert_with(|| Group { claims: Vec::new(), sources: BTreeSet::new() });
        g.sources.insert(Arc::clone(&claim.place.source));
        g.claims.push(claim);
    }
    for g in groups.values_mut() {
        g.claims.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
    groups
}

/// "3 sources: 002_a.txt, 003_b.txt, 004_c.txt", naming sources by file name.
fn who(sources: &BTreeSet<Arc<str>>) -> String {
    let names: Vec<&str> = sources.iter().map(|s| s.rsplit('/').next().unwrap_or(s)).collect();
    let count = if names.len() == 1 { "1 source".to_string() } else { format!("{} sources", names.len()) };
    format!("{count}: {}", names.join(", "))
}

/// The first claim of each source, as the reference a finding shows beside the outliers.
fn references(group: Option<&Group>) -> Vec<Evidence> {
    let Some(group) = group else { return Vec::new() };
    let mut seen = BTreeSet::new();
    group.claims.iter().filter(|c| seen.insert(c.place.source.clone())).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::value::Value;

    fn rules() -> RuleSet {
        let mut set = RuleSet::default();
        set.add(
            std::path::Path::new("r.yaml"),
            "entities:\n  kim:\n    name: Kim Jong Un\n    aliases: [Kim, Leader Kim]\n  kim-il:\n    name: Kim Jong Il\n  dprk:\n    name: North Korea\n    aliases: [DPRK]\n    expansion: Democratic People's Republic of Korea\n",
        )
        .unwrap();
        set
    }

    fn evidence(source: &str, kind: ClaimKind, entity: &str, value: &str, start: usize) -> Evidence {
        let mut e = Evidence::new(source, kind, Value::Text(value.into()), value);
        e.claim.span = Span::new(start, start + value.len());
        e.claim.entity = Some(entity.into());
        e.place.column = start + 1;
        e
    }

    #[test]
    fn findings_name_sources_and_the_house_spelling() {
        let rules = rules();
        let name = |s: &str, v: &str, at| evidence(s, ClaimKind::Name, "kim", v, at);
        let findings = compare(
            &rules,
            vec![
                name("a/001.txt", "Kim Jong Un", 5),
                name("a/002.txt", "Kim Jong-un", 1),
                name("a/003.txt", "Kim Jong-un", 9),
                name("a/002.txt", "Kim Jong-un", 40),
                name("a/001.txt", "Kim Jong Un", 50),
                evidence("a/000.txt", ClaimKind::Expansion, "dprk", "Democratic Republic of Korea", 3),
            ],
        );
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0].kind, FindingKind::Expansion);
        assert_eq!(
            findings[0].message,
            "\"Democratic Republic of Korea\" (1 source: 000.txt) is not what \"DPRK\" stands for: \"Democratic People's Republic of Korea\""
        );
        assert_eq!(
            findings[1].message,
            "\"Kim Jong-un\" (2 sources: 002.txt, 003.txt) is not the house spelling \"Kim Jong Un\""
        );
        let places: Vec<(&str, usize)> =
            findings[1].claims.iter().map(|c| (c.place.source.as_ref(), c.claim.span.start)).collect();
        assert_eq!(places, [("a/002.txt", 1), ("a/002.txt", 40), ("a/003.txt", 9), ("a/001.txt", 5)]);
    }

    #[test]
    fn diacritics_either_way_and_one_finding_for_a_first_name() {
        let mut rules = RuleSet::default();
        rules
            .add(
                std::path::Path::new("r.yaml"),
                "entities:\n  nunez:\n    name: José Núñez\n  maras:\n    name: Kahramanmaras\n  chen:\n    name: Michael Chen\n    aliases: [Chen]\n",
            )
            .unwrap();
        let name = |s: &str, e: &str, v: &str| evidence(s, ClaimKind::Name, e, v, 0);
        let findings = compare(
            &rules,
            vec![
                name("a/1.txt", "nunez", "José Núñez"),
                name("a/2.txt", "nunez", "Jose Nunez"),
                name("a/1.txt", "maras", "Kahramanmaras"),
                name("a/2.txt", "maras", "Kahramanmaraş"),
                name("a/1.txt", "chen", "Michael Chen"),
                name("a/3.txt", "chen", "Micheal Chen"),
            ],
        );
        let got: Vec<(&str, &str, Option<&str>)> =
            findings.iter().map(|f| (f.id.as_str(), f.message.as_str(), f.note.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("chen", "\"Micheal Chen\" (1 source: 3.txt) is not the house spelling \"Michael Chen\"", None),
                (
                    "maras",
                    "\"Kahramanmaraş\" (1 source: 2.txt) is not the house spelling \"Kahramanmaras\"",
                    Some("the spellings differ only in diacritics")
                ),
                (
                    "nunez",
                    "\"Jose Nunez\" (1 source: 2.txt) is not the house spelling \"José Núñez\"",
                    Some("the spellings differ only in diacritics")
                ),
            ]
        );
        assert!(findings.iter().all(|f| f.kind == FindingKind::Variant));
    }

    #[test]
    fn without_a_house_spelling_most_sources_decide() {
        let mut rules = RuleSet::default();
        rules.add(std::path::Path::new("r.yaml"), "entities:\n  kim:\n    aliases: [Kim Jong Un, Kim]\n").unwrap();
        let name = |s: &str, v: &str| evidence(s, ClaimKind::Name, "kim", v, 0);
        let claims = vec![
            name("1", "Kim Jong-un"),
            name("2", "Kim Jong-un"),
            name("3", "Kim Jong Un"),
            name("4", "Kim Jung Un"),
            name("1", "Kim"),
        ];
        let messages: Vec<String> = compare(&rules, claims).into_iter().map(|f| f.message).collect();
        assert_eq!(
            messages,
            ["\"Kim Jung Un\" (1 source: 4) is not the spelling most sources use, \"Kim Jong-un\" (2 sources)"]
        );
    }

    #[test]
    fn without_an_expansion_most_sources_decide() {
        let mut rules = RuleSet::default();
        rules.add(std::path::Path::new("r.yaml"), "entities:\n  un:\n    name: UN\n").unwrap();
        let e = |s: &str, v: &str| evidence(s, ClaimKind::Expansion, "un", v, 0);
        let findings =
            compare(&rules, vec![e("1", "United Nations"), e("2", "United Nations"), e("3", "United Notions")]);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].message,
            "\"United Notions\" (1 source: 3) is not what most sources say \"UN\" stands for: \"United Nations\" (2 sources)"
        );
    }
}
