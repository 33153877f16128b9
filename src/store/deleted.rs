//! Deleting a hand-entered row so that it can be put back: the row is read whole before it
//! goes, and restored under its own id.

use super::{Result, Store, StoreError};
use rusqlite::OptionalExtension;

/// A hand-entered row (a cost, post, code or link) as it was before it was deleted: what
/// [`Store::put_back`] restores.
#[derive(Debug, Clone)]
pub struct Deleted {
    table: &'static str,
    /// What it is, in words ("post").
    pub what: &'static str,
    columns: Vec<String>,
    values: Vec<rusqlite::types::Value>,
}

impl Store {
    /// Deletes one row of a hand-entered table, kept whole in what it returns so that
    /// [`Store::put_back`] can restore it; an id that is not there is an error.
    pub(super) fn delete_row(
        &mut self,
        table: &'static str,
        what: &'static str,
        id: i64,
    ) -> Result<Deleted> {
        let tx = self.conn.transaction()?;
        let row = {
            let mut stmt = tx.prepare(&format!("SELECT * FROM {table} WHERE id = ?1"))?;
            let columns: Vec<String> = stmt.column_names().map(str::to_string).collect();
            let values = stmt
                .query_row([id], |r| {
                    (0..columns.len())
                        .map(|i| r.get::<_, rusqlite::types::Value>(i))
                        .collect::<rusqlite::Result<Vec<_>>>()
                })
                .optional()?
                .ok_or(StoreError::NotFound { what, id })?;
            Deleted {
                table,
                what,
                columns,
                values,
            }
        };
        tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
        tx.commit()?;
        Ok(row)
    }

    /// Puts a deleted row back exactly as it was (same id). Refused, changing nothing, when
    /// what it belonged to is gone too or its place was taken (a code typed again since).
    pub fn put_back(&mut self, row: &Deleted) -> Result<()> {
        let placeholders: Vec<String> = (1..=row.values.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            row.table,
            row.columns.join(", "),
            placeholders.join(", ")
        );
        match self
            .conn
            .execute(&sql, rusqlite::params_from_iter(row.values.iter()))
        {
            Ok(_) => Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Err(StoreError::CannotPutBack(row.what))
            }
            Err(e) => Err(e.into()),
        }
    }
}
