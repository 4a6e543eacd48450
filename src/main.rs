// No unwrap, expect or panic outside tests: errors are values with a message.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
use std::process::ExitCode;

use backdesk::cli::{self, Cli, UsageError};

fn main() -> ExitCode {
    backdesk::tui::mark_process_start();
    let cli = Cli::parse_args();
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
            cli::say(&format!("backdesk: error: {e:#}"));
            let bad_config = matches!(
                e.downcast_ref::<backdesk::config::ConfigError>(),
                Some(backdesk::config::ConfigError::Invalid { .. })
            );
            if e.downcast_ref::<UsageError>().is_some() || bad_config {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}
