//! A fact's `examples`, run like tests (as LanguageTool and prh run theirs): each
//! `match` sentence must satisfy the fact's conditions (every `about` entity
//! mentioned, a cue present, no exclusion), and each `no-match` sentence must not.

use super::{Matcher, MatcherError, RuleError, RuleSet};

/// Errors for every example that does not behave as its list says; an error when the
/// rules' words cannot be compiled to run them.
pub fn check_examples(rules: &RuleSet) -> Result<Vec<RuleError>, MatcherError> {
    if rules.facts.values().all(|f| f.examples.is_empty()) {
        return Ok(Vec::new());
    }
    let matcher = Matcher::new(rules)?;
    let entity_ids: Vec<&String> = rules.entities.keys().collect();
    let mut errors = Vec::new();
    for (index, (id, fact)) in rules.facts.iter().enumerate() {
        let why_not = |sentence: &str| -> Option<String> {
            let hits = matcher.scan(sentence);
            for entity in &fact.about {
                let position = entity_ids.iter().position(|e| *e == entity);
                if !position.is_some_and(|p| hits.mentions.iter().any(|m| m.entity == p)) {
                    return Some(format!("entity `{entity}` is not mentioned"));
                }
            }
            if !hits.cues.iter().any(|&(f, _)| f == index) {
                return Some(format!("no cue is found ({})", list(&fact.cues)));
            }
            if let Some((_, span)) = hits.excludes.iter().find(|&&(f, _)| f == index) {
                return Some(format!("the exclusion `{}` is found", span.slice(sentence)));
            }
            None
        };
        for example in &fact.examples.matching {
            let sentence = example.sentence();
            if let Some(reason) = why_not(sentence) {
                let message = format!("fact `{id}`: example should match, but {reason}: \"{sentence}\"");
                errors.push(rules.example_error(id, "match", sentence, message));
            }
        }
        for example in &fact.examples.not_matching {
            if why_not(example).is_none() {
                let message = format!(
                    "fact `{id}`: example should not match, but its entities and a cue are found and no exclusion is: \"{example}\""
                );
                errors.push(rules.example_error(id, "no-match", example, message));
            }
        }
    }
    Ok(errors)
}

fn list(words: &[String]) -> String {
    words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    const RULES: &str = "\
entities:
  kim:
    name: Kim Jong Un
    aliases: [Kim]
facts:
  visit:
    claim: duration
    about: [kim]
    cues: [visit]
    exclude: [second]
    examples:
      match:
        - Kim Jong-un's visit lasted four days.
        - KIM JONG UN visited Beijing.
      no-match:
        - Kim's second visit lasted two days.
        - Kimberly visited Beijing.
";

    #[test]
    fn examples_that_hold_pass() {
        let mut rules = RuleSet::default();
        rules.add(Path::new("r.yaml"), RULES).unwrap();
        assert!(check_examples(&rules).unwrap().is_empty(), "{:?}", check_examples(&rules));
    }

    #[test]
    fn examples_that_fail_are_located() {
        let text = RULES.replace("exclude: [second]", "exclude: [four]");
        let mut rules = RuleSet::default();
        rules.add(Path::new("r.yaml"), &text).unwrap();
        let errors: Vec<String> = check_examples(&rules).unwrap().iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            [
                "r.yaml:13:11: fact `visit`: example should match, but the exclusion `four` is found: \"Kim Jong-un's visit lasted four days.\"",
                "r.yaml:16:11: fact `visit`: example should not match, but its entities and a cue are found and no exclusion is: \"Kim's second visit lasted two days.\"",
            ]
        );
    }
}
