//! Hostile sources, end to end through the built binary: binary files, bad encodings,
//! odd line endings, empty and huge files, deep nesting, broken manifests, unreadable
//! paths, FIFOs and link loops.
//!
//! Each test builds a corpus in a temporary folder next to one good source, runs
//! `factlint check <dir> --format json --rules <rules>` (or `segment`, where line
//! numbers are the point), and asserts that the bad source gets a clear entry in
//! `errors` or a warning in its `sources` entry, that the good source is still checked,
//! and that the exit code says when something was skipped. Every run has a hang guard,
//! so a source that hangs the reader fails the test instead of the CI job; it is no
//! speed limit (what a run must do is asserted as counts: sources, sentences).
//!
//! The 200 MB and 50 MB cases take minutes through a debug binary; they are `#[ignore]`d
//! and run by `scripts/hostile-big.sh` against a release build. Smaller versions of them
//! stay in the normal suite.

use std::ffi::OsStr;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A source every corpus holds, to show that the others are still checked.
const GOOD: &str = "Kim Jong Un visited Beijing on March 26, 2018.\nHe stayed four days.\n";

/// A small rule set: one entity and one fact, enough for the whole pipeline to run.
const RULES: &str = "entities:
  kim:
    name: Kim Jong Un
    aliases: [Kim]
facts:
  visit-length:
    claim: duration
    about: [kim]
    cues: [visit, stayed]
";

/// How long a run may go on before the test calls it a hang: far beyond what any run
/// here takes on a slow, loaded machine, so that it only ever catches a hang.
const HANG: Duration = Duration::from_secs(600);

/// A temporary corpus: `src/` with the good source, and the rules beside it.
struct Corpus {
    dir: tempfile::TempDir,
}

/// What a run of the binary gave.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Corpus {
    fn new() -> Corpus {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("src")).unwrap();
        std::fs::write(dir.path().join("rules.yaml"), RULES).unwrap();
        std::fs::write(dir.path().join("src/good.txt"), GOOD).unwrap();
        Corpus { dir }
    }

    fn src(&self) -> PathBuf {
        self.dir.path().join("src")
    }

    /// Writes a file under `src/`.
    fn write(&self, name: impl AsRef<Path>, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.src().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Copies a fixture of `tests/hostile/` into `src/`.
    fn fixture(&self, name: &str) -> PathBuf {
        let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile").join(name)).unwrap();
        self.write(name, bytes)
    }

    /// Runs the binary in the corpus folder (so paths in the report are `src/...`),
    /// failing the test if it hangs.
    fn run(&self, args: &[&OsStr]) -> Run {
        let out_path = self.dir.path().join("stdout");
        let err_path = self.dir.path().join("stderr");
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(args)
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .stdout(File::create(&out_path).unwrap())
            .stderr(File::create(&err_path).unwrap())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > HANG {
                child.kill().unwrap();
                panic!("factlint {args:?} hangs: still running after {HANG:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let stderr = std::fs::read_to_string(&err_path).unwrap();
        assert!(!stderr.contains("panicked"), "factlint {args:?} panicked:\n{stderr}");
        let code = status.code().unwrap_or_else(|| panic!("factlint {args:?} was killed: {status}\n{stderr}"));
        Run { code, stdout: std::fs::read_to_string(&out_path).unwrap(), stderr }
    }

    /// `check` over `paths` (default `src`), as JSON.
    fn check(&self, paths: &[&OsStr]) -> (i32, Value) {
        let mut args: Vec<&OsStr> = vec!["check".as_ref()];
        args.extend(if paths.is_empty() { vec![OsStr::new("src")] } else { paths.to_vec() });
        args.extend(["--format", "json", "--rules", "rules.yaml"].map(OsStr::new));
        let run = self.run(&args);
        let report: Value = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\nstderr:\n{}", run.stdout, run.stderr));
        (run.code, report)
    }

    /// `segment` over `src`: one record per sentence.
    fn segment(&self) -> Vec<Value> {
        let run = self.run(&["segment", "src", "--format", "jsonl"].map(OsStr::new));
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout.lines().map(|line| serde_json::from_str(line).unwrap()).collect()
    }
}

/// The `sources` entry of `path`, if the report has one.
fn source<'a>(report: &'a Value, path: &str) -> Option<&'a Value> {
    report["sources"].as_array().unwrap().iter().find(|s| s["path"] == path)
}

/// The `errors` entry of `path`, if the report has one.
fn error<'a>(report: &'a Value, path: &str) -> Option<&'a str> {
    report["errors"].as_array().unwrap().iter().find(|e| e["source"] == path).and_then(|e| e["message"].as_str())
}

