//! What counts as the same text: the character classes that fold together (hyphens,
//! dashes, apostrophes, spaces), the foldings built on them, Unicode NFC, and HTML
//! character references.
//!
//! Every module that compares words asks here, so that the rule matcher, the name scan,
//! the lexer and the segmenter agree on what a name or a word is: "Kim Jong-un" and
//! "kim jong un", "People’s" and "People's" fold alike everywhere or nowhere. This
//! module knows nothing of the crate's other types; offsets it returns are byte
//! offsets into the text it was given.

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Hyphens that join the words of a name or a compound: ASCII, Unicode and
/// non-breaking. They fold to a space ("Kim Jong-un" is "Kim Jong un").
pub const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];

/// Dashes that set off a phrase or stand for "to" in a range ("25–28"): en and em.
/// Unlike hyphens they do not join the words of a name.
pub const DASHES: [char; 2] = ['\u{2013}', '\u{2014}'];

/// Apostrophes: straight, and the curly right and left single quotation marks that
/// typesetting puts in their place. They fold to the straight one.
pub const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '\u{2018}'];

/// True for a hyphen (see [`HYPHENS`]).
pub fn is_hyphen(c: char) -> bool {
    HYPHENS.contains(&c)
}

/// True for a dash (see [`DASHES`]).
pub fn is_dash(c: char) -> bool {
    DASHES.contains(&c)
}

/// True for an apostrophe (see [`APOSTROPHES`]).
pub fn is_apostrophe(c: char) -> bool {
    APOSTROPHES.contains(&c)
}

/// True for a space: Unicode white space, so that tabs, line breaks and non-breaking
/// spaces separate words as a space does.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// True for a character that separates the words of a name: a space or a hyphen.
pub fn separates_words(c: char) -> bool {
    is_space(c) || is_hyphen(c)
}

/// True when `gap`, the text between two words, lets a name run on from one into the
/// next: a single space or hyphen, or one line break (`\r\n` counts as one).
pub fn joins_words(gap: &str) -> bool {
    let mut chars = gap.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(c), None, _) => separates_words(c),
        (Some('\r'), Some('\n'), None) => true,
        _ => false,
    }
}

/// `text` with apostrophes straight and white space single, trimmed: the form in which
/// a spelling is shown and compared.
pub fn tidy(text: &str) -> String {
    let straight = straighten(text);
    let mut out = String::with_capacity(straight.len());
    for word in straight.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// [`tidy`] and lower case: the key under which spellings that differ only in case,
/// apostrophes or white space are one.
pub fn key(text: &str) -> String {
    tidy(text).to_lowercase()
}

/// Lower case without spaces and hyphens: "Kim Jong-un" and "Kim Jong Un" agree.
pub fn compact(text: &str) -> String {
    text.chars().filter(|&c| !separates_words(c)).flat_map(char::to_lowercase).collect()
}

/// Lower-case words, split at spaces and hyphens.
pub fn words(text: &str) -> Vec<String> {
    text.split(separates_words).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// `word` without a final possessive ("Kim's", "Kim’s" as "Kim"), when something is
/// left before it.
pub fn strip_possessive(word: &str) -> &str {
    let Some(stem) = word.strip_suffix('s') else { return word };
    match stem.char_indices().next_back() {
        Some((at, c)) if at > 0 && is_apostrophe(c) => &stem[..at],
        _ => word,
    }
}

/// `text` in Unicode NFC: a name typed in decomposed form ("Jose\u{301}") is the
/// same name as its composed form ("José").
pub fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// `text` without diacritics: "Núñez" as "Nunez", "Kahramanmaraş" as "Kahramanmaras",
/// "Şanlıurfa" as "Sanliurfa". Canonical decomposition splits a letter from its marks
/// and the marks are dropped; the Latin letters whose stroke or dot is part of the
/// letter and so has no decomposition (ı, ł, ø, đ, ħ, ŧ, ß, æ, œ, ð, þ) are spelled
/// as a desk without the key would type them.
///
/// `deunicode` was passed over: it transliterates whole scripts (Cyrillic, Han), and a
/// name in another script is another spelling, not the same one without its marks.
pub fn fold_diacritics(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match stroke_letter(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The plain spelling of a Latin letter that canonical decomposition leaves whole.
fn stroke_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ı' => "i",
        'İ' => "I",
        'ł' => "l",
        'Ł' => "L",
        'ø' => "o",
        'Ø' => "O",
        'đ' | 'ð' => "d",
        'Đ' | 'Ð' => "D",
        'ħ' => "h",
        'Ħ' => "H",
        'ŧ' => "t",
        'Ŧ' => "T",
        'ß' => "ss",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'þ' => "th",
        'Þ' => "TH",
        _ => return None,
    })
}

/// The letters and digits of `text`, lower case and without diacritics: the form in
/// which "St. Petersburg" and "St Petersburg", "O'Hare" and "OHare", "Núñez" and
/// "Nunez" are one spelling written two ways.
pub fn plain(text: &str) -> String {
    // ASCII has no diacritics and lowers byte for byte: the name scan folds nearly
    // every capitalized word of every sentence through here.
    if text.is_ascii() {
        return text.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_lowercase())).collect();
    }
    fold_diacritics(text).chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Apostrophes straight; nothing else changes.
