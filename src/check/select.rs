//! The map step: which claims of one source speak of which fact.
//!
//! A fact takes a claim when the claim is of the fact's kind (durations also take
//! those that date ranges imply), counts what the fact counts, and stands where the
//! fact's entities and at least one cue are mentioned and no exclusion is, within the
//! fact's scope; `during` keeps out claims whose dates place them in another event.

use crate::rules::{Fact, FactKind, Hits, Matcher, RuleSet, Scope};
use crate::segment::Sentence;
use crate::span::Span;
use crate::text::Folded;
use crate::value::{ClaimKind, Extent, Interval, Scale, Value, agree};

use super::Evidence;

/// A claim taken by a fact.
#[derive(Clone, Debug, PartialEq)]
pub struct Selected {
    /// Index of the fact in the rule set's id order.
    pub fact: usize,
    /// The claim.
    pub evidence: Evidence,
    /// The days that the anchored dates around the claim cover (its scope's dates
    /// other than itself, and the range a derived duration comes from): what places
    /// the claim in one event rather than another.
    pub context: Option<Interval>,
}

/// The rule set's words in each sentence of a source, scanned once for everything
/// that needs them.
pub fn scan(matcher: &Matcher, sentences: &[Sentence]) -> Vec<Hits> {
    let mut folded = Folded::default();
    sentences.iter().map(|s| matcher.scan_with(&s.text, &mut folded)).collect()
}

/// Selects the claims of one source into facts. `claims` are the source's claims in
/// sentence order; `sentences` its sentences and `hits` their [`scan`].
pub fn select(rules: &RuleSet, hits: &[Hits], sentences: &[Sentence], claims: &[Evidence]) -> Vec<Selected> {
    select_traced(rules, hits, sentences, claims, &mut ())
}

/// What selection decided about one claim for one fact, and why: what `factlint
/// explain` shows. Spans are byte spans in the source file.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Decision {
    /// The fact takes the claim.
    Taken,
    /// The claim is of another kind than the fact asks for.
    KindDiffers,
    /// The claim's value is too vague to compare ("for weeks").
    Vague,
    /// The claim counts something other than the fact's `counted`.
    CountedDiffers,
    /// The claim is measured in another unit than the fact's `unit`.
    UnitDiffers,
    /// A title given to an entity the fact is not `about`.
    OtherEntity,
    /// An entity of `about` is not mentioned in the fact's scope.
    NoEntity {
        /// The entity's id.
        entity: String,
    },
    /// None of the fact's cues is in its scope.
    NoCue,
    /// A word of `exclude` governs the claim.
    Excluded {
        /// The word as written.
        word: String,
        /// Where it stands.
        at: Span,
    },
    /// The claim's dates, or those around it, fall outside `during`.
    OutsideDuring {
        /// The window, in days.
        window: Interval,
    },
    /// A duration longer than the whole `during` window.
    LongerThanDuring {
        /// The window, in days.
        window: Interval,
    },
    /// Another claim of the sentence is the one the fact's cue governs.
    Nearer {
        /// The claim taken instead, as written.
        text: String,
        /// Where it stands.
        at: Span,
    },
}

impl Decision {
    /// A short stable name, for tools (`--format json`).
    pub fn code(&self) -> &'static str {
        match self {
            Decision::Taken => "taken",
            Decision::KindDiffers => "kind-differs",
            Decision::Vague => "vague",
            Decision::CountedDiffers => "counted-differs",
            Decision::UnitDiffers => "unit-differs",
            Decision::OtherEntity => "other-entity",
            Decision::NoEntity { .. } => "no-entity",
            Decision::NoCue => "no-cue",
            Decision::Excluded { .. } => "excluded",
            Decision::OutsideDuring { .. } => "outside-during",
            Decision::LongerThanDuring { .. } => "longer-than-during",
            Decision::Nearer { .. } => "another-claim-nearer",
        }
    }
}

/// Where selection's decisions go. `check` passes `()`, which wants none, so selection
/// builds no decision at all; `explain` keeps them.
pub trait Trace {
    /// Whether decisions about fact `fact` (index in id order) are wanted.
    fn wants(&self, fact: usize) -> bool;
    /// One decision about one claim.
    fn record(&mut self, fact: usize, claim: &Evidence, decision: Decision);
}

impl Trace for () {
    fn wants(&self, _fact: usize) -> bool {
        false
    }
    fn record(&mut self, _fact: usize, _claim: &Evidence, _decision: Decision) {}
}

/// One decision kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Traced {
    /// Index of the fact in the rule set's id order.
    pub fact: usize,
    /// The claim.
    pub evidence: Evidence,
    /// What was decided and why.
    pub decision: Decision,
}

/// Keeps the decisions about some facts (all when `facts` is `None`), in the order
/// they were made: fact by fact, sentence by sentence.
#[derive(Clone, Debug, Default)]
pub struct Decisions {
    /// The facts wanted, by index; `None` for all.
    pub facts: Option<Vec<usize>>,
    /// The decisions kept.
    pub kept: Vec<Traced>,
}

impl Trace for Decisions {
    fn wants(&self, fact: usize) -> bool {
        self.facts.as_ref().is_none_or(|f| f.contains(&fact))
    }
    fn record(&mut self, fact: usize, claim: &Evidence, decision: Decision) {
        self.kept.push(Traced { fact, evidence: claim.clone(), decision });
    }
}

