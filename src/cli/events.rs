//! `shoutout event`: mark, list, change and delete shop-wide events, through the domain's
//! constructor and the store, as the app does.

use super::args::EventCmd;
use super::entries::delete;
use super::flag_err;
use crate::domain::NewEvent;
use crate::store::{EventRow, Store};
use anyhow::Result;
use std::io::Write;

/// The columns of `event list`, in order.
pub const EVENT_COLUMNS: [&str; 4] = ["id", "name", "first_day", "last_day"];

fn cells(e: &EventRow) -> [String; 4] {
    [
        e.id.to_string(),
        e.name.clone(),
        e.first.to_string(),
        e.last.to_string(),
    ]
}

pub(super) fn event(store: &mut Store, cmd: &EventCmd, out: &mut dyn Write) -> Result<()> {
    match cmd {
        EventCmd::Add { date, to, name } => {
            let event = NewEvent::new(name, *date, *to).map_err(flag_err)?;
            let id = store.add_event(&event)?;
            writeln!(out, "marked event {id}: {}", describe(&event))?;
        }
        EventCmd::Update { id, date, to, name } => {
            let old = store.event(*id)?;
            let first = date.unwrap_or(old.first);
            // A new first day moves a one-day event whole; a range keeps its last day.
            let last = to.or(if old.first == old.last && date.is_some() {
                None
            } else {
                Some(old.last)
            });
            let event = NewEvent::new(name.as_deref().unwrap_or(&old.name), first, last)
                .map_err(flag_err)?;
            store.update_event(*id, &event)?;
            writeln!(out, "changed event {id}: {}", describe(&event))?;
        }
        EventCmd::List { out: csv } => list(store, csv, out)?,
        EventCmd::Delete { id, yes } => {
            let e = store.event(*id)?;
            let what = format!("event {id} ({})", e.name);
            delete(&what, *yes, out, || store.delete_event(*id))?;
        }
    }
    Ok(())
}

/// "Black Friday, 2026-11-27 to 2026-11-30".
fn describe(e: &NewEvent) -> String {
    if e.first == e.last {
        format!("{}, {}", e.name, e.first)
    } else {
        format!("{}, {} to {}", e.name, e.first, e.last)
    }
}

fn list(store: &Store, csv: &super::args::CsvOut, out: &mut dyn Write) -> Result<()> {
    let rows: Vec<[String; 4]> = store.events()?.iter().map(cells).collect();
    super::write_list(store, csv, EVENT_COLUMNS, &rows, Clone::clone, out)
}