/// The warnings of the source `path`, joined.
fn warnings(report: &Value, path: &str) -> String {
    let entry = source(report, path).unwrap_or_else(|| panic!("{path} not in sources: {report:#}"));
    entry["warnings"]
        .as_array()
        .map(|w| w.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("; "))
        .unwrap_or_default()
}

/// The good source was read, whole.
fn good_is_checked(report: &Value) {
    let good = source(report, "src/good.txt").unwrap_or_else(|| panic!("good source missing: {report:#}"));
    assert_eq!(good["sentences"], 2, "{report:#}");
}

/// The sentences `segment` found in `path`, as (line, column, text).
fn sentences_of(records: &[Value], path: &str) -> Vec<(u64, u64, String)> {
    records
        .iter()
        .filter(|r| r["source"] == path)
        .map(|r| (r["line"].as_u64().unwrap(), r["column"].as_u64().unwrap(), r["text"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn binary_file_is_an_error_and_the_others_are_checked() {
    let corpus = Corpus::new();
    corpus.write("program.txt", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0");
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 1, "a skipped source makes the exit code 1");
    let message = error(&report, "src/program.txt").unwrap();
    assert!(message.contains("binary"), "{message}");
    assert!(source(&report, "src/program.txt").is_none());
    assert_eq!(report["summary"]["errors"], 1);
    good_is_checked(&report);
}

#[test]
fn mostly_invalid_utf8_is_refused_as_not_text() {
    let corpus = Corpus::new();
    let latin: Vec<u8> = (0..400u32).map(|i| if i % 3 == 0 { 0xE9 } else { b'a' + (i % 26) as u8 }).collect();
    corpus.write("latin1.txt", latin);
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 1);
    assert!(error(&report, "src/latin1.txt").unwrap().contains("not UTF-8"), "{report:#}");
    good_is_checked(&report);
}

#[test]
fn a_few_invalid_utf8_bytes_are_replaced_with_a_warning() {
    let corpus = Corpus::new();
    corpus.fixture("bad-bytes.txt");
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 0, "a warning does not fail the run: {report:#}");
    assert!(warnings(&report, "src/bad-bytes.txt").contains("2 invalid byte sequence(s) replaced"), "{report:#}");
    assert_eq!(source(&report, "src/bad-bytes.txt").unwrap()["sentences"], 2);
    assert!(report["errors"].as_array().unwrap().is_empty());
    let records = corpus.segment();
    let sentences = sentences_of(&records, "src/bad-bytes.txt");
    assert_eq!(sentences[0].2, "Kim visited Beijing \u{FFFD} on Monday.");
    assert_eq!((sentences[1].0, sentences[1].1), (2, 1));
}

#[test]
fn byte_order_marks_and_wide_encodings_are_decoded_with_right_lines() {
    let corpus = Corpus::new();
    let text = "Kim visited Beijing.\nHe met Xi Jinping.\n\nThird line, “quoted”.\n";
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(text.as_bytes());
    corpus.write("bom.txt", bom);
    corpus.fixture("utf16le.txt");
    let mut be = b"\xFE\xFF".to_vec();
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    corpus.write("utf16be.txt", be);
    let mut wide = b"\xFF\xFE\0\0".to_vec();
    wide.extend(text.chars().flat_map(|c| u32::from(c).to_le_bytes()));
    corpus.write("utf32le.txt", wide);
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 0, "{report:#}");
    let records = corpus.segment();
    for name in ["bom.txt", "utf16le.txt", "utf16be.txt", "utf32le.txt"] {
        let path = format!("src/{name}");
        assert_eq!(warnings(&report, &path), "", "{name}");
        let expected = [
            (1, 1, "Kim visited Beijing.".to_string()),
            (2, 1, "He met Xi Jinping.".to_string()),
            (4, 1, "Third line, “quoted”.".to_string()),
        ];
        assert_eq!(sentences_of(&records, &path), expected, "{name}");
    }
}

#[test]
fn crlf_and_lone_cr_keep_line_numbers_right() {
    let corpus = Corpus::new();
    for name in ["crlf.md", "lone-cr.txt", "mixed-endings.html"] {
        corpus.fixture(name);
    }
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(source(&report, "src/crlf.md").unwrap()["published"], "2018-03-28", "front matter read with CRLF");
    let records = corpus.segment();
    let lines = |path: &str| -> Vec<(u64, u64, String)> { sentences_of(&records, path) };
    assert_eq!(
        lines("src/crlf.md"),
        [
            (4, 3, "Kim in Beijing".to_string()),
            (6, 1, "Kim Jong Un visited Beijing.".to_string()),
            (7, 1, "He stayed four days.".to_string())
        ]
    );
    assert_eq!(
        lines("src/lone-cr.txt"),
        [
            (1, 1, "First line.".to_string()),
            (2, 1, "Second line.".to_string()),
            (4, 1, "Third line after a blank.".to_string())
        ]
    );
    let html = lines("src/mixed-endings.html");
    assert_eq!(html[0], (1, 4, "One.".to_string()));
    assert_eq!(html[1], (2, 4, "Two three.".to_string()));
    assert_eq!(html[2], (4, 4, "Four & five.".to_string()));
}

#[test]
fn empty_files_are_read_with_a_warning() {
    let corpus = Corpus::new();
    corpus.write("empty.txt", "");
    corpus.write("empty.md", "");
    corpus.write("blank.txt", " \n\r\n\t\n");
    corpus.write("scripts-only.html", "<html><head><script>var year = 2018;</script></head><body></body></html>");
    corpus.write("front-matter-only.md", "---\ndate: 2018-03-28\n---\n");
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(warnings(&report, "src/empty.txt"), "empty file");
    assert_eq!(warnings(&report, "src/empty.md"), "empty file");
    for path in ["src/blank.txt", "src/scripts-only.html", "src/front-matter-only.md"] {
        assert_eq!(warnings(&report, path), "no visible text", "{path}");
        assert_eq!(source(&report, path).unwrap()["sentences"], 0);
    }
    good_is_checked(&report);
}

/// Prose of about `bytes` bytes: sentences of the kind the extractors look for, with
/// a blank line now and then, or none at all when `one_line`.
fn prose(bytes: usize, one_line: bool) -> String {
    const SENTENCES: &[&str] = &[
        "Kim Jong Un visited Beijing on March 26, 2018, for four days.",
        "About 28,500 US troops are stationed in South Korea.",
        "It was his first trip abroad since taking power in December 2011.",
        "The train travelled 1,300 kilometres in 20 hours.",
        "Mr. Xi, 64, hosted a banquet for 300 guests on Monday.",
    ];
    let mut text = String::with_capacity(bytes + 100);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(SENTENCES[i % SENTENCES.len()]);
        i += 1;
        text.push_str(if one_line {
            " "
        } else if i % 7 == 0 {
            "\n\n"
        } else {
            "\n"
        });
    }
    text
}

