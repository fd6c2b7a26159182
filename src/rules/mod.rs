//! Rule files: the entities a corpus speaks of and the facts to check, as YAML.
//!
//! A rule set is one file or a folder of `.yaml` files merged; ids are unique across
//! the set. A file is parsed once into the types of [`model`] (the rules as written,
//! which also derive the JSON Schema that editors use); [`set`] merges files and
//! resolves each fact and entity against the `defaults` section into the [`Fact`] and
//! [`Entity`] the checks use. [`validate`] owns the checks that go beyond the types,
//! [`locate`] finds where in a file a problem stands, [`examples`] runs the facts'
//! examples like tests, and [`matcher`] finds the rules' words in text. See
//! `docs/rules.md` for every key.

mod examples;
mod locate;
mod matcher;
mod model;
mod set;
mod validate;

pub use examples::check_examples;
pub use matcher::{Hits, Matcher, MatcherError, Mention};
pub use model::{
    Defaults, EntitySpec, Example, Examples, FactKind, FactSpec, Scope, Severity, ValuedExample, is_acronym, schema,
};
pub use set::{Entity, Fact, RULE_FILE_MAX, RuleError, RulePlace, RuleSet};
