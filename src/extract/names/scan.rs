//! The name and expansion claims of one sentence.
//!
//! The sentence is split once into words ([`Token`]s) for names and expansions
//! alike. At each capitalized word the longest spelling found wins, then the exact
//! one, then the house name; expansions are read beside an acronym in parentheses,
//! or, for an entity whose rule gives the expansion, on their own.

use std::cmp::Reverse;

use crate::span::Span;
use crate::value::{ClaimKind, Value};

use super::spelling::{Decision, Form, is_typo};
use super::{NamedEntity, Spelling, Spellings};
use crate::extract::Claim;
use crate::text::{is_apostrophe, joins_words, key, separates_words, strip_possessive, tidy, words};

/// Small words that may stand inside a title-case name ("Republic of Korea").
const CONNECTORS: &[&str] = &["of", "the", "and", "for", "on", "in", "to", "de", "du", "des", "la", "le", "&"];

/// A name or expansion claim in a sentence, before it becomes a [`Claim`].
struct Local<'r> {
    span: Span,
    kind: ClaimKind,
    entity: &'r str,
    value: String,
}

/// The best reading of the words from one capitalized word: how many words it takes,
/// how they relate to the spelling, and where they are.
struct Reading<'r> {
    words: usize,
    decision: Decision,
    spelling: &'r Spelling,
    span: Span,
}

impl Reading<'_> {
    /// The longest reading wins, then the closest, then the house spelling.
    fn rank(&self) -> (usize, Reverse<Decision>, bool) {
        (self.words, Reverse(self.decision), self.spelling.house)
    }
}

/// A phrase of a title-case run that spells an expansion or nearly.
#[derive(Clone, Copy)]
struct Phrase {
    exact: bool,
    words: usize,
    span: Span,
}

impl Phrase {
    /// The exact expansion wins, then the longer phrase.
    fn rank(&self) -> (bool, usize) {
        (self.exact, self.words)
    }
}

/// The name and expansion claims of `sentence` for the compiled entities, ordered by
/// span. Spans are byte offsets into the sentence.
pub fn names(sentence: &str, spellings: &Spellings) -> Vec<Claim> {
    if spellings.is_empty() {
        return Vec::new();
    }
    let tokens = tokenize(sentence);
    let mut found = name_claims(sentence, &tokens, spellings);
    let expandable: Vec<&NamedEntity> =
        spellings.entities.iter().filter(|e| e.expansion.is_some() || !e.acronyms.is_empty()).collect();
    if !expandable.is_empty() {
        let runs = title_runs(sentence, &tokens);
        for entity in expandable {
            expansion_claims(sentence, &tokens, &runs, entity, &mut found);
        }
    }
    found.sort_by_key(|c| (c.span, c.kind));
    found
        .into_iter()
        .map(|local| Claim {
            kind: local.kind,
            span: local.span,
            text: local.span.slice(sentence).to_string(),
            value: Value::Text(local.value),
            modifier: None,
            counted: None,
            unit: None,
            entity: Some(local.entity.to_string()),
            previous: None,
            unit_as_written: None,
        })
        .collect()
}

/// A word of a sentence: letters and digits, with apostrophes inside ("People's").
#[derive(Clone, Copy, Debug)]
struct Token {
    span: Span,
    /// Whether the next token follows after one space or hyphen, so that a name may
    /// run on into it.
    joins_next: bool,
}

/// The words of a sentence, and whether each joins the next.
fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let inner_apostrophe =
            is_apostrophe(c) && start.is_some() && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
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
        tokens[i - 1].joins_next = joins_words(gap);
    }
    tokens
}

/// The span of tokens `i..=j` without a final possessive ("Kim Jong-un's").
fn run_span(text: &str, tokens: &[Token], i: usize, j: usize) -> Span {
    let span = Span::new(tokens[i].span.start, tokens[j].span.end);
    let slice = span.slice(text);
    let stem = strip_possessive(slice);
    if j > i && stem.len() < slice.len() {
        return Span::new(span.start, span.start + stem.len());
    }
    span
}

