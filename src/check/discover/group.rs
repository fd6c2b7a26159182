//! Candidate facts: the claims of all sources grouped by what they state (their kind,
//! their dimension, the word that governs them), deterministically, in memory bounded
//! by the groups and the claims' short contexts, never by pairs of claims.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use jiff::civil::Date;

use super::context::{self, Cue};
use crate::check::Evidence;
use crate::rules::{FactKind, Matcher};
use crate::segment::Sentence;
use crate::span::Span;
use crate::value::{ClaimKind, Extent};

/// What a candidate fact is keyed by: the claim kind, the base unit of a quantity, and
/// the stem (or synonym class) of the word that governs its claims.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    /// The kind of claim.
    pub kind: FactKind,
    /// For quantities, the base unit (`m`, `kg`, `magnitude`).
    pub unit: Option<String>,
    /// The governing word's stem or synonym class.
    pub stem: String,
}

/// One claim as discovery keeps it from the map step.
#[derive(Clone, Debug, PartialEq)]
pub struct Observed {
    /// The fact kind that would take it.
    pub kind: FactKind,
    /// Its base unit, for a quantity.
    pub unit: Option<String>,
    /// What a number counts, as the extractor read it.
    pub counted: Option<String>,
    /// The stems of the noun phrase it counts ("21 crew members": crew, member), in
    /// order: the first says most what the number is a count of.
    pub counted_stems: Vec<String>,
    /// The content words near it, nearest first.
    pub cues: Vec<Cue>,
    /// Entity ids named in its sentence (from the entities discovery is given).
    pub entities: Vec<String>,
    /// Where it is, to show it.
    pub example: Example,
}

/// A claim shown as evidence of a group: where it is and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// The source's path as reports show it.
    pub source: Arc<str>,
    /// 1-based line.
    pub line: usize,
    /// The claim as written.
    pub text: String,
    /// Its normalized value.
    pub value: String,
    /// Its sentence.
    pub sentence: Arc<str>,
}

/// What the map step keeps of one source for discovery.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Observations {
    /// The source's path as reports show it.
    pub source: Arc<str>,
    /// Its publication date.
    pub published: Option<Date>,
    /// Its claims that may state a shared fact.
    pub claims: Vec<Observed>,
}

/// The fact kind a claim of this kind would be taken by, for the kinds discovery
/// groups: ordinals and titles say too little without rules.
fn fact_kind(kind: ClaimKind) -> Option<FactKind> {
    Some(match kind {
        ClaimKind::Date => FactKind::Date,
        ClaimKind::DateRange => FactKind::DateRange,
        ClaimKind::Duration => FactKind::Duration,
        ClaimKind::Number => FactKind::Number,
        ClaimKind::Quantity => FactKind::Quantity,
        _ => return None,
    })
}

/// The claims of one source as discovery sees them: each comparable claim with the
/// content words of its clause and the entities `matcher` finds in its sentence.
pub fn observe(
    source: &str,
    published: Option<Date>,
    sentences: &[Sentence],
    claims: &[Evidence],
    matcher: Option<(&Matcher, &[String])>,
) -> Observations {
    let source: Arc<str> = Arc::from(source);
    let mut by_sentence: BTreeMap<usize, Vec<&Evidence>> = BTreeMap::new();
    for claim in claims {
        by_sentence.entry(claim.place.sentence_index).or_default().push(claim);
    }
    let mut observed = Vec::new();
    for (s, here) in by_sentence {
        let text: &str = &here[0].place.sentence;
        let spans: Vec<Span> = here.iter().map(|c| at(c, text)).collect();
        let entities: Vec<String> = match (matcher, sentences.get(s)) {
            (Some((matcher, ids)), Some(sentence)) => {
                let mut named: Vec<String> =
                    matcher.scan(&sentence.text).mentions.iter().filter_map(|m| ids.get(m.entity).cloned()).collect();
                named.sort_unstable();
                named.dedup();
                named
            }
            _ => Vec::new(),
        };
        for (i, claim) in here.iter().enumerate() {
            let others: Vec<Span> = spans.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, s)| *s).collect();
            // A date range also states how long it lasted ("from Sunday to Wednesday" is
            // four days), as `check` takes it for duration facts.
            let implied = claim.implied_duration();
            for claim in std::iter::once(*claim).chain(implied.as_ref()) {
                if let Some(seen) = observed_claim(claim, text, spans[i], &others) {
                    observed.push(Observed { entities: entities.clone(), ..seen });
                }
            }
        }
    }
    Observations { source, published, claims: observed }
}