fn straighten(text: &str) -> Cow<'_, str> {
    if text.contains(|c: char| c != '\'' && is_apostrophe(c)) {
        Cow::Owned(text.chars().map(|c| if is_apostrophe(c) { '\'' } else { c }).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// ASCII letters lowered, every byte offset kept: the form the lexer's word tables
/// are looked up in (they hold only ASCII words).
pub fn lower_ascii(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// `word` lower-cased into `buffer`, or `None` when it is empty, longer than the
/// buffer, or not ASCII: a look-up key for a word list that holds only short ASCII
/// words, made without allocating.
pub fn lower_ascii_into<'b>(word: &str, buffer: &'b mut [u8]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > buffer.len() || !bytes.is_ascii() {
        return None;
    }
    let lower = buffer.get_mut(..bytes.len())?;
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    Some(lower)
}

/// A text folded for matching words, with the way back to the text as written:
/// lower case, hyphens and spaces as one space each, apostrophes straight.
///
/// One `Folded` can be refolded for text after text ([`Folded::refold`]), reusing its
/// buffers: the matcher folds every sentence of every source, and allocating twice a
/// sentence was a tenth of `check`'s instructions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, and one past its end, the offset in the original; empty
    /// when every byte maps to itself (ASCII text, which folds byte for byte).
    origin: Vec<usize>,
}

impl Folded {
    /// Folds `text`.
    pub fn new(text: &str) -> Folded {
        let mut folded = Folded::default();
        folded.refold(text);
        folded
    }

    /// Folds `text` in place of what this held, keeping the buffers' capacity.
    pub fn refold(&mut self, text: &str) {
        self.text.clear();
        self.origin.clear();
        if text.is_ascii() {
            // Every ASCII character folds to one ASCII byte (the same classes as below),
            // so offsets map one to one and no origin table is needed.
            self.text.extend(text.bytes().map(|b| match char::from(b) {
                c if separates_words(c) => ' ',
                c => c.to_ascii_lowercase(),
            }));
            return;
        }
        self.text.reserve(text.len());
        self.origin.reserve(text.len() + 1);
        for (at, c) in text.char_indices() {
            let before = self.text.len();
            if separates_words(c) {
                self.text.push(' ');
            } else if is_apostrophe(c) {
                self.text.push('\'');
            } else {
                self.text.extend(c.to_lowercase());
            }
            self.origin.extend(std::iter::repeat_n(at, self.text.len() - before));
        }
        self.origin.push(text.len());
    }

    /// The offset in the original text of folded offset `at` (the end of the original
    /// for an offset past the end).
    pub fn original(&self, at: usize) -> usize {
        if self.origin.is_empty() {
            return at.min(self.text.len());
        }
        self.origin.get(at).copied().unwrap_or_else(|| self.origin.last().copied().unwrap_or(0))
    }
}

/// A stretch of a text and its Unicode NFC form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NfcRun {
    /// The bytes of the text the run covers.
    pub source: Range<usize>,
    /// The run in NFC, or `None` when it is already NFC and stands as written.
    pub composed: Option<String>,
}

/// `text` in Unicode NFC, as runs that together cover it in order, or `None` when it
/// is already NFC (the common case, decided by the quick check in one pass without
/// allocating).
///
/// A run that NFC changes is as short as composition allows: it starts at a character
/// that never composes with what comes before it, so that offsets elsewhere still map
/// one to one. Unchanged stretches are merged into one run.
pub fn nfc_runs(text: &str) -> Option<Vec<NfcRun>> {
    // ASCII is NFC, and `is_ascii` is a word at a time: most English sources never
    // reach the per-character quick check.
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return None;
    }
    let mut runs: Vec<NfcRun> = Vec::new();
    let boundaries =
        text.char_indices().filter(|&(at, c)| at > 0 && starts_composition(c)).map(|(at, _)| at).chain([text.len()]);
    let mut start = 0;
    for end in boundaries {
        let chunk = text.get(start..end).unwrap_or("");
        let composed = match is_nfc_quick(chunk.chars()) {
            IsNormalized::Yes => None,
            _ => Some(chunk.nfc().collect::<String>()).filter(|nfc| nfc != chunk),
        };
        match (runs.last_mut(), composed) {
            (Some(last), None) if last.composed.is_none() => last.source.end = end,
            (_, composed) => runs.push(NfcRun { source: start..end, composed }),
        }
        start = end;
    }
    Some(runs)
}

