//! `factlint segment`: the sentences as the checker reads them, one record each,
//! written source by source in path order as each is done.

use std::io::BufWriter;

use clap::Args;

use factlint::config::Config;
use factlint::pipeline;

use super::{CliError, InputArgs, RecordFormat, RecordWriter, report_failures, resolve, unless_closed_pipe};

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

/// Runs `segment`; exit code 1 when a source could not be read.
pub fn run(args: SegmentArgs, config: &Config) -> Result<i32, CliError> {
    let resolved = resolve(&args.input, config, false)?;
    let discovered = resolved.discover()?;
    let mut failures = discovered.failures;
    let mut out = RecordWriter::new(BufWriter::new(std::io::stdout()), args.format);
    let streamed = pipeline::map_sources_in_order(
        discovered.files,
        &resolved.options,
        |read| read.map(|source| pipeline::segment_source(&source)),
        |result| match result {
            Ok(segmented) => {
                let rows: Vec<SentenceRecord> = segmented
                    .sentences
                    .iter()
                    .map(|placed| SentenceRecord {
                        source: &segmented.source,
                        index: placed.sentence.index,
                        start: placed.sentence.span.start,
                        end: placed.sentence.span.end,
                        line: placed.position.line,
                        column: placed.position.column,
                        text: &placed.sentence.text,
                    })
                    .collect();
                out.write(&rows)
            }
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
