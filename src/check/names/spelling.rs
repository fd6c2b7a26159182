//! Variant findings: spellings of an entity other than the house spelling, or,
//! without one, other than the spelling most sources use.

use std::collections::BTreeMap;

use crate::extract::names::{Decision, Form};
use crate::rules::Entity;
use crate::text::{fold_diacritics, nfc, tidy};

use super::{Draft, Evidence, FindingKind, group, references, text_of, who};

/// Every spelling that is neither the house spelling nor an alias, against the house
/// spelling.
pub(super) fn house_variants(entity: &Entity, claims: Vec<Evidence>) -> Vec<Draft> {
    let house = tidy(&entity.name);
    let groups = group(claims, text_of);
    let reference = references(groups.get(&house));
    let mut out = Vec::new();
    for (spelling, g) in &groups {
        if *spelling == house || entity.aliases.iter().any(|a| tidy(a) == *spelling) {
            continue;
        }
        let message = format!("\"{spelling}\" ({}) is not the house spelling \"{}\"", who(&g.sources), entity.name);
        let mut notes = Vec::new();
        if only_diacritics(spelling, &house) {
            notes.push("the spellings differ only in diacritics".to_string());
        }
        if reference.is_empty() {
            notes.push(format!("no source writes the house spelling \"{}\"", entity.name));
        }
        let note = (!notes.is_empty()).then(|| notes.join("; "));
        let mut evidence = g.claims.clone();
        evidence.extend(reference.iter().cloned());
        out.push(Draft { kind: FindingKind::Variant, message, note, claims: evidence });
    }
    out
}

/// Whether two different spellings are one once their diacritics are dropped
/// ("Kahramanmaraş", "Kahramanmaras").
fn only_diacritics(a: &str, b: &str) -> bool {
    a != b && fold_diacritics(&nfc(a)).to_lowercase() == fold_diacritics(&nfc(b)).to_lowercase()
}

/// Without a house spelling, the spellings of each alias (the alias and its variants)
/// are compared among themselves: the one most sources use is the consensus, and every
/// other that is not an alias is a variant of it.
pub(super) fn consensus_variants(entity: &Entity, claims: Vec<Evidence>) -> Vec<Draft> {
    let aliases: Vec<(String, Form)> = entity.aliases.iter().map(|a| (tidy(a), Form::new(a))).collect();
    let mut clusters: BTreeMap<usize, Vec<Evidence>> = BTreeMap::new();
    for claim in claims {
        let form = Form::new(&text_of(&claim));
        let decisions: Vec<Decision> = aliases.iter().map(|(_, a)| form.decide(a)).collect();
        let nearest = decisions
            .iter()
            .position(|d| *d == Decision::Same)
            .or_else(|| decisions.iter().position(|d| *d == Decision::Variant));
        if let Some(alias) = nearest {
            clusters.entry(alias).or_default().push(claim);
        }
    }
    let mut out = Vec::new();
    for claims in clusters.into_values() {
        let groups = group(claims, text_of);
        let is_alias = |spelling: &str| aliases.iter().any(|(a, _)| a == spelling);
        let Some((consensus, top)) = groups.iter().max_by(|a, b| {
            (a.1.sources.len(), a.1.claims.len(), is_alias(a.0))
                .cmp(&(b.1.sources.len(), b.1.claims.len(), is_alias(b.0)))
                .then_with(|| b.0.cmp(a.0))
        }) else {
            continue;
        };
        let reference = references(Some(top));
        for (spelling, g) in &groups {
            if spelling == consensus || is_alias(spelling) {
                continue;
            }
            let message = format!(
                "\"{spelling}\" ({}) is not the spelling most sources use, \"{consensus}\" ({} sources)",
                who(&g.sources),
                top.sources.len()
            );
            let mut evidence = g.claims.clone();
            evidence.extend(reference.iter().cloned());
            out.push(Draft { kind: FindingKind::Variant, message, note: None, claims: evidence });
        }
    }
    out
}
