//! Counts and ages: "28,000 US soldiers" (28000, counting "soldiers"), "1.5 million",
//! "three ICBMs", "a dozen", "more than 200 people", "a 25-year-old coach", "aged 11 to
//! 16", "Smith, 54,". A number that is part of something else (a year, a date, a time,
//! an ordinal, a phone number, a version string, a model name) is no count and is
//! left out; vague amounts ("hundreds") are left out too.

use super::lexer::{Kind, Tokens, counts_next};
use super::quantity::scaled;
use super::words::{self, Lex, Unit};
use super::{Context, Found, modifier_at};
use crate::text::is_apostrophe;
use crate::value::{ClaimKind, Modifier, Value};

/// Reads a count or an age starting at token `i`.
pub(super) fn at(t: &Tokens<'_>, i: usize, _cx: &Context) -> Option<Found> {
    read(t, i, false)
}

/// A count at `i` that ends a range or a change ("1,000 to 1,500 people" from the
/// "1,500"): read even right after a dash, which otherwise makes it part of a score or
/// a phone number.
pub(super) fn end_at(t: &Tokens<'_>, i: usize) -> Option<Found> {
    read(t, i, true)
}

/// A count or an age at `i`; `detached` as in [`end_at`].
fn read(t: &Tokens<'_>, i: usize, detached: bool) -> Option<Found> {
    let (modifier, j) = match modifier_at(t, i) {
        Some((m, j)) => (Some(m), j),
        None => (None, i),
    };
    if let Some(f) = age(t, i, j, modifier) {
        return Some(f);
    }
    let (n, k) = count(t, j, detached)?;
    // "over 10 years" is a duration, read by the duration extractor.
    if matches!(t.lex(k), Some(Lex::Unit(..))) {
        return None;
    }
    // "a seven-member team", "a 12-strong crew": the number counts the noun after.
    if let Some((counted, to)) = hyphenated(t, k) {
        let mut found = Found::new(ClaimKind::Number, i, to, Value::Number(n));
        found.modifier = modifier;
        found.counted = Some(counted);
        return Some(found);
    }
    let mut counted = counted_after(t, k, n == 1.0);
    let mut modifier = modifier;
    // "at least 40 were killed": the participle after the verb names who is counted.
    if counted.is_none() && t.is_any(k, &["were", "was", "are", "have", "had"]) {
        let p = if t.is(k + 1, "been") { k + 2 } else { k + 1 };
        if t.kind(p) == Some(Kind::Word) && CASUALTIES.contains(&t.low(p)) && t.low(p).ends_with("ed") {
            counted = Some(t.raw(p).to_string());
        }
    }
    // "the death toll stood at 1,150", "deaths rose to 85": the noun comes first.
    if counted.is_none()
        && let Some((noun, passed)) = counted_before(t, i)
    {
        counted = Some(noun);
        // "the toll passed 300" says more than 300.
        if passed && modifier.is_none() {
            modifier = Some(Modifier::MoreThan);
        }
    }
    // A decimal that counts nothing is a version, a score or an index level ("iOS
    // 11.2", "closed at 1,234.56"): too unsure to report.
    if counted.is_none() && t.num(j).is_some_and(|n| n.decimal) && !matches!(t.lex(j + 1), Some(Lex::Scale(_))) {
        return None;
    }
    // A number word alone ("one", "three") counts something written right after it,
    // or it is a pronoun or part of an idiom ("one of", "the one").
    if t.kind(j) == Some(Kind::Word) && counted.is_none() && !t.is(k, "of") {
        return None;
    }
    if t.kind(j) == Some(Kind::Word) && n == 1.0 {
        return None;
    }
    let mut found = Found::new(ClaimKind::Number, i, k, Value::Number(n));
    found.modifier = modifier;
    found.counted = counted;
    Some(found)
}

