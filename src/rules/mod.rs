//! Rule files: the entities a corpus speaks of and the facts to check, as YAML.
//!
//! A rule set is one file or a folder of `.yaml` files merged; ids are unique across
//! the set. This module owns the model (serde structs, which also derive the JSON
//! Schema that editors use), loading and merging, and the `defaults` section;
//! [`validate`] owns the checks that go beyond the types, [`locate`] finds where in a
//! file a problem stands, [`examples`] runs the facts' examples like tests, and
//! [`matcher`] finds the rules' words in text. See `docs/rules.md` for every key.

mod examples;
mod locate;
mod matcher;
mod validate;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

pub use examples::check_examples;
pub use matcher::{Hits, Matcher, Mention};

use crate::value::{ClaimKind, Tolerance};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Worth a look.
    Warning,
    /// Must be fixed before publishing.
    #[default]
    Error,
}

impl Severity {
    /// The name used in rule files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Something the sources speak of, with its house spelling.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = name_or_aliases)]
pub struct Entity {
    /// The house spelling: the one way the name should be written. A spelling close to
    /// it (`Kim Jong-un` for `Kim Jong Un`) is reported as a `variant`. Without it, the
    /// spelling most sources use is the consensus, and the others are variants of it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Other accepted ways to refer to it (`Mr. Kim`, `Kim`); never reported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What the name or an all-capitals alias stands for, when it is an acronym. Text
    /// that expands it otherwise is reported as an `expansion` finding; without it, the
    /// expansion most sources use is taken as right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion: Option<String>,
    /// How serious its `variant` and `expansion` findings are (default: `defaults.names`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// What or who it is, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Entity {
    /// The acronyms among the name and aliases: words of two or more capitals (dots
    /// allowed, as in `U.S.`).
    pub fn acronyms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str)).filter(|s| is_acronym(s))
    }
}

/// True for `DPRK`, `U.S.`, `NATO`: two or more capital letters, dots allowed.
pub fn is_acronym(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|&c| c != '.').collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase() || c.is_ascii_digit()) && !text.contains(' ')
}

/// How far around a claim's sentence a fact looks for its entities and cues.
///
/// Written `sentence`, `paragraph`, or `{window: N}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// The claim's sentence only.
    #[default]
    Sentence,
    /// The claim's paragraph.
    Paragraph,
    /// The claim's sentence and `N` sentences on each side.
    Window(usize),
}

