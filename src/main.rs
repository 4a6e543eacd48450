use std::process::ExitCode;

use backdesk::cli::{self, Cli, UsageError};
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => {
            eprintln!("backdesk: the full-screen app is coming soon; try `backdesk search --help`");
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("backdesk: error: {e:#}");
            if e.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}
