//! `factlint extract`: every claim found, names and expansions too, one record each.

use clap::Args;

use factlint::config::Config;
use factlint::pipeline;

use super::{CliError, InputArgs, RecordFormat, records, report_failures, resolve, write_output};

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

/// Runs `extract`; exit code 1 when a source could not be read.
pub fn run(args: ExtractArgs, config: &Config) -> Result<i32, CliError> {
    let resolved = resolve(&args.input, config, false)?;
    let (analyses, failures) = pipeline::analyze_all(&resolved.paths, &resolved.checker, &resolved.options);
    if analyses.is_empty() && failures.is_empty() {
        return Err(super::no_sources(&resolved.paths, resolved.options.ignore_files));
    }
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
