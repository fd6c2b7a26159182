//! Properties of rules and name checks on any input: loading a rule file, matching and
//! name scanning never panic, and a spelling is always the same as itself.

use std::path::{Path, PathBuf};

use factlint::check::names;
use factlint::extract::names::{Decision, decide};
use factlint::rules::{Matcher, RuleSet};
use factlint::source::{Metadata, Source};
use proptest::prelude::*;

const RULES: &str = include_str!("../rules/entities.yaml");

fn seed_rules() -> RuleSet {
    let mut rules = RuleSet::default();
    rules.add(Path::new("rules/entities.yaml"), RULES).unwrap();
    rules
}

/// Text made of name parts, separators and punctuation, so that near-names are common.
fn texty() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        Just("Kim"),
        Just("Jong"),
        Just("Jung"),
        Just("Un"),
        Just("un's"),
        Just("Il"),
        Just("DPRK"),
        Just("Democratic"),
        Just("People’s"),
        Just("Republic"),
        Just("of"),
        Just("Korea"),
        Just("("),
        Just(")"),
        Just("-"),
        Just(" "),
        Just(". "),
        Just("\n\n"),
        Just("é"),
        Just("’"),
    ];
    prop::collection::vec(part, 0..40).prop_map(|parts| parts.join(" "))
}

/// A rule file is loaded or refused with at least one error, each naming the file.
fn rejected_with_its_file(result: Result<(), Vec<factlint::rules::RuleError>>) -> Result<(), TestCaseError> {
    if let Err(errors) = result {
        prop_assert!(!errors.is_empty(), "refused without a reason");
        for error in errors {
            prop_assert!(error.to_string().starts_with("any.yaml"), "{}", error);
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn loading_any_text_never_panics(text in "\\PC{0,200}") {
        rejected_with_its_file(RuleSet::default().add(Path::new("any.yaml"), &text))?;
    }

    #[test]
    fn loading_yaml_like_text_never_panics(text in "(entities:|facts:|  a:|    name: x|    claim: date|    cues: \\[x\\]|    scope: \\{window: 1\\}|\n|- |#| ){0,30}") {
        rejected_with_its_file(RuleSet::default().add(Path::new("any.yaml"), &text))?;
    }

    #[test]
    fn a_spelling_is_the_same_as_itself(text in "\\PC{0,40}") {
        prop_assert_eq!(decide(&text, &text), Decision::Same);
    }

    #[test]
    fn deciding_is_symmetric(
        a in prop_oneof![texty(), "\\PC{0,30}".boxed()],
        b in prop_oneof![texty(), "\\PC{0,30}".boxed()],
    ) {
        // Whether two spellings are the same name does not hang on which is the house's.
        prop_assert_eq!(decide(&a, &b), decide(&b, &a), "{:?} {:?}", a, b);
    }

    #[test]
    fn scanning_any_text_never_panics(text in prop_oneof![texty(), "\\PC{0,200}".boxed()]) {
        let rules = seed_rules();
        let hits = Matcher::new(&rules).unwrap().scan(&text);
        for m in &hits.mentions {
            prop_assert!(text.get(m.span.start..m.span.end).is_some_and(|s| !s.is_empty()), "{:?}", m.span);
        }
        let source = Source::from_text(PathBuf::from("t.txt"), text.clone(), &Metadata::default());
        let sentences = factlint::segment::sentences(&source);
        let index = factlint::span::LineIndex::new(&source.text);
        let spellings = factlint::pipeline::spellings_of(&rules);
        let found = factlint::pipeline::names_of(&source, &index, &sentences, &spellings);
        for claim in &found {
            prop_assert!(claim.claim.span.start <= claim.claim.span.end && claim.claim.span.end <= text.len());
        }
        let _ = names::compare(&rules, found);
    }
}
