//! Every report format rendered from one hand-built report on the seed articles:
//! snapshots of each format, explicit checks of what tools read from them, and, where
//! the tools are installed, SARIF schema validation and the HTML page in headless
//! Chromium. Those skip with a message when their tool is missing, except under
//! `CI=true`, where a missing tool fails them (`.ci/run` installs the tools).

use std::path::{Path, PathBuf};
use std::process::Command;

use factlint::check::{Derivation, Evidence, Finding, FindingKind};
use factlint::report::{self, Format, Report, SourceSummary};
use factlint::rules::Severity;
use factlint::source::SourceFailure;
use factlint::span::Span;
use factlint::value::{ClaimKind, Value};

const S000: &str = "seeds/000_6c0d67ebaf356fed.txt";
const S001: &str = "seeds/001_c4cfb127ccf8dd3d.txt";
const S002: &str = "seeds/002_1e4dbd935148d1bc.txt";
const S004: &str = "seeds/004_d6f0e9b43916a7ba.txt";

/// A claim at a place in a seed file (offsets and positions taken from the seeds).
#[allow(clippy::too_many_arguments)]
fn claim(
    source: &str,
    (line, column, start, end): (usize, usize, usize, usize),
    sentence_index: usize,
    text: &str,
    sentence: &str,
    kind: ClaimKind,
    value: Value,
) -> Evidence {
    let mut e = Evidence::new(source, kind, value, text);
    e.claim.span = Span::new(start, end);
    e.place.line = line;
    e.place.column = column;
    e.place.sentence_index = sentence_index;
    e.place.sentence = sentence.into();
    e
}

/// The duration a "Sunday to Wednesday" range implies, as the checker derives it.
fn derived(source: &str, at: (usize, usize, usize, usize), index: usize, sentence: &str) -> Evidence {
    let range = Value::Range { start: "2018-03-25".parse().unwrap(), end: "2018-03-28".parse().unwrap() };
    let mut e = claim(
        source,
        at,
        index,
        "Sunday to Wednesday",
        sentence,
        ClaimKind::Duration,
        Value::Duration("P4D".parse().unwrap()),
    );
    e.derived_from = Some(Derivation { kind: ClaimKind::DateRange, text: "Sunday to Wednesday".into(), value: range });
    e
}