impl Serialize for Scope {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Scope::Sentence => s.serialize_str("sentence"),
            Scope::Paragraph => s.serialize_str("paragraph"),
            Scope::Window(n) => {
                let mut map = s.serialize_map(Some(1))?;
                map.serialize_entry("window", n)?;
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Scope {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Scope, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Scope;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("`sentence`, `paragraph` or `{window: N}`")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scope, E> {
                match v {
                    "sentence" => Ok(Scope::Sentence),
                    "paragraph" => Ok(Scope::Paragraph),
                    _ => Err(E::unknown_variant(v, &["sentence", "paragraph", "window"])),
                }
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Scope, A::Error> {
                let mut window = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key != "window" || window.is_some() {
                        return Err(serde::de::Error::unknown_field(&key, &["window"]));
                    }
                    window = Some(map.next_value::<usize>()?);
                }
                window.map(Scope::Window).ok_or_else(|| serde::de::Error::missing_field("window"))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl JsonSchema for Scope {
    fn schema_name() -> Cow<'static, str> {
        "Scope".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Where to look for the fact's entities, cues and exclusions: the claim's `sentence`, its `paragraph`, or `{window: N}`, the sentence and N sentences on each side.",
            "oneOf": [
                {"type": "string", "enum": ["sentence", "paragraph"]},
                {
                    "type": "object",
                    "properties": {"window": {"type": "integer", "minimum": 0}},
                    "required": ["window"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

/// Sentences that must, and must not, satisfy a fact's conditions; `factlint rules
/// check` runs them like tests.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Sentences in which the fact's entities and a cue are found and no exclusion is.
    #[serde(default, rename = "match", skip_serializing_if = "Vec::is_empty")]
    pub matching: Vec<String>,
    /// Sentences the fact must not take: an entity or every cue missing, or an
    /// exclusion present.
    #[serde(default, rename = "no-match", skip_serializing_if = "Vec::is_empty")]
    pub not_matching: Vec<String>,
}

impl Examples {
    fn is_empty(&self) -> bool {
        self.matching.is_empty() && self.not_matching.is_empty()
    }
}

/// A fact to check across sources.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = require_cues)]
pub struct Fact {
    /// What the fact is, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Which kind of claim states it.
    #[schemars(schema_with = "claim_schema")]
    pub claim: ClaimKind,
    /// Entity ids that must all be mentioned in scope.
    #[serde(default)]
    pub about: Vec<String>,
    /// Words or phrases of which at least one must appear in scope; simple
    /// inflections (`visits`, `visited`) need not be listed.
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub cues: Vec<String>,
    /// Words or phrases none of which may appear in scope.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// For numbers: what the number must count (`soldiers`, `troops`).
    #[serde(default)]
    pub counted: Vec<String>,
    /// For quantities: the unit of the dimension to take (`m`, `kg`, `%`).
    #[serde(default)]
    pub unit: Option<String>,
    /// The event's time window, `START/END` (ISO dates): keeps claims about a later,
    /// similar event out of the fact.
    #[serde(default)]
    #[schemars(pattern(r"^\d{4}(-\d{2}(-\d{2})?)?/\d{4}(-\d{2}(-\d{2})?)?$"))]
    pub during: Option<String>,
    /// Where to look for entities and cues (default: `defaults.scope`, else `sentence`).
    #[serde(default)]
    pub scope: Scope,
    /// How serious a disagreement is (default: `defaults.severity`, else `error`).
    #[serde(default)]
    pub severity: Severity,
    /// How far apart values may be and still agree: a number, a percentage (`5%`) or
    /// an ISO duration (`P1D`) for dates and durations.
    #[serde(default, with = "tolerance_text")]
    #[schemars(schema_with = "tolerance_schema")]
    pub tolerance: Option<Tolerance>,
    /// Values that rise as reports come in (a death toll): a later, larger value is an
    /// update, not a conflict.
    #[serde(default)]
    pub evolving: bool,
    /// Sentences that must and must not match, checked by `factlint rules check`.
    #[serde(default, skip_serializing_if = "Examples::is_empty")]
    pub examples: Examples,
}

/// An entity needs a house spelling or at least the spellings to look for.
fn name_or_aliases(schema: &mut Schema) {
    schema.insert("anyOf".into(), serde_json::json!([{"required": ["name"]}, {"required": ["aliases"]}]));
}

/// `cues` has a serde default (so that a missing list gets a located error of our own),
/// yet a fact needs cues: editors should say so too.
fn require_cues(schema: &mut Schema) {
    if let Some(required) = schema.get_mut("required").and_then(serde_json::Value::as_array_mut) {
        required.push("cues".into());
    }
}

fn claim_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "Which kind of claim states the fact.",
        "type": "string",
        "enum": ["date", "date-range", "duration", "number", "quantity", "ordinal"]
    })
}

fn tolerance_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "How far apart values may be and still agree: a number (`2`), a percentage (`5%`), or an ISO 8601 duration (`P1D`) for dates and durations.",
        "oneOf": [
            {"type": "number", "minimum": 0},
            {"type": "string", "pattern": "^([0-9]+(\\.[0-9]+)?%?|P.+)$"},
            {"type": "null"}
        ]
    })
}

mod tolerance_text {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::value::Tolerance;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Tolerance>, D::Error> {
        let raw = Option::<serde_yaml::Value>::deserialize(d)?;
        let text = match raw {
            None => return Ok(None),
            Some(serde_yaml::Value::String(s)) => s,
            Some(serde_yaml::Value::Number(n)) => n.to_string(),
            Some(_) => {
                return Err(serde::de::Error::custom(
                    "a tolerance is a number, a percentage (`5%`) or an ISO duration (`P1D`)",
                ));
            }
        };
        Tolerance::parse(&text).map(Some).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "bad tolerance `{text}`: use a number, a percentage (`5%`) or an ISO duration (`P1D`)"
            ))
        })
    }

    pub fn serialize<S: Serializer>(t: &Option<Tolerance>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            None => s.serialize_none(),
            Some(Tolerance::Percent(p)) => s.collect_str(&format_args!("{p}%")),
            Some(Tolerance::Absolute(a)) => s.serialize_f64(*a),
            Some(Tolerance::Duration(secs)) => s.collect_str(&format_args!("PT{secs}S")),
        }
    }
}

