//! `factlint map`: the map step of a distributed run. Reads a partition of the sources
//! (files and folders, or documents on standard input), selects their claims into the
//! rules' facts, and writes them as a claims file (`docs/claims-format.md`) for
//! `factlint reduce`, each source as soon as it and those before it are done.

use std::io::{BufReader, BufWriter};
use std::path::Path;

use clap::Args;

use factlint::config::Config;
use factlint::pipeline::claims::ClaimsWriter;
use factlint::pipeline::{self, Analysis};
use factlint::source::{Source, SourceFailure};

use super::{CliError, InputArgs, report_failures, resolve};

/// Options of `map`.
#[derive(Debug, Args)]
pub struct MapArgs {
    /// What to read; `-` alone reads documents from standard input, one JSON object a
    /// line: {"path": ..., "text": ..., "published": "YYYY-MM-DD"}.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Runs `map`; exit code 1 when a source could not be read (it is in the claims file
/// too, so that the report of the reduce step names it).
pub fn run(args: MapArgs, config: &Config) -> Result<i32, CliError> {
    let resolved = resolve(&args.input, config, true)?;
    let from_stdin = resolved.paths.iter().any(|p| p == Path::new("-"));
    if from_stdin && resolved.paths.len() > 1 {
        return Err(CliError::Usage("`-` (documents on standard input) cannot be mixed with paths".into()));
    }
    let checker = &resolved.checker;
    let options = &resolved.options;
    let discovered = if from_stdin { None } else { Some(resolved.discover()?) };

    let mut writer = ClaimsWriter::new(BufWriter::new(std::io::stdout()), &checker.rules)?;
    let mut failures: Vec<SourceFailure> = Vec::new();
    let files = discovered.map(|found| {
        failures = found.failures;
        found.files
    });
    for failure in &failures {
        writer.failure(failure)?;
    }
    // Only what the reduce step reads is kept: the claims no fact took go at once.
    let analyze = |read: Result<Source, SourceFailure>| {
        read.map(|source| Analysis { claims: Vec::new(), ..pipeline::analyze_source(&source, checker) })
    };
    let write = |result: Result<Analysis, SourceFailure>| match result {
        Ok(analysis) => writer.source(&analysis),
        Err(failure) => {
            let written = writer.failure(&failure);
            failures.push(failure);
            written
        }
    };
    match files {
        None => pipeline::map_documents_in_order(BufReader::new(std::io::stdin()), options, analyze, write)?,
        Some(files) => pipeline::map_sources_in_order(files, options, analyze, write)?,
    }
    writer.finish()?;
    failures.sort_by(|a, b| a.source.cmp(&b.source));
    Ok(report_failures(&failures))
}
