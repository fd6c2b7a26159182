//! End to end on events other than the seed one: does factlint generalize?
//!
//! Owns the fixtures under `tests/events/` (an earthquake, an acquisition, an
//! election, a documentation site), each a folder of short articles written for
//! these tests, a `sources.yaml` of publication dates and the `rules.yaml` a user
//! would write. Every test runs the built binary (`check ... --format json`, or
//! `extract ... --format jsonl`) and asserts the findings a careful fact checker
//! expects (`docs/events.md`): ids, kinds, which sources hold which value, and
//! that agreements and traps stay silent.
//!
//! The gaps the first run found (`docs/events.md`) are fixed, and every test runs.
//! Where a finding could still grow, a test asserts only what stays true as factlint
//! improves (an outlier and some of the majority, not the whole majority), so that a
//! fix never breaks a test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn event(name: &str) -> PathBuf {
    root().join("tests/events").join(name)
}

fn factlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint")).args(args).current_dir(root()).output().unwrap()
}

/// `check <event> --rules <event>/rules.yaml --format json`, or another rule file.
fn report_with(name: &str, rules: &Path) -> Value {
    let folder = event(name);
    let out = factlint(&[
        "check",
        folder.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["errors"].as_array().unwrap().len(), 0, "{report:#}");
    report
}

fn report(name: &str) -> Value {
    report_with(name, &event(name).join("rules.yaml"))
}

/// The claims `extract --format jsonl` finds in one file of an event.
fn extract(name: &str, file: &str) -> Vec<Value> {
    let path = event(name).join(file);
    let out = factlint(&["extract", path.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn file_name(claim: &Value) -> String {
    claim["source"].as_str().unwrap().rsplit('/').next().unwrap().to_string()
}

/// (id, kind) of every finding, sorted: the whole set a report holds.
fn keys(report: &Value) -> Vec<(String, String)> {
    let mut keys: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["id"].as_str().unwrap().to_string(), f["kind"].as_str().unwrap().to_string()))
        .collect();
    keys.sort();
    keys
}

fn owned(keys: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut keys: Vec<_> = keys.iter().map(|(i, k)| (i.to_string(), k.to_string())).collect();
    keys.sort();
    keys
}

/// The one finding of this id and kind.
fn finding<'a>(report: &'a Value, id: &str, kind: &str) -> &'a Value {
    let found: Vec<_> =
        report["findings"].as_array().unwrap().iter().filter(|f| f["id"] == id && f["kind"] == kind).collect();
    assert_eq!(found.len(), 1, "one {kind} finding for {id} expected in {report:#}");
    found[0]
}

/// value -> the files whose claims in the finding hold it.
fn by_value(finding: &Value) -> BTreeMap<String, BTreeSet<String>> {
    let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for claim in finding["claims"].as_array().unwrap() {
        map.entry(claim["value"].as_str().unwrap().to_string()).or_default().insert(file_name(claim));
    }
    map
}

fn set(files: &[&str]) -> BTreeSet<String> {
    files.iter().map(|f| f.to_string()).collect()
}

