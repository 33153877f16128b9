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
    assert_eq!(app.lists.influencers[0].followers, 1200);
    assert!(app.status.as_ref().unwrap().text.contains("added @ana"));
    add_influencer(&mut app, "@aaron", "10");
    assert_eq!(
        app.lists.influencers[app.selected[Screen::Influencers.index()]].handle,
        "aaron",
        "the new influencer is selected"
    );
}

#[test]
fn a_rejected_save_keeps_what_was_typed_and_names_the_field() {
    let (mut app, _dir) = app();
    add_influencer(&mut app, "@ana", "12,5");
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the form should stay open");
    };
    assert_eq!(form.value(crate::tui::form::FieldKey("handle")), "@ana");
    assert_eq!(form.value(crate::tui::form::FieldKey("followers")), "12,5");
    let field = form.fields.iter().find(|f| f.key.0 == "followers").unwrap();
    assert!(
        field
            .error
            .as_ref()
            .unwrap()
            .contains("'12,5' is not a whole number")
    );
    assert_eq!(form.fields[form.focus].key.0, "followers");
    assert!(app.lists.influencers.is_empty());
    // Fixing it and saving works; Esc would have discarded.
    press(&mut app, KeyCode::Backspace);
    typ(&mut app, "000");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.lists.influencers[0].followers, 12000);
}

#[test]
fn every_invalid_field_is_marked_at_once() {
    let (mut app, _dir) = demo();
    app.update(Action::GoTo(Screen::Posts));
    press(&mut app, KeyCode::Char('a'));
    let Some(Modal::Form(form)) = &mut app.modal else {
        panic!("the post form opens");
    };
    let set = |form: &mut Form, key: &str, value: &str| {
        let f = form.fields.iter_mut().find(|f| f.key.0 == key).unwrap();
        f.input = tui_input::Input::new(value.into());
    };
    set(form, "date", "2026-13-01");
    set(form, "likes", "12,4");
    set(form, "saves", "lots");
    set(form, "comments", "1,200");
    let posts = app.lists.posts.len();
    press(&mut app, KeyCode::Enter);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the form stays open");
    };
    let marked: Vec<&str> = form
        .fields
        .iter()
        .filter(|f| f.error.is_some())
        .map(|f| f.key.0)
        .collect();
    assert_eq!(marked, ["date", "likes", "saves"]);
    assert_eq!(
        form.fields[form.focus].key.0, "date",
        "the first slip is focused"
    );
    assert_eq!(app.lists.posts.len(), posts, "nothing saved");
}

#[test]
fn esc_cancels_a_form_without_saving() {
    let (mut app, _dir) = app();
    app.update(Action::GoTo(Screen::Influencers));
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "ana");
    // Typed changes are not lost to one stray Esc: it asks, a second Esc discards.
    press(&mut app, KeyCode::Esc);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the form stays open with its changes");
    };
    assert!(form.error.as_ref().unwrap().contains("unsaved changes"));
    press(&mut app, KeyCode::Esc);
    assert!(app.modal.is_none());
    assert!(app.lists.influencers.is_empty());
    // An untouched form closes at once.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Esc);
    assert!(app.modal.is_none());
}

#[test]
fn a_duplicate_code_is_refused_inline() {
    let (mut app, _dir) = app();
    add_influencer(&mut app, "ana", "100");
    press(&mut app, KeyCode::Char('c'));
    typ(&mut app, "ANA10");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.lists.codes.len(), 1);
    press(&mut app, KeyCode::Char('c'));
    typ(&mut app, "ana10");
    press(&mut app, KeyCode::Enter);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("form should stay open");
    };
    assert!(
        form.fields[0]
            .error
            .as_ref()
            .unwrap()
            .contains("already belongs to @ana")
    );
}

#[test]
fn saving_a_cost_updates_the_scorecard_at_once() {
    let (mut app, _dir) = demo();
    let before = app
        .card
        .rows
        .iter()
        .find(|r| r.handle == "candlecraft_emi")
        .unwrap()
        .cost;
    app.update(Action::GoTo(Screen::Influencers));
    app.selected[Screen::Influencers.index()] = 0; // candlecraft_emi, first by handle
    press(&mut app, KeyCode::Char('$'));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "15.50");
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "{:?}", app.status);
    let after = app
        .card
        .rows
        .iter()
        .find(|r| r.handle == "candlecraft_emi")
        .unwrap()
        .cost;
    assert_eq!(after - before, rust_decimal::Decimal::new(1550, 2));
    assert_eq!(
        app.lists.costs[0].date.to_string(),
        "2026-11-22",
        "date defaults to today"
    );
}

