//! The word lists the segmenter consults at a candidate boundary: abbreviations and how
//! their full stop behaves, the words that open sentences, the prepositions that open
//! introductory phrases, and the words a line cannot end a sentence with.
//!
//! Every lookup is one `match` on a short lower-cased ASCII word, so a boundary costs a
//! few comparisons whatever the size of the lists.

use crate::text::lower_ascii_into;

/// How the full stop after an abbreviation behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abbreviation {
    /// Stands before a name ("Mr.", "Gen.", "Rev."): never ends a sentence.
    Title,
    /// Stands before a number ("No. 5", "p. 55", "Fig. 3"); before anything else it is
    /// an ordinary word ("He said no.").
    Number,
    /// May end a sentence ("Co.", "Jr.", "U.S.", "a.m.", an initial): it does when the
    /// next word is one that opens sentences ("It", "The", "Mr.").
    Ambiguous,
    /// Never ends one ("e.g.", "i.e.", "vs.").
    Inline,
    /// A state ("Calif.", "N.Y."): ambiguous, but after "City," (AP style) the sentence
    /// would go on with a comma, so a capital after it starts a new one.
    Place,
    /// "a.m." or "p.m.": ends a sentence before a capital unless a day, a month or a
    /// time zone follows ("9 a.m. Monday", "5 p.m. EST", "9 a.m. Tokyo time").
    Time,
}

/// The abbreviation `word` is (without its final full stop), if it is one. A single
/// capital letter is an initial; letters joined by full stops ("U.S", "a.m", "Ph.D")
/// are an abbreviation whether or not they are listed.
pub fn abbreviation(word: &str) -> Option<Abbreviation> {
    if matches!(word, "N°" | "n°" | "Nº" | "nº") {
        return Some(Abbreviation::Number);
    }
    let mut buffer = [0u8; 16];
    let lower = lower_ascii_into(word, &mut buffer)?;
    if let [letter] = lower {
        return match (letter, word.as_bytes()[0].is_ascii_uppercase()) {
            (_, true) => Some(Abbreviation::Ambiguous),
            (b'p', false) => Some(Abbreviation::Number),
            _ => None,
        };
    }
    let kind = match lower {
        b"mr" | b"mrs" | b"ms" | b"messrs" | b"mssrs" | b"mmes" | b"mme" | b"mlle" | b"dr" | b"drs" | b"prof"
        | b"profs" | b"gen" | b"gens" | b"sen" | b"sens" | b"rep" | b"reps" | b"gov" | b"govs" | b"lt" | b"col"
        | b"maj" | b"capt" | b"cmdr" | b"comdr" | b"adm" | b"brig" | b"sgt" | b"cpl" | b"pvt" | b"pfc" | b"spc"
        | b"rev" | b"hon" | b"pres" | b"supt" | b"insp" | b"det" | b"atty" | b"amb" | b"fr" | b"msgr" | b"rt"
        | b"sec" | b"asst" | b"assoc" => Abbreviation::Title,
        b"no" | b"nos" | b"nr" | b"pp" | b"fig" | b"figs" | b"vol" | b"vols" | b"art" | b"arts" | b"ch" | b"chap"
        | b"secs" | b"para" | b"op" | b"ex" | b"eq" | b"eqs" | b"ref" | b"refs" | b"tel" | b"ext" | b"approx"
        | b"ca" | b"est" => Abbreviation::Number,
        b"co" | b"corp" | b"inc" | b"ltd" | b"bros" | b"assn" | b"dept" | b"univ" | b"govt" | b"intl" | b"natl"
        | b"jr" | b"sr" | b"esq" | b"al" | b"st" | b"mt" | b"ft" | b"pt" | b"pts" | b"ave" | b"blvd" | b"rd"
        | b"hwy" | b"pkwy" | b"sq" | b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep"
        | b"sept" | b"oct" | b"nov" | b"dec" | b"tues" | b"thurs" | b"cie" => Abbreviation::Ambiguous,
        b"ala" | b"ariz" | b"ark" | b"calif" | b"colo" | b"conn" | b"fla" | b"ga" | b"kan" | b"kans" | b"ky"
        | b"md" | b"mich" | b"minn" | b"mont" | b"neb" | b"nev" | b"okla" | b"tenn" | b"tex" | b"va" | b"vt"
        | b"wis" | b"wyo" | b"n.y" | b"n.j" | b"n.c" | b"s.c" | b"n.h" | b"n.m" | b"n.d" | b"s.d" | b"r.i" | b"d.c"
        | b"w.va" => Abbreviation::Place,
        b"e.g" | b"i.e" | b"vs" | b"cf" | b"viz" => Abbreviation::Inline,
        b"a.m" | b"p.m" => Abbreviation::Time,
        _ if is_dotted(lower) => Abbreviation::Ambiguous,
        _ if is_vowelless(word) => Abbreviation::Ambiguous,
        _ => return None,
    };
    Some(kind)
}

