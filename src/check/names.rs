//! Name checks: spellings of the rules' entities and expansions of their acronyms.
//!
//! [`scan`] is the map step, run on one source: it finds every spelling of an entity's
//! house name, every spelling close to the house name or an alias (`Kim Jong-un`,
//! `Kim Jung Un` for `Kim Jong Un`), and every expansion of an entity's acronym, written
//! as `DPRK (Democratic ...)`, `... Korea (DPRK)`, or on its own when it is the rule's
//! expansion or a near miss of it. [`compare`] is the reduce step: a spelling that is
//! not the house spelling is a `variant` finding, an expansion that is not the rule's
//! (or, without one, not what most sources say) an `expansion` finding.
//!
//! Spellings are compared token by token, so that "Kim Jong Il" and "Kim Jong Un" stay
//! two people: a token equal but for case, a hyphen or a space keeps them the same
//! name, a token one typo away ("Jung" for "Jong") makes a variant, and a token wholly
//! different makes another name.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::extract::Claim;
use crate::rules::{Entity, RuleSet};
use crate::segment::Sentence;
use crate::source::Source;
use crate::span::{LineIndex, Span};
use crate::value::{ClaimKind, Value};

use super::{Evidence, Finding, FindingKind};

/// Small words that may stand inside a title-case name ("Republic of Korea").
const CONNECTORS: &[&str] = &["of", "the", "and", "for", "on", "in", "to", "de", "du", "des", "la", "le", "&"];

/// How a written spelling relates to a rule's spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Decision {
    /// The same spelling, perhaps in other case ("KIM JONG UN").
    Same,
    /// The same name spelled otherwise: a hyphen or space moved ("Kim Jong-un"), or a
    /// typo in one token ("Kim Jung Un").
    Variant,
    /// Another name.
    Other,
}

/// Decides whether `written` spells `spelling`, a variant of it, or another name.
pub fn decide(written: &str, spelling: &str) -> Decision {
    Form::new(written).decide(&Form::new(spelling))
}

/// A spelling prepared for comparison once, however often it is compared.
struct Form {
    /// Apostrophes straight, white space single.
    text: String,
    lower: String,
    compact: String,
    words: Vec<String>,
}

impl Form {
    fn new(text: &str) -> Form {
        let text = normalize(text);
        Form { lower: text.to_lowercase(), compact: compact(&text), words: words(&text), text }
    }

    /// How this written form relates to the rule's `spelling`.
    fn decide(&self, spelling: &Form) -> Decision {
        if self.words.len() != spelling.words.len() && self.compact.len() != spelling.compact.len() {
            return Decision::Other;
        }
        if self.text == spelling.text || self.lower == spelling.lower {
            return Decision::Same;
        }
        if self.compact == spelling.compact {
            return Decision::Variant;
        }
        if self.words.len() < 2 || self.words.len() != spelling.words.len() {
            return Decision::Other;
        }
        let mut equal = 0;
        let mut typos = 0;
        for (x, y) in self.words.iter().zip(&spelling.words) {
            if x == y {
                equal += 1;
            } else if is_typo(x, y) {
                typos += 1;
            } else {
                return Decision::Other;
            }
        }
        if equal >= 1 && typos <= (self.words.len() / 3).max(1) { Decision::Variant } else { Decision::Other }
    }
}

/// Apostrophes straight, white space single.
fn normalize(text: &str) -> String {
    text.replace('’', "'").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Hyphens that join the words of a name: ASCII, Unicode and non-breaking.
const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];

/// Lower case without spaces and hyphens: "Kim Jong-un" and "Kim Jong Un" agree.
fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && !HYPHENS.contains(c)).flat_map(char::to_lowercase).collect()
}

