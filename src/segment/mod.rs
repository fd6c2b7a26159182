//! Sentences: where each one starts and ends, in the block's text and in the file.
//!
//! Boundaries follow Unicode's sentence rules (UAX #29: a terminator, closing
//! punctuation, white space, then anything but a lower-case letter) and repair them
//! where they are wrong for edited English prose: abbreviations, titles and initials,
//! numbers, ellipses, list markers and bullets, and headlines and captions that end at a
//! line break without a stop. It is one pass over the text that stops only at bytes of
//! interest and looks at the word before and the word after each candidate, so it runs
//! about twenty times faster than UAX #29 itself (`docs/accuracy-segmentation.md`).
//!
//! - `scan`: the pass and its decisions;
//! - `words`: abbreviations, sentence openers and other word lists;
//! - `lines`: single line breaks inside a block (headline or wrapped prose);
//! - `lists`: list item markers;
//! - `chars`: the character classes;
//! - `scripts`: blocks with terminators of other scripts, split by UAX #29 itself.

mod chars;
mod lines;
mod lists;
mod scan;
mod scripts;
mod words;

use std::sync::Arc;

use serde::Serialize;

use crate::source::Source;
use crate::span::Span;

/// One sentence of a source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sentence {
    /// Position of the sentence in its source, from 0.
    pub index: usize,
    /// Index of the block (paragraph) the sentence belongs to.
    pub block: usize,
    /// Byte span in the original file.
    pub span: Span,
    /// Byte offset of the sentence in its block's text.
    pub block_start: usize,
    /// The sentence as read (visible text, markup removed), shared with the claims
    /// found in it.
    pub text: Arc<str>,
}

/// Splits one block of text into sentence spans (offsets into `text`), in order,
/// trimmed of surrounding white space. A block is a paragraph-like unit of visible text;
/// it may hold single line breaks. A block holding a terminator of another script
/// (the danda `।`, the Arabic `؟`) is split by Unicode's sentence rules as they stand.
pub fn split(text: &str) -> Vec<Span> {
    if scripts::has_foreign_terminator(text) {
        return scripts::unicode_sentences(text);
    }
    scan::sentence_spans(text)
}