/// What a hyphenated count makes of a group ("seven-member team"): the word after
/// the hyphen.
const GROUP_WORDS: [&str; 17] = [
    "member", "person", "man", "woman", "strong", "nation", "country", "vehicle", "car", "ship", "vessel", "boat",
    "truck", "aircraft", "plane", "seat", "party",
];

/// "-member team" at `k`, after a number: the group counted ("team") and the index
/// after the span ("seven-member"); the group's noun stays out of the span, as the
/// counted noun of any count does.
fn hyphenated(t: &Tokens<'_>, k: usize) -> Option<(String, usize)> {
    if !(t.is_dash(k) && t.glued(k) && t.glued(k + 1) && t.is_any(k + 1, &GROUP_WORDS)) {
        return None;
    }
    let head = k + 2;
    (t.kind(head) == Some(Kind::Word) && !t.glued(head) && !NOT_COUNTED.contains(&t.low(head)))
        .then(|| (t.raw(head).to_string(), k + 2))
}

/// A number at `j` that is a count: digits not part of a date, time, phone number,
/// version or name, or number words. Returns the value and the index after it.
fn count(t: &Tokens<'_>, j: usize, detached: bool) -> Option<(f64, usize)> {
    let Some(num) = t.num(j) else {
        if t.is_any(j, &["a", "an"]) && t.lex(j + 1) != Some(Lex::Dozen) {
            return None;
        }
        return scaled(t, j);
    };
    let prev = j.checked_sub(1);
    // Glued to a word or number before it ("A380", "F-16", "COVID-19", "3.2.1").
    if t.glued(j)
        && let Some(p) = prev
    {
        match t.kind(p) {
            Some(Kind::Word | Kind::Num) => return None,
            Some(Kind::Punct) if !(matches!(t.punct(p), Some('(' | '"' | '“' | '[')) || detached && t.is_dash(p)) => {
                return None;
            }
            _ => {}
        }
    }
    if prev.is_some_and(|p| t.is_any(p, &["no", "number", "version", "v", "page", "pp", "p", "route", "flight"])) {
        return None;
    }
    let next = j + 1;
    if t.glued(next) {
        match t.kind(next) {
            // "3.2.1", "10:30", "555-1234", "3/4", "21st".
            Some(Kind::Punct)
                if matches!(t.punct(next), Some('.' | ':' | '/')) && t.kind(next + 1) == Some(Kind::Num) =>
            {
                return None;
            }
            Some(Kind::Punct) if t.is_dash(next) && t.kind(next + 1) == Some(Kind::Num) && num.int_digits >= 3 => {
                return None;
            }
            Some(Kind::Word) if !matches!(t.low(next), "bn" | "b" | "mn" | "m" | "mln" | "tn" | "k") => return None,
            _ => {}
        }
    }
    // Times ("10 a.m.", "9 pm") and numbers inside parentheses of phone numbers.
    if t.is_any(next, &["am", "pm", "a", "p"]) && (t.is_punct(next + 1, '.') || t.is_any(next, &["am", "pm"])) {
        return None;
    }
    // "2-1", "3-4": a score or a range, not one count.
    if t.is_dash(next) && t.glued(next) && t.glued(next + 1) && t.kind(next + 1) == Some(Kind::Num) {
        return None;
    }
    if num.int_digits > 15 || (!detached && phone_like(t, j)) {
        return None;
    }
    scaled(t, j)
}

/// True when the number at `j` is one group of a phone number: three or more digit
/// groups in a row with only spaces, dashes, dots or brackets between them, or a group
/// after a "+".
fn phone_like(t: &Tokens<'_>, j: usize) -> bool {
    let joiner = |i: usize| matches!(t.punct(i), Some('-' | '.' | '(' | ')' | '+'));
    let mut groups = 1;
    let mut i = j;
    // Bounded, so that a long run of numbers stays linear to scan.
    while i > 0 && j - i < 8 && (t.kind(i - 1) == Some(Kind::Num) || joiner(i - 1)) {
        i -= 1;
        if t.is_punct(i, '+') {
            return true;
        }
        groups += usize::from(t.kind(i) == Some(Kind::Num));
    }
    let mut k = j + 1;
    while k - j < 8 && (t.kind(k) == Some(Kind::Num) || (joiner(k) && t.kind(k + 1) == Some(Kind::Num))) {
        groups += usize::from(t.kind(k) == Some(Kind::Num));
        k += 1;
    }
    groups >= 3
}

