//! The keys of each screen: what the scorecard, the entry lists, the gifts and the events
//! offer beyond the keys that work everywhere (`bindings.rs`).

use super::{Binding, Context, Context as C, bind, ch, code};
use crate::tui::action::{Action, Screen};
use ratatui::crossterm::event::KeyCode as K;

pub(super) const SCORECARD: Context = C::Screen(Screen::Scorecard);
pub(super) const INFLUENCERS: Context = C::Screen(Screen::Influencers);
pub(super) const COSTS: Context = C::Screen(Screen::Costs);
pub(super) const POSTS: Context = C::Screen(Screen::Posts);
pub(super) const CODES: Context = C::Screen(Screen::Codes);
pub(super) const CAMPAIGNS: Context = C::Screen(Screen::Campaigns);
pub(super) const GIFTS: Context = C::Screen(Screen::Gifts);
pub(super) const EVENTS: Context = C::Screen(Screen::Events);

/// The screens' own key bindings.
pub(super) static SCREEN_KEYS: &[Binding] = &[
    // Scorecard
    bind(
        SCORECARD,
        &[code(K::Enter)],
        Action::ToggleDetail,
        "open / close the detail of the selected creator",
        "detail",
    ),
    bind(
        SCORECARD,
        &[ch('L')],
        Action::ToggleLift,
        "switch between by code and incremental (what each creator really caused)",
        "",
    ),
    bind(
        SCORECARD,
        &[ch('V')],
        Action::ToggleCompare,
        "the three views side by side: rank by code, by her customers, by what she caused",
        "",
    ),
    bind(
        SCORECARD,
        &[ch('S')],
        Action::NextShop,
        "incremental view: one shop alone, the next (then all)",
        "",
    ),
    bind(
        SCORECARD,
        &[ch('W')],
        Action::ScheduleNext,
        "when the selected creator should post next: the days her post would stand alone",
        "",
    ),
    bind(
        SCORECARD,
        &[ch('t')],
        Action::CycleChart,
        "detail: figures → sales chart → payback curve → her customers over time",
        "",
    ),
    bind(
        SCORECARD,
        &[ch('v')],
        Action::ToggleBars,
        "the scorecard as bars of its sort key / as the table",
        "",
    ),
    bind(
        SCORECARD,
        &[ch('C')],
        Action::ToggleChannels,
        "show / hide the shop's other channels below the creators",
        "",
    ),
    bind(
        SCORECARD,
        &[ch('m')],
        Action::MoneySettings,
        "money settings: cost of goods, payment fees, refund hold",
        "",
    ),
    bind(
        SCORECARD,
        &[ch('s')],
        Action::CycleSort,
        "sort by ROI → CAC → engagement → revenue → profit ROI",
        "sort",
    ),
    bind(
        SCORECARD,
        &[ch('p')],
        Action::CyclePeriod,
        "period: all time → this week → this month → this quarter",
        "period",
    ),
    bind(
        SCORECARD,
        &[ch('P')],
        Action::CustomPeriod,
        "custom period (from / to dates)",
        "",
    ),
    bind(
        SCORECARD,
        &[ch('f')],
        Action::CyclePlatform,
        "filter by platform",
        "",
    ),
    bind(
        SCORECARD,
        &[ch('c')],
        Action::CycleCampaign,
        "filter by campaign",
        "",
    ),
    bind(
        SCORECARD,
        &[ch('/')],
        Action::Search,
        "search by handle or name",
        "search",
    ),
    bind(
        SCORECARD,
        &[ch('e')],
        Action::Export,
        "export the scorecard as shown to CSV",
        "export",
    ),
    bind(
        SCORECARD,
        &[ch('R')],
        Action::Report,
        "write the HTML report to share (her own page when the detail is open)",
        "",
    ),
    bind(
        SCORECARD,
        &[ch('D')],
        Action::LoadDemo,
        "load the demo shop (empty database only)",
        "",
    ),
    bind(
        C::Detail,
        &[code(K::Enter)],
        Action::ToggleDetail,
        "close the detail pane",
        "close detail",
    ),
    // Influencers
    bind(
        INFLUENCERS,
        &[ch('a')],
        Action::Add,
        "add an influencer",
        "add",
    ),
    bind(
        INFLUENCERS,
        &[code(K::Enter), ch('E')],
        Action::Edit,
        "edit the selected influencer",
        "edit",
    ),
    bind(
        INFLUENCERS,
        &[ch('d'), code(K::Delete)],
        Action::Delete,
        "delete (or archive, if they have history) / restore",
        "archive",
    ),
    bind(
        INFLUENCERS,
        &[ch('c')],
        Action::AddCode,
        "give the selected influencer a promo code",
        "code",
    ),
    bind(
        INFLUENCERS,
        &[ch('o')],
        Action::AddPayout,
        "pay the selected influencer her commission (shows what she is owed)",
        "",
    ),
    bind(
        INFLUENCERS,
        &[ch('O')],
        Action::ShowPayouts,
        "payouts: commission earned, held for refunds, paid and owed, for everyone",
        "",
    ),
    bind(
        INFLUENCERS,
        &[ch('b')],
        Action::PlanDeal,
        "plan a deal: what she must bring to break even, the most worth paying",
        "plan",
    ),
    bind(
        INFLUENCERS,
        &[ch('W')],
        Action::ScheduleNext,
        "when she should post next: the days her post would stand alone",
        "",
    ),
    bind(
        INFLUENCERS,
        &[ch('$')],
        Action::AddCost,
        "record a cost for the selected influencer",
        "cost",
    ),
    bind(
        INFLUENCERS,
        &[ch('n')],
        Action::AddPost,
        "log a post of the selected influencer",
        "post",
    ),
    bind(
        INFLUENCERS,
        &[ch('l')],
        Action::AddLink,
        "build a UTM link for the selected influencer",
        "link",
    ),
    // Costs
    bind(COSTS, &[ch('a')], Action::Add, "record a cost", "add"),
    bind(
        COSTS,
        &[code(K::Enter), ch('E')],
        Action::Edit,
        "edit the selected cost",
        "edit",
    ),
    bind(
        COSTS,
        &[ch('d'), code(K::Delete)],
        Action::Delete,
        "delete the selected cost",
        "delete",
    ),
    // Posts
    bind(POSTS, &[ch('a')], Action::Add, "log a post", "add"),
    bind(
        POSTS,
        &[code(K::Enter), ch('E')],
        Action::Edit,
        "update the selected post's numbers",
        "update",
    ),
    bind(
        POSTS,
        &[ch('d'), code(K::Delete)],
        Action::Delete,
        "delete the selected post",
        "delete",
    ),
    // Codes
    bind(CODES, &[ch('a')], Action::Add, "add a promo code", "add"),
    bind(
        CODES,
        &[code(K::Enter), ch('E')],
        Action::Edit,
        "move the selected code to another creator or campaign",
        "edit",
    ),
    bind(
        CODES,
        &[ch('l')],
        Action::AddLink,
        "build a UTM tracking link",
        "link",
    ),
    bind(
        CODES,
        &[ch('d'), code(K::Delete)],
        Action::Delete,
        "delete the selected code or link (links follow the codes)",
        "delete",
    ),
    // Campaigns
    bind(
        CAMPAIGNS,
        &[ch('a')],
        Action::Add,
        "create a campaign",
        "add",
    ),
    // Gifts
    bind(GIFTS, &[ch('a')], Action::Add, "record a gift", "add"),
    bind(
        GIFTS,
        &[code(K::Enter), ch('E')],
        Action::Edit,
        "correct the selected gift (its cost entries follow)",
        "edit",
    ),
    bind(
        GIFTS,
        &[ch('p')],
        Action::LogGiftPost,
        "log her post for the selected gift (creator and date filled in)",
        "posted",
    ),
    bind(
        GIFTS,
        &[ch('x')],
        Action::DeclineGift,
        "mark the selected gift declined (asks; z takes it back)",
        "declined",
    ),
    bind(
        GIFTS,
        &[ch('d'), code(K::Delete)],
        Action::Delete,
        "delete the selected gift with its cost entries (asks; z puts them back)",
        "delete",
    ),
    // Events
    bind(
        EVENTS,
        &[ch('a')],
        Action::Add,
        "mark a sale, a market or a mention (lift gives its orders to the shop)",
        "add",
    ),
    bind(
        EVENTS,
        &[code(K::Enter), ch('E')],
        Action::Edit,
        "edit the selected event",
        "edit",
    ),
    bind(
        EVENTS,
        &[ch('d'), code(K::Delete)],
        Action::Delete,
        "delete the selected event (z puts it back)",
        "delete",
    ),
];