#[test]
fn a_post_defaults_to_the_influencers_followers() {
    let (mut app, _dir) = app();
    add_influencer(&mut app, "ana", "5000");
    press(&mut app, KeyCode::Char('n'));
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "250");
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "{:?}", app.modal);
    assert_eq!(app.lists.posts[0].post.followers, 5000);
    assert_eq!(
        app.card.rows[0].engagement_rate_pct,
        Some(rust_decimal::Decimal::from(5))
    );
}

#[test]
fn sorting_keeps_the_same_creator_selected() {
    let (mut app, _dir) = demo();
    app.update(Action::Down);
    let chosen = app.selected_row().unwrap().handle.clone();
    app.update(Action::CycleSort);
    assert_eq!(app.options.sort, crate::metrics::SortKey::Cac);
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
fn import_previews_then_confirms_and_can_be_undone() {
    let (mut app, _dir) = app();
    add_sarah_with_her_code(&mut app);
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, &fixture("orders_79.csv"));
    press(&mut app, KeyCode::Enter);
    let Some(Modal::ImportPreview {
        summary, invalid, ..
    }) = &app.modal
    else {
        panic!("preview expected, got {:?}", app.modal);
    };
    assert!(!invalid);
    assert_eq!(summary.counts.new, 8);
    assert_eq!(app.facts.orders.len(), 0, "the preview writes nothing");
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.facts.orders.len(), 8);
    assert_eq!(app.screen, Screen::Scorecard);
    assert_eq!(
        app.card.rows[0].revenue,
        rust_decimal::Decimal::new(12050, 2)
    );
    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.facts.orders.len(), 0);
}

#[test]
fn an_import_error_stays_in_the_path_dialog() {
    let (mut app, _dir) = app();
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, "/no/such/file.csv");
    press(&mut app, KeyCode::Enter);
    let Some(Modal::ImportPath { input, error, .. }) = &app.modal else {
        panic!("path dialog should stay");
    };
    assert_eq!(input.value(), "/no/such/file.csv");
    assert!(error.as_ref().unwrap().contains("/no/such/file.csv"));
}

#[test]
fn tab_completes_a_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("orders_may.csv"), "").unwrap();
    std::fs::write(dir.path().join("orders_june.csv"), "").unwrap();
    let base = format!("{}/", dir.path().display());
    let (done, options) = complete_path(&format!("{base}ord"));
    assert_eq!(done, format!("{base}orders_"));
    assert_eq!(options, ["orders_june.csv", "orders_may.csv"]);
    let (done, options) = complete_path(&format!("{base}orders_m"));
    assert_eq!(done, format!("{base}orders_may.csv"));
    assert!(options.is_empty());
}

#[test]
fn tab_completion_to_one_file_is_not_reported_as_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("orders_may.csv"), "").unwrap();
    let (mut app, _db) = app();
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, &format!("{}/ord", dir.path().display()));
    press(&mut app, KeyCode::Tab);
    let Some(Modal::ImportPath { input, error, .. }) = &app.modal else {
        panic!("the path dialog stays open");
    };
    assert!(
        input.value().ends_with("/orders_may.csv"),
        "{}",
        input.value()
    );
    assert_eq!(*error, None);
    // Tab again on the whole name is still no failure; a name nothing matches is one.
    press(&mut app, KeyCode::Tab);
    let Some(Modal::ImportPath { error, .. }) = &app.modal else {
        panic!()
    };
    assert_eq!(*error, None);
    typ(&mut app, "x");
    press(&mut app, KeyCode::Tab);
    let Some(Modal::ImportPath { error, .. }) = &app.modal else {
        panic!()
    };
    assert_eq!(error.as_deref(), Some("no file matches"));
}

