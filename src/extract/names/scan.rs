//! The name and expansion claims of one sentence.
//!
//! The sentence is split once into words ([`Token`]s) for names and expansions
//! alike. At each capitalized word the longest spelling found wins, then the exact
//! one, then the house name; expansions are read beside an acronym in parentheses,
//! or, for an entity whose rule gives the expansion, on their own.

use std::cell::OnceCell;
use std::cmp::Reverse;

use unicode_normalization::char::is_combining_mark;

use crate::span::Span;
use crate::value::{ClaimKind, Value};

use super::spelling::{Decision, Form, SHORTEST_SINGLE_TYPO, is_typo};
use super::{Mention, NamedEntity, Spelling, Spellings};
use crate::extract::Claim;
use crate::text::{is_apostrophe, joins_words, key, plain, separates_words, strip_possessive, tidy, words};

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
struct Reading<'r, 'c> {
    words: usize,
    decision: Decision,
    spelling: &'r Spelling,
    candidate: &'c Candidate,
}

impl Reading<'_, '_> {
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
    names_and_mentions(sentence, spellings).0
}

/// [`names`], and every place the sentence writes one of the entities: its claims'
/// places and those of its aliases, which claim nothing but still name it ("Ortiz,
/// the mayor"). Ordered by span.
pub fn names_and_mentions(sentence: &str, spellings: &Spellings) -> (Vec<Claim>, Vec<Mention>) {
    if spellings.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let tokens = tokenize(sentence);
    let (mut found, mut mentions) = name_claims(sentence, &tokens, spellings);
    let expandable: Vec<&NamedEntity> =
        spellings.entities.iter().filter(|e| e.expansion.is_some() || !e.acronyms.is_empty()).collect();
    if !expandable.is_empty() {
        let runs = title_runs(sentence, &tokens);
        for entity in expandable {
            expansion_claims(sentence, &tokens, &runs, entity, &mut found);
        }
    }
    found.sort_by_key(|c| (c.span, c.kind));
    mentions.extend(
        found
            .iter()
            .filter(|c| c.kind == ClaimKind::Name)
            .map(|c| Mention { span: c.span, entity: c.entity.to_string() }),
    );
    mentions.sort_by_key(|m| m.span);
    let claims = found
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
        .collect();
    (claims, mentions)
}

/// A word of a sentence: letters and digits, with apostrophes inside ("People's").
#[derive(Clone, Copy, Debug)]
struct Token {
    span: Span,
    /// Whether the next token follows after one space or hyphen, so that a phrase may
    /// run on into it.
    joins_next: bool,
    /// The token a name may run on into: the next one when they join or a period
    /// stands between them ("St. Petersburg"), or the one after a nickname or initials
    /// in parentheses or quotes ("Jean-Luc (JL) Picard").
    name_next: Option<usize>,
}

/// The most words an aside inside a name may hold ("(JL)", "(Jean-Luc)").
const ASIDE_WORDS: usize = 3;

/// Brackets and quotes that set off an aside inside a name, opening and closing.
const ASIDES: [(char, char); 3] = [('(', ')'), ('"', '"'), ('\u{201c}', '\u{201d}')];

/// The words of a sentence, whether each joins the next, and where a name may run on.
fn tokenize(text: &str) -> Vec<Token> {
    // About one word in six bytes of prose: room enough that the vector seldom grows.
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let inner_apostrophe =
            is_apostrophe(c) && start.is_some() && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        // A combining mark belongs to the letter before it ("Jose\u{301}" is one word).
        let mark = start.is_some() && !c.is_ascii() && is_combining_mark(c);
        if c.is_alphanumeric() || inner_apostrophe || mark {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            tokens.push(Token { span: Span::new(s, at), joins_next: false, name_next: None });
        }
    }
    if let Some(s) = start {
        tokens.push(Token { span: Span::new(s, text.len()), joins_next: false, name_next: None });
    }
    let gap = |i: usize| &text[tokens[i].span.end..tokens[i + 1].span.start];
    let joins: Vec<bool> = (0..tokens.len().saturating_sub(1)).map(|i| joins_words(gap(i))).collect();
    let name_joins: Vec<bool> = (0..joins.len())
        .map(|i| joins[i] || gap(i).strip_prefix('.').is_some_and(|g| g.is_empty() || joins_words(g)))
        .collect();
    let mut name_next = vec![None; tokens.len()];
    for i in 0..joins.len() {
        name_next[i] = if name_joins[i] { Some(i + 1) } else { aside_end(text, &tokens, &name_joins, i) };
    }
    for (i, token) in tokens.iter_mut().enumerate() {
        token.joins_next = joins.get(i).copied().unwrap_or(false);
        token.name_next = name_next[i];
    }
    tokens
}