/// Settings for the facts and entities of the whole set that do not set their own.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// Severity of facts without `severity` (else `error`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// Scope of facts without `scope` (else `sentence`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Tolerance of facts without `tolerance`, where it fits their kind (a duration
    /// for dates, a number or percentage for numbers).
    #[serde(default, with = "tolerance_text", skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "tolerance_schema")]
    pub tolerance: Option<Tolerance>,
    /// Severity of name `variant` and `expansion` findings (else `warning`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<Severity>,
}

/// One rule file as written.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "factlint rules", description = "A factlint rule file: entities, facts and defaults.")]
struct RuleFile {
    /// Things the sources speak of, by id: house spellings, aliases, expansions.
    #[serde(default)]
    entities: BTreeMap<String, Entity>,
    /// Facts to check across sources, by id.
    #[serde(default)]
    facts: BTreeMap<String, Fact>,
    /// Settings for every fact and entity of the set that does not set its own.
    #[serde(default)]
    defaults: Option<Defaults>,
}

/// A rule file as read, kept so that later checks can point into it.
#[derive(Clone, Debug)]
struct Origin {
    file: String,
    text: String,
}

/// Which settings a fact wrote itself, so that `defaults` fill only the others.
#[derive(Clone, Copy, Debug, Default)]
struct Explicit {
    severity: bool,
    scope: bool,
    tolerance: bool,
}

/// A merged, validated rule set.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    /// Entities by id.
    pub entities: BTreeMap<String, Entity>,
    /// Facts by id, with `defaults` applied.
    pub facts: BTreeMap<String, Fact>,
    /// The files the set was read from.
    pub files: Vec<PathBuf>,
    /// The `defaults` section (at most one in a set).
    pub defaults: Defaults,
    origins: Vec<Origin>,
    /// Index into `origins` of the file that defines each entity, fact and the defaults.
    entity_origin: BTreeMap<String, usize>,
    fact_origin: BTreeMap<String, usize>,
    defaults_origin: Option<usize>,
    explicit: BTreeMap<String, Explicit>,
}

/// A problem in a rule file, with its place.
#[derive(Debug, thiserror::Error)]
#[error("{file}{}: {message}", location.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default())]
pub struct RuleError {
    /// The rule file.
    pub file: String,
    /// 1-based line and column, when known.
    pub location: Option<(usize, usize)>,
    /// What is wrong, and what would be right.
    pub message: String,
}

impl RuleSet {
    /// Loads rule files and folders of `.yaml` files, merged into one set, and checks
    /// what spans files (every `about` names a known entity) and the facts' examples
    /// (as prh checks its specs on load: a rule whose examples fail is broken).
    pub fn load(paths: &[PathBuf]) -> Result<RuleSet, Vec<RuleError>> {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for path in paths {
            if path.is_dir() {
                match std::fs::read_dir(path) {
                    Ok(entries) => {
                        let mut found: Vec<PathBuf> = entries
                            .filter_map(|e| e.ok().map(|e| e.path()))
                            .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
                            .collect();
                        found.sort();
                        if found.is_empty() {
                            errors.push(RuleError {
                                file: crate::source::display_path(path),
                                location: None,
                                message: "no rule files (`.yaml`) in this folder".into(),
                            });
                        }
                        files.extend(found);
                    }
                    Err(e) => errors.push(RuleError {
                        file: crate::source::display_path(path),
                        location: None,
                        message: e.to_string(),
                    }),
                }
            } else {
                files.push(path.clone());
            }
        }
        let mut set = RuleSet::default();
        for file in &files {
            match std::fs::read_to_string(file) {
                Ok(text) => {
                    if let Err(e) = set.add(file, &text) {
                        errors.extend(e);
                    }
                }
                Err(e) => errors.push(RuleError {
                    file: crate::source::display_path(file),
                    location: None,
                    message: e.to_string(),
                }),
            }
        }
        errors.extend(set.check_references());
        if errors.is_empty() {
            errors.extend(check_examples(&set));
        }
        if errors.is_empty() { Ok(set) } else { Err(errors) }
    }

