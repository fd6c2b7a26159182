//! Names without rules, end to end: the entities discovered over a folder (names
//! written two ways across sources, acronyms with two expansions), and the ordinary
//! check run with them, which reports the variants and expansions.
//!
//! `tests/data/names/` holds four short reports of one (invented) salvage, written for
//! this test: a surname misspelt once ("Kowalsky"), a name with and without its
//! diacritics ("José Núñez"), a transliteration ("Ismailiya"), an acronym expanded two
//! ways ("SCA"); and the traps: two people who share a surname ("Michael Chen",
//! "Sarah Chen"), a ship's name misspelt as its operator's ("Ever Green",
//! "Evergreen"), a possessive ("Kowalski's"), and names that only begin sentences.

use std::path::{Path, PathBuf};

use factlint::check::FindingKind;
use factlint::check::names::DiscoveredEntity;
use factlint::pipeline::RunOptions;
use factlint::pipeline::discovered::{check_discovered_names, names_of_sources};

fn folder(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

/// (id, house spelling, expansion, spellings with their sources).
type Summary = (String, String, Option<String>, Vec<(String, usize)>);

/// A finding's id, kind, message, and its claims' (file name, line, text).
type Shown<'a> = (&'a str, FindingKind, &'a str, Vec<(&'a str, usize, &'a str)>);

fn summary(found: &[DiscoveredEntity]) -> Vec<Summary> {
    found.iter().map(|e| (e.id.clone(), e.spec.name.clone(), e.spec.expansion.clone(), e.spellings.clone())).collect()
}

fn spellings(list: &[(&str, usize)]) -> Vec<(String, usize)> {
    list.iter().map(|&(s, n)| (s.to_string(), n)).collect()
}

#[test]
fn groups_house_spellings_and_expansions_of_a_folder() {
    let (found, report) = check_discovered_names(&[folder("tests/data/names")], &RunOptions::default()).unwrap();
    assert_eq!(
        summary(&found),
        [
            ("ismailia".into(), "Ismailia".into(), None, spellings(&[("Ismailia", 2), ("Ismailiya", 1)])),
            ("jose-nunez".into(), "José Núñez".into(), None, spellings(&[("José Núñez", 2), ("Jose Nunez", 1)])),
            ("kowalski".into(), "Kowalski".into(), None, spellings(&[("Kowalski", 4), ("Kowalsky", 1)])),
            (
                "sca".into(),
                "SCA".into(),
                Some("Suez Canal Authority".into()),
                spellings(&[("Suez Canal Authority", 3), ("Suez Canal Agency", 1)])
            ),
        ]
    );
    let findings: Vec<Shown<'_>> = report
        .findings
        .iter()
        .map(|f| {
            let claims = f
                .claims
                .iter()
                .map(|c| (c.place.source.rsplit('/').next().unwrap_or(""), c.place.line, c.claim.text.as_str()))
                .collect();
            (f.id.as_str(), f.kind, f.message.as_str(), claims)
        })
        .collect();
    assert_eq!(
        findings,
        [
            (
                "ismailia",
                FindingKind::Variant,
                "\"Ismailiya\" (1 source: c.txt) is not the house spelling \"Ismailia\"",
                vec![("c.txt", 6, "Ismailiya"), ("a.txt", 5, "Ismailia"), ("d.txt", 5, "Ismailia")]
            ),
            (
                "jose-nunez",
                FindingKind::Variant,
                "\"Jose Nunez\" (1 source: c.txt) is not the house spelling \"José Núñez\"",
                vec![("c.txt", 4, "Jose Nunez"), ("a.txt", 5, "José Núñez"), ("b.txt", 6, "José Núñez")]
            ),
            (
                "kowalski",
                FindingKind::Variant,
                "\"Kowalsky\" (1 source: b.txt) is not the house spelling \"Kowalski\"",
                vec![
                    ("b.txt", 3, "Kowalsky"),
                    ("a.txt", 3, "Kowalski"),
                    ("b.txt", 2, "Kowalski"),
                    ("c.txt", 7, "Kowalski"),
                    ("d.txt", 4, "Kowalski")
                ]
            ),
            (
                "sca",
                FindingKind::Expansion,
                "\"Suez Canal Agency\" (1 source: c.txt) is not what \"SCA\" stands for: \"Suez Canal Authority\"",
                vec![
                    ("c.txt", 5, "Suez Canal Agency"),
                    ("a.txt", 2, "Suez Canal Authority"),
                    ("b.txt", 4, "Suez Canal Authority"),
                    ("d.txt", 2, "Suez Canal Authority")
                ]
            ),
        ]
    );
}

#[test]
fn sources_are_read_in_path_order_with_first_places() {
    let (names, failures) = names_of_sources(&[folder("tests/data/names")], &RunOptions::default());
    assert!(failures.is_empty());
    let order: Vec<&str> = names.iter().map(|n| n.source.rsplit('/').next().unwrap_or("")).collect();
    assert_eq!(order, ["a.txt", "b.txt", "c.txt", "d.txt"]);
    let c = &names[2];
    let kowalski = c.written.iter().find(|((_, text), _)| text == "Kowalski").map(|(_, seen)| *seen).unwrap();
    // Twice, the possessive read as the name; first at line 7, column 1, where it
    // begins the sentence and so gives no evidence by itself.
    assert_eq!((kowalski.count, kowalski.first.line, kowalski.first.column, kowalski.strong), (2, 7, 1, true));
}

#[test]
fn the_seed_articles_name_variants_and_the_dprk_expansion() {
    let (found, _) = check_discovered_names(&[folder("seeds")], &RunOptions::default()).unwrap();
    let by_id = |id: &str| found.iter().find(|e| e.id == id);
    let kim = by_id("kim-jong-un").expect("Kim Jong Un");
    let mut written: Vec<&str> = kim.spellings.iter().map(|(s, _)| s.as_str()).collect();
    written.sort_unstable();
    assert_eq!(written, ["Kim Jong Un", "Kim Jong-un"]);
    assert!(by_id("ri-sol-ju").is_some_and(|e| e.spellings.len() == 2), "{found:#?}");
    assert!(
        found.iter().any(|e| e.spellings.iter().any(|(s, _)| s == "Kim Jong-il")
            && e.spellings.iter().any(|(s, _)| s == "Kim Jong Il")),
        "{found:#?}"
    );
    let dprk = by_id("dprk").expect("DPRK");
    assert_eq!(dprk.spec.expansion.as_deref(), Some("Democratic People's Republic of Korea"));
}
