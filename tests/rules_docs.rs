//! The rule set that opens `docs/rules.md` must load, examples and all, so that the
//! documentation cannot drift from the model.

use std::path::Path;

use factlint::rules::{RuleSet, check_examples};

#[test]
fn the_documented_rule_set_loads_and_its_examples_hold() {
    let docs = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md")).unwrap();
    let start = docs.find("```yaml\n").unwrap() + "```yaml\n".len();
    let yaml = &docs[start..start + docs[start..].find("```").unwrap()];
    let mut rules = RuleSet::default();
    rules.add(Path::new("docs/rules.md"), yaml).unwrap();
    assert!(rules.check_references().is_empty());
    assert_eq!(check_examples(&rules).unwrap().len(), 0, "{:?}", check_examples(&rules));
    assert_eq!(rules.facts.len(), 1);
    assert_eq!(rules.entities.len(), 2);
}