/// True when `c` never composes with, nor reorders around, the characters before it,
/// so that NFC of a text is NFC of the parts on either side of it, joined.
fn starts_composition(c: char) -> bool {
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Decodes the HTML character reference at the start of `s` (which starts with `&`),
/// as the WHATWG parser does in text: a named reference by the full table, longest
/// name first, with or without `;` for the legacy names that allow it ("&amp",
/// "&notit;" as "¬it;"); a numeric one with its corrections (C1 controls as
/// Windows-1252, surrogates and out-of-range values as U+FFFD). Returns the decoded
/// text and how many bytes of `s` the reference takes, or `None` when `s` does not
/// start with one.
pub fn decode_entity(s: &str) -> Option<(Cow<'static, str>, usize)> {
    let bytes = s.as_bytes();
    if bytes.first() != Some(&b'&') {
        return None;
    }
    if bytes.get(1) == Some(&b'#') {
        return decode_numeric(s);
    }
    // No name is longer than the table's longest, so a long run of letters is not read
    // to its end.
    let name = bytes.get(1..).map_or(0, |rest| {
        rest.iter().take(htmlize::ENTITY_MAX_LENGTH).take_while(|b| b.is_ascii_alphanumeric()).count()
    });
    let semicolon = usize::from(bytes.get(1 + name) == Some(&b';'));
    let longest = (1 + name + semicolon).min(htmlize::ENTITY_MAX_LENGTH);
    (htmlize::ENTITY_MIN_LENGTH..=longest).rev().find_map(|len| {
        let expansion = htmlize::ENTITIES.get(bytes.get(..len)?)?;
        Some((Cow::Borrowed(std::str::from_utf8(expansion).ok()?), len))
    })
}

/// A numeric reference (`&#65;`, `&#x41`): its digits are found here, their value
/// and its corrections are `htmlize`'s.
fn decode_numeric(s: &str) -> Option<(Cow<'static, str>, usize)> {
    let bytes = s.as_bytes();
    let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
    let digits_start = if hex { 3 } else { 2 };
    let is_digit = |b: &u8| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() };
    let digits = bytes.get(digits_start..).map_or(0, |rest| rest.iter().take_while(|b| is_digit(b)).count());
    if digits == 0 {
        return None;
    }
    let end = digits_start + digits;
    let len = end + usize::from(bytes.get(end) == Some(&b';'));
    match htmlize::unescape(s.get(..len)?) {
        Cow::Owned(decoded) => Some((Cow::Owned(decoded), len)),
        Cow::Borrowed(_) => None,
    }
}

