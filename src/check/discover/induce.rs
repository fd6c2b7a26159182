//! A rule file induced from the candidate groups: one fact per group, with a readable,
//! stable id, the group's words as cues and the evidence as comments. The text is what
//! `factlint suggest` writes and what `discover` loads through [`RuleSet::add`], the
//! path every rule file takes, so validation applies and `check` with the suggested
//! file finds what `discover` found.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use jiff::ToSpan;
use jiff::civil::Date;

use super::group::{Example, Group};
use crate::rules::{EntitySpec, FactKind, RuleError, RuleSet};

/// The name the induced rule file goes by in messages.
pub const INDUCED_FILE: &str = "discovered.yaml";

/// How far publication dates may lie apart and still be one event's coverage (days).
const COVERAGE_GAP_DAYS: i32 = 30;

/// How long before its first report an event's dates may lie (days).
const LEAD_DAYS: i32 = 30;

/// The sources a fact's comments show, one example each; the rest are counted, so a
/// corpus of thousands of sources still makes a rule file a person reads (and that stays
/// under the rule-file size limit).
const COMMENT_SOURCES_MAX: usize = 12;

/// The longest sentence shown in a comment (characters).
const COMMENT_SENTENCE_MAX: usize = 160;

/// The defaults of an induced file: what discovery finds are candidates for an editor
/// to confirm, so their disagreements are warnings until a fact is given `severity`.
const DEFAULTS: &str = "defaults:\n  severity: warning\n";

/// A rule file induced from groups.
#[derive(Debug)]
pub struct Induced {
    /// The commented YAML.
    pub yaml: String,
    /// The rule set read from it.
    pub rules: RuleSet,
    /// The fact id of each group that became a fact (in group order); `None` for one the
    /// rule validation refused (said in `refused`).
    pub ids: Vec<Option<String>>,
    /// Facts left out because their rule did not validate, with why.
    pub refused: Vec<RuleError>,
}

/// The dimension a base unit measures, for ids (`ship-length`).
fn dimension(kind: FactKind, unit: Option<&str>) -> &'static str {
    match (kind, unit) {
        (FactKind::Quantity, Some("m")) => "length",
        (FactKind::Quantity, Some("m2")) => "area",
        (FactKind::Quantity, Some("kg")) => "weight",
        (FactKind::Quantity, Some("m/s")) => "speed",
        (FactKind::Quantity, Some("C")) => "temperature",
        (FactKind::Quantity, Some("%")) => "share",
        (FactKind::Quantity, Some("magnitude")) => "magnitude",
        (FactKind::Quantity, _) => "amount",
        (FactKind::Number, _) => "count",
        (FactKind::Date, _) => "date",
        (FactKind::DateRange, _) => "dates",
        (FactKind::Duration, _) => "duration",
        (FactKind::Ordinal, _) => "ordinal",
        (FactKind::Title, _) => "title",
    }
}

/// Figures that rise as reports come in: a later, larger value is an update.
fn is_evolving(group: &Group) -> bool {
    group.key.kind == FactKind::Number && matches!(group.key.stem.as_str(), "dead" | "injur" | "missing" | "rescu")
}

/// A readable id from the group's most used word and its dimension (`wide-length`,
/// `killed-count`), lower-case letters, digits and hyphens.
fn base_id(group: &Group) -> String {
    let word: String = group
        .words
        .first()
        .map(|w| w.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect::<String>())
        .unwrap_or_default()
        .trim_matches('-')
        .to_string();
    let word = if word.is_empty() { "fact".to_string() } else { word };
    format!("{word}-{}", dimension(group.key.kind, group.key.unit.as_deref()))
}

/// Unique ids for the groups, in their (key) order: a clash takes `-2`, `-3`.
pub fn ids(groups: &[Group]) -> Vec<String> {
    let mut taken = BTreeSet::new();
    groups
        .iter()
        .map(|group| {
            let base = base_id(group);
            let mut id = base.clone();
            let mut n = 1;
            while !taken.insert(id.clone()) {
                n += 1;
                id = format!("{base}-{n}");
            }
            id
        })
        .collect()
}

/// The window of the event the group's sources cover: from [`LEAD_DAYS`] before the
/// first report of the largest run of publication dates no more than
/// [`COVERAGE_GAP_DAYS`] apart, to the last; `None` without dates.
pub fn during(published: &[Date]) -> Option<(Date, Date)> {
    let (mut best, mut start) = ((0, 0), 0);
    for (i, pair) in published.windows(2).enumerate() {
        let i = i + 1;
        if (pair[1] - pair[0]).get_days() > COVERAGE_GAP_DAYS {
            start = i;
        }
        if i - start > best.1 - best.0 {
            best = (start, i);
        }
    }
    let first = published.get(best.0)?.checked_sub(LEAD_DAYS.days()).ok()?;
    Some((first, *published.get(best.1)?))
}

/// A string as YAML reads it back exactly: JSON's double-quoted form is YAML too.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|i| quoted(i)).collect::<Vec<_>>().join(", "))
}

