//! Fuzz target `report`: a report of random findings (any ids, messages, notes, paths,
//! sentences and claim texts, with markup and control characters) rendered in every
//! format.
//!
//! Asserts, besides no panic: JSON and SARIF parse, and JSON keeps every finding and
//! claim; nothing taken from a source reaches the text report or a GitHub annotation
//! as a control character (only the renderers' own line breaks); and HTML and Markdown
//! escape markup: the page of a report whose strings hold `<`, `>`, `"` and `'` has
//! exactly as many of them as the page of the same report with those characters
//! replaced by letters, so every one a source wrote was escaped.
#![no_main]

use std::sync::Arc;

use factlint::check::{Evidence, Finding, FindingKind};
use factlint::report::{Format, Report, SourceSummary, render};
use factlint::rules::Severity;
use factlint::source::SourceFailure;
use factlint::span::Span;
use factlint::value::{ClaimKind, Value};
use libfuzzer_sys::fuzz_target;

/// Characters strings are made of: markup of every format, control characters, a
/// bidirectional override, multi-byte letters. No `X`, `Y`, `Q`, `W`: those replace
/// the markup in the twin report.
const ALPHABET: &[char] = &[
    'a', 'b', 'K', ' ', '.', ',', ':', '%', '<', '>', '"', '\'', '&', '@', '#', '|', '*', '_', '`', '[', ']', '(', ')',
    '\\', '/', '\n', '\r', '\t', '\u{1b}', '\u{7}', '\u{85}', '\u{202e}', 'é', '€', '9', '-', '=', ';', '!', '\u{0}',
];

/// The twin report's letter for each markup character, one letter per character so
/// that distinct strings stay distinct (paths are grouped and sorted).
fn plain(c: char) -> char {
    match c {
        '<' => 'X',
        '>' => 'Y',
        '"' => 'Q',
        '\'' => 'W',
        other => other,
    }
}

struct Choices<'a>(&'a [u8]);

impl Choices<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((first, rest)) => {
                self.0 = rest;
                *first
            }
            None => 0,
        }
    }
    fn string(&mut self) -> String {
        let len = self.byte() % 24;
        (0..len).map(|_| ALPHABET[self.byte() as usize % ALPHABET.len()]).collect()
    }
    fn evidence(&mut self) -> Evidence {
        let kind = ClaimKind::ALL[self.byte() as usize % ClaimKind::ALL.len()];
        let value = match self.byte() % 4 {
            0 => Value::Number(f64::from(self.byte()) * 1000.5),
            1 => Value::Quantity {
                amount: f64::from(self.byte()),
                unit: ["m", "m2", "kg", "%"][self.byte() as usize % 4].into(),
            },
            2 => Value::Ordinal(i64::from(self.byte())),
            _ => Value::Text(self.string()),
        };
        let (source, text) = (self.string(), self.string());
        let mut evidence = Evidence::new(&source, kind, value, &text);
        let before = self.string();
        let after = self.string();
        let sentence = format!("{before}{text}{after}");
        evidence.place.in_sentence = Some(Span::new(before.len(), before.len() + text.len()));
        evidence.place.sentence = Arc::from(sentence);
        evidence.place.line = usize::from(self.byte()) + 1;
        evidence.place.column = usize::from(self.byte()) + 1;
        if self.byte() % 3 == 0 {
            evidence.place.outlet = Some(Arc::from(self.string()));
        }
        evidence
    }
}

fn report(data: &[u8]) -> Report {
    let mut c = Choices(data);
    let mut findings = Vec::new();
    for _ in 0..c.byte() % 6 {
        let kind = [FindingKind::Conflict, FindingKind::Variant, FindingKind::Expansion, FindingKind::Imprecise]
            [c.byte() as usize % 4];
        let severity = [Severity::Error, Severity::Warning, Severity::Info][c.byte() as usize % 3];
        let (id, message) = (c.string(), c.string());
        let note = (c.byte() % 2 == 0).then(|| c.string());
        // Up to 130 claims, so the evidence cap (100 per finding) is crossed.
        let count = match c.byte() {
            250.. => 130,
            n => usize::from(n % 5),
        };
        let claims = (0..count).map(|_| c.evidence()).collect();
        let confidence = (c.byte() % 2 == 0).then(|| f64::from(c.byte()) / 255.0);
        findings.push(Finding { id, kind, severity, message, note, claims, omitted: Vec::new(), side: None, confidence });
    }
    let sources = (0..c.byte() % 4)
        .map(|_| SourceSummary {
            path: c.string(),
            published: None,
            outlet: None,
            title: (c.byte() % 2 == 0).then(|| c.string()),
            sentences: usize::from(c.byte()),
            claims: usize::from(c.byte()),
            warnings: (0..c.byte() % 3).map(|_| c.string()).collect(),
        })
        .collect();
    let errors = (0..c.byte() % 3).map(|_| SourceFailure { source: c.string(), message: c.string() }).collect();
    let mut report = Report::new(sources, findings, errors);
    report.warnings = (0..c.byte() % 3).map(|_| c.string()).collect();
    report
}