/// When an aside in brackets or quotes follows token `i` and a capitalized word
/// follows the aside ("Jean-Luc (JL) Picard"), the index of that word.
fn aside_end(text: &str, tokens: &[Token], name_joins: &[bool], i: usize) -> Option<usize> {
    let opening = text[tokens[i].span.end..tokens[i + 1].span.start].strip_prefix(' ')?;
    let &(_, close) = ASIDES.iter().find(|(open, _)| opening.chars().eq([*open]))?;
    let mut last = i + 1;
    while last - i < ASIDE_WORDS && name_joins.get(last).copied().unwrap_or(false) {
        last += 1;
    }
    let after = tokens.get(last + 1)?;
    let closing = &text[tokens[last].span.end..after.span.start];
    let closed = closing.strip_suffix(' ').is_some_and(|c| c.chars().eq([close]) || c.chars().eq(['.', close]));
    (closed && capitalized(after.span.slice(text))).then_some(last + 1)
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

/// A candidate name: the words read from one capitalized word, asides left out.
struct Candidate {
    span: Span,
    /// The words as written with what stands between them, asides left out.
    text: String,
    form: Form,
    /// How many words it takes.
    words: usize,
    /// Read with its final "'s", which only a spelling with it may match as written.
    possessive: bool,
    /// The token after the candidate's last word.
    next: usize,
}

/// The name claims of one sentence: house spellings and variants. At each word the
/// longest spelling found wins, then the exact one, then the house name, so that
/// "Kim Jong-il" is a variant of Kim Jong Il rather than the alias "Kim".
fn name_claims<'r>(text: &str, tokens: &[Token], compiled: &'r Spellings) -> (Vec<Local<'r>>, Vec<Mention>) {
    let spellings = &compiled.spellings;
    let longest = spellings.iter().map(|s| s.form.words.len() + 1).max().unwrap_or(0);
    // A run can spell a name only if one of its words is a word of some spelling
    // (a variant keeps at least one word as written), its first word begins a
    // spelling written solid ("Kimjongun"), or it is one long word a typo away from a
    // one-word spelling ("Hormedy"). Testing that on plain words first spares building
    // and comparing candidates at most capitalized words; a word is folded only when a
    // capitalized run reaches it.
    let folded: Vec<OnceCell<String>> = vec![OnceCell::new(); tokens.len()];
    let fold = |k: usize| -> &str { folded[k].get_or_init(|| plain(tokens[k].span.slice(text))) };
    let mut out = Vec::new();
    let mut aliases = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !capitalized(tokens[i].span.slice(text)) {
            i += 1;
            continue;
        }
        let mut chain = vec![i];
        while chain.len() < longest {
            match chain.last().and_then(|&k| tokens[k].name_next) {
                Some(next) if next < tokens.len() => chain.push(next),
                _ => break,
            }
        }
        let first = fold(i);
        let promising = chain.iter().any(|&k| compiled.vocabulary.contains(fold(k)))
            || (!first.is_empty() && spellings.iter().any(|s| s.form.plain.starts_with(first)))
            || (first.chars().count() >= SHORTEST_SINGLE_TYPO
                && compiled.single_words.iter().any(|w| is_typo(first, w)));
        if !promising {
            i += 1;
            continue;
        }
        let candidates = candidates(text, tokens, &chain);
        let mut best: Option<Reading<'r, '_>> = None;
        for spelling in spellings {
            for candidate in candidates.iter().take_while(|c| c.words <= spelling.form.words.len() + 1) {
                let decision = candidate.form.decide(&spelling.form);
                if decision == Decision::Other || (candidate.possessive && decision != Decision::Same) {
                    continue;
                }
                let reading = Reading { words: candidate.words, decision, spelling, candidate };
                if best.as_ref().is_none_or(|b| reading.rank() > b.rank()) {
                    best = Some(reading);
                }
            }
        }
        match best {
            Some(Reading { decision, spelling, candidate, .. }) => {
                let value = match decision {
                    Decision::Same if spelling.house || spelling.counted => Some(spelling.text.clone()),
                    Decision::Variant => Some(tidy(&candidate.text)),
                    _ => None,
                };
                match value {
                    Some(value) => {
                        let entity = compiled.entities.get(spelling.entity).map_or("", |e| e.id.as_str());
                        out.push(Local { span: candidate.span, kind: ClaimKind::Name, entity, value });
                        i = candidate.next;
                    }
                    // An alias claims nothing, and may end inside a name ("President
                    // Xi Jinping"): look again from the next word. It still names
                    // the entity.
                    None => {
                        let entity = compiled.entities.get(spelling.entity).map_or("", |e| e.id.as_str());
                        aliases.push(Mention { span: candidate.span, entity: entity.to_string() });
                        i += 1;
                    }
                }
            }
            None => i += 1,
        }
    }
    (out, aliases)
}

