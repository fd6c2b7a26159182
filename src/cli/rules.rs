//! `factlint rules`: validate rule files (and, `--against` sources, say which rules
//! take nothing there), or print their JSON Schema.

use std::path::PathBuf;

use clap::Subcommand;

use factlint::config::Config;
use factlint::pipeline::{self, RunOptions};
use factlint::source::{self, IgnoreFiles};

use super::{CliError, START_RULES, from_here, load_checker, no_sources, parse_date};

/// The `rules` subcommands.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Validate rule files (default: the `rules` of factlint.yaml).
    Check {
        /// Rule files or folders.
        paths: Vec<PathBuf>,
        /// Also run the rules over these sources and say which facts take no claim
        /// (or claims of one source only) and which entities no source mentions;
        /// exit 1 when a fact or an entity takes nothing.
        #[arg(long, value_name = "SOURCES", num_args = 1..)]
        against: Vec<PathBuf>,
    },
    /// Print the JSON Schema of rule files.
    Schema,
}

/// Runs a `rules` subcommand; exit code 0 (invalid rules are an error).
pub fn run(command: RulesCommand, config: &Config) -> Result<i32, CliError> {
    match command {
        RulesCommand::Check { paths, against } => {
            let paths: Vec<PathBuf> =
                if paths.is_empty() { config.rules.iter().map(|p| from_here(p)).collect() } else { paths };
            if paths.is_empty() {
                return Err(CliError::Usage(format!(
                    "no rule files to check: name them (`factlint rules check rules/`) or list `rules` in factlint.yaml.\n{START_RULES}"
                )));
            }
            let checker = load_checker(&paths)?;
            let set = &checker.rules;
            if set.facts.is_empty() && set.entities.is_empty() {
                return Err(CliError::Usage(format!(
                    "{}: no fact and no entity to check.\n{START_RULES}",
                    shown(&paths)
                )));
            }
            println!("{}: {} entities, {} facts: ok", shown(&paths), set.entities.len(), set.facts.len());
            if against.is_empty() {
                return Ok(0);
            }
            let published = config.published.as_deref().map(parse_date).transpose()?;
            let options =
                RunOptions { published, ignore_files: IgnoreFiles::Honoured, links: source::Links::NotFollowed };
            let (report, unused) = pipeline::run_with_unused(&against, &checker, &options, &());
            if report.sources.is_empty() && report.errors.is_empty() {
                return Err(no_sources(&against, options.ignore_files));
            }
            for failure in &report.errors {
                eprintln!("error: {}: {}", failure.source, failure.message);
            }
            let dead = unused.iter().filter(|u| u.is_dead()).count();
            println!(
                "against {} ({} sources): {} fact(s) or entities took nothing, {} took claims of one source only",
                shown(&against),
                report.sources.len(),
                dead,
                unused.len() - dead
            );
            for rule in &unused {
                println!("{}: {rule}", if rule.is_dead() { "warning" } else { "note" });
            }
            Ok(i32::from(dead > 0 || !report.errors.is_empty()))
        }
        RulesCommand::Schema => {
            println!("{}", factlint::rules::schema());
            Ok(0)
        }
    }
}

/// The rule paths as messages show them.
pub(super) fn shown(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| source::display_path(p)).collect::<Vec<_>>().join(", ")
}