#[test]
fn the_import_box_starts_in_the_folder_of_the_last_import() {
    let (mut app, _db) = app();
    press(&mut app, KeyCode::Char('i'));
    let Some(Modal::ImportPath { input, .. }) = &app.modal else {
        panic!()
    };
    assert_eq!(input.value(), "", "nothing imported yet");
    let file = fixture("orders_79.csv");
    typ(&mut app, &file);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    assert!(app.modal.is_none());
    press(&mut app, KeyCode::Char('i'));
    let folder = format!(
        "{}/",
        std::path::Path::new(&file).parent().unwrap().display()
    );
    let Some(Modal::ImportPath { input, .. }) = &app.modal else {
        panic!()
    };
    assert_eq!(input.value(), folder);
    // A name typed goes on from the folder; a path from the root starts over.
    typ(&mut app, "orders");
    let Some(Modal::ImportPath { input, .. }) = &app.modal else {
        panic!()
    };
    assert_eq!(input.value(), format!("{folder}orders"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, "/elsewhere.csv");
    let Some(Modal::ImportPath { input, .. }) = &app.modal else {
        panic!()
    };
    assert_eq!(input.value(), "/elsewhere.csv");
}

#[test]
fn a_deleted_post_or_code_is_put_back_with_z() {
    let (mut app, _dir) = demo();
    let before = app.card.rows.clone();
    app.update(Action::GoTo(Screen::Posts));
    let posts = app.lists.posts.len();
    let first = app.lists.posts[0].clone();
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.lists.posts.len(), posts - 1);
    assert!(app.status.as_ref().unwrap().text.contains("z puts it back"));
    press(&mut app, KeyCode::Char('z'));
    assert_eq!(app.lists.posts.len(), posts);
    let back = &app.lists.posts[0];
    assert_eq!(
        (back.id, &back.post),
        (first.id, &first.post),
        "the same post, same id"
    );
    assert_eq!(app.card.rows, before, "the scorecard is as it was");
    press(&mut app, KeyCode::Char('z'));
    assert!(
        app.status.as_ref().unwrap().error,
        "nothing more to put back"
    );

    // A code typed again since its delete is not doubled by putting the old one back.
    app.update(Action::GoTo(Screen::Codes));
    let code = app.lists.codes[0].clone();
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    let owner = app.store.influencer_by_handle(&code.handle).unwrap();
    app.store
        .add_code(&code.code, owner.id, None)
        .expect("the code is free again");
    app.reload_entries().unwrap();
    press(&mut app, KeyCode::Char('z'));
    let status = app.status.as_ref().unwrap();
    assert!(
        status.error && status.text.contains("cannot be put back"),
        "{}",
        status.text
    );
    assert_eq!(
        app.lists
            .codes
            .iter()
            .filter(|c| c.code == code.code)
            .count(),
        1
    );
}

#[test]
fn the_planner_and_the_payouts_open_from_the_influencer_list() {
    let (mut app, _dir) = demo();
    app.update(Action::GoTo(Screen::Influencers));
    let handle = app.lists.influencers[0].handle.clone();
    press(&mut app, KeyCode::Char('b'));
    press(&mut app, KeyCode::Tab); // past the creator, already chosen
    typ(&mut app, "x");
    press(&mut app, KeyCode::Enter);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("a bad fee keeps the form open");
    };
    assert!(
        form.fields
            .iter()
            .any(|f| f.key.0 == "fee" && f.error.is_some())
    );
    press(&mut app, KeyCode::Backspace);
    typ(&mut app, "$300");
    press(&mut app, KeyCode::Enter);
    let Some(Modal::Note { lines, .. }) = &app.modal else {
        panic!("the plan is shown: {:?}", app.modal);
    };
    // The same words as `shoutout plan`, from the same function.
    let text = lines.join("\n");
    assert!(
        text.starts_with(&format!(
            "Plan for @{handle}: fee 300.00 + product 0.00 = 300.00"
        )),
        "{text}"
    );
    assert!(text.contains("Break-even"), "{text}");
    press(&mut app, KeyCode::Char('x'));
    assert!(app.modal.is_none(), "any key closes the plan");

    press(&mut app, KeyCode::Char('O'));
    let Some(Modal::Note { lines, .. }) = &app.modal else {
        panic!("the payouts are shown");
    };
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("influencer") && l.contains("owed"))
    );
    for inf in &app.lists.influencers {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("@{}", inf.handle))),
            "{lines:?}"
        );
    }
}

#[test]
fn deleting_an_influencer_with_history_archives_them() {
    let (mut app, _dir) = demo();
    app.update(Action::GoTo(Screen::Influencers));
    press(&mut app, KeyCode::Char('d'));
    assert!(app.lists.influencers[0].archived);
    assert!(app.card.rows.iter().any(|r| r.archived));
    press(&mut app, KeyCode::Char('d'));
    assert!(!app.lists.influencers[0].archived);
}

