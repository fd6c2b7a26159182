//! Rule files as written: the serde types a YAML rule file is parsed into, once, and
//! the JSON Schema derived from them for editors.
//!
//! Settings a fact or entity may leave out are `Option`s here; [`super::set`] resolves
//! them against the `defaults` section into the [`Fact`](super::Fact) and
//! [`Entity`](super::Entity) the checks use. The types keep the names a rule writer
//! knows (`Fact`, `Entity`) in serde's messages and the schema.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize};

use crate::value::{ClaimKind, Tolerance};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
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

/// Something the sources speak of, with its house spelling, as written.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename = "Entity", deny_unknown_fields)]
#[schemars(description = "Something the sources speak of, with its house spelling.")]
#[schemars(transform = name_or_aliases)]
pub struct EntitySpec {
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

impl EntitySpec {
    /// The acronyms among the name and aliases.
    pub fn acronyms(&self) -> impl Iterator<Item = &str> {
        acronyms(&self.name, &self.aliases)
    }
}

/// The acronyms among a name and its aliases: words of two or more capitals (dots
/// allowed, as in `U.S.`).
pub(super) fn acronyms<'a>(name: &'a str, aliases: &'a [String]) -> impl Iterator<Item = &'a str> {
    std::iter::once(name).chain(aliases.iter().map(String::as_str)).filter(|s| is_acronym(s))
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
#[non_exhaustive]
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
                    if key != "window" {
                        return Err(serde::de::Error::unknown_field(&key, &["window"]));
                    }
                    // Refused here since the single typed parse has no untyped one before it
                    // to refuse duplicate keys.
                    if window.is_some() {
                        return Err(serde::de::Error::duplicate_field("window"));
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
    /// Sentences in which the fact's entities and a cue are found and no exclusion is,
    /// and from which the fact takes a claim (of the value given, when one is).
    #[serde(default, rename = "match", skip_serializing_if = "Vec::is_empty")]
    pub matching: Vec<Example>,
    /// Sentences the fact must not take: an entity or every cue missing, or an
    /// exclusion present.
    #[serde(default, rename = "no-match", skip_serializing_if = "Vec::is_empty")]
    pub not_matching: Vec<String>,
}

impl Examples {
    /// True when the fact lists no example.
    pub fn is_empty(&self) -> bool {
        self.matching.is_empty() && self.not_matching.is_empty()
    }
}

/// A `match` example: a sentence alone, or `{sentence, value}` to assert the value the
/// fact takes from it, written as `factlint extract` prints values (`P4D`,
/// `2018-03-28`; a quantity in its base unit, `9.144` for 30 ft).
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Example {
    /// A sentence the fact must take a claim from.
    Sentence(String),
    /// A sentence and the value the fact must take from it.
    Valued(ValuedExample),
}

/// A `match` example that asserts the value taken.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValuedExample {
    /// The sentence.
    pub sentence: String,
    /// The value the fact must take from it, as `factlint extract` prints it.
    pub value: String,
}

impl Example {
    /// The example's sentence.
    pub fn sentence(&self) -> &str {
        match self {
            Example::Sentence(s) => s,
            Example::Valued(v) => &v.sentence,
        }
    }

