//! Entities discovered without rules: the proper names each source writes
//! ([`SourceNames`], built in the map step from
//! [`proper_names`](crate::extract::names::proper_names)) grouped across sources
//! into the same name spelled otherwise ("Kim Jong Un", "Kim Jong-un"; "Nurdağı",
//! "Nurdagi"; "Homendy", "Hormedy"), and acronyms with the expansions written for
//! them. Each group is an entity the ordinary name checks can take: its house spelling
//! is the one most sources write, and for an acronym the expansion most sources write.
//!
//! Two spellings are one name when the house's own test says so
//! ([`crate::extract::names::decide`], the test the name scan reports variants by):
//! equal but for diacritics, hyphens, spaces, periods or apostrophes, or a word one
//! typo away; so what is grouped here is what the check then reports. Choices, and
//! why:
//! - spellings with another number of words are not grouped, so "Ever Green" (a ship
//!   name misspelt) stays apart from "Evergreen" (its operator), though they differ
//!   only by a space: a desk writes a company solid and a ship's name in two words,
//!   and grouping them would name the company the ship's house spelling;
//! - a name of one word is read with a typo only from six letters ("Moore", "Moose"
//!   stay two people), as the name scan does;
//! - a surname written alone ("Hormedy said") is grouped with the last word of the
//!   full names that recur ("Jennifer Homendy"), but two full names that share a
//!   surname ("Michael Chen", "Sarah Chen") are never one, and a group of surnames
//!   read only inside full names is not made;
//! - a name a sentence gives no evidence for (a capitalised word that begins a
//!   sentence, a headline's words) counts only when some place writes it as a name;
//! - a name must recur: written in two sources or more, the group reported only when
//!   it has two spellings or more.
//!
//! Memory holds the distinct spellings of each source, not pairs of them: spellings
//! are compared only with the house spellings that share a word with them (or, for
//! one word, its first letter or last two).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::extract::names::{Decision, Form, ProperKind, ProperName};
use crate::rules::EntitySpec;
use crate::span::Position;
use crate::text::{is_apostrophe, key, plain, separates_words, tidy};

/// Where and how often one source writes one spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seen {
    /// How many times.
    pub count: usize,
    /// Line and column of the first time.
    pub first: Position,
    /// Whether some place writes it where the sentence shows it is a name.
    pub strong: bool,
}

impl Seen {
    fn add(&mut self, at: Position, strong: bool) {
        self.count += 1;
        self.strong |= strong;
        self.first = self.first.min(at);
    }
}

/// The proper names one source writes, each distinct spelling once, with how often
/// and where first: what the map step keeps of a source for discovering entities.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceNames {
    /// The source's path as shown.
    pub source: String,
    /// Names, acronyms and title-case phrases, by kind and spelling ([`tidy`]).
    pub written: BTreeMap<(ProperKind, String), Seen>,
    /// Expansions written next to an acronym, by acronym and expansion.
    pub expansions: BTreeMap<(String, String), Seen>,
}

impl SourceNames {
    /// No names yet, for the source shown as `source`.
    pub fn new(source: impl Into<String>) -> SourceNames {
        SourceNames { source: source.into(), ..SourceNames::default() }
    }

    /// Notes `name`, read in `sentence` (its span is in the sentence) at `at` in the file.
    pub fn add(&mut self, sentence: &str, name: &ProperName, at: Position) {
        let Some(text) = sentence.get(name.span.start..name.span.end) else { return };
        let text = tidy(text);
        let strong = !name.weak;
        let fresh = Seen { count: 0, first: at, strong: false };
        match (name.kind, name.acronym.and_then(|a| sentence.get(a.start..a.end))) {
            (ProperKind::Expansion, Some(acronym)) => {
                self.expansions.entry((acronym.to_string(), text)).or_insert(fresh).add(at, strong)
            }
            (ProperKind::Expansion, None) => {}
            (kind, _) => self.written.entry((kind, text)).or_insert(fresh).add(at, strong),
        }
    }

