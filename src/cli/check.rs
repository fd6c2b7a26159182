//! `factlint check`: run the pipeline, filter by a baseline, render the report, and
//! turn findings into the exit code.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use clap::{Args, ValueEnum};

use factlint::baseline::Baseline;
use factlint::config::{Config, FailOn};
use factlint::pipeline::{self, Observer};
use factlint::report::{self, Format, Report};
use factlint::source;

use super::{CliError, InputArgs, changed, from_here, resolve, write_output};

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// How the report is written.
    #[command(flatten)]
    pub report: ReportArgs,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings in FILE (then exit 0), for `--baseline` later.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Run again whenever a source, a rule file, a manifest or the config changes,
    /// clearing the screen first; Ctrl-C stops.
    #[arg(long, conflicts_with = "write_baseline")]
    pub watch: bool,
    /// Check the PATHs as drafts against these references (files or folders): findings
    /// about the drafts only. Default: the `against` of factlint.yaml.
    #[arg(long, value_name = "REF", num_args = 1..)]
    pub against: Vec<PathBuf>,
    /// Report only findings that hold a claim of a file changed since this git
    /// revision (or untracked); every source is still read.
    #[arg(long, value_name = "GIT_REF", conflicts_with = "files_from")]
    pub changed_since: Option<String>,
    /// Report only findings that hold a claim of a file listed in FILE, one path a
    /// line (`-`: standard input); every source is still read.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
}

/// How a report is written: its format, where, and the severity that fails the run;
/// the same options for every command that writes a report (`check`, `reduce`,
/// `discover`).
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding is at or above this severity.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOnArg>,
}

impl ReportArgs {
    /// Renders `report` in the format asked for (else factlint.yaml's, else text), in
    /// colour only on a terminal without `NO_COLOR`, writes it where asked, and returns
    /// the exit code `--fail-on` (else factlint.yaml's) gives it.
    pub fn write(&self, report: &Report, config: &Config) -> Result<i32, CliError> {
        let format = self.format.map(Format::from).or(config.format.map(Format::from)).unwrap_or(Format::Text);
        let to_terminal = self.output.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout());
        let color = to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        write_output(self.output.as_deref(), &report::render(report, format, color))?;
        Ok(exit_code(report, self.fail_on.map(FailOn::from).or(config.fail_on).unwrap_or_default()))
    }
}

/// The values of `--format`: the report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// rustc-style blocks for a terminal.
    Text,
    /// The SPEC's JSON report.
    Json,
    /// Tables per finding, for pull-request comments and desk review.
    Markdown,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the files of a pull request.
    Github,
    /// One self-contained HTML page with filters.
    Html,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Github => Format::Github,
            FormatArg::Html => Format::Html,
        }
    }
}

