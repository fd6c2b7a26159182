//! Fuzz target `rules`: any rule file text is either refused with an error or compiled
//! into a matcher whose hits lie on the text, and which checks a small source without
//! panicking.
#![no_main]

use std::path::{Path, PathBuf};

use factlint::check;
use factlint::pipeline::{Checker, analyze_source};
use factlint::rules::RuleSet;
use factlint::source::{Metadata, Source};
use libfuzzer_sys::fuzz_target;

const ARTICLE: &str = "Kim Jong Un visited Beijing from March 25 to 28, 2018, a four-day trip.\n\n\
Mr. Kim, 34, met Xi Jinping; 28,500 US troops are stationed in South Korea.\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut rules = RuleSet::default();
    if let Err(errors) = rules.add(Path::new("fuzz.yaml"), text) {
        for error in errors {
            let _ = error.to_string();
        }
        return;
    }
    // A matcher that cannot be built (aho-corasick's size limits) is an error the CLI
    // reports; nothing to scan then.
    let Ok(checker) = Checker::new(rules) else { return };
    // The rule file's own text is a good haystack: it holds every name and cue.
    for haystack in [text, ARTICLE] {
        let hits = checker.matcher.scan(haystack);
        let spans = hits.mentions.iter().map(|m| m.span).chain(hits.cues.iter().chain(&hits.excludes).map(|(_, s)| *s));
        for span in spans {
            assert!(span.start <= span.end && span.end <= haystack.len(), "{span:?} outside the text");
            assert!(haystack.is_char_boundary(span.start) && haystack.is_char_boundary(span.end), "{span:?}");
        }
    }
    let source = Source::from_text(PathBuf::from("a.txt"), ARTICLE.to_string(), &Metadata::default());
    let analysis = analyze_source(&source, &checker);
    let mut findings = check::check(&checker.rules, analysis.selected);
    findings.extend(check::names::compare(&checker.rules, analysis.names));
    check::sort_findings(&mut findings);
});
