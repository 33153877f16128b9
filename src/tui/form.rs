//! Data-entry forms: one small type per field, a focus, and the inline error of each field.
//! Validation lives in the domain; `App` saves through the store and puts any error back
//! next to its field, keeping everything typed.

use tui_input::Input;

/// Which form is open (and what it edits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    Influencer {
        id: Option<i64>,
    },
    Cost {
        id: Option<i64>,
    },
    Post {
        id: Option<i64>,
    },
    /// A promo code: a new one, or an existing one moved to another creator or campaign.
    Code {
        id: Option<i64>,
    },
    Link,
    Campaign,
    /// A shop-wide event (a sale, a market, a mention).
    Event {
        id: Option<i64>,
    },
    /// A gift sent (a new one, or gift `id` corrected).
    Gift {
        id: Option<i64>,
    },
    /// The shop's money settings.
    Settings,
    /// A commission payout.
    Payout,
    /// The deal planner (it shows a plan; it saves nothing).
    Plan,
    Period,
    /// Map the columns of a file whose layout is not known.
    Mapping {
        path: std::path::PathBuf,
    },
    /// A rate for the orders of a file in a second currency (the preview's `r`).
    Rate {
        path: std::path::PathBuf,
    },
}

/// The name of a field, as a typed constant of the form's module (`const AMOUNT: FieldKey =
/// FieldKey("amount")`): a field is built and read under the same constant, and a domain
/// error naming "amount" lands next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldKey(pub &'static str);

/// One field: free text, or one of a list of choices (cycled with ← →).
#[derive(Debug, Clone)]
pub struct Field {
    pub key: FieldKey,
    pub label: &'static str,
    pub input: Input,
    pub choices: Vec<String>,
    pub hint: String,
    pub error: Option<String>,
    /// The pre-filled value is selected, as in a spreadsheet: typing replaces it, Backspace
    /// clears it, an arrow key keeps it to edit.
    pub selected: bool,
    /// What a non-blank value must parse as, checked for every field at once before saving
    /// (so all the slips are marked together, not one per Enter).
    pub check: Option<Check>,
}

/// A field's own check: the parser of its kind of value, its error said in words.
pub type Check = fn(&str) -> Result<(), String>;

/// The checks of the usual kinds of field, on the domain's parsers.
pub mod checks {
    use crate::domain;

    pub fn count(v: &str) -> Result<(), String> {
        domain::parse_count(v).map(drop).map_err(|e| e.to_string())
    }

    pub fn amount(v: &str) -> Result<(), String> {
        domain::parse_amount(v).map(drop).map_err(|e| e.to_string())
    }

    pub fn percent(v: &str) -> Result<(), String> {
        domain::parse_percent(v)
            .map(drop)
            .map_err(|e| e.to_string())
    }

    pub fn date(v: &str) -> Result<(), String> {
        domain::parse_date(v).map(drop).map_err(|e| e.to_string())
    }
}

impl Field {
    pub fn text(key: FieldKey, label: &'static str, value: &str, hint: &str) -> Field {
        Field {
            key,
            label,
            input: Input::new(value.to_string()),
            choices: Vec::new(),
            hint: hint.to_string(),
            error: None,
            selected: false,
            check: None,
        }
    }

    pub fn choice(key: FieldKey, label: &'static str, choices: Vec<String>, value: &str) -> Field {
        let value = if choices.iter().any(|c| c == value) {
            value.to_string()
        } else {
            choices.first().cloned().unwrap_or_default()
        };
        Field {
            key,
            label,
            input: Input::new(value),
            choices,
            hint: "← → to choose".into(),
            error: None,
            selected: false,
            check: None,
        }
    }

    /// The same field, its non-blank value checked by `check` before the form saves.
    pub fn checked(self, check: Check) -> Field {
        Field {
            check: Some(check),
            ..self
        }
    }

    pub fn is_choice(&self) -> bool {
        !self.choices.is_empty()
    }

    /// Moves to the next (or previous) choice, wrapping.
    pub fn cycle(&mut self, forward: bool) {
        if self.choices.is_empty() {
            return;
        }
        let n = self.choices.len();
        let i = self
            .choices
            .iter()
            .position(|c| c == self.input.value())
            .unwrap_or(0);
        let next = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        self.input = Input::new(self.choices[next].clone());
    }

    /// Jumps to the next choice starting with `c` (type-ahead in a choice field).
    pub fn jump(&mut self, c: char) {
        let c = c.to_lowercase().next().unwrap_or(c);
        let n = self.choices.len();
        let i = self
            .choices
            .iter()
            .position(|x| x == self.input.value())
            .unwrap_or(0);
        for step in 1..=n {
            let candidate = &self.choices[(i + step) % n];
            let first = candidate
                .trim_start_matches(['@', '('])
                .chars()
                .next()
                .and_then(|f| f.to_lowercase().next());
            if first == Some(c) {
                self.input = Input::new(candidate.clone());
                return;
            }
        }
    }
}

