//! What the app holds that its parts share, below them all: the entry lists and the gift
//! ledger as shown, the effects the app asks of the terminal, and what a form sees and
//! changes ([`Ctx`]) and reports back ([`Saved`]). Forms read and write through these,
//! never through the `App`, which alone decides what to read again.

use crate::metrics::Facts;
use crate::store::{CampaignRow, CodeRow, CostRow, InfluencerRow, LinkRow, PostRow, Store};
use chrono::NaiveDate;

/// Something the runner must do outside the state (it touches the terminal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the clipboard with OSC 52.
    Copy(String),
}

/// The lists behind the data-entry screens.
#[derive(Debug, Default)]
pub struct Lists {
    pub influencers: Vec<InfluencerRow>,
    pub costs: Vec<CostRow>,
    pub posts: Vec<PostRow>,
    pub codes: Vec<CodeRow>,
    /// Saved links, newest first: on the Codes screen they follow the codes.
    pub links: Vec<LinkRow>,
    pub campaigns: Vec<CampaignRow>,
    /// Shop-wide events, the latest first (the Events screen).
    pub events: Vec<crate::store::EventRow>,
}

/// A gift as the Gifts screen shows it: the gift, its creator and its status today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiftView {
    pub gift: crate::metrics::GiftFact,
    pub handle: String,
    pub status: crate::metrics::GiftStatus,
}

/// What a form sees (`S` is `&Store` to build one) and changes (`&mut Store` to save one):
/// the store, the lists and facts on screen, the gift ledger, and today.
pub struct Ctx<'a, S> {
    pub store: S,
    pub lists: &'a Lists,
    pub facts: &'a Facts,
    pub gifts: &'a [GiftView],
    pub today: NaiveDate,
}

/// What building a form reads.
pub type Seen<'a> = Ctx<'a, &'a Store>;

/// What saving a form changes.
pub type Edit<'a> = Ctx<'a, &'a mut Store>;

/// What a saved form changed: the app reads that much again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// Entries (influencers, codes, costs, posts, …): the entries are read again.
    Entries,
    /// Settings that shape every figure: everything is read again.
    Settings,
}

/// A form saved: what to say, what changed, and anything the terminal must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub message: String,
    pub changed: Changed,
    pub effect: Option<Effect>,
}

impl Saved {
    /// Entries changed, and this is said.
    pub fn entries(message: impl Into<String>) -> Saved {
        Saved {
            message: message.into(),
            changed: Changed::Entries,
            effect: None,
        }
    }
}