/// Lower-case words, split at spaces and hyphens.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || HYPHENS.contains(&c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether two different words are one slip of the keyboard apart: a Damerau-Levenshtein
/// distance of one (two for long words), close by Jaro-Winkler, and neither a prefix of
/// the other (so "Korean" is not a typo of "Korea").
fn is_typo(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.max(lb) < 3 {
        return false;
    }
    if a.starts_with(b) || b.starts_with(a) {
        // A dropped or added last letter ("Andris Ozol" for "Andris Ozols") is a typo;
        // a longer ending is another word ("Jong" in "Jongil"), and an `n` after a
        // vowel makes a demonym ("Korea", "Korean").
        let (short, long) = if la < lb { (a, b) } else { (b, a) };
        let demonym = long.ends_with('n') && short.ends_with(['a', 'e', 'i', 'o', 'u']);
        return la.abs_diff(lb) == 1 && la.min(lb) >= 4 && !demonym;
    }
    let allowed = if la.min(lb) >= 7 { 2 } else { 1 };
    // Lengths that differ by more than the distance allowed cannot be a typo: most
    // pairs end here, before any distance is computed.
    if la.abs_diff(lb) > allowed {
        return false;
    }
    let distance = strsim::damerau_levenshtein(a, b);
    distance <= allowed && 1.0 - distance as f64 / la.max(lb) as f64 >= 0.6 && strsim::jaro_winkler(a, b) >= 0.75
}

/// A word of a sentence: letters and digits, with apostrophes inside ("People's").
#[derive(Clone, Copy, Debug)]
struct Token {
    span: Span,
    /// Whether the next token follows after one space or hyphen, so that a name may
    /// run on into it.
    joins_next: bool,
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let inner_apostrophe =
            matches!(c, '\'' | '’') && start.is_some() && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_apostrophe {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            tokens.push(Token { span: Span::new(s, at), joins_next: false });
        }
    }
    if let Some(s) = start {
        tokens.push(Token { span: Span::new(s, text.len()), joins_next: false });
    }
    for i in 1..tokens.len() {
        let gap = &text[tokens[i - 1].span.end..tokens[i].span.start];
        tokens[i - 1].joins_next = matches!(gap, " " | "-" | "\n" | "\r\n" | "\u{a0}" | "\u{2010}" | "\u{2011}");
    }
    tokens
}

/// The span of tokens `i..=j` without a final possessive ("Kim Jong-un's").
fn run_span(text: &str, tokens: &[Token], i: usize, j: usize) -> Span {
    let span = Span::new(tokens[i].span.start, tokens[j].span.end);
    let slice = span.slice(text);
    for suffix in ["'s", "’s"] {
        if slice.len() > suffix.len() && slice.ends_with(suffix) && j > i {
            return Span::new(span.start, span.end - suffix.len());
        }
    }
    span
}

fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Every word of every spelling, lower case.
fn vocabulary<'a>(spellings: &'a [Spelling<'_>]) -> HashSet<&'a str> {
    spellings.iter().flat_map(|s| s.form.words.iter().map(String::as_str)).collect()
}

/// One way a rule writes an entity.
struct Spelling<'r> {
    entity: &'r str,
    text: &'r str,
    form: Form,
    house: bool,
    /// An alias of an entity without a house spelling: its uses are counted, since
    /// the spelling most sources use becomes the consensus.
    counted: bool,
}

fn spellings(rules: &RuleSet) -> Vec<Spelling<'_>> {
    let mut out = Vec::new();
    for (id, entity) in &rules.entities {
        let counted = entity.name.trim().is_empty();
        let names =
            std::iter::once((entity.name.as_str(), true)).chain(entity.aliases.iter().map(|a| (a.as_str(), false)));
        for (text, house) in names {
            let form = Form::new(text);
            if !form.words.is_empty() {
                out.push(Spelling { entity: id, text, form, house, counted: counted && !house });
            }
        }
    }
    out
}

/// A name or expansion claim in a sentence, before it is placed in the file.
struct Local<'r> {
    span: Span,
    kind: ClaimKind,
    entity: &'r str,
    value: String,
}

