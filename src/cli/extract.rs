//! `factlint extract`: every claim found, names and expansions too, one record each,
//! written source by source in path order as each is done.

use std::io::BufWriter;

use clap::Args;

use factlint::config::Config;
use factlint::pipeline;

use super::{CliError, InputArgs, RecordFormat, RecordWriter, report_failures, resolve, unless_closed_pipe};

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
    let discovered = resolved.discover()?;
    let mut failures = discovered.failures;
    let mut out = RecordWriter::new(BufWriter::new(std::io::stdout()), args.format);
    let streamed = pipeline::map_sources_in_order(
        discovered.files,
        &resolved.options,
        |read| {
            read.map(|source| {
                let analysis = pipeline::analyze_source(&source, &resolved.checker);
                let mut claims = analysis.claims;
                claims.extend(analysis.names);
                claims.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
                claims
            })
        },
        |result| match result {
            Ok(claims) => out.write(&claims),
            Err(failure) => {
                failures.push(failure);
                Ok(())
            }
        },
    );
    unless_closed_pipe(streamed.and_then(|()| out.finish()))?;
    failures.sort_by(|a, b| a.source.cmp(&b.source));
    Ok(report_failures(&failures))
}
