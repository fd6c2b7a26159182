//! Rule checks beyond what the types enforce, and error messages that say where the
//! problem is, what was expected, and the nearest valid key or id.

use std::collections::BTreeMap;

use super::locate::Locator;
use super::model::{EntitySpec, FactKind, FactSpec};
use super::set::{Origin, RuleError};
use crate::span::LineIndex;
use crate::value::{ClaimKind, Tolerance, day_window, unit};

/// How close a misspelled key or id must be to a valid one to be suggested.
const SUGGEST_AT: f64 = 0.7;

/// True when a rule file holds nothing but blank lines, comments and document markers.
pub(super) fn is_blank(text: &str) -> bool {
    let index = LineIndex::new(text);
    index.lines_of(text).map(str::trim).all(|l| l.is_empty() || l.starts_with('#') || l == "---" || l == "...")
}

/// A serde_yaml error as a located rule error, its message reworded for people. The
/// errors serde_yaml does not place are a second document (placed at its `---`) and
/// the end of the input (placed at the start).
pub(super) fn from_yaml(file: &str, text: &str, error: &serde_yaml::Error) -> RuleError {
    let location = error.location().map(|l| (l.line(), l.column())).unwrap_or_else(|| {
        let mut content = false;
        for (i, line) in LineIndex::new(text).lines_of(text).enumerate() {
            if line.starts_with("---") && content {
                return (i + 1, 1);
            }
            content |= !(line.trim().is_empty() || line.starts_with('#') || line.starts_with("---"));
        }
        (1, 1)
    });
    if let Some((message, place)) = entity_kind(text, &error.to_string()) {
        return RuleError { file: file.to_string(), location: Some(place.unwrap_or(location)), message };
    }
    let mut message = reword(&error.to_string());
    if message.contains("more than one document") {
        message = "a second YAML document (`---`): a rule file holds one; split it into two files".into();
    }
    // serde_yaml places custom and missing-field errors at the mapping's first key;
    // the tolerance itself, or the mapping's own key, is the better place.
    let path: Vec<&str> = match message.split_once(": ") {
        Some((p, _))
            if !p.contains(' ') && ["facts", "entities", "defaults"].contains(&p.split('.').next().unwrap_or("")) =>
        {
            p.split('.').collect()
        }
        _ => Vec::new(),
    };
    let better = if message.contains("tolerance") && !path.is_empty() {
        Locator::new(text).key(&[path.as_slice(), &["tolerance"]].concat())
    } else if message.contains("missing field") && !path.is_empty() {
        Locator::new(text).key(&path)
    } else {
        None
    };
    let message = match message.split_once(": ") {
        Some((_, rest)) if !path.is_empty() => format!("{}: {rest}", subject(&path)),
        _ => message,
    };
    RuleError { file: file.to_string(), location: Some(better.unwrap_or(location)), message }
}

/// A fact whose `claim:` is a kind of claim that rules check through entities (`name`,
/// `expansion`): the message that says so, placed at the `claim` key, rather than
/// serde's "unknown variant" (which would suggest `number` for `name`).
/// The longest cue, exclusion, counted word or entity spelling, in bytes: the matcher's
/// automaton grows with its patterns, and no cue or name is this long.
pub const WORD_MAX: usize = 256;

/// The most entries in one list of words (a fact's `cues`, an entity's spellings).
pub const WORDS_PER_LIST_MAX: usize = 10_000;

fn entity_kind(text: &str, message: &str) -> Option<(String, Option<(usize, usize)>)> {
    let rest = message.strip_prefix("facts.")?;
    let (id, rest) = rest.split_once(".claim: unknown variant `")?;
    let (written, _) = rest.split_once('`')?;
    let kind = ClaimKind::ALL.into_iter().find(|k| k.as_str() == written)?;
    let kinds: Vec<String> = FactKind::ALL.iter().map(|k| format!("`{k}`")).collect();
    let message = format!(
        "fact `{id}`: `claim: {kind}` is checked through entities, not facts; expected one of {}",
        kinds.join(", ")
    );
    Some((message, Locator::new(text).key(&["facts", id, "claim"])))
}

