//! What the app holds that its parts share, below them all: the entry lists and the gift
//! ledger as shown, the effects the app asks of the terminal, and what a form sees and
//! changes ([`Ctx`]) and reports back ([`Saved`]). Forms read and write through these,
//! never through the `App`, which alone decides what to read again.

use crate::metrics::{Facts, Flag};
use crate::store::{
    CampaignRow, CodeRow, CostRow, InfluencerRow, LinkRow, PostRow, Store, StoreError,
};
use chrono::NaiveDate;
use std::collections::HashMap;

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

/// What the entry screens show, read again together whenever the entries change: the
/// lists, the gift ledger as of today, and each creator's engagement flags.
#[derive(Debug, Default)]
pub struct Shown {
    pub lists: Lists,
    /// The gift ledger as of today, the overdue ones first (the Gifts screen).
    pub gifts: Vec<GiftView>,
    /// Engagement anomalies of each creator's posts, by influencer id.
    pub flags: HashMap<i64, Vec<Flag>>,
}

impl Shown {
    /// Reads the lists from the store and works out the ledger and the flags from `facts`.
    pub fn read(store: &Store, facts: &Facts, today: NaiveDate) -> Result<Shown, StoreError> {
        let lists = Lists {
            influencers: store.influencers()?,
            costs: store.costs()?,
            posts: store.posts()?,
            codes: store.codes()?,
            links: store.links()?,
            campaigns: store.campaigns()?,
            events: store.events()?,
        };
        let mut flags: HashMap<i64, Vec<Flag>> = HashMap::new();
        let (tiers, ranges) = (store.tiers()?, store.engagement_ranges()?);
        for flag in crate::metrics::engagement_flags(facts, &tiers, &ranges) {
            flags.entry(flag.influencer_id).or_default().push(flag);
        }
        Ok(Shown {
            lists,
            gifts: gift_views(facts, today, store.follow_up_days()?),
            flags,
        })
    }
}

/// The ledger as of today, the ones to follow up first (longest waiting first), then those
/// waiting, then declined, then posted (newest first).
fn gift_views(facts: &Facts, today: NaiveDate, follow_up_days: i64) -> Vec<GiftView> {
    use crate::metrics::GiftStatus as S;
    let mut views: Vec<GiftView> = crate::metrics::gift_ledger(facts, today, follow_up_days)
        .into_iter()
        .map(|l| GiftView {
            handle: facts
                .handle(l.gift.influencer_id)
                .unwrap_or_default()
                .to_string(),
            gift: l.gift.clone(),
            status: l.status,
        })
        .collect();
    let order = |s: &S| match s {
        S::FollowUp(d) => (0, -d),
        S::Waiting(d) => (1, -d),
        S::Declined => (2, 0),
        S::Posted(_) => (3, 0),
    };
    views.sort_by(|a, b| {
        order(&a.status)
            .cmp(&order(&b.status))
            .then(b.gift.given_on.cmp(&a.gift.given_on))
            .then(a.handle.cmp(&b.handle))
    });
    views
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
