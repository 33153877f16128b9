//! Typing: a key that is no binding of its context goes to the text field in focus (a
//! form's field, the import box, the search), or puts a note away.

use super::{App, Modal};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

impl App {
    /// Types `key` into what has the focus.
    pub(super) fn type_key(&mut self, key: KeyEvent) {
        let event = Event::Key(key);
        match &mut self.modal {
            // A note is read, then any key puts it away.
            Some(Modal::Note { .. }) => self.modal = None,
            Some(Modal::Form(form)) => {
                let field = form.focused();
                if field.is_choice() {
                    match key.code {
                        KeyCode::Char(' ') => field.cycle(true),
                        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                            field.jump(c)
                        }
                        _ => {}
                    }
                } else {
                    let typed = !key.modifiers.contains(KeyModifiers::CONTROL);
                    match key.code {
                        // A selected pre-filled value is replaced by what is typed...
                        KeyCode::Char(c) if field.selected && typed => {
                            field.input = Input::new(c.to_string());
                        }
                        KeyCode::Backspace | KeyCode::Delete if field.selected => {
                            field.input = Input::default();
                        }
                        // ... and kept to edit by any other key.
                        _ => {
                            field.input.handle_event(&event);
                        }
                    }
                    field.selected = false;
                    field.error = None;
                }
            }
            Some(Modal::ImportPath {
                input,
                start,
                error,
                shop,
                on_shop,
                ..
            }) => {
                if *on_shop {
                    shop.handle_event(&event);
                } else {
                    // The remembered folder is a start: a path typed from the root or home
                    // replaces it.
                    if matches!(key.code, KeyCode::Char('/' | '~'))
                        && !start.is_empty()
                        && input.value() == start
                    {
                        *input = Input::default();
                    }
                    input.handle_event(&event);
                }
                *error = None;
            }
            None if self.searching => {
                self.search.handle_event(&event);
                self.options.search = self.search.value().to_string();
                self.selected[0] = 0;
                self.refilter();
            }
            _ => {}
        }
    }
}
