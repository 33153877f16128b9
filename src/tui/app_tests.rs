//! "Apply an action, check the state" tests of the app's update logic.

use super::*;
use crate::domain::fmt2;
use crate::metrics::Period;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: (i32, u32, u32) = (2026, 11, 22);

fn app() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_memory().unwrap();
    let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap();
    let app = App::new(
        store,
        today,
        "2026-11-22T10:00:00+00:00".into(),
        dir.path().into(),
    )
    .unwrap();
    (app, dir)
}

fn demo() -> (App, tempfile::TempDir) {
    let (mut app, dir) = app();
    crate::demo::load(&mut app.store, "2026-11-22T10:00:00+00:00").unwrap();
    app.reload().unwrap();
    (app, dir)
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/shopify/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn handles(app: &App) -> Vec<String> {
    app.card.rows.iter().map(|r| r.handle.clone()).collect()
}

/// Adds an influencer through the form, by keys.
fn add_influencer(app: &mut App, handle: &str, followers: &str) {
    app.update(Action::GoTo(Screen::Influencers));
    press(app, KeyCode::Char('a'));
    typ(app, handle);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    typ(app, followers);
    press(app, KeyCode::Enter);
}

/// @sarah with code SARAH20, by keys: the creator the Shopify fixtures credit.
fn add_sarah_with_her_code(app: &mut App) {
    add_influencer(app, "sarah", "12000");
    press(app, KeyCode::Char('c'));
    typ(app, "SARAH20");
    press(app, KeyCode::Enter);
}

#[test]
fn an_empty_database_opens_on_the_welcome_scorecard() {
    let (app, _dir) = app();
    assert!(app.is_empty());
    assert_eq!(app.screen, Screen::Scorecard);
    assert_eq!(app.context(), Context::Screen(Screen::Scorecard));
}

#[test]
fn adding_an_influencer_by_keys_puts_them_on_the_scorecard() {
    let (mut app, _dir) = app();
    add_influencer(&mut app, "@ana", "1200");
    assert!(app.modal.is_none(), "{:?}", app.status);
    assert_eq!(handles(&app), ["ana"]);
    assert_eq!(app.shown.lists.influencers[0].followers, 1200);
    assert!(app.status.as_ref().unwrap().text.contains("added @ana"));
    add_influencer(&mut app, "@aaron", "10");
    assert_eq!(
        app.shown.lists.influencers[app.selected[Screen::Influencers.index()]].handle,
        "aaron",
        "the new influencer is selected"
    );
}

#[test]
fn sorting_keeps_the_same_creator_selected() {
    let (mut app, _dir) = demo();
    app.update(Action::Down);
    let chosen = app.selected_row().unwrap().handle.clone();
    // The demo opens ranked by profit (it knows its cost of goods); next, by LTV:CAC.
    app.update(Action::CycleSort);
    assert_eq!(app.options.sort, crate::metrics::SortKey::LtvCac);
    assert_eq!(app.selected_row().unwrap().handle, chosen);
    let ranks: Vec<usize> = app.card.rows.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, (1..=ranks.len()).collect::<Vec<_>>());
}

#[test]
fn search_filters_by_handle_and_esc_clears_it() {
    let (mut app, _dir) = demo();
    press(&mut app, KeyCode::Char('/'));
    typ(&mut app, "mug");
    assert_eq!(handles(&app), ["minimalmug"]);
    press(&mut app, KeyCode::Enter);
    assert!(!app.searching);
    assert_eq!(handles(&app), ["minimalmug"]);
    // A second search starts afresh: "clay" finds clayandkiln, not "mugclay".
    press(&mut app, KeyCode::Char('/'));
    typ(&mut app, "clay");
    assert_eq!(handles(&app), ["clayandkiln"]);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.card.rows.len(), 6);
}

