//! The subcommands over the library: `check`, `extract`, `segment`, `rules`.
//!
//! Everything here parses options, calls the pipeline and writes output; errors are
//! returned to `main`, which renders them once and maps them to exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::baseline::{Baseline, BaselineError};
use crate::config::{Config, ConfigError, FailOn};
use crate::pipeline::{self, Checker, RunOptions};
use crate::report::{self, Format, Report};
use crate::rules::{MatcherError, RuleError, RuleSet, Severity};
use crate::segment;
use crate::source::{self, Source};

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
}

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings in FILE (then exit 0), for `--baseline` later.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

/// Record formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RecordFormat {
    /// One JSON array.
    Json,
    /// One JSON object a line.
    Jsonl,
}

/// Options of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: RecordFormat,
}

/// Options of `segment`.
#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format (one sentence a line).
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: RecordFormat,
}

/// The `rules` subcommands.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Validate rule files (default: the `rules` of factlint.yaml).
    Check {
        /// Rule files or folders.
        paths: Vec<PathBuf>,
    },
    /// Print the JSON Schema of rule files.
    Schema,
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
        Command::Check(args) => check(args, &config),
        Command::Extract(args) => extract(args, &config),
        Command::Segment(args) => segment_cmd(args, &config),
        Command::Rules { command: RulesCommand::Check { paths } } => {
            let paths = if paths.is_empty() { config.rules.iter().map(|p| from_here(p)).collect() } else { paths };
            let set = load_rules(&paths)?;
            println!("{}: {} entities, {} facts: ok", shown(&paths), set.entities.len(), set.facts.len());
            Ok(0)
        }
        Command::Rules { command: RulesCommand::Schema } => {
            println!("{}", crate::rules::schema());
            Ok(0)
        }
    }
}

fn shown(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| source::display_path(p)).collect::<Vec<_>>().join(", ")
}

fn load_rules(paths: &[PathBuf]) -> Result<RuleSet, CliError> {
    RuleSet::load(paths).map_err(CliError::Rules)
}

/// Sources, rules and options resolved from the arguments and the config.
struct Resolved {
    paths: Vec<PathBuf>,
    checker: Checker,
    options: RunOptions,
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
    let rules = if rule_paths.is_empty() { RuleSet::default() } else { load_rules(&rule_paths)? };
    let published = match input.published.as_deref().or(config.published.as_deref()) {
        Some(text) => Some(parse_date(text)?),
        None => None,
    };
    if let Some(jobs) = input.jobs {
        if jobs == 0 {
            return Err(CliError::Usage("--jobs must be at least 1".into()));
        }
        // The global pool can be built once; a second call in one process keeps the first.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(jobs).build_global();
    }
    Ok(Resolved { paths, checker: Checker::new(rules)?, options: RunOptions { published } })
}

fn parse_date(text: &str) -> Result<Date, CliError> {
    source::parse_published(text)
        .filter(|_| text.trim().len() == 10)
        .ok_or_else(|| CliError::Usage(format!("--published `{text}` is not a date (YYYY-MM-DD)")))
}

fn check(args: CheckArgs, config: &Config) -> Result<i32, CliError> {
    let resolved = resolve(&args.input, config, true)?;
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    let progress = Progress::new();
    let mut report = pipeline::run_observed(&resolved.paths, &resolved.checker, &resolved.options, &progress);
    progress.finish();
    if let Some(path) = &args.write_baseline {
        Baseline::of(&report.findings).save(path)?;
        eprintln!("wrote {} finding(s) to {}", report.findings.len(), source::display_path(path));
        return Ok(0);
    }
    if let Some(baseline) = &baseline {
        report.baselined = baseline.filter(&mut report.findings);
        report.summary.findings = report.findings.len();
    }
    let format = args.format.or(config.format).unwrap_or(Format::Text);
    let to_terminal = args.output.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout());
    let color = to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let rendered = report::render(&report, format, color);
    write_output(args.output.as_deref(), &rendered)?;
    Ok(exit_code(&report, args.fail_on.or(config.fail_on).unwrap_or_default()))
}

/// The SPEC's exit code: 1 when a finding is at or above the threshold or a source
/// could not be read, else 0.
pub fn exit_code(report: &Report, fail_on: FailOn) -> i32 {
    let threshold = match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| report.findings.iter().any(|f| f.severity >= t));
    i32::from(failing || !report.errors.is_empty())
}

