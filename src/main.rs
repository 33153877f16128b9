//! The `shoutout` binary: parse the command line, run a subcommand or the terminal app, and
//! report any error in words.

use shoutout::domain::VisibleWriter;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = shoutout::cli::parse();
    let result = match &cli.command {
        // Everything printed passes through a writer that shows control characters and
        // bidirectional overrides from data instead of letting the terminal obey them.
        Some(command) => {
            let mut out = VisibleWriter::new(std::io::stdout().lock());
            shoutout::cli::run(&cli, command, &mut out).and_then(|()| Ok(out.flush()?))
        }
        None => shoutout::tui::run(&cli.target()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`shoutout scorecard | head`): nothing more to say to anyone.
        Err(e)
            if e.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            let mut err = VisibleWriter::new(std::io::stderr().lock());
            let _ = writeln!(err, "error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