/// Drops the location serde_yaml appends (the error carries it), names the model's
/// types as a rule writer knows them, and turns "expected one of" into a suggestion
/// when one candidate is close.
fn reword(message: &str) -> String {
    let mut text = without_marks(message);
    if text.starts_with("did not find expected key") {
        text.push_str(" (is a key indented less or more than its siblings?)");
    }
    if let Some(at) = text.find("duplicate field `") {
        let key = text[at + 17..].trim_end_matches('`').to_string();
        text = format!("{}duplicate key `{key}`: a key may appear once in a mapping", &text[..at]);
    }
    for (from, to) in [
        ("unknown field", "unknown key"),
        ("unknown variant", "unknown value"),
        ("expected a sequence", "expected a list such as `[a, b]`"),
        ("expected usize", "expected a whole number (0 or more)"),
        ("struct RuleFile", "a mapping with `entities`, `facts` or `defaults`"),
        ("struct EntitySpec", "an entity: a mapping with `name` and optional `aliases`, `expansion`"),
        ("struct FactSpec", "a fact: a mapping with `claim`, `cues` and optional keys"),
        ("struct Defaults", "a mapping with `severity`, `scope`, `tolerance` or `names`"),
        ("struct Examples", "a mapping with `match` and `no-match` lists"),
    ] {
        text = text.replace(from, to);
    }
    let Some(expected) = text.find(", expected one of ").or_else(|| text.find(", expected ")) else { return text };
    let (head, tail) = text.split_at(expected);
    let Some(bad) = backticked(head).into_iter().last() else { return text };
    let candidates = backticked(tail);
    match suggest(bad, &candidates) {
        Some(best) => format!("{head}, did you mean `{best}`?"),
        None => text,
    }
}

/// The message without the error's own place (the error carries it): libyaml writes
/// "PROBLEM at line L column C, while parsing CONTEXT at line L column C", where only
/// the context's place adds anything.
fn without_marks(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    let mut first = true;
    while let Some(at) = rest.find(" at line ") {
        let after = &rest[at + 9..];
        let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
        let line_len = digits(after);
        let Some(column) = after[line_len..].strip_prefix(" column ") else {
            out.push_str(&rest[..at + 9]);
            rest = after;
            continue;
        };
        let column_len = digits(column);
        out.push_str(&rest[..at]);
        if !first {
            out.push_str(&format!(" that starts at {}:{}", &after[..line_len], &column[..column_len]));
        }
        first = false;
        rest = &column[column_len..];
    }
    out.push_str(rest);
    out
}

/// A serde path (`facts.visit.scope`) as the rest of the messages name things:
/// "fact `visit`, `scope`".
fn subject(path: &[&str]) -> String {
    let (what, id, keys) = match path {
        ["facts", id, keys @ ..] => ("fact", *id, keys),
        ["entities", id, keys @ ..] => ("entity", *id, keys),
        _ => return format!("`{}`", path.join(".")),
    };
    if keys.is_empty() { format!("{what} `{id}`") } else { format!("{what} `{id}`, `{}`", keys.join(".")) }
}

/// The words written between backticks in `text`.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// The candidate nearest to `bad`, if one is near enough to be what was meant.
pub(super) fn suggest<'a>(bad: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let bad = bad.to_lowercase();
    candidates
        .iter()
        .map(|c| {
            let lower = c.to_lowercase();
            let score = strsim::jaro_winkler(&bad, &lower).max(strsim::normalized_damerau_levenshtein(&bad, &lower));
            (score, *c)
        })
        .filter(|&(score, _)| score >= SUGGEST_AT)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// `, did you mean `x`?` when a candidate is close to `bad`, else the valid choices
/// when there are few, else nothing.
pub(super) fn did_you_mean(bad: &str, candidates: &[&str]) -> String {
    match suggest(bad, candidates) {
        Some(best) => format!(", did you mean `{best}`?"),
        None if !candidates.is_empty() && candidates.len() <= 8 => {
            let list: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
            format!("; known: {}", list.join(", "))
        }
        None => String::new(),
    }
}