/// Words that never are the thing counted.
const NOT_COUNTED: [&str; 40] = [
    "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "for", "by", "with", "from", "is", "are", "was",
    "were", "has", "have", "had", "will", "would", "that", "which", "who", "per", "times", "than", "as", "more",
    "less", "other", "such", "each", "it", "they", "he", "she", "we",
];

/// Nouns counted without a plural "s".
const PLURALS: [&str; 16] = [
    "people",
    "men",
    "women",
    "children",
    "police",
    "personnel",
    "staff",
    "cattle",
    "sheep",
    "fish",
    "dead",
    "killed",
    "injured",
    "wounded",
    "missing",
    "homeless",
];

/// The noun a number counts, from the words after it: the first plural within a
/// few words ("three intercontinental ballistic missiles"), else, for one, the word
/// right after it ("1 person"); through "of" ("three of the missiles").
fn counted_after(t: &Tokens<'_>, k: usize, one: bool) -> Option<String> {
    let mut k = k;
    if t.is(k, "of") {
        k += 1;
        if t.is_any(k, &["the", "its", "their", "his", "her", "our", "these", "those", "them"]) {
            k += 1;
        }
        // "52 of the 101 seats": the part counts what the whole counts.
        if t.kind(k) == Some(Kind::Num)
            && let Some((_, after)) = scaled(t, k)
        {
            k = after;
        }
    }
    let first = k;
    let mut i = k;
    while i < first + 4 {
        match t.kind(i) {
            Some(Kind::Word) => {}
            // "U.S." between the number and its noun.
            Some(Kind::Punct) if t.is_punct(i, '.') && t.raw(i.saturating_sub(1)).len() == 1 => {
                i += 1;
                continue;
            }
            Some(Kind::Punct) if t.is_dash(i) && t.glued(i) => {
                i += 1;
                continue;
            }
            _ => break,
        }
        let w = t.low(i);
        if NOT_COUNTED.contains(&w) || t.lex(i).is_some_and(|l| matches!(l, Lex::Unit(..) | Lex::Month(_))) {
            break;
        }
        let raw = t.raw(i);
        if PLURALS.contains(&w) || (raw.ends_with('s') && counts_next(t, i)) {
            return Some(raw.to_string());
        }
        i += 1;
    }
    match t.kind(first) {
        Some(Kind::Word)
            if one
                && !NOT_COUNTED.contains(&t.low(first))
                && t.lex(first).is_none()
                && t.raw(first).chars().all(|c| c.is_lowercase()) =>
        {
            Some(t.raw(first).to_string())
        }
        _ => None,
    }
}

/// Verbs that link a count to a noun written before it ("the toll stood at 1,150",
/// "deaths rose to 85"), with whether the verb says "more than" ("passed 300").
const LINKS: [(&str, bool); 34] = [
    ("stood", false),
    ("stands", false),
    ("stand", false),
    ("rose", false),
    ("risen", false),
    ("rises", false),
    ("rise", false),
    ("climbed", false),
    ("climbs", false),
    ("jumped", false),
    ("jumps", false),
    ("increased", false),
    ("grew", false),
    ("reached", false),
    ("reaches", false),
    ("hit", false),
    ("hits", false),
    ("totalled", false),
    ("totaled", false),
    ("totals", false),
    ("numbered", false),
    ("was", false),
    ("is", false),
    ("were", false),
    ("are", false),
    ("been", false),
    ("passed", true),
    ("passes", true),
    ("topped", true),
    ("tops", true),
    ("exceeded", true),
    ("exceeds", true),
    ("surpassed", true),
    ("surpasses", true),
];