/// Checks a generated big source next to the good one, and says how long it took.
fn check_big(name: &str, text: &str) {
    let corpus = Corpus::new();
    corpus.write(name, text);
    let started = Instant::now();
    let (code, report) = corpus.check(&[]);
    eprintln!("{name}: {} MB checked in {:.1?}", text.len() / 1_000_000, started.elapsed());
    assert_eq!(code, 0, "{:#}", report["errors"]);
    let entry = source(&report, &format!("src/{name}")).unwrap();
    assert!(entry["sentences"].as_u64().unwrap() > (text.len() / 100) as u64, "{entry}");
    good_is_checked(&report);
}

#[test]
fn a_4_mb_file_is_read() {
    check_big("big.txt", &prose(4_000_000, false));
}

#[test]
#[ignore = "slow in debug builds (minutes); run by scripts/hostile-big.sh with --release"]
fn a_200_mb_file_is_read() {
    check_big("huge.txt", &prose(200_000_000, false));
}

#[test]
fn a_1_mb_single_line_is_read() {
    check_big("line.txt", &prose(1_000_000, true));
}

#[test]
#[ignore = "slow in debug builds (minutes); run by scripts/hostile-big.sh with --release"]
fn a_50_mb_single_line_is_read() {
    check_big("line.txt", &prose(50_000_000, true));
}

#[test]
fn very_long_words_are_read() {
    let corpus = Corpus::new();
    let word = "Kim".repeat(700_000);
    corpus.write("word.txt", format!("{word}\n\nHe stayed {word} days.\n"));
    corpus.write("word.md", format!("# {word}\n\n`{word}` and **{word}**.\n"));
    corpus.write("word.html", format!("<p title=\"{word}\">{word}</p><p>&amp;{word}</p>"));
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 0, "{report:#}");
    // A 2 MB word has no white space to cut at: it is cut every 16 KB, and said so.
    for path in ["src/word.txt", "src/word.md", "src/word.html"] {
        assert!(source(&report, path).unwrap()["sentences"].as_u64().unwrap() > 2 * 2_100_000 / 16_384, "{path}");
        assert!(warnings(&report, path).contains("without a sentence end"), "{path}");
    }
    good_is_checked(&report);
}