fn write_output(path: Option<&Path>, text: &str) -> Result<(), CliError> {
    match path {
        Some(path) => std::fs::write(path, text)?,
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

fn report_failures(failures: &[source::SourceFailure]) -> i32 {
    for failure in failures {
        eprintln!("error: {}: {}", failure.source, failure.message);
    }
    i32::from(!failures.is_empty())
}

fn extract(args: ExtractArgs, config: &Config) -> Result<i32, CliError> {
    let resolved = resolve(&args.input, config, false)?;
    let (analyses, failures) = pipeline::analyze_all(&resolved.paths, &resolved.checker, &resolved.options);
    let mut claims = Vec::new();
    for analysis in analyses {
        let mut all = analysis.claims;
        all.extend(analysis.names);
        all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        claims.extend(all);
    }
    write_output(None, &records(&claims, args.format))?;
    Ok(report_failures(&failures))
}

/// One sentence as `segment` prints it.
#[derive(serde::Serialize)]
struct SentenceRecord<'a> {
    source: &'a str,
    index: usize,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
}

fn segment_cmd(args: SegmentArgs, config: &Config) -> Result<i32, CliError> {
    let resolved = resolve(&args.input, config, false)?;
    let discovered = source::discover(&resolved.paths);
    let mut failures = discovered.failures;
    let mut out = String::new();
    for (path, meta) in &discovered.files {
        match Source::read(path, meta.as_ref(), resolved.options.published) {
            Ok(source) => {
                let index = crate::span::LineIndex::new(&source.text);
                let shown = source.display_path();
                let sentences = segment::sentences(&source);
                let rows: Vec<SentenceRecord> = sentences
                    .iter()
                    .map(|s| {
                        let at = index.position(&source.text, s.span.start);
                        SentenceRecord {
                            source: &shown,
                            index: s.index,
                            start: s.span.start,
                            end: s.span.end,
                            line: at.line,
                            column: at.column,
                            text: &s.text,
                        }
                    })
                    .collect();
                out.push_str(&records(&rows, args.format));
            }
            Err(e) => {
                failures.push(source::SourceFailure { source: source::display_path(path), message: e.to_string() })
            }
        }
    }
    write_output(None, &out)?;
    Ok(report_failures(&failures))
}

/// A progress bar on standard error, shown only on a terminal, outside CI, and only
/// once a run has lasted a second: short runs and pipes stay quiet.
struct Progress {
    bar: indicatif::ProgressBar,
    claims: std::sync::atomic::AtomicUsize,
    started: std::time::Instant,
    enabled: bool,
}

impl Progress {
    fn new() -> Progress {
        let enabled = std::io::IsTerminal::is_terminal(&std::io::stderr()) && std::env::var_os("CI").is_none();
        let bar = indicatif::ProgressBar::hidden();
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} sources, {msg} claims {elapsed}")
        {
            bar.set_style(style);
        }
        Progress { bar, claims: Default::default(), started: std::time::Instant::now(), enabled }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl pipeline::Observer for Progress {
    fn discovered(&self, sources: usize) {
        self.bar.set_length(sources as u64);
    }

    fn analyzed(&self, claims: usize) {
        self.bar.inc(1);
        let total = self.claims.fetch_add(claims, std::sync::atomic::Ordering::Relaxed) + claims;
        self.bar.set_message(total.to_string());
        if self.enabled && self.bar.is_hidden() && self.started.elapsed() > std::time::Duration::from_secs(1) {
            self.bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Finding, FindingKind};

    fn finding(severity: Severity) -> Finding {
        Finding {
            id: "fact".into(),
            kind: FindingKind::Conflict,
            severity,
            message: String::new(),
            note: None,
            claims: Vec::new(),
        }
    }

    #[test]
    fn exit_codes_follow_the_threshold_and_skipped_sources() {
        let none = Report::new(Vec::new(), Vec::new(), Vec::new());
        let warning = Report::new(Vec::new(), vec![finding(Severity::Warning)], Vec::new());
        let error = Report::new(Vec::new(), vec![finding(Severity::Error)], Vec::new());
        let info = Report::new(Vec::new(), vec![finding(Severity::Info)], Vec::new());
        let skipped = Report::new(
            Vec::new(),
            Vec::new(),
            vec![source::SourceFailure { source: "x.bin".into(), message: "binary".into() }],
        );
        let table = [
            (&none, FailOn::Error, 0),
            (&none, FailOn::Info, 0),
            (&warning, FailOn::Error, 0),
            (&warning, FailOn::Warning, 1),
            (&warning, FailOn::Never, 0),
            (&error, FailOn::Error, 1),
            (&error, FailOn::Never, 0),
            (&info, FailOn::Warning, 0),
            (&info, FailOn::Info, 1),
            (&skipped, FailOn::Never, 1),
            (&skipped, FailOn::Error, 1),
        ];
        for (report, fail_on, code) in table {
            assert_eq!(exit_code(report, fail_on), code, "{fail_on:?} {:?}", report.findings);
        }
    }

    #[test]
    fn published_must_be_a_whole_date() {
        assert!(parse_date("2018-03-28").is_ok());
        assert!(parse_date("2018-03-28T10:00").is_err());
        assert!(parse_date("yesterday").is_err());
    }
}