#[test]
fn periods_cycle_and_a_custom_period_is_validated() {
    let (mut app, _dir) = demo();
    app.update(Action::CyclePeriod);
    assert_eq!(app.options.period, Period::ThisWeek);
    app.update(Action::CustomPeriod);
    let Some(Modal::Form(_)) = &app.modal else {
        panic!("period form");
    };
    // Replace "from" with a bad date.
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "2026-13-01");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.modal, Some(Modal::Form(_))));
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "2026-05-01");
    press(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "2026-05-31");
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none());
    assert_eq!(app.card.from, NaiveDate::from_ymd_opt(2026, 5, 1));
    assert_eq!(app.card.to, NaiveDate::from_ymd_opt(2026, 5, 31));
}

#[test]
fn export_writes_the_scorecard_as_shown() {
    let (mut app, dir) = demo();
    app.update(Action::CycleSort);
    app.update(Action::Export);
    let path = dir.path().join("shoutout-scorecard-2026-11-22.csv");
    let written = std::fs::read_to_string(&path).unwrap();
    let mut expected = Vec::new();
    crate::export::write_csv(&app.card, &mut expected).unwrap();
    assert_eq!(written.as_bytes(), expected.as_slice());
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains(&path.display().to_string())
    );
}

#[test]
fn export_never_replaces_an_earlier_file() {
    let (mut app, dir) = demo();
    let first = dir.path().join("shoutout-scorecard-2026-11-22.csv");
    std::fs::write(&first, "kept by hand\n").unwrap();
    app.update(Action::Export);
    app.update(Action::Export);
    assert_eq!(std::fs::read_to_string(&first).unwrap(), "kept by hand\n");
    for n in [2, 3] {
        let next = dir
            .path()
            .join(format!("shoutout-scorecard-2026-11-22-{n}.csv"));
        assert!(
            std::fs::read_to_string(&next).unwrap().starts_with("rank,"),
            "{}",
            next.display()
        );
    }
}

#[test]
fn another_process_s_change_is_seen_before_the_next_key() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap();
    let mut app = App::new(
        Store::open(&db).unwrap(),
        today,
        "2026-11-22T10:00:00+00:00".into(),
        dir.path().into(),
    )
    .unwrap();
    let mut other = crate::store::Store::open(&db).unwrap();
    other
        .add_influencer(&crate::domain::NewInfluencer::example("elsewhere", 10))
        .unwrap();
    assert!(app.facts.influencers.is_empty());
    app.update(Action::Export);
    assert_eq!(app.facts.influencers.len(), 1, "refreshed before export");
    let card =
        std::fs::read_to_string(dir.path().join("shoutout-scorecard-2026-11-22.csv")).unwrap();
    assert!(card.contains("elsewhere"), "{card}");
}

#[test]
fn ctrl_c_quits_even_inside_a_form() {
    let (mut app, _dir) = app();
    app.update(Action::GoTo(Screen::Influencers));
    press(&mut app, KeyCode::Char('a'));
    app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.quit);
}

#[test]
fn q_types_into_a_form_but_quits_from_a_screen() {
    let (mut app, _dir) = app();
    app.update(Action::GoTo(Screen::Influencers));
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "q");
    assert!(!app.quit);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn the_demo_loads_from_the_welcome_view_after_confirmation() {
    let (mut app, _dir) = app();
    press(&mut app, KeyCode::Char('D'));
    assert!(matches!(app.modal, Some(Modal::Confirm { .. })));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.card.rows.len(), 6);
}

#[test]
fn the_scorecard_switches_to_incremental_and_back() {
    let (mut app, _dir) = demo();
    press(&mut app, KeyCode::Char('L'));
    let report = app.lift.as_ref().expect("incremental view on");
    assert_eq!(
        report.rows.len(),
        app.card.rows.len(),
        "every creator appears"
    );
    assert!(app.status.as_ref().unwrap().text.starts_with("incremental"));
    // The detail pane and the period follow the view.
    press(&mut app, KeyCode::Enter);
    assert!(app.detail);
    app.update(Action::CyclePeriod);
    assert!(app.lift.is_some(), "recomputed for the new period");
    press(&mut app, KeyCode::Char('L'));
    assert!(app.lift.is_none());
}

