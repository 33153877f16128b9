//! The one table of key bindings. It drives dispatch, the footer and the `?` help screen, so
//! help can never drift from the keys that really work.

mod bindings;
mod screens;

pub use bindings::bindings;
use screens::SCORECARD;

use super::action::{Action, Screen};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Every screen, when no form or dialog is open.
    Global,
    Screen(Screen),
    /// The scorecard's detail pane is open.
    Detail,
    Form,
    ImportPath,
    ImportPreview,
    Confirm,
    Help,
    /// Typing a search on the scorecard.
    Search,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Screen(s) => s.title(),
            Context::Detail => "Detail pane",
            Context::Form => "Forms",
            Context::ImportPath => "Import: choose a file",
            Context::ImportPreview => "Import: preview",
            Context::Confirm => "Confirm",
            Context::Help => "Help",
            Context::Search => "Search",
        }
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

impl Key {
    /// Whether a key event is this key. Shift is part of upper-case letters, so it is
    /// ignored for characters.
    pub fn matches(self, event: &KeyEvent) -> bool {
        let mods = if matches!(event.code, KeyCode::Char(_)) {
            event.modifiers - KeyModifiers::SHIFT
        } else {
            event.modifiers
        };
        let code = match event.code {
            // Some terminals send Shift-Tab as Tab with Shift.
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            other => other,
        };
        let mods = if code == KeyCode::BackTab {
            mods - KeyModifiers::SHIFT
        } else {
            mods
        };
        self.code == code && self.mods == mods
    }

    /// How the key is written in help: `j`, `Ctrl-C`, `↓`, `PgDn`.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Delete => "Del".into(),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }
}

/// One row of the table.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// The short label in the footer; empty for keys listed only in help.
    pub footer: &'static str,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    footer: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        footer,
    }
}

/// The contexts searched for a key, most specific first.
pub fn chain(context: Context) -> Vec<Context> {
    match context {
        Context::Screen(_) => vec![context, Context::Global],
        Context::Detail => vec![Context::Detail, SCORECARD, Context::Global],
        other => vec![other],
    }
}

/// The action a key asks for in a context.
pub fn lookup(context: Context, event: &KeyEvent) -> Option<Action> {
    chain(context).into_iter().find_map(|c| {
        bindings()
            .filter(|b| b.context == c)
            .find(|b| b.keys.iter().any(|k| k.matches(event)))
            .map(|b| b.action)
    })
}

/// The bindings a context offers, as the help screen lists them (shadowed keys left out).
pub fn bindings_for(context: Context) -> Vec<&'static Binding> {
    let mut seen: Vec<Key> = Vec::new();
    let mut out = Vec::new();
    for c in chain(context) {
        for b in bindings().filter(|b| b.context == c) {
            if b.keys.iter().all(|k| seen.contains(k)) {
                continue;
            }
            seen.extend(b.keys.iter().copied());
            out.push(b);
        }
    }
    out
}

/// The footer: the main keys of a context, `key label` pairs.
pub fn footer(context: Context) -> Vec<(String, &'static str)> {
    bindings_for(context)
        .into_iter()
        .filter(|b| !b.footer.is_empty())
        .map(|b| (b.keys[0].label(), b.footer))
        .collect()
}

/// The whole table as Markdown, grouped by context (the README's key table).
pub fn markdown() -> String {
    let mut out = String::new();
    let mut contexts: Vec<Context> = Vec::new();
    for b in bindings() {
        if !contexts.contains(&b.context) {
            contexts.push(b.context);
        }
    }
    for c in contexts {
        out.push_str(&format!(
            "\n**{}**\n\n| key | does |\n|---|---|\n",
            c.title()
        ));
        for b in bindings().filter(|b| b.context == c) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.label())).collect();
            out.push_str(&format!("| {} | {} |\n", keys.join(" "), b.help));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::screens::{CAMPAIGNS, CODES, COSTS, INFLUENCERS, POSTS};
    use super::*;
    use Context as C;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn no_key_is_bound_twice_in_one_lookup_chain() {
        let contexts = [
            SCORECARD,
            INFLUENCERS,
            COSTS,
            POSTS,
            CODES,
            CAMPAIGNS,
            C::Detail,
            C::Form,
            C::ImportPath,
            C::ImportPreview,
            C::Confirm,
            C::Help,
            C::Search,
        ];
        for c in contexts {
            let mut seen: Vec<(Context, Key)> = Vec::new();
            for link in chain(c) {
                for b in bindings().filter(|b| b.context == link) {
                    for k in b.keys {
                        assert!(
                            !seen.iter().any(|(ctx, s)| *ctx == link && s == k),
                            "{} bound twice in {}",
                            k.label(),
                            link.title()
                        );
                        seen.push((link, *k));
                    }
                }
            }
        }
    }

    #[test]
    fn screen_keys_mean_different_things_but_vim_keys_move_everywhere() {
        let c = key(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(lookup(INFLUENCERS, &c), Some(Action::AddCode));
        assert_eq!(lookup(SCORECARD, &c), Some(Action::CycleCampaign));
        for screen in Screen::ALL {
            let ctx = C::Screen(screen);
            assert_eq!(
                lookup(ctx, &key(KeyCode::Char('j'), KeyModifiers::NONE)),
                Some(Action::Down)
            );
            assert_eq!(
                lookup(ctx, &key(KeyCode::Char('k'), KeyModifiers::NONE)),
                Some(Action::Up)
            );
            assert_eq!(
                lookup(ctx, &key(KeyCode::Char('q'), KeyModifiers::NONE)),
                Some(Action::Quit)
            );
        }
    }

    #[test]
    fn ctrl_c_quits_in_every_context() {
        let c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for ctx in [
            SCORECARD,
            C::Form,
            C::ImportPath,
            C::ImportPreview,
            C::Confirm,
            C::Help,
            C::Search,
        ] {
            assert_eq!(lookup(ctx, &c), Some(Action::Quit), "{}", ctx.title());
        }
    }

    #[test]
    fn shift_tab_is_recognised_both_ways() {
        let a = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        let b = key(KeyCode::Tab, KeyModifiers::SHIFT);
        assert_eq!(lookup(SCORECARD, &a), Some(Action::PrevScreen));
        assert_eq!(lookup(SCORECARD, &b), Some(Action::PrevScreen));
    }
}

#[cfg(test)]
mod readme {
    /// The README's key table is the keymap's: regenerate it from `markdown()` when keys change.
    #[test]
    fn readme_key_table_matches_the_keymap() {
        let readme =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
        let start = readme
            .find("<!-- keys:start -->")
            .expect("README has the keys markers");
        let end = readme
            .find("<!-- keys:end -->")
            .expect("README has the keys markers");
        let table = &readme[start + "<!-- keys:start -->".len()..end];
        let expected = super::markdown();
        assert_eq!(
            table.trim(),
            expected.trim(),
            "README key table is stale; replace it with:\n{expected}"
        );
    }
}
