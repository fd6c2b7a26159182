//! The subcommands over the library: `check`, `explain`, `extract`, `segment`, `map`,
//! `reduce`, `rules`, `init`, `manifest`. The binary's own module, not the library's API: the
//! argument types with clap's derives and the mapping of option values onto the library's
//! types live here.
//!
//! Everything here parses options, calls the pipeline and writes output; errors are
//! returned to `main`, which renders them once and maps them to exit codes.

mod changed;
mod check;
mod discover;
mod explain;
mod extract;
mod init;
mod manifest;
mod map;
mod reduce;
mod rules;
mod segment;
mod suggest;
mod watch;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use factlint::baseline::BaselineError;
use factlint::config::{Config, ConfigError};
use factlint::pipeline::{Checker, RunOptions};
use factlint::rules::{MatcherError, RuleError, RuleSet};
use factlint::source::{self, IgnoreFiles, SourceFailure};

pub use check::CheckArgs;
pub use discover::DiscoverArgs;
pub use explain::ExplainArgs;
pub use extract::ExtractArgs;
pub use init::InitArgs;
pub use manifest::ManifestCommand;
pub use map::MapArgs;
pub use reduce::ReduceArgs;
pub use rules::RulesCommand;
pub use segment::SegmentArgs;
pub use suggest::SuggestArgs;

/// Cross-source fact consistency checker.
#[derive(Debug, Parser)]
#[command(name = "factlint", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check sources against rules and report where they disagree.
    Check(CheckArgs),
    /// Show what the checker decided for one fact (every candidate claim, why it was
    /// taken or not, how the claims taken compare), or for one line (FILE:LINE).
    Explain(ExplainArgs),
    /// Print the claims found, one record each.
    Extract(ExtractArgs),
    /// Print the sentences, one a line, as the checker reads them.
    Segment(SegmentArgs),
    /// Write factlint.yaml, sources.yaml and a rules skeleton for a folder of sources.
    Init(InitArgs),
    /// Print the JSON Schema of `sources.yaml`.
    Manifest {
        /// What to do with manifests.
        #[command(subcommand)]
        command: ManifestCommand,
    },
    /// The map step of a distributed run: write a partition's selected claims as a claims file.
    Map(MapArgs),
    /// The reduce step: read claims files of any partition and write `check`'s report.
    Reduce(ReduceArgs),
    /// Find, without rules, the facts sources share and where they disagree (with a
    /// confidence for each finding).
    Discover(DiscoverArgs),
    /// Write the rule file `discover` induces, with its evidence as comments.
    Suggest(SuggestArgs),
    /// Validate rule files, or print their JSON Schema.
    Rules {
        /// What to do with rules.
        #[command(subcommand)]
        command: RulesCommand,
    },
}

/// Options shared by the commands that read sources.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders (recursive). Default: the `sources` of factlint.yaml.
    pub paths: Vec<PathBuf>,
    /// Rule file or folder (repeatable). Default: the `rules` of factlint.yaml.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Reference date (YYYY-MM-DD) for sources that state none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub published: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Read files that `.gitignore`, `.ignore` or the global git excludes hide (hidden
    /// files stay skipped).
    #[arg(long)]
    pub no_ignore: bool,
    /// Follow symbolic links inside folders (by default they are skipped, with a
    /// warning, so that a link cannot pull in a file from outside the tree).
    #[arg(long)]
    pub follow: bool,
}

/// Record formats of `extract` and `segment`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RecordFormat {
    /// One JSON array.
    Json,
    /// One JSON object a line.
    Jsonl,
}