/// The same report with every markup character replaced by its letter.
fn twin(report: &Report) -> Report {
    map_strings(report, plain)
}

/// `report` with `f` applied to every character of every string a source or a rule
/// wrote (claims keep their place in their sentences).
fn map_strings(report: &Report, f: impl Fn(char) -> char) -> Report {
    let p = |s: &str| s.chars().map(&f).collect::<String>();
    let mut twin = report.clone();
    for finding in &mut twin.findings {
        finding.id = p(&finding.id);
        finding.message = p(&finding.message);
        finding.note = finding.note.as_deref().map(p);
        for claim in &mut finding.claims {
            claim.claim.text = p(&claim.claim.text);
            if let Value::Text(text) = &claim.claim.value {
                claim.claim.value = Value::Text(p(text));
            }
            if let Some(span) = claim.place.in_sentence {
                let sentence = &claim.place.sentence;
                let start = p(&sentence[..span.start]).len();
                claim.place.in_sentence = Some(Span::new(start, start + p(&sentence[span.start..span.end]).len()));
            }
            claim.place.source = Arc::from(p(&claim.place.source));
            claim.place.sentence = Arc::from(p(&claim.place.sentence));
            claim.place.outlet = claim.place.outlet.as_deref().map(|o| Arc::from(p(o)));
        }
    }
    for source in &mut twin.sources {
        source.path = p(&source.path);
        source.title = source.title.as_deref().map(p);
        source.warnings = source.warnings.iter().map(|w| p(w)).collect();
    }
    for error in &mut twin.errors {
        error.source = p(&error.source);
        error.message = p(&error.message);
    }
    twin.warnings = twin.warnings.iter().map(|w| p(w)).collect();
    twin
}

/// Markdown without its code spans (text between unescaped backticks on a line).
fn outside_code(markdown: &str) -> String {
    let mut out = String::new();
    for line in markdown.lines() {
        let (mut inside, mut escaped) = (false, false);
        for c in line.chars() {
            match c {
                '`' if !escaped => inside = !inside,
                _ if !inside => out.push(c),
                _ => {}
            }
            escaped = c == '\\' && !escaped;
        }
        out.push('\n');
    }
    out
}

/// The same report with every line break and other control character replaced by a
/// letter.
fn one_line(report: &Report) -> Report {
    let letter = |c: char| if c.is_control() { 'L' } else { c };
    map_strings(report, letter)
}

fn count(text: &str, c: char) -> usize {
    text.matches(c).count()
}

fuzz_target!(|data: &[u8]| {
    let report = report(data);
    let twin = twin(&report);

    let json: serde_json::Value = serde_json::from_str(&render(&report, Format::Json, false)).expect("JSON parses");
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), report.findings.len());
    for (written, finding) in findings.iter().zip(&report.findings) {
        assert_eq!(written["message"].as_str(), Some(finding.message.as_str()));
        assert_eq!(written["claims"].as_array().map(Vec::len), Some(finding.claims.len()));
    }

    let sarif: serde_json::Value = serde_json::from_str(&render(&report, Format::Sarif, false)).expect("SARIF parses");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), report.findings.len());

    for format in [Format::Text, Format::Github] {
        let out = render(&report, format, false);
        let allowed = |c: char| c == '\n' || (format == Format::Text && c == '\t');
        let stray = out.chars().find(|&c| c.is_control() && !allowed(c) || ('\u{202a}'..='\u{202e}').contains(&c));
        assert!(stray.is_none(), "{format:?} writes {stray:?} raw:\n{out}");
    }
    let github = render(&report, Format::Github, false);
    for line in github.lines() {
        assert!(line.starts_with("::") || line.starts_with("factlint"), "a GitHub line that is no command: {line:?}");
    }

    let (html, plain_html) = (render(&report, Format::Html, false), render(&twin, Format::Html, false));
    for c in ['<', '>', '"', '\''] {
        assert_eq!(count(&html, c), count(&plain_html, c), "HTML: a {c:?} from a source is not escaped:\n{html}");
    }

    // Markdown: a source's `<` and `>` are entities outside code spans (inside them
    // GFM shows them as written); a line break never ends a table row early; an `@`
    // is never followed by a name.
    let (markdown, plain_markdown) = (render(&report, Format::Markdown, false), render(&twin, Format::Markdown, false));
    for c in ['<', '>'] {
        assert_eq!(
            count(&outside_code(&markdown), c),
            count(&outside_code(&plain_markdown), c),
            "Markdown: a {c:?} from a source is not escaped:\n{markdown}"
        );
    }
    let one_line = render(&one_line(&report), Format::Markdown, false);
    assert_eq!(markdown.lines().count(), one_line.lines().count(), "Markdown: a line break from a source:\n{markdown}");
    assert!(!markdown.contains("@a") && !markdown.contains("@K"), "Markdown: a live @mention:\n{markdown}");
});
