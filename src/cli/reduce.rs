//! `factlint reduce`: the reduce step of a distributed run. Reads the claims files that
//! `factlint map` wrote for any partition of the sources and writes the report that
//! `factlint check` writes for all of them, byte for byte. Split by fact: `--partial`
//! reduces the claims of some facts to a findings file, `--merge` writes the report
//! from the sources' summaries and those files.

use std::path::PathBuf;

use clap::Args;

use factlint::baseline::Baseline;
use factlint::config::Config;
use factlint::pipeline::{self, claims, partial};
use factlint::source;

use super::check::ReportArgs;
use super::{CliError, load_checker, write_output};

/// Options of `reduce`.
#[derive(Debug, Args)]
pub struct ReduceArgs {
    /// Claims files written by `factlint map`, one per partition, in any order.
    #[arg(required = true, value_name = "CLAIMS")]
    pub claims: Vec<PathBuf>,
    /// Rule file or folder (repeatable): those the map step used. Default: the `rules`
    /// of factlint.yaml.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// How the report is written.
    #[command(flatten)]
    pub report: ReportArgs,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Reduce one part of a run split by fact: write the findings of the facts and
    /// entities whose claims the files hold, as a findings file, for `--merge`.
    #[arg(long, conflicts_with_all = ["merge", "format", "fail_on", "baseline"])]
    pub partial: bool,
    /// Findings files written by `reduce --partial` (repeatable): merged with the
    /// sources of the claims files into the report.
    #[arg(long, value_name = "FINDINGS")]
    pub merge: Vec<PathBuf>,
}

/// Runs `reduce`; exit codes as `check`'s. A claims file of another version, cut
/// short or made with other rules stops it before anything is checked (exit 2).
pub fn run(args: ReduceArgs, config: &Config) -> Result<i32, CliError> {
    let rule_paths = if args.rules.is_empty() { config.rules.clone() } else { args.rules.clone() };
    if rule_paths.is_empty() {
        return Err(CliError::Usage("no rules: name the rule files the map step used with `--rules`".into()));
    }
    let checker = load_checker(&rule_paths)?;
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    let files: Vec<&std::path::Path> = args.claims.iter().map(PathBuf::as_path).collect();
    let mapped = claims::read_all(&files, &checker.rules)?;
    if args.partial {
        let found = partial::reduce(&checker, mapped);
        let mut out = Vec::new();
        partial::write(&mut out, &checker.rules, &found)?;
        write_output(args.report.output.as_deref(), &String::from_utf8_lossy(&out))?;
        return Ok(0);
    }
    let mut report = if args.merge.is_empty() {
        pipeline::reduce(&checker, mapped.analyses, mapped.failures)
    } else {
        let mut parts = Vec::with_capacity(args.merge.len());
        for file in &args.merge {
            let shown = source::display_path(file);
            let text = std::fs::read_to_string(file)
                .map_err(|error| claims::ClaimsError::Read { file: shown.clone(), error })?;
            let part = partial::read(&shown, &text, &checker.rules)?;
            parts.push((shown, part));
        }
        partial::merge(&checker, mapped, parts)?
    };
    if report.sources.is_empty() && report.errors.is_empty() {
        return Err(CliError::Usage("the claims files hold no source: nothing to check".into()));
    }
    if let Some(baseline) = &baseline {
        report.baselined = baseline.filter(&mut report.findings);
        report.summary.findings = report.findings.len();
    }
    args.report.write(&report, config)
}