/// [`select`], telling `trace` what it decided about every claim of every sentence,
/// for each fact it wants.
pub fn select_traced<T: Trace>(
    rules: &RuleSet,
    hits: &[Hits],
    sentences: &[Sentence],
    claims: &[Evidence],
    trace: &mut T,
) -> Vec<Selected> {
    if rules.facts.is_empty() || claims.is_empty() || hits.len() != sentences.len() {
        return Vec::new();
    }
    let entity_index: Vec<&String> = rules.entities.keys().collect();
    let mut by_sentence: Vec<Vec<&Evidence>> = vec![Vec::new(); sentences.len()];
    for claim in claims {
        if let Some(slot) = by_sentence.get_mut(claim.place.sentence_index) {
            slot.push(claim);
        }
    }
    let mut derived: Vec<Vec<Evidence>> = vec![Vec::new(); sentences.len()];
    for claim in claims {
        if let (Some(d), Some(slot)) = (claim.implied_duration(), derived.get_mut(claim.place.sentence_index)) {
            slot.push(d);
        }
    }

    // The sentences where each fact's cues stand. A fact with cues takes nothing from a
    // sentence with none of them in its scope, and scopes are symmetric (a sentence is in
    // the scope of each sentence in its own), so only the scopes of these sentences are
    // visited: with a thousand facts (a rule set `discover` induces) the walk is over
    // the cues found, not facts times sentences.
    let mut cued_at: Vec<Vec<usize>> = vec![Vec::new(); rules.facts.len()];
    for (s, h) in hits.iter().enumerate() {
        for &(f, _) in &h.cues {
            if let Some(at) = cued_at.get_mut(f)
                && at.last() != Some(&s)
            {
                at.push(s);
            }
        }
    }

    let mut selected = Vec::new();
    for (fact_index, fact) in rules.facts.values().enumerate() {
        let tracing = trace.wants(fact_index);
        let required: Vec<usize> =
            fact.about.iter().filter_map(|id| entity_index.iter().position(|e| *e == id)).collect();
        let window = fact.during;
        let visited: Box<dyn Iterator<Item = usize>> = if tracing || fact.cues.is_empty() {
            Box::new(0..sentences.len())
        } else {
            let mut near: Vec<usize> =
                cued_at[fact_index].iter().flat_map(|&c| scope_of(fact.scope, c, sentences)).collect();
            near.sort_unstable();
            near.dedup();
            Box::new(near.into_iter())
        };
        for s in visited {
            let sentence_claims = &by_sentence[s];
            let derived_here: &[Evidence] = if fact.claim == FactKind::Duration { &derived[s] } else { &[] };
            let all = sentence_claims.iter().copied().chain(derived_here.iter());
            // Most sentences hold no claim of the fact's kind: their scope is not looked at.
            if !all.clone().any(|claim| of_kind(fact, claim)) {
                if tracing {
                    all.for_each(|claim| trace.record(fact_index, claim, Decision::KindDiffers));
                }
                continue;
            }
            let scope = scope_of(fact.scope, s, sentences);
            let in_scope = |f: &dyn Fn(&Hits) -> bool| scope.clone().any(|i| f(&hits[i]));
            let missing = required.iter().find(|&&e| !in_scope(&|h: &Hits| h.mentions.iter().any(|m| m.entity == e)));
            let uncued = !fact.cues.is_empty() && !in_scope(&|h: &Hits| h.cues.iter().any(|&(f, _)| f == fact_index));
            // Without an entity or a cue in scope the fact takes nothing here: unless
            // each claim's decision is wanted, its kind and value are not looked at.
            if !tracing && (missing.is_some() || uncued) {
                continue;
            }
            let mut candidates: Vec<&Evidence> = Vec::new();
            for claim in all {
                match takes(fact, claim) {
                    Ok(()) => candidates.push(claim),
                    Err(decision) if tracing => trace.record(fact_index, claim, decision),
                    Err(_) => {}
                }
            }
            if candidates.is_empty() {
                continue;
            }
            let mut reject_all = |decision: Decision, candidates: &[&Evidence]| {
                if tracing {
                    for claim in candidates {
                        trace.record(fact_index, claim, decision.clone());
                    }
                }
            };
            if let Some(&missing) = missing {
                reject_all(Decision::NoEntity { entity: entity_index[missing].clone() }, &candidates);
                continue;
            }
            if uncued {
                reject_all(Decision::NoCue, &candidates);
                continue;
            }
            let sentence = &sentences[s];
            let cues_here: Vec<Span> =
                hits[s].cues.iter().filter(|&&(f, _)| f == fact_index).map(|&(_, sp)| sp).collect();
            let clauses = Clauses::of(&sentence.text, sentence_claims.iter().map(|c| within(sentence, c)));
            if cues_here.is_empty() {
                // The cue stands in another sentence of the scope: an exclusion anywhere
                // in the scope may be what that sentence speaks of.
                if let Some((i, span)) = scope
                    .clone()
                    .find_map(|i| hits[i].excludes.iter().find(|&&(f, _)| f == fact_index).map(|&(_, sp)| (i, sp)))
                {
                    if tracing {
                        reject_all(excluded(&sentences[i], span), &candidates);
                    }
                    continue;
                }
            } else {
                let excludes: Vec<Span> =
                    hits[s].excludes.iter().filter(|&&(f, _)| f == fact_index).map(|&(_, sp)| sp).collect();
                let places: Vec<Span> = candidates.iter().map(|c| within(sentence, c)).collect();
                let mut place = places.iter();
                candidates.retain(|c| {
                    let at = *place.next().unwrap_or(&Span::new(0, 0));
                    match excludes.iter().find(|e| clauses.excludes(&sentence.text, at, **e, &cues_here, &places)) {
                        Some(&e) => {
                            if tracing {
                                trace.record(fact_index, c, excluded(sentence, e));
                            }
                            false
                        }
                        None => true,
                    }
                });
                if candidates.is_empty() {
                    continue;
                }
            }
            if let Some(window) = &window {
                candidates.retain(|c| {
                    let decision = if !fits_window(c, window) {
                        Decision::LongerThanDuring { window: *window }
                    } else if !within_window(c, window, scope.clone(), &by_sentence) {
                        Decision::OutsideDuring { window: *window }
                    } else {
                        return true;
                    };
                    if tracing {
                        trace.record(fact_index, c, decision);
                    }
                    false
                });
                if candidates.is_empty() {
                    continue;
                }
            }
            // The claim the cue governs: one in a cue's clause if any, the nearest to a
            // cue (by the words between them), the earlier on a tie; with no cue in the
            // sentence, the first.
            let rank = |c: &&Evidence| {
                let at = within(sentence, c);
                let governed = cues_here.iter().any(|cue| clauses.index(cue.start) == clauses.index(at.start));
                let gap = cues_here.iter().map(|cue| gap(at, *cue)).min().unwrap_or(at.start);
                (!governed, gap, c.claim.span.start)
            };
            let nearest = candidates.iter().copied().min_by_key(rank);
            if let Some(nearest) = nearest {
                for claim in &candidates {
                    if claim.claim.value == nearest.claim.value {
                        if tracing {
                            trace.record(fact_index, claim, Decision::Taken);
                        }
                        let context = context_of(claim, around(s, &scope, sentences), &by_sentence);
                        selected.push(Selected { fact: fact_index, evidence: (*claim).clone(), context });
                    } else if tracing {
                        let decision = Decision::Nearer { text: nearest.claim.text.clone(), at: nearest.claim.span };
                        trace.record(fact_index, claim, decision);
                    }
                }
            }
        }
    }
    selected
}

