//! `factlint suggest`: the rule file discovery induces, with its evidence as comments,
//! for an editor to prune.

use std::path::PathBuf;

use clap::Args;

use factlint::config::Config;
use factlint::pipeline;
use factlint::source;

use super::{CliError, InputArgs, resolve, write_output};

/// Options of `suggest`.
#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// What to read (`--rules` is not read: this writes rules).
    #[command(flatten)]
    pub input: InputArgs,
    /// Write the rule file to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `suggest`: exit 0 with the file written, 1 when a source could not be read.
pub fn run(args: SuggestArgs, config: &Config) -> Result<i32, CliError> {
    let resolved = resolve(&args.input, config, false)?;
    if let Some(output) = &args.output
        && let Some(why) = source::read_by_this_run(output, &resolved.paths, &[])
    {
        return Err(CliError::Usage(format!(
            "--output {}: {why}; refusing to write over it",
            source::display_path(output)
        )));
    }
    let entities = pipeline::discovered::discovered_entities(&resolved.paths, &resolved.options);
    let induction = pipeline::induce(&resolved.paths, &resolved.options, &entities);
    if induction.sources == 0 && induction.failures.is_empty() {
        return Err(super::no_sources(&resolved.paths, resolved.options.ignore_files));
    }
    for failure in &induction.failures {
        eprintln!("error: {}: {}", failure.source, failure.message);
    }
    if induction.sources < 2 {
        eprintln!("note: {} source(s) read: discovery needs two or more to compare", induction.sources);
    } else if induction.groups.is_empty() {
        eprintln!("note: no fact found that two sources state: the file lists none");
    }
    for refused in &induction.induced.refused {
        eprintln!("note: a discovered fact was left out: {refused}");
    }
    let yaml = &induction.induced.yaml;
    if yaml.len() > factlint::rules::RULE_FILE_MAX {
        eprintln!(
            "warning: the suggested file is {} bytes, over the {} MB a rule file may hold: {} facts from {} sources; \
             suggest for one story's coverage at a time, or delete facts before `rules check`",
            yaml.len(),
            factlint::rules::RULE_FILE_MAX >> 20,
            induction.groups.len(),
            induction.sources
        );
    }
    write_output(args.output.as_deref(), yaml)?;
    Ok(i32::from(!induction.failures.is_empty()))
}