/// True for a capitalized word of two to five letters without a vowel ("Sgnt", "Pvt",
/// "Bldg"): no English word a sentence ends with is written so, but an abbreviation
/// the lists miss, or one misspelt before a name ("Sgnt. Dana Reyes"), is. All capitals
/// ("NFL", "BBC") stay words that may end a sentence.
fn is_vowelless(word: &str) -> bool {
    let mut letters = word.chars();
    letters.next().is_some_and(|c| c.is_ascii_uppercase())
        && letters.clone().all(|c| c.is_ascii_lowercase() && !"aeiouy".contains(c))
        && (2..=5).contains(&word.len())
}

/// True for letters joined by full stops, one or two letters each: "u.s", "a.m", "ph.d".
fn is_dotted(lower: &[u8]) -> bool {
    lower.contains(&b'.')
        && lower
            .split(|&b| b == b'.')
            .all(|part| (1..=2).contains(&part.len()) && part.iter().all(u8::is_ascii_alphabetic))
}

/// True when `word` (as written, any case) commonly opens a sentence: pronouns,
/// determiners, conjunctions, auxiliaries and sentence adverbs. After an ambiguous
/// abbreviation only such a word shows that a new sentence has begun.
pub fn is_starter(word: &str) -> bool {
    let mut buffer = [0u8; 16];
    let Some(lower) = lower_ascii_into(word, &mut buffer) else { return false };
    matches!(
        lower,
        b"a" | b"an"
            | b"the"
            | b"this"
            | b"that"
            | b"these"
            | b"those"
            | b"there"
            | b"here"
            | b"it"
            | b"its"
            | b"he"
            | b"his"
            | b"she"
            | b"her"
            | b"we"
            | b"our"
            | b"they"
            | b"their"
            | b"you"
            | b"your"
            | b"i"
            | b"my"
            | b"one"
            | b"who"
            | b"what"
            | b"when"
            | b"where"
            | b"why"
            | b"how"
            | b"which"
            | b"whether"
            | b"while"
            | b"but"
            | b"and"
            | b"or"
            | b"so"
            | b"yet"
            | b"nor"
            | b"however"
            | b"meanwhile"
            | b"also"
            | b"then"
            | b"now"
            | b"thus"
            | b"still"
            | b"instead"
            | b"moreover"
            | b"furthermore"
            | b"nevertheless"
            | b"nonetheless"
            | b"indeed"
            | b"therefore"
            | b"later"
            | b"earlier"
            | b"finally"
            | b"today"
            | b"yesterday"
            | b"tomorrow"
            | b"in"
            | b"on"
            | b"at"
            | b"for"
            | b"from"
            | b"by"
            | b"with"
            | b"without"
            | b"after"
            | b"before"
            | b"during"
            | b"since"
            | b"until"
            | b"under"
            | b"as"
            | b"to"
            | b"despite"
            | b"although"
            | b"though"
            | b"because"
            | b"if"
            | b"unless"
            | b"once"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"do"
            | b"does"
            | b"did"
            | b"can"
            | b"could"
            | b"will"
            | b"would"
            | b"should"
            | b"may"
            | b"might"
            | b"must"
            | b"has"
            | b"have"
            | b"had"
            | b"being"
            | b"not"
            | b"no"
            | b"never"
            | b"only"
            | b"even"
            | b"some"
            | b"many"
            | b"most"
            | b"more"
            | b"all"
            | b"both"
            | b"each"
            | b"every"
            | b"several"
            | b"such"
            | b"another"
            | b"other"
            | b"according"
            | b"recently"
            | b"currently"
            | b"previously"
            | b"separately"
            | b"additionally"
            | b"similarly"
            | b"likewise"
            | b"eventually"
            | b"initially"
            | b"ultimately"
            | b"overall"
            | b"otherwise"
            | b"perhaps"
            | b"asked"
            | b"dozens"
            | b"hundreds"
            | b"thousands"
            | b"millions"
            | b"billions"
    )
}