/// The sentences of a source, in order, with spans into the original file.
pub fn sentences(source: &Source) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (block_index, block) in source.blocks.iter().enumerate() {
        for span in split(&block.text) {
            sentences.push(Sentence {
                index: sentences.len(),
                block: block_index,
                span: block.to_original(span),
                block_start: span.start,
                text: Arc::from(span.slice(&block.text)),
            });
        }
    }
    sentences
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|s| s.slice(text)).collect()
    }

    /// One row per hard case: the block, and the sentences it must give.
    const CASES: &[(&str, &[&str])] = &[
        // Titles and honorifics.
        ("Mr. Kim met Dr. Xi. They talked.", &["Mr. Kim met Dr. Xi.", "They talked."]),
        ("Gen. Lee, Sen. Ross and Rev. King spoke.", &["Gen. Lee, Sen. Ross and Rev. King spoke."]),
        ("Mr. and Mrs. Kim Go to Beijing", &["Mr. and Mrs. Kim Go to Beijing"]),
        ("He met Messrs. Perlman and Price.", &["He met Messrs. Perlman and Price."]),
        // Countries and organisations.
        ("A sitting U.S. President met him.", &["A sitting U.S. President met him."]),
        ("He sits at the U.N. The vote is today.", &["He sits at the U.N.", "The vote is today."]),
        ("It came from the U.K. Government.", &["It came from the U.K. Government."]),
        ("He lives in the U.S. Mr. Trump does too.", &["He lives in the U.S.", "Mr. Trump does too."]),
        ("In the U.S. The rules differ.", &["In the U.S. The rules differ."]),
        ("She joined Acme Inc. It grew.", &["She joined Acme Inc.", "It grew."]),
        (
            "She joined Acme Inc. Chief Executive Ann Lee said so.",
            &["She joined Acme Inc. Chief Executive Ann Lee said so."],
        ),
        // Places after "City," end a sentence before a capital.
        ("He died in Buffalo, N.Y. Slepian was 52.", &["He died in Buffalo, N.Y.", "Slepian was 52."]),
        ("He flew to Tex. Later he left.", &["He flew to Tex.", "Later he left."]),
        ("BUFFALO, N.Y. (AP) -- A rifle was found.", &["BUFFALO, N.Y. (AP) -- A rifle was found."]),
        ("Palo Alto, Calif. 94305 is the code.", &["Palo Alto, Calif. 94305 is the code."]),
        // Initials.
        ("John F. Kennedy spoke.", &["John F. Kennedy spoke."]),
        ("J. R. R. Tolkien wrote it.", &["J. R. R. Tolkien wrote it."]),
        ("We won, you and I. Did you see Albert I. Jones?", &["We won, you and I.", "Did you see Albert I. Jones?"]),
        ("They chose Plan B. It failed.", &["They chose Plan B.", "It failed."]),
        // Numbers, pages, decimals and versions.
        ("He lives at No. 5 Main Road.", &["He lives at No. 5 Main Road."]),
        ("See p. 55 and Fig. 3 there.", &["See p. 55 and Fig. 3 there."]),
        ("Pi is 3.14 and v1.2.3 shipped.", &["Pi is 3.14 and v1.2.3 shipped."]),
        ("He said no. The talks ended.", &["He said no.", "The talks ended."]),
        ("It rose in 2011. 5 people died.", &["It rose in 2011.", "5 people died."]),
        ("It met on Jan. 5 and Sept. 11.", &["It met on Jan. 5 and Sept. 11."]),
        // Times.
        ("It opens at 9 a.m. on Monday.", &["It opens at 9 a.m. on Monday."]),
        ("It opens at 9 a.m. Monday.", &["It opens at 9 a.m. Monday."]),
        (
            "At 5 a.m. Mr. Smith left. He came back at 6 P.M. Mr. Smith slept.",
            &["At 5 a.m. Mr. Smith left.", "He came back at 6 P.M.", "Mr. Smith slept."],
        ),
        ("It closed at 5 p.m. The next day it opened.", &["It closed at 5 p.m.", "The next day it opened."]),
        ("He came at 10 p.m. Police said he was armed.", &["He came at 10 p.m.", "Police said he was armed."]),
        ("Bids close at 5 p.m. EST Nov. 9.", &["Bids close at 5 p.m. EST Nov. 9."]),
        ("It lands at 9 a.m. Tokyo time.", &["It lands at 9 a.m. Tokyo time."]),
        ("We sell pens, inks, etc. Students like them.", &["We sell pens, inks, etc.", "Students like them."]),
        // Ellipses.
        ("He paused... Then he left.", &["He paused...", "Then he left."]),
        ("He paused… Then he left.", &["He paused…", "Then he left."]),
        ("I mean ... well, it is . . . I know.", &["I mean ... well, it is . . . I know."]),
        ("That was all.... She left.", &["That was all....", "She left."]),
        ("It ends. . . . The next one starts.", &["It ends.", ". . . The next one starts."]),
        ("\"Bohr [...] used [...]\" (Smith 55).", &["\"Bohr [...] used [...]\" (Smith 55)."]),
        // Closing quotes and brackets after the stop.
        ("“It is great.” He left.", &["“It is great.”", "He left."]),
        ("‘It is great.’ He left.", &["‘It is great.’", "He left."]),
        ("He said “no.” she said.", &["He said “no.” she said."]),
        (
            "He taught (He had worked as an engineer.) at a school.",
            &["He taught (He had worked as an engineer.) at a school."],
        ),
        (
            "He left (for good.) Then she came [again.] Fine.",
            &["He left (for good.)", "Then she came [again.]", "Fine."],
        ),
        (
            "“We speak highly of this visit. We thank you,” Xi said.",
            &["“We speak highly of this visit.", "We thank you,” Xi said."],
        ),
        ("``It was a bomb.'' He left.", &["``It was a bomb.''", "He left."]),
        (
            "It left for Washington, Calif. ``There were fewer.''",
            &["It left for Washington, Calif.", "``There were fewer.''"],
        ),
        // Exclamations and questions.
        ("Hello!? Is that you?", &["Hello!?", "Is that you?"]),
        ("She works at Yahoo! in Paris.", &["She works at Yahoo! in Paris."]),
        // E-mail and web addresses.
        ("Write to Jane.Doe@example.com. She answers.", &["Write to Jane.Doe@example.com.", "She answers."]),
        ("JFK Jr.'s book sold.", &["JFK Jr.'s book sold."]),
        // Lists and bullets.
        ("1. The first item 2. The second item", &["1. The first item", "2. The second item"]),
        ("1) The first 2) The second 3) The third", &["1) The first", "2) The second", "3) The third"]),
        ("a. The first item b. The second item", &["a. The first item", "b. The second item"]),
        ("• 9. The first item • 10. The second item", &["• 9. The first item", "• 10. The second item"]),
        ("Items: • one • two", &["Items:", "• one", "• two"]),
        ("He was motivated by (a) money and (b) fame.", &["He was motivated by (a) money and (b) fame."]),
        ("A. Smith and B. Jones came.", &["A. Smith and B. Jones came."]),
        (
            "His name is Mark E. Smith. a. here it is b. another c. one more",
            &["His name is Mark E. Smith.", "a. here it is", "b. another", "c. one more"],
        ),
        ("They went to the store. w) hello x) hello", &["They went to the store.", "w) hello", "x) hello"]),
        ("(i) Hello world. \n(ii) Hello world.\n(iii) Bye.", &["(i) Hello world.", "(ii) Hello world.", "(iii) Bye."]),
        ("(a) One. (b) Two.", &["(a) One.", "(b) Two."]),
        ("About Me..........5\nChapter 2 ........ 6", &["About Me..........5", "Chapter 2 ........ 6"]),
        ("Test strange period．Does it work．", &["Test strange period．", "Does it work．"]),
        (
            "He became President of the U.S. Millions attended.",
            &["He became President of the U.S.", "Millions attended."],
        ),
        // Headlines, captions and other lines without a stop.
        ("Sign up for NTD Daily\nWhat you need to know.", &["Sign up for NTD Daily", "What you need to know."]),
        ("Related Stories\nShare this page\nColumn Map", &["Related Stories", "Share this page", "Column Map"]),
        (
            "What this visit means:\n- It shows a turn.\n- It helps.",
            &["What this visit means:", "- It shows a turn.", "- It helps."],
        ),
        ("Contents\n1. Introduction\n2. Methods", &["Contents", "1. Introduction", "2. Methods"]),
        ("KENYA:\nTotal Dead: 192\nAmericans: 12", &["KENYA:", "Total Dead: 192", "Americans: 12"]),
        ("Reporting by\nJane Doe", &["Reporting by\nJane Doe"]),
        ("It went up,\nand then down.", &["It went up,\nand then down."]),
        ("It went\ndown.", &["It went\ndown."]),
        ("It was a cold \nnight in the city.", &["It was a cold \nnight in the city."]),
        ("features\ncontact manager\nevents, activities\n", &["features", "contact manager", "events, activities"]),
        // A missing space after a full stop.
        (
            "Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot.",
            &["Hello world.", "Today is Tuesday.", "Mr. Smith bought 1,000.", "That is a lot."],
        ),
        (
            "Call System.Out.println or mail Jane.Doe@example.com or see www.Example.com now.",
            &["Call System.Out.println or mail Jane.Doe@example.com or see www.Example.com now."],
        ),
        ("Ask Mr.Smith or e.g.Jones.", &["Ask Mr.Smith or e.g.Jones."]),
        ("Visit http://example.org/a.Page or é.Foo now.", &["Visit http://example.org/a.Page or é.Foo now."]),
        ("Windows line\r\nNext line", &["Windows line", "Next line"]),
        ("He met the\r\nU.S. President.", &["He met the\r\nU.S. President."]),
        ("A block with Co.\n\nA blank line inside", &["A block with Co.", "A blank line inside"]),
        ("Line one\u{2028}Line two\u{85}Line three", &["Line one", "Line two", "Line three"]),
        ("Sign up\r\n\r\nToday", &["Sign up", "Today"]),
        // Hard-wrapped prose: line breaks fall inside sentences.
        (
            "Plans have been made for him to meet South Korean President\nMoon Jae-in next month, and \
             discussions are underway for a\nsummit between Kim and President Trump in May. It would \
             be\nthe first meeting between a sitting U.S. President and a\nNorth Korean leader ever.",
            &[
                "Plans have been made for him to meet South Korean President\nMoon Jae-in next month, and \
                 discussions are underway for a\nsummit between Kim and President Trump in May.",
                "It would be\nthe first meeting between a sitting U.S. President and a\nNorth Korean leader ever.",
            ],
        ),
        (
            "Kim Visits China\nNorth Korean leader Kim Jong Un made a surprise visit to\nBeijing this week and met \
             with Chinese President Xi\nJinping. It was the first time the two met face-to-face\nand the first time \
             the reclusive leader met a foreign\nhead of state.",
            &[
                "Kim Visits China",
                "North Korean leader Kim Jong Un made a surprise visit to\nBeijing this week and met with Chinese \
                 President Xi\nJinping.",
                "It was the first time the two met face-to-face\nand the first time the reclusive leader met a \
                 foreign\nhead of state.",
            ],
        ),
        // Other scripts.
        ("你好。世界。", &["你好。", "世界。"]),
        // Nothing to split.
        ("", &[]),
        ("   \n  ", &[]),
        ("Hello", &["Hello"]),
    ];

    /// The titles of news copy: before a name their full stop never ends a sentence.
    const TITLES: [&str; 11] =
        ["Capt.", "Sgt.", "Lt.", "Cmdr.", "Col.", "Gov.", "Sen.", "Rep.", "Rev.", "Prof.", "Insp."];

    #[test]
    fn no_split_after_a_title_before_a_name() {
        for title in TITLES {
            for shape in ["The unit was led by {} Ann Ross. She spoke.", "{} Ann Ross led it. She spoke."] {
                let text = shape.replace("{}", title);
                let first = text.split(" She").next().unwrap_or_default();
                assert_eq!(texts(&text), [first, "She spoke."], "{text}");
            }
            let upper = format!("Said {} Ross.", title.to_uppercase());
            assert_eq!(texts(&upper), [upper.as_str()], "{upper}");
        }
    }

    #[test]
    fn a_clock_time_goes_on_with_its_zone_day_or_month() {
        // What may follow "a.m."/"p.m." inside the same sentence.
        let goes_on = [
            "EDT, police said",
            "ET on the same day",
            "GMT",
            "UTC",
            "CET",
            "CEST",
            "Eastern Time",
            "Eastern Daylight Time",
            "Central European Time",
            "(1100 GMT)",
            "Monday",
            "Tues. morning",
            "March 26",
            "Nov. 6",
            "local time",
            "and then left",
        ];
        for after in goes_on {
            for time in ["5 a.m.", "1:24 p.m.", "7 A.M."] {
                let text = format!("It struck at {time} {after}. Rescuers came.");
                let first = format!("It struck at {time} {after}.");
                assert_eq!(texts(&text), [first.as_str(), "Rescuers came."], "{text}");
            }
        }
        // What starts a new sentence after one.
        for after in ["Police said it fell.", "The bridge fell.", "Rescuers came."] {
            let text = format!("It struck at 5 a.m. {after}");
            assert_eq!(texts(&text), ["It struck at 5 a.m.", after], "{text}");
        }
    }

    #[test]
    fn hard_cases() {
        let failures: Vec<String> = CASES
            .iter()
            .filter(|(text, expected)| texts(text) != *expected)
            .map(|(text, expected)| format!("{text:?}\n  expected {expected:?}\n  got      {:?}", texts(text)))
            .collect();
        assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), CASES.len(), failures.join("\n"));
    }

    #[test]
    fn sentences_carry_blocks_and_file_offsets() {
        let source = Source::from_text(
            "a.txt".into(),
            "Title line\n\nMr. Kim left. He came back.\n".to_string(),
            &Default::default(),
        );
        let sentences = sentences(&source);
        let found: Vec<(usize, usize, &str)> = sentences.iter().map(|s| (s.index, s.block, &*s.text)).collect();
        assert_eq!(found, [(0, 0, "Title line"), (1, 1, "Mr. Kim left."), (2, 1, "He came back.")]);
        assert_eq!((sentences[2].span, sentences[2].block_start), (Span::new(26, 39), 14));
    }

    /// Long runs of what the scanner looks around (dots, abbreviations, list markers,
    /// closers, line breaks) stay linear: twice the text, twice the bytes looked at,
    /// where a look back or ahead to the end of the run from every candidate would
    /// quadruple them.
    #[test]
    fn long_runs_stay_linear() {
        let patterns = ["a.", "a.Bc,", "x)", "1. a ", "Mr. ", "U.S. The ", ". ", "word\n", "é.Ab", "\n\n. ", "...."];
        for pattern in patterns {
            let looked = |bytes: usize| {
                let text = pattern.repeat(bytes / pattern.len());
                scan::LOOKED.with(|l| l.set(0));
                let spans = split(&text);
                assert!(spans.iter().all(|s| s.end <= text.len()), "{pattern:?}");
                scan::LOOKED.with(|l| l.get())
            };
            let (once, twice) = (looked(100_000), looked(200_000));
            assert!(once >= 100_000, "{pattern:?}: only {once} bytes looked at");
            // Give or take 1% for the ends of the run.
            assert!(twice * 100 <= once * 201, "{pattern:?}: {once} bytes looked at, then {twice} for twice the text");
        }
    }

    proptest! {
        #[test]
        fn spans_are_trimmed_ordered_slices(
            text in r#"([a-zA-Z0-9]{1,6}|[ .!?…,;:\n\r"'“”‘’()\[\]•⁃`\-*]|\u{a0}|\u{2028}|。|é|Mr|U\.S|a\.m|No|1\.|\. \. \.)*"#
        ) {
            let mut previous = 0;
            for span in split(&text) {
                prop_assert!(previous <= span.start && span.start < span.end && span.end <= text.len());
                let slice = text.get(span.start..span.end);
                prop_assert!(slice.is_some(), "{span:?} is not on char boundaries");
                let slice = slice.unwrap_or_default();
                prop_assert_eq!(slice, slice.trim());
                previous = span.end;
            }
        }

        #[test]
        fn any_string_is_survived(text in any::<String>()) {
            let spans = split(&text);
            prop_assert!(spans.iter().all(|span| text.get(span.start..span.end).is_some()));
        }
    }
}
