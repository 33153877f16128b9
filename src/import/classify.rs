//! The middle stage of an import: every order read is classified — invalid (a bad cell, a
//! time no shop writes, a negative amount, another currency, an order number met twice in
//! the file), new, unchanged or changed — and the valid ones are written to the open batch.
//!
//! This is where an order is never counted twice: the batch is keyed by (shop, order
//! number), an order number seen earlier in the same file is refused, and a gift's product
//! cost is recorded only the first time its order is seen.

use super::dates::{Bulk, Damage, NEIGHBOURS, damaged_dates};
use super::report::{ImportError, ImportSummary, MAX_ERRORS};
use super::{ReadOrder, RowError};
use crate::domain::{CostKind, OrderRecord, from_cents, round2, to_cents};
use crate::store::{OrderImport, StoreError, Upsert};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Classifies the orders of one import, chunk by chunk, and keeps its summary.
pub(crate) struct Classifier {
    summary: ImportSummary,
    /// The shop's currency: the first valid order sets it for a shop that has none.
    currency: Option<String>,
    /// Gift orders become product cost at this percent of their retail value.
    gift_pct: Decimal,
    /// The order-number column, to name it when a number repeats.
    id_column: &'static str,
    code_uses: HashMap<String, u64>,
    /// Orders by the `utm_source` they carry.
    link_uses: HashMap<String, u64>,
    gift_owners: HashMap<Option<String>, u64>,
    /// Rates into the shop's currency, by currency code.
    rates: HashMap<String, Decimal>,
    /// The date column's header, and when the import runs: an order after it is damaged.
    date_column: &'static str,
    now: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// The dates of the last orders of the chunk before, for the next chunk's first ones.
    tail: Vec<chrono::NaiveDate>,
    /// The bulk of the file's dates so far, to find runs of misread ones.
    bulk: Bulk,
    /// Import misread dates as the dates they meant (`--fix-dates`) instead of refusing them.
    fix_dates: bool,
}

impl Classifier {
    pub fn new(
        summary: ImportSummary,
        currency: Option<String>,
        gift_pct: Decimal,
        id_column: &'static str,
    ) -> Self {
        Classifier {
            summary,
            currency,
            gift_pct,
            id_column,
            code_uses: HashMap::new(),
            link_uses: HashMap::new(),
            gift_owners: HashMap::new(),
            rates: HashMap::new(),
            date_column: "date",
            now: None,
            tail: Vec::new(),
            bulk: Bulk::default(),
            fix_dates: false,
        }
    }

    /// The date column's name and the import's time (ISO 8601), for the damaged-date check.
    pub fn with_dates(mut self, column: &'static str, now: &str) -> Self {
        self.date_column = column;
        self.now = chrono::DateTime::parse_from_rfc3339(now).ok();
        self
    }

    /// Finds the orders whose date looks damaged ([`Bulk::judge`], then [`damaged_dates`] and
    /// a date after the import): with `--fix-dates`, those a misreading explains take the
    /// date the file meant (their fingerprints follow); the rest are refused.
    fn drop_damaged(&mut self, valid: &mut Vec<(u64, OrderRecord, i64)>) {
        let mut dates: Vec<chrono::NaiveDate> = valid
            .iter()
            .map(|(_, o, _)| o.placed_at.date_naive())
            .collect();
        let mut damaged = self.bulk.judge(&dates);
        // The neighbour rule sees a misread date as the date it meant.
        for (i, damage) in &damaged {
            dates[*i] = damage.meant.unwrap_or(dates[*i]);
        }
        for (i, damage) in damaged_dates(&self.tail, &dates) {
            if !damaged.iter().any(|d| d.0 == i) {
                damaged.push((i, damage));
            }
        }
        let later = self.now.map(|n| n + chrono::Duration::days(1));
        for (i, (_, order, _)) in valid.iter().enumerate() {
            if later.is_some_and(|l| order.placed_at > l) && !damaged.iter().any(|d| d.0 == i) {
                let why = "a date before this import (the file cannot hold later orders)";
                damaged.push((
                    i,
                    Damage {
                        why: why.into(),
                        meant: None,
                    },
                ));
            }
        }
        damaged.sort_by_key(|d| std::cmp::Reverse(d.0));
        let mut refused = Vec::new();
        for (i, damage) in damaged {
            let (line, order, fp) = &mut valid[i];
            match damage.meant {
                Some(meant) if self.fix_dates && repair(order, meant) => {
                    *fp = crate::store::fingerprint(order);
                    self.summary.dates_fixed += 1;
                }
                meant => {
                    self.summary.dates_damaged += u64::from(meant.is_some());
                    let read = order.placed_at.date_naive().to_string();
                    refused.push(RowError::new(*line, self.date_column, &read, damage.why));
                    valid.remove(i);
                }
            }
        }
        refused.reverse();
        for e in refused {
            self.reject(e);
        }
        self.tail = valid
            .iter()
            .rev()
            .take(NEIGHBOURS)
            .map(|(_, o, _)| o.placed_at.date_naive())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
    }