#[test]
fn the_link_builder_saves_and_copies_the_link() {
    let (mut app, _dir) = app();
    add_influencer(&mut app, "ana", "100");
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "https://shop.example/mugs");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "story_jan15");
    press(&mut app, KeyCode::Enter);
    let link =
        "https://shop.example/mugs?utm_source=ana&utm_medium=instagram&utm_content=story_jan15";
    assert_eq!(app.effects, [Effect::Copy(link.into())]);
    let saved: Vec<(&str, &str)> = app
        .lists
        .links
        .iter()
        .map(|l| (l.handle.as_str(), l.url.as_str()))
        .collect();
    assert_eq!(saved, [("ana", link)]);
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
fn an_unknown_layout_opens_the_mapping_step_and_the_mapping_is_remembered() {
    let (mut app, _dir) = app();
    add_sarah_with_her_code(&mut app);
    press(&mut app, KeyCode::Char('i'));
    let pos = format!(
        "{}/tests/fixtures/csv/pos_export.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    typ(&mut app, &pos);
    press(&mut app, KeyCode::Enter);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the mapping step should open, got {:?}", app.modal);
    };
    // Guessed from the header's names.
    assert_eq!(
        form.value(crate::tui::form::FieldKey("order_id")),
        "Receipt"
    );
    assert_eq!(form.value(crate::tui::form::FieldKey("date")), "When");
    assert_eq!(form.value(crate::tui::form::FieldKey("amount")), "Net");
    assert_eq!(form.value(crate::tui::form::FieldKey("codes")), "Promo");
    assert_eq!(form.value(crate::tui::form::FieldKey("status")), "State");
    // The date format must be the file's: the first try is refused with the cell.
    press(&mut app, KeyCode::Enter);
    let Some(Modal::ImportPreview {
        invalid, summary, ..
    }) = &app.modal
    else {
        panic!("preview expected, got {:?}", app.modal);
    };
    assert!(invalid);
    assert!(
        summary.errors[0]
            .to_string()
            .contains("column When: '01/05/2026'")
    );
    // Back to the path, and map again with the right format and separator.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, &pos);
    press(&mut app, KeyCode::Enter);
    let Some(Modal::Form(form)) = &mut app.modal else {
        panic!("mapping form");
    };
    form.fields[3].input = Input::new("%d/%m/%Y".into());
    form.fields[7].input = Input::new("|".into());
    form.fields[9].input = Input::new("void, cancelled".into());
    press(&mut app, KeyCode::Enter);
    let Some(Modal::ImportPreview {
        invalid, summary, ..
    }) = &app.modal
    else {
        panic!("preview expected, got {:?}", app.modal);
    };
    assert!(!invalid, "{:?}", summary.errors);
    assert_eq!(summary.counts.new, 8);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.facts.orders.len(), 8);
    assert_eq!(
        app.card.rows[0].revenue,
        rust_decimal::Decimal::new(12050, 2)
    );
    // The next file with this header needs no mapping step.
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, &pos);
    press(&mut app, KeyCode::Enter);
    let Some(Modal::ImportPreview { summary, .. }) = &app.modal else {
        panic!("preview expected, got {:?}", app.modal);
    };
    assert_eq!(summary.counts.unchanged, 8);
}

#[test]
fn a_cost_can_be_corrected_and_the_scorecard_follows() {
    let (mut app, _dir) = demo();
    app.update(Action::GoTo(Screen::Costs));
    let first = app.lists.costs[0].clone();
    let count = app.lists.costs.len();
    let before = app
        .card
        .rows
        .iter()
        .find(|r| r.handle == first.handle)
        .unwrap()
        .cost;
    press(&mut app, KeyCode::Enter);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("edit form");
    };
    assert_eq!(
        form.value(crate::tui::form::FieldKey("amount")),
        fmt2(first.amount)
    );
    assert_eq!(
        form.value(crate::tui::form::FieldKey("date")),
        first.date.to_string()
    );
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "0.00");
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "{:?}", app.status);
    assert_eq!(app.lists.costs.len(), count, "corrected, not added");
    let after = app
        .card
        .rows
        .iter()
        .find(|r| r.handle == first.handle)
        .unwrap()
        .cost;
    assert_eq!(before - after, first.amount);
}