/// The name claims of one sentence: house spellings and variants. At each word the
/// longest spelling found wins, then the exact one, then the house name, so that
/// "Kim Jong-il" is a variant of Kim Jong Il rather than the alias "Kim".
fn name_claims<'r>(text: &str, spellings: &[Spelling<'r>], vocabulary: &HashSet<&str>) -> Vec<Local<'r>> {
    let longest = spellings.iter().map(|s| s.form.words.len() + 1).max().unwrap_or(0);
    let tokens = tokenize(text);
    // A run can spell a name only if one of its words is a word of some spelling
    // (a variant keeps at least one word as written) or its first word begins a
    // spelling written solid ("Kimjongun"). Testing that on lower-case words first
    // spares building and comparing candidates at most capitalized words; a word is
    // lowered only when a capitalized run reaches it.
    let mut lowered: Vec<Option<String>> = vec![None; tokens.len()];
    let mut lower = |k: usize| -> String {
        lowered[k].get_or_insert_with(|| tokens[k].span.slice(text).replace('’', "'").to_lowercase()).clone()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !capitalized(tokens[i].span.slice(text)) {
            i += 1;
            continue;
        }
        let mut last = i;
        while last + 1 < tokens.len() && last + 1 - i < longest && tokens[last].joins_next {
            last += 1;
        }
        let first = lower(i);
        let promising = (i..=last).any(|k| vocabulary.contains(lower(k).as_str()))
            || spellings.iter().any(|s| s.form.compact.starts_with(first.as_str()));
        if !promising {
            i += 1;
            continue;
        }
        // The candidate runs from this word: one word, two, ... as far as a name may go.
        let mut candidates = Vec::new();
        let mut j = i;
        while candidates.len() < longest {
            let span = run_span(text, &tokens, i, j);
            candidates.push((span, Form::new(span.slice(text))));
            if !tokens[j].joins_next || j + 1 >= tokens.len() {
                break;
            }
            j += 1;
        }
        let mut best: Option<(usize, Decision, bool, &Spelling<'r>, Span)> = None;
        for spelling in spellings {
            for (k, (span, form)) in candidates.iter().enumerate().take(spelling.form.words.len() + 1) {
                let n = k + 1;
                let decision = form.decide(&spelling.form);
                if decision == Decision::Other {
                    continue;
                }
                let better = best.as_ref().is_none_or(|&(bn, bd, bh, _, _)| {
                    (n, std::cmp::Reverse(decision), spelling.house) > (bn, std::cmp::Reverse(bd), bh)
                });
                if better {
                    best = Some((n, decision, spelling.house, spelling, *span));
                }
            }
        }
        match best {
            Some((n, decision, _, spelling, span)) => {
                let value = match decision {
                    Decision::Same if spelling.house || spelling.counted => Some(spelling.text.to_string()),
                    Decision::Variant => Some(normalize(span.slice(text))),
                    _ => None,
                };
                match value {
                    Some(value) => {
                        out.push(Local { span, kind: ClaimKind::Name, entity: spelling.entity, value });
                        i += n;
                    }
                    // An alias claims nothing, and may end inside a name ("President
                    // Xi Jinping"): look again from the next word.
                    None => i += 1,
                }
            }
            None => i += 1,
        }
    }
    out
}

/// Title-case runs of a sentence: capitalized words, with connectors between them,
/// as token index ranges.
fn title_runs(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !capitalized(tokens[i].span.slice(text)) {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut j = i;
        while tokens[j].joins_next && j + 1 < tokens.len() {
            let next = tokens[j + 1].span.slice(text);
            if capitalized(next) {
                last = j + 1;
            } else if !CONNECTORS.contains(&next) {
                break;
            }
            j += 1;
        }
        runs.push((i, last));
        i = last + 1;
    }
    runs
}

/// Whether `written` is close to `expansion` without being it: word by word, one word
/// added, dropped or mistyped (more for long expansions), the first or last word kept.
fn near_expansion(written: &str, expansion: &str) -> bool {
    let (a, b) = (words(&normalize(written)), words(&normalize(expansion)));
    if a.len() < 2 || a == b || (a.first() != b.first() && a.last() != b.last()) {
        return false;
    }
    let same = |x: &String, y: &String| x == y || is_typo(x, y);
    // Levenshtein over words, a typo counting as no edit.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let cost = usize::from(!same(x, y));
            let next = (prev + cost).min(row[j] + 1).min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()] <= (b.len() / 4).max(1)
}