/// The decision for an exclusion found at `span` of `sentence`.
fn excluded(sentence: &Sentence, span: Span) -> Decision {
    let word = sentence.text.get(span.start..span.end).unwrap_or_default().to_string();
    Decision::Excluded { word, at: Span::new(span.start + sentence.span.start, span.end + sentence.span.start) }
}

/// Where a claim stands in its sentence's text (its span is in the file, which markup
/// or decoded references may shift): at its offset when the text is there, else at
/// the nearest place where its text is.
fn within(sentence: &Sentence, claim: &Evidence) -> Span {
    let text = &sentence.text;
    let written = claim.claim.text.as_str();
    let guess = claim.claim.span.start.saturating_sub(sentence.span.start).min(text.len());
    if text.get(guess..).is_some_and(|t| t.starts_with(written)) || written.is_empty() {
        return Span::new(guess, (guess + written.len()).min(text.len()));
    }
    match text.match_indices(written).map(|(i, _)| i).min_by_key(|i| i.abs_diff(guess)) {
        Some(i) => Span::new(i, i + written.len()),
        None => Span::new(guess, (guess + claim.claim.span.end - claim.claim.span.start).min(text.len())),
    }
}

/// How far apart two spans of a sentence are: the bytes between them, 0 when they touch
/// or overlap.
fn gap(a: Span, b: Span) -> usize {
    if a.end <= b.start { b.start - a.end } else { a.start.saturating_sub(b.end) }
}

/// Words that open a new clause: coordinating and subordinating conjunctions and
/// relative pronouns.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "or", "while", "whereas", "although", "though", "because", "when", "which", "who", "whose", "where",
];

/// How many words before and after a claim or a cue belong to its phrase ("a second
/// 7.5 magnitude", "five-hour climb", "1,200 km from Perth", "second visit", "visit to
/// Dalian").
const BEFORE_WORDS: usize = 2;
/// See [`BEFORE_WORDS`].
const AFTER_WORDS: usize = 3;

/// The clauses of one sentence, as the places where one ends and the next begins: a
/// comma, semicolon, colon, dash, parenthesis or bracket, or a word of
/// [`CLAUSE_WORDS`], none of them inside a claim ("March 26, 2024", "between 20 and
/// 25", "1,200", "1:35").
#[derive(Debug)]
struct Clauses {
    breaks: Vec<usize>,
}

