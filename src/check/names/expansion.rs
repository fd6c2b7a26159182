//! Expansion findings: expansions of an entity's acronym other than the rule's, or,
//! without one, other than the expansion most sources write.

use crate::rules::Entity;
use crate::text::tidy;

use super::{Draft, Evidence, FindingKind, group, references, text_of, who};

/// Every expansion other than the entity's `expansion`, or without one, other than
/// the expansion most sources write.
pub(super) fn expansions(entity: &Entity, claims: Vec<Evidence>) -> Vec<Draft> {
    let groups = group(claims, |c| text_of(c).to_lowercase());
    let acronym = entity.acronyms().next().unwrap_or(&entity.name);
    let (expected, stated) = match &entity.expansion {
        Some(e) => (tidy(e), true),
        None => {
            let consensus = groups
                .iter()
                .max_by(|a, b| {
                    (a.1.sources.len(), a.1.claims.len())
                        .cmp(&(b.1.sources.len(), b.1.claims.len()))
                        .then_with(|| b.0.cmp(a.0))
                })
                .and_then(|(_, g)| g.claims.first().map(text_of));
            let Some(consensus) = consensus else { return Vec::new() };
            (consensus, false)
        }
    };
    let expected_key = expected.to_lowercase();
    let reference = references(groups.get(&expected_key));
    let mut out = Vec::new();
    for (written, g) in &groups {
        if *written == expected_key {
            continue;
        }
        let shown = g.claims.first().map(text_of).unwrap_or_default();
        let message = if stated {
            format!("\"{shown}\" ({}) is not what \"{acronym}\" stands for: \"{expected}\"", who(&g.sources))
        } else {
            let n = groups.get(&expected_key).map_or(0, |g| g.sources.len());
            format!(
                "\"{shown}\" ({}) is not what most sources say \"{acronym}\" stands for: \"{expected}\" ({n} sources)",
                who(&g.sources)
            )
        };
        let mut evidence = g.claims.clone();
        evidence.extend(reference.iter().cloned());
        out.push(Draft { kind: FindingKind::Expansion, message, note: None, claims: evidence });
    }
    out
}