/// One line of a comment: no line breaks, and long sentences cut.
fn one_line(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > COMMENT_SENTENCE_MAX {
        let cut: String = flat.chars().take(COMMENT_SENTENCE_MAX).collect();
        format!("{cut}…")
    } else {
        flat
    }
}

/// The YAML of one fact, its evidence as comments above it.
fn fact_yaml(id: &str, group: &Group) -> String {
    let mut out = String::new();
    let claims = group.claims;
    let _ =
        writeln!(out, "  # {} sources, {claims} claim(s), built on: {}", group.sources.len(), group.words.join(", "));
    for examples in group.sources.values().take(COMMENT_SOURCES_MAX) {
        let values: Vec<&str> = examples.iter().map(|e| e.value.as_str()).collect();
        if let Some(Example { source, line, text, sentence, .. }) = examples.first() {
            let _ =
                writeln!(out, "  # {source}:{line}: {} ({text:?} in \"{}\")", values.join(", "), one_line(sentence));
        }
    }
    if group.sources.len() > COMMENT_SOURCES_MAX {
        let _ = writeln!(out, "  # ... and {} more source(s)", group.sources.len() - COMMENT_SOURCES_MAX);
    }
    let _ = writeln!(out, "  {id}:");
    let _ = writeln!(out, "    claim: {}", group.key.kind);
    if !group.entities.is_empty() {
        let _ = writeln!(out, "    about: {}", list(&group.entities));
    }
    let _ = writeln!(out, "    cues: {}", list(&group.words));
    if !group.counted.is_empty() {
        let _ = writeln!(out, "    counted: {}", list(&group.counted));
    }
    if let Some(unit) = &group.key.unit {
        let _ = writeln!(out, "    unit: {}", quoted(unit));
    }
    if group.key.kind == FactKind::Duration {
        // How long something lasted is said once or twice a story, often a sentence or
        // two from the word that says what lasted ("in Beijing for two days").
        let _ = writeln!(out, "    scope: paragraph");
    }
    if let Some((first, last)) = during(&group.published) {
        let _ = writeln!(out, "    during: {first}/{last}");
    }
    if is_evolving(group) {
        let _ = writeln!(out, "    evolving: true");
    }
    out
}

/// The entities section.
fn entities_yaml(entities: &[(String, EntitySpec)]) -> String {
    let mut out = String::from("entities:\n");
    for (id, spec) in entities {
        let _ = writeln!(out, "  {}:", quoted(id));
        if !spec.name.is_empty() {
            let _ = writeln!(out, "    name: {}", quoted(&spec.name));
        }
        if !spec.aliases.is_empty() {
            let _ = writeln!(out, "    aliases: {}", list(&spec.aliases));
        }
        if let Some(expansion) = &spec.expansion {
            let _ = writeln!(out, "    expansion: {}", quoted(expansion));
        }
        if let Some(description) = &spec.description {
            let _ = writeln!(out, "    description: {}", quoted(description));
        }
    }
    out
}

/// The rule file of the groups and entities: each fact is first read on its own with
/// the entities, and one that the rule validation refuses is left out and said.
pub fn induce(groups: &[Group], entities: &[(String, EntitySpec)]) -> Induced {
    let header = "# Rules suggested by `factlint discover`: one fact per group of claims that two or more\n\
                  # sources state. Delete what is noise, rename ids, then `factlint rules check` and\n\
                  # `factlint check --rules` this file.\n";
    let entity_text = if entities.is_empty() { String::new() } else { entities_yaml(entities) };
    let mut facts = String::new();
    let mut kept = Vec::new();
    let mut refused = Vec::new();
    for (id, group) in ids(groups).into_iter().zip(groups) {
        let one = fact_yaml(&id, group);
        let mut alone = RuleSet::default();
        let text = format!("{DEFAULTS}{entity_text}facts:\n{one}");
        match alone.add(Path::new(INDUCED_FILE), &text) {
            Ok(()) if alone.check_references().is_empty() => {
                facts.push_str(&one);
                kept.push(Some(id));
            }
            Ok(()) => {
                refused.extend(alone.check_references());
                kept.push(None);
            }
            Err(errors) => {
                refused.extend(errors);
                kept.push(None);
            }
        }
    }
    let mut yaml = String::from(header);
    yaml.push_str(DEFAULTS);
    yaml.push_str(&entity_text);
    if facts.is_empty() {
        yaml.push_str("facts: {}\n");
    } else {
        yaml.push_str("facts:\n");
        yaml.push_str(&facts);
    }
    let mut rules = RuleSet::default();
    if let Err(errors) = rules.add(Path::new(INDUCED_FILE), &yaml) {
        // Each fact was read alone; together they can clash only on an id, which
        // `ids` keeps unique: said all the same rather than lost.
        refused.extend(errors);
    }
    Induced { yaml, rules, ids: kept, refused }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn during_covers_the_largest_run_of_reports() {
        let published = [date("2021-03-24"), date("2021-03-25"), date("2021-04-13"), date("2022-03-15")];
        assert_eq!(during(&published), Some((date("2021-02-22"), date("2021-04-13"))));
        assert_eq!(during(&[]), None);
        assert_eq!(during(&[date("2024-03-26")]), Some((date("2024-02-25"), date("2024-03-26"))));
    }
}