/// One claim with the words near it (at `at` in its sentence `text`), when it is of a
/// kind discovery groups, comparable, and has words near it.
fn observed_claim(claim: &Evidence, text: &str, at: Span, others: &[Span]) -> Option<Observed> {
    let kind = fact_kind(claim.claim.kind)?;
    if matches!(claim.claim.value.extent(), None | Some(Extent::Vague)) {
        return None;
    }
    let mut cues = context::cues_near(text, at, others);
    // The counted noun and the words between the number and it ("21 crew members") say
    // what is counted: they come first, in the phrase's order.
    let mut counted_stems = Vec::new();
    if let Some(counted) = &claim.claim.counted {
        for (i, word) in counted_phrase(text, at, counted).into_iter().enumerate() {
            let stem = context::stem(&word);
            cues.retain(|c| c.stem != stem);
            counted_stems.push(stem.clone());
            cues.insert(i, Cue { stem, written: word, distance: 0 });
        }
    }
    if cues.is_empty() {
        return None;
    }
    Some(Observed {
        kind,
        unit: if kind == FactKind::Quantity { claim.claim.unit.clone() } else { None },
        counted: claim.claim.counted.clone(),
        counted_stems,
        cues,
        entities: Vec::new(),
        example: Example {
            source: Arc::from(&*claim.place.source),
            line: claim.place.line,
            text: claim.claim.text.clone(),
            value: claim.claim.value.to_string(),
            sentence: claim.place.sentence.clone(),
        },
    })
}

/// Where a claim stands in its sentence's text.
fn at(claim: &Evidence, sentence: &str) -> Span {
    if let Some(span) = claim.place.in_sentence {
        return span;
    }
    match sentence.find(claim.claim.text.as_str()) {
        Some(i) => Span::new(i, i + claim.claim.text.len()),
        None => Span::new(0, 0),
    }
}

/// A candidate fact: claims of two or more sources under one key.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// What its claims share.
    pub key: Key,
    /// The governing words as written, most used first.
    pub words: Vec<String>,
    /// What its numbers count, when every one of them names it.
    pub counted: Vec<String>,
    /// Entity ids named with its claims in every source.
    pub entities: Vec<String>,
    /// The sources, each with its claims in the group (in source order).
    pub sources: BTreeMap<Arc<str>, Vec<Example>>,
    /// The publication dates of its sources, where known.
    pub published: Vec<Date>,
    /// How many claims it holds, shown or not.
    pub claims: usize,
}

/// The most claims a group keeps per source as evidence (the rest are counted).
const EXAMPLES_PER_SOURCE: usize = 3;

/// Words this near a claim (content words between) are all next to it: among them the
/// one most sources share governs ("an unofficial visit": the visit).
const NEXT_TO: usize = 1;

/// Synonym classes that name what a figure measures: they govern a claim before any
/// other word near it ("the ship was 400 metres long" is about length, not the ship).
fn is_measure(stem: &str) -> bool {
    matches!(stem, "dead" | "injur" | "long" | "wide" | "tall" | "deep" | "magnitud" | "weigh" | "missing" | "rescu")
}

