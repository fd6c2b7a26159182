//! The tense an expression is read in, from the verbs around it ("will arrive on
//! Monday", "met on Monday"), and whether it is a deadline ("until Thursday"): what
//! decides which Monday, or which May, a sentence means.

use super::lexer::{Kind, Tokens};

/// The tense an expression is read in, from the verbs around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Reported as having happened.
    Past,
    /// Announced.
    Future,
    /// No verb says.
    Unknown,
}

/// Words that announce what is to come. "plans", "expected", "set" and "going" only
/// count before "to" ("plans to visit"): alone they are nouns or past participles.
const FUTURE: [&str; 12] = [
    "will",
    "shall",
    "ll",
    "scheduled",
    "slated",
    "upcoming",
    "intends",
    "tomorrow",
    "next",
    "planning",
    "planned",
    "expects",
];

/// Modals that announce what may come ("could run dry Friday"), but only close to the
/// expression: "could have", "could not be located" and reported speech ("said ... would
/// leave", "hoped she would") speak of the past.
const MODAL: [&str; 3] = ["could", "would", "might"];

/// How close before the expression a modal must stand, in tokens.
const MODAL_REACH: usize = 4;

/// Words that, before a modal, make it speak of the past or of what was reported.
const MODAL_PAST: [&str; 12] =
    ["not", "never", "neither", "nor", "said", "told", "says", "hoped", "announced", "reported", "added", "stated"];

/// Whether the modal at `i` announces the expression at `from` as still to come.
fn modal_future(t: &Tokens<'_>, i: usize, from: usize) -> bool {
    if !t.is_any(i, &MODAL) || t.is_any(i + 1, &["have", "not", "n't"]) {
        return false;
    }
    (i.saturating_sub(REACH)..i).all(|k| !t.is_any(k, &MODAL_PAST)) && (i < from || from <= 1)
}

/// Future markers that need a "to" after them.
const FUTURE_TO: [&str; 5] = ["plans", "plan", "expected", "set", "going"];

/// Past-tense verbs that do not end in "-ed", and words that place a report in the
/// past; reporting verbs ("said", "told") are left out, since they say when something
/// was reported, not when it happens.
const PAST: [&str; 83] = [
    "was",
    "were",
    "had",
    "did",
    "met",
    "went",
    "came",
    "left",
    "began",
    "begun",
    "took",
    "made",
    "held",
    "saw",
    "gave",
    "spoke",
    "flew",
    "fell",
    "rose",
    "won",
    "lost",
    "sent",
    "got",
    "became",
    "ran",
    "led",
    "struck",
    "ago",
    "yesterday",
    "last",
    "been",
    "hit",
    "bought",
    "sold",
    "paid",
    "thought",
    "brought",
    "caught",
    "taught",
    "fought",
    "sought",
    "built",
    "spent",
    "lent",
    "meant",
    "felt",
    "kept",
    "slept",
    "found",
    "stood",
    "understood",
    "shook",
    "wrote",
    "rode",
    "drove",
    "broke",
    "chose",
    "froze",
    "stole",
    "woke",
    "wore",
    "tore",
    "knew",
    "grew",
    "threw",
    "drew",
    "blew",
    "ate",
    "cut",
    "quit",
    "shut",
    "stuck",
    "hung",
    "sang",
    "rang",
    "drank",
    "sank",
    "fled",
    "sat",
    "laid",
    "heard",
    "forgot",
    "dealt",
];

/// How far a tense marker may stand from the expression, in tokens.
const REACH: usize = 12;

/// Present-tense verbs: the expression is read as the nearest such day or month.
const PRESENT: [&str; 4] = ["is", "are", "am", "underway"];

fn marker(t: &Tokens<'_>, i: usize) -> Option<Tense> {
    if t.kind(i) != Some(Kind::Word) {
        return None;
    }
    let w = t.low(i);
    if PRESENT.contains(&w) {
        // "is to resume trading Tuesday", "is due Friday", "is set for Tuesday", "is
        // expected to land Friday": what is announced lies ahead.
        if t.is(i + 1, "to") || t.is(i + 1, "due") || (t.is(i + 1, "set") && t.is(i + 2, "for")) {
            return Some(Tense::Future);
        }
        if t.is_any(i + 1, &["expected", "scheduled", "slated", "planned"]) {
            return Some(Tense::Future);
        }
        return Some(Tense::Unknown);
    }
    // "due Friday", "set for Tuesday" without "is"; "due to" is a cause ("closed due to
    // flooding") unless a verb follows, which the words after it decide.
    if (w == "due" && !t.is(i + 1, "to")) || (w == "set" && t.is(i + 1, "for")) {
        return Some(Tense::Future);
    }
    // "next to the embassy" is a place.
    if w == "next" && t.is(i + 1, "to") {
        return None;
    }
    if FUTURE.contains(&w) || (FUTURE_TO.contains(&w) && t.is(i + 1, "to")) {
        return Some(Tense::Future);
    }
    if FUTURE_TO.contains(&w) {
        return None;
    }
    if w == "said" || w == "told" {
        return None;
    }
    // "to be published", "is heard": a participle after "be" or a present tense takes
    // its tense from the words before it.
    if (w.ends_with("ed") || PAST.contains(&w)) && i > 0 && t.is_any(i - 1, &["be", "being", "is", "are"]) {
        return None;
    }
    // "to be held in May", "would be paid in January": still to come.
    if w == "be" && i > 0 && t.is_any(i - 1, &["to", "would"]) {
        return Some(Tense::Future);
    }
    // A capitalized word inside the sentence is a name ("United States", "Mohamed").
    let name = i > 0 && t.capitalized(i);
    if PAST.contains(&w) || (!name && w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed") && !adjective(t, i)) {
        return Some(Tense::Past);
    }
    None
}