/// Whether a word begins with a capital.
fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The name claims of one sentence: house spellings and variants. At each word the
/// longest spelling found wins, then the exact one, then the house name, so that
/// "Kim Jong-il" is a variant of Kim Jong Il rather than the alias "Kim".
fn name_claims<'r>(text: &str, tokens: &[Token], compiled: &'r Spellings) -> Vec<Local<'r>> {
    let spellings = &compiled.spellings;
    let longest = spellings.iter().map(|s| s.form.words.len() + 1).max().unwrap_or(0);
    // A run can spell a name only if one of its words is a word of some spelling
    // (a variant keeps at least one word as written) or its first word begins a
    // spelling written solid ("Kimjongun"). Testing that on lower-case words first
    // spares building and comparing candidates at most capitalized words; a word is
    // lowered only when a capitalized run reaches it.
    let mut lowered: Vec<Option<String>> = vec![None; tokens.len()];
    let mut lower = |k: usize| -> String { lowered[k].get_or_insert_with(|| key(tokens[k].span.slice(text))).clone() };
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
        let promising = (i..=last).any(|k| compiled.vocabulary.contains(lower(k).as_str()))
            || spellings.iter().any(|s| s.form.compact.starts_with(first.as_str()));
        if !promising {
            i += 1;
            continue;
        }
        // The candidate runs from this word: one word, two, ... as far as a name may go.
        let mut candidates = Vec::new();
        let mut j = i;
        while candidates.len() < longest {
            let span = run_span(text, tokens, i, j);
            candidates.push((span, Form::new(span.slice(text))));
            if !tokens[j].joins_next || j + 1 >= tokens.len() {
                break;
            }
            j += 1;
        }
        let mut best: Option<Reading<'r>> = None;
        for spelling in spellings {
            for (k, (span, form)) in candidates.iter().enumerate().take(spelling.form.words.len() + 1) {
                let decision = form.decide(&spelling.form);
                if decision == Decision::Other {
                    continue;
                }
                let reading = Reading { words: k + 1, decision, spelling, span: *span };
                if best.as_ref().is_none_or(|b| reading.rank() > b.rank()) {
                    best = Some(reading);
                }
            }
        }
        match best {
            Some(Reading { words, decision, spelling, span }) => {
                let value = match decision {
                    Decision::Same if spelling.house || spelling.counted => Some(spelling.text.clone()),
                    Decision::Variant => Some(tidy(span.slice(text))),
                    _ => None,
                };
                match value {
                    Some(value) => {
                        let entity = compiled.entities.get(spelling.entity).map_or("", |e| e.id.as_str());
                        out.push(Local { span, kind: ClaimKind::Name, entity, value });
                        i += words;
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
    let (a, b) = (words(&tidy(written)), words(&tidy(expansion)));
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
        .split(separates_words)
        .filter(|w| capitalized(w) && !CONNECTORS.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .collect();
    let letters: String = acronym.chars().filter(|c| c.is_alphanumeric()).collect();
    initials.len() >= 2 && strsim::jaro_winkler(&initials, &letters) >= 0.8
}

/// The expansion claims of one sentence for one entity with an acronym.
fn expansion_claims<'r>(
    text: &str,
    tokens: &[Token],
    runs: &[(usize, usize)],
    entity: &'r NamedEntity,
    out: &mut Vec<Local<'r>>,
) {
    if entity.expansion.is_none() && entity.acronyms.is_empty() {
        return;
    }
    let id = entity.id.as_str();
    let known: Vec<String> = std::iter::once(&entity.name).chain(&entity.aliases).map(|s| key(s)).collect();
    let fits = |phrase: &str, acronym: &str| {
        let lower = key(phrase);
        words(&lower).len() >= 2
            && !known.contains(&lower)
            && (initials_fit(phrase, acronym) || entity.expansion.as_deref().is_some_and(|e| near_expansion(phrase, e)))
    };
    let push = |span: Span, out: &mut Vec<Local<'r>>| {
        if !out.iter().any(|c| c.kind == ClaimKind::Expansion && c.span.start < span.end && span.start < c.span.end) {
            let value = tidy(span.slice(text));
            out.push(Local { span, kind: ClaimKind::Expansion, entity: id, value });
        }
    };
    for acronym in entity.acronyms.iter().map(String::as_str) {
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
    let expansion_key = key(expansion);
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
                lower[k] = key(tokens[k].span.slice(text));
            }
        }
    }
    let anchored = |i: usize, j: usize| {
        let last_word = lower[j].strip_suffix("'s").unwrap_or(&lower[j]);
        expansion_words.first() == Some(&lower[i]) || expansion_words.last().map(String::as_str) == Some(last_word)
    };
    for &(first, last) in runs.iter().filter(long_enough) {
        let mut best: Option<Phrase> = None;
        for i in first..=last {
            for j in i..=last.min(i + size) {
                let words = j - i + 1;
                if words + 1 < size || !anchored(i, j) {
                    continue;
                }
                let span = run_span(text, tokens, i, j);
                let phrase = span.slice(text);
                let exact = key(phrase) == expansion_key;
                let candidate = Phrase { exact, words, span };
                if (exact || near_expansion(phrase, expansion)) && best.is_none_or(|b| candidate.rank() > b.rank()) {
                    best = Some(candidate);
                }
            }
        }
        if let Some(phrase) = best {
            push(phrase.span, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(id: &str, name: &str, aliases: &[&str], acronyms: &[&str], expansion: Option<&str>) -> NamedEntity {
        NamedEntity {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            acronyms: acronyms.iter().map(|a| a.to_string()).collect(),
            expansion: expansion.map(str::to_string),
        }
    }

    fn spellings() -> Spellings {
        Spellings::new(vec![
            entity("dprk", "North Korea", &["DPRK"], &["DPRK"], Some("Democratic People's Republic of Korea")),
            entity("kim", "Kim Jong Un", &["Kim", "Leader Kim"], &[], None),
            entity("kim-il", "Kim Jong Il", &[], &[], None),
        ])
    }

    fn claims(text: &str) -> Vec<(String, String, String)> {
        names(text, &spellings())
            .into_iter()
            .map(|c| (c.entity.unwrap_or_default(), c.text, c.value.to_string()))
            .collect()
    }

    fn owned(items: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
        items.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect()
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

    #[test]
    fn without_a_house_spelling_every_alias_is_counted() {
        let spellings = Spellings::new(vec![entity("kim", "", &["Kim Jong Un", "Kim"], &[], None)]);
        let found: Vec<String> =
            names("Kim Jong-un and Kim Jong Un and Kim", &spellings).into_iter().map(|c| c.value.to_string()).collect();
        assert_eq!(found, ["Kim Jong-un", "Kim Jong Un", "Kim"]);
    }
}