/// Three findings on the seed articles: a conflict with derived claims, a name
/// variant (with a multi-byte apostrophe after it), and an imprecise date (with an em
/// dash and apostrophe before it in a long sentence); and one unreadable source.
fn sample() -> Report {
    let s000_length = "Kim, along with North Korean First Lady Ri Sol Ju, were in Beijing for two days.";
    let s001_range =
        "The official Xinhua News Agency said Kim made an unofficial visit to China from Sunday to Wednesday.";
    let s002_length = "During the 4-day unofficial visit, Kim held bilateral talks with Xi, attended a welcoming banquet and luncheon hosted by Xi and his wife Peng Liyuan, watched an art performance, and visited an exhibition showcasing the accomplishments of the Chinese Academy of Sciences.";
    let s004_range = "North Korean leader Kim Jong Un visited China from Sunday to Wednesday on an unofficial visit, China’s state news agency Xinhua reported on Wednesday.";
    let s002_trip = "Washington, DC – On March 25-28, North Korean leader Kim Jong-un traveled with his wife Ri Sol-ju to Beijing to meet Chinese president Xi Jinping.";
    let s002_first = "This was Kim Jong-un’s first foreign visit as the head of state and his first visit to China since becoming North Korea’s supreme leader in December 2011.";
    let s001_power = "SEOUL, South Korea—The Chinese government confirmed Wednesday that North Korea’s reclusive leader Kim Jong Un went to Beijing and met with Chinese President Xi Jinping in his first known trip to a foreign country since he took power in 2011.";
    let s000_power = "It was the first time the two met face-to-face and the first time the reclusive leader met with a foreign head of state since assuming power in 2011.";

    let length = Finding {
        id: "first-china-visit-length".into(),
        kind: FindingKind::Conflict,
        severity: Severity::Error,
        message: "2 days (1 source: 000_6c0d67ebaf356fed.txt) vs 4 days (3 sources: 001_c4cfb127ccf8dd3d.txt, 002_1e4dbd935148d1bc.txt, 004_d6f0e9b43916a7ba.txt)".into(),
        note: None,
        claims: vec![
            claim(S000, (8, 336, 1046, 1054), 8, "two days", s000_length, ClaimKind::Duration, Value::Duration("P2D".parse().unwrap())),
            derived(S001, (8, 81, 797, 816), 5, s001_range),
            claim(S002, (7, 314, 399, 404), 5, "4-day", s002_length, ClaimKind::Duration, Value::Duration("P4D".parse().unwrap())),
            derived(S004, (3, 242, 317, 336), 2, s004_range),
        ],
        omitted: Vec::new(),
        side: None,
        confidence: None,
    };
    let mut variants = vec![
        claim(S002, (7, 54, 134, 145), 3, "Kim Jong-un", s002_trip, ClaimKind::Name, Value::Text("Kim Jong-un".into())),
        claim(
            S002,
            (7, 157, 238, 249),
            4,
            "Kim Jong-un",
            s002_first,
            ClaimKind::Name,
            Value::Text("Kim Jong-un".into()),
        ),
    ];
    for v in &mut variants {
        v.claim.entity = Some("kim-jong-un".into());
    }
    let variant = Finding {
        id: "kim-jong-un".into(),
        kind: FindingKind::Variant,
        severity: Severity::Warning,
        message: "`Kim Jong-un` is not the house spelling `Kim Jong Un` (2 mentions in 1 source)".into(),
        note: Some("add it to the entity's aliases if it is an accepted spelling".into()),
        claims: variants,
        omitted: Vec::new(),
        side: None,
        confidence: None,
    };
    let imprecise = Finding {
        id: "kim-took-power".into(),
        kind: FindingKind::Imprecise,
        severity: Severity::Info,
        message: "2011 (2 sources: 000_6c0d67ebaf356fed.txt, 001_c4cfb127ccf8dd3d.txt) is less precise than December 2011 (1 source: 002_1e4dbd935148d1bc.txt)".into(),
        note: None,
        claims: vec![
            claim(S000, (4, 274, 344, 348), 2, "2011", s000_power, ClaimKind::Date, Value::Date("2011".parse().unwrap())),
            claim(S001, (6, 237, 710, 714), 4, "2011", s001_power, ClaimKind::Date, Value::Date("2011".parse().unwrap())),
            claim(S002, (7, 288, 373, 386), 4, "December 2011", s002_first, ClaimKind::Date, Value::Date("2011-12".parse().unwrap())),
        ],
        omitted: Vec::new(),
        side: None,
        confidence: None,
    };
    let source = |path: &str, published: &str, sentences: usize, claims: usize| SourceSummary {
        path: path.into(),
        published: Some(published.into()),
        outlet: None,
        title: None,
        sentences,
        claims,
        warnings: Vec::new(),
    };
    Report::new(
        vec![
            source(S000, "2018-03-28", 29, 14),
            source(S001, "2018-03-28", 25, 17),
            source(S002, "2018-03-29", 30, 21),
            source("seeds/003_6df1004a2fa38faa.txt", "2018-05-09", 50, 33),
            source(S004, "2018-03-28", 48, 40),
        ],
        vec![length, variant, imprecise],
        vec![SourceFailure { source: "seeds/broken.bin".into(), message: "not UTF-8 text".into() }],
    )
}

fn rendered(format: Format) -> String {
    report::render(&sample(), format, false)
}

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

#[test]
fn text_snapshot() {
    let text = rendered(Format::Text);
    snapshot!("report_text", text.clone());
    assert!(text.starts_with("error[first-china-visit-length]: 2 days"), "{text}");
    assert!(text.contains("seeds/000_6c0d67ebaf356fed.txt:8:336"), "{text}");
    assert!(text.contains("two days (2 days)"), "{text}");
    assert!(text.contains("Sunday to Wednesday (2018-03-25/2018-03-28 → 4 days)"), "{text}");
    assert!(text.contains("December 2011 (2011-12)"), "{text}");
    assert!(text.contains("warning[kim-jong-un]"), "{text}");
    assert!(text.contains("info[kim-took-power]"), "{text}");
    assert!(text.contains("error: seeds/broken.bin: not UTF-8 text"), "{text}");
    assert!(
        text.ends_with(
            "3 findings: 1 error, 1 warning, 1 info in 5 sources (182 sentences, 125 claims); 1 source skipped\n"
        ),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "no colour unless asked");
}

#[test]
fn text_colour_only_when_asked() {
    let coloured = report::render(&sample(), Format::Text, true);
    assert!(coloured.contains('\u{1b}'));
    // The file's own line and column, not the sentence's, with styles around them.
    assert!(coloured.contains("seeds/000_6c0d67ebaf356fed.txt:8:336"), "{coloured}");
    assert!(coloured.contains("seeds/001_c4cfb127ccf8dd3d.txt:6:237"), "{coloured}");
}

