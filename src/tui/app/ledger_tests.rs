//! "Apply an action, check the state" tests of the week's ledger screens: the Gifts screen
//! (log her post, decline, correct a gift), the Events screen, and when to post next.

use super::*;

/// A serving bowl (cost 15.00) given to the demo's @cozyhomeedit on 25 Oct 2026; her id.
fn give_a_bowl(app: &mut App) -> i64 {
    let ruth = app.store.influencer_by_handle("cozyhomeedit").unwrap().id;
    let gift = crate::domain::NewGift {
        given_on: NaiveDate::from_ymd_opt(2026, 10, 25).unwrap(),
        item: "Serving bowl".into(),
        retail: rust_decimal::Decimal::new(4000, 2),
        cost: rust_decimal::Decimal::new(1500, 2),
        shipping: rust_decimal::Decimal::ZERO,
    };
    app.store.add_gift(ruth, &gift, None).unwrap();
    app.reload().unwrap();
    ruth
}

/// The bowl in the ledger (the demo has a gift of its own).
fn bowl(app: &App) -> &crate::tui::app::GiftView {
    app.shown
        .gifts
        .iter()
        .find(|g| g.gift.item == "Serving bowl")
        .expect("the bowl is in the ledger")
}

#[test]
fn on_a_gift_p_logs_her_post_and_x_marks_it_declined() {
    let (mut app, _dir) = demo();
    give_a_bowl(&mut app);
    press(&mut app, KeyCode::Char('7'));
    assert_eq!(app.screen, Screen::Gifts);
    assert!(matches!(
        bowl(&app).status,
        crate::metrics::GiftStatus::FollowUp(28)
    ));
    // p: the post form, for her, dated today.
    press(&mut app, KeyCode::Char('p'));
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("no form");
    };
    assert_eq!(form.value(crate::tui::forms::INFLUENCER), "@cozyhomeedit");
    assert_eq!(form.value(crate::tui::form::FieldKey("date")), "2026-11-22");
    press(&mut app, KeyCode::Esc);
    // x asks first; n leaves it as it was.
    press(&mut app, KeyCode::Char('x'));
    assert!(matches!(app.modal, Some(Modal::Confirm { .. })));
    press(&mut app, KeyCode::Char('n'));
    assert!(matches!(
        bowl(&app).status,
        crate::metrics::GiftStatus::FollowUp(28)
    ));
    // x, y: declined; z takes it back.
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(bowl(&app).status, crate::metrics::GiftStatus::Declined);
    press(&mut app, KeyCode::Char('z'));
    assert!(matches!(
        bowl(&app).status,
        crate::metrics::GiftStatus::FollowUp(28)
    ));
}

/// An event is marked on screen 8, corrected, deleted and put back; the lift model reads it
/// (the facts hold it as soon as it is saved).
#[test]
fn an_event_is_marked_corrected_deleted_and_put_back() {
    let (mut app, _dir) = demo();
    app.update(Action::GoTo(Screen::Events));
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "Spring market");
    press(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "2026-05-02");
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "{:?}", app.status);
    assert_eq!(app.shown.lists.events.len(), 1);
    assert_eq!(app.facts.events.len(), 1, "the model sees it at once");
    // A last day before the first is refused next to the field, keeping what was typed.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "2026-05-01");
    press(&mut app, KeyCode::Enter);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the form should stay open: {:?}", app.status);
    };
    assert!(
        form.fields
            .iter()
            .any(|f| f.key.0 == "to" && f.error.is_some())
    );
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "2026-05-03");
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "{:?}", app.status);
    let event = app.shown.lists.events[0].clone();
    assert_eq!(
        (event.name.as_str(), event.last.to_string().as_str()),
        ("Spring market", "2026-05-03")
    );
    press(&mut app, KeyCode::Char('d'));
    app.update(Action::Confirm);
    assert!(app.shown.lists.events.is_empty());
    press(&mut app, KeyCode::Char('z'));
    assert_eq!(app.shown.lists.events, vec![event]);
}

/// `W` on a creator: the next days her post would stand alone, in a note.
#[test]
fn w_shows_when_the_selected_creator_should_post_next() {
    let (mut app, _dir) = demo();
    press(&mut app, KeyCode::Char('W'));
    let Some(Modal::Note { title, lines }) = &app.modal else {
        panic!("a note: {:?}", app.status);
    };
    assert!(title.contains("next post"), "{title}");
    assert!(lines[0].contains("burst lasts about"), "{lines:?}");
    assert!(lines.len() >= 2, "{lines:?}");
}

/// Enter on a gift opens it filled in; a corrected cost is saved in place and her cost on
/// the scorecard follows; moving it to another creator is refused next to the field.
#[test]
fn a_gift_is_corrected_from_the_gifts_screen() {
    let (mut app, _dir) = demo();
    let ruth = give_a_bowl(&mut app);
    let cost = |app: &App| {
        app.card
            .rows
            .iter()
            .chain(&app.card.channels)
            .find(|r| r.influencer_id == ruth)
            .unwrap()
            .cost
    };
    let before = cost(&app);
    press(&mut app, KeyCode::Char('7'));
    press(&mut app, KeyCode::Enter);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the edit form: {:?}", app.status);
    };
    assert_eq!(form.value(crate::tui::form::FieldKey("cost")), "15.00");
    assert_eq!(
        form.value(crate::tui::form::FieldKey("item")),
        "Serving bowl"
    );
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    for _ in 0..8 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "18.00");
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "{:?}", app.status);
    assert_eq!(
        app.shown.gifts.len(),
        2,
        "corrected, not added (the demo's gift and the bowl)"
    );
    assert_eq!(bowl(&app).gift.cost, 1800);
    assert_eq!(cost(&app) - before, rust_decimal::Decimal::new(300, 2));
    // Another creator: refused next to the field, nothing saved.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the form stays open: {:?}", app.status);
    };
    let error = form
        .fields
        .iter()
        .find(|f| f.key.0 == "influencer")
        .and_then(|f| f.error.clone());
    assert!(
        error.is_some_and(|e| e.contains("stays with its creator")),
        "{:?}",
        form.fields
    );
    assert_eq!(bowl(&app).gift.influencer_id, ruth);
}

/// `d` on a gift asks, then deletes it with its cost entries; `z` puts all of them back.
#[test]
fn a_deleted_gift_and_its_costs_are_put_back_with_z() {
    let (mut app, _dir) = demo();
    give_a_bowl(&mut app);
    let (gifts, costs) = (app.shown.gifts.len(), app.shown.lists.costs.len());
    press(&mut app, KeyCode::Char('7'));
    assert_eq!(
        app.shown.gifts[0].gift.item, "Serving bowl",
        "the overdue one is first"
    );
    press(&mut app, KeyCode::Char('d'));
    assert!(matches!(app.modal, Some(Modal::Confirm { .. })));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.shown.gifts.len(), gifts - 1);
    assert_eq!(
        app.shown.lists.costs.len(),
        costs - 1,
        "its product cost went with it"
    );
    press(&mut app, KeyCode::Char('z'));
    assert_eq!(app.shown.gifts.len(), gifts);
    assert_eq!(app.shown.lists.costs.len(), costs);
    assert_eq!(bowl(&app).gift.cost, 1500);
}