/// The byte offset where YAML `text` first nests flow collections (`[`, `{`) deeper
/// than `max`, or `None`. One pass, before parsing: YAML parsers spend time quadratic
/// in flow nesting, so a file nested absurdly deep is refused without parsing it.
/// Brackets in quoted strings and comments count too, which only ever overstates the
/// depth; no real rule file or front matter comes near the limits used.
pub fn yaml_nesting_over(text: &str, max: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (at, byte) in text.bytes().enumerate() {
        match byte {
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(at);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn classes() {
        let rows: &[(char, bool, bool, bool, bool)] = &[
            // c, hyphen, dash, apostrophe, space
            ('-', true, false, false, false),
            ('\u{2010}', true, false, false, false),
            ('\u{2011}', true, false, false, false),
            ('–', false, true, false, false),
            ('—', false, true, false, false),
            ('\'', false, false, true, false),
            ('’', false, false, true, false),
            ('‘', false, false, true, false),
            (' ', false, false, false, true),
            ('\u{a0}', false, false, false, true),
            ('\t', false, false, false, true),
            ('\n', false, false, false, true),
            ('a', false, false, false, false),
            ('"', false, false, false, false),
        ];
        for &(c, hyphen, dash, apostrophe, space) in rows {
            assert_eq!(
                (is_hyphen(c), is_dash(c), is_apostrophe(c), is_space(c)),
                (hyphen, dash, apostrophe, space),
                "{c:?}"
            );
        }
    }

    #[test]
    fn gaps_that_join_words() {
        for gap in [" ", "-", "\n", "\r\n", "\u{a0}", "\u{2010}", "\u{2011}"] {
            assert!(joins_words(gap), "{gap:?}");
        }
        for gap in ["", "  ", ", ", " - ", "–", "\n\n", "."] {
            assert!(!joins_words(gap), "{gap:?}");
        }
    }

    #[test]
    fn spellings_fold() {
        let rows: &[(&str, &str, &str, &str, &[&str])] = &[
            // text, tidy, key, compact, words
            ("Kim Jong-un", "Kim Jong-un", "kim jong-un", "kimjongun", &["kim", "jong", "un"]),
            ("  KIM\u{a0}JONG\n UN ", "KIM JONG UN", "kim jong un", "kimjongun", &["kim", "jong", "un"]),
            ("People’s Party", "People's Party", "people's party", "people’sparty", &["people’s", "party"]),
            ("‘Émile’", "'Émile'", "'émile'", "‘émile’", &["‘émile’"]),
            (
                "Kim\u{2011}Jong\u{2010}Un",
                "Kim\u{2011}Jong\u{2010}Un",
                "kim\u{2011}jong\u{2010}un",
                "kimjongun",
                &["kim", "jong", "un"],
            ),
            ("", "", "", "", &[]),
        ];
        for &(text, tidied, keyed, compacted, split) in rows {
            assert_eq!(tidy(text), tidied, "{text:?}");
            assert_eq!(key(text), keyed, "{text:?}");
            assert_eq!(compact(text), compacted, "{text:?}");
            assert_eq!(words(text), split, "{text:?}");
        }
    }

    #[test]
    fn diacritics_fold_away() {
        for (text, folded, plain_form) in [
            ("José Núñez", "Jose Nunez", "josenunez"),
            ("Kahramanmaraş", "Kahramanmaras", "kahramanmaras"),
            ("Şanlıurfa", "Sanliurfa", "sanliurfa"),
            ("Nurdağı", "Nurdagi", "nurdagi"),
            ("Jose\u{301}", "Jose", "jose"),
            ("Łódź Straße", "Lodz Strasse", "lodzstrasse"),
            ("St. Petersburg", "St. Petersburg", "stpetersburg"),
            ("O’Hare", "O’Hare", "ohare"),
        ] {
            assert_eq!(fold_diacritics(text), folded, "{text}");
            assert_eq!(plain(text), plain_form, "{text}");
        }
        assert_eq!(nfc("Jose\u{301}"), "José");
        assert!(matches!(nfc("José"), Cow::Borrowed(_)));
    }

    #[test]
    fn possessives_are_stripped() {
        let rows =
            [("Kim's", "Kim"), ("Kim’s", "Kim"), ("'s", "'s"), ("Kims", "Kims"), ("Kim", "Kim"), ("s", "s"), ("", "")];
        for (word, stem) in rows {
            assert_eq!(strip_possessive(word), stem, "{word:?}");
        }
    }

    #[test]
    fn ascii_lowering_keeps_offsets() {
        assert_eq!(lower_ascii("Émile ZOLA"), "Émile zola");
        let mut buffer = [0u8; 4];
        assert_eq!(lower_ascii_into("MrS", &mut buffer), Some(&b"mrs"[..]));
        assert_eq!(lower_ascii_into("Profs", &mut buffer), None);
        assert_eq!(lower_ascii_into("é", &mut buffer), None);
        assert_eq!(lower_ascii_into("", &mut buffer), None);
    }

    #[test]
    fn folded_text_maps_back() {
        let text = "Kim\u{a0}Jong\u{2011}UN’s İ";
        let folded = Folded::new(text);
        assert_eq!(folded.text, "kim jong un's i\u{307}");
        let at = folded.text.find("un").unwrap();
        assert_eq!(&text[folded.original(at)..folded.original(at + 2)], "UN");
        let apostrophe = folded.text.find('\'').unwrap();
        assert_eq!(folded.original(apostrophe + 1), text.find('s').unwrap());
        // Both bytes of the lowered dotted capital I come from its one character.
        assert_eq!(folded.original(folded.text.len() - 1), text.len() - 'İ'.len_utf8());
        assert_eq!(folded.original(folded.text.len()), text.len());
        assert_eq!(folded.original(999), text.len());
        // ASCII folds byte for byte, into a buffer that is reused.
        let mut folded = Folded::new("x");
        let text = "Kim Jong-UN's\tvisit";
        folded.refold(text);
        assert_eq!(folded.text, "kim jong un's visit");
        assert_eq!((folded.original(9), folded.original(13), folded.original(999)), (9, 13, text.len()));
        folded.refold("Ann\u{a0}Lee");
        assert_eq!((folded.text.as_str(), folded.original(4), folded.original(999)), ("ann lee", 5, 8));
    }

    #[test]
    fn nfc_composes_only_what_changes() {
        assert_eq!(nfc_runs("plain ASCII and é composed"), None);
        let text = "Cafe\u{301} and Zola";
        let runs = nfc_runs(text).unwrap();
        assert_eq!(
            runs,
            [
                NfcRun { source: 0..3, composed: None },
                NfcRun { source: 3..6, composed: Some("é".to_string()) },
                NfcRun { source: 6..text.len(), composed: None },
            ]
        );
        // Hangul jamo compose with the starter before them.
        let runs = nfc_runs("a\u{1100}\u{1161}b").unwrap();
        assert_eq!(runs[1], NfcRun { source: 1..7, composed: Some("\u{ac00}".to_string()) });
        // A singleton is replaced even without a neighbour (OHM SIGN as OMEGA).
        assert_eq!(nfc_runs("\u{2126}").unwrap(), [NfcRun { source: 0..3, composed: Some("\u{3a9}".to_string()) }]);
    }

    #[test]
    fn entities_by_the_whatwg_table() {
        let rows: &[(&str, Option<(&str, usize)>)] = &[
            ("&amp;", Some(("&", 5))),
            ("&amp;\u{E9}", Some(("&", 5))),
            ("&amp", Some(("&", 4))),
            ("&ampx", Some(("&", 4))),
            ("&notit;", Some(("¬", 4))),
            ("&notin;", Some(("∉", 7))),
            ("&nbsp;", Some(("\u{a0}", 6))),
            ("&NotNestedLessLess;", Some(("\u{2aa1}\u{338}", 19))),
            ("&fjlig;", Some(("fj", 7))),
            ("&#65;", Some(("A", 5))),
            ("&#65x", Some(("A", 4))),
            ("&#x1F600;", Some(("😀", 9))),
            ("&#X41;", Some(("A", 6))),
            ("&#x80;", Some(("€", 6))),
            ("&#0;", Some(("\u{fffd}", 4))),
            ("&#xD800;", Some(("\u{fffd}", 8))),
            ("&#99999999999;", Some(("\u{fffd}", 14))),
            ("&#;", None),
            ("&#x;", None),
            ("&bogus;", None),
            ("&ab\u{E9}cdefghi;", None),
            ("&", None),
            ("amp;", None),
        ];
        for &(s, expected) in rows {
            let found = decode_entity(s);
            assert_eq!(found.as_ref().map(|(text, len)| (text.as_ref(), *len)), expected, "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(text in "\\PC{0,40}") {
            prop_assert_eq!(tidy(&tidy(&text)), tidy(&text));
            prop_assert_eq!(compact(&compact(&text)), compact(&text));
            let once = Folded::new(&text).text;
            prop_assert_eq!(Folded::new(&once).text, once.clone());
            // The ASCII shortcut of `plain` reads ASCII as the general path does.
            let ascii: String = text.chars().filter(char::is_ascii).collect();
            let general: String = ascii.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
            prop_assert_eq!(plain(&ascii), general);
            // Refolding into a used buffer gives what a fresh fold gives.
            let mut reused = Folded::new("Some-thing’s ÉLSE");
            reused.refold(&text);
            prop_assert_eq!(reused, Folded::new(&text));
        }

        #[test]
        fn nfc_runs_cover_the_text_and_compose_it(text in "[a-eA\u{300}-\u{302}\u{327}\u{1100}\u{1161}\u{11a8}\u{2126} ]{0,24}") {
            let expected: String = text.nfc().collect();
            match nfc_runs(&text) {
                None => prop_assert_eq!(&text, &expected),
                Some(runs) => {
                    let mut at = 0;
                    let mut composed = String::new();
                    for run in &runs {
                        prop_assert_eq!(run.source.start, at);
                        at = run.source.end;
                        composed.push_str(run.composed.as_deref().unwrap_or(&text[run.source.clone()]));
                    }
                    prop_assert_eq!(at, text.len());
                    prop_assert_eq!(composed, expected);
                }
            }
        }

        #[test]
        fn entities_agree_with_htmlize(name in "&#?[xX]?[a-zA-Z0-9]{0,8};?", tail in "[a-z ;]{0,3}") {
            let s = format!("{name}{tail}");
            let whole = htmlize::unescape(s.as_str()).into_owned();
            if let Some((decoded, len)) = decode_entity(&s) {
                prop_assert_eq!(format!("{decoded}{}", htmlize::unescape(&s[len..])), whole);
            } else {
                prop_assert_eq!(whole, s);
            }
        }
    }
}