#[test]
fn json_snapshot() {
    let json = rendered(Format::Json);
    snapshot!("report_json", json.clone());
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(value["findings"].as_array().unwrap().len(), 3);
    assert_eq!(value["findings"][0]["claims"][1]["derived_from"]["value"], "2018-03-25/2018-03-28");
    assert_eq!(value["errors"][0]["source"], "seeds/broken.bin");
}

#[test]
fn markdown_snapshot() {
    let markdown = rendered(Format::Markdown);
    snapshot!("report_markdown", markdown.clone());
    assert!(markdown.contains("## error `first-china-visit-length`: conflict"), "{markdown}");
    assert!(markdown.contains("| `seeds/000_6c0d67ebaf356fed.txt:8:336` | two days | `2 days` |"), "{markdown}");
    assert!(markdown.contains("for **two days**."), "{markdown}");
    // Every table row has the same number of cells as its header.
    for line in markdown.lines().filter(|l| l.starts_with('|')) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert!(cells == 5 || cells == 4 || cells == 3, "{line}");
    }
}

#[test]
fn markdown_escapes_pipes_newlines_and_markup() {
    let mut report = sample();
    let claim = &mut report.findings[0].claims[0];
    claim.place.sentence = "A | B\nsaid <b>two days</b> & *more* _now_ snake_case.".into();
    report.findings[0].message = "2 | 4 days".into();
    let markdown = report::render(&report, Format::Markdown, false);
    assert!(markdown.contains("| 2 \\| 4 days |"), "{markdown}");
    assert!(
        markdown.contains("A \\| B said &lt;b&gt;**two days**&lt;/b&gt; &amp; \\*more\\* \\_now\\_ snake_case."),
        "{markdown}"
    );
}

#[test]
fn github_snapshot() {
    let github = rendered(Format::Github);
    snapshot!("report_github", github.clone());
    let lines: Vec<&str> = github.lines().collect();
    assert_eq!(lines.len(), 4 + 2 + 3 + 1 + 1, "one command per claim, per unreadable source, then a summary");
    assert!(lines[0].starts_with("::error file=seeds/000_6c0d67ebaf356fed.txt,line=8,col=336,endColumn=344,title="));
    assert!(lines[4].starts_with("::warning file=seeds/002_1e4dbd935148d1bc.txt,line=7,col=54,"));
    assert!(lines[6].starts_with("::notice file=seeds/000_6c0d67ebaf356fed.txt,line=4,col=274,"));
    assert_eq!(lines[9], "::error file=seeds/broken.bin,title=factlint%3A source not read::not UTF-8 text");
    // The title property escapes `:` and `,`; the message escapes line breaks.
    assert!(lines[0].contains(",title=factlint conflict%3A first-china-visit-length::2 days"), "{}", lines[0]);
    assert!(lines[0].contains("%0Ahere: \"two days\" = 2 days"), "{}", lines[0]);
    for line in &lines[..10] {
        let (properties, message) = line.split_once("::").unwrap().1.split_once("::").unwrap();
        assert!(!properties.contains('\n') && !message.contains('\n') && !message.contains('\r'));
    }
}

#[test]
fn github_escapes_data_and_properties() {
    let mut report = sample();
    report.findings.truncate(1);
    report.findings[0].claims.truncate(1);
    report.findings[0].id = "a,b:c".into();
    report.findings[0].message = "50% off\r\nnext".into();
    report.findings[0].claims[0].place.source = "dir,x/a:b%.txt".into();
    report.errors.clear();
    let github = report::render(&report, Format::Github, false);
    let first = github.lines().next().unwrap();
    assert!(first.starts_with("::error file=dir%2Cx/a%3Ab%25.txt,line=8,"), "{first}");
    assert!(first.contains("title=factlint conflict%3A a%2Cb%3Ac::50%25 off%0D%0Anext%0A"), "{first}");
}

/// The results of the SARIF log, parsed.
fn sarif() -> serde_json::Value {
    serde_json::from_str(&rendered(Format::Sarif)).unwrap()
}

