//! The `factlint` binary: parse arguments, run, map the result to an exit code.

mod cli;

use clap::Parser;

fn main() {
    let code = match cli::run(cli::Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            2
        }
    };
    std::process::exit(code);
}