    /// Notes for the seller about the file as a whole.
    pub fn note(&mut self, notes: Vec<String>) {
        self.summary.notes.extend(notes);
    }

    /// With `--fix-dates`: a date a misreading explains is imported as the date it meant.
    pub fn with_fixed_dates(mut self, fix: bool) -> Self {
        self.fix_dates = fix;
        self
    }

    /// The rates `import --rate` gave, by upper-cased currency code.
    pub fn with_rates(mut self, rates: &[(String, Decimal)]) -> Self {
        self.rates = rates
            .iter()
            .map(|(c, r)| (c.trim().to_ascii_uppercase(), *r))
            .collect();
        self
    }

    fn reject(&mut self, error: RowError) {
        self.summary.counts.invalid += 1;
        if self.summary.errors.len() < MAX_ERRORS {
            self.summary.errors.push(error);
        }
    }

    /// Checks what every layout must satisfy: a time a shop could have written, no negative
    /// revenue or refund, the shop's currency. The first order of a shop sets its currency.
    fn check(
        &mut self,
        batch: &OrderImport<'_>,
        line: u64,
        order: &mut OrderRecord,
    ) -> Result<bool, ImportError> {
        let time = &order.placed_at;
        if let Some(expected) = crate::domain::order_time_problem(time) {
            self.reject(RowError::new(line, "date", &time.to_rfc3339(), expected));
            return Ok(false);
        }
        if order.subtotal < 0 || order.refunded < 0 {
            let (what, cents) = if order.subtotal < 0 {
                ("subtotal", order.subtotal)
            } else {
                ("refunded amount", order.refunded)
            };
            let shown = crate::domain::fmt2(from_cents(cents));
            self.reject(RowError::new(line, what, &shown, "an amount of 0 or more"));
            return Ok(false);
        }
        match &self.currency {
            None => {
                batch.set_setting("currency", &order.currency)?;
                self.currency = Some(order.currency.clone());
            }
            Some(shop) if *shop != order.currency => {
                let shop = shop.clone();
                match self
                    .rates
                    .get(&order.currency.to_ascii_uppercase())
                    .copied()
                {
                    Some(rate) => {
                        if let Err((amount, e)) = order.convert(&shop, rate) {
                            self.reject(RowError::from_value(line, amount, e));
                            return Ok(false);
                        }
                        let entry =
                            self.summary.converted.iter_mut().find(|(c, _, _)| {
                                *c == order.original.as_ref().map_or("", |o| &o.0)
                            });
                        match entry {
                            Some(e) => e.1 += 1,
                            None => self.summary.converted.push((
                                order.original.clone().map_or_else(String::new, |o| o.0),
                                1,
                                rate,
                            )),
                        }
                    }
                    None => {
                        let expected = format!(
                            "{shop}, the currency of the shop's other orders (or convert with \
                             --rate {}=<{shop} per {}>)",
                            order.currency, order.currency
                        );
                        self.reject(RowError::new(line, "Currency", &order.currency, expected));
                        return Ok(false);
                    }
                }
            }
            Some(_) => {}
        }
        Ok(true)
    }