#[test]
fn an_export_is_named_by_what_it_holds_and_an_empty_one_is_not_written() {
    let (mut app, dir) = demo();
    app.update(Action::CyclePeriod); // this week
    assert!(
        app.period_label().starts_with("this week ("),
        "{}",
        app.period_label()
    );
    app.update(Action::CyclePeriod); // this month
    app.update(Action::CyclePeriod); // this quarter
    app.update(Action::CyclePlatform);
    let platform = app.options.platform.expect("a platform in use");
    assert!(app.facts.influencers.iter().any(|i| i.platform == platform));
    let stem = app.export_stem();
    assert_eq!(stem, format!("shoutout-scorecard-2026-Q4-{platform}"));
    app.update(Action::Export);
    assert!(dir.path().join(format!("{stem}.csv")).exists());
    // Nothing matches: nothing is written, and it says so.
    app.update(Action::Search);
    typ(&mut app, "nobody-has-this-name");
    press(&mut app, KeyCode::Enter);
    app.update(Action::Export);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("nothing to export")
    );
    assert!(!dir.path().join(format!("{stem}-2.csv")).exists());
}

/// The import flow: the path box and its completion, the mapping step, the preview, shops.
#[path = "app/import_flow_tests.rs"]
mod import_flow;

/// The money views: profit ranking, money settings, payouts, the planner and channels.
#[path = "app/money_tests.rs"]
mod money;

/// Entering by hand: forms, their checks and warnings, edits, deletes and put-back.
#[path = "app/entry_tests.rs"]
mod entries;

#[path = "app/ledger_tests.rs"]
mod ledger;

#[test]
fn r_writes_the_report_and_with_the_detail_open_her_own_page() {
    let (mut app, dir) = demo();
    press(&mut app, KeyCode::Char('R'));
    let all = std::fs::read_to_string(dir.path().join("shoutout-report-2026-11-22.html")).unwrap();
    let first = app.card.rows[0].handle.clone();
    let second = app.card.rows[1].handle.clone();
    assert!(all.contains(&format!("@{first}")) && all.contains(&format!("@{second}")));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('R'));
    let page = std::fs::read_to_string(
        dir.path()
            .join(format!("shoutout-report-2026-11-22-{first}.html")),
    )
    .unwrap();
    assert!(page.contains(&format!("@{first}: results")), "{page}");
    assert!(!page.contains(&format!("@{second}")), "{page}");
    // Again: a new name, the first page kept.
    press(&mut app, KeyCode::Char('R'));
    assert!(
        dir.path()
            .join(format!("shoutout-report-2026-11-22-{first}-2.html"))
            .exists()
    );
}

#[test]
fn opening_again_tells_what_moved_since_last_time() {
    let (mut app, _dir) = demo();
    // The first opening has nothing to compare with: no summary, but it remembers.
    app.greet();
    assert!(app.modal.is_none());
    // Between two openings: a new order with @clayandkiln's code, and a post whose
    // engagement is far outside her tier.
    let orders = "Name,Email,Financial Status,Currency,Subtotal,Discount Code,Created at,Lineitem name,Cancelled at,Refunded Amount,Total,Discount Amount\n\
        #90001,new-buyer@x.com,paid,USD,80.00,MAYA15,2026-11-21 10:00:00 +0000,Mug,,,,\n";
    crate::import::import_reader(
        &mut app.store,
        std::path::Path::new("later.csv"),
        orders.as_bytes(),
        &crate::import::ImportOptions::new("2026-11-22T11:00:00+00:00"),
    )
    .unwrap();
    let maya = app.store.influencer_by_handle("clayandkiln").unwrap().id;
    let post = crate::domain::NewPost::example(
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        48_200,
        40_000,
    );
    app.store.add_post(maya, &post, None).unwrap();
    // And a gift sent a month ago with no post since: the week's to-do.
    let gift = crate::domain::NewGift {
        given_on: NaiveDate::from_ymd_opt(2026, 10, 20).unwrap(),
        item: "Bud vase".into(),
        retail: rust_decimal::Decimal::new(4000, 2),
        cost: rust_decimal::Decimal::new(1500, 2),
        shipping: rust_decimal::Decimal::ZERO,
    };
    let mugs = app.store.influencer_by_handle("minimalmug").unwrap().id;
    app.store.add_gift(mugs, &gift, None).unwrap();
    app.reload().unwrap();
    app.greet();
    let Some(Modal::Note { title, lines }) = &app.modal else {
        panic!("no summary: {:?}", app.modal.is_some());
    };
    assert_eq!(title, "Since last time (2026-11-22)");
    let text = lines.join("\n");
    assert!(
        text.contains("@clayandkiln") && text.contains("+1 order  +80.00 revenue  +1 new customer"),
        "{text}"
    );
    assert!(text.contains("post of 2026-11-20: engagement"), "{text}");
    assert!(
        text.contains("gift(s) waiting 21 days or more for a post"),
        "{text}"
    );
    // Any key closes it; the next opening has nothing new to say.
    press(&mut app, KeyCode::Char('x'));
    assert!(app.modal.is_none());
    app.greet();
    assert!(app.modal.is_none());
    // Turned off, it says nothing even when something moved.
    app.store
        .set_setting(crate::domain::settings::SINCE_LAST_TIME, Some("off"))
        .unwrap();
    app.store.add_post(maya, &post, None).unwrap();
    app.reload().unwrap();
    app.greet();
    assert!(app.modal.is_none());
}