/// Words that head a count written before its number: "the death toll", "the number
/// of people killed", "the tally".
const COUNT_HEADS: [&str; 5] = ["toll", "number", "tally", "count", "total"];

/// Participles and adjectives that name who is counted ("killed 120", "deaths", "the
/// dead"), read before a number when nothing after it is counted.
const CASUALTIES: [&str; 12] = [
    "killed",
    "dead",
    "deaths",
    "injured",
    "wounded",
    "missing",
    "casualties",
    "fatalities",
    "victims",
    "evacuated",
    "displaced",
    "arrested",
];

/// The noun a number counts when it is written before it: a clause whose subject is
/// a count ("the death toll stood at 1,150" counts "death toll", "the number of people
/// killed in the quake rose to 310" counts "people killed", "deaths reached 85"
/// counts "deaths"), or a casualty verb right before it ("killed 120"). `i` is where
/// the number (with its modifier) starts; the flag tells a verb that says "more
/// than". Looks back a bounded number of tokens, within the clause.
fn counted_before(t: &Tokens<'_>, i: usize) -> Option<(String, bool)> {
    let mut b = i.checked_sub(1)?;
    // "killed 120", "injured at least 40": a casualty verb.
    if t.kind(b) == Some(Kind::Word) && CASUALTIES.contains(&t.low(b)) && t.low(b).ends_with("ed") {
        return Some((t.raw(b).to_string(), false));
    }
    // The linking verb, with "at"/"to" after it and "has", "had", "now" before it.
    if t.is_any(b, &["at", "to"]) {
        b = b.checked_sub(1)?;
    }
    let (_, passed) = LINKS.iter().find(|(w, _)| t.is(b, w))?;
    while b > 0 && t.is_any(b - 1, &["has", "had", "have", "now", "already", "later", "then", "been"]) {
        b -= 1;
    }
    let end = b;
    // The subject's head: the nearest count word within the clause, else a casualty
    // noun right before the verb.
    let mut h = end;
    while h > 0 && end - h < 16 {
        h -= 1;
        // Words, and the apostrophe of "Monday's earthquake".
        if t.kind(h) != Some(Kind::Word) && !t.punct(h).is_some_and(is_apostrophe) {
            break;
        }
        let w = t.low(h);
        // "death toll", "casualty count", "vote tally": the word before names what is
        // counted; a toll alone is still a count of the dead.
        let noun_before = h > 0 && t.kind(h - 1) == Some(Kind::Word) && !NOT_COUNTED.contains(&t.low(h - 1));
        if w == "toll" || (matches!(w, "count" | "tally") && noun_before && !t.is(h + 1, "of")) {
            let from = if noun_before { h - 1 } else { h };
            return t.span(from, h + 1).and_then(|(s, e)| t.text.get(s..e)).map(|s| (s.to_string(), *passed));
        }
        if COUNT_HEADS.contains(&w) && t.is(h + 1, "of") {
            return phrase_after(t, h + 2, end).map(|s| (s, *passed));
        }
    }
    let w = end.checked_sub(1)?;
    (t.kind(w) == Some(Kind::Word) && (CASUALTIES.contains(&t.low(w)) || PLURALS.contains(&t.low(w))))
        .then(|| (t.raw(w).to_string(), *passed))
}

/// Up to two words from `k` (before `end`) that say what a "number of" counts:
/// "people killed", "confirmed cases"; stops at a preposition or a determiner.
fn phrase_after(t: &Tokens<'_>, k: usize, end: usize) -> Option<String> {
    let mut to = k;
    while to < end && to - k < 2 && t.kind(to) == Some(Kind::Word) && !NOT_COUNTED.contains(&t.low(to)) {
        to += 1;
    }
    if to == k {
        return None;
    }
    t.span(k, to).and_then(|(s, e)| t.text.get(s..e)).map(str::to_string)
}

