//! Titles and roles: what a sentence calls an entity it names ("former mayor Ortiz",
//! "Capt. Lee", "Lt. Col. Ruth Okafor", "Ortiz, the company's chief executive",
//! "Ortiz, who is mayor of ..."), as a normalized label: lower case, abbreviations
//! written out ("lieutenant colonel"), the modifiers that change the role kept
//! ("former mayor", "acting governor", "deputy mayor").
//!
//! The names come from the name scan ([`super::names`]): a title is read only next to
//! a name the rules know, in front of it or in an apposition after it. The tables
//! are hand-written: no crate reads titles as a desk does (named-entity crates tag
//! people, not the role a source gives them), and the list is short.
//!
//! Each name looks at a bounded number of words around it, so the pass is linear in
//! the sentence however many names it holds.

use crate::span::Span;
use crate::value::{ClaimKind, Value};

use super::Claim;
use super::names::Mention;

/// Abbreviations of titles, written out.
const ABBREVIATIONS: [(&str, &str); 21] = [
    ("capt", "captain"),
    ("sgt", "sergeant"),
    ("lt", "lieutenant"),
    ("col", "colonel"),
    ("gov", "governor"),
    ("sen", "senator"),
    ("rep", "representative"),
    ("rev", "reverend"),
    ("prof", "professor"),
    ("insp", "inspector"),
    ("dr", "doctor"),
    ("gen", "general"),
    ("adm", "admiral"),
    ("cmdr", "commander"),
    ("cdr", "commander"),
    ("supt", "superintendent"),
    ("det", "detective"),
    ("maj", "major"),
    ("cpl", "corporal"),
    ("pres", "president"),
    ("ceo", "chief executive"),
];

/// Words a title or role is made of, written out.
const TITLE_WORDS: [&str; 58] = [
    "admiral",
    "ambassador",
    "attorney",
    "bishop",
    "captain",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "colonel",
    "commander",
    "commissioner",
    "constable",
    "corporal",
    "councillor",
    "councilman",
    "councilwoman",
    "detective",
    "director",
    "doctor",
    "editor",
    "executive",
    "founder",
    "general",
    "governor",
    "head",
    "inspector",
    "judge",
    "justice",
    "king",
    "leader",
    "lieutenant",
    "major",
    "manager",
    "mayor",
    "minister",
    "officer",
    "president",
    "prime",
    "prince",
    "princess",
    "professor",
    "prosecutor",
    "queen",
    "representative",
    "reverend",
    "secretary",
    "senator",
    "sergeant",
    "sheriff",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "superintendent",
    "treasurer",
];

/// Words that change the role they stand before, as written out: "ex-mayor" is a
/// former mayor.
const MODIFIERS: [(&str, &str); 9] = [
    ("former", "former"),
    ("ex", "former"),
    ("acting", "acting"),
    ("interim", "interim"),
    ("deputy", "deputy"),
    ("vice", "vice"),
    ("late", "late"),
    ("then", "then"),
    ("assistant", "assistant"),
];

/// Labels that say the same role in other words.
const SAME_ROLE: [(&str, &str); 1] = [("chief executive officer", "chief executive")];

/// The most words a title in front of a name may hold ("former deputy chief
/// executive").
const MOST_WORDS: usize = 6;

/// The most words between an apposition's comma and its title ("the city's",
/// "who was the").
const MOST_LEAD: usize = 4;

/// A word of the sentence; an abbreviation's span holds its period.
#[derive(Clone, Copy, Debug)]
struct Word {
    span: Span,
    /// What stands between this word and the next: only blanks or a hyphen, so a
    /// title may run on into it.
    joins_next: bool,
    /// A comma follows it.
    comma_after: bool,
}

