//! The dialogs over the app's screen ([`Modal`]) and what a confirmation will do
//! ([`Pending`]).

use crate::import::{ImportSummary, Mapping};
use crate::tui::form::Form;
use crate::tui::keymap::Context;
use std::path::PathBuf;
use tui_input::Input;

/// What a confirmation will do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    UndoImport,
    DeleteCost(i64),
    DeleteCode(i64),
    DeletePost(i64),
    DeleteLink(i64),
    DeleteEvent(i64),
    DeleteGift(i64),
    DeclineGift(i64),
    LoadDemo,
}

/// A dialog over the screen.
#[derive(Debug, Clone)]
pub enum Modal {
    Form(Form),
    ImportPath {
        input: Input,
        /// What the box opened with (the last import's folder, or nothing): a path typed
        /// from `/` or `~` replaces it while it is untouched.
        start: String,
        error: Option<String>,
        candidates: Vec<String>,
        /// The shop the file comes from (empty: the one remembered for its layout, or the
        /// format's name); the arrow keys move between the two fields.
        shop: Input,
        on_shop: bool,
    },
    ImportPreview {
        path: PathBuf,
        summary: Box<ImportSummary>,
        /// Some orders are invalid: a plain confirm would be refused.
        invalid: bool,
        /// The column mapping made in the import flow, saved when the import is confirmed.
        mapping: Option<Box<Mapping>>,
        /// Dates a spreadsheet misread are imported as the dates they meant (`f`).
        fix_dates: bool,
    },
    Confirm {
        question: String,
        pending: Pending,
    },
    Help {
        context: Context,
        scroll: usize,
    },
    /// Text to read (a plan, the payouts); any key closes it.
    Note {
        title: String,
        lines: Vec<String>,
    },
}