/// The word at `w` if it can name who is aged: a name or a plural ("children"), not
/// a verb ("died aged 64").
fn person(t: &Tokens<'_>, w: usize) -> Option<String> {
    let ok = t.kind(w) == Some(Kind::Word)
        && (t.capitalized(w) || PLURALS.contains(&t.low(w)) || counts_next(t, w))
        && !t.low(w).ends_with("ed");
    ok.then(|| t.raw(w).to_string())
}

/// Ages: "a 25-year-old coach", "25 years old", "aged 11 to 16", "Smith, 54,".
fn age(t: &Tokens<'_>, i: usize, j: usize, modifier: Option<Modifier>) -> Option<Found> {
    let (n, k) = match t.num(j) {
        Some(n) if !n.decimal && !n.grouped => (n.value, j + 1),
        Some(_) => return None,
        None => words::number_words(t, j)?,
    };
    if !(0.0..=130.0).contains(&n) {
        return None;
    }
    let age = |to: usize, modifier: Option<Modifier>, counted: Option<String>| {
        let mut f = Found::new(ClaimKind::Number, i, to, Value::Number(n));
        f.modifier = modifier;
        f.unit = Some("years".into());
        f.counted = counted;
        f
    };
    // "25-year-old coach".
    if t.is_dash(k)
        && t.glued(k)
        && matches!(t.lex(k + 1), Some(Lex::Unit(Unit::Year, _)))
        && t.is_dash(k + 2)
        && t.is_any(k + 3, &["old", "olds"])
    {
        let counted = match t.kind(k + 4) {
            Some(Kind::Word) if !NOT_COUNTED.contains(&t.low(k + 4)) => Some(t.raw(k + 4).to_string()),
            _ => None,
        };
        return Some(age(k + 4, modifier, counted));
    }
    // "25 years old".
    if matches!(t.lex(k), Some(Lex::Unit(Unit::Year, _))) && t.is(k + 1, "old") {
        return Some(age(k + 2, modifier, None));
    }
    if t.kind(j) != Some(Kind::Num) {
        return None;
    }
    // "children aged 11 to 16": one claim of the range, `11/16`.
    let before = j.checked_sub(1);
    if before.is_some_and(|b| t.is(b, "aged")) {
        let who = j.checked_sub(2).and_then(|w| person(t, w));
        if (t.is_any(k, &["to", "and"]) || t.is_dash(k))
            && let Some(hi) = t.num(k + 1).filter(|hi| !hi.decimal && !hi.grouped && hi.value > n && hi.value <= 130.0)
        {
            let mut found = age(k + 2, modifier, who);
            found.value = Value::Between { lo: Box::new(Value::Number(n)), hi: Box::new(Value::Number(hi.value)) };
            return Some(found);
        }
        return Some(age(k, modifier, who));
    }
    // "Smith, 54, said": a capitalized name, a comma, the age, a comma or the end.
    if j == i
        && let Some(b) = before
        && t.is_punct(b, ',')
        && b >= 1
        && t.capitalized(b - 1)
        && t.lex(b - 1).is_none()
        && (t.is_punct(k, ',') || t.kind(k).is_none() || t.is_punct(k, '.') && t.kind(k + 1).is_none())
        && t.num(j).is_some_and(|n| n.int_digits <= 3 && (1.0..=120.0).contains(&n.value))
    {
        // The whole name: "Kim Jong Un, 34," counts "Kim Jong Un".
        let mut first = b - 1;
        // A capitalized article starts the sentence, not the name: "The Prime Minister, 47,"
        // counts "Prime Minister".
        while first > 0
            && b - first < 4
            && t.capitalized(first - 1)
            && !t.glued(first)
            && !t.is_any(first - 1, &["the", "a", "an", "this", "that", "our", "their", "his", "her", "its"])
        {
            first -= 1;
        }
        let name = t.span(first, b).and_then(|(s, e)| t.text.get(s..e)).map(str::to_string);
        return Some(age(k, None, name));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{Context, extract};
    use crate::value::{ClaimKind, Modifier, Value};

    type Row = (String, f64, Option<String>, Option<String>, Option<Modifier>);

    fn numbers(text: &str) -> Vec<Row> {
        extract(text, &Context::default())
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Number)
            .filter_map(|c| match c.value {
                Value::Number(n) => Some((c.text, n, c.counted, c.unit, c.modifier)),
                _ => None,
            })
            .collect()
    }

    fn row(span: &str, n: f64, counted: Option<&str>, unit: Option<&str>, m: Option<Modifier>) -> Row {
        (span.into(), n, counted.map(Into::into), unit.map(Into::into), m)
    }

    #[test]
    fn table() {
        let years = Some("years");
        let cases: Vec<(&str, Vec<Row>)> = vec![
            ("The US keeps 28,000 US soldiers there.", vec![row("28,000", 28000.0, Some("soldiers"), None, None)]),
            ("It conducted three ICBMs tests.", vec![row("three", 3.0, Some("ICBMs"), None, None)]),
            (
                "It tested three intercontinental ballistic missiles.",
                vec![row("three", 3.0, Some("missiles"), None, None)],
            ),
            (
                "About 1.5 million people fled.",
                vec![row("About 1.5 million", 1.5e6, Some("people"), None, Some(Modifier::Approx))],
            ),
            (
                "Some twenty-one students came.",
                vec![row("Some twenty-one", 21.0, Some("students"), None, Some(Modifier::Approx))],
            ),
            ("A dozen eggs.", vec![row("A dozen", 12.0, Some("eggs"), None, None)]),
            // Counts as editors write them.
            ("Two dozen boats sank.", vec![row("Two dozen", 24.0, Some("boats"), None, None)]),
            (
                "More than two dozen aftershocks followed.",
                vec![row("More than two dozen", 24.0, Some("aftershocks"), None, Some(Modifier::MoreThan))],
            ),
            ("A seven-member team came.", vec![row("seven-member", 7.0, Some("team"), None, None)]),
            ("A five-person crew was aboard.", vec![row("five-person", 5.0, Some("crew"), None, None)]),
            ("A 12-strong panel met.", vec![row("12-strong", 12.0, Some("panel"), None, None)]),
            (
                "More than 200 people died.",
                vec![row("More than 200", 200.0, Some("people"), None, Some(Modifier::MoreThan))],
            ),
            ("At least 3 dead.", vec![row("At least 3", 3.0, Some("dead"), None, Some(Modifier::AtLeast))]),
            ("Up to 40 boats.", vec![row("Up to 40", 40.0, Some("boats"), None, Some(Modifier::AtMost))]),
            ("Nearly 90 homes burned.", vec![row("Nearly 90", 90.0, Some("homes"), None, Some(Modifier::Approx))]),
            ("A 25-year-old coach was hurt.", vec![row("25-year-old", 25.0, Some("coach"), years, None)]),
            (
                "Children aged 11 to 16 took part.",
                // One range claim (see `ages_in_a_range_are_one_claim`), no bare number.
                vec![],
            ),
            ("Smith, 54, said so.", vec![row("54", 54.0, Some("Smith"), years, None)]),
            ("Kim Jong Un, 34, came.", vec![row("34", 34.0, Some("Kim Jong Un"), years, None)]),
            ("The Prime Minister, 47, came.", vec![row("47", 47.0, Some("Prime Minister"), years, None)]),
            ("Smith, 26, said so.", vec![row("26", 26.0, Some("Smith"), years, None)]),
            ("A Coach, 26, was hired.", vec![row("26", 26.0, Some("Coach"), years, None)]),
            (
                "He met Smith, 26, and his Wife, 25.",
                vec![row("26", 26.0, Some("Smith"), years, None), row("25", 25.0, Some("Wife"), years, None)],
            ),
            ("He is 30 years old.", vec![row("30 years old", 30.0, None, years, None)]),
            ("He died aged 64.", vec![row("64", 64.0, None, years, None)]),
            ("Two 30-year-olds were hurt.", vec![row("30-year-olds", 30.0, None, years, None)]),
            // The noun before the number.
            ("The death toll stood at 1,150.", vec![row("1,150", 1150.0, Some("death toll"), None, None)]),
            (
                "The number of people killed in the flood rose to 310.",
                vec![row("310", 310.0, Some("people killed"), None, None)],
            ),
            (
                "The number of confirmed cases has climbed to 42.",
                vec![row("42", 42.0, Some("confirmed cases"), None, None)],
            ),
            (
                "The storm killed at least 12.",
                vec![row("at least 12", 12.0, Some("killed"), None, Some(Modifier::AtLeast))],
            ),
            (
                "Officials said at least 40 were killed.",
                vec![row("at least 40", 40.0, Some("killed"), None, Some(Modifier::AtLeast))],
            ),
            ("He said 12 had been injured.", vec![row("12", 12.0, Some("injured"), None, None)]),
            ("Deaths reached 85 on Monday.", vec![row("85", 85.0, Some("Deaths"), None, None)]),
            (
                "The casualty count passed 2,000.",
                vec![row("2,000", 2000.0, Some("casualty count"), None, Some(Modifier::MoreThan))],
            ),
            ("The total rose to 12.", vec![row("12", 12.0, None, None, None)]),
            ("The toll passed 300.", vec![row("300", 300.0, Some("toll"), None, Some(Modifier::MoreThan))]),
            ("The version is 4.2 now.", vec![]),
            // A part counts what its whole counts.
            (
                "They won 52 of the 101 seats.",
                vec![row("52", 52.0, Some("seats"), None, None), row("101", 101.0, Some("seats"), None, None)],
            ),
            (
                "Only 3 of 20 million voters came.",
                vec![row("3", 3.0, Some("voters"), None, None), row("20 million", 2e7, Some("voters"), None, None)],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(numbers(text), want, "{text}");
        }
    }

    #[test]
    fn not_counts() {
        for text in [
            "It began in 2011.",
            "Call 555-1234 now.",
            "Call +1 212 555 1234 now.",
            "Call (212) 555-1234 now.",
            "They won 2-1 at home.",
            "Version 3.10.2 shipped.",
            "It ended on March 28, 2018.",
            "He came at 10:30.",
            "He came at 10 a.m.",
            "The A380 landed.",
            "It was his 21st birthday.",
            "One of them left.",
            "iOS 11.2 shipped.",
            "Hundreds of people came.",
            "Dozens of people came.",
            "Dozens were hurt.",
        ] {
            assert_eq!(numbers(text), vec![], "{text}");
        }
    }

    #[test]
    fn ages_in_a_range_are_one_claim() {
        // (sentence, span, value, who)
        for (text, span, value, who) in [
            ("Children aged 11 to 16 took part.", "11 to 16", "11/16", Some("Children")),
            ("Recruits aged 19 to 24 signed up.", "19 to 24", "19/24", Some("Recruits")),
            ("Those aged 18-30 voted.", "18-30", "18/30", Some("Those")),
        ] {
            let claims = extract(text, &Context::default());
            assert_eq!(claims.len(), 1, "{text}: {claims:?}");
            let c = &claims[0];
            assert_eq!(
                (c.text.as_str(), c.value.to_string(), c.unit.as_deref(), c.counted.as_deref()),
                (span, value.to_string(), Some("years"), who),
                "{text}"
            );
            assert!(matches!(c.value, Value::Between { .. }), "{text}");
        }
        // Not a range: the second number is lower, or no age.
        let claims = extract("Children aged 16 to 11 came.", &Context::default());
        assert_eq!(claims[0].value, Value::Number(16.0));
    }
}
