//! Pure types of a shop and its creators: money, dates, influencers, costs, codes, posts and
//! orders, with the validation a person's input must pass.
//!
//! Nothing here does IO, reads the clock, talks to SQLite or draws: every function is a plain
//! computation so the CLI, the TUI and the importers share one set of rules.

pub mod campaign;
pub mod cost;
pub mod event;
pub mod gift;
mod influencer;
pub mod money;
pub mod order;
pub mod post;
pub mod settings;
pub mod text;
pub mod value;

pub use campaign::{CampaignGoal, CampaignTargets, NewCampaign};
pub use cost::{CostKind, NewCost};
pub use event::NewEvent;
pub use gift::NewGift;
pub use influencer::{NewInfluencer, Platform, normalize_handle};
pub use money::{
    Cents, fmt_count, fmt2, from_cents, from_wide_cents, parse_amount, parse_nonnegative_amount,
    parse_percent, parse_shop_amount, round2, to_cents,
};
pub use order::{
    ChannelHint, FinancialStatus, LineItem, MAX_TEXT, OrderRecord, PAID_CLICK, customer_key,
    decode_items, encode_items, encode_items_into, normalize_code, parse_code, sku_key,
};
pub use post::{NewLink, NewPost, Sentiment, utm_link};
pub use text::{VisibleWriter, excerpt, visible};
pub use value::{
    MAX_COUNT, ORDER_YEARS, ValueError, check_count, check_order_time, order_time_problem,
    parse_count, parse_date,
};