#[test]
fn a_code_saved_after_an_import_credits_its_orders_at_once() {
    let (mut app, _dir) = app();
    add_sarah_with_her_code(&mut app);
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, &fixture("orders_79.csv"));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.facts.orders.len(), 8);
    // Saving an influencer and a code re-reads the entries only; the orders stay.
    add_influencer(&mut app, "milo", "48000");
    press(&mut app, KeyCode::Char('c'));
    typ(&mut app, "MILO15");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.facts.orders.len(), 8);
    let milo = app.card.rows.iter().find(|r| r.handle == "milo").unwrap();
    assert_eq!(milo.revenue, rust_decimal::Decimal::new(19000, 2));
    assert_eq!(milo.new_customers, rust_decimal::Decimal::from(2));
}

#[test]
fn a_post_and_a_link_are_deleted_after_confirmation() {
    let (mut app, _dir) = demo();
    let ana = app.lists.influencers[0].id;
    let link = crate::domain::NewLink::parse(
        "https://shop.example/",
        &app.lists.influencers[0].handle,
        app.lists.influencers[0].platform,
        "",
        "",
        "",
    )
    .unwrap();
    app.store.add_link(ana, None, &link).unwrap();
    app.reload_entries().unwrap();

    app.update(Action::GoTo(Screen::Posts));
    let posts = app.lists.posts.len();
    app.update(Action::Delete);
    assert!(matches!(app.modal, Some(Modal::Confirm { .. })));
    app.update(Action::Back);
    assert_eq!(app.lists.posts.len(), posts, "cancelled: nothing deleted");
    app.update(Action::Delete);
    app.update(Action::Confirm);
    assert_eq!(app.lists.posts.len(), posts - 1);

    // On the Codes screen the links follow the codes.
    app.update(Action::GoTo(Screen::Codes));
    for _ in 0..app.lists.codes.len() {
        app.update(Action::Down);
    }
    app.update(Action::Delete);
    let Some(Modal::Confirm { question, .. }) = &app.modal else {
        panic!("no confirmation: {:?}", app.status);
    };
    assert!(question.contains("link"), "{question}");
    app.update(Action::Confirm);
    assert!(app.lists.links.is_empty());
}

#[test]
fn a_second_shop_is_named_in_the_import_box_and_remembered() {
    let (mut app, dir) = app();
    add_sarah_with_her_code(&mut app);
    let a = fixture("orders_79.csv");
    let b = dir.path().join("other_shop.csv");
    std::fs::write(
        &b,
        std::fs::read_to_string(&a)
            .unwrap()
            .replace("@example.com", "@other.example")
            .replace("2026-05-", "2025-11-"),
    )
    .unwrap();
    let import = |app: &mut App, path: &str, shop: &str| {
        press(app, KeyCode::Char('i'));
        typ(app, path);
        if !shop.is_empty() {
            press(app, KeyCode::Down);
            typ(app, shop);
        }
        press(app, KeyCode::Enter);
    };
    import(&mut app, &a, "");
    press(&mut app, KeyCode::Char('y'));
    assert!(app.modal.is_none(), "{:?}", app.status);
    let orders = app.facts.orders.len();

    // Shop B under the default name: refused in the box, nothing written.
    import(&mut app, b.to_str().unwrap(), "");
    let Some(Modal::ImportPath { error: Some(e), .. }) = &app.modal else {
        panic!(
            "expected the refusal in the import box: {:?}",
            app.modal.is_some()
        );
    };
    assert!(e.contains("another shop"), "{e}");
    app.update(Action::Back);
    // Named: previewed and imported beside shop A.
    import(&mut app, b.to_str().unwrap(), "stall");
    let Some(Modal::ImportPreview { summary, .. }) = &app.modal else {
        panic!("no preview: {:?}", app.status);
    };
    assert_eq!(summary.shop, "stall");
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.facts.orders.len(), orders * 2);
    // The next file of this layout offers the shop named last time.
    import(&mut app, b.to_str().unwrap(), "");
    let Some(Modal::ImportPreview { summary, .. }) = &app.modal else {
        panic!("no preview: {:?}", app.status);
    };
    assert_eq!(summary.shop, "stall");
    assert_eq!(summary.counts.unchanged, orders as i64);
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
fn a_known_cost_of_goods_ranks_by_profit_and_marks_a_hidden_loss() {
    let (mut app, _dir) = demo();
    assert_eq!(app.options.sort, crate::metrics::SortKey::Roi);
    app.store
        .set_setting(crate::store::COGS_PCT, Some("85"))
        .unwrap();
    app.reload().unwrap();
    assert_eq!(app.options.sort, crate::metrics::SortKey::Profit);
    assert!(app.card.profit_known);
    let lossy = app
        .card
        .rows
        .iter()
        .find(|r| r.roi_pct.is_some_and(|x| x > rust_decimal::Decimal::ZERO))
        .unwrap();
    assert!(lossy.profit_roi_pct.unwrap() < rust_decimal::Decimal::ZERO);
}

