//! The interactive terminal app: the weekly loop from the keyboard.
//!
//! `app` holds the state and its `update`; `keymap` is the one table of keys (dispatch,
//! footer and help all read it); `ui` draws and never changes state; `form` is the data-entry
//! model. The runner here only moves events in and effects (the clipboard) out.

pub mod action;
pub mod app;
pub mod form;
pub(crate) mod forms;
pub mod keymap;
pub mod state;
pub mod theme;
pub mod ui;

use app::{App, Effect};
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use theme::Theme;

/// Set to `1` to make `!` panic on purpose: how the crash report is tested.
const CRASH_TEST_VAR: &str = "SHOUTOUT_CRASH_TEST";

/// The database the command line names; a file its owner made read-only is opened to read
/// (with what to tell her: nothing she does here can be saved).
fn open(target: &crate::launch::Target) -> anyhow::Result<(crate::store::Store, Option<String>)> {
    match crate::launch::open_store(target) {
        Ok(store) => Ok((store, None)),
        Err(e) => match e.downcast_ref::<crate::store::StoreError>() {
            Some(crate::store::StoreError::ReadOnlyFile { path }) => {
                let store = crate::store::Store::open_read_only(std::path::Path::new(path))?;
                let why = format!(
                    "{path} is read-only: you can look, but no change can be saved (chmod u+w \
                     to change it)"
                );
                Ok((store, Some(why)))
            }
            _ => Err(e),
        },
    }
}

/// Opens the terminal app on the database the command line names.
pub fn run(target: &crate::launch::Target) -> anyhow::Result<()> {
    let (store, read_only) = open(target)?;
    let (today, now) = crate::launch::now();
    let export_dir = std::env::current_dir()?;
    let theme = Theme::from_env();
    // Installed first so that ratatui's hook (which restores the terminal) runs before it.
    install_crash_report(crate::launch::paths::data_dir()?);
    let mut terminal = ratatui::try_init()?;
    // Click and wheel, as in lazygit (Shift-drag still selects text in most terminals).
    let mouse = std::env::var_os("SHOUTOUT_NO_MOUSE").is_none();
    if mouse {
        ratatui::crossterm::execute!(std::io::stdout(), event::EnableMouseCapture)?;
    }
    let result = (|| {
        // A big shop takes a moment to read: say so at once rather than show nothing.
        terminal.draw(|frame| ui::draw_loading(frame, theme))?;
        let mut app = App::open(store, today, now, export_dir)?;
        if let Some(why) = read_only {
            app.say(why);
        }
        // The scorecard at once; the leak check it marks follows on its own thread, and
        // then what changed since last time (which names new leaks).
        event_loop(&mut terminal, &mut app, theme)
    })();
    if mouse {
        let _ = ratatui::crossterm::execute!(std::io::stdout(), event::DisableMouseCapture);
    }
    ratatui::restore();
    result
}

/// On a panic: write a short crash report into `dir` and say where it is. Every change is
/// committed the moment it is saved, so a crash loses nothing that was saved.
fn install_crash_report(dir: std::path::PathBuf) {
    std::panic::set_hook(Box::new(move |info| {
        // ratatui's own hook restores the screen; the mouse is given back here.
        let _ = ratatui::crossterm::execute!(std::io::stdout(), event::DisableMouseCapture);
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let path = dir.join(format!("crash-{stamp}.txt"));
        let report = format!(
            "shoutout {} crashed.\n\n{info}\n\nBacktrace:\n{}\n",
            env!("CARGO_PKG_VERSION"),
            std::backtrace::Backtrace::force_capture()
        );
        // Private like the database: the report may quote what was on the screen.
        let written = crate::store::create_private_dir(&dir).and_then(|()| {
            use std::io::Write;
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            options.open(&path)?.write_all(report.as_bytes())
        });
        eprintln!("\nshoutout crashed: {info}");
        match written {
            Ok(()) => eprintln!("A crash report was written to {}", path.display()),
            Err(e) => eprintln!(
                "(the crash report could not be written to {}: {e})",
                path.display()
            ),
        }
        eprintln!(
            "Your data is safe: every change was saved to the database when you made it. \
             Please send the report to the shoutout developers."
        );
    }));
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    theme: Theme,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    let crash_test = std::env::var(CRASH_TEST_VAR).is_ok_and(|v| v == "1");
    let mut greeted = false;
    loop {
        terminal.draw(|frame| ui::draw(frame, app, theme))?;
        // The opening summary once the first leak check is in (it names new leaks).
        if !greeted && !app.settling() {
            greeted = true;
            app.greet();
            continue;
        }
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
        // Block until the next event: nothing is redrawn, and no CPU used, while idle. While
        // the leak check runs, look in on it between events.
        match app.settle() {
            Ok(true) => continue,
            Ok(false) => {}
            // The marks are a help, not the figures: say so and go on without them.
            Err(e) => {
                app.say(format!("the leak check could not run: {e}"));
                continue;
            }
        }
        if app.settling() && !event::poll(std::time::Duration::from_millis(25))? {
            continue;
        }
        match event::read()? {
            Event::Key(key) if crash_test && key.code == event::KeyCode::Char('!') => {
                panic!("crash test: {CRASH_TEST_VAR}=1 and ! was pressed")
            }
            Event::Key(key) if key.kind == KeyEventKind::Press => app.handle_key(key),
            Event::Resize(width, height) => app.size = (width, height),
            Event::Mouse(mouse) => {
                let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
                if let Some(action) = ui::mouse_action(app, area, mouse) {
                    app.update(action);
                }
            }
            _ => {}
        }
    }
}