#[test]
fn deeply_nested_markup_is_read() {
    let corpus = Corpus::new();
    let depth = 100_000;
    corpus.write(
        "nested.html",
        format!("{}<p>Kim visited Beijing.</p>{}", "<div><span>".repeat(depth), "</span></div>".repeat(depth)),
    );
    corpus.write("unclosed.html", format!("{}Kim visited Beijing.", "<div><b><i>".repeat(depth)));
    corpus.write("quotes.md", format!("{}Kim visited Beijing.\n", "> ".repeat(depth)));
    corpus.write("lists.md", format!("{}Kim visited Beijing.\n", "- ".repeat(depth)));
    corpus.write("emphasis.md", format!("{}Kim visited Beijing.{}\n", "*_".repeat(depth), "_*".repeat(depth)));
    corpus.write("links.md", format!("{}Kim visited Beijing.{}\n", "[".repeat(depth), "](x)".repeat(depth)));
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 0, "{report:#}");
    for path in ["nested.html", "unclosed.html", "quotes.md", "lists.md", "emphasis.md", "links.md"] {
        let entry = source(&report, &format!("src/{path}")).unwrap_or_else(|| panic!("{path}: {report:#}"));
        assert!(entry["sentences"].as_u64().unwrap() >= 1, "{path}: {entry}");
    }
    good_is_checked(&report);
}

#[test]
fn unclosed_front_matter_is_a_warning() {
    let corpus = Corpus::new();
    corpus.write("open.md", "---\ndate: 2018-03-28\ntitle: Kim in Beijing\n\nKim visited Beijing.\n");
    corpus.write("bad-yaml.md", "---\ndate: [2018\n---\nKim visited Beijing.\n");
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 0, "{report:#}");
    assert!(warnings(&report, "src/open.md").contains("never closed"), "{report:#}");
    assert_eq!(source(&report, "src/open.md").unwrap()["published"], Value::Null);
    assert!(warnings(&report, "src/bad-yaml.md").contains("not valid YAML"), "{report:#}");
    assert_eq!(source(&report, "src/bad-yaml.md").unwrap()["sentences"], 1);
    good_is_checked(&report);
}

#[test]
fn manifest_naming_a_missing_file_or_a_folder_is_an_error() {
    let corpus = Corpus::new();
    corpus.write(
        "sources.yaml",
        "sources:\n  - path: good.txt\n    published: 2018-03-28\n  - path: gone.txt\n  - path: sub\n",
    );
    corpus.write("sub/inner.txt", GOOD);
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 1);
    assert_eq!(error(&report, "src/gone.txt"), Some("listed in src/sources.yaml but missing"));
    assert_eq!(error(&report, "src/sub"), Some("listed in src/sources.yaml but is a folder"));
    assert_eq!(source(&report, "src/good.txt").unwrap()["published"], "2018-03-28");
    assert!(source(&report, "src/sub/inner.txt").is_some());
    good_is_checked(&report);
}

#[test]
fn manifest_neighbours_of_a_named_file_are_not_errors() {
    let corpus = Corpus::new();
    corpus.write("sources.yaml", "- path: good.txt\n  published: 2018-03-28\n- path: gone.txt\n");
    let (code, report) = corpus.check(&["src/good.txt".as_ref()]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(source(&report, "src/good.txt").unwrap()["published"], "2018-03-28");
}

#[test]
fn malformed_manifest_is_an_error_with_its_place_and_the_sources_are_still_read() {
    let corpus = Corpus::new();
    corpus.write("sources.yaml", "sources:\n  - path: good.txt\n    publshed: 2018-03-28\n");
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 1);
    let message = error(&report, "src/sources.yaml").unwrap();
    assert!(message.starts_with("src/sources.yaml:3:"), "{message}");
    good_is_checked(&report);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let corpus = Corpus::new();
    let locked = corpus.write("locked.txt", GOOD);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        // Root (as in many containers) reads a file whatever its mode says.
        eprintln!("SKIPPED unreadable_file_is_an_error: running with privileges that read a mode-000 file");
        return;
    }
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 1);
    assert!(error(&report, "src/locked.txt").unwrap().contains("ermission denied"), "{report:#}");
    good_is_checked(&report);
}

/// Reading fails even for root: `/proc/self/mem` is a regular file whose first page is
/// never mapped, so `read` at offset 0 gives EIO.
#[cfg(target_os = "linux")]
#[test]
fn a_file_whose_read_fails_is_an_error() {
    let corpus = Corpus::new();
    let (code, report) = corpus.check(&["src".as_ref(), "/proc/self/mem".as_ref()]);
    assert_eq!(code, 1);
    let message = error(&report, "/proc/self/mem").unwrap_or_else(|| panic!("{report:#}"));
    assert!(message.starts_with("cannot read:"), "{message}");
    good_is_checked(&report);
}

#[cfg(unix)]
#[test]
fn fifo_is_skipped_not_waited_for() {
    let corpus = Corpus::new();
    let fifo = corpus.src().join("pipe.txt");
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(status) if status.success() => {}
        other => {
            eprintln!("SKIPPED fifo_is_skipped_not_waited_for: mkfifo unavailable ({other:?})");
            return;
        }
    }
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 1);
    assert_eq!(error(&report, "src/pipe.txt"), Some("not a regular file (a FIFO); skipped"));
    let (code, report) = corpus.check(&["src/pipe.txt".as_ref(), "src/good.txt".as_ref()]);
    assert_eq!(code, 1);
    assert_eq!(error(&report, "src/pipe.txt"), Some("not a regular file (a FIFO); skipped"));
    good_is_checked(&report);
}