/// An open form.
#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// An error that belongs to no single field.
    pub error: Option<String>,
    /// The values a warning was shown for: saving them again means "yes, save anyway".
    pub armed: Option<String>,
    /// The values the form opened with: Esc on changed values asks first.
    pub opened: String,
    /// Esc was pressed once on changed values: a second Esc discards them.
    pub leaving: bool,
}

impl Form {
    pub fn new(kind: FormKind, title: impl Into<String>, fields: Vec<Field>) -> Form {
        let mut form = Form {
            kind,
            title: title.into(),
            fields,
            focus: 0,
            error: None,
            armed: None,
            opened: String::new(),
            leaving: false,
        };
        form.opened = form.signature();
        form.select_focused();
        form
    }

    /// Selects the focused field's pre-filled text (arriving on a field selects it).
    fn select_focused(&mut self) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.selected = !f.is_choice() && !f.input.value().is_empty();
        }
    }

    /// Every field's value in order: what a warning was given for.
    pub fn signature(&self) -> String {
        self.fields
            .iter()
            .map(|f| f.input.value())
            .collect::<Vec<_>>()
            .join("\u{1f}")
    }

    /// The trimmed value of a field. A key the form does not have is a bug in the form's
    /// module, said out loud rather than read as an empty field.
    pub fn value(&self, key: FieldKey) -> &str {
        match self.fields.iter().find(|f| f.key == key) {
            Some(f) => f.input.value().trim(),
            None => panic!("the {:?} form has no field '{}'", self.kind, key.0),
        }
    }

    /// Fills field `key` with `value`, selected as a pre-filled value is.
    pub fn set_value(&mut self, key: FieldKey, value: &str) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.key == key) {
            f.input = tui_input::Input::new(value.to_string());
            f.selected = !f.is_choice() && !value.is_empty();
        }
    }

    /// Puts an error next to a field (or on the form) and focuses it, its text selected
    /// again so that typing replaces it.
    pub fn set_error(&mut self, key: &str, message: String) {
        match self.fields.iter().position(|f| f.key.0 == key) {
            Some(i) => {
                self.fields[i].error = Some(message);
                self.focus_on_error(i);
            }
            None => self.error = Some(message),
        }
    }

    /// Focuses field `i` with its text selected (typing replaces it; Ctrl-U clears it).
    fn focus_on_error(&mut self, i: usize) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.selected = false;
        }
        self.focus = i;
        let f = &mut self.fields[i];
        f.selected = !f.is_choice() && !f.input.value().is_empty();
    }

    /// Runs every field's own check and marks each field that fails, focusing the first;
    /// whether all passed.
    pub fn check_fields(&mut self) -> bool {
        let mut first = None;
        for (i, f) in self.fields.iter_mut().enumerate() {
            let value = f.input.value().trim();
            if let Some(check) = f.check
                && !value.is_empty()
                && let Err(message) = check(value)
            {
                f.error = Some(message);
                first.get_or_insert(i);
            }
        }
        if let Some(i) = first {
            self.focus_on_error(i);
        }
        first.is_none()
    }

    pub fn clear_errors(&mut self) {
        self.error = None;
        for f in &mut self.fields {
            f.error = None;
        }
    }

    pub fn focused(&mut self) -> &mut Field {
        &mut self.fields[self.focus]
    }

    pub fn next_field(&mut self, forward: bool) {
        let n = self.fields.len();
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.selected = false;
        }
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
        self.select_focused();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_cycle_and_jump_by_letter() {
        let mut f = Field::choice(
            FieldKey("kind"),
            "Kind",
            vec!["fee".into(), "product".into(), "shipping".into()],
            "product",
        );
        f.cycle(true);
        assert_eq!(f.input.value(), "shipping");
        f.cycle(true);
        assert_eq!(f.input.value(), "fee");
        f.cycle(false);
        assert_eq!(f.input.value(), "shipping");
        f.jump('p');
        assert_eq!(f.input.value(), "product");
    }

    #[test]
    fn errors_focus_their_field_and_keep_values() {
        let mut form = Form::new(
            FormKind::Cost { id: None },
            "Cost",
            vec![
                Field::text(FieldKey("amount"), "Amount", "12,5O", ""),
                Field::text(FieldKey("date"), "Date", "2026-05-01", ""),
            ],
        );
        form.focus = 1;
        form.set_error("amount", "bad".into());
        assert_eq!(form.focus, 0);
        assert_eq!(form.value(FieldKey("amount")), "12,5O");
        // Selected again, so typing replaces it rather than appending to it.
        assert!(form.fields[0].selected);
        assert!(!form.fields[1].selected);
    }

    #[test]
    #[should_panic(expected = "has no field 'amonut'")]
    fn an_unknown_key_is_a_bug_not_an_empty_field() {
        let form = Form::new(
            FormKind::Code { id: None },
            "Code",
            vec![Field::text(FieldKey("amount"), "Amount", "5", "")],
        );
        let _ = form.value(FieldKey("amonut"));
    }
}