    /// Classifies a chunk of orders as read (with their fingerprints) and writes the valid
    /// ones in one go. A broken file (a fatal row error) stops the import. Returns the orders
    /// written, for the reading thread to free (see [`super::read_in_chunks`]).
    pub fn accept_chunk(
        &mut self,
        batch: &mut OrderImport<'_>,
        chunk: Vec<(ReadOrder, i64)>,
    ) -> Result<Vec<(u64, OrderRecord, i64)>, ImportError> {
        let mut valid: Vec<(u64, OrderRecord, i64)> = Vec::with_capacity(chunk.len());
        for (item, fp) in chunk {
            match item {
                Ok((line, mut order)) => {
                    if self.check(batch, line, &mut order)? {
                        valid.push((line, order, fp));
                    }
                }
                Err(error) if error.fatal => {
                    return Err(ImportError::Malformed {
                        file: self.summary.file.display().to_string(),
                        line: error.line,
                        message: error.to_string(),
                    });
                }
                Err(error) => self.reject(error),
            }
        }
        self.drop_damaged(&mut valid);
        for (_, order, _) in &valid {
            if let Some(former) = &order.former_id {
                batch.rekey(former, &order.external_id)?;
            }
        }
        let refs: Vec<(&OrderRecord, i64)> = valid.iter().map(|(_, o, fp)| (o, *fp)).collect();
        let outcomes = batch.upsert_many(&refs)?;
        for ((line, order, _), done) in valid.iter().zip(outcomes) {
            if done == Upsert::RepeatedInFile {
                self.reject(RowError::new(
                    *line,
                    self.id_column,
                    &order.external_id,
                    "an order number not used by an earlier order of this file",
                ));
                continue;
            }
            self.summary.counts.add(done);
            self.count(batch, order, done)?;
        }
        Ok(valid)
    }

    /// Adds a written order to the summary: its dates, its codes, and a gift's owner (and,
    /// the first time the order is seen, its product cost).
    fn count(
        &mut self,
        batch: &OrderImport<'_>,
        order: &OrderRecord,
        done: Upsert,
    ) -> Result<(), ImportError> {
        if let Some(retail) = order.gift_value {
            self.summary.gifts += 1;
            let owner = gift_owner(batch, order)?;
            if done == Upsert::New
                && let Some((id, code, _)) = &owner
            {
                let cents = record_gift(batch, order, *id, code, retail, self.gift_pct)?;
                self.summary.gift_cost += i128::from(cents);
            }
            *self
                .gift_owners
                .entry(owner.map(|(_, _, h)| h))
                .or_default() += 1;
        }
        let day = order.placed_at.date_naive();
        let s = &mut self.summary;
        if crate::metrics::counts(order.cancelled, order.status, order.gift_value.is_some()) {
            s.counted_orders += 1;
            s.net_cents += i128::from(crate::metrics::net_cents(order.subtotal, order.refunded));
        }
        match (&order.utm_source, order.hint) {
            (_, Some(crate::domain::ChannelHint::Paid)) => s.paid_clicks += 1,
            (_, Some(crate::domain::ChannelHint::Organic)) => s.organic_referrals += 1,
            (Some(source), None) => {
                s.link_orders += 1;
                tally(&mut self.link_uses, source);
            }
            (None, None) => {}
        }
        s.first = Some(s.first.map_or(day, |d| d.min(day)));
        s.last = Some(s.last.map_or(day, |d| d.max(day)));
        for code in &order.codes {
            tally(&mut self.code_uses, code);
        }
        Ok(())
    }