    /// The value it asserts, if any.
    pub fn value(&self) -> Option<&str> {
        match self {
            Example::Sentence(_) => None,
            Example::Valued(v) => Some(&v.value),
        }
    }
}

/// A string or a mapping, read by hand rather than as an untagged enum so that an
/// error inside the mapping keeps its line and column.
impl<'de> Deserialize<'de> for Example {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Example, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Example;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a sentence, or a mapping with `sentence` and `value`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Example, E> {
                Ok(Example::Sentence(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Example, A::Error> {
                ValuedExample::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Example::Valued)
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// The `claim:` of a fact: which kind of claim states it. Names and expansions are
/// claims too, but rules check them through entities, so they are not fact kinds; a
/// title is, about the entity its fact's `about` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FactKind {
    /// A calendar date or time, at any granularity.
    Date,
    /// Two dates bounding a period.
    DateRange,
    /// A length of time.
    Duration,
    /// A count or other bare number.
    Number,
    /// A number with a unit of measure.
    Quantity,
    /// A position in an order ("second visit").
    Ordinal,
    /// The title or role a source gives an entity ("former mayor").
    Title,
}

impl FactKind {
    /// Every kind, in declaration order.
    pub const ALL: [FactKind; 7] = [
        FactKind::Date,
        FactKind::DateRange,
        FactKind::Duration,
        FactKind::Number,
        FactKind::Quantity,
        FactKind::Ordinal,
        FactKind::Title,
    ];

    /// The kind of claim that states a fact of this kind.
    pub fn claim_kind(self) -> ClaimKind {
        match self {
            FactKind::Date => ClaimKind::Date,
            FactKind::DateRange => ClaimKind::DateRange,
            FactKind::Duration => ClaimKind::Duration,
            FactKind::Number => ClaimKind::Number,
            FactKind::Quantity => ClaimKind::Quantity,
            FactKind::Ordinal => ClaimKind::Ordinal,
            FactKind::Title => ClaimKind::Title,
        }
    }

    /// The name used in rule files (`date-range`).
    pub fn as_str(self) -> &'static str {
        self.claim_kind().as_str()
    }
}

impl fmt::Display for FactKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A fact to check across sources, as written: the settings `defaults` may fill are
/// left `None` when the fact does not write them.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename = "Fact", deny_unknown_fields)]
#[schemars(description = "A fact to check across sources.")]
#[schemars(transform = require_cues)]
pub struct FactSpec {
    /// What the fact is, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Which kind of claim states it.
    pub claim: FactKind,
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
    /// For quantities: the dimension to take, named by any of its units (`m`, `ft`,
    /// `sq mi`, `km²`, `t`, `USD`, `$`, `%`): claims in any unit of that dimension are
    /// taken. For numbers: `years`, for ages.
    #[serde(default)]
    pub unit: Option<String>,
    /// The event's time window, `START/END` (ISO dates): keeps claims about a later,
    /// similar event out of the fact.
    #[serde(default)]
    #[schemars(pattern(r"^\d{4}(-\d{2}(-\d{2})?)?/\d{4}(-\d{2}(-\d{2})?)?$"))]
    pub during: Option<String>,
    /// Where to look for entities and cues (default: `defaults.scope`, else `sentence`).
    #[serde(default, deserialize_with = "written", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Scope")]
    pub scope: Option<Scope>,
    /// How serious a disagreement is (default: `defaults.severity`, else `error`).
    #[serde(default, deserialize_with = "written", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Severity")]
    pub severity: Option<Severity>,
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
    /// The desk's record: the fact's known value, as written (`4 days`) or normalized
    /// (`P4D`). A claim that disagrees with it is a finding even when it is the only one.
    #[serde(default, with = "record_text", skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "record_schema")]
    pub value: Option<String>,
    /// Where the record comes from, free text shown with its findings (`Xinhua,
    /// 2018-03-28`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn record_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "The desk's record: the fact's known value, as written (`4 days`, `March 25-28, 2018`, `1,200 feet`) or normalized (`P4D`, `2018-03-25/2018-03-28`, `3000`).",
        "type": ["string", "number"]
    })
}

/// `value:` as text: a rule writer may write a number bare (`value: 3000`).
mod record_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        match Option::<serde_yaml::Value>::deserialize(d)? {
            None => Ok(None),
            Some(serde_yaml::Value::String(s)) => Ok(Some(s)),
            Some(serde_yaml::Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(serde::de::Error::custom(
                "a `value` is the fact's value as written (`4 days`) or normalized (`P4D`), a string or a number",
            )),
        }
    }

    pub fn serialize<S: Serializer>(value: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(text) => s.serialize_str(text),
            None => s.serialize_none(),
        }
    }
}

/// A key that, once written, must hold a value: `severity: ~` is refused as it was
/// before the key became optional, rather than read as "use the default".
fn written<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
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
pub(super) struct RuleFile {
    /// Things the sources speak of, by id: house spellings, aliases, expansions.
    #[serde(default, deserialize_with = "unique_keys")]
    pub(super) entities: BTreeMap<String, EntitySpec>,
    /// Facts to check across sources, by id.
    #[serde(default, deserialize_with = "unique_keys")]
    pub(super) facts: BTreeMap<String, FactSpec>,
    /// Settings for every fact and entity of the set that does not set its own.
    #[serde(default)]
    pub(super) defaults: Option<Defaults>,
}

/// A mapping by id that refuses a second entry under one id, as serde's structs refuse
/// a second field: a typed map would keep the last one silently.
fn unique_keys<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<BTreeMap<String, T>, D::Error> {
    struct Visitor<T>(std::marker::PhantomData<T>);

    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<T> {
        type Value = BTreeMap<String, T>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format_args!("duplicate field `{key}`")));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }

    d.deserialize_map(Visitor(std::marker::PhantomData))
}

/// The JSON Schema of rule files, pretty-printed.
pub fn schema() -> String {
    let schema = schemars::schema_for!(RuleFile);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn fact_kinds_are_the_claim_kinds_rules_check_as_facts() {
        for kind in FactKind::ALL {
            let written: FactKind = serde_yaml::from_str(kind.as_str()).unwrap();
            assert_eq!(written, kind);
            assert_eq!(kind.to_string(), kind.claim_kind().to_string());
        }
        assert!(serde_yaml::from_str::<FactKind>("name").is_err());
    }

    #[test]
    fn acronyms_are_capitals() {
        assert!(is_acronym("DPRK"));
        assert!(is_acronym("U.S."));
        assert!(!is_acronym("Kim"));
        assert!(!is_acronym("A"));
    }
}