/// Whether the initials of a phrase's capitalized words spell an acronym, or nearly.
fn initials_fit(phrase: &str, acronym: &str) -> bool {
    let initials: String = phrase
        .split([' ', '-'])
        .filter(|w| capitalized(w) && !CONNECTORS.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .collect();
    let letters: String = acronym.chars().filter(|c| c.is_alphanumeric()).collect();
    initials.len() >= 2 && strsim::jaro_winkler(&initials, &letters) >= 0.8
}

/// The expansion claims of one sentence for one entity with an acronym.
fn expansion_claims<'r>(text: &str, id: &'r str, entity: &'r Entity, out: &mut Vec<Local<'r>>) {
    if entity.expansion.is_none() && entity.acronyms().next().is_none() {
        return;
    }
    let tokens = tokenize(text);
    let runs = title_runs(text, &tokens);
    let known: Vec<String> =
        std::iter::once(&entity.name).chain(&entity.aliases).map(|s| normalize(s).to_lowercase()).collect();
    let fits = |phrase: &str, acronym: &str| {
        let lower = normalize(phrase).to_lowercase();
        words(&lower).len() >= 2
            && !known.contains(&lower)
            && (initials_fit(phrase, acronym) || entity.expansion.as_deref().is_some_and(|e| near_expansion(phrase, e)))
    };
    let push = |span: Span, out: &mut Vec<Local<'r>>| {
        if !out.iter().any(|c| c.kind == ClaimKind::Expansion && c.span.start < span.end && span.start < c.span.end) {
            let value = normalize(span.slice(text));
            out.push(Local { span, kind: ClaimKind::Expansion, entity: id, value });
        }
    };
    for acronym in entity.acronyms() {
        for (at, _) in text.match_indices(acronym) {
            let end = at + acronym.len();
            let bounded = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                && text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if !bounded {
                continue;
            }
            // "DPRK (Democratic People's Republic of Korea)"
            let after = &text[end..];
            let open = after.len() - after.trim_start().len();
            if after[open..].starts_with('(')
                && let Some(close) = after[open + 1..].find(')')
            {
                let inner_start = end + open + 1;
                let inner = &text[inner_start..inner_start + close];
                let span = Span::new(
                    inner_start + (inner.len() - inner.trim_start().len()),
                    inner_start + inner.trim_end().len(),
                );
                if fits(span.slice(text), acronym) {
                    push(span, out);
                }
            }
            // "the Democratic People's Republic of Korea (DPRK)"
            let before = text[..at].trim_end();
            if before.len() < at && before.ends_with('(') && text[end..].starts_with(')') {
                let limit = before.len() - 1;
                let run = tokens
                    .iter()
                    .rposition(|t| t.span.end <= limit)
                    .and_then(|last| runs.iter().copied().find(|&(_, e)| e == last));
                if let Some((first, last)) = run {
                    let span = Span::new(tokens[first].span.start, tokens[last].span.end);
                    let phrase = span.slice(text);
                    let phrase_span = match phrase.strip_prefix("The ") {
                        Some(rest) => Span::new(span.end - rest.len(), span.end),
                        None => span,
                    };
                    if fits(phrase_span.slice(text), acronym) {
                        push(phrase_span, out);
                    }
                }
            }
        }
    }
    // The expansion, or a near miss of it, on its own.
    let Some(expansion) = entity.expansion.as_deref() else { return };
    let expansion_key = normalize(expansion).to_lowercase();
    let expansion_words = words(&expansion_key);
    let size = expansion_words.len();
    // A near miss keeps the expansion's first or last word: a cheap test before the
    // word-by-word comparison.
    // Only the words of title-case runs long enough to hold the expansion are looked
    // at, so only those are lowered.
    let long_enough = |&&(first, last): &&(usize, usize)| last - first + 2 >= size;
    let mut lower = vec![String::new(); tokens.len()];
    for &(first, last) in runs.iter().filter(long_enough) {
        for k in first..=last {
            if lower[k].is_empty() {
                lower[k] = tokens[k].span.slice(text).replace('’', "'").to_lowercase();
            }
        }
    }
    let anchored = |i: usize, j: usize| {
        let last_word = lower[j].strip_suffix("'s").unwrap_or(&lower[j]);
        expansion_words.first() == Some(&lower[i]) || expansion_words.last().map(String::as_str) == Some(last_word)
    };
    for &(first, last) in runs.iter().filter(long_enough) {
        let mut best: Option<(bool, usize, Span)> = None;
        for i in first..=last {
            for j in i..=last.min(i + size) {
                let n = j - i + 1;
                if n + 1 < size || !anchored(i, j) {
                    continue;
                }
                let span = run_span(text, &tokens, i, j);
                let phrase = span.slice(text);
                let exact = normalize(phrase).to_lowercase() == expansion_key;
                if (exact || near_expansion(phrase, expansion)) && best.is_none_or(|(be, bn, _)| (exact, n) > (be, bn))
                {
                    best = Some((exact, n, span));
                }
            }
        }
        if let Some((_, _, span)) = best {
            push(span, out);
        }
    }
}

