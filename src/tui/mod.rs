//! The interactive terminal app: the weekly loop from the keyboard.
//!
//! `app` holds the state and its `update`; `keymap` is the one table of keys (dispatch,
//! footer and help all read it); `ui` draws and never changes state; `form` is the data-entry
//! model. The runner here only moves events in and effects (the clipboard) out.

pub mod action;
pub mod app;
pub mod form;
pub mod keymap;
pub mod theme;
pub mod ui;

use app::{App, Effect};
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use theme::Theme;

/// Opens the terminal app on the database the command line names.
pub fn run(cli: &crate::cli::Cli) -> anyhow::Result<()> {
    let store = crate::cli::open_store(cli)?;
    let (today, now) = crate::cli::now();
    let mut app = App::new(store, today, now, std::env::current_dir()?)?;
    let theme = Theme::from_env();
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, &mut app, theme);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    theme: Theme,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    loop {
        terminal.draw(|frame| ui::draw(frame, app, theme))?;
        for effect in app.effects.drain(..) {
            match effect {
                Effect::Copy(text) => {
                    ratatui::crossterm::execute!(
                        std::io::stdout(),
                        ratatui::crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
                    )?;
                }
            }
        }
        if app.quit {
            return Ok(());
        }
        // Block until the next event: nothing is redrawn, and no CPU used, while idle.
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => app.handle_key(key),
            Event::Resize(width, height) => app.size = (width, height),
            _ => {}
        }
    }
}