/// What a word is to a title.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    /// A word of the title, written out.
    Title(&'static str),
    /// A modifier, written out.
    Modifier(&'static str),
}

/// The words of `sentence`; an abbreviation of a title takes its period.
fn words(sentence: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let bytes = sentence.as_bytes();
    let mut start: Option<usize> = None;
    let mut chars = sentence.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let inner = (c == '\'' || c == '\u{2019}')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(at);
            continue;
        }
        if let Some(s) = start.take() {
            let mut end = at;
            if c == '.' && abbreviation(&sentence[s..at]).is_some() {
                end = at + 1;
            }
            out.push(Word { span: Span::new(s, end), joins_next: false, comma_after: false });
        }
    }
    if let Some(s) = start {
        out.push(Word { span: Span::new(s, sentence.len()), joins_next: false, comma_after: false });
    }
    for i in 0..out.len().saturating_sub(1) {
        let between = &bytes[out[i].span.end..out[i + 1].span.start];
        let gap = std::str::from_utf8(between).unwrap_or(",");
        out[i].joins_next = gap.chars().all(|c| c.is_whitespace() || c == '-') && !gap.is_empty();
        out[i].comma_after = gap.trim_start().starts_with(',');
    }
    out
}

/// The title an abbreviation stands for ("Lt" or "Lt."), case aside.
fn abbreviation(word: &str) -> Option<&'static str> {
    let bare = word.trim_end_matches('.').to_lowercase();
    ABBREVIATIONS.iter().find(|(a, _)| *a == bare).map(|&(_, full)| full)
}

/// What `word` is to a title, if anything.
fn role(word: &str) -> Option<Role> {
    if word.ends_with('.') {
        return abbreviation(word).map(Role::Title);
    }
    let lower = word.to_lowercase();
    if let Some(&(_, m)) = MODIFIERS.iter().find(|(w, _)| *w == lower) {
        return Some(Role::Modifier(m));
    }
    if let Some(&w) = TITLE_WORDS.iter().find(|w| **w == lower) {
        return Some(Role::Title(w));
    }
    // Without its period an abbreviation is still read ("Sgt Lee"), but only when
    // written with a capital, so that "col" or "rep" in running text is not a title.
    if word.chars().next().is_some_and(char::is_uppercase) {
        return abbreviation(word).map(Role::Title);
    }
    None
}

/// The label of words `from..to` (all read by [`role`]) with the span they cover, or
/// `None` when they hold no title word or a modifier stands last.
fn label(sentence: &str, words: &[Word], from: usize, to: usize) -> Option<(String, Span)> {
    let roles: Vec<Role> = words[from..to].iter().filter_map(|w| role(w.span.slice(sentence))).collect();
    if roles.len() != to - from || !matches!(roles.last(), Some(Role::Title(_))) {
        return None;
    }
    let parts: Vec<&str> = roles
        .iter()
        .map(|r| match r {
            Role::Title(w) | Role::Modifier(w) => *w,
        })
        .collect();
    let mut label = parts.join(" ");
    for (other, same) in SAME_ROLE {
        if let Some(head) = label.strip_suffix(other) {
            label = format!("{head}{same}");
        }
    }
    Some((label, Span::new(words[from].span.start, words[to - 1].span.end)))
}

/// The title claims of `sentence`, given where it names the entities (spans in the
/// sentence, from [`super::names::names_and_mentions`]): the title written in front of
/// each name, or in an apposition after it. Ordered by span.
pub fn titles(sentence: &str, mentions: &[Mention]) -> Vec<Claim> {
    // Most sentences name no entity: nothing to read, and no reason to split them.
    if mentions.is_empty() {
        return Vec::new();
    }
    let words = words(sentence);
    let mut found = Vec::new();
    for name in mentions {
        let entity = &name.entity;
        let first = words.partition_point(|w| w.span.start < name.span.start);
        let last = words.partition_point(|w| w.span.end <= name.span.end);
        let title = before(sentence, &words, first, name.span).or_else(|| after(sentence, &words, last));
        if let Some((value, span)) = title {
            found.push(Claim {
                kind: ClaimKind::Title,
                span,
                text: span.slice(sentence).to_string(),
                value: Value::Text(value),
                modifier: None,
                counted: None,
                unit: None,
                entity: Some(entity.clone()),
                previous: None,
                unit_as_written: None,
            });
        }
    }
    found.sort_by_key(|c| c.span);
    found.dedup_by(|a, b| a.span == b.span && a.entity == b.entity);
    found
}

