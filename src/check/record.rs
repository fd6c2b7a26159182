//! The desk's record: a fact's known value (`value:` in its rule, with `source:`, a
//! free-text citation), and the claims that contradict it.
//!
//! A record is read the way a claim is: normalized text (`P4D`) by the one reader of
//! normalized values, [`Value::read`]; text as written (`4 days`, `March 25-28, 2018`)
//! by the extractors, so that a record means what the same words mean in a source.
//! A claim that disagrees with the record is a `record` finding even when it is the
//! only claim of its fact; claims that agree are silent. Where a fact has a record,
//! the record is the authority: its claims are judged against it, not against one
//! another.

use std::collections::BTreeSet;

use crate::extract::{self, Claim, Context};
use crate::rules::{Fact, FactKind, RulePlace};
use crate::value::{ClaimKind, Value, describe};

use super::compare::claims_agree;
use super::{Evidence, Finding, FindingKind};

/// The source of a record's evidence until its place in the rules is known.
const THE_RECORD: &str = "the record";

/// A fact's record, read: the value it states, as a claim.
pub fn read(fact: &Fact) -> Option<Claim> {
    let written = fact.value.as_deref()?.trim();
    if written.is_empty() {
        return None;
    }
    let kind = fact.claim.claim_kind();
    let claim = |value: Value| Claim {
        kind,
        span: crate::span::Span::new(0, written.len()),
        text: written.to_string(),
        value,
        modifier: None,
        counted: None,
        unit: fact.unit.clone(),
        unit_as_written: None,
        previous: None,
        entity: None,
    };
    if let Ok(value) = Value::read(kind, written, fact.unit.as_deref()) {
        return Some(claim(value));
    }
    let found = extract::extract(written, &Context { published: None });
    if let Some(same) = found.iter().find(|c| c.kind == kind && of_unit(fact, c)) {
        return Some(Claim { text: written.to_string(), ..same.clone() });
    }
    // The dates of an event are a record of its length: "March 25-28, 2018" says
    // the visit lasted four days.
    if fact.claim == FactKind::Duration {
        return found
            .iter()
            .filter(|c| c.kind == ClaimKind::DateRange)
            .find_map(|c| c.value.implied_duration())
            .map(claim);
    }
    None
}

/// Whether a quantity is of the fact's dimension (a record in feet for a fact in
/// metres is; one in tonnes is not).
fn of_unit(fact: &Fact, claim: &Claim) -> bool {
    match (&fact.unit, &claim.value) {
        (Some(unit), Value::Quantity { unit: base, .. }) => unit == base,
        _ => true,
    }
}

/// Whether a fact's record reads as a value of its kind, for `rules check`.
pub fn is_readable(fact: &Fact) -> bool {
    read(fact).is_some()
}