#[test]
fn money_settings_and_a_payout_from_the_keyboard() {
    let (mut app, _dir) = demo();
    press(&mut app, KeyCode::Char('m'));
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("no settings form");
    };
    assert_eq!(form.kind, crate::tui::form::FormKind::Settings);
    typ(&mut app, "140");
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_some(), "140 % is refused in place");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    typ(&mut app, "40");
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "{:?}", app.status);
    assert_eq!(
        app.store
            .setting(crate::store::COGS_PCT)
            .unwrap()
            .as_deref(),
        Some("40")
    );
    assert_eq!(app.options.sort, crate::metrics::SortKey::Profit);
    // A payout to the selected influencer, pre-filled with what she is owed.
    app.update(Action::GoTo(Screen::Influencers));
    press(&mut app, KeyCode::Char('o'));
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("no payout form");
    };
    assert!(form.title.contains("owed"), "{}", form.title);
    press(&mut app, KeyCode::Tab);
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "12.50");
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "{:?}", app.status);
    assert_eq!(app.facts.payouts.len(), 1);
    assert_eq!(app.facts.payouts[0].amount, 1250);
}

#[test]
fn channels_show_below_the_creators_on_a_key() {
    let (mut app, _dir) = demo();
    let creators = app.card.rows.len();
    app.store.add_channel("Newsletter").unwrap();
    app.reload().unwrap();
    assert_eq!(
        app.card.rows.len(),
        creators,
        "a channel never joins the creators' ranks"
    );
    assert_eq!(app.card.channels.len(), 1);
    assert!(!app.show_channels);
    press(&mut app, KeyCode::Char('C'));
    assert!(app.show_channels);
    assert_eq!(app.card.channels[0].handle, "newsletter");
}

#[test]
fn updating_a_count_replaces_it_and_a_tenfold_jump_asks_first() {
    let (mut app, _dir) = app();
    add_influencer(&mut app, "ana", "12000");
    let ana = app.lists.influencers[0].id;
    let post = crate::domain::NewPost {
        platform: crate::domain::Platform::Instagram,
        posted_on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        followers: 12_000,
        likes: Some(820),
        comments: Some(40),
        shares: None,
        saves: None,
        views: None,
        reach: None,
        impressions: None,
        clicks: None,
        url: String::new(),
        format: String::new(),
    };
    app.store.add_post(ana, &post, None).unwrap();
    app.reload_entries().unwrap();
    app.update(Action::GoTo(Screen::Posts));
    let to_likes = |app: &mut App| {
        press(app, KeyCode::Enter);
        for _ in 0..4 {
            press(app, KeyCode::Tab);
        }
        let Some(Modal::Form(form)) = &app.modal else {
            panic!("no post form");
        };
        assert_eq!(form.fields[form.focus].key.0, "likes");
        assert!(
            form.fields[form.focus].selected,
            "the pre-filled 820 is selected"
        );
    };
    // Typing over the selected 820 replaces it: 950, not 820950.
    to_likes(&mut app);
    typ(&mut app, "950");
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "{:?}", app.status);
    assert_eq!(app.lists.posts[0].post.likes, Some(950));
    // An arrow key keeps the value to edit: 950 → 95000 is more than tenfold, asked about.
    to_likes(&mut app);
    press(&mut app, KeyCode::End);
    typ(&mut app, "00");
    press(&mut app, KeyCode::Enter);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("a tenfold jump is not saved without a question");
    };
    assert!(
        form.error
            .as_ref()
            .unwrap()
            .contains("likes went from 950 to 95000")
    );
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "Enter again saves it");
    assert_eq!(app.lists.posts[0].post.likes, Some(95000));
}

#[test]
fn an_image_is_named_instead_of_opening_the_mapping_step() {
    let (mut app, dir) = app();
    let png = dir.path().join("receipt.png");
    std::fs::write(
        &png,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06",
    )
    .unwrap();
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, png.to_str().unwrap());
    press(&mut app, KeyCode::Enter);
    let Some(Modal::ImportPath { error: Some(e), .. }) = &app.modal else {
        panic!("the import box stays, with the reason");
    };
    assert!(
        e.contains("this is a PNG image, not an order export"),
        "{e}"
    );
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
