//! Name checks: spellings of the rules' entities and expansions of their acronyms.

use crate::rules::RuleSet;
use crate::segment::Sentence;
use crate::source::Source;

use super::{Evidence, Finding};

/// Name and expansion claims of one source (map step).
pub fn scan(rules: &RuleSet, source: &Source, sentences: &[Sentence]) -> Vec<Evidence> {
    let _ = (rules, source, sentences);
    Vec::new()
}

/// Variant and expansion findings across sources (reduce step).
pub fn compare(rules: &RuleSet, names: Vec<Evidence>) -> Vec<Finding> {
    let _ = (rules, names);
    Vec::new()
}