/// A rule error placed at `value` inside the key at `path`, or at the key, or at the
/// nearest enclosing key that exists.
pub(super) fn located(origin: &Origin, path: &[&str], value: Option<&str>, message: String) -> RuleError {
    let at = Locator::new(&origin.text);
    let location =
        value.and_then(|v| at.value(path, v)).or_else(|| (1..=path.len()).rev().find_map(|n| at.key(&path[..n])));
    RuleError { file: origin.file.clone(), location, message }
}

/// Whether a tolerance fits a kind of claim: dates take durations; durations take
/// durations or shares; numbers take amounts or shares; titles, which agree only when
/// equal, take none.
pub(super) fn tolerance_fits(kind: FactKind, tolerance: &Tolerance) -> bool {
    match kind {
        FactKind::Date | FactKind::DateRange => matches!(tolerance, Tolerance::Duration(_)),
        FactKind::Duration => matches!(tolerance, Tolerance::Duration(_) | Tolerance::Percent(_)),
        FactKind::Number | FactKind::Quantity | FactKind::Ordinal => {
            matches!(tolerance, Tolerance::Absolute(_) | Tolerance::Percent(_))
        }
        FactKind::Title => false,
    }
}

/// Why a fact's `unit` takes no claim, if it takes none: a unit the extractor does not
/// measure in (with "did you mean" and the known units), a unit of measure on a
/// `claim: number` (numbers carry `years` only, for ages), or `years` on a quantity.
fn unit_refused(id: &str, claim: FactKind, written: &str) -> Option<String> {
    let is_age = unit::is_age_unit(written);
    match (claim, unit::base_unit(written)) {
        (FactKind::Number, _) if is_age => None,
        (FactKind::Number, Some(base)) => Some(format!(
            "fact `{id}`: `claim: number` takes `unit: {age}` (ages) only; `{written}` measures in `{base}`: write `claim: quantity`",
            age = unit::AGE_UNIT
        )),
        (FactKind::Number, None) => Some(format!(
            "fact `{id}`: `claim: number` takes `unit: {age}` (ages) only, not `{written}`{hint}",
            age = unit::AGE_UNIT,
            hint = did_you_mean(written, &[unit::AGE_UNIT])
        )),
        (_, Some(_)) => None,
        (_, None) if is_age => Some(format!(
            "fact `{id}`: quantities never carry `{written}`: for ages write `claim: number` with `unit: {age}`, for lengths of time `claim: duration`",
            age = unit::AGE_UNIT
        )),
        (_, None) => {
            let spellings: Vec<&str> = unit::written_spellings().collect();
            let hint = match suggest(written, &spellings) {
                Some(best) => format!(", did you mean `{best}`? Known units:"),
                None => "; known units:".to_string(),
            };
            let known: Vec<String> = unit::WRITTEN_UNITS
                .iter()
                .map(|(dimension, _, spellings)| {
                    let list: Vec<String> = spellings.iter().map(|s| format!("`{s}`")).collect();
                    format!("{dimension} {}", list.join(", "))
                })
                .collect();
            Some(format!("fact `{id}`: unknown unit `{written}`{hint} {}", known.join("; ")))
        }
    }
}

/// Why a fact's `value:` is refused: it reads as no claim of the fact's kind. The
/// message shows both ways to write one.
pub(super) fn record_unreadable(id: &str, claim: FactKind, written: &str) -> String {
    // A table rather than a match, so that a kind added later needs no arm here: it
    // gets the message without an example.
    const WAYS: [(FactKind, &str, &str); 7] = [
        (FactKind::Date, "March 28, 2018", "2018-03-28"),
        (FactKind::DateRange, "March 25-28, 2018", "2018-03-25/2018-03-28"),
        (FactKind::Duration, "4 days", "P4D"),
        (FactKind::Number, "3,000", "3000"),
        (FactKind::Quantity, "1,200 feet", "a number in the base unit of `unit:`"),
        (FactKind::Ordinal, "the second visit", "2"),
        (FactKind::Title, "Lt. Col.", "lieutenant colonel"),
    ];
    let how = match WAYS.iter().find(|(kind, _, _)| *kind == claim) {
        Some((_, as_written, normalized)) => format!("as written (`{as_written}`) or normalized (`{normalized}`)"),
        None => "as a source would write it, or normalized".to_string(),
    };
    format!("fact `{id}`: `value: {written}` is not a {claim} (the fact's `claim`); write it {how}")
}