/// Name and expansion claims of one source (map step).
pub fn scan(
    rules: &RuleSet,
    source: &Source,
    path: &std::sync::Arc<str>,
    index: &LineIndex,
    sentences: &[Sentence],
) -> Vec<Evidence> {
    if rules.entities.is_empty() {
        return Vec::new();
    }
    let spellings = spellings(rules);
    let vocabulary = vocabulary(&spellings);
    let mut out = Vec::new();
    for sentence in sentences {
        let mut found = name_claims(&sentence.text, &spellings, &vocabulary);
        for (id, entity) in &rules.entities {
            expansion_claims(&sentence.text, id, entity, &mut found);
        }
        found.sort_by_key(|c| (c.span, c.kind));
        for claim in found {
            let text = claim.span.slice(&sentence.text).to_string();
            let located = Claim {
                kind: claim.kind,
                span: claim.span,
                text,
                value: Value::Text(claim.value),
                modifier: None,
                counted: None,
                unit: None,
                entity: Some(claim.entity.to_string()),
            };
            out.extend(Evidence::locate(source, path, index, sentence, located));
        }
    }
    out
}

/// The text of a claim's value.
fn text_of(claim: &Evidence) -> String {
    claim.claim.value.to_string()
}

/// Claims of one spelling or expansion, by source.
struct Group {
    claims: Vec<Evidence>,
    sources: BTreeSet<String>,
}

