//! Shop-wide events (`shoutout event …`, the app's Events screen): add, list, change and
//! delete them, and the facts the lift model reads.

use super::entries::{date_col, date_sql};
use super::{Deleted, Result, Store, StoreError};
use crate::domain::NewEvent;
use chrono::NaiveDate;
use rusqlite::params;

/// A stored event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub id: i64,
    pub name: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Store {
    /// Records an event; its id.
    pub fn add_event(&mut self, event: &NewEvent) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO shop_event (name, first_on, last_on) VALUES (?1, ?2, ?3)",
            params![event.name, date_sql(event.first), date_sql(event.last)],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Replaces event `id` with `event`.
    pub fn update_event(&mut self, id: i64, event: &NewEvent) -> Result<()> {
        let changed = self.conn.execute(
            "UPDATE shop_event SET name = ?1, first_on = ?2, last_on = ?3 WHERE id = ?4",
            params![event.name, date_sql(event.first), date_sql(event.last), id],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound { what: "event", id });
        }
        Ok(())
    }

    /// Deletes event `id`, kept whole so that it can be put back.
    pub fn delete_event(&mut self, id: i64) -> Result<Deleted> {
        self.delete_row("shop_event", "event", id)
    }

    /// One event.
    pub fn event(&self, id: i64) -> Result<EventRow> {
        self.events()?
            .into_iter()
            .find(|e| e.id == id)
            .ok_or(StoreError::NotFound { what: "event", id })
    }

    /// Every event, the latest first.
    pub fn events(&self) -> Result<Vec<EventRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, first_on, last_on FROM shop_event ORDER BY first_on DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(EventRow {
                id: r.get(0)?,
                name: r.get(1)?,
                first: date_col(r, 2)?,
                last: date_col(r, 3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_is_added_changed_deleted_and_put_back() {
        let mut store = Store::open_in_memory().unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let id = store
            .add_event(&NewEvent::new("Black Friday", day(27), Some(day(30))).unwrap())
            .unwrap();
        store
            .update_event(
                id,
                &NewEvent::new("Black Friday weekend", day(27), Some(day(29))).unwrap(),
            )
            .unwrap();
        let row = store.event(id).unwrap();
        assert_eq!(
            (row.name.as_str(), row.last),
            ("Black Friday weekend", day(29))
        );
        let gone = store.delete_event(id).unwrap();
        assert!(store.events().unwrap().is_empty());
        assert!(matches!(
            store.update_event(id, &NewEvent::new("x", day(1), None).unwrap()),
            Err(StoreError::NotFound { .. })
        ));
        store.put_back(&gone).unwrap();
        assert_eq!(store.events().unwrap(), vec![row]);
    }
}