    /// True when the source writes no name.
    pub fn is_empty(&self) -> bool {
        self.written.is_empty() && self.expansions.is_empty()
    }
}

/// An entity found without rules: the spellings of one name, or an acronym and its
/// expansions, with what a rule file would say of it.
#[derive(Clone, Debug, PartialEq)]
pub struct DiscoveredEntity {
    /// A readable, stable id made of the house spelling ("kim-jong-un", "ntsb").
    pub id: String,
    /// The entity as a rule would give it: the house spelling (most sources), and for
    /// an acronym the expansion most sources write.
    pub spec: EntitySpec,
    /// The spellings (for an acronym, its expansions) with the number of sources
    /// writing each, the house spelling first, then by sources and spelling.
    pub spellings: Vec<(String, usize)>,
}

/// The entities the sources' names make: names written two ways or more across two
/// sources or more, and acronyms with two expansions or more. Ordered by id; the same
/// input gives the same entities, whatever the order of work.
pub fn entities(names: &[SourceNames]) -> Vec<DiscoveredEntity> {
    let acronyms = acronym_entities(names);
    let expanded: BTreeSet<String> = acronyms.iter().flat_map(|e| e.spellings.iter().map(|(s, _)| key(s))).collect();
    let variants =
        name_entities(names).into_iter().filter(|e| !e.spellings.iter().any(|(s, _)| expanded.contains(&key(s))));
    let mut used = BTreeSet::new();
    let mut out: Vec<DiscoveredEntity> = acronyms
        .into_iter()
        .chain(variants)
        .map(|mut e| {
            e.id = unique(&e.id, &mut used);
            e
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// `id`, or with the first free "-2", "-3" ... after it.
fn unique(id: &str, used: &mut BTreeSet<String>) -> String {
    let mut candidate = id.to_string();
    let mut n = 1;
    while used.contains(&candidate) {
        n += 1;
        candidate = format!("{id}-{n}");
    }
    used.insert(candidate.clone());
    candidate
}

/// The id of a spelling: its words without diacritics, lower case, joined by hyphens.
fn slug(text: &str) -> String {
    let words: Vec<String> = text.split(separates_words).map(plain).filter(|w| !w.is_empty()).collect();
    if words.is_empty() { "name".to_string() } else { words.join("-") }
}

/// One spelling across sources.
#[derive(Debug, Default)]
struct Tally {
    /// The ways it is written (by case or apostrophes), with their counts.
    forms: BTreeMap<String, usize>,
    sources: BTreeSet<usize>,
    count: usize,
    strong: bool,
    /// Written on its own somewhere, not only read as the last word of a full name.
    alone: bool,
}

impl Tally {
    /// The form written most often, the first in order among equals.
    fn shown(&self) -> String {
        self.forms.iter().max_by_key(|&(form, n)| (*n, Reverse(form))).map(|(f, _)| f.clone()).unwrap_or_default()
    }
}

/// True for a spelling in capitals only (dots allowed), two to six letters: an acronym,
/// which is grouped with its expansions, not its look-alikes ("US", "U.S.").
fn acronym_like(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase()) && !text.contains(' ')
}

/// The plain words of a spelling.
fn plain_words(text: &str) -> Vec<String> {
    text.split(separates_words).map(plain).filter(|w| !w.is_empty()).collect()
}

/// The last word of a full name of two or three capitalised words ("Homendy" of
/// "Jennifer Homendy"), which a source may write alone.
fn surname(text: &str) -> Option<&str> {
    let words: Vec<&str> = text.split(' ').collect();
    let capitalised = words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let last = *words.last()?;
    let long = last.chars().filter(|c| c.is_alphabetic()).count() >= 4;
    ((2..=3).contains(&words.len()) && capitalised && long && !acronym_like(last)).then_some(last)
}

/// Words naming the kind of place a name is ("Kahramanmaraş Province"): the name
/// without it is the same place, which another source may write alone.
const PLACE_KINDS: &[&str] = &["City", "County", "District", "Governorate", "Prefecture", "Province", "Region"];

/// A name without its last word when that word says what kind of place it is
/// ("Kahramanmaraş" of "Kahramanmaraş Province").
fn place_name(text: &str) -> Option<&str> {
    let (head, last) = text.rsplit_once(' ')?;
    PLACE_KINDS.contains(&last).then_some(head)
}

/// Whether one spelling is the other with a final "s" ("North Koreans", "Koreas" for
/// "Korean"): a plural or a possessive without its apostrophe, not a misspelling. The
/// house test reads a dropped last letter as a typo ("Ozol" for "Ozols"); a name
/// found without rules is more often a people's or a country's in the plural.
fn plural_of(a: &[String], b: &[String]) -> bool {
    let (Some(x), Some(y)) = (a.last(), b.last()) else { return false };
    let other_words_equal = a.len() == b.len() && a[..a.len() - 1] == b[..b.len() - 1];
    let stem_of = |plural: &str, single: &str| plural.strip_suffix('s').is_some_and(|stem| single.starts_with(stem));
    other_words_equal && x != y && (stem_of(x, y) || stem_of(y, x))
}

/// A group of spellings of one name, around its house spelling.
struct Group {
    /// Index of the house spelling in the tallies.
    house: usize,
    form: Form,
    /// The house spelling's plain words.
    words: Vec<String>,
    members: Vec<usize>,
}

/// Names written two ways or more.
fn name_entities(names: &[SourceNames]) -> Vec<DiscoveredEntity> {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for (source, names) in names.iter().enumerate() {
        for ((kind, text), seen) in &names.written {
            if *kind != ProperKind::Name || acronym_like(text) {
                continue;
            }
            let t = tallies.entry(key(text)).or_default();
            *t.forms.entry(text.clone()).or_default() += seen.count;
            t.sources.insert(source);
            t.count += seen.count;
            t.strong |= seen.strong;
            t.alone = true;
        }
    }
    // Surnames inside full names, and places without the word saying what kind
    // they are, for the sources that write them alone.
    let full: Vec<(String, BTreeSet<usize>)> = tallies
        .values()
        .filter(|t| t.strong)
        .filter_map(|t| {
            let shown = t.shown();
            place_name(&shown).or_else(|| surname(&shown)).map(|s| (s.to_string(), t.sources.clone()))
        })
        .collect();
    for (last, sources) in full {
        let t = tallies.entry(key(&last)).or_default();
        t.forms.entry(last).or_default();
        t.sources.extend(sources);
        t.strong = true;
    }
    // The names written as names somewhere found the groups, most sources first; the
    // others (only ever a sentence's first word, or a headline's) may then join one.
    let mut order: Vec<(String, Tally)> = tallies.into_iter().collect();
    order.sort_by(|(ka, a), (kb, b)| {
        (Reverse(a.strong), Reverse(a.sources.len()), Reverse(a.count), ka).cmp(&(
            Reverse(b.strong),
            Reverse(b.sources.len()),
            Reverse(b.count),
            kb,
        ))
    });
    let shown: Vec<String> = order.iter().map(|(_, t)| t.shown()).collect();
    let mut groups: Vec<Group> = Vec::new();
    let mut by_plain: HashMap<String, usize> = HashMap::new();
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_end: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, text) in shown.iter().enumerate() {
        let form = Form::new(text);
        let words = plain_words(text);
        let flat: String = words.concat();
        if words.is_empty() {
            continue;
        }
        // The groups it may join: those whose house shares its letters, a word, or
        // (one word) its first letter or last two.
        let mut near: BTreeSet<usize> = BTreeSet::new();
        near.extend(by_plain.get(&flat).copied());
        let keys = ends(&words);
        for k in keys.iter().chain(&words) {
            near.extend(by_word.get(k).into_iter().flatten().copied());
            near.extend(by_end.get(k).into_iter().flatten().copied());
        }
        let joined = near.into_iter().find(|&g| {
            groups[g].words.len() == words.len()
                && !plural_of(&words, &groups[g].words)
                && form.decide(&groups[g].form) != Decision::Other
        });
        match joined {
            Some(g) => groups[g].members.push(index),
            None if !order[index].1.strong => {}
            None => {
                let g = groups.len();
                by_plain.entry(flat).or_insert(g);
                if words.len() == 1 {
                    for k in keys {
                        by_end.entry(k).or_default().push(g);
                    }
                } else {
                    for w in &words {
                        by_word.entry(w.clone()).or_default().push(g);
                    }
                }
                groups.push(Group { house: index, form, words, members: vec![index] });
            }
        }
    }
    let mut out = Vec::new();
    for group in groups {
        let house = &shown[group.house];
        let sources: BTreeSet<usize> = group.members.iter().flat_map(|&m| order[m].1.sources.iter().copied()).collect();
        let variants: Vec<usize> = group
            .members
            .iter()
            .copied()
            .filter(|&m| m == group.house || Form::new(&shown[m]).decide(&group.form) == Decision::Variant)
            .collect();
        let alone = group.members.iter().any(|&m| order[m].1.alone);
        if sources.len() < 2 || variants.len() < 2 || !alone {
            continue;
        }
        let spellings = variants.iter().map(|&m| (shown[m].clone(), order[m].1.sources.len())).collect();
        let spec = EntitySpec { name: house.clone(), ..EntitySpec::default() };
        out.push(DiscoveredEntity { id: slug(house), spec, spellings });
    }
    out
}

/// The one-word blocking keys of a name: its first letter and its last two, marked
/// apart from whole words.
fn ends(words: &[String]) -> Vec<String> {
    let [word] = words else { return Vec::new() };
    let chars: Vec<char> = word.chars().collect();
    let first: String = chars.iter().take(1).collect();
    let last: String = chars[chars.len().saturating_sub(2)..].iter().collect();
    vec![format!("^{first}"), format!("{last}$")]
}

/// An expansion across sources.
#[derive(Debug, Default)]
struct Expansion {
    forms: BTreeMap<String, usize>,
    sources: BTreeSet<usize>,
    count: usize,
    /// Whether its initials are the acronym's letters exactly.
    exact: bool,
}

/// The initials of a phrase's capitalised words ("DPRK" of "Democratic People's
/// Republic of Korea").
fn initials(text: &str) -> String {
    text.split(|c: char| separates_words(c) || is_apostrophe(c))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// The letters of an acronym, dots left out ("US" of "U.S.").
fn letters_of(acronym: &str) -> String {
    acronym.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Acronyms written with two expansions or more across two sources or more. An
/// expansion is one written next to the acronym, in any source, or a title-case
/// phrase of three capitalised words or more whose initials are its letters ("the
/// Democratic People's Republic of Korea", on its own).
fn acronym_entities(names: &[SourceNames]) -> Vec<DiscoveredEntity> {
    // By the acronym's letters: the sources writing it and its first form.
    let mut acronyms: BTreeMap<String, (BTreeSet<usize>, String)> = BTreeMap::new();
    let mut found: BTreeMap<String, BTreeMap<String, Expansion>> = BTreeMap::new();
    let mut note = |letters: String, text: &str, source: usize, count: usize, exact: bool| {
        let e = found.entry(letters).or_default().entry(key(text)).or_default();
        *e.forms.entry(text.to_string()).or_default() += count;
        e.sources.insert(source);
        e.count += count;
        e.exact |= exact;
    };
    for (source, names) in names.iter().enumerate() {
        for ((kind, text), seen) in &names.written {
            match kind {
                ProperKind::Acronym => {
                    let entry = acronyms.entry(letters_of(text)).or_insert_with(|| (BTreeSet::new(), text.clone()));
                    entry.0.insert(source);
                }
                ProperKind::Name | ProperKind::Phrase if seen.strong => {
                    let letters = initials(text);
                    if letters.chars().count() >= 3 {
                        note(letters, text, source, seen.count, true);
                    }
                }
                _ => {}
            }
        }
        for ((acronym, expansion), seen) in &names.expansions {
            let letters = letters_of(acronym);
            let exact = initials(expansion) == letters;
            note(letters, expansion, source, seen.count, exact);
        }
    }
    let mut out = Vec::new();
    for (letters, (written_in, acronym)) in &acronyms {
        let Some(found) = found.get(letters) else { continue };
        let sources: BTreeSet<usize> =
            written_in.iter().chain(found.values().flat_map(|e| e.sources.iter())).copied().collect();
        if found.len() < 2 || sources.len() < 2 {
            continue;
        }
        // Most sources first; among equals the expansion whose initials are the
        // acronym's, then the one written most, then the first in order.
        let mut ranked: Vec<(&String, &Expansion)> = found.iter().collect();
        ranked.sort_by_key(|&(k, e)| (Reverse(e.sources.len()), Reverse(e.exact), Reverse(e.count), k.as_str()));
        let house = ranked[0].1.shown();
        let spellings = ranked.iter().map(|(_, e)| (e.shown(), e.sources.len())).collect();
        let spec = EntitySpec { name: acronym.clone(), expansion: Some(house), ..EntitySpec::default() };
        out.push(DiscoveredEntity { id: slug(acronym), spec, spellings });
    }
    out
}

impl Expansion {
    /// The form written most often, the first in order among equals.
    fn shown(&self) -> String {
        self.forms.iter().max_by_key(|&(f, n)| (*n, Reverse(f))).map(|(f, _)| f.clone()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    /// Sources that each write the given names, in order, with their kind and
    /// whether they are weak.
    fn sources(written: &[&[(&str, ProperKind, bool)]]) -> Vec<SourceNames> {
        written
            .iter()
            .enumerate()
            .map(|(i, names)| {
                let mut source = SourceNames::new(format!("{i}.txt"));
                for (line, &(text, kind, weak)) in names.iter().enumerate() {
                    let name = ProperName { span: Span::new(0, text.len()), kind, acronym: None, weak };
                    source.add(text, &name, Position { line: line + 1, column: 1 });
                }
                source
            })
            .collect()
    }

    fn name(text: &str) -> (&str, ProperKind, bool) {
        (text, ProperKind::Name, false)
    }

    /// An entity's id, house spelling, and spellings with their sources.
    type Summary<'a> = (&'a str, &'a str, Vec<(&'a str, usize)>);

    /// [`Summary`] with the acronym's expansion.
    type Expanded<'a> = (&'a str, &'a str, Option<&'a str>, Vec<(&'a str, usize)>);

    fn summary(found: &[DiscoveredEntity]) -> Vec<Summary<'_>> {
        found
            .iter()
            .map(|e| (e.id.as_str(), e.spec.name.as_str(), e.spellings.iter().map(|(s, n)| (s.as_str(), *n)).collect()))
            .collect()
    }

    #[test]
    fn majority_spelling_is_the_house_spelling() {
        let found = entities(&sources(&[
            &[name("Kim Jong Un"), name("Ri Sol Ju"), name("Nurdağı")],
            &[name("Kim Jong-un"), name("Ri Sol Ju"), name("Nurdagi")],
            &[name("Kim Jong-un"), name("Kim Jong Il"), name("Ri Sol-ju")],
            &[name("Kim Jong Un"), name("Kim Jong-un"), name("Nurdagi")],
        ]));
        assert_eq!(
            summary(&found),
            [
                ("kim-jong-un", "Kim Jong-un", vec![("Kim Jong-un", 3), ("Kim Jong Un", 2)]),
                ("nurdagi", "Nurdagi", vec![("Nurdagi", 2), ("Nurdağı", 1)]),
                ("ri-sol-ju", "Ri Sol Ju", vec![("Ri Sol Ju", 2), ("Ri Sol-ju", 1)]),
            ]
        );
    }

    #[test]
    fn traps_stay_apart() {
        let found = entities(&sources(&[
            // Two people who share a surname; a father and son one word apart.
            &[name("Michael Chen"), name("Kim Jong Il"), name("Evergreen"), name("Moore")],
            &[name("Sarah Chen"), name("Kim Jong Un"), name("Ever Green"), name("Moose")],
            &[name("Michael Chen"), name("Kim Jong Un"), name("Ever Given"), name("Evergreen")],
            // Plurals and demonyms.
            &[name("North Korean"), name("Korean"), name("Koreas")],
            &[name("North Koreans"), name("Korean"), name("Koreas")],
        ]));
        assert_eq!(summary(&found), []);
    }

    #[test]
    fn a_surname_or_place_alone_meets_the_full_name() {
        let found = entities(&sources(&[
            &[name("Jennifer Homendy"), name("Hormedy")],
            &[name("Jennifer Homendy")],
            &[name("Kowalski")],
            &[name("Kowalski"), name("Kowalsky")],
            &[name("Kahramanmaraş Province")],
            &[name("Kahramanmaras")],
        ]));
        assert_eq!(
            summary(&found),
            [
                ("homendy", "Homendy", vec![("Homendy", 2), ("Hormedy", 1)]),
                ("kahramanmaras", "Kahramanmaras", vec![("Kahramanmaras", 1), ("Kahramanmaraş", 1)]),
                ("kowalski", "Kowalski", vec![("Kowalski", 2), ("Kowalsky", 1)]),
            ]
        );
    }

    #[test]
    fn a_name_only_a_sentence_start_writes_is_not_one() {
        let weak = |t| (t, ProperKind::Name, true);
        let found = entities(&sources(&[&[weak("Caption")], &[weak("Captain")], &[weak("Caption")]]));
        assert_eq!(summary(&found), []);
        let found = entities(&sources(&[&[weak("Ismailia")], &[name("Ismailiya")], &[name("Ismailia")]]));
        assert_eq!(summary(&found), [("ismailia", "Ismailia", vec![("Ismailia", 2), ("Ismailiya", 1)])]);
        // A table row's first word joins the name another source writes as one.
        let found = entities(&sources(&[&[weak("Şanlıurfa")], &[name("Sanliurfa")]]));
        assert_eq!(summary(&found), [("sanliurfa", "Sanliurfa", vec![("Sanliurfa", 1), ("Şanlıurfa", 1)])]);
    }

    #[test]
    fn acronyms_take_the_expansion_most_sources_write() {
        let mut written = sources(&[
            &[("NTSB", ProperKind::Acronym, false), name("National Transportation Safety Board")],
            &[name("National Transportation Safety Board")],
            &[name("National Transportation Security Board")],
            &[("Democratic People's Republic of Korea", ProperKind::Phrase, false)],
        ]);
        let sentence = "DPRK (Democratic Republic of Korea)";
        let expansion = ProperName {
            span: Span::new(6, 34),
            kind: ProperKind::Expansion,
            acronym: Some(Span::new(0, 4)),
            weak: false,
        };
        let at = Position { line: 3, column: 7 };
        written[0].add(
            sentence,
            &ProperName { span: Span::new(0, 4), kind: ProperKind::Acronym, acronym: None, weak: false },
            at,
        );
        written[0].add(sentence, &expansion, at);
        let found = entities(&written);
        let got: Vec<Expanded<'_>> = found
            .iter()
            .map(|e| {
                (
                    e.id.as_str(),
                    e.spec.name.as_str(),
                    e.spec.expansion.as_deref(),
                    e.spellings.iter().map(|(s, n)| (s.as_str(), *n)).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "dprk",
                    "DPRK",
                    Some("Democratic People's Republic of Korea"),
                    vec![("Democratic People's Republic of Korea", 1), ("Democratic Republic of Korea", 1)]
                ),
                (
                    "ntsb",
                    "NTSB",
                    Some("National Transportation Safety Board"),
                    vec![("National Transportation Safety Board", 2), ("National Transportation Security Board", 1)]
                ),
            ]
        );
        assert_eq!(written[0].expansions.values().next().map(|s| s.first), Some(at));
    }

    #[test]
    fn same_input_same_entities_whatever_the_order_of_sources() {
        let a = sources(&[&[name("Kim Jong Un")], &[name("Kim Jong-un")], &[name("Kim Jong-un")]]);
        let mut b = a.clone();
        b.reverse();
        assert_eq!(summary(&entities(&a)), summary(&entities(&b)));
    }
}