#[test]
fn sarif_snapshot() {
    snapshot!("report_sarif", rendered(Format::Sarif));
    let log = sarif();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().ends_with("sarif-2.1.0.json"));
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "factlint");
    let rules: Vec<&str> =
        run["tool"]["driver"]["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(rules, ["first-china-visit-length", "kim-jong-un", "kim-took-power"]);
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let summary: Vec<(&str, &str, u64, u64)> = results
        .iter()
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            (
                r["ruleId"].as_str().unwrap(),
                r["level"].as_str().unwrap(),
                region["startLine"].as_u64().unwrap(),
                region["startColumn"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("first-china-visit-length", "error", 8, 336),
            ("kim-jong-un", "warning", 7, 54),
            ("kim-took-power", "note", 4, 274),
        ]
    );
    for (result, claims) in results.iter().zip([4, 2, 3]) {
        assert_eq!(result["relatedLocations"].as_array().unwrap().len(), claims - 1);
        let rule = &run["tool"]["driver"]["rules"][result["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], result["ruleId"]);
    }
    let first = &results[0];
    assert_eq!(first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "seeds/000_6c0d67ebaf356fed.txt");
    assert_eq!(first["locations"][0]["physicalLocation"]["region"]["endColumn"], 344);
    assert_eq!(first["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 8);
    assert_eq!(first["relatedLocations"][0]["physicalLocation"]["region"]["startColumn"], 81);
    let notifications = &run["invocations"][0]["toolExecutionNotifications"];
    assert_eq!(notifications[0]["message"]["text"], "seeds/broken.bin: not UTF-8 text");
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn sarif_uris_are_references() {
    let mut report = sample();
    report.findings[0].claims[0].place.source = "/abs/my file.txt".into();
    report.findings[0].claims[1].place.source = "a:b/c#d.txt".into();
    let log: serde_json::Value = serde_json::from_str(&report::render(&report, Format::Sarif, false)).unwrap();
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "file:///abs/my%20file.txt");
    assert_eq!(result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"], "a%3Ab/c%23d.txt");
}

#[test]
fn html_snapshot() {
    let html = rendered(Format::Html);
    snapshot!("report_html", html.clone());
    assert_eq!(html.matches("<section class=\"finding ").count(), 3);
    assert!(html.contains("data-fact=\"first-china-visit-length\""));
    assert!(
        html.contains("for <mark title=\"first-china-visit-length (conflict): two days (2 days)\">two days</mark>.")
    );
    assert!(html.contains("China’s state news agency"), "multi-byte text kept");
    // Self-contained: nothing is fetched.
    for outside in ["http://", "https://", "src=", "<link", "@import", "url("] {
        assert!(!html.contains(outside), "{outside}");
    }
}

#[test]
fn html_escapes_everything() {
    let mut report = sample();
    report.findings[0].id = "x\"><script>alert(1)</script>".into();
    report.findings[0].message = "<img src=x onerror=alert(1)>".into();
    report.findings[0].claims[0].place.sentence = "Kim & <b>co</b> were there for two days.".into();
    let html = report::render(&report, Format::Html, false);
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img"));
    assert!(html.contains("Kim &amp; &lt;b&gt;co&lt;/b&gt; were there for <mark"));
}

/// The project's root, where `.ci/run` installs test tools under `target/ci-tools`.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A tool `.ci/run` installs, from an environment variable or its install place.
fn tool(variable: &str, installed: &str) -> Option<PathBuf> {
    let path = std::env::var_os(variable).map(PathBuf::from).unwrap_or_else(|| root().join(installed));
    path.exists().then_some(path)
}

/// A test's tool is missing: a failure under `CI=true`, where `.ci/run` has installed
/// every tool, so that CI cannot pass without running the test; elsewhere a visible skip.
fn missing_tool(test: &str, why: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{test}: {why}, and CI=true requires it (.ci/run installs it)");
    }
    eprintln!("SKIPPED {test}: {why}");
}

fn on_path(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success())
}

fn write_temp(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const MULTITOOL: &str = "target/ci-tools/node_modules/@microsoft/sarif-multitool-linux";

/// The SARIF log against the SARIF 2.1.0 JSON schema (the one Microsoft's SARIF
/// Multitool package ships), with Python's `jsonschema`.
#[test]
fn sarif_matches_the_schema() {
    let Some(schema) = tool("FACTLINT_SARIF_SCHEMA", &format!("{MULTITOOL}/sarif-2.1.0.json")) else {
        missing_tool("sarif_matches_the_schema", "no SARIF schema (run .ci/run or set FACTLINT_SARIF_SCHEMA)");
        return;
    };
    let has_jsonschema =
        Command::new("python3").args(["-c", "import jsonschema"]).output().is_ok_and(|o| o.status.success());
    if !has_jsonschema {
        missing_tool("sarif_matches_the_schema", "python3 with jsonschema is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let log = write_temp(dir.path(), "factlint.sarif", &rendered(Format::Sarif));
    let script = "import json, sys, jsonschema\n\
        schema = json.load(open(sys.argv[1], encoding='utf-8'))\n\
        log = json.load(open(sys.argv[2], encoding='utf-8'))\n\
        cls = jsonschema.validators.validator_for(schema)\n\
        errors = list(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(log))\n\
        for e in errors: print(list(e.absolute_path), e.message)\n\
        sys.exit(1 if errors else 0)\n";
    let out = Command::new("python3").arg("-c").arg(script).arg(&schema).arg(&log).output().unwrap();
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

/// The SARIF log through Microsoft's SARIF Multitool `validate`: the schema and the
/// SARIF rules, of which errors and warnings fail the test (its notes ask for what a
/// fact checker has no use for: conventional rule ids, help URIs, code snippets).
#[test]
fn sarif_passes_the_multitool() {
    let Some(multitool) = tool("FACTLINT_SARIF_MULTITOOL", &format!("{MULTITOOL}/Sarif.Multitool")) else {
        missing_tool("sarif_passes_the_multitool", "no SARIF Multitool (run .ci/run or set FACTLINT_SARIF_MULTITOOL)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let log = write_temp(dir.path(), "factlint.sarif", &rendered(Format::Sarif));
    let output = dir.path().join("validation.sarif");
    let out = Command::new(&multitool)
        .arg("validate")
        .arg(&log)
        .args(["--rule-kind", "Sarif", "--level", "Error;Warning;Note", "--output"])
        .arg(&output)
        .args(["--log", "ForceOverwrite"])
        .output();
    let out = match out {
        Ok(out) => out,
        Err(e) => {
            missing_tool("sarif_passes_the_multitool", &format!("cannot run {}: {e}", multitool.display()));
            return;
        }
    };
    let report: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&output).unwrap_or_default())
        .unwrap_or_else(|_| panic!("no validation log: {}", String::from_utf8_lossy(&out.stdout)));
    let results = report["runs"][0]["results"].as_array().cloned().unwrap_or_default();
    // A log it cannot read (say, an unknown enum value) gets no result at all, not even
    // the notes every factlint log gets (SARIF2003: no version control provenance).
    assert!(!results.is_empty(), "the multitool analysed nothing: {}", String::from_utf8_lossy(&out.stdout));
    // SARIF2005 asks for the tool's informationUri, which comes from Cargo.toml's
    // `homepage` or `repository`; until the package names one, that warning is expected.
    let has_uri = !env!("CARGO_PKG_HOMEPAGE").is_empty() || !env!("CARGO_PKG_REPOSITORY").is_empty();
    if !has_uri {
        eprintln!("note: Cargo.toml names no homepage or repository: SARIF has no informationUri (SARIF2005)");
    }
    let problems: Vec<String> = results
        .iter()
        .filter(|r| matches!(r["level"].as_str(), Some("error") | Some("warning") | None))
        .filter(|r| has_uri || r["ruleId"] != "SARIF2005")
        .map(|r| format!("{} {}: {}", r["ruleId"], r["level"], r["message"]))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The HTML page in headless Chromium: its script runs, the filters hide findings, and
/// a screenshot is taken (kept in `target/` for a person to look at).
#[test]
fn html_runs_in_chromium() {
    if !on_path("chromium") {
        missing_tool("html_runs_in_chromium", "chromium is not on PATH (apt-get install chromium)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = write_temp(dir.path(), "report.html", &rendered(Format::Html));
    let probe = std::fs::read_to_string(root().join("tests/browser/probe.js")).unwrap();
    let probed = rendered(Format::Html).replace("</body>", &format!("<script>{probe}</script>\n</body>"));
    let probed = write_temp(dir.path(), "probe.html", &probed);

    let dom = chromium(dir.path(), &["--dump-dom".into(), url(&probed)]);
    let attribute = |name: &str| {
        let start = dom.find(&format!("{name}=\"")).unwrap_or_else(|| panic!("no {name} in {dom}")) + name.len() + 2;
        dom[start..start + dom[start..].find('"').unwrap()].to_string()
    };
    assert_eq!(attribute("data-ready"), "true", "the page's script ran");
    assert_eq!(attribute("data-probe"), "ok", "the probe's checks: {}", attribute("data-probe-log"));
    assert_eq!(attribute("data-probe-log"), "all 3; no info 2; error only 1; fact kim-jong-un 1; reset 3");

    let screenshot = root().join("target/report-html.png");
    chromium(
        dir.path(),
        &[format!("--screenshot={}", screenshot.display()), "--window-size=1280,1600".into(), url(&page)],
    );
    let png = std::fs::read(&screenshot).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "a screenshot was taken");
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Runs headless Chromium with a throwaway profile and no network use of its own.
fn chromium(dir: &Path, args: &[String]) -> String {
    let profile = tempfile::tempdir_in(dir).unwrap();
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Evidence as odd as sources make it: a claim not found in its sentence, an empty
/// sentence, a sentence over several lines (CRLF too) with tabs and multi-byte text,
/// a claim at the very start and end, and a finding with no claim at all.
#[test]
fn every_format_survives_odd_evidence() {
    let mut report = sample();
    let base = report.findings[0].claims[0].clone();
    let odd = |text: &str, sentence: &str, line: usize, column: usize| {
        let mut e = base.clone();
        e.claim.text = text.into();
        e.place.sentence = sentence.into();
        e.place.line = line;
        e.place.column = column;
        e
    };
    report.findings[0].claims = vec![
        odd("two days", "Ils sont restés deux jours.", 3, 5),
        odd("two days", "", 1, 1),
        odd("two days", "Über\r\n\tzwei Tage — nein:\ntwo days, sagt „er“.", 12, 1),
        odd("two days", "two days", 1, 1),
        odd("Two Days", "für two days", 2, 200),
        odd("2 days", "…2 days", 1, 2),
        odd("days\nlater", "two days\nlater on", 4, 5),
    ];
    report.findings[1].claims.clear();
    for format in [Format::Text, Format::Json, Format::Markdown, Format::Sarif, Format::Github, Format::Html] {
        for color in [false, true] {
            let out = report::render(&report, format, color);
            // Each format still tells the odd finding and every one of its claims.
            assert!(out.contains("first-china-visit-length"), "{format:?}: {out}");
            if matches!(format, Format::Json | Format::Sarif) {
                assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok(), "{format:?}: {out}");
            }
        }
    }
    let json: serde_json::Value = serde_json::from_str(&report::render(&report, Format::Json, false)).unwrap();
    assert_eq!(json["findings"][0]["claims"].as_array().map(Vec::len), Some(7));
    let github = report::render(&report, Format::Github, false);
    assert_eq!(github.lines().filter(|l| l.contains("first-china-visit-length")).count(), 7, "{github}");
    let text = report::render(&report, Format::Text, false);
    assert!(text.contains("seeds/000_6c0d67ebaf356fed.txt:12:1"), "{text}");
    assert!(text.contains("seeds/000_6c0d67ebaf356fed.txt:2:200"), "{text}");
    let sarif: serde_json::Value = serde_json::from_str(&report::render(&report, Format::Sarif, false)).unwrap();
    let region = &sarif["runs"][0]["results"][0]["relatedLocations"][5]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["endLine"].as_u64(), region["endColumn"].as_u64()),
        (Some(4), Some(5), Some(6))
    );
}

#[test]
fn every_format_renders_an_empty_report() {
    let report = Report::new(Vec::new(), Vec::new(), Vec::new());
    let render = |format| report::render(&report, format, false);
    assert_eq!(
        render(Format::Text),
        "0 findings: 0 errors, 0 warnings, 0 infos in 0 sources (0 sentences, 0 claims)\n"
    );
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
    assert_eq!((json["findings"].as_array().map(Vec::len), &json["summary"]["findings"]), (Some(0), &0.into()));
    let markdown = render(Format::Markdown);
    assert!(markdown.contains("**0 findings** (0 errors, 0 warnings, 0 infos) in 0 sources"), "{markdown}");
    assert!(markdown.contains("The sources agree: no finding."), "{markdown}");
    let sarif: serde_json::Value = serde_json::from_str(&render(Format::Sarif)).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().map(Vec::len), Some(0), "{sarif}");
    assert_eq!(sarif["runs"][0]["invocations"][0]["executionSuccessful"], true, "{sarif}");
    assert_eq!(
        render(Format::Github),
        "factlint: 0 findings (0 errors, 0 warnings, 0 infos) in 0 sources, 0 not read\n"
    );
    let html = render(Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"), "{html}");
    assert_eq!(html.matches("<section class=\"finding ").count(), 0, "{html}");
}