/// Why a command could not run; exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The config file is malformed.
    #[error("config: {0}")]
    Config(#[from] ConfigError),
    /// Rule files are malformed.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\nerror: "))]
    Rules(Vec<RuleError>),
    /// The rules' words cannot be compiled for matching.
    #[error("rules: {0}")]
    Matcher(#[from] MatcherError),
    /// A bad option value.
    #[error("{0}")]
    Usage(String),
    /// Output could not be written.
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
    /// A baseline file could not be read or written.
    #[error("{0}")]
    Baseline(#[from] BaselineError),
    /// Claims files that cannot be reduced.
    #[error("{0}")]
    Claims(#[from] factlint::pipeline::claims::ClaimsError),
}

/// Runs a parsed command line; returns the exit code (0 or 1).
pub fn run(cli: Cli) -> Result<i32, CliError> {
    let config = Config::discover(&std::env::current_dir()?)?;
    match cli.command {
        Command::Check(args) => check::run(args, &config),
        Command::Explain(args) => explain::run(args, &config),
        Command::Extract(args) => extract::run(args, &config),
        Command::Segment(args) => segment::run(args, &config),
        Command::Map(args) => map::run(args, &config),
        Command::Reduce(args) => reduce::run(args, &config),
        Command::Discover(args) => discover::run(args, &config),
        Command::Suggest(args) => suggest::run(args, &config),
        Command::Rules { command } => rules::run(command, &config),
        Command::Init(args) => init::run(args),
        Command::Manifest { command } => manifest::run(command),
    }
}

/// Loads and compiles rule files, checks that every `value:` record can be read, and
/// runs their `match` examples through the whole pipeline: an example the fact takes
/// nothing from (or another value than its `value:`) is a rule error like a malformed key.
fn load_checker(paths: &[PathBuf]) -> Result<Checker, CliError> {
    let rules = RuleSet::load(paths).map_err(CliError::Rules)?;
    let unreadable = rules.check_records(factlint::check::record::is_readable);
    if !unreadable.is_empty() {
        return Err(CliError::Rules(unreadable));
    }
    let checker = Checker::new(rules)?;
    let failed = factlint::pipeline::check_example_claims(&checker);
    if failed.is_empty() { Ok(checker) } else { Err(CliError::Rules(failed)) }
}

/// Sources, rules and options resolved from the arguments and the config.
struct Resolved {
    paths: Vec<PathBuf>,
    checker: Checker,
    options: RunOptions,
    /// The rule files and folders read.
    rule_paths: Vec<PathBuf>,
}

impl Resolved {
    /// The sources under the resolved paths, walked with the run's options; finding
    /// none at all is the usage error that says what was skipped and why.
    fn discover(&self) -> Result<source::Discovered, CliError> {
        let found = source::discover_walk(&self.paths, self.options.ignore_files, self.options.links);
        if found.files.is_empty() && found.failures.is_empty() {
            return Err(no_sources(&self.paths, self.options.ignore_files));
        }
        Ok(found)
    }
}

/// A path from the config as the user would write it: relative to the current folder
/// when it lies below it, so reports name `seeds/000.txt`, not an absolute path.
fn from_here(path: &Path) -> PathBuf {
    match std::env::current_dir().ok().and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf)) {
        Some(relative) if relative.as_os_str().is_empty() => PathBuf::from("."),
        Some(relative) => relative,
        None => path.to_path_buf(),
    }
}

fn resolve(input: &InputArgs, config: &Config, need_rules: bool) -> Result<Resolved, CliError> {
    let paths = if input.paths.is_empty() {
        config.sources.iter().map(|p| from_here(p)).collect()
    } else {
        input.paths.clone()
    };
    if paths.is_empty() {
        return Err(CliError::Usage("no sources: name files or folders, or list `sources` in factlint.yaml".into()));
    }
    let rule_paths = if input.rules.is_empty() && (need_rules || input.paths.is_empty()) {
        config.rules.clone()
    } else {
        input.rules.clone()
    };
    if need_rules && rule_paths.is_empty() {
        return Err(CliError::Usage(format!(
            "no rules: `check` compares what sources say fact by fact, and no rule file is named.\n{START_RULES}"
        )));
    }
    let checker = if rule_paths.is_empty() { Checker::new(RuleSet::default())? } else { load_checker(&rule_paths)? };
    let rules = &checker.rules;
    if need_rules && rules.facts.is_empty() && rules.entities.is_empty() {
        return Err(CliError::Usage(format!(
            "{}: no fact and no entity, so nothing to check.\n{START_RULES}",
            rules::shown(&rule_paths)
        )));
    }
    let published = match input.published.as_deref().or(config.published.as_deref()) {
        Some(text) => Some(parse_date(text)?),
        None => None,
    };
    if let Some(mut jobs) = input.jobs {
        if jobs == 0 {
            return Err(CliError::Usage("--jobs must be at least 1".into()));
        }
        // More threads than this only share the same cores (and 100 000 of them spin
        // for minutes before any work is done).
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let cap = cores * JOBS_PER_CORE;
        if jobs > cap {
            eprintln!("note: --jobs {jobs} is more than {JOBS_PER_CORE} per core ({cores} cores); using {cap}");
            jobs = cap;
        }
        // The global pool can be built once; a second call in one process keeps the first.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(jobs).build_global();
    }
    let ignore_files = if input.no_ignore { IgnoreFiles::Disregarded } else { IgnoreFiles::Honoured };
    let links = if input.follow { source::Links::Followed } else { source::Links::NotFollowed };
    let options = RunOptions { published, ignore_files, links };
    Ok(Resolved { paths, checker, options, rule_paths })
}

/// The most worker threads `--jobs` gets per core.
const JOBS_PER_CORE: usize = 4;

/// How to start writing rules, for the usage errors of a run without any.
const START_RULES: &str = "Start with a rule file such as rules/event.yaml (docs/rules.md describes every key):

    entities:
      kim-jong-un:
        name: Kim Jong Un
    facts:
      visit-dates:
        claim: date-range
        about: [kim-jong-un]
        cues: [visit]

then run `factlint rules check rules/` and `factlint check --rules rules/ SOURCES`, or list `rules: [rules]` in factlint.yaml.";

/// The usage error of a run that read no source although no path failed: how many
/// files the walk skipped and why, and how to read ignored ones.
fn no_sources(paths: &[PathBuf], ignore_files: IgnoreFiles) -> CliError {
    let skipped = source::skipped(paths, ignore_files);
    let shown: Vec<String> = paths.iter().map(|p| source::display_path(p)).collect();
    let extensions: Vec<String> = source::source_extensions().iter().map(|e| format!(".{e}")).collect();
    let mut message = format!("no source read under {}", shown.join(", "));
    if skipped.total() == 0 {
        message.push_str(": no files there");
    } else {
        let mut why = Vec::new();
        if skipped.ignored > 0 {
            why.push(format!(
                "{} ignored (by .gitignore, .ignore or the global git excludes; `--no-ignore` reads them)",
                skipped.ignored
            ));
        }
        if skipped.hidden > 0 {
            why.push(format!("{} hidden (a name starting with `.`)", skipped.hidden));
        }
        if skipped.other_extension > 0 {
            why.push(format!(
                "{} not a source by extension (folders give {}; name a file to read it whatever its extension)",
                skipped.other_extension,
                extensions.join(" ")
            ));
        }
        message.push_str(&format!(": {} file(s) found and skipped: {}", skipped.total(), why.join("; ")));
    }
    CliError::Usage(message)
}

fn parse_date(text: &str) -> Result<Date, CliError> {
    source::parse_published(text)
        .filter(|_| text.trim().len() == 10)
        .ok_or_else(|| CliError::Usage(format!("--published `{text}` is not a date (YYYY-MM-DD)")))
}

fn write_output(path: Option<&Path>, text: &str) -> Result<(), CliError> {
    match path {
        Some(path) => source::write_atomic(path, text.as_bytes())?,
        None => {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                // A closed pipe (`factlint ... | head`) is not an error worth reporting.
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e.into());
                }
            }
        }
    }
    Ok(())
}