/// True when `rest`, the text after "a.m." or "p.m.", goes on with the time: a day or
/// a month ("Monday", "Nov. 6"), a time zone in capitals ("EST", "GMT", "UTC", "MSK"),
/// or a zone or place named in up to three words and then "time" in any case ("Tokyo
/// time", "Eastern Time", "Central European Summer Time").
pub fn continues_time(rest: &str) -> bool {
    let mut words = rest.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty());
    let Some(word) = words.next() else { return false };
    let zone = (2..=4).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase()) && word.ends_with('T');
    zone || matches!(word, "UTC" | "MSK" | "WIB")
        || is_day_or_month(word)
        || words.take(3).any(|w| w.eq_ignore_ascii_case("time"))
}

/// True for the name of a day or a month, or its abbreviation, capitalised.
fn is_day_or_month(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "Mon"
            | "Tue"
            | "Tues"
            | "Wed"
            | "Thu"
            | "Thurs"
            | "Fri"
            | "Sat"
            | "Sun"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

/// True when `word` (any case) is a preposition that opens an introductory phrase
/// ("At 5 a.m.", "In the U.S."): such a phrase alone is not a sentence.
pub fn is_preposition(word: &str) -> bool {
    let mut buffer = [0u8; 16];
    let Some(lower) = lower_ascii_into(word, &mut buffer) else { return false };
    matches!(
        lower,
        b"at"
            | b"by"
            | b"in"
            | b"on"
            | b"around"
            | b"about"
            | b"after"
            | b"before"
            | b"until"
            | b"till"
            | b"from"
            | b"since"
            | b"during"
            | b"for"
            | b"near"
            | b"under"
            | b"over"
            | b"within"
            | b"through"
            | b"between"
            | b"to"
    )
}

/// True when a line ending with `word` (exactly as written) cannot end a sentence: a
/// lower-case article, preposition, conjunction, pronoun or auxiliary.
pub fn continues_line(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "by"
            | "with"
            | "as"
            | "that"
            | "which"
            | "who"
            | "whose"
            | "whom"
            | "than"
            | "into"
            | "onto"
            | "upon"
            | "about"
            | "over"
            | "under"
            | "between"
            | "among"
            | "through"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "not"
            | "very"
            | "said"
            | "says"
            | "if"
            | "when"
            | "while"
            | "because"
            | "although"
            | "though"
            | "whether"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_classified() {
        let rows: &[(&str, Option<Abbreviation>)] = &[
            ("Mr", Some(Abbreviation::Title)),
            ("GEN", Some(Abbreviation::Title)),
            ("No", Some(Abbreviation::Number)),
            ("p", Some(Abbreviation::Number)),
            ("N°", Some(Abbreviation::Number)),
            ("Co", Some(Abbreviation::Ambiguous)),
            ("U.S", Some(Abbreviation::Ambiguous)),
            ("N.Y", Some(Abbreviation::Place)),
            ("Calif", Some(Abbreviation::Place)),
            ("U.S.A", Some(Abbreviation::Ambiguous)),
            ("a.m", Some(Abbreviation::Time)),
            ("P.M", Some(Abbreviation::Time)),
            ("Ph.D", Some(Abbreviation::Ambiguous)),
            ("F", Some(Abbreviation::Ambiguous)),
            ("e.g", Some(Abbreviation::Inline)),
            ("x", None),
            ("Jane.Doe@example.com", None),
            ("100.00", None),
            ("Kim", None),
            ("Sgnt", Some(Abbreviation::Ambiguous)),
            ("Bldg", Some(Abbreviation::Ambiguous)),
            ("NFL", None),
            ("Rhys", None),
            ("Hmm", Some(Abbreviation::Ambiguous)),
            ("", None),
            ("é", None),
        ];
        for (word, kind) in rows {
            assert_eq!(abbreviation(word), *kind, "{word}");
        }
    }

    #[test]
    fn times_go_on_with_days_months_and_zones() {
        for rest in [
            "Monday, police said",
            "Nov. 6",
            "EST Friday",
            "ET",
            "UTC",
            "MSK",
            "Tokyo time",
            "Eastern Time",
            "Eastern Daylight Time (0900 GMT)",
            "Central European Summer Time",
        ] {
            assert!(continues_time(rest), "{rest}");
        }
        for rest in ["Mr. Smith left", "Police said", "NATO said", "The next day", "Police said it was time", ""] {
            assert!(!continues_time(rest), "{rest}");
        }
    }

    #[test]
    fn starters_prepositions_and_continuations() {
        assert!(is_starter("The") && is_starter("HOW") && !is_starter("Government") && !is_starter(""));
        assert!(is_preposition("At") && !is_preposition("He"));
        assert!(continues_line("the") && !continues_line("The") && !continues_line("Daily"));
    }
}
