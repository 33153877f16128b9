//! "Apply an action, check the state" tests of entering by hand: forms, their checks and
//! warnings, edits, deletes and put-back.

use super::*;
use crate::tui::form::Form;

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
    assert!(app.shown.lists.influencers.is_empty());
    // Its text is selected again: typing replaces it, and saving works; Esc would have
    // discarded.
    typ(&mut app, "12000");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.shown.lists.influencers[0].followers, 12000);
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
    let posts = app.shown.lists.posts.len();
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
    assert_eq!(app.shown.lists.posts.len(), posts, "nothing saved");
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
    assert!(app.shown.lists.influencers.is_empty());
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
    assert_eq!(app.shown.lists.codes.len(), 1);
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
        app.shown.lists.costs[0].date.to_string(),
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
    assert_eq!(app.shown.lists.posts[0].post.followers, 5000);
    assert_eq!(
        app.card.rows[0].engagement_rate_pct,
        Some(rust_decimal::Decimal::from(5))
    );
}

#[test]
fn a_deleted_post_or_code_is_put_back_with_z() {
    let (mut app, _dir) = demo();
    let before = app.card.rows.clone();
    app.update(Action::GoTo(Screen::Posts));
    let posts = app.shown.lists.posts.len();
    let first = app.shown.lists.posts[0].clone();
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.shown.lists.posts.len(), posts - 1);
    assert!(app.status.as_ref().unwrap().text.contains("z puts it back"));
    press(&mut app, KeyCode::Char('z'));
    assert_eq!(app.shown.lists.posts.len(), posts);
    let back = &app.shown.lists.posts[0];
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
    let code = app.shown.lists.codes[0].clone();
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
        app.shown
            .lists
            .codes
            .iter()
            .filter(|c| c.code == code.code)
            .count(),
        1
    );
}

#[test]
fn deleting_an_influencer_with_history_archives_them() {
    let (mut app, _dir) = demo();
    app.update(Action::GoTo(Screen::Influencers));
    press(&mut app, KeyCode::Char('d'));
    assert!(app.shown.lists.influencers[0].archived);
    assert!(app.card.rows.iter().any(|r| r.archived));
    press(&mut app, KeyCode::Char('d'));
    assert!(!app.shown.lists.influencers[0].archived);
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
        .shown
        .lists
        .links
        .iter()
        .map(|l| (l.handle.as_str(), l.url.as_str()))
        .collect();
    assert_eq!(saved, [("ana", link)]);
}

#[test]
fn a_cost_can_be_corrected_and_the_scorecard_follows() {
    let (mut app, _dir) = demo();
    app.update(Action::GoTo(Screen::Costs));
    let first = app.shown.lists.costs[0].clone();
    let count = app.shown.lists.costs.len();
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
    assert_eq!(app.shown.lists.costs.len(), count, "corrected, not added");
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
    assert_eq!(
        app.facts.counted_orders(),
        6,
        "8 orders, 2 of them not counted"
    );
    // Saving an influencer and a code re-reads the entries only; the orders stay.
    add_influencer(&mut app, "milo", "48000");
    press(&mut app, KeyCode::Char('c'));
    typ(&mut app, "MILO15");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.facts.counted_orders(),
        6,
        "8 orders, 2 of them not counted"
    );
    let milo = app.card.rows.iter().find(|r| r.handle == "milo").unwrap();
    assert_eq!(milo.revenue, rust_decimal::Decimal::new(19000, 2));
    assert_eq!(milo.new_customers, rust_decimal::Decimal::from(2));
}

#[test]
fn a_post_and_a_link_are_deleted_after_confirmation() {
    let (mut app, _dir) = demo();
    let ana = app.shown.lists.influencers[0].id;
    let link = crate::domain::NewLink::parse(
        "https://shop.example/",
        &app.shown.lists.influencers[0].handle,
        app.shown.lists.influencers[0].platform,
        "",
        "",
        "",
    )
    .unwrap();
    app.store.add_link(ana, None, &link).unwrap();
    app.reload_entries().unwrap();

    app.update(Action::GoTo(Screen::Posts));
    let posts = app.shown.lists.posts.len();
    app.update(Action::Delete);
    assert!(matches!(app.modal, Some(Modal::Confirm { .. })));
    app.update(Action::Back);
    assert_eq!(
        app.shown.lists.posts.len(),
        posts,
        "cancelled: nothing deleted"
    );
    app.update(Action::Delete);
    app.update(Action::Confirm);
    assert_eq!(app.shown.lists.posts.len(), posts - 1);

    // On the Codes screen the links follow the codes.
    app.update(Action::GoTo(Screen::Codes));
    for _ in 0..app.shown.lists.codes.len() {
        app.update(Action::Down);
    }
    app.update(Action::Delete);
    let Some(Modal::Confirm { question, .. }) = &app.modal else {
        panic!("no confirmation: {:?}", app.status);
    };
    assert!(question.contains("link"), "{question}");
    app.update(Action::Confirm);
    assert!(app.shown.lists.links.is_empty());
}

#[test]
fn updating_a_count_replaces_it_and_a_tenfold_jump_asks_first() {
    let (mut app, _dir) = app();
    add_influencer(&mut app, "ana", "12000");
    let ana = app.shown.lists.influencers[0].id;
    let post = crate::domain::NewPost {
        comments: Some(40),
        ..crate::domain::NewPost::example(
            NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            12_000,
            820,
        )
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
    assert_eq!(app.shown.lists.posts[0].post.likes, Some(950));
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
    assert_eq!(app.shown.lists.posts[0].post.likes, Some(95000));
}

/// Enter on a code opens it filled in; another creator chosen, the code credits her; its
/// text cannot change (orders carry it).
#[test]
fn a_code_is_moved_to_another_creator_from_the_codes_screen() {
    let (mut app, _dir) = demo();
    app.update(Action::GoTo(Screen::Codes));
    let code = app.shown.lists.codes[0].clone();
    press(&mut app, KeyCode::Enter);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the edit form: {:?}", app.status);
    };
    assert_eq!(form.value(crate::tui::form::FieldKey("code")), code.code);
    assert_eq!(
        form.value(crate::tui::forms::INFLUENCER),
        format!("@{}", code.handle)
    );
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "{:?}", app.status);
    let moved = app
        .shown
        .lists
        .codes
        .iter()
        .find(|c| c.id == code.id)
        .unwrap();
    assert_ne!(moved.handle, code.handle);
    // Typing another text is refused next to the field.
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "OTHER1");
    press(&mut app, KeyCode::Enter);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the form stays open");
    };
    let field = form.fields.iter().find(|f| f.key.0 == "code").unwrap();
    assert!(field.error.as_deref().unwrap().contains("cannot change"));
}
