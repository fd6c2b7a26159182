//! The subcommands over the library: `check`, `extract`, `segment`, `rules`. The
//! binary's own module, not the library's API: the argument types with clap's
//! derives and the mapping of option values onto the library's types live here.
//!
//! Everything here parses options, calls the pipeline and writes output; errors are
//! returned to `main`, which renders them once and maps them to exit codes.

mod check;
mod extract;
mod rules;
mod segment;

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
pub use extract::ExtractArgs;
pub use rules::RulesCommand;
pub use segment::SegmentArgs;

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
    /// Print the claims found, one record each.
    Extract(ExtractArgs),
    /// Print the sentences, one a line, as the checker reads them.
    Segment(SegmentArgs),
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
}

/// Runs a parsed command line; returns the exit code (0 or 1).
pub fn run(cli: Cli) -> Result<i32, CliError> {
    let config = Config::discover(&std::env::current_dir()?)?;
    match cli.command {
        Command::Check(args) => check::run(args, &config),
        Command::Extract(args) => extract::run(args, &config),
        Command::Segment(args) => segment::run(args, &config),
        Command::Rules { command } => rules::run(command, &config),
    }
}

fn load_rules(paths: &[PathBuf]) -> Result<RuleSet, CliError> {
    RuleSet::load(paths).map_err(CliError::Rules)
}

/// Sources, rules and options resolved from the arguments and the config.
struct Resolved {
    paths: Vec<PathBuf>,
    checker: Checker,
    options: RunOptions,
    /// The rule files and folders read.
    rule_paths: Vec<PathBuf>,
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
    let rules = if rule_paths.is_empty() { RuleSet::default() } else { load_rules(&rule_paths)? };
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
    Ok(Resolved { paths, checker: Checker::new(rules)?, options, rule_paths })
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

fn records<T: serde::Serialize>(items: &[T], format: RecordFormat) -> String {
    match format {
        RecordFormat::Json => serde_json::to_string_pretty(items).unwrap_or_default() + "\n",
        RecordFormat::Jsonl => {
            items.iter().filter_map(|item| serde_json::to_string(item).ok()).map(|line| line + "\n").collect()
        }
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

    #[test]
    fn published_must_be_a_whole_date() {
        assert!(parse_date("2018-03-28").is_ok());
        assert!(parse_date("2018-03-28T10:00").is_err());
        assert!(parse_date("yesterday").is_err());
    }
}
