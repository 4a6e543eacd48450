use std::process::ExitCode;

use backdesk::cli::{self, Cli, UsageError};
use clap::Parser;

fn main() -> ExitCode {
    backdesk::tui::mark_process_start();
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => match cli::tui(&cli) {
            Ok(backdesk::tui::Exit::Quit) => Ok(()),
            Ok(backdesk::tui::Exit::Signal(sig)) => return ExitCode::from((128 + sig) as u8),
            Err(e) => Err(e),
        },
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
