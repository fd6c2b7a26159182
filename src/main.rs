//! The `factlint` binary: parse arguments, run, map the result to an exit code.

use clap::Parser;

fn main() {
    let cli = factlint::cli::Cli::parse();
    let code = match factlint::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            2
        }
    };
    std::process::exit(code);
}