#[cfg(unix)]
#[test]
fn a_config_that_is_a_fifo_is_an_error_not_a_hang() {
    let corpus = Corpus::new();
    let fifo = corpus.dir.path().join("factlint.yaml");
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(status) if status.success() => {}
        other => {
            eprintln!("SKIPPED a_config_that_is_a_fifo_is_an_error_not_a_hang: mkfifo unavailable ({other:?})");
            return;
        }
    }
    let run = corpus.run(&["check", "src", "--rules", "rules.yaml"].map(OsStr::new));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("factlint.yaml") && run.stderr.contains("not a regular file"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_broken_links_are_errors() {
    use std::os::unix::fs::symlink;
    let corpus = Corpus::new();
    let src = corpus.src();
    symlink(".", src.join("loop")).unwrap();
    symlink("self.txt", src.join("self.txt")).unwrap();
    symlink("nowhere.txt", src.join("dangling.txt")).unwrap();
    symlink("good.txt", src.join("linked.txt")).unwrap();
    symlink("nowhere.png", src.join("picture.png")).unwrap();
    // Not followed by default: each link is a warning, nothing is read through it.
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 0, "{report:#}");
    assert!(source(&report, "src/linked.txt").is_none(), "{report:#}");
    let warnings = report["warnings"].to_string();
    for link in ["src/loop", "src/self.txt", "src/dangling.txt", "src/linked.txt"] {
        assert!(warnings.contains(&format!("{link}: symbolic link not followed")), "{link}: {warnings}");
    }
    let (code, report) = corpus.check(&["src".as_ref(), "--follow".as_ref()]);
    assert_eq!(code, 1);
    assert!(error(&report, "src/loop").unwrap().contains("loop"), "{report:#}");
    assert!(error(&report, "src/self.txt").unwrap().contains("symbolic links"), "{report:#}");
    assert_eq!(error(&report, "src/dangling.txt"), Some("broken symbolic link (its target does not exist)"));
    // Followed, the link names good.txt again: one file, read once, under its first name.
    assert!(source(&report, "src/linked.txt").is_none(), "{report:#}");
    assert!(error(&report, "src/picture.png").is_none(), "not a source, so not an error");
    assert_eq!(report["errors"].as_array().unwrap().len(), 3, "{report:#}");
    good_is_checked(&report);
}

/// Found by these tests: `RuleSet::load` reads a rule path with `read_to_string`, which
/// blocks forever on a FIFO (`mkfifo r.yaml; factlint check src --rules r.yaml`).
#[cfg(unix)]
#[test]
fn rules_file_that_is_a_fifo_does_not_hang() {
    let corpus = Corpus::new();
    let fifo = corpus.dir.path().join("fifo.yaml");
    if !Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED rules_file_that_is_a_fifo_does_not_hang: mkfifo unavailable");
        return;
    }
    let run = corpus.run(&["check", "src", "--rules", "fifo.yaml"].map(OsStr::new));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("fifo.yaml"), "{}", run.stderr);
}

#[test]
fn folder_where_a_file_is_expected_is_walked() {
    let corpus = Corpus::new();
    corpus.write("looks-like-a-file.txt/inside.txt", GOOD);
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 0, "{report:#}");
    assert!(source(&report, "src/looks-like-a-file.txt/inside.txt").is_some(), "{report:#}");
    good_is_checked(&report);
}

#[test]
fn missing_path_on_the_command_line_is_an_error() {
    let corpus = Corpus::new();
    let (code, report) = corpus.check(&["src".as_ref(), "no-such-folder".as_ref()]);
    assert_eq!(code, 1);
    assert_eq!(error(&report, "no-such-folder"), Some("no such file or folder"));
    good_is_checked(&report);
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_shown_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let corpus = Corpus::new();
    let name = OsStr::from_bytes(b"caf\xE9.txt");
    if std::fs::write(corpus.src().join(name), GOOD).is_err() {
        eprintln!("SKIPPED file_names_that_are_not_utf8_are_shown_lossily: the file system refuses the name");
        return;
    }
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 0, "{report:#}");
    assert!(source(&report, "src/caf\u{FFFD}.txt").is_some(), "{report:#}");
    good_is_checked(&report);
}

