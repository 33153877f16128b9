//! Deleting a hand-entered row so that it can be put back: the row is read whole before it
//! goes, and restored under its own id.

use super::{Result, Store, StoreError};
use rusqlite::OptionalExtension;

/// A hand-entered row (a cost, post, code or link), or a gift with the cost entries it
/// made, as it was before it was deleted: what [`Store::put_back`] restores.
#[derive(Debug, Clone)]
pub struct Deleted {
    /// What it is, in words ("post").
    pub what: &'static str,
    /// Its rows, in the order they are put back (what a row refers to first).
    rows: Vec<Row>,
}

/// One row as it was.
#[derive(Debug, Clone)]
struct Row {
    table: &'static str,
    columns: Vec<String>,
    values: Vec<rusqlite::types::Value>,
}

/// Row `id` of `table` whole, or `None`.
fn read_row(
    tx: &rusqlite::Transaction,
    table: &'static str,
    id: i64,
) -> rusqlite::Result<Option<Row>> {
    let mut stmt = tx.prepare(&format!("SELECT * FROM {table} WHERE id = ?1"))?;
    let columns: Vec<String> = stmt.column_names().map(str::to_string).collect();
    let values = stmt
        .query_row([id], |r| {
            (0..columns.len())
                .map(|i| r.get::<_, rusqlite::types::Value>(i))
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .optional()?;
    Ok(values.map(|values| Row {
        table,
        columns,
        values,
    }))
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
        let row = read_row(&tx, table, id)?.ok_or(StoreError::NotFound { what, id })?;
        tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
        tx.commit()?;
        Ok(Deleted {
            what,
            rows: vec![row],
        })
    }

    /// Deletes gift `id` and the cost entries it made (its product cost and shipping), in
    /// one transaction, kept whole in what it returns so that [`Store::put_back`] restores
    /// all of them.
    pub fn delete_gift(&mut self, id: i64) -> Result<Deleted> {
        let tx = self.conn.transaction()?;
        let gift = read_row(&tx, "gift", id)?.ok_or(StoreError::NotFound { what: "gift", id })?;
        let (product, shipping): (Option<i64>, Option<i64>) = tx.query_row(
            "SELECT product_cost_id, shipping_cost_id FROM gift WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut rows = Vec::new();
        for cost in [product, shipping].into_iter().flatten() {
            rows.extend(read_row(&tx, "cost", cost)?);
        }
        rows.push(gift);
        tx.execute("DELETE FROM gift WHERE id = ?1", [id])?;
        for cost in [product, shipping].into_iter().flatten() {
            tx.execute("DELETE FROM cost WHERE id = ?1", [cost])?;
        }
        tx.commit()?;
        Ok(Deleted { what: "gift", rows })
    }

    /// Puts a deleted row back exactly as it was (same id). Refused, changing nothing, when
    /// what it belonged to is gone too or its place was taken (a code typed again since).
    pub fn put_back(&mut self, deleted: &Deleted) -> Result<()> {
        let tx = self.conn.transaction()?;
        for row in &deleted.rows {
            let placeholders: Vec<String> =
                (1..=row.values.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                "INSERT INTO {} ({}) VALUES ({})",
                row.table,
                row.columns.join(", "),
                placeholders.join(", ")
            );
            match tx.execute(&sql, rusqlite::params_from_iter(row.values.iter())) {
                Ok(_) => {}
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == rusqlite::ErrorCode::ConstraintViolation =>
                {
                    return Err(StoreError::CannotPutBack(deleted.what));
                }
                Err(e) => return Err(e.into()),
            }
        }
        tx.commit()?;
        Ok(())
    }
}
