//! `factlint segment`: the sentences as the checker reads them, one record each.

use clap::Args;

use factlint::config::Config;
use factlint::pipeline;

use super::{CliError, InputArgs, RecordFormat, records, report_failures, resolve, write_output};

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
    let (segmented, failures) = pipeline::segment_all(&resolved.paths, &resolved.options);
    if segmented.is_empty() && failures.is_empty() {
        return Err(super::no_sources(&resolved.paths, resolved.options.ignore_files));
    }
    let mut out = String::new();
    for source in &segmented {
        let rows: Vec<SentenceRecord> = source
            .sentences
            .iter()
            .map(|placed| SentenceRecord {
                source: &source.source,
                index: placed.sentence.index,
                start: placed.sentence.span.start,
                end: placed.sentence.span.end,
                line: placed.position.line,
                column: placed.position.column,
                text: &placed.sentence.text,
            })
            .collect();
        out.push_str(&records(&rows, args.format));
    }
    write_output(None, &out)?;
    Ok(report_failures(&failures))
}