    /// Parses one rule file's text into the set and checks it on its own and against
    /// the ids already in the set. References to entities are checked by
    /// [`RuleSet::check_references`] once every file is in.
    pub fn add(&mut self, path: &Path, text: &str) -> Result<(), Vec<RuleError>> {
        let file = crate::source::display_path(path);
        let (parsed, raw): (RuleFile, serde_yaml::Value) = if validate::is_blank(text) {
            (RuleFile::default(), serde_yaml::Value::Null)
        } else {
            // The untyped parse first: it refuses duplicate keys, which typed maps let pass.
            let raw = serde_yaml::from_str(text).map_err(|e| vec![validate::from_yaml(&file, text, &e)])?;
            (serde_yaml::from_str(text).map_err(|e| vec![validate::from_yaml(&file, text, &e)])?, raw)
        };
        let origin = self.origins.len();
        self.origins.push(Origin { file, text: text.to_string() });
        self.files.push(path.to_path_buf());

        let mut errors = validate::file(&self.origins[origin], &parsed.entities, &parsed.facts);
        if let Some(defaults) = parsed.defaults {
            match self.defaults_origin {
                Some(first) => errors.push(self.error(
                    origin,
                    &["defaults"],
                    None,
                    format!("a second `defaults` section; the first is in {}", self.place(first, &["defaults"])),
                )),
                None => {
                    self.defaults = defaults;
                    self.defaults_origin = Some(origin);
                }
            }
        }
        for (id, entity) in parsed.entities {
            if let Some(message) = self.duplicate(&id) {
                errors.push(self.error(origin, &["entities", &id], None, message));
                continue;
            }
            self.entity_origin.insert(id.clone(), origin);
            self.entities.insert(id, entity);
        }
        for (id, fact) in parsed.facts {
            if let Some(message) = self.duplicate(&id) {
                errors.push(self.error(origin, &["facts", &id], None, message));
                continue;
            }
            let written = raw.get("facts").and_then(|f| f.get(id.as_str()));
            let has = |key: &str| written.and_then(|w| w.get(key)).is_some_and(|v| !v.is_null());
            let explicit = Explicit { severity: has("severity"), scope: has("scope"), tolerance: has("tolerance") };
            self.explicit.insert(id.clone(), explicit);
            self.fact_origin.insert(id.clone(), origin);
            self.facts.insert(id, fact);
        }
        self.apply_defaults();
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }

    /// Errors for `about` entries that name no entity of the set.
    pub fn check_references(&self) -> Vec<RuleError> {
        let ids: Vec<&str> = self.entities.keys().map(String::as_str).collect();
        let mut errors = Vec::new();
        for (id, fact) in &self.facts {
            let origin = self.fact_origin.get(id).copied().unwrap_or_default();
            for entity in &fact.about {
                if self.entities.contains_key(entity) {
                    continue;
                }
                let hint = validate::did_you_mean(entity, &ids);
                let known = if ids.is_empty() { " (the set defines no entities)".to_string() } else { hint };
                errors.push(self.error(
                    origin,
                    &["facts", id, "about"],
                    Some(entity),
                    format!("fact `{id}`: unknown entity `{entity}` in `about`{known}"),
                ));
            }
        }
        errors
    }

    /// The severity of an entity's `variant` and `expansion` findings.
    pub fn name_severity(&self, entity: &str) -> Severity {
        self.entities.get(entity).and_then(|e| e.severity).or(self.defaults.names).unwrap_or(Severity::Warning)
    }

    /// The place of one of a fact's examples, for messages.
    fn example_error(&self, id: &str, key: &str, example: &str, message: String) -> RuleError {
        let origin = self.fact_origin.get(id).copied().unwrap_or_default();
        self.error(origin, &["facts", id, "examples", key], Some(example), message)
    }

    fn duplicate(&self, id: &str) -> Option<String> {
        let (what, origin, section) = if let Some(&o) = self.entity_origin.get(id) {
            ("an entity", o, "entities")
        } else if let Some(&o) = self.fact_origin.get(id) {
            ("a fact", o, "facts")
        } else {
            return None;
        };
        Some(format!(
            "duplicate id `{id}`: already {what} in {} (ids are unique across the rule set)",
            self.place(origin, &[section, id])
        ))
    }

    fn place(&self, origin: usize, path: &[&str]) -> String {
        let Some(o) = self.origins.get(origin) else { return String::new() };
        match locate::Locator::new(&o.text).key(path) {
            Some((line, column)) => format!("{}:{line}:{column}", o.file),
            None => o.file.clone(),
        }
    }

    fn error(&self, origin: usize, path: &[&str], value: Option<&str>, message: String) -> RuleError {
        match self.origins.get(origin) {
            Some(o) => validate::located(o, path, value, message),
            None => RuleError { file: String::new(), location: None, message },
        }
    }