/// The values of `--fail-on`: the severity at or above which findings fail a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    /// Fail on errors only.
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Fail on any finding.
    Info,
    /// Never fail because of findings.
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(fail_on: FailOnArg) -> FailOn {
        match fail_on {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Info => FailOn::Info,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

/// Runs `check` (once, or `--watch`ing); the exit code follows the findings and the
/// `--fail-on` threshold.
pub fn run(args: CheckArgs, config: &Config) -> Result<i32, CliError> {
    if args.watch { super::watch::run(&args, config) } else { run_once(&args, config) }
}

/// One check: read, compare, render, and the exit code.
pub(super) fn run_once(args: &CheckArgs, config: &Config) -> Result<i32, CliError> {
    let resolved = resolve(&args.input, config, true)?;
    let mut read = resolved.rule_paths.clone();
    read.extend(args.baseline.clone());
    for (flag, output) in [("--output", &args.report.output), ("--write-baseline", &args.write_baseline)] {
        if let Some(output) = output
            && let Some(why) = source::read_by_this_run(output, &resolved.paths, &read)
        {
            return Err(CliError::Usage(format!(
                "{flag} {}: {why}; refusing to write over it",
                source::display_path(output)
            )));
        }
    }
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    let against: Vec<PathBuf> = if args.against.is_empty() {
        config.against.iter().map(|p| from_here(p)).collect()
    } else {
        args.against.clone()
    };
    let changed = match (&args.changed_since, &args.files_from) {
        (Some(revision), _) => Some(changed::since(revision)?),
        (None, Some(list)) => Some(changed::listed(list)?),
        (None, None) => None,
    };
    let progress = Progress::new();
    let mut report = if against.is_empty() {
        pipeline::run_observed(&resolved.paths, &resolved.checker, &resolved.options, &progress)
    } else {
        pipeline::run_against(&resolved.paths, &against, &resolved.checker, &resolved.options, &progress)
    };
    progress.finish();
    if report.sources.is_empty() && report.errors.is_empty() {
        return Err(super::no_sources(&resolved.paths, resolved.options.ignore_files));
    }
    if let Some(path) = &args.write_baseline {
        Baseline::of(&report.findings).save(path)?;
        eprintln!("wrote {} finding(s) to {}", report.findings.len(), source::display_path(path));
        return Ok(0);
    }
    if let Some(baseline) = &baseline {
        report.baselined = baseline.filter(&mut report.findings);
        report.summary.findings = report.findings.len();
    }
    if let Some(changed) = &changed {
        let before = report.findings.len();
        report.findings.retain(|f| f.claims.iter().any(|c| changed.holds(&c.place.source)));
        report.summary.findings = report.findings.len();
        let left_out = before - report.findings.len();
        if left_out > 0 {
            report.warnings.push(format!("{left_out} finding(s) left out: they hold no claim of a changed file"));
        }
    }
    args.report.write(&report, config)
}

/// The SPEC's exit code: 1 when a finding is at or above the threshold or a source
/// could not be read, else 0.
fn exit_code(report: &Report, fail_on: FailOn) -> i32 {
    i32::from(report.fails(fail_on))
}

/// A progress bar on standard error, shown only on a terminal, outside CI, and only
/// once a run has lasted a second: short runs and pipes stay quiet.
struct Progress {
    bar: indicatif::ProgressBar,
    claims: AtomicUsize,
    started: Instant,
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
        Progress { bar, claims: AtomicUsize::default(), started: Instant::now(), enabled }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Observer for Progress {
    fn discovered(&self, sources: usize) {
        self.bar.set_length(sources as u64);
    }

    fn analyzed(&self, claims: usize) {
        self.bar.inc(1);
        let total = self.claims.fetch_add(claims, Ordering::Relaxed) + claims;
        self.bar.set_message(total.to_string());
        if self.enabled && self.bar.is_hidden() && self.started.elapsed() > Duration::from_secs(1) {
            self.bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use factlint::check::{Finding, FindingKind};
    use factlint::config::ReportFormat;
    use factlint::rules::Severity;
    use factlint::source::SourceFailure;

    fn finding(severity: Severity) -> Finding {
        Finding {
            id: "fact".into(),
            kind: FindingKind::Conflict,
            severity,
            message: String::new(),
            note: None,
            claims: Vec::new(),
            omitted: Vec::new(),
            side: None,
            confidence: None,
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
            vec![SourceFailure { source: "x.bin".into(), message: "binary".into() }],
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

    /// Every value of `--format` and of the config's `format` names the same report
    /// format, so the two ways of asking agree.
    #[test]
    fn option_and_config_formats_agree() {
        for arg in FormatArg::value_variants() {
            let name = arg.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default();
            let from_config: ReportFormat = serde_yaml::from_str(&name).unwrap();
            assert_eq!(Format::from(*arg), Format::from(from_config), "{name}");
        }
        for arg in FailOnArg::value_variants() {
            let name = arg.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default();
            let from_config: FailOn = serde_yaml::from_str(&name).unwrap();
            assert_eq!(FailOn::from(*arg), from_config, "{name}");
        }
    }
}