/// Whether the participle at `i` follows an article, perhaps with an adverb between
/// ("a still unspecified date", "the newly elected mayor"): an adjective, no verb.
fn adjective(t: &Tokens<'_>, i: usize) -> bool {
    let Some(mut k) = i.checked_sub(1) else { return false };
    if (t.low(k).ends_with("ly") || t.is_any(k, &["still", "yet", "not"])) && k > 0 {
        k -= 1;
    }
    t.is_any(k, &["a", "an", "the"])
}

/// The tense of the expression spanning tokens `from..to`: the nearest tense marker
/// before it in the sentence, else the nearest after it.
pub fn tense(t: &Tokens<'_>, from: usize, to: usize) -> Tense {
    // "said Monday that...", "Monday said": the day of the report, which is past.
    let reported = ["said", "told", "announced", "reported", "says"];
    if (from > 0 && t.is_any(from - 1, &reported)) || t.is_any(to, &reported) {
        return Tense::Past;
    }
    // "as soon as Tuesday", "as early as Tuesday".
    if from >= 3 && t.is(from - 3, "as") && t.is_any(from - 2, &["soon", "early"]) && t.is(from - 1, "as") {
        return Tense::Future;
    }
    for i in (from.saturating_sub(REACH)..from).rev() {
        if from - i <= MODAL_REACH && modal_future(t, i, from) {
            return Tense::Future;
        }
        if let Some(tense) = marker(t, i) {
            return tense;
        }
    }
    for i in to..t.len().min(to + REACH) {
        // "On Friday, the reservoir could run dry": a modal after the expression counts
        // only when the expression opens the sentence.
        if modal_future(t, i, from) {
            return Tense::Future;
        }
        if let Some(tense) = marker(t, i) {
            return tense;
        }
    }
    Tense::Unknown
}

/// Whether the expression starting at `from` is a deadline or an effective date: "by",
/// "until", "till" or "effective" right before it ("by May", "until mid-November",
/// "effective Feb. 1"; "until 9 a.m. EST Tuesday" when `from` is the time's start).
/// Such a date lies ahead of the report, or just behind it, whatever the tense of the
/// verb ("gave them until mid-November").
pub fn deadline(t: &Tokens<'_>, from: usize) -> bool {
    let mut k = from;
    while k > 0 && (t.is_dash(k - 1) || t.is_any(k - 1, &["early", "mid", "late"])) {
        k -= 1;
    }
    k > 0 && t.is_any(k - 1, &["by", "until", "till", "effective"])
}

#[cfg(test)]
mod tests {
    use jiff::civil::Date;

    use crate::extract::{Context, extract};
    use crate::value::Value;

    /// Weekdays and parts of a day resolve forward after "will", "could", "would", "is
    /// expected to", "is due", "is set for", "until", "by", and back after a past tense
    /// or "last", whether the weekday stands before or after the verb. Published on
    /// Monday, May 13, 2024.
    #[test]
    fn weekdays_resolve_by_tense_before_and_after_the_verb() {
        let published = Some(Date::constant(2024, 5, 13));
        let cases: &[(&str, &str, &str)] = &[
            ("The reservoir could run dry Friday evening.", "Friday evening", "2024-05-17TEV"),
            ("On Friday, the reservoir could run dry.", "Friday", "2024-05-17"),
            ("The road was closed Friday.", "Friday", "2024-05-10"),
            ("On Friday the road was closed.", "Friday", "2024-05-10"),
            ("The verdict is due Thursday.", "Thursday", "2024-05-16"),
            ("The vote is set for Tuesday.", "Tuesday", "2024-05-14"),
            ("The ship is expected to dock on Wednesday.", "Wednesday", "2024-05-15"),
            ("On Wednesday the ship is expected to dock.", "Wednesday", "2024-05-15"),
            ("Repairs would finish Thursday morning.", "Thursday morning", "2024-05-16TMO"),
            ("The road stays shut until Friday.", "Friday", "2024-05-17"),
            ("Forms must arrive by Friday.", "Friday", "2024-05-17"),
            ("The dam held last Friday.", "last Friday", "2024-05-10"),
            ("The road was shut due to flooding on Friday.", "Friday", "2024-05-10"),
            // Modals that speak of the past or of what was reported stay in the past.
            ("Neither of them could be found Wednesday.", "Wednesday", "2024-05-08"),
            ("He said on Tuesday that the town would rebuild.", "Tuesday", "2024-05-07"),
            ("It said two ferries would leave on Monday.", "Monday", "2024-05-13"),
            ("But on Friday, crews wondered how the dam could have held.", "Friday", "2024-05-10"),
        ];
        for (text, span, value) in cases {
            let got: Vec<(String, String)> = extract(text, &Context { published })
                .into_iter()
                .filter(|c| matches!(c.value, Value::Date(_)))
                .map(|c| (c.text, c.value.to_string()))
                .collect();
            assert_eq!(got, [(span.to_string(), value.to_string())], "{text}");
        }
    }
}