/// Whether `during` is a window of two anchored dates, the first not after the second.
fn window_is_valid(during: &str) -> bool {
    day_window(during).is_some()
}

/// Checks one file's entities and facts on their own.
pub(super) fn file(
    origin: &Origin,
    entities: &BTreeMap<String, EntitySpec>,
    facts: &BTreeMap<String, FactSpec>,
) -> Vec<RuleError> {
    let mut errors = Vec::new();
    let mut error = |path: &[&str], value: Option<&str>, message: String| {
        errors.push(located(origin, path, value, message));
    };
    for (id, entity) in entities {
        if id.trim().is_empty() {
            error(&["entities"], None, "an entity id is empty".into());
        }
        if entity.name.trim().is_empty() && entity.aliases.is_empty() {
            error(
                &["entities", id, "name"],
                None,
                format!(
                    "entity `{id}`: no `name` and no `aliases`; write its house spelling, or the spellings to look for"
                ),
            );
        }
        let spellings = std::iter::once(&entity.name).chain(&entity.aliases).chain(entity.expansion.as_ref());
        if let Some(long) = spellings.clone().find(|s| s.len() > WORD_MAX) {
            let shown: String = long.chars().take(40).collect();
            error(
                &["entities", id],
                None,
                format!("entity `{id}`: a spelling (`{shown}…`) is longer than {WORD_MAX} bytes"),
            );
        }
        if spellings.count() > WORDS_PER_LIST_MAX {
            error(&["entities", id, "aliases"], None, format!("entity `{id}`: more than {WORDS_PER_LIST_MAX} aliases"));
        }
        for alias in entity.aliases.iter().filter(|a| a.trim().is_empty()) {
            error(&["entities", id, "aliases"], Some(alias), format!("entity `{id}`: an alias is empty"));
        }
        if entity.expansion.as_deref().is_some_and(|e| e.trim().is_empty()) {
            error(
                &["entities", id, "expansion"],
                None,
                format!("entity `{id}`: `expansion` is empty; write what the acronym stands for, or leave it out"),
            );
        }
        if entity.expansion.is_some() && entity.acronyms().next().is_none() {
            error(
                &["entities", id, "expansion"],
                None,
                format!(
                    "entity `{id}`: `expansion` needs an acronym (a word of capitals such as `DPRK`) as its name or an alias"
                ),
            );
        }
    }
    for (id, fact) in facts {
        let path = |key: &'static str| -> [&str; 3] { ["facts", id.as_str(), key] };
        if id.trim().is_empty() {
            error(&["facts"], None, "a fact id is empty".into());
        }
        // A title is read next to its entity's name, which marks the sentence as
        // about the fact (the SPEC's `mayor-title` has no cues).
        if fact.cues.is_empty() && fact.claim != FactKind::Title {
            error(
                &path("cues"),
                None,
                format!("fact `{id}`: `cues` needs at least one word or phrase that marks a sentence about the fact"),
            );
        }
        for (key, words) in [("cues", &fact.cues), ("exclude", &fact.exclude), ("counted", &fact.counted)] {
            if words.iter().any(|w| w.trim().is_empty()) {
                error(&path(key), None, format!("fact `{id}`: an entry of `{key}` is empty"));
            }
            if words.len() > WORDS_PER_LIST_MAX {
                error(
                    &path(key),
                    None,
                    format!("fact `{id}`: `{key}` has {} entries; at most {WORDS_PER_LIST_MAX}", words.len()),
                );
            }
            if let Some(long) = words.iter().find(|w| w.len() > WORD_MAX) {
                let shown: String = long.chars().take(40).collect();
                error(
                    &path(key),
                    None,
                    format!("fact `{id}`: an entry of `{key}` (`{shown}…`) is longer than {WORD_MAX} bytes"),
                );
            }
        }
        if fact.claim == FactKind::Title && fact.about.is_empty() {
            error(
                &path("claim"),
                None,
                format!("fact `{id}`: `claim: title` needs `about`: the entity whose title or role it checks"),
            );
        }
        if !fact.counted.is_empty() && fact.claim != FactKind::Number {
            error(
                &path("counted"),
                None,
                format!("fact `{id}`: `counted` applies to `claim: number` only, not `{}`", fact.claim),
            );
        }
        if let Some(unit) = &fact.unit {
            if !matches!(fact.claim, FactKind::Quantity | FactKind::Number) {
                error(
                    &path("unit"),
                    None,
                    format!(
                        "fact `{id}`: `unit` applies to `claim: quantity` and `claim: number` (ages: `years`) only, not `{}`",
                        fact.claim
                    ),
                );
            } else if unit.trim().is_empty() {
                error(&path("unit"), None, format!("fact `{id}`: `unit` is empty"));
            } else if let Some(message) = unit_refused(id, fact.claim, unit) {
                error(&path("unit"), Some(unit), message);
            }
        }
        if let Some(during) = &fact.during
            && !window_is_valid(during)
        {
            error(
                &path("during"),
                None,
                format!(
                    "fact `{id}`: bad `during` `{during}`: expected `START/END`, two ISO dates in order, e.g. `2018-03-20/2018-04-05`"
                ),
            );
        }
        if let Some(tolerance) = &fact.tolerance
            && !tolerance_fits(fact.claim, tolerance)
        {
            let expected = match fact.claim {
                FactKind::Date | FactKind::DateRange => "an ISO duration such as `P1D`",
                FactKind::Duration => "an ISO duration such as `P1D` or a percentage such as `10%`",
                FactKind::Title => "none: titles agree only when equal",
                _ => "a number such as `2` or a percentage such as `5%`",
            };
            error(
                &path("tolerance"),
                None,
                format!("fact `{id}`: this tolerance does not fit `claim: {}`; expected {expected}", fact.claim),
            );
        }
        if fact.value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            error(
                &path("value"),
                None,
                format!("fact `{id}`: `value` is empty; write the fact's known value, or leave it out"),
            );
        }
        if fact.source.is_some() && fact.value.is_none() {
            error(
                &path("source"),
                None,
                format!(
                    "fact `{id}`: `source` cites the record, but the fact has no `value`; write the value it gives"
                ),
            );
        }
        let examples = &fact.examples;
        let blank = |e: &str| e.trim().is_empty();
        for (key, empty) in [
            ("match", examples.matching.iter().any(|e| blank(e.sentence()))),
            ("no-match", examples.not_matching.iter().any(|e| blank(e))),
        ] {
            if empty {
                error(&["facts", id, "examples", key], None, format!("fact `{id}`: an example is empty"));
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_become_hints() {
        assert_eq!(
            reword("did not find expected key at line 4 column 4, while parsing a block mapping at line 2 column 3"),
            "did not find expected key, while parsing a block mapping that starts at 2:3 \
             (is a key indented less or more than its siblings?)"
        );
        assert_eq!(
            reword("facts: duplicate field `visit` at line 5 column 3"),
            "facts: duplicate key `visit`: a key may appear once in a mapping"
        );
        assert_eq!(
            reword("facts.a: unknown field `cue`, expected one of `claim`, `cues`, `about` at line 4 column 5"),
            "facts.a: unknown key `cue`, did you mean `cues`?"
        );
        assert_eq!(
            reword("facts.a.claim: unknown variant `daterange`, expected one of `date`, `date-range`"),
            "facts.a.claim: unknown value `daterange`, did you mean `date-range`?"
        );
        assert_eq!(
            reword("unknown field `zzz`, expected one of `entities`, `facts`"),
            "unknown key `zzz`, expected one of `entities`, `facts`"
        );
    }

    #[test]
    fn windows_and_tolerances() {
        assert!(window_is_valid("2018-03-20/2018-04-05"));
        assert!(window_is_valid("2018/2019"));
        assert!(!window_is_valid("2018-04-05/2018-03-20"));
        assert!(!window_is_valid("soon"));
        assert!(!window_is_valid("2018-13-01/2018-12-01"));
        assert!(tolerance_fits(FactKind::Date, &Tolerance::Duration(86_400.0)));
        assert!(!tolerance_fits(FactKind::Date, &Tolerance::Percent(5.0)));
        assert!(tolerance_fits(FactKind::Number, &Tolerance::Percent(5.0)));
    }
}