#[test]
fn a_campaigns_progress_follows_a_new_cost_filed_under_it() {
    let (mut app, _dir) = demo();
    let new = crate::domain::NewCampaign {
        name: "Spring".into(),
        goal: crate::domain::CampaignGoal::Sales,
        starts_on: None,
        ends_on: None,
        budget: Some(rust_decimal::Decimal::new(100, 0)),
        targets: Default::default(),
    };
    let spring = app.store.add_campaign(&new).unwrap();
    app.reload_entries().unwrap();
    let row = app.shown.lists.campaigns[0].clone();
    assert_eq!(
        app.campaign_progress(&row).spend,
        rust_decimal::Decimal::ZERO
    );
    let maya = app.store.influencer_by_handle("clayandkiln").unwrap().id;
    let cost = crate::domain::NewCost::parse("fee", "40", "2026-11-01", "").unwrap();
    app.store.add_cost(maya, &cost, Some(spring)).unwrap();
    app.reload_entries().unwrap();
    assert_eq!(
        app.campaign_progress(&row).spend,
        rust_decimal::Decimal::new(40, 0)
    );
}

#[test]
fn s_in_the_incremental_view_shows_one_shop_then_the_next_then_all() {
    let (mut app, _dir) = app();
    add_sarah_with_her_code(&mut app);
    let shopify = fixture("orders_79.csv");
    let etsy = format!(
        "{}/tests/fixtures/etsy/EtsySoldOrders2026.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    for (file, shop) in [(shopify.as_str(), "shopify"), (etsy.as_str(), "old-etsy")] {
        let options = crate::import::ImportOptions {
            shop: Some(shop.into()),
            ..crate::import::ImportOptions::new("2026-06-01T10:00:00+00:00")
        };
        crate::import::import_file(&mut app.store, std::path::Path::new(file), &options).unwrap();
    }
    app.reload().unwrap();
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('L'));
    let all = app.lift.clone().unwrap();
    assert!(
        all.notes.iter().any(|n| n.contains("2 shops")),
        "{:?}",
        all.notes
    );
    press(&mut app, KeyCode::Char('S'));
    let (shop, _) = app.lift_shop.as_ref().expect("a shop alone");
    assert_eq!(shop, "old-etsy");
    let one = app.lift.clone().unwrap();
    assert!(
        one.notes
            .iter()
            .any(|n| n.contains("only the orders of shop 'old-etsy'")),
        "{:?}",
        one.notes
    );
    press(&mut app, KeyCode::Char('S'));
    assert_eq!(app.lift_shop.as_ref().unwrap().0, "shopify");
    press(&mut app, KeyCode::Char('S'));
    assert!(app.lift_shop.is_none());
    assert!(
        app.lift.is_some(),
        "still the incremental view, of every shop"
    );
}