impl Clauses {
    fn of(text: &str, claims: impl Iterator<Item = Span>) -> Clauses {
        let claims: Vec<Span> = claims.collect();
        let inside = |at: usize| claims.iter().any(|c| c.start < at && at < c.end);
        let bytes = text.as_bytes();
        let digit = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(u8::is_ascii_digit);
        let mut breaks = Vec::new();
        for (i, ch) in text.char_indices() {
            let is_break = match ch {
                ';' | '(' | ')' | '[' | ']' | '\u{2014}' | '\u{2013}' => true,
                ',' | ':' => !(digit(i.checked_sub(1)) && digit(Some(i + 1))),
                '-' => i > 0 && bytes.get(i - 1) == Some(&b' ') && bytes.get(i + 1) == Some(&b' '),
                _ => false,
            };
            if is_break && !inside(i) {
                breaks.push(i);
            }
        }
        for (i, word) in words(text) {
            if CLAUSE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) && !inside(i) {
                breaks.push(i);
            }
        }
        breaks.sort_unstable();
        Clauses { breaks }
    }

    /// Which clause the byte at `at` stands in.
    fn index(&self, at: usize) -> usize {
        self.breaks.partition_point(|&b| b <= at)
    }

    /// Whether an exclusion at `exclude` governs the claim at `claim` (`others`: the
    /// sentence's other candidates): it stands in the claim's phrase; or, unless it stands
    /// in another candidate's phrase, in the claim's clause when the claim is alone there,
    /// when no cue is there, or beside the cue there; or beside a cue of another clause
    /// when none is in the claim's.
    fn excludes(&self, text: &str, claim: Span, exclude: Span, cues: &[Span], others: &[Span]) -> bool {
        let words: Vec<(usize, &str)> = words(text).collect();
        let word_at = |at: usize| words.partition_point(|&(i, _)| i < at);
        let excluded = word_at(exclude.start);
        let near =
            |span: &Span| excluded + BEFORE_WORDS >= word_at(span.start) && excluded < word_at(span.end) + AFTER_WORDS;
        if near(&claim) {
            return true;
        }
        let others: Vec<&Span> = others.iter().filter(|o| o.start != claim.start).collect();
        if others.iter().any(|o| near(o)) {
            return false;
        }
        let clause = self.index(claim.start);
        let alone = others.iter().all(|o| self.index(o.start) != clause);
        let same_clause = self.index(exclude.start) == clause;
        let beside_cue = cues.iter().any(|cue| self.index(cue.start) == self.index(exclude.start) && near(cue));
        let cued = cues.iter().any(|cue| self.index(cue.start) == clause);
        if same_clause { alone || !cued || beside_cue } else { beside_cue && !cued }
    }
}

/// The words of a text (runs of letters, digits, apostrophes and hyphens) and where
/// each starts.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Whether a claim is of the kind a fact asks for (a date range takes a period too).
fn of_kind(fact: &Fact, claim: &Evidence) -> bool {
    claim.claim.kind == fact.claim.claim_kind() || (fact.claim == FactKind::DateRange && is_period(claim))
}

/// Whether a claim is of the kind and of what a fact asks for, and comparable at all;
/// if not, why not.
fn takes(fact: &Fact, claim: &Evidence) -> Result<(), Decision> {
    if !of_kind(fact, claim) {
        return Err(Decision::KindDiffers);
    }
    if fact.claim == FactKind::Title {
        // A title stands for no extent: it is taken when it is the title of an
        // entity the fact is about.
        return match &claim.claim.entity {
            Some(entity) if fact.about.contains(entity) => Ok(()),
            _ => Err(Decision::OtherEntity),
        };
    }
    if matches!(claim.claim.value.extent(), None | Some(Extent::Vague)) {
        return Err(Decision::Vague);
    }
    if !fact.counted.is_empty() {
        // An age counts its person and has the unit `years`: either may be asked for.
        let named = |want: &String| {
            [&claim.claim.counted, &claim.claim.unit].into_iter().flatten().any(|c| same_noun(want, c))
                || counted_as_written(claim).is_some_and(|written| same_noun(want, &written))
        };
        if !fact.counted.iter().any(named) {
            return Err(Decision::CountedDiffers);
        }
    }
    if let Some(unit) = &fact.unit
        && claim.claim.unit.as_deref() != Some(unit.as_str())
    {
        return Err(Decision::UnitDiffers);
    }
    Ok(())
}

/// What a number counts as the sentence writes it, from the number to its counted noun:
/// "22 Indian crew members" counts "Indian crew members" where the extractor keeps the
/// head noun, "members", so a fact that counts `crew members` takes it.
fn counted_as_written(claim: &Evidence) -> Option<String> {
    let counted = claim.claim.counted.as_deref()?.split_whitespace().last()?.to_lowercase();
    let sentence = claim.place.sentence.as_ref();
    let at = sentence.find(claim.claim.text.as_str())? + claim.claim.text.len();
    let after = sentence[at..].split([',', ';', ':', '(', ')', '.']).next()?;
    let mut words = Vec::new();
    for word in after.split_whitespace().take(COUNTED_WORDS) {
        words.push(word);
        if word.to_lowercase() == counted {
            return Some(words.join(" "));
        }
    }
    None
}

/// How many words may stand between a number and its counted noun ("22 Indian crew
/// members").
const COUNTED_WORDS: usize = 4;