fn group(claims: Vec<Evidence>, key: impl Fn(&Evidence) -> String) -> BTreeMap<String, Group> {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for claim in claims {
        let g = groups.entry(key(&claim)).or_insert_with(|| Group { claims: Vec::new(), sources: BTreeSet::new() });
        g.sources.insert(claim.place.source.to_string());
        g.claims.push(claim);
    }
    for g in groups.values_mut() {
        g.claims.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
    groups
}

/// "3 sources: 002_a.txt, 003_b.txt, 004_c.txt", naming sources by file name.
fn who(sources: &BTreeSet<String>) -> String {
    let names: Vec<&str> = sources.iter().map(|s| s.rsplit('/').next().unwrap_or(s)).collect();
    let count = if names.len() == 1 { "1 source".to_string() } else { format!("{} sources", names.len()) };
    format!("{count}: {}", names.join(", "))
}

/// The first claim of each source, as the reference a finding shows beside the outliers.
fn references(group: Option<&Group>) -> Vec<Evidence> {
    let Some(group) = group else { return Vec::new() };
    let mut seen = BTreeSet::new();
    group.claims.iter().filter(|c| seen.insert(c.place.source.clone())).cloned().collect()
}

/// Variant and expansion findings across sources (reduce step).
pub fn compare(rules: &RuleSet, names: Vec<Evidence>) -> Vec<Finding> {
    let mut by_entity: BTreeMap<(String, ClaimKind), Vec<Evidence>> = BTreeMap::new();
    for claim in names {
        if let Some(entity) = claim.claim.entity.clone() {
            by_entity.entry((entity, claim.claim.kind)).or_default().push(claim);
        }
    }
    let mut findings = Vec::new();
    for ((id, kind), claims) in by_entity {
        let Some(entity) = rules.entities.get(&id) else { continue };
        let found = match kind {
            ClaimKind::Name if entity.name.trim().is_empty() => consensus_variants(entity, claims),
            ClaimKind::Name => house_variants(entity, claims),
            ClaimKind::Expansion => expansions(entity, claims),
            _ => Vec::new(),
        };
        let severity = rules.name_severity(&id);
        findings.extend(found.into_iter().map(|(kind, message, note, claims)| Finding {
            id: id.clone(),
            kind,
            severity,
            message,
            note,
            claims,
        }));
    }
    super::sort_findings(&mut findings);
    findings
}

/// A finding before it is given its entity's id and severity.
type Draft = (FindingKind, String, Option<String>, Vec<Evidence>);

/// Every spelling that is neither the house spelling nor an alias, against the house
/// spelling.
fn house_variants(entity: &Entity, claims: Vec<Evidence>) -> Vec<Draft> {
    let house = normalize(&entity.name);
    let groups = group(claims, text_of);
    let reference = references(groups.get(&house));
    let mut out = Vec::new();
    for (spelling, g) in &groups {
        if *spelling == house || entity.aliases.iter().any(|a| normalize(a) == *spelling) {
            continue;
        }
        let message = format!("\"{spelling}\" ({}) is not the house spelling \"{}\"", who(&g.sources), entity.name);
        let note = reference.is_empty().then(|| format!("no source writes the house spelling \"{}\"", entity.name));
        let mut evidence = g.claims.clone();
        evidence.extend(reference.iter().cloned());
        out.push((FindingKind::Variant, message, note, evidence));
    }
    out
}

/// Without a house spelling, the spellings of each alias (the alias and its variants)
/// are compared among themselves: the one most sources use is the consensus, and every
/// other that is not an alias is a variant of it.
fn consensus_variants(entity: &Entity, claims: Vec<Evidence>) -> Vec<Draft> {
    let aliases: Vec<(String, Form)> = entity.aliases.iter().map(|a| (normalize(a), Form::new(a))).collect();
    let mut clusters: BTreeMap<usize, Vec<Evidence>> = BTreeMap::new();
    for claim in claims {
        let form = Form::new(&text_of(&claim));
        let decisions: Vec<Decision> = aliases.iter().map(|(_, a)| form.decide(a)).collect();
        let nearest = decisions
            .iter()
            .position(|d| *d == Decision::Same)
            .or_else(|| decisions.iter().position(|d| *d == Decision::Variant));
        if let Some(alias) = nearest {
            clusters.entry(alias).or_default().push(claim);
        }
    }
    let mut out = Vec::new();
    for claims in clusters.into_values() {
        let groups = group(claims, text_of);
        let is_alias = |spelling: &str| aliases.iter().any(|(a, _)| a == spelling);
        let Some((consensus, top)) = groups.iter().max_by(|a, b| {
            (a.1.sources.len(), a.1.claims.len(), is_alias(a.0))
                .cmp(&(b.1.sources.len(), b.1.claims.len(), is_alias(b.0)))
                .then_with(|| b.0.cmp(a.0))
        }) else {
            continue;
        };
        let reference = references(Some(top));
        for (spelling, g) in &groups {
            if spelling == consensus || is_alias(spelling) {
                continue;
            }
            let message = format!(
                "\"{spelling}\" ({}) is not the spelling most sources use, \"{consensus}\" ({} sources)",
                who(&g.sources),
                top.sources.len()
            );
            let mut evidence = g.claims.clone();
            evidence.extend(reference.iter().cloned());
            out.push((FindingKind::Variant, message, None, evidence));
        }
    }
    out
}

/// Every expansion other than the entity's `expansion`, or without one, other than
/// the expansion most sources write.
fn expansions(entity: &Entity, claims: Vec<Evidence>) -> Vec<Draft> {
    let groups = group(claims, |c| text_of(c).to_lowercase());
    let acronym = entity.acronyms().next().unwrap_or(&entity.name);
    let (expected, stated) = match &entity.expansion {
        Some(e) => (normalize(e), true),
        None => {
            let consensus = groups
                .iter()
                .max_by(|a, b| {
                    (a.1.sources.len(), a.1.claims.len())
                        .cmp(&(b.1.sources.len(), b.1.claims.len()))
                        .then_with(|| b.0.cmp(a.0))
                })
                .and_then(|(_, g)| g.claims.first().map(text_of));
            let Some(consensus) = consensus else { return Vec::new() };
            (consensus, false)
        }
    };
    let expected_key = expected.to_lowercase();
    let reference = references(groups.get(&expected_key));
    let mut out = Vec::new();
    for (written, g) in &groups {
        if *written == expected_key {
            continue;
        }
        let shown = g.claims.first().map(text_of).unwrap_or_default();
        let message = if stated {
            format!("\"{shown}\" ({}) is not what \"{acronym}\" stands for: \"{expected}\"", who(&g.sources))
        } else {
            let n = groups.get(&expected_key).map_or(0, |g| g.sources.len());
            format!(
                "\"{shown}\" ({}) is not what most sources say \"{acronym}\" stands for: \"{expected}\" ({n} sources)",
                who(&g.sources)
            )
        };
        let mut evidence = g.claims.clone();
        evidence.extend(reference.iter().cloned());
        out.push((FindingKind::Expansion, message, None, evidence));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_decisions() {
        for (written, spelling, want) in [
            ("Kim Jong-un", "Kim Jong Un", Decision::Variant),
            ("Kim Jong Il", "Kim Jong Un", Decision::Other),
            ("Kim Jong-il", "Kim Jong Un", Decision::Other),
            ("KIM JONG UN", "Kim Jong Un", Decision::Same),
            ("Kim Jung Un", "Kim Jong Un", Decision::Variant),
            ("Kim Jong Un", "Kim Jong Un", Decision::Same),
            ("Kim Jongun", "Kim Jong Un", Decision::Variant),
            ("Ri Sol-ju", "Ri Sol Ju", Decision::Variant),
            ("North Korean", "North Korea", Decision::Other),
            ("South Korea", "North Korea", Decision::Other),
            ("Kim Jong Nam", "Kim Jong Un", Decision::Other),
            ("Xi Jinpeng", "Xi Jinping", Decision::Variant),
            ("Him", "Kim", Decision::Other),
            ("People’s Party", "People's Party", Decision::Same),
            ("Kim Jong\u{2011}un", "Kim Jong Un", Decision::Variant),
            ("Kim\u{a0}Jong Un", "Kim Jong Un", Decision::Same),
            ("Andris Ozol", "Andris Ozols", Decision::Variant),
            ("Russian", "Russia", Decision::Other),
        ] {
            assert_eq!(decide(written, spelling), want, "{written} / {spelling}");
        }
    }

    #[test]
    fn expansions_near_and_far() {
        let e = "Democratic People's Republic of Korea";
        assert!(near_expansion("Democratic Republic of Korea", e));
        assert!(near_expansion("Democratic Peoples Republic of Korea", e));
        assert!(!near_expansion("Republic of Korea", e));
        assert!(!near_expansion("Democratic Party of Korea", e));
        assert!(!near_expansion("People's Republic of China", e));
        assert!(!near_expansion(e, e));
        assert!(initials_fit("Democratic Republic of Korea", "DPRK"));
        assert!(!initials_fit("the summit", "DPRK"));
    }

    fn rules() -> RuleSet {
        let mut set = RuleSet::default();
        set.add(
            std::path::Path::new("r.yaml"),
            "entities:\n  kim:\n    name: Kim Jong Un\n    aliases: [Kim, Leader Kim]\n  kim-il:\n    name: Kim Jong Il\n  dprk:\n    name: North Korea\n    aliases: [DPRK]\n    expansion: Democratic People's Republic of Korea\n",
        )
        .unwrap();
        set
    }

    fn claims(text: &str) -> Vec<(String, String, String)> {
        let rules = rules();
        let spellings = spellings(&rules);
        let mut found = name_claims(text, &spellings, &vocabulary(&spellings));
        for (id, entity) in &rules.entities {
            expansion_claims(text, id, entity, &mut found);
        }
        found.iter().map(|c| (c.entity.to_string(), c.span.slice(text).to_string(), c.value.clone())).collect()
    }

    fn owned(items: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
        items.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect()
    }

    #[test]
    fn names_in_sentences() {
        assert_eq!(
            claims("Kim Jong-un's father, Kim Jong-il, met Kim Jong Un's KIM JONG UN and Kim."),
            owned(&[
                ("kim", "Kim Jong-un", "Kim Jong-un"),
                ("kim-il", "Kim Jong-il", "Kim Jong-il"),
                ("kim", "Kim Jong Un", "Kim Jong Un"),
                ("kim", "KIM JONG UN", "Kim Jong Un"),
            ])
        );
        assert!(claims("Kimberly and Kim Jong Nam and North Korean troops.").is_empty());
        // An alias that ends inside the house name does not hide it.
        assert_eq!(claims("Leader Kim Jong Un"), owned(&[("kim", "Kim Jong Un", "Kim Jong Un")]));
    }

    #[test]
    fn expansions_in_sentences() {
        assert_eq!(
            claims("efforts made by the DPRK (Democratic Republic of Korea) and others"),
            owned(&[("dprk", "Democratic Republic of Korea", "Democratic Republic of Korea")])
        );
        assert_eq!(
            claims("the Democratic People’s Republic of Korea (DPRK) said"),
            owned(&[("dprk", "Democratic People’s Republic of Korea", "Democratic People's Republic of Korea")])
        );
        assert_eq!(
            claims("North Korea's official name, the Democratic People's Republic of Korea, according to"),
            owned(&[
                ("dprk", "North Korea", "North Korea"),
                ("dprk", "Democratic People's Republic of Korea", "Democratic People's Republic of Korea")
            ])
        );
        assert_eq!(
            claims("the Republic of Korea and the DPRK (North Korea) met"),
            owned(&[("dprk", "North Korea", "North Korea")])
        );
    }

    fn evidence(source: &str, kind: ClaimKind, entity: &str, value: &str, start: usize) -> Evidence {
        let mut e = Evidence::new(source, kind, Value::Text(value.into()), value);
        e.claim.span = Span::new(start, start + value.len());
        e.claim.entity = Some(entity.into());
        e.place.column = start + 1;
        e
    }

    #[test]
    fn findings_name_sources_and_the_house_spelling() {
        let rules = rules();
        let name = |s: &str, v: &str, at| evidence(s, ClaimKind::Name, "kim", v, at);
        let findings = compare(
            &rules,
            vec![
                name("a/001.txt", "Kim Jong Un", 5),
                name("a/002.txt", "Kim Jong-un", 1),
                name("a/003.txt", "Kim Jong-un", 9),
                name("a/002.txt", "Kim Jong-un", 40),
                name("a/001.txt", "Kim Jong Un", 50),
                evidence("a/000.txt", ClaimKind::Expansion, "dprk", "Democratic Republic of Korea", 3),
            ],
        );
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0].kind, FindingKind::Expansion);
        assert_eq!(
            findings[0].message,
            "\"Democratic Republic of Korea\" (1 source: 000.txt) is not what \"DPRK\" stands for: \"Democratic People's Republic of Korea\""
        );
        assert_eq!(
            findings[1].message,
            "\"Kim Jong-un\" (2 sources: 002.txt, 003.txt) is not the house spelling \"Kim Jong Un\""
        );
        let places: Vec<(&str, usize)> =
            findings[1].claims.iter().map(|c| (c.place.source.as_ref(), c.claim.span.start)).collect();
        assert_eq!(places, [("a/002.txt", 1), ("a/002.txt", 40), ("a/003.txt", 9), ("a/001.txt", 5)]);
    }

    #[test]
    fn without_a_house_spelling_most_sources_decide() {
        let mut rules = RuleSet::default();
        rules.add(std::path::Path::new("r.yaml"), "entities:\n  kim:\n    aliases: [Kim Jong Un, Kim]\n").unwrap();
        let spellings = spellings(&rules);
        let found: Vec<String> =
            name_claims("Kim Jong-un and Kim Jong Un and Kim", &spellings, &vocabulary(&spellings))
                .into_iter()
                .map(|c| c.value)
                .collect();
        assert_eq!(found, ["Kim Jong-un", "Kim Jong Un", "Kim"]);
        let name = |s: &str, v: &str| evidence(s, ClaimKind::Name, "kim", v, 0);
        let claims = vec![
            name("1", "Kim Jong-un"),
            name("2", "Kim Jong-un"),
            name("3", "Kim Jong Un"),
            name("4", "Kim Jung Un"),
            name("1", "Kim"),
        ];
        let messages: Vec<String> = compare(&rules, claims).into_iter().map(|f| f.message).collect();
        assert_eq!(
            messages,
            ["\"Kim Jung Un\" (1 source: 4) is not the spelling most sources use, \"Kim Jong-un\" (2 sources)"]
        );
    }

    #[test]
    fn without_an_expansion_most_sources_decide() {
        let mut rules = RuleSet::default();
        rules.add(std::path::Path::new("r.yaml"), "entities:\n  un:\n    name: UN\n").unwrap();
        let e = |s: &str, v: &str| evidence(s, ClaimKind::Expansion, "un", v, 0);
        let findings =
            compare(&rules, vec![e("1", "United Nations"), e("2", "United Nations"), e("3", "United Notions")]);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].message,
            "\"United Notions\" (1 source: 3) is not what most sources say \"UN\" stands for: \"United Nations\" (2 sources)"
        );
    }
}
