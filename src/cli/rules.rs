//! `factlint rules`: validate rule files, or print their JSON Schema.

use std::path::PathBuf;

use clap::Subcommand;

use factlint::config::Config;
use factlint::source;

use super::{CliError, START_RULES, from_here, load_rules};

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
            let paths: Vec<PathBuf> =
                if paths.is_empty() { config.rules.iter().map(|p| from_here(p)).collect() } else { paths };
            if paths.is_empty() {
                return Err(CliError::Usage(format!(
                    "no rule files to check: name them (`factlint rules check rules/`) or list `rules` in factlint.yaml.\n{START_RULES}"
                )));
            }
            let set = load_rules(&paths)?;
            if set.facts.is_empty() && set.entities.is_empty() {
                return Err(CliError::Usage(format!(
                    "{}: no fact and no entity to check.\n{START_RULES}",
                    shown(&paths)
                )));
            }
            println!("{}: {} entities, {} facts: ok", shown(&paths), set.entities.len(), set.facts.len());
            Ok(0)
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
