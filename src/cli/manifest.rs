//! `factlint manifest`: the JSON Schema of `sources.yaml` (docs/sources.md), for
//! editor completion, as `factlint rules schema` prints that of rule files.

use clap::Subcommand;

use super::CliError;

/// The `manifest` subcommands.
#[derive(Debug, Subcommand)]
pub enum ManifestCommand {
    /// Print the JSON Schema of `sources.yaml`.
    Schema,
}

/// Runs a `manifest` subcommand; exit code 0.
pub fn run(command: ManifestCommand) -> Result<i32, CliError> {
    match command {
        ManifestCommand::Schema => {
            println!("{}", factlint::source::manifest_schema());
            Ok(0)
        }
    }
}