    /// Fills the settings each fact left out from `defaults`.
    fn apply_defaults(&mut self) {
        for (id, fact) in self.facts.iter_mut() {
            let explicit = self.explicit.get(id).copied().unwrap_or_default();
            if !explicit.severity {
                fact.severity = self.defaults.severity.unwrap_or_default();
            }
            if !explicit.scope {
                fact.scope = self.defaults.scope.unwrap_or_default();
            }
            if !explicit.tolerance {
                fact.tolerance = self.defaults.tolerance.filter(|t| validate::tolerance_fits(fact.claim, t));
            }
        }
    }
}

/// The JSON Schema of rule files, pretty-printed.
pub fn schema() -> String {
    let schema = schemars::schema_for!(RuleFile);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(text: &str) -> Result<RuleSet, Vec<RuleError>> {
        let mut set = RuleSet::default();
        set.add(Path::new("r.yaml"), text)?;
        let errors = set.check_references();
        if errors.is_empty() { Ok(set) } else { Err(errors) }
    }

    #[test]
    fn scopes_parse_in_every_form() {
        let rules = set("facts:\n  a:\n    claim: date\n    cues: [x]\n    scope: {window: 2}\n  b:\n    claim: date\n    cues: [x]\n    scope:\n      window: 1\n  c:\n    claim: date\n    cues: [x]\n    scope: paragraph\n").unwrap();
        assert_eq!(rules.facts["a"].scope, Scope::Window(2));
        assert_eq!(rules.facts["b"].scope, Scope::Window(1));
        assert_eq!(rules.facts["c"].scope, Scope::Paragraph);
    }

    #[test]
    fn defaults_fill_what_facts_leave_out() {
        let rules = set("defaults:\n  severity: warning\n  scope: paragraph\n  tolerance: 5%\nfacts:\n  a:\n    claim: number\n    cues: [x]\n  b:\n    claim: date\n    cues: [x]\n    severity: info\n").unwrap();
        assert_eq!(rules.facts["a"].severity, Severity::Warning);
        assert_eq!(rules.facts["a"].scope, Scope::Paragraph);
        assert_eq!(rules.facts["a"].tolerance, Some(Tolerance::Percent(5.0)));
        assert_eq!(rules.facts["b"].severity, Severity::Info);
        // A percentage does not fit a date.
        assert_eq!(rules.facts["b"].tolerance, None);
    }

    #[test]
    fn defaults_in_a_later_file_apply_to_earlier_facts() {
        let mut rules = RuleSet::default();
        rules.add(Path::new("a.yaml"), "facts:\n  a:\n    claim: number\n    cues: [x]\n").unwrap();
        rules.add(Path::new("b.yaml"), "defaults:\n  severity: info\n").unwrap();
        assert_eq!(rules.facts["a"].severity, Severity::Info);
    }

    #[test]
    fn errors_name_the_place_and_the_nearest_key() {
        let errors = set("facts:\n  a:\n    claim: date\n    cue: [x]\n").unwrap_err();
        assert_eq!(errors[0].to_string(), "r.yaml:4:5: fact `a`: unknown key `cue`, did you mean `cues`?");
        let errors =
            set("entities:\n  kim:\n    name: Kim\nfacts:\n  a:\n    claim: date\n    about: [kin]\n    cues: [x]\n")
                .unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "r.yaml:7:13: fact `a`: unknown entity `kin` in `about`, did you mean `kim`?"
        );
    }

    #[test]
    fn duplicate_ids_across_files_name_both_places() {
        let mut rules = RuleSet::default();
        rules.add(Path::new("a.yaml"), "entities:\n  kim:\n    name: Kim\n").unwrap();
        let errors = rules.add(Path::new("b.yaml"), "facts:\n  kim:\n    claim: date\n    cues: [x]\n").unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "b.yaml:2:3: duplicate id `kim`: already an entity in a.yaml:2:3 (ids are unique across the rule set)"
        );
    }

    #[test]
    fn schema_declares_every_key() {
        let schema: serde_json::Value = serde_json::from_str(&schema()).unwrap();
        assert!(schema["properties"]["facts"].is_object());
        let fact = &schema["$defs"]["Fact"]["properties"];
        for key in ["claim", "about", "cues", "exclude", "scope", "tolerance", "examples", "during"] {
            assert!(fact[key].is_object(), "{key}");
        }
    }

    #[test]
    fn acronyms_are_capitals() {
        assert!(is_acronym("DPRK"));
        assert!(is_acronym("U.S."));
        assert!(!is_acronym("Kim"));
        assert!(!is_acronym("A"));
    }
}