/// The claims of fact `id` that contradict its `record`, as one `record` finding:
/// the contradicting claims first, then the record itself where it is written in the
/// rules (`at`), so that every format points at it as it points at a claim.
pub fn contradictions(
    id: &str,
    fact: &Fact,
    record: &Claim,
    claims: &[Evidence],
    at: Option<&RulePlace>,
) -> Option<Finding> {
    let mut evidence = Evidence::new(THE_RECORD, record.kind, record.value.clone(), &record.text);
    evidence.claim.modifier = record.modifier;
    let wrong: Vec<&Evidence> = claims.iter().filter(|c| !claims_agree(fact, &evidence, c)).collect();
    if wrong.is_empty() {
        return None;
    }
    let mut values: Vec<String> = Vec::new();
    let mut sources: BTreeSet<&str> = BTreeSet::new();
    for claim in &wrong {
        let label = describe(&claim.claim.value);
        if !values.contains(&label) {
            values.push(label);
        }
        sources.insert(claim.place.source.rsplit('/').next().unwrap_or(&claim.place.source));
    }
    let noun = if sources.len() == 1 { "source" } else { "sources" };
    let holders: Vec<&str> = sources.iter().copied().collect();
    let message = format!(
        "{} ({} {noun}: {}) contradicts the record: {}",
        values.join(" / "),
        holders.len(),
        holders.join(", "),
        describe(&record.value)
    );
    let note = match &fact.source {
        Some(source) => format!("the record is `value: {}` in the rules, after {source}", record.text),
        None => format!("the record is `value: {}` in the rules (no `source:` cited)", record.text),
    };
    // Without a place in a file the record is told in the note only: a made-up path
    // would become a location in SARIF and an annotation in GitHub.
    let shown = at.map(|at| {
        evidence.place.source = at.file.as_str().into();
        evidence.place.line = at.line;
        evidence.place.column = at.column;
        evidence.place.sentence = at.text.as_str().into();
        evidence
    });
    Some(Finding {
        id: id.to_string(),
        kind: FindingKind::Record,
        severity: fact.severity,
        message,
        note: Some(note),
        claims: wrong.into_iter().cloned().chain(shown).collect(),
        omitted: Vec::new(),
        side: None,
        confidence: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Defaults, FactSpec};

    fn fact(yaml: &str) -> Fact {
        let spec: FactSpec = serde_yaml::from_str(yaml).unwrap();
        Fact::resolve(&spec, &Defaults::default())
    }

    #[test]
    fn records_read_as_written_or_normalized() {
        let table = [
            ("claim: duration\ncues: [x]\nvalue: 4 days", Some("P4D"), Some("4 days")),
            ("claim: duration\ncues: [x]\nvalue: P4D", Some("P4D"), Some("P4D")),
            ("claim: duration\ncues: [x]\nvalue: March 25-28, 2018", Some("P4D"), Some("March 25-28, 2018")),
            ("claim: date-range\ncues: [x]\nvalue: March 25-28, 2018", Some("2018-03-25/2018-03-28"), None),
            ("claim: date-range\ncues: [x]\nvalue: 2018-03-25/2018-03-28", Some("2018-03-25/2018-03-28"), None),
            ("claim: date\ncues: [x]\nvalue: March 28, 2018", Some("2018-03-28"), None),
            ("claim: number\ncues: [x]\nvalue: 28,500", Some("28500"), None),
            ("claim: number\ncues: [x]\nvalue: 28500", Some("28500"), None),
            ("claim: quantity\nunit: m\ncues: [x]\nvalue: 2 km", Some("2000"), None),
            ("claim: quantity\nunit: m\ncues: [x]\nvalue: 5 tonnes", None, None),
            ("claim: ordinal\ncues: [x]\nvalue: the second visit", Some("2"), None),
            ("claim: ordinal\ncues: [x]\nvalue: 2", Some("2"), None),
            ("claim: duration\ncues: [x]\nvalue: March 28", None, None),
            ("claim: date\ncues: [x]\nvalue: soon-ish", None, None),
            ("claim: date\ncues: [x]", None, None),
        ];
        for (yaml, value, text) in table {
            let read = read(&fact(yaml));
            assert_eq!(read.as_ref().map(|c| c.value.to_string()).as_deref(), value, "{yaml}");
            if let Some(text) = text {
                assert_eq!(read.map(|c| c.text).as_deref(), Some(text), "{yaml}");
            }
        }
    }

    fn claim(source: &str, value: &str, text: &str) -> Evidence {
        Evidence::new(source, ClaimKind::Duration, Value::read(ClaimKind::Duration, value, None).unwrap(), text)
    }

    #[test]
    fn only_claims_that_disagree_with_the_record_are_found() {
        let length = fact("claim: duration\ncues: [x]\nvalue: 4 days\nsource: Xinhua, 2018-03-28");
        let record = read(&length).unwrap();
        let agreeing = [claim("a/001.txt", "P4D", "four days")];
        assert_eq!(contradictions("len", &length, &record, &agreeing, None), None);

        let one_wrong = [claim("a/000.txt", "P2D", "two days")];
        let at = RulePlace { file: "desk/facts.yaml".into(), line: 5, column: 12, text: "    value: 4 days".into() };
        let found = contradictions("len", &length, &record, &one_wrong, Some(&at)).unwrap();
        assert_eq!(found.kind, FindingKind::Record);
        assert_eq!(found.message, "2 days (1 source: 000.txt) contradicts the record: 4 days");
        assert_eq!(found.note.as_deref(), Some("the record is `value: 4 days` in the rules, after Xinhua, 2018-03-28"));
        assert_eq!(found.claims.len(), 2);
        assert_eq!(
            (found.claims[0].claim.text.as_str(), found.claims[0].place.source.as_ref()),
            ("two days", "a/000.txt")
        );
        let cited = &found.claims[1].place;
        assert_eq!((cited.source.as_ref(), cited.line, cited.column), ("desk/facts.yaml", 5, 12));

        let mixed = [
            claim("a/000.txt", "P2D", "two days"),
            claim("a/001.txt", "P4D", "four days"),
            claim("a/002.txt", "P3D", "three days"),
        ];
        let found = contradictions("len", &length, &record, &mixed, None).unwrap();
        assert_eq!(found.message, "2 days / 3 days (2 sources: 000.txt, 002.txt) contradicts the record: 4 days");
        assert_eq!(found.claims.len(), 2, "without its place, the record is in the note only");
    }

    #[test]
    fn a_tolerance_widens_the_record() {
        let length = fact("claim: duration\ncues: [x]\nvalue: 4 days\ntolerance: P1D");
        let record = read(&length).unwrap();
        assert_eq!(contradictions("len", &length, &record, &[claim("000.txt", "P3D", "three days")], None), None);
        assert!(contradictions("len", &length, &record, &[claim("000.txt", "P2D", "two days")], None).is_some());
    }
}
