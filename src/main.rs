//! The `shoutout` binary: parse the command line, run a subcommand or the terminal app, and
//! report any error in words.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = shoutout::cli::parse();
    let result = match &cli.command {
        Some(command) => shoutout::cli::run(&cli, command, &mut std::io::stdout().lock()),
        None => shoutout::tui::run(&cli),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