#[cfg(unix)]
#[test]
fn every_command_and_format_survives_a_hostile_corpus() {
    use std::os::unix::fs::symlink;
    let corpus = Corpus::new();
    corpus.write("program.txt", b"\x7fELF\0\0\0");
    corpus.fixture("bad-bytes.txt");
    corpus.fixture("utf16le.txt");
    corpus.fixture("crlf.md");
    corpus.fixture("lone-cr.txt");
    corpus.fixture("mixed-endings.html");
    corpus.write("empty.html", "");
    corpus.write("nested.html", "<div>".repeat(10_000) + "Kim visited Beijing on March 26, 2018.");
    corpus.write("open.md", "---\ndate: 2018-03-28\nKim stayed 4 days.\n");
    symlink(".", corpus.src().join("loop")).unwrap();
    // `--follow`, so that the link loop is walked into and reported.
    let runs: &[&[&str]] = &[
        &["check", "src", "--follow", "--rules", "rules.yaml"],
        &["check", "src", "--follow", "--rules", "rules.yaml", "--format", "json", "--published", "2018-03-28"],
        &["extract", "src", "--follow", "--rules", "rules.yaml", "--format", "jsonl"],
        &["extract", "src", "--follow", "--format", "json", "--jobs", "1"],
        &["segment", "src", "--follow", "--format", "jsonl"],
    ];
    for args in runs {
        let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        let run = corpus.run(&args);
        assert_eq!(run.code, 1, "{args:?}: the binary file and the loop are skipped\n{}", run.stderr);
        let reported = format!("{}{}", run.stdout, run.stderr);
        assert!(reported.contains("src/program.txt") && reported.contains("src/loop"), "{args:?}:\n{reported}");
        // The outputs that list sources or sentences still list the good one.
        let lists_sources = args[0] == "segment" || args.contains(&OsStr::new("json")) && args[0] == "check";
        assert!(!lists_sources || run.stdout.contains("src/good.txt"), "{args:?}:\n{}", run.stdout);
    }
}

/// A source that disagrees with [`THIRD`] on the visit's length.
const OTHER: &str = "Kim stayed five days in Beijing, @octocat wrote.\n";

/// The other side of the disagreement.
const THIRD: &str = "Kim stayed six days.\n";

/// Found by the issue-18 probe: a 100 KB line with no sentence end made `extract` write
/// the whole line with every claim (412 MB of output for 3,600 claims).
#[test]
fn an_unterminated_line_is_written_in_windows_around_its_claims() {
    let corpus = Corpus::new();
    let line = prose(200_000, true).replace(". ", ", ");
    corpus.write("line.txt", &line);
    let run = corpus.run(&["extract", "src", "--format", "jsonl"].map(OsStr::new));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let records: Vec<Value> = run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let in_line: Vec<&Value> = records.iter().filter(|r| r["source"] == "src/line.txt").collect();
    assert!(in_line.len() > 1_000, "{}", in_line.len());
    for record in &in_line {
        let sentence = record["sentence"].as_str().unwrap();
        assert!(sentence.len() <= 600, "{}", sentence.len());
        assert!(sentence.contains(record["text"].as_str().unwrap()), "{record}");
    }
    assert!(run.stdout.len() < in_line.len() * 1_000 + 100_000, "{} bytes", run.stdout.len());
    // The line is cut into sentences of at most 16 KB, which the report says.
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 0, "{report:#}");
    assert!(
        warnings(&report, "src/line.txt").contains("line 1: text runs over 16 KB without a sentence end"),
        "{report:#}"
    );
}

/// Found by the probe: a Markdown table was read as one giant sentence.
#[test]
fn markdown_tables_are_read_row_by_row() {
    let corpus = Corpus::new();
    let mut table = String::from("| Visitor | Stayed |\n|---|---|\n");
    for row in 0..500 {
        table.push_str(&format!("| Delegate {row} | {} days |\n", row % 9 + 2));
    }
    corpus.write("table.md", &table);
    let sentences = sentences_of(&corpus.segment(), "src/table.md");
    assert_eq!(sentences.len(), 501, "the header row, then one sentence per row");
    assert_eq!(sentences[1].2, "Visitor: Delegate 0; Stayed: 2 days");
}

/// Found by the probe: `--format github` over 10,000 sources repeated a message naming
/// every source with every claim, and aborted after 20 GB.
#[test]
fn a_finding_with_many_claims_is_rendered_with_a_bounded_number() {
    let corpus = Corpus::new();
    for i in 0..300 {
        corpus.write(format!("a{i:03}.txt"), format!("Kim stayed {} days.\n", i % 7 + 2));
    }
    let run = corpus.run(&["check", "src", "--rules", "rules.yaml", "--format", "github"].map(OsStr::new));
    assert_eq!(run.code, 1, "{}", run.stderr);
    let annotations = run.stdout.lines().filter(|l| l.starts_with("::")).count();
    assert_eq!(annotations, 100, "EVIDENCE_SHOWN_MAX annotations for the one finding");
    assert!(run.stdout.contains("more claims not annotated"), "{}", run.stdout);
    assert!(run.stdout.lines().all(|l| l.len() < 2_000), "a message is shortened when repeated");
}

