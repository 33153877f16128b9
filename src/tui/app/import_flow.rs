//! The import flow of the app: the path (with Tab completion), the mapping step for an
//! unknown layout, the preview, and the import itself.

use super::{App, Modal};
use crate::import::{ImportError, ImportOptions, ImportSummary, Mapping, import_file};
use crate::tui::action::{Action, Screen};
use std::path::{Path, PathBuf};
use tui_input::Input;

/// The setting that keeps the folder of the last file imported in the app.
const IMPORT_FOLDER: &str = "tui_import_folder";

impl App {
    pub(super) fn update_import_path(&mut self, action: Action) -> anyhow::Result<()> {
        let Some(Modal::ImportPath { input, shop, .. }) = &self.modal else {
            return Ok(());
        };
        let typed = input.value().to_string();
        let typed_shop = shop.value().trim().to_string();
        match action {
            Action::Quit => self.quit = true,
            Action::Back => self.modal = None,
            Action::Down | Action::Up => {
                if let Some(Modal::ImportPath { on_shop, .. }) = &mut self.modal {
                    *on_shop = action == Action::Down;
                }
            }
            Action::Complete => {
                let (completed, candidates) = complete_path(&typed);
                if let Some(Modal::ImportPath {
                    input,
                    candidates: c,
                    error,
                    ..
                }) = &mut self.modal
                {
                    // Completed to one file (or already whole) is success, not "no match".
                    let found = !candidates.is_empty() || expand_home(&completed).exists();
                    *input = Input::new(completed);
                    *error = (!found && !typed.is_empty()).then(|| "no file matches".to_string());
                    *c = candidates;
                }
            }
            Action::Submit => {
                let path = expand_home(&typed);
                // Rates typed for another file do not carry over.
                self.import_rates.clear();
                // The shop typed, else the one last used for files of this layout.
                self.import_shop = match typed_shop.as_str() {
                    "" => crate::import::layout_key(&path).ok().and_then(|key| {
                        self.store
                            .setting(&crate::import::shop_setting(&key))
                            .ok()
                            .flatten()
                    }),
                    typed => Some(typed.to_string()),
                };
                if let (Some(remembered), Some(Modal::ImportPath { shop, .. })) =
                    (&self.import_shop, &mut self.modal)
                {
                    *shop = Input::new(remembered.clone());
                }
                match self.preview(&path, None, false) {
                    Err(ImportError::UnknownFormat { header, .. }) => {
                        self.open_mapping_form(path, &header);
                    }
                    Err(e) => {
                        if let Some(Modal::ImportPath { error, .. }) = &mut self.modal {
                            *error = Some(e.to_string());
                        }
                    }
                    Ok(()) => {}
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Runs a dry run and opens its preview; errors other than invalid orders are returned.
    /// With `fix_dates`, dates a spreadsheet misread are read as the dates they meant.
    pub(super) fn preview(
        &mut self,
        path: &Path,
        mapping: Option<Mapping>,
        fix_dates: bool,
    ) -> Result<(), ImportError> {
        let run = Run {
            dry_run: true,
            skip_invalid: false,
            fix_dates,
        };
        let (summary, invalid) = match self.run_import(path, run, mapping.clone()) {
            Ok(summary) => (Box::new(summary), false),
            Err(ImportError::Invalid(summary)) => (summary, true),
            Err(e) => return Err(e),
        };
        self.modal = Some(Modal::ImportPreview {
            path: path.to_path_buf(),
            summary,
            invalid,
            mapping: mapping.map(Box::new),
            fix_dates,
        });
        Ok(())
    }

    /// The folder of the last file imported, with its `/`, to start the path box in (while
    /// it still exists).
    pub(super) fn import_folder(&self) -> Option<String> {
        let folder = self.store.setting(IMPORT_FOLDER).ok().flatten()?;
        Path::new(&folder)
            .is_dir()
            .then(|| format!("{}/", folder.trim_end_matches('/')))
    }

    fn run_import(
        &mut self,
        path: &Path,
        run: Run,
        mapping: Option<Mapping>,
    ) -> Result<ImportSummary, ImportError> {
        let options = ImportOptions {
            dry_run: run.dry_run,
            skip_invalid: run.skip_invalid,
            fix_dates: run.fix_dates,
            rates: self.import_rates.clone(),
            mapping,
            shop: self.import_shop.clone(),
            backup: !run.dry_run,
            // The moment of this import (its record, its backup's name), not the app's opening.
            ..ImportOptions::new(crate::launch::moment())
        };
        import_file(&mut self.store, path, &options)
    }

    /// The mapping step for a file of an unknown layout.
    fn open_mapping_form(&mut self, path: PathBuf, header: &[String]) {
        let currency = self
            .store
            .setting("currency")
            .ok()
            .flatten()
            .unwrap_or_else(|| "USD".into());
        let form = crate::tui::forms::mapping::build(path, header, &currency);
        self.modal = Some(Modal::Form(form));
    }

    pub(super) fn update_preview(&mut self, action: Action) -> anyhow::Result<()> {
        let Some(Modal::ImportPreview {
            path,
            invalid,
            mapping,
            fix_dates,
            summary,
        }) = self.modal.clone()
        else {
            return Ok(());
        };
        let skip = match action {
            Action::FixDates if fix_dates || summary.dates_damaged > 0 => {
                self.preview(&path, mapping.map(|m| *m), !fix_dates)?;
                return Ok(());
            }
            Action::FixDates => {
                self.fail("no dates in this file look misread by a spreadsheet");
                return Ok(());
            }
            Action::AddCode => {
                self.assign_code_from_preview(&path, (mapping.map(|m| *m), fix_dates), &summary);
                return Ok(());
            }
            Action::EnterRate => {
                self.rate_from_preview(path, (mapping.map(|m| *m), fix_dates), &summary);
                return Ok(());
            }
            Action::Quit => {
                self.quit = true;
                return Ok(());
            }
            Action::Back => {
                self.modal = None;
                self.say("import cancelled: nothing was written");
                return Ok(());
            }
            Action::Confirm if invalid => {
                self.fail("some orders are invalid: press s to import the others, or n to cancel");
                return Ok(());
            }
            Action::Confirm => false,
            Action::ConfirmSkipInvalid => true,
            _ => return Ok(()),
        };
        self.modal = None;
        let run = Run {
            dry_run: false,
            skip_invalid: skip,
            fix_dates,
        };
        let summary = self.run_import(&path, run, mapping.map(|m| *m))?;
        // Next week's file is most likely in the same folder. Remembering it is a
        // convenience: a read-only database just does not.
        if let Some(folder) = std::path::absolute(&path)
            .ok()
            .and_then(|p| p.parent().map(|d| d.display().to_string()))
        {
            let _ = self.store.set_setting(IMPORT_FOLDER, Some(&folder));
        }
        self.reload()?;
        self.screen = Screen::Scorecard;
        let c = &summary.counts;
        self.say(format!(
            "imported {}: {} new, {} changed, {} unchanged, {} invalid skipped",
            path.display(),
            c.new,
            c.changed,
            c.unchanged,
            c.invalid
        ));
        Ok(())
    }
}

impl App {
    /// `c` in the preview: the code form, filled with the file's most used code of no one;
    /// once it is saved (or closed) the file is previewed again, as it was.
    fn assign_code_from_preview(
        &mut self,
        path: &Path,
        rerun: (Option<Mapping>, bool),
        summary: &ImportSummary,
    ) {
        let Some((code, _)) = summary.unknown_codes.first() else {
            self.fail("every code of this file belongs to an influencer");
            return;
        };
        self.import_rerun = Some(rerun);
        self.code_from_preview = Some(path.to_path_buf());
        let mut form = crate::tui::forms::code::build(&self.seen(), None, "");
        form.set_value(crate::tui::forms::code::CODE, code);
        self.modal = Some(Modal::Form(form));
    }

    /// `r` in the preview: the rate form, the currency the preview found named in its
    /// error's hint.
    fn rate_from_preview(
        &mut self,
        path: PathBuf,
        rerun: (Option<Mapping>, bool),
        summary: &ImportSummary,
    ) {
        let hint = summary
            .errors
            .iter()
            .find_map(|e| {
                let text = e.to_string();
                let at = text.find("--rate ")?;
                let rest = &text[at + 7..];
                Some(rest[..rest.find('>').map_or(rest.len(), |i| i + 1)].to_string())
            })
            .unwrap_or_else(|| "CUR=RATE: the shop's units per one, like USD=32.10".into());
        self.import_rerun = Some(rerun);
        self.modal = Some(Modal::Form(crate::tui::forms::rate::build(path, &hint)));
    }

    /// Previews `path` again with `rate` for its orders in that currency (replacing a rate
    /// typed before for it), with what the preview ran with before.
    pub(crate) fn preview_with_rate(
        &mut self,
        path: &Path,
        rate: (String, rust_decimal::Decimal),
    ) -> Result<(), ImportError> {
        self.import_rates.retain(|(c, _)| *c != rate.0);
        self.import_rates.push(rate);
        let (mapping, fix_dates) = self.import_rerun.take().unwrap_or((None, false));
        self.preview(path, mapping, fix_dates)
    }

    /// After a code given from the preview (`c`) is saved, or its form closed: the file's
    /// preview again, its codes counted anew.
    pub(super) fn back_to_preview(&mut self) -> Result<(), ImportError> {
        let Some(path) = self.code_from_preview.take() else {
            return Ok(());
        };
        let (mapping, fix_dates) = self.import_rerun.take().unwrap_or((None, false));
        self.preview(&path, mapping, fix_dates)
    }
}

/// How an import runs from the app: a preview or for real, skipping invalid orders, with
/// misread dates repaired.
#[derive(Clone, Copy)]
struct Run {
    dry_run: bool,
    skip_invalid: bool,
    fix_dates: bool,
}

fn expand_home(typed: &str) -> PathBuf {
    let typed = typed.trim();
    if let Some(rest) = typed.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new()
    {
        return home.home_dir().join(rest);
    }
    PathBuf::from(typed)
}

/// Completes a typed path: the longest common prefix of the matching entries, and the
/// matching names when more than one fits. Directories end in `/`.
pub fn complete_path(typed: &str) -> (String, Vec<String>) {
    let expanded = expand_home(typed);
    let text = expanded.to_string_lossy().to_string();
    // `/`, and on Windows `\` too.
    let (dir, prefix) = match text.rfind(std::path::is_separator) {
        Some(i) => (&text[..=i], &text[i + 1..]),
        None => ("", text.as_str()),
    };
    let read_from = if dir.is_empty() { "." } else { dir };
    let Ok(entries) = std::fs::read_dir(read_from) else {
        return (typed.to_string(), Vec::new());
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            if !name.starts_with(prefix) || (name.starts_with('.') && !prefix.starts_with('.')) {
                return None;
            }
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            Some(if is_dir { format!("{name}/") } else { name })
        })
        .collect();
    names.sort();
    let Some(first) = names.first() else {
        return (typed.to_string(), names);
    };
    let mut common = first.clone();
    for n in &names[1..] {
        while !n.starts_with(&common) {
            common.pop();
        }
    }
    let completed = if typed.trim().starts_with("~/") {
        format!(
            "{}{common}",
            &typed.trim()[..typed.trim().rfind(std::path::is_separator).unwrap_or(0) + 1]
        )
    } else {
        format!("{dir}{common}")
    };
    let shown = if names.len() > 1 { names } else { Vec::new() };
    (completed, shown)
}