/// (file, text) of the claims of a finding.
fn texts(finding: &Value) -> BTreeSet<(String, String)> {
    finding["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (file_name(c), c["text"].as_str().unwrap().to_string()))
        .collect()
}

fn has_text(finding: &Value, file: &str, text: &str) -> bool {
    texts(finding).contains(&(file.to_string(), text.to_string()))
}

// ---------------------------------------------------------------- earthquake

#[test]
fn earthquake_magnitude_one_outlet_says_7_5_and_aftershocks_stay_out() {
    let report = report("earthquake");
    let f = finding(&report, "quake-magnitude", "conflict");
    assert_eq!(f["severity"], "error");
    // The aftershocks (6.1 twice, 6.4 on Wednesday) and the 2001 quake (8.4) are
    // traps: `exclude: [aftershock, tremor]` and `during` keep them out.
    let values = by_value(f);
    assert_eq!(values.keys().collect::<Vec<_>>(), ["7.5", "7.8"], "{f:#}");
    assert_eq!(values["7.5"], set(&["02-daily.md"]), "{f:#}");
    assert!(set(&["01-wire.txt", "03-broadcaster.html", "04-weekly.txt"]).is_subset(&values["7.8"]), "{f:#}");
    // "7.5-magnitude", "magnitude 7.8" and "7.8-magnitude" are all read.
    assert!(has_text(f, "04-weekly.txt", "7.8-magnitude"), "{f:#}");
    // The outlier first; no exact wording, which gap `quantity_messages_name_their_units` changes.
    let message = f["message"].as_str().unwrap();
    assert!(message.contains("7.5") && message.find("7.5") < message.find("7.8"), "{message}");
    assert!(message.contains("(1 source: 02-daily.md) vs "), "{message}");
}

#[test]
fn earthquake_magnitude_of_is_read() {
    let report = report("earthquake");
    let f = finding(&report, "quake-magnitude", "conflict");
    assert_eq!(
        by_value(f)["7.8"],
        set(&["01-wire.txt", "03-broadcaster.html", "04-weekly.txt", "05-radio.txt"]),
        "{f:#}"
    );
    assert!(texts(f).iter().any(|(file, text)| file == "05-radio.txt" && text.contains("magnitude of 7.8")), "{f:#}");
}

#[test]
fn earthquake_depth_in_miles_agrees_with_km_and_35_km_conflicts() {
    let report = report("earthquake");
    let f = finding(&report, "quake-depth", "conflict");
    // 10 km and 6.2 miles (9,977.9 m) agree within the rule's 2%; the
    // broadcaster's revised 35 km does not; the radio's "about 10 kilometres" does. Its sentence also names the first
    // estimate ("had first put the depth at 10 km"): the claim nearest the cue
    // is the one taken.
    let expected = BTreeMap::from([
        ("35000".to_string(), set(&["03-broadcaster.html"])),
        ("10000".to_string(), set(&["01-wire.txt", "05-radio.txt"])),
        ("9977.9328".to_string(), set(&["02-daily.md", "04-weekly.txt"])),
    ]);
    assert_eq!(by_value(f), expected, "{f:#}");
    assert!(has_text(f, "02-daily.md", "6.2 miles"), "{f:#}");
    let message = f["message"].as_str().unwrap();
    assert!(message.starts_with("35") && message.contains("(1 source: 03-broadcaster.html) vs "), "{message}");
}

#[test]
fn earthquake_same_day_death_tolls_conflict() {
    let report = report("earthquake");
    let f = finding(&report, "death-toll", "conflict");
    assert_eq!(f["severity"], "warning");
    // Both published on Monday: "at least 120" and "85" cannot both be right.
    // The 1,400 injured, the 74 dead of 2001 and the 40,000 outdoors are traps.
    let expected =
        BTreeMap::from([("120".to_string(), set(&["01-wire.txt"])), ("85".to_string(), set(&["02-daily.md"]))]);
    assert_eq!(by_value(f), expected, "{f:#}");
    let modifiers: BTreeSet<_> = f["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["value"] == "120")
        .map(|c| c["modifier"].as_str().unwrap_or("none").to_string())
        .collect();
    assert_eq!(modifiers, BTreeSet::from(["at-least".to_string()]));
}

#[test]
fn earthquake_later_larger_death_tolls_are_updates() {
    let report = report("earthquake");
    let f = finding(&report, "death-toll", "update");
    let values = by_value(f);
    assert_eq!(values.get("310"), Some(&set(&["03-broadcaster.html"])), "{f:#}");
    assert_eq!(values.get("1150"), Some(&set(&["04-weekly.txt"])), "{f:#}");
    // The same-day disagreement stays a conflict of its own.
    let conflict = finding(&report, "death-toll", "conflict");
    assert!(!by_value(conflict).contains_key("1150"), "{conflict:#}");
}

#[test]
fn earthquake_findings_are_exactly_these() {
    assert_eq!(
        keys(&report("earthquake")),
        owned(&[
            ("death-toll", "conflict"),
            ("death-toll", "update"),
            ("quake-depth", "conflict"),
            ("quake-magnitude", "conflict"),
        ])
    );
}

#[test]
fn earthquake_time_and_date_agree_and_captions_stay_silent() {
    let report = report("earthquake");
    // "4:17 a.m. on Monday", "4:17 am", "Monday", "March 10 at 4:17" agree; the
    // photo captions ("on Monday", "on Tuesday") and Wednesday's aftershock are
    // not the quake's time. Nor do the entities bring name findings.
    let ids: BTreeSet<String> = keys(&report).into_iter().map(|k| k.0).collect();
    for silent in ["quake-time", "usgs", "ana-torres"] {
        assert!(!ids.contains(silent), "{silent} should be silent: {report:#}");
    }
}

// --------------------------------------------------------------- acquisition

#[test]
fn acquisition_price_in_dollars_only() {
    let report = report("acquisition");
    let f = finding(&report, "deal-price", "conflict");
    // "$2.3 billion" and "$2.3bn" agree; "$2.5 billion including debt" is the
    // outlier. "about £1.8bn" and "£1.1bn" are pounds and never compare; the
    // revenue and the break-up fee are excluded.
    let values = by_value(f);
    assert_eq!(values["2500000000"], set(&["03-trade.html"]), "{f:#}");
    assert!(set(&["01-wire.txt", "02-ft-style.md", "04-local.txt"]).is_subset(&values["2300000000"]), "{f:#}");
    assert!(!values.keys().any(|v| v.starts_with("18") || v.starts_with("11") || v.starts_with("96")), "{f:#}");
    assert!(has_text(f, "02-ft-style.md", "$2.3bn"), "{f:#}");
}

#[test]
fn acquisition_hyphenated_billion_agrees() {
    let report = report("acquisition");
    let f = finding(&report, "deal-price", "conflict");
    let expected = BTreeMap::from([
        ("2500000000".to_string(), set(&["03-trade.html"])),
        ("2300000000".to_string(), set(&["01-wire.txt", "02-ft-style.md", "04-local.txt", "05-canada.txt"])),
    ]);
    assert_eq!(by_value(f), expected, "{f:#}");
}

#[test]
fn acquisition_share_move_per_cent_spellings_agree() {
    let report = report("acquisition");
    let f = finding(&report, "share-move", "conflict");
    assert_eq!(f["severity"], "warning");
    let expected = BTreeMap::from([
        ("21".to_string(), set(&["04-local.txt"])),
        ("12".to_string(), set(&["01-wire.txt", "02-ft-style.md", "03-trade.html"])),
    ]);
    assert_eq!(by_value(f), expected, "{f:#}");
    assert!(has_text(f, "02-ft-style.md", "12 per cent") && has_text(f, "03-trade.html", "12 percent"), "{f:#}");
}

#[test]
fn acquisition_closing_window_one_outlet_says_july_to_september() {
    let report = report("acquisition");
    let f = finding(&report, "deal-closing", "conflict");
    let values = by_value(f);
    assert_eq!(values.get("2026-07/2026-09"), Some(&set(&["03-trade.html"])), "{f:#}");
    // "between March and June next year", published in October 2025, is 2026.
    let majority = values.get("2026-03/2026-06").unwrap();
    assert!(majority.contains("01-wire.txt") && majority.contains("04-local.txt"), "{f:#}");
    assert!(has_text(f, "04-local.txt", "between March and June next year"), "{f:#}");
}

#[test]
fn acquisition_closing_quarter_counts_with_the_majority() {
    // A period written as a date ("the second quarter of 2026", "next summer") is a
    // range in all but form; both overlap March to June, so they side with it.
    let report = report("acquisition");
    let f = finding(&report, "deal-closing", "conflict");
    let values = by_value(f);
    assert_eq!(values.get("2026-Q2"), Some(&set(&["02-ft-style.md"])), "{f:#}");
    assert_eq!(values.get("2026-07/2026-09"), Some(&set(&["03-trade.html"])), "{f:#}");
    let message = f["message"].as_str().unwrap();
    assert!(message.starts_with("2026-07/2026-09 (1 source: 03-trade.html) vs"), "{message}");
}

#[test]
fn acquisition_ceo_spellings_and_sec_expansion() {
    let report = report("acquisition");
    let variants: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == "margarethe-olsen" && f["kind"] == "variant")
        .collect();
    // One finding per variant spelling, each naming its one source.
    let spelled: BTreeSet<(String, String)> = variants
        .iter()
        .map(|f| {
            let first = &f["claims"][0];
            (first["text"].as_str().unwrap().to_string(), file_name(first))
        })
        .collect();
    assert_eq!(
        spelled,
        BTreeSet::from([
            ("Margrethe Olsen".to_string(), "02-ft-style.md".to_string()),
            ("Margaretha Olsen".to_string(), "04-local.txt".to_string()),
        ]),
        "{report:#}"
    );
    let f = finding(&report, "sec", "expansion");
    assert_eq!(f["claims"][0]["text"], "Securities Exchange Committee");
    assert_eq!(file_name(&f["claims"][0]), "04-local.txt");
    let message = f["message"].as_str().unwrap();
    assert!(message.contains("\"Securities and Exchange Commission\""), "{message}");
}

#[test]
fn acquisition_findings_are_exactly_these() {
    // Everything else (the pound figures, the revenue, the break-up fee, the
    // company names, the ages and staff numbers) is silent.
    assert_eq!(
        keys(&report("acquisition")),
        owned(&[
            ("deal-closing", "conflict"),
            ("deal-price", "conflict"),
            ("margarethe-olsen", "variant"),
            ("margarethe-olsen", "variant"),
            ("sec", "expansion"),
            ("share-move", "conflict"),
        ])
    );
}

#[test]
fn quantity_messages_name_their_units() {
    // Durations read "2 days"; a desk reading "35000 ... vs 10000 / 9977.9328" cannot
    // tell metres from miles, nor dollars from pounds.
    let quake = report("earthquake");
    let depth = finding(&quake, "quake-depth", "conflict")["message"].as_str().unwrap().to_string();
    assert!(depth.contains("km") || depth.contains(" m"), "{depth}");
    assert!(!depth.contains("9977.9328"), "{depth}");
    let deal = report("acquisition");
    let price = finding(&deal, "deal-price", "conflict")["message"].as_str().unwrap().to_string();
    assert!(price.contains('$') || price.contains("USD"), "{price}");
    let share = finding(&deal, "share-move", "conflict")["message"].as_str().unwrap().to_string();
    assert!(share.contains('%'), "{share}");
}

// ------------------------------------------------------------------ election

#[test]
fn election_seats_fifty_two_and_more_than_fifty_agree_48_conflicts() {
    let report = report("election");
    let f = finding(&report, "civic-union-seats", "conflict");
    // Traps: "needs 51 seats for a majority", the 44 seats of 2021, the Social
    // Democrats' 31, the Homeland party's 9.
    let values = by_value(f);
    assert_eq!(values["48"], set(&["04-tabloid.txt"]), "{f:#}");
    assert_eq!(values["52"], set(&["01-wire.txt", "02-paper.md"]), "{f:#}");
    assert_eq!(values["50"], set(&["03-agency.html"]), "{f:#}");
    for trap in ["51", "44", "31", "9"] {
        assert!(!values.contains_key(trap), "{trap} taken: {f:#}");
    }
    assert!(has_text(f, "02-paper.md", "fifty-two") && has_text(f, "03-agency.html", "more than 50"), "{f:#}");
}

#[test]
fn election_seats_of_the_chamber_are_not_the_result() {
    let report = report("election");
    let f = finding(&report, "civic-union-seats", "conflict");
    let expected = BTreeMap::from([
        ("48".to_string(), set(&["04-tabloid.txt"])),
        ("52".to_string(), set(&["01-wire.txt", "02-paper.md"])),
        ("50".to_string(), set(&["03-agency.html"])),
    ]);
    assert_eq!(by_value(f), expected, "{f:#}");
    assert!(f["message"].as_str().unwrap().starts_with("48 (1 source: 04-tabloid.txt) vs "), "{f:#}");
}

#[test]
fn election_term_ordinal_second_conflicts_with_third() {
    let report = report("election");
    let f = finding(&report, "ozols-term", "conflict");
    // The tabloid's "only the second Estravian leader to win a third term" gives
    // "third": the ordinal nearest the cue. "for the first time" is no term.
    let expected = BTreeMap::from([
        ("2".to_string(), set(&["03-agency.html"])),
        ("3".to_string(), set(&["01-wire.txt", "02-paper.md", "04-tabloid.txt"])),
    ]);
    assert_eq!(by_value(f), expected, "{f:#}");
}

#[test]
fn election_age_48_year_old_conflicts_with_47() {
    let report = report("election");
    let f = finding(&report, "ozols-age", "conflict");
    let values = by_value(f);
    assert_eq!(values.get("48"), Some(&set(&["03-agency.html"])), "{f:#}");
    let majority = values.get("47").unwrap();
    assert!(majority.contains("01-wire.txt") && majority.contains("02-paper.md"), "{f:#}");
    // Viktors Lapa, 39, is another person.
    assert!(!values.contains_key("39"), "{f:#}");
}

#[test]
fn election_age_appositive_after_a_title_is_taken() {
    let report = report("election");
    let f = finding(&report, "ozols-age", "conflict");
    assert_eq!(by_value(f).get("47"), Some(&set(&["01-wire.txt", "02-paper.md", "04-tabloid.txt"])), "{f:#}");
}

#[test]
fn election_age_selected_by_years() {
    // What a user writes first for an age; the fixture's rules.yaml has to name
    // the person in `counted` instead.
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("ages.yaml");
    std::fs::write(
        &rules,
        "entities:\n  andris-ozols:\n    name: Andris Ozols\n    aliases: [Ozols, Prime Minister]\n\
         facts:\n  ozols-age:\n    claim: number\n    counted: [years]\n    about: [andris-ozols]\n\
         \x20   cues: [Ozols, Prime Minister, leader]\n    exclude: [Lapa]\n",
    )
    .unwrap();
    let report = report_with("election", &rules);
    let f = finding(&report, "ozols-age", "conflict");
    assert_eq!(by_value(f).get("48"), Some(&set(&["03-agency.html"])), "{f:#}");
}

#[test]
fn election_misspelt_leader_is_a_variant() {
    let report = report("election");
    let f = finding(&report, "andris-ozols", "variant");
    assert_eq!(f["claims"][0]["text"], "Andris Ozol");
    assert_eq!(file_name(&f["claims"][0]), "04-tabloid.txt");
}

#[test]
fn election_traps_are_silent() {
    let report = report("election");
    let ids: BTreeSet<String> = keys(&report).into_iter().map(|k| k.0).collect();
    // Only the three facts (and, once the gap is fixed, the misspelt leader).
    let allowed = set(&["civic-union-seats", "ozols-term", "ozols-age", "andris-ozols"]);
    assert!(ids.is_subset(&allowed), "{report:#}");
    for id in ["civic-union-seats", "ozols-term", "ozols-age"] {
        assert!(ids.contains(id), "{report:#}");
    }
}

// ----------------------------------------------------------------- docs site

#[test]
fn docs_rate_limit_up_to_100_agrees_with_100_and_120_conflicts() {
    let report = report("docs-site");
    let f = finding(&report, "rate-limit", "conflict");
    // The enterprise plan's 1,000 requests per minute is excluded.
    let expected = BTreeMap::from([
        ("120".to_string(), set(&["changelog.md"])),
        ("100".to_string(), set(&["index.md", "rate-limits.md"])),
    ]);
    assert_eq!(by_value(f), expected, "{f:#}");
    assert!(has_text(f, "index.md", "up to 100"), "{f:#}");
}

#[test]
fn docs_timeout_changelog_45_seconds_is_the_outlier() {
    let report = report("docs-site");
    let f = finding(&report, "request-timeout", "conflict");
    let values = by_value(f);
    // "now 45 seconds (it was 30 seconds in 4.1)": the value nearest the cue.
    // The labels endpoint's 60 seconds is excluded.
    assert_eq!(values.get("PT45S"), Some(&set(&["changelog.md"])), "{f:#}");
    assert!(values.get("PT30S").is_some_and(|s| s.contains("index.md")), "{f:#}");
    assert!(!values.contains_key("PT60S"), "{f:#}");
    assert!(f["message"].as_str().unwrap().starts_with("45 seconds (1 source: changelog.md) vs "), "{f:#}");
}

#[test]
fn docs_timeout_half_a_minute_is_thirty_seconds() {
    let report = report("docs-site");
    let f = finding(&report, "request-timeout", "conflict");
    let expected = BTreeMap::from([
        ("PT45S".to_string(), set(&["changelog.md"])),
        ("PT30S".to_string(), set(&["index.md", "timeouts.html"])),
    ]);
    assert_eq!(by_value(f), expected, "{f:#}");
    assert!(has_text(f, "timeouts.html", "half a minute"), "{f:#}");
}

#[test]
fn docs_findings_are_exactly_these() {
    // The batch size (up to 500 on two pages) agrees; versions are no counts.
    assert_eq!(keys(&report("docs-site")), owned(&[("rate-limit", "conflict"), ("request-timeout", "conflict")]));
}

#[test]
fn docs_version_numbers_are_not_claims() {
    // "version 4.2", "version 3", "parcelhub==4.2.1", "@4.2.0", "SDK 4.2",
    // "## 4.2.0 (2025-09-01)", "Python client 4.2.1": none is a number. (Counts in
    // the same sentences, "retry 3 times", "status 429", are numbers.)
    for file in ["index.md", "rate-limits.md", "timeouts.html", "changelog.md"] {
        let text = std::fs::read_to_string(event("docs-site").join(file)).unwrap();
        for claim in extract("docs-site", file) {
            let kind = claim["kind"].as_str().unwrap();
            if !matches!(kind, "number" | "quantity" | "ordinal") {
                continue;
            }
            let start = claim["start"].as_u64().unwrap() as usize;
            let before = &text[start.saturating_sub(8)..start];
            let version = ["version ", "SDK ", "client ", "==", "@", "## "].iter().any(|p| before.ends_with(p));
            assert!(
                !version && !claim["text"].as_str().unwrap().contains('.'),
                "{file}: a version as a {kind}: {claim}"
            );
        }
    }
}

#[test]
fn docs_sixty_second_window_is_a_duration() {
    let claims = extract("docs-site", "rate-limits.md");
    let window: Vec<(&str, &str)> = claims
        .iter()
        .filter(|c| c["sentence"].as_str().unwrap().contains("60-second"))
        .map(|c| (c["kind"].as_str().unwrap(), c["value"].as_str().unwrap()))
        .collect();
    assert!(window.contains(&("duration", "PT60S")), "{window:?}");
    assert!(!window.contains(&("ordinal", "2")), "{window:?}");
}
