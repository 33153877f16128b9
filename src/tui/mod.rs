//! The interactive terminal app (being built: see issue 3).

/// Opens the terminal app.
pub fn run(_cli: &crate::cli::Cli) -> anyhow::Result<()> {
    anyhow::bail!("the terminal app is not built yet; see `shoutout --help` for the commands")
}