    /// The summary once every order is classified. Refused: a file with invalid orders
    /// (unless they are to be skipped), and a file whose orders look like another shop's
    /// under the same numbers.
    pub fn into_summary(
        self,
        batch: &OrderImport<'_>,
        skip_invalid: bool,
    ) -> Result<ImportSummary, ImportError> {
        let mut summary = self.summary;
        summary.currency = self.currency;
        let known = batch.known_codes(self.code_uses.keys().map(String::as_str))?;
        summary.unknown_codes = self
            .code_uses
            .into_iter()
            .filter(|(code, _)| !known.contains(code))
            .collect();
        summary
            .unknown_codes
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        summary.link_sources = self.link_uses.into_iter().collect();
        summary
            .link_sources
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        summary.link_owners = summary
            .link_sources
            .iter()
            .map(|(source, _)| batch.link_owner_handle(source))
            .collect::<Result<_, _>>()?;
        summary.gift_owners = self.gift_owners.into_iter().collect();
        summary
            .gift_owners
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        if summary.counts.invalid > 0 && !skip_invalid {
            return Err(ImportError::Invalid(Box::new(summary)));
        }
        // Orders of another shop under the same numbers: never rewrite them.
        let foreign = batch.foreign_collisions();
        if foreign > 0 && foreign * 2 >= summary.counts.changed.max(1) as u64 {
            return Err(ImportError::OtherShop {
                file: summary.file.display().to_string(),
                shop: summary.shop.clone(),
                collisions: foreign,
            });
        }
        Ok(summary)
    }
}

/// The creator a gift order was for: the owner of its first code that has one, as (id, code,
/// handle).
fn gift_owner(
    batch: &OrderImport<'_>,
    order: &OrderRecord,
) -> Result<Option<(i64, String, String)>, ImportError> {
    for code in &order.codes {
        if let Some((id, handle)) = batch.code_owner_handle(code)? {
            return Ok(Some((id, code.clone(), handle)));
        }
    }
    Ok(None)
}

/// Moves `order` to the day `meant`, at the same time of day and offset; false if that time
/// does not exist there.
fn repair(order: &mut OrderRecord, meant: chrono::NaiveDate) -> bool {
    use chrono::TimeZone;
    let at = meant.and_time(order.placed_at.naive_local().time());
    match order.placed_at.offset().from_local_datetime(&at).single() {
        Some(time) => {
            order.placed_at = time;
            true
        }
        None => false,
    }
}

/// Records a gift order as a product cost of `owner`, whose `code` it carries: retail value
/// × `pct` / 100, rounded to the cent (half away from zero). Returns the cost in cents.
fn record_gift(
    batch: &OrderImport<'_>,
    order: &OrderRecord,
    owner: i64,
    code: &str,
    retail: crate::domain::Cents,
    pct: Decimal,
) -> Result<crate::domain::Cents, ImportError> {
    let cost = round2(from_cents(retail) * pct / Decimal::ONE_HUNDRED);
    let cents = to_cents(cost).map_err(|error| {
        ImportError::Store(StoreError::Invalid {
            field: "gift cost",
            error,
        })
    })?;
    let date = order.placed_at.date_naive();
    let cost_id = batch.add_import_cost(
        owner,
        CostKind::Product,
        cents,
        date,
        &format!(
            "gift order {} (retail {}, code {code})",
            order.external_id,
            crate::domain::fmt2(from_cents(retail))
        ),
    )?;
    // In the gift ledger too: its item is the order's first line item.
    let item = order.items.first().map_or("", |i| i.name.as_str());
    batch.add_import_gift(
        owner,
        date,
        item,
        retail,
        (cents, cost_id),
        &order.external_id,
    )?;
    Ok(cents)
}

/// Counts one more use of `key`, copying it only the first time.
fn tally(uses: &mut HashMap<String, u64>, key: &str) {
    match uses.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            uses.insert(key.to_string(), 1);
        }
    }
}

#[cfg(test)]
#[path = "classify_tests.rs"]
mod tests;