/// Found by the probe: the text report printed file names raw, so a name with a line
/// break made a line GitHub Actions runs as a workflow command, and an escape sequence
/// reached the terminal. Markdown left `@mentions` live.
#[cfg(unix)]
#[test]
fn file_names_and_sentences_cannot_command_the_reader() {
    let corpus = Corpus::new();
    let name = "x\n::error file=evil.txt::pwned \u{1b}[31m.txt";
    if std::fs::write(corpus.src().join(name), OTHER).is_err() {
        eprintln!("SKIPPED file_names_and_sentences_cannot_command_the_reader: the file system refuses the name");
        return;
    }
    corpus.write("third.txt", THIRD);
    let run = corpus.run(&["check", "src", "--rules", "rules.yaml", "--fail-on", "warning"].map(OsStr::new));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("visit-length"), "{}", run.stdout);
    assert!(!run.stdout.lines().any(|l| l.trim_start().starts_with("::error")), "{}", run.stdout);
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
    assert!(run.stdout.contains("\\u{a}::error") && run.stdout.contains("\\u{1b}[31m"), "{}", run.stdout);
    let run = corpus.run(&["check", "src", "--rules", "rules.yaml", "--format", "markdown"].map(OsStr::new));
    assert!(!run.stdout.contains("@octocat") && run.stdout.contains("@&#8203;octocat"), "{}", run.stdout);
}

/// Found by the probe: `--output` and `--write-baseline` overwrote a source or a rule
/// file they were pointed at.
#[test]
fn reports_and_baselines_never_overwrite_what_the_run_reads() {
    let corpus = Corpus::new();
    for (flag, target) in [("--output", "src/good.txt"), ("--write-baseline", "rules.yaml"), ("--output", "rules.yaml")]
    {
        let run = corpus.run(&["check", "src", "--rules", "rules.yaml", flag, target].map(OsStr::new));
        assert_eq!(run.code, 2, "{flag} {target}: {}", run.stderr);
        assert!(run.stderr.contains(target) && run.stderr.contains("refusing to write over it"), "{}", run.stderr);
    }
    assert_eq!(std::fs::read_to_string(corpus.src().join("good.txt")).unwrap(), GOOD);
    assert_eq!(std::fs::read_to_string(corpus.dir.path().join("rules.yaml")).unwrap(), RULES);
    // A new file is written whole, and no temporary file is left beside it.
    let run = corpus.run(&["check", "src", "--rules", "rules.yaml", "--output", "report.txt"].map(OsStr::new));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names: Vec<_> = std::fs::read_dir(corpus.dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 5, "{names:?}");
}

/// Found when `--output /dev/null`, run as root, replaced the null device with a plain
/// file (the write renamed its temporary file over it): what is not a regular file is
/// written into, and a link to a report stays a link to the rewritten report.
#[cfg(unix)]
#[test]
fn output_to_a_device_or_through_a_link_keeps_what_is_there() {
    use std::os::unix::fs::{FileTypeExt, symlink};
    let corpus = Corpus::new();
    let run = corpus.run(&["check", "src", "--rules", "rules.yaml", "--output", "/dev/null"].map(OsStr::new));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device(), "/dev/null is no longer a device");
    std::fs::write(corpus.dir.path().join("report.txt"), "old").unwrap();
    symlink("report.txt", corpus.dir.path().join("latest.txt")).unwrap();
    let run = corpus.run(&["check", "src", "--rules", "rules.yaml", "--output", "latest.txt"].map(OsStr::new));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let link = std::fs::symlink_metadata(corpus.dir.path().join("latest.txt")).unwrap();
    assert!(link.file_type().is_symlink());
    let report = std::fs::read_to_string(corpus.dir.path().join("report.txt")).unwrap();
    assert!(report != "old" && report.contains("source"), "{report}");
}

/// Found by the probe: a baseline of unknown version was read as version 1, and its
/// keys changed with the spelling of the path and with every new agreeing source.
#[test]
fn baselines_are_versioned_and_keyed_by_fact_and_values() {
    let corpus = Corpus::new();
    corpus.write("other.txt", OTHER);
    corpus.write("third.txt", THIRD);
    let write = corpus.run(&["check", "src", "--rules", "rules.yaml", "--write-baseline", "base.json"].map(OsStr::new));
    assert_eq!(write.code, 0, "{}", write.stderr);
    let base = std::fs::read_to_string(corpus.dir.path().join("base.json")).unwrap();
    assert!(base.contains("\"version\": 2"), "{base}");
    // Another spelling of the folder, and a new source agreeing with a known value.
    corpus.write("agreeing.txt", "Kim stayed five days.\n");
    let src = corpus.src().canonicalize().unwrap();
    let (code, report) = corpus.check(&[src.as_os_str(), "--baseline".as_ref(), "base.json".as_ref()]);
    assert_eq!((code, report["findings"].as_array().unwrap().len()), (0, 0), "{report:#}");
    assert_eq!(report["baselined"], 1);
    std::fs::write(corpus.dir.path().join("base.json"), r#"{"version": 7, "findings": []}"#).unwrap();
    let run = corpus.run(&["check", "src", "--rules", "rules.yaml", "--baseline", "base.json"].map(OsStr::new));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("version 7"), "{}", run.stderr);
}

