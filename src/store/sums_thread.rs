//! The first import's derived facts, summed on a thread of their own.
//!
//! Into an empty store an import sums the derived facts as it writes ([`Summing`]). Summing
//! an order (its day group, its customer's first order) costs about a tenth of writing it,
//! and the writing thread is the import's slowest; so the writer only hands each stored
//! order's facts over, a chunk at a time, and this thread sums them while the next chunk is
//! written. [`SumsThread::finish`] gives the sums back for the commit.

use super::derived::Summing;
use crate::metrics::OrderFact;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

/// Orders handed over at a time.
const CHUNK: usize = 1024;

/// An order as stored, with what [`Summing::add`] needs besides its facts.
struct Stored {
    fact: OrderFact,
    id: i64,
    customer: Option<i64>,
    /// Its codes as stored (one per line).
    codes: String,
    utm: Option<String>,
}

/// The summing thread and the orders not yet handed to it.
pub(super) struct SumsThread {
    pending: Vec<Stored>,
    sender: SyncSender<Vec<Stored>>,
    thread: JoinHandle<Summing>,
}

impl SumsThread {
    /// Starts summing into `summing`.
    pub(super) fn start(summing: Summing) -> SumsThread {
        let (sender, orders) = sync_channel(1);
        let thread = std::thread::spawn(move || sum(summing, orders));
        SumsThread {
            pending: Vec::with_capacity(CHUNK),
            sender,
            thread,
        }
    }

    /// Adds a stored order (see [`Summing::add`]).
    pub(super) fn add(
        &mut self,
        fact: OrderFact,
        id: i64,
        customer: Option<i64>,
        codes: String,
        utm: Option<String>,
    ) {
        self.pending.push(Stored {
            fact,
            id,
            customer,
            codes,
            utm,
        });
        if self.pending.len() == CHUNK {
            let chunk = std::mem::replace(&mut self.pending, Vec::with_capacity(CHUNK));
            // Only a thread that panicked stops listening; `finish` reports it.
            let _ = self.sender.send(chunk);
        }
    }

    /// Every order added, summed.
    pub(super) fn finish(self) -> Summing {
        let SumsThread {
            pending,
            sender,
            thread,
        } = self;
        let _ = sender.send(pending);
        drop(sender);
        match thread.join() {
            Ok(summing) => summing,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

fn sum(mut summing: Summing, orders: Receiver<Vec<Stored>>) -> Summing {
    for chunk in orders {
        for o in chunk {
            summing.add(&o.fact, o.id, o.customer, &o.codes, o.utm.as_deref());
        }
    }
    summing
}