/// The candidates read along `chain` (token indices a name may run through): its
/// first word, its first two, ... A final possessive is left out ("Kim Jong-un's").
fn candidates(text: &str, tokens: &[Token], chain: &[usize]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(chain.len());
    let mut written = String::new();
    for (n, &k) in chain.iter().enumerate() {
        if n > 0 {
            let before = chain[n - 1];
            // Between two words that follow each other, what the source wrote; across
            // an aside, a space.
            let between = if before + 1 == k { &text[tokens[before].span.end..tokens[k].span.start] } else { " " };
            written.push_str(between);
        }
        written.push_str(tokens[k].span.slice(text));
        let start = tokens[chain[0]].span.start;
        // A name that ends in a possessive itself ("Lloyd's") is read as written too.
        let stem = strip_possessive(&written);
        for (read, possessive) in [(stem, false), (written.as_str(), stem.len() < written.len())] {
            if read.len() < stem.len() || out.last().is_some_and(|c: &Candidate| c.words == n + 1 && c.text == read) {
                continue;
            }
            let cut = written.len() - read.len();
            out.push(Candidate {
                span: Span::new(start, tokens[k].span.end - cut),
                form: Form::new(read),
                text: read.to_string(),
                words: n + 1,
                possessive,
                next: k + 1,
            });
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
    // The entity's own spellings, keyed only when a phrase is to be fitted: most
    // sentences hold neither the acronym nor a run long enough for the expansion.
    let known: OnceCell<Vec<String>> = OnceCell::new();
    let fits = |phrase: &str, acronym: &str| {
        let lower = key(phrase);
        let known =
            known.get_or_init(|| std::iter::once(&entity.name).chain(&entity.aliases).map(|s| key(s)).collect());
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
    // Its words, as `words(&key(expansion))` splits them, counted without building
    // them: a sentence without a title-case run that long has no expansion to read.
    let size = expansion.split(separates_words).filter(|w| !w.is_empty()).count();
    // A near miss keeps the expansion's first or last word: a cheap test before the
    // word-by-word comparison.
    // Only the words of title-case runs long enough to hold the expansion are looked
    // at, so only those are lowered.
    let long_enough = |&&(first, last): &&(usize, usize)| last - first + 2 >= size;
    if !runs.iter().any(|run| long_enough(&run)) {
        return;
    }
    let expansion_key = key(expansion);
    let expansion_words = words(&expansion_key);
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

    fn desk() -> Spellings {
        Spellings::new(vec![
            entity("nunez", "José Núñez", &["Núñez"], &[], None),
            entity("kahramanmaras", "Kahramanmaras", &[], &[], None),
            entity("picard", "Jean-Luc Picard", &["Picard"], &[], None),
            entity("spb", "St. Petersburg", &[], &[], None),
            entity("ohare", "O'Hare", &["O'Hare International Airport"], &[], None),
            entity("chen", "Michael Chen", &["Chen"], &[], None),
            entity("homendy", "Jennifer Homendy", &["Homendy"], &[], None),
            entity("butler", "Roland Butler Jr.", &["Butler"], &[], None),
            entity("lloyds", "Lloyd's", &[], &[], None),
        ])
    }

    fn desk_claims(text: &str) -> Vec<(String, String, String)> {
        names(text, &desk()).into_iter().map(|c| (c.entity.unwrap_or_default(), c.text, c.value.to_string())).collect()
    }

    #[test]
    fn names_as_a_desk_reads_them() {
        for (sentence, want) in [
            // Diacritics dropped or added are variants; decomposed Unicode is the name.
            ("Mayor Jose Nunez spoke on Tuesday.", vec![("nunez", "Jose Nunez", "Jose Nunez")]),
            ("Rescuers reached Kahramanmaraş by night.", vec![("kahramanmaras", "Kahramanmaraş", "Kahramanmaraş")]),
            (
                "Jose\u{301} Nu\u{301}n\u{303}ez said so.",
                vec![("nunez", "Jose\u{301} Nu\u{301}n\u{303}ez", "José Núñez")],
            ),
            // An aside inside a name does not hide it.
            (
                "Captain Jean-Luc (JL) Picard took the bridge.",
                vec![("picard", "Jean-Luc (JL) Picard", "Jean-Luc Picard")],
            ),
            ("Jean-Luc \"JL\" Picard's ship left.", vec![("picard", "Jean-Luc \"JL\" Picard", "Jean-Luc Picard")]),
            // Periods and apostrophes match; their misspellings are variants.
            ("Flights from St. Petersburg resumed.", vec![("spb", "St. Petersburg", "St. Petersburg")]),
            ("Flights from St Petersberg resumed.", vec![("spb", "St Petersberg", "St Petersberg")]),
            ("Delays at O’Hare grew.", vec![("ohare", "O’Hare", "O'Hare")]),
            ("Delays at OHare grew.", vec![("ohare", "OHare", "OHare")]),
            // A misspelled first name with the right surname: one claim, of the one entity.
            ("Micheal Chen, the pilot, said so.", vec![("chen", "Micheal Chen", "Micheal Chen")]),
            // A long one-word name one typo away.
            ("Hormedy said the board would look at it.", vec![("homendy", "Hormedy", "Hormedy")]),
            ("Roland Butler Jr. said the search was over.", vec![("butler", "Roland Butler Jr", "Roland Butler Jr.")]),
            // Possessives: the name without its "'s", and a name that ends in one.
            (
                "Jose Nunez's union and Lloyd's said so.",
                vec![("nunez", "Jose Nunez", "Jose Nunez"), ("lloyds", "Lloyd's", "Lloyd's")],
            ),
            ("Kahramanmaras's mayor spoke.", vec![("kahramanmaras", "Kahramanmaras", "Kahramanmaras")]),
            // Not names of these entities.
            ("Michelle Cheng and Jean Picardie met Moore in Petersburg.", vec![]),
        ] {
            let want: Vec<(String, String, String)> =
                want.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect();
            assert_eq!(desk_claims(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn a_thousand_names_in_one_sentence() {
        let spellings = desk();
        for words in [1_000, 10_000] {
            let sentence: String = (0..words)
                .map(|k| match k % 4 {
                    0 => "Jose Nunez (JN)",
                    1 => "St. Petersberg",
                    2 => "Hormedy",
                    _ => "and Picardy",
                })
                .collect::<Vec<_>>()
                .join(" ");
            let found = names(&sentence, &spellings);
            assert_eq!(found.len(), words / 4 * 3, "{words}");
        }
    }

    #[test]
    fn without_a_house_spelling_every_alias_is_counted() {
        let spellings = Spellings::new(vec![entity("kim", "", &["Kim Jong Un", "Kim"], &[], None)]);
        let found: Vec<String> =
            names("Kim Jong-un and Kim Jong Un and Kim", &spellings).into_iter().map(|c| c.value.to_string()).collect();
        assert_eq!(found, ["Kim Jong-un", "Kim Jong Un", "Kim"]);
    }
}
