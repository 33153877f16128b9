//! `shoutout event`: mark, list, change and delete shop-wide events, through the domain's
//! constructor and the store, as the app does.

use super::args::EventCmd;
use super::entries::delete;
use super::flag_err;
use crate::domain::NewEvent;
use crate::export::lists::{self, List};
use crate::store::Store;
use anyhow::Result;
use std::io::Write;

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
    let list = List::new(&lists::EVENTS, &store.events()?, lists::event_cells);
    super::print_list(store, csv, &list, out)
}
