//! `factlint discover`: the facts sources share and where they split, without rules;
//! `--explain` shows the groups it built and the words and names each was built on.

use std::fmt::Write as _;

use clap::Args;

use factlint::check::discover::{Group, MIN_CONFIDENCE};
use factlint::config::Config;
use factlint::pipeline::{self, Induction};

use super::check::ReportArgs;
use super::{CliError, InputArgs, resolve, write_output};

/// Options of `discover`.
#[derive(Debug, Args)]
pub struct DiscoverArgs {
    /// What to read (`--rules` is not read: discovery writes its own).
    #[command(flatten)]
    pub input: InputArgs,
    /// How the report is written.
    #[command(flatten)]
    pub report: ReportArgs,
    /// Leave out findings less sure than this, in [0, 1] (default 0.45).
    #[arg(long, value_name = "C")]
    pub min_confidence: Option<f64>,
    /// Print the groups discovery built (the words and names of each, its sources and
    /// claims) instead of the report.
    #[arg(long)]
    pub explain: bool,
}

/// Runs `discover`; the exit code follows the findings and `--fail-on`, as `check`'s.
pub fn run(args: DiscoverArgs, config: &Config) -> Result<i32, CliError> {
    let min_confidence = args.min_confidence.unwrap_or(MIN_CONFIDENCE);
    if !(0.0..=1.0).contains(&min_confidence) {
        return Err(CliError::Usage(format!("--min-confidence {min_confidence}: give a number from 0 to 1")));
    }
    let resolved = resolve(&args.input, config, false)?;
    let entities = pipeline::discovered::discovered_entities(&resolved.paths, &resolved.options);
    let (induction, report) = pipeline::discover(&resolved.paths, &resolved.options, &entities, min_confidence, &())?;
    if report.sources.is_empty() && report.errors.is_empty() {
        return Err(super::no_sources(&resolved.paths, resolved.options.ignore_files));
    }
    if args.explain {
        write_output(args.report.output.as_deref(), &explain(&induction))?;
        return Ok(0);
    }
    args.report.write(&report, config)
}

/// The groups as text: for each, its id, what it takes, the words and names it was
/// built on, and its claims source by source.
pub fn explain(induction: &Induction) -> String {
    let mut out = format!(
        "{} group(s) from {} comparable claim(s) in {} source(s)\n",
        induction.groups.len(),
        induction.claims,
        induction.sources
    );
    for (group, id) in induction.groups.iter().zip(&induction.induced.ids) {
        let id = id.as_deref().unwrap_or("(left out: its rule did not validate)");
        let _ = writeln!(out, "\n{id}: {}", what(group));
        let _ = writeln!(out, "  built on words: {}", group.words.join(", "));
        if !group.entities.is_empty() {
            let _ = writeln!(out, "  built on names: {}", group.entities.join(", "));
        }
        let _ = writeln!(out, "  {} claim(s) in {} source(s):", group.claims, group.sources.len());
        for examples in group.sources.values() {
            for e in examples {
                let _ = writeln!(out, "    {}:{}: {} = {}", e.source, e.line, e.text, e.value);
            }
        }
    }
    for refused in &induction.induced.refused {
        let _ = writeln!(out, "\nleft out: {refused}");
    }
    out
}

fn what(group: &Group) -> String {
    let mut what = group.key.kind.to_string();
    if let Some(unit) = &group.key.unit {
        what.push_str(&format!(" in {unit}"));
    }
    if !group.counted.is_empty() {
        what.push_str(&format!(" counting {}", group.counted.join(" or ")));
    }
    what
}
