//! `factlint rules`: validate rule files, or print their JSON Schema.

use std::path::PathBuf;

use clap::Subcommand;

use factlint::config::Config;
use factlint::source;

use super::{CliError, from_here, load_rules};

/// The `rules` subcommands.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Validate rule files (default: the `rules` of factlint.yaml).
    Check {
        /// Rule files or folders.
        paths: Vec<PathBuf>,
    },
    /// Print the JSON Schema of rule files.
    Schema,
}

/// Runs a `rules` subcommand; exit code 0 (invalid rules are an error).
pub fn run(command: RulesCommand, config: &Config) -> Result<i32, CliError> {
    match command {
        RulesCommand::Check { paths } => {
            let paths = if paths.is_empty() { config.rules.iter().map(|p| from_here(p)).collect() } else { paths };
            let set = load_rules(&paths)?;
            println!("{}: {} entities, {} facts: ok", shown(&paths), set.entities.len(), set.facts.len());
            Ok(0)
        }
        RulesCommand::Schema => {
            println!("{}", factlint::rules::schema());
            Ok(0)
        }
    }
}

fn shown(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| source::display_path(p)).collect::<Vec<_>>().join(", ")
}