/// Found by the probe: a FIFO named `.gitignore` hung the walk, and a FIFO
/// `sources.yaml` was silently ignored.
#[cfg(unix)]
#[test]
fn ignore_files_and_manifests_that_are_fifos_are_errors_not_hangs() {
    let corpus = Corpus::new();
    std::fs::create_dir(corpus.src().join("sub")).unwrap();
    corpus.write("sub/inner.txt", GOOD);
    let mkfifo =
        |fifo: &str| Command::new("mkfifo").arg(corpus.dir.path().join(fifo)).status().is_ok_and(|s| s.success());
    if !mkfifo("src/sub/.ignore") || !mkfifo("src/sub/sources.yaml") {
        eprintln!("SKIPPED ignore_files_and_manifests_that_are_fifos_are_errors_not_hangs: mkfifo unavailable");
        return;
    }
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 1, "{report:#}");
    assert!(error(&report, "src/sub/.ignore").is_some_and(|m| m.contains("not read as an ignore file")), "{report:#}");
    assert!(error(&report, "src/sub/sources.yaml").is_some_and(|m| m.contains("not a regular file")), "{report:#}");
    assert!(source(&report, "src/sub/inner.txt").is_some(), "{report:#}");
    good_is_checked(&report);
    // At the root of the walk, the whole walk goes without ignore files.
    assert!(mkfifo("src/.gitignore"));
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 1, "{report:#}");
    assert!(error(&report, "src/.gitignore").is_some_and(|m| m.contains("not read as an ignore file")), "{report:#}");
    assert!(source(&report, "src/sub/inner.txt").is_some(), "{report:#}");
}

/// Found by the probe: `--jobs 100000` spun for over a minute; the same folder named
/// three ways was read three times; a `\` in a file name became `/`.
#[cfg(unix)]
#[test]
fn jobs_are_capped_and_a_source_is_read_once_however_named() {
    let corpus = Corpus::new();
    corpus.write("back\\slash.txt", OTHER);
    let src = corpus.src().canonicalize().unwrap();
    let run = corpus.run(&[
        "check".as_ref(),
        "src".as_ref(),
        "./src/".as_ref(),
        src.as_os_str(),
        "--jobs".as_ref(),
        "100000".as_ref(),
        "--rules".as_ref(),
        "rules.yaml".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert!(run.stderr.contains("note: --jobs 100000 is more than"), "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["sources"].as_array().unwrap().len(), 2, "{report:#}");
    assert!(source(&report, "src/back\\slash.txt").is_some(), "{report:#}");
}

/// Found by the probe: a front-matter date that is not ISO was dropped silently, and
/// deeply nested front matter or rules took the YAML parser tens of seconds.
#[test]
fn yaml_is_bounded_before_parsing_and_bad_dates_are_warned() {
    let corpus = Corpus::new();
    corpus.write("dated.md", "---\ndate: March 28th\n---\nKim stayed four days.\n");
    corpus.write("deep.md", format!("---\nx: {}\n---\nKim stayed four days.\n", "[".repeat(40_000)));
    let (code, report) = corpus.check(&[]);
    assert_eq!(code, 0, "{report:#}");
    assert!(warnings(&report, "src/dated.md").contains("front matter `date` is not a date"), "{report:#}");
    assert!(warnings(&report, "src/deep.md").contains("nests deeper than 32 levels"), "{report:#}");
    std::fs::write(corpus.dir.path().join("deep.yaml"), format!("facts: {}", "[".repeat(200_000))).unwrap();
    let started = Instant::now();
    let run = corpus.run(&["check", "src", "--rules", "deep.yaml"].map(OsStr::new));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("deep.yaml:1:") && run.stderr.contains("nested deeper than 32"), "{}", run.stderr);
    assert!(started.elapsed() < Duration::from_secs(30), "refused before parsing");
    let long = format!("facts:\n  f:\n    claim: duration\n    cues: [{}]\n", "a".repeat(100_000));
    std::fs::write(corpus.dir.path().join("long.yaml"), long).unwrap();
    let run = corpus.run(&["check", "src", "--rules", "long.yaml"].map(OsStr::new));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("long.yaml:4:") && run.stderr.contains("longer than 256 bytes"), "{}", run.stderr);
}