/// A date that names a span of months rather than a point ("the second quarter of
/// 2026", "next summer", "the first half"): a range in all but form, so `date-range`
/// facts take it. Years, months and weeks are left out: "in 2026", "earlier this
/// month" and "this week" say when something happened far more often than from when
/// to when.
fn is_period(claim: &Evidence) -> bool {
    matches!(&claim.claim.value, Value::Date(value) if value.is_year_part())
}

/// Nouns compare without case, a leading article or a plural ending ("soldier" =
/// "US Soldiers", "Prime Minister" = "The Prime Minister"): `b` agrees when its last
/// words are `a`'s.
fn same_noun(a: &str, b: &str) -> bool {
    fn stem(s: &str) -> String {
        let lower = s.trim().to_lowercase();
        lower
            .strip_suffix("es")
            .filter(|s| s.ends_with(['s', 'x', 'h']))
            .or_else(|| lower.strip_suffix('s'))
            .unwrap_or(&lower)
            .to_string()
    }
    let words = |s: &str| -> Vec<String> {
        let mut w: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
        if w.first().is_some_and(|f| matches!(f.as_str(), "the" | "a" | "an")) {
            w.remove(0);
        }
        if let Some(last) = w.last_mut() {
            *last = stem(last);
        }
        w
    };
    let (want, have) = (words(a), words(b));
    !want.is_empty() && (have.ends_with(&want) || (want.len() == 1 && have.iter().any(|w| stem(w) == want[0])))
}

fn scope_of(scope: Scope, s: usize, sentences: &[Sentence]) -> std::ops::Range<usize> {
    match scope {
        Scope::Sentence => s..s + 1,
        Scope::Window(n) => s.saturating_sub(n)..(s + n + 1).min(sentences.len()),
        Scope::Paragraph => {
            let block = sentences[s].block;
            let first = sentences[..s].iter().rposition(|x| x.block != block).map_or(0, |i| i + 1);
            let last = sentences[s..].iter().position(|x| x.block != block).map_or(sentences.len(), |i| s + i);
            first..last
        }
    }
}

/// Where to look for the dates that place a claim in time: its scope, and the
/// sentences just before and after it in its paragraph ("Kim arrived on Monday. He
/// stayed two days.").
fn around(s: usize, scope: &std::ops::Range<usize>, sentences: &[Sentence]) -> std::ops::Range<usize> {
    let block = sentences[s].block;
    let before = if s > 0 && sentences[s - 1].block == block { s - 1 } else { s };
    let after = if s + 1 < sentences.len() && sentences[s + 1].block == block { s + 2 } else { s + 1 };
    scope.start.min(before)..scope.end.max(after)
}

/// The hull of the anchored dates that place a claim in time: the dates in its scope
/// other than the claim itself, and for a derived duration the range it comes from.
fn context_of(claim: &Evidence, scope: std::ops::Range<usize>, by_sentence: &[Vec<&Evidence>]) -> Option<Interval> {
    let mut hull: Option<Interval> = None;
    let mut add = |value: &Value| {
        if let Some(Extent::Interval(i)) = value.extent()
            && i.scale == Scale::Days
        {
            hull = Some(match hull {
                Some(h) => Interval { lo: h.lo.min(i.lo), hi: h.hi.max(i.hi), scale: Scale::Days },
                None => i,
            });
        }
    };
    if let Some(origin) = &claim.derived_from {
        add(&origin.value);
    }
    for other in scope.flat_map(|i| by_sentence[i].iter()) {
        let itself = other.claim.span.start == claim.claim.span.start && other.claim.span.end == claim.claim.span.end;
        if !itself && matches!(other.claim.kind, ClaimKind::Date | ClaimKind::DateRange) {
            add(&other.claim.value);
        }
    }
    hull
}

/// A duration longer than the `during` window cannot be the length of an event inside
/// it ("in the past six years" beside a four-day visit): such a claim speaks of
/// something else.
fn fits_window(claim: &Evidence, window: &Interval) -> bool {
    if claim.claim.kind != ClaimKind::Duration {
        return true;
    }
    match claim.claim.value.extent() {
        Some(Extent::Interval(i)) if i.scale == Scale::Seconds => i.lo <= (window.width() + 1.0) * 86_400.0,
        _ => true,
    }
}