/// Groups the claims of every source (in path order) into candidate facts: each claim
/// goes to the word near it that says most what it measures (a measure word first, then
/// the noun a number counts, then one next to it, then the one most sources share, then the nearest); a group needs
/// claims from two or more sources. The result is sorted by key, whatever the order sources were read in.
pub fn group(observations: &[Observations]) -> Vec<Group> {
    let mut support: BTreeMap<Key, BTreeSet<&str>> = BTreeMap::new();
    for source in observations {
        for claim in &source.claims {
            for cue in &claim.cues {
                support.entry(key(claim, cue)).or_default().insert(&source.source);
            }
        }
    }
    let mut groups: BTreeMap<Key, Accumulated> = BTreeMap::new();
    for source in observations {
        for claim in &source.claims {
            // What a number counts says what it is a count of ("the two leaders" counts
            // leaders, whatever "meeting" beside it is shared more widely), and the first
            // word of the counted phrase says most ("23 crew members": crew).
            let counted = &claim.counted_stems;
            let best = claim
                .cues
                .iter()
                .map(|cue| (cue, key(claim, cue)))
                .filter(|(_, k)| support.get(k).is_some_and(|s| s.len() >= 2))
                .min_by(|(a, ka), (b, kb)| {
                    let rank = |c: &Cue, k: &Key| {
                        (
                            !is_measure(&c.stem),
                            counted.iter().position(|s| *s == c.stem).unwrap_or(usize::MAX),
                            c.distance > NEXT_TO,
                            usize::MAX - support[k].len(),
                            c.distance,
                        )
                    };
                    rank(a, ka).cmp(&rank(b, kb)).then_with(|| ka.cmp(kb))
                });
            let Some((cue, key)) = best else { continue };
            let group = groups.entry(key).or_default();
            *group.words.entry(cue.written.clone()).or_default() += 1;
            group.claims += 1;
            match &claim.counted {
                Some(counted) => {
                    group.counted.insert(counted.to_lowercase());
                }
                None => group.uncounted = true,
            }
            let examples = group.sources.entry(source.source.clone()).or_default();
            if examples.is_empty() {
                group.entities.push(claim.entities.clone());
                group.published.extend(source.published);
            } else if let Some(last) = group.entities.last_mut() {
                last.extend(claim.entities.iter().cloned());
            }
            if examples.len() < EXAMPLES_PER_SOURCE {
                examples.push(claim.example.clone());
            }
        }
    }
    groups
        .into_iter()
        .filter(|(_, g)| g.sources.len() >= 2)
        .map(|(key, g)| {
            let mut words: Vec<(String, usize)> = g.words.into_iter().collect();
            words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let counted = if g.uncounted { Vec::new() } else { g.counted.into_iter().collect() };
            let mut entities: Option<BTreeSet<String>> = None;
            for named in g.entities {
                let named: BTreeSet<String> = named.into_iter().collect();
                entities = Some(match entities {
                    None => named,
                    Some(all) => all.intersection(&named).cloned().collect(),
                });
            }
            let mut published = g.published;
            published.sort_unstable();
            Group {
                key,
                words: words.into_iter().map(|(w, _)| w).collect(),
                counted,
                entities: entities.unwrap_or_default().into_iter().collect(),
                sources: g.sources,
                published,
                claims: g.claims,
            }
        })
        .collect()
}

/// The content words of the noun phrase a number counts: from the claim's end to its
/// counted noun when that follows closely ("21 crew members": crew, members), else the
/// counted noun alone.
fn counted_phrase(text: &str, at: Span, counted: &str) -> Vec<String> {
    let lower = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let head = counted.split_whitespace().map(lower).collect::<Vec<_>>();
    let after = text.get(at.end..).unwrap_or("");
    let words: Vec<String> = after.split_whitespace().take(COUNTED_PHRASE_MAX).map(lower).collect();
    let phrase = match words.iter().position(|w| head.last() == Some(w)) {
        Some(end) => &words[..=end],
        None => head.as_slice(),
    };
    phrase.iter().filter(|w| !w.is_empty() && !context::is_stop(w)).cloned().collect()
}

/// The most words read after a number for the noun it counts.
const COUNTED_PHRASE_MAX: usize = 4;

fn key(claim: &Observed, cue: &Cue) -> Key {
    Key { kind: claim.kind, unit: claim.unit.clone(), stem: cue.stem.clone() }
}

/// A group as the claims come in.
#[derive(Default)]
struct Accumulated {
    words: BTreeMap<String, usize>,
    claims: usize,
    counted: BTreeSet<String>,
    uncounted: bool,
    entities: Vec<Vec<String>>,
    sources: BTreeMap<Arc<str>, Vec<Example>>,
    published: Vec<Date>,
}