/// Writes records as they come, in one of the [`RecordFormat`]s, so that a run holds
/// one source's records at a time rather than all of them. The JSON form is the array
/// `serde_json::to_string_pretty` writes for the whole list, byte for byte.
struct RecordWriter<W: Write> {
    out: W,
    format: RecordFormat,
    written: usize,
}

impl<W: Write> RecordWriter<W> {
    fn new(out: W, format: RecordFormat) -> RecordWriter<W> {
        RecordWriter { out, format, written: 0 }
    }

    fn write<T: serde::Serialize>(&mut self, items: &[T]) -> std::io::Result<()> {
        for item in items {
            match self.format {
                RecordFormat::Jsonl => {
                    serde_json::to_writer(&mut self.out, item)?;
                    self.out.write_all(b"\n")?;
                }
                RecordFormat::Json => {
                    self.out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                    // An item's own pretty form, one level in: JSON strings hold no raw
                    // line break, so indenting every line is exact.
                    let pretty = serde_json::to_string_pretty(item)?;
                    for (i, line) in pretty.split('\n').enumerate() {
                        if i > 0 {
                            self.out.write_all(b"\n")?;
                        }
                        self.out.write_all(b"  ")?;
                        self.out.write_all(line.as_bytes())?;
                    }
                }
            }
            self.written += 1;
        }
        Ok(())
    }

    fn finish(mut self) -> std::io::Result<()> {
        if self.format == RecordFormat::Json {
            self.out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

/// A closed pipe (`factlint ... | head`) is not an error worth reporting.
fn unless_closed_pipe(result: std::io::Result<()>) -> std::io::Result<()> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn report_failures(failures: &[SourceFailure]) -> i32 {
    for failure in failures {
        eprintln!("error: {}: {}", failure.source, failure.message);
    }
    i32::from(!failures.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records written one source at a time read as the whole list written at once.
    #[test]
    fn streamed_records_are_the_list_written_at_once() {
        #[derive(serde::Serialize)]
        struct Row {
            source: &'static str,
            index: usize,
            tags: Vec<&'static str>,
            nested: Option<Vec<u8>>,
        }
        let row = |index, tags: Vec<&'static str>| Row { source: "a \"b\"\nc", index, tags, nested: Some(vec![]) };
        let batches = vec![vec![], vec![row(0, vec!["x", "y"]), row(1, vec![])], vec![], vec![row(2, vec!["z"])]];
        let all: Vec<&Row> = batches.iter().flatten().collect();
        for (format, whole) in [
            (RecordFormat::Json, serde_json::to_string_pretty(&all).unwrap() + "\n"),
            (RecordFormat::Jsonl, all.iter().map(|r| serde_json::to_string(r).unwrap() + "\n").collect::<String>()),
        ] {
            let mut out = Vec::new();
            let mut writer = RecordWriter::new(&mut out, format);
            for batch in &batches {
                writer.write(batch).unwrap();
            }
            writer.finish().unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole, "{format:?}");

            let mut empty = Vec::new();
            RecordWriter::new(&mut empty, format).finish().unwrap();
            let none: Vec<Row> = Vec::new();
            let expected = if format == RecordFormat::Json {
                serde_json::to_string_pretty(&none).unwrap() + "\n"
            } else {
                String::new()
            };
            assert_eq!(String::from_utf8(empty).unwrap(), expected, "{format:?}");
        }
    }

    #[test]
    fn published_must_be_a_whole_date() {
        assert!(parse_date("2018-03-28").is_ok());
        assert!(parse_date("2018-03-28T10:00").is_err());
        assert!(parse_date("yesterday").is_err());
    }
}