/// `during`: the claim's own date must fall in the window; other claims are kept
/// when an anchored date in their scope does, or, with no such date, when their
/// source's publication date does.
fn within_window(
    claim: &Evidence,
    window: &Interval,
    scope: std::ops::Range<usize>,
    by_sentence: &[Vec<&Evidence>],
) -> bool {
    let window = Extent::Interval(*window);
    if matches!(claim.claim.kind, ClaimKind::Date | ClaimKind::DateRange) {
        return claim.claim.value.extent().and_then(|e| agree(&e, &window)).unwrap_or(true);
    }
    let mut dated = false;
    for claim in scope.flat_map(|i| by_sentence[i].iter()) {
        if !matches!(claim.claim.kind, ClaimKind::Date | ClaimKind::DateRange) {
            continue;
        }
        if let Some(extent @ Extent::Interval(_)) = claim.claim.value.extent() {
            dated = true;
            if agree(&extent, &window) == Some(true) {
                return true;
            }
        }
    }
    if dated {
        return false;
    }
    match claim.place.published {
        Some(date) => {
            let day = crate::value::day_number(date);
            agree(&Extent::Interval(Interval::point(day, Scale::Days)), &window) == Some(true)
        }
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = "
entities:
  kim:
    name: Kim Jong Un
    aliases: [Kim]
facts:
  visit-length:
    claim: duration
    about: [kim]
    cues: [visit, in Beijing]
    exclude: [second]
    during: 2018-03-20/2018-04-05
  visit-length-paragraph:
    claim: duration
    about: [kim]
    cues: [visit]
    scope: paragraph
";

    fn rules() -> RuleSet {
        let mut set = RuleSet::default();
        set.add(std::path::Path::new("t.yaml"), RULES).unwrap();
        set
    }

    fn sentence(index: usize, block: usize, start: usize, text: &str) -> Sentence {
        Sentence { index, block, span: Span::new(start, start + text.len()), block_start: 0, text: text.into() }
    }

    fn claim(s: &Sentence, needle: &str, kind: ClaimKind, value: Value) -> Evidence {
        let at = s.span.start + s.text.find(needle).unwrap();
        let mut e = Evidence::new("a.txt", kind, value, needle);
        e.claim.span = Span::new(at, at + needle.len());
        e.place.sentence_index = s.index;
        e.place.sentence = s.text.clone();
        e.place.published = Some(jiff::civil::date(2018, 3, 28));
        e
    }

    fn run(sentences: &[Sentence], claims: &[Evidence]) -> Vec<(usize, String)> {
        let rules = rules();
        let matcher = Matcher::new(&rules).unwrap();
        select(&rules, &scan(&matcher, sentences), sentences, claims)
            .into_iter()
            .map(|s| (s.fact, s.evidence.claim.value.to_string()))
            .collect()
    }

    #[test]
    fn entities_cues_and_exclusions_decide() {
        let s0 = sentence(0, 0, 0, "Kim was in Beijing for two days.");
        let s1 = sentence(1, 1, 40, "Xi was in Beijing for three days.");
        let s2 = sentence(2, 2, 80, "Kim made a second visit of two days.");
        let claims = [
            claim(&s0, "two days", ClaimKind::Duration, Value::Duration("P2D".parse().unwrap())),
            claim(&s1, "three days", ClaimKind::Duration, Value::Duration("P3D".parse().unwrap())),
            claim(&s2, "two days", ClaimKind::Duration, Value::Duration("P2D".parse().unwrap())),
        ];
        let taken = run(&[s0, s1, s2], &claims);
        // The first fact takes the first sentence only (Xi is not Kim; "second" is
        // excluded); the second fact, with no exclusion, takes the second visit.
        assert_eq!(taken, [(0, "P2D".to_string()), (1, "P2D".to_string())]);
    }

    #[test]
    fn ranges_give_durations_and_the_window_keeps_other_events_out() {
        let s0 = sentence(0, 0, 0, "Kim made the visit from Sunday to Wednesday.");
        let s1 = sentence(1, 1, 50, "Kim's visit lasted two days before Tuesday.");
        let claims = [
            claim(
                &s0,
                "from Sunday to Wednesday",
                ClaimKind::DateRange,
                Value::Range { start: "2018-03-25".parse().unwrap(), end: "2018-03-28".parse().unwrap() },
            ),
            claim(&s1, "two days", ClaimKind::Duration, Value::Duration("P2D".parse().unwrap())),
            claim(&s1, "Tuesday", ClaimKind::Date, Value::Date("2018-05-08".parse().unwrap())),
        ];
        let taken = run(&[s0, s1], &claims);
        // The range's implied four days land in both facts; the two days stand beside a
        // date outside the window, so only the fact without a window takes them.
        assert_eq!(taken, [(0, "P4D".to_string()), (1, "P4D".to_string()), (1, "P2D".to_string())]);
    }

    #[test]
    fn durations_longer_than_the_window_are_another_matter() {
        let s0 = sentence(0, 0, 0, "Kim's visit this week was one of seven in six years.");
        let claims = [
            claim(&s0, "this week", ClaimKind::Date, Value::Date("2018-W13".parse().unwrap())),
            claim(&s0, "six years", ClaimKind::Duration, Value::Duration("P6Y".parse().unwrap())),
        ];
        let taken = run(&[s0], &claims);
        assert_eq!(taken, [(1, "P6Y".to_string())]);
    }

    #[test]
    fn one_claim_per_sentence_the_one_nearest_a_cue() {
        let s0 = sentence(0, 0, 0, "After six days of talks, Kim began a visit of two days.");
        let claims = [
            claim(&s0, "six days", ClaimKind::Duration, Value::Duration("P6D".parse().unwrap())),
            claim(&s0, "two days", ClaimKind::Duration, Value::Duration("P2D".parse().unwrap())),
        ];
        let taken = run(&[s0], &claims);
        assert_eq!(taken, [(0, "P2D".to_string()), (1, "P2D".to_string())]);
    }

    #[test]
    fn paragraph_scope_looks_at_neighbouring_sentences() {
        let s0 = sentence(0, 0, 0, "Kim arrived by train.");
        let s1 = sentence(1, 0, 22, "The visit lasted three days.");
        let s2 = sentence(2, 1, 60, "It lasted four days.");
        let claims = [
            claim(&s1, "three days", ClaimKind::Duration, Value::Duration("P3D".parse().unwrap())),
            claim(&s2, "four days", ClaimKind::Duration, Value::Duration("P4D".parse().unwrap())),
        ];
        let taken = run(&[s0, s1, s2], &claims);
        assert_eq!(taken, [(1, "P3D".to_string())]);
    }

    fn decisions(sentences: &[Sentence], claims: &[Evidence], fact: usize) -> Vec<(String, String)> {
        let rules = rules();
        let matcher = Matcher::new(&rules).unwrap();
        let mut trace = Decisions { facts: Some(vec![fact]), kept: Vec::new() };
        let selected = select_traced(&rules, &scan(&matcher, sentences), sentences, claims, &mut trace);
        // Keeping decisions never changes what is selected.
        assert_eq!(selected, select(&rules, &scan(&matcher, sentences), sentences, claims));
        assert!(trace.kept.iter().all(|t| t.fact == fact));
        trace.kept.into_iter().map(|t| (t.evidence.claim.text.clone(), t.decision.code().to_string())).collect()
    }

    #[test]
    fn every_decision_is_kept_with_its_reason() {
        let s0 = sentence(0, 0, 0, "Kim was in Beijing for two days.");
        let s1 = sentence(1, 1, 40, "Xi was in Beijing for three days.");
        let s2 = sentence(2, 2, 80, "Kim made a second visit of four days.");
        let s3 = sentence(3, 3, 120, "After six days of talks, Kim began a visit of five days.");
        let s4 = sentence(4, 4, 180, "Kim's visit, on Tuesday, lasted ten days.");
        let claims = [
            claim(&s0, "two days", ClaimKind::Duration, Value::Duration("P2D".parse().unwrap())),
            claim(&s1, "three days", ClaimKind::Duration, Value::Duration("P3D".parse().unwrap())),
            claim(&s2, "four days", ClaimKind::Duration, Value::Duration("P4D".parse().unwrap())),
            claim(&s3, "six days", ClaimKind::Duration, Value::Duration("P6D".parse().unwrap())),
            claim(&s3, "five days", ClaimKind::Duration, Value::Duration("P5D".parse().unwrap())),
            claim(&s4, "Tuesday", ClaimKind::Date, Value::Date("2018-05-08".parse().unwrap())),
            claim(&s4, "ten days", ClaimKind::Duration, Value::Duration("P10D".parse().unwrap())),
        ];
        let kept = decisions(&[s0, s1, s2, s3, s4], &claims, 0);
        let expected = [
            ("two days", "taken"),
            ("three days", "no-entity"),
            ("four days", "excluded"),
            ("six days", "another-claim-nearer"),
            ("five days", "taken"),
            ("Tuesday", "kind-differs"),
            ("ten days", "outside-during"),
        ];
        let kept: Vec<(&str, &str)> = kept.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(kept, expected);
    }

    #[test]
    fn decisions_say_which_word_and_which_claim() {
        let s0 = sentence(0, 0, 100, "Kim made a second visit of four days.");
        let s1 = sentence(1, 1, 200, "After six days of talks, Kim began a visit of five days.");
        let claims = [
            claim(&s0, "four days", ClaimKind::Duration, Value::Duration("P4D".parse().unwrap())),
            claim(&s1, "six days", ClaimKind::Duration, Value::Duration("P6D".parse().unwrap())),
            claim(&s1, "five days", ClaimKind::Duration, Value::Duration("P5D".parse().unwrap())),
        ];
        let rules = rules();
        let matcher = Matcher::new(&rules).unwrap();
        let sentences = [s0, s1];
        let mut trace = Decisions { facts: Some(vec![0]), kept: Vec::new() };
        select_traced(&rules, &scan(&matcher, &sentences), &sentences, &claims, &mut trace);
        let second = 100 + "Kim made a ".len();
        assert_eq!(
            trace.kept[0].decision,
            Decision::Excluded { word: "second".into(), at: Span::new(second, second + 6) }
        );
        assert_eq!(trace.kept[1].decision, Decision::Nearer { text: "five days".into(), at: claims[2].claim.span });
    }

    const CLAUSE_RULES: &str = "
facts:
  climb-time:
    claim: duration
    cues: [into]
    exclude: [climb]
  ship-length:
    claim: quantity
    unit: m
    cues: [long, ship]
  crew:
    claim: number
    counted: [crew]
    cues: [crew]
  wreck-distance:
    claim: quantity
    unit: m
    cues: [lies]
    exclude: [Perth]
";

    /// The values each fact takes from one sentence, given its claims as (text, kind,
    /// value), in the order of the rules' ids.
    fn clause_run(text: &str, claims: &[(&str, ClaimKind, Value)]) -> Vec<(String, String)> {
        let mut rules = RuleSet::default();
        rules.add(std::path::Path::new("c.yaml"), CLAUSE_RULES).unwrap();
        let matcher = Matcher::new(&rules).unwrap();
        let s0 = sentence(0, 0, 0, text);
        let claims: Vec<Evidence> = claims
            .iter()
            .map(|(needle, kind, value)| {
                let mut c = claim(&s0, needle, *kind, value.clone());
                if *kind == ClaimKind::Quantity {
                    c.claim.unit = Some("m".into());
                }
                if *kind == ClaimKind::Number {
                    c.claim.counted = Some("crew".into());
                }
                c
            })
            .collect();
        let ids: Vec<&String> = rules.facts.keys().collect();
        let sentences = [s0];
        select(&rules, &scan(&matcher, &sentences), &sentences, &claims)
            .into_iter()
            .map(|s| (ids[s.fact].clone(), s.evidence.claim.text))
            .collect()
    }

    fn metres(n: f64) -> Value {
        Value::Quantity { amount: n, unit: "m".into() }
    }

    #[test]
    fn the_claim_the_cue_governs_in_its_clause() {
        let hours = |n: &str| Value::Duration(n.parse().unwrap());
        let taken = clause_run(
            "The team was three hours into its five-hour climb when the storm broke.",
            &[("three hours", ClaimKind::Duration, hours("PT3H")), ("five-hour", ClaimKind::Duration, hours("PT5H"))],
        );
        assert_eq!(taken, [("climb-time".to_string(), "three hours".to_string())]);

        let taken = clause_run(
            "Tugs pulled at the 400-metre ship, 59 metres wide, all night.",
            &[("400-metre", ClaimKind::Quantity, metres(400.0)), ("59 metres", ClaimKind::Quantity, metres(59.0))],
        );
        assert_eq!(taken, [("ship-length".to_string(), "400-metre".to_string())]);

        let taken = clause_run(
            "The carrier is over 400 meters long and about 30 meters wide.",
            &[("400 meters", ClaimKind::Quantity, metres(400.0)), ("30 meters", ClaimKind::Quantity, metres(30.0))],
        );
        assert_eq!(taken, [("ship-length".to_string(), "400 meters".to_string())]);

        let number = |n: f64| Value::Number(n);
        let taken = clause_run(
            "Rescuers reached 20 of its 25 crew by noon.",
            &[("20", ClaimKind::Number, number(20.0)), ("25", ClaimKind::Number, number(25.0))],
        );
        assert_eq!(taken, [("crew".to_string(), "25".to_string())]);
    }

    #[test]
    fn an_exclusion_governs_its_own_clause_or_phrase_only() {
        // `Perth` stands in another clause: the distance is kept.
        let taken = clause_run(
            "The wreck lies 300 km north of Darwin, officials told reporters in Perth.",
            &[("300 km", ClaimKind::Quantity, metres(300_000.0))],
        );
        assert_eq!(taken, [("wreck-distance".to_string(), "300 km".to_string())]);
        // In the claim's phrase it excludes it, and the cue then takes the other.
        let taken = clause_run(
            "The wreck lies 300 km off the coast and 1,200 km from Perth.",
            &[
                ("300 km", ClaimKind::Quantity, metres(300_000.0)),
                ("1,200 km", ClaimKind::Quantity, metres(1_200_000.0)),
            ],
        );
        assert_eq!(taken, [("wreck-distance".to_string(), "300 km".to_string())]);
        let taken = clause_run(
            "The wreck lies 1,200 km from Perth.",
            &[("1,200 km", ClaimKind::Quantity, metres(1_200_000.0))],
        );
        assert_eq!(taken, []);
    }

    #[test]
    fn clauses_break_at_punctuation_and_conjunctions_not_inside_claims() {
        let text = "On March 26, 2024, the ship, 300 m long (984 ft), hit the span and it fell; 1,200 died.";
        let date = text.find("March 26, 2024").unwrap();
        let clauses = Clauses::of(text, [Span::new(date, date + "March 26, 2024".len())].into_iter());
        let at = |needle: &str| clauses.index(text.find(needle).unwrap());
        assert_eq!(at("March"), at("2024"));
        assert_ne!(at("2024"), at("the ship"));
        assert_ne!(at("the ship"), at("300 m"));
        assert_eq!(at("300 m"), at("long"));
        assert_ne!(at("long"), at("984 ft"));
        assert_ne!(at("hit"), at("it fell"));
        assert_ne!(at("it fell"), at("1,200"));
        assert_eq!(at("1,200"), at("died"));
    }

    #[test]
    fn nouns_match_singular_and_plural() {
        assert!(same_noun("Prime Minister", "The Prime Minister"));
        assert!(same_noun("intercontinental ballistic missiles", "intercontinental ballistic missile"));
        assert!(!same_noun("Prime Minister", "Deputy Prime Minister's office"));
        assert!(same_noun("soldiers", "US soldiers"));
        assert!(same_noun("soldier", "Soldiers"));
        assert!(same_noun("boxes", "box"));
        assert!(!same_noun("soldiers", "sailors"));
    }

    #[test]
    fn a_counted_noun_is_read_as_written_after_the_number() {
        let s0 = sentence(0, 0, 0, "Officials said 22 Indian crew members and two pilots were safe.");
        let mut crew = claim(&s0, "22", ClaimKind::Number, Value::Number(22.0));
        crew.claim.counted = Some("members".into());
        assert_eq!(counted_as_written(&crew).as_deref(), Some("Indian crew members"));
        let mut pilots = claim(&s0, "two", ClaimKind::Number, Value::Number(2.0));
        pilots.claim.counted = Some("pilots".into());
        assert_eq!(counted_as_written(&pilots).as_deref(), Some("pilots"));
        assert!(same_noun("crew members", "Indian crew members"));
    }
}