/// The title written right in front of the name that starts at word `first`
/// ("former mayor Ortiz"). A title inside the name's own span (an alias such as
/// "Sgt. Lee") is read too.
fn before(sentence: &str, words: &[Word], first: usize, name: Span) -> Option<(String, Span)> {
    // Abbreviated titles the name's spelling holds ("Sgt. Lee" as an alias) count as
    // its own; a whole word does not ("General Motors").
    let mut end = first;
    while end < words.len()
        && words[end].span.end <= name.end
        && words[end].span.slice(sentence).ends_with('.')
        && role(words[end].span.slice(sentence)).is_some()
    {
        end += 1;
    }
    let mut start = end;
    while start > 0 && end - start < MOST_WORDS {
        let w = &words[start - 1];
        if !w.joins_next || role(w.span.slice(sentence)).is_none() {
            break;
        }
        start -= 1;
    }
    // A modifier in front of the title with nothing after it ("former" alone) is not one.
    (start < end).then(|| label(sentence, words, start, end)).flatten()
}

/// The title of an apposition after the name that ends before word `next`:
/// "Ortiz, the mayor of ...", "Ortiz, the company's chief executive,", "Ortiz, who is
/// mayor of ...".
fn after(sentence: &str, words: &[Word], next: usize) -> Option<(String, Span)> {
    let previous = next.checked_sub(1)?;
    if !words[previous].comma_after {
        return None;
    }
    // The lead-in: "who is", "the", "a", a possessive ("the city's", "its").
    let mut i = next;
    let lead_words = ["who", "is", "was", "the", "a", "an", "its", "his", "her", "their", "now"];
    while i < words.len() && i - next < MOST_LEAD {
        let w = words[i].span.slice(sentence);
        let lower = w.to_lowercase();
        let possessive = lower.ends_with("'s") || lower.ends_with("\u{2019}s");
        if lead_words.contains(&lower.as_str()) || possessive {
            i += 1;
            if possessive {
                break;
            }
        } else {
            break;
        }
    }
    let start = i;
    let mut end = start;
    while end < words.len() && end - start < MOST_WORDS && role(words[end].span.slice(sentence)).is_some() {
        end += 1;
        if !words[end - 1].joins_next {
            break;
        }
    }
    // The longest run of title words that ends in one ("the former mayor").
    while end > start {
        if let Some(found) = label(sentence, words, start, end) {
            return Some(found);
        }
        end -= 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{titles, words};
    use crate::extract::names::Mention;
    use crate::span::Span;
    use crate::value::{ClaimKind, Value};

    /// Where `needle` names `entity` in `sentence`.
    fn name(sentence: &str, needle: &str, entity: &str) -> Mention {
        let start = sentence.find(needle).expect("the name is in the sentence");
        Mention { span: Span::new(start, start + needle.len()), entity: entity.to_string() }
    }

    /// (label, text as written, entity) of each title of `sentence` for the names given.
    fn read(sentence: &str, names: &[(&str, &str)]) -> Vec<(String, String, String)> {
        let names: Vec<Mention> = names.iter().map(|(needle, id)| name(sentence, needle, id)).collect();
        titles(sentence, &names)
            .into_iter()
            .map(|c| {
                assert_eq!(c.span.slice(sentence), c.text);
                let Value::Text(label) = c.value else { panic!("a title is text") };
                (label, c.text, c.entity.unwrap_or_default())
            })
            .collect()
    }

    /// A sentence, its names (as written, entity) and the titles read: (label, as
    /// written, entity).
    type Case =
        (&'static str, &'static [(&'static str, &'static str)], &'static [(&'static str, &'static str, &'static str)]);

    #[test]
    fn titles_are_read_in_front_of_and_after_names() {
        let cases: [Case; 14] = [
            ("Former mayor Ortiz spoke first.", &[("Ortiz", "ortiz")], &[("former mayor", "Former mayor", "ortiz")]),
            ("The boat was led by Capt. Lee on Monday.", &[("Lee", "lee")], &[("captain", "Capt.", "lee")]),
            (
                "Lt. Col. Ruth Okafor led the inquiry.",
                &[("Ruth Okafor", "okafor")],
                &[("lieutenant colonel", "Lt. Col.", "okafor")],
            ),
            (
                "Ana Ortiz, the company's chief executive, resigned.",
                &[("Ana Ortiz", "ortiz")],
                &[("chief executive", "chief executive", "ortiz")],
            ),
            (
                "Ortiz, who is mayor of Springfield, declined to comment.",
                &[("Ortiz", "ortiz")],
                &[("mayor", "mayor", "ortiz")],
            ),
            (
                "Ortiz, the former mayor of the town, was there.",
                &[("Ortiz", "ortiz")],
                &[("former mayor", "former mayor", "ortiz")],
            ),
            ("Acting Gov. Ortiz signed it.", &[("Ortiz", "ortiz")], &[("acting governor", "Acting Gov.", "ortiz")]),
            ("The ex-mayor Ortiz said no.", &[("Ortiz", "ortiz")], &[("former mayor", "ex-mayor", "ortiz")]),
            ("Then-Sen. Ortiz voted for it.", &[("Ortiz", "ortiz")], &[("then senator", "Then-Sen.", "ortiz")]),
            (
                "Sgt Lee and Det. Insp. Ortiz met.",
                &[("Lee", "lee"), ("Ortiz", "ortiz")],
                &[("sergeant", "Sgt", "lee"), ("detective inspector", "Det. Insp.", "ortiz")],
            ),
            (
                "Lee, chief executive officer of the firm, spoke.",
                &[("Lee", "lee")],
                &[("chief executive", "chief executive officer", "lee")],
            ),
            // A name spelt with its title (an alias "Sgt. Lee") carries it.
            ("Sgt. Lee arrived.", &[("Sgt. Lee", "lee")], &[("sergeant", "Sgt.", "lee")]),
            // No title: a plain word, a modifier alone, a comma in front.
            ("Yesterday Ortiz said the former was true.", &[("Ortiz", "ortiz")], &[]),
            ("The mayor, Ortiz, left; Ortiz, who left early, was tired.", &[("Ortiz", "ortiz")], &[]),
        ];
        for (sentence, names, want) in cases {
            let want: Vec<(String, String, String)> =
                want.iter().map(|(l, t, e)| (l.to_string(), t.to_string(), e.to_string())).collect();
            assert_eq!(read(sentence, names), want, "{sentence}");
        }
    }

    #[test]
    fn spans_are_where_the_title_stands() {
        let sentence = "On Friday former mayor Ortiz spoke.";
        let names = [name(sentence, "Ortiz", "ortiz")];
        let found = titles(sentence, &names);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, Span::new(10, 22));
        assert_eq!(found[0].kind, ClaimKind::Title);
    }

    /// A 10,000-word sentence with a thousand names: every name gets its title. (Time is
    /// not asserted here: each name looks at a bounded window of words around it.)
    #[test]
    fn a_thousand_names_in_one_sentence_each_get_their_title() {
        let unit = "former Capt. Lee met all seven other people there today, ";
        let sentence = unit.repeat(1_000);
        let names: Vec<Mention> = sentence
            .match_indices("Lee")
            .map(|(at, _)| Mention { span: Span::new(at, at + 3), entity: "lee".into() })
            .collect();
        assert!(words(&sentence).len() >= 10_000);
        let found = titles(&sentence, &names);
        assert_eq!(found.len(), 1_000);
        assert!(found.iter().all(|c| c.value == Value::Text("former captain".into())));
    }
}
