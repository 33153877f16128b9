//! "Apply an action, check the state" tests of the money views: profit ranking, money
//! settings, payouts, the planner and channels, money typed into a form, the three views
//! side by side, and the detail pane's charts.

use super::*;

#[test]
fn the_planner_and_the_payouts_open_from_the_influencer_list() {
    let (mut app, _dir) = demo();
    app.update(Action::GoTo(Screen::Influencers));
    let handle = app.shown.lists.influencers[0].handle.clone();
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
            .any(|l| l.starts_with("Influencer") && l.contains("Owed"))
    );
    for inf in &app.shown.lists.influencers {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("@{}", inf.handle))),
            "{lines:?}"
        );
    }
}

/// The demo knows its cost of goods and fees: it opens ranked by profit, and the creator
/// whose revenue ROI hides a loss on profit is the one marked. A shop that sets a cost of
/// goods later switches to profit then.
#[test]
fn a_known_cost_of_goods_ranks_by_profit_and_marks_a_hidden_loss() {
    let (mut app, _dir) = demo();
    assert!(app.card.profit_known);
    assert_eq!(app.options.sort, crate::metrics::SortKey::Profit);
    let hidden: Vec<&str> = app
        .card
        .rows
        .iter()
        .filter(|r| {
            r.roi_pct.is_some_and(|x| x > rust_decimal::Decimal::ZERO)
                && r.profit_roi_pct
                    .is_some_and(|p| p < rust_decimal::Decimal::ZERO)
        })
        .map(|r| r.handle.as_str())
        .collect();
    assert_eq!(hidden, ["slowmornings"]);
    for key in [
        crate::store::COGS_PCT,
        crate::domain::settings::PAYMENT_FEE_PCT,
        crate::domain::settings::PAYMENT_FEE_FIXED,
    ] {
        app.store.set_setting(key, None).unwrap();
    }
    app.reload().unwrap();
    assert!(!app.card.profit_known);
    app.options.sort = crate::metrics::SortKey::Roi;
    app.store
        .set_setting(crate::store::COGS_PCT, Some("85"))
        .unwrap();
    app.reload().unwrap();
    assert_eq!(app.options.sort, crate::metrics::SortKey::Profit);
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

/// The demo shop is in dollars: a cost typed "1,5" or "€80" is refused next to the amount,
/// with the reason, and nothing is saved.
#[test]
fn a_form_reads_money_as_the_shop_writes_it() {
    for (typed, says) in [("1,5", "write 1.5"), ("€80", "USD")] {
        let (mut app, _dir) = demo();
        let before = app.shown.lists.costs.len();
        app.update(Action::GoTo(Screen::Costs));
        press(&mut app, KeyCode::Char('a'));
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        typ(&mut app, typed);
        press(&mut app, KeyCode::Enter);
        let Some(Modal::Form(form)) = &app.modal else {
            panic!("the form stays open: {:?}", app.status);
        };
        let amount = form.fields.iter().find(|f| f.key.0 == "amount").unwrap();
        assert!(
            amount.error.as_deref().is_some_and(|e| e.contains(says)),
            "{typed}: {:?}",
            amount.error
        );
        assert_eq!(app.shown.lists.costs.len(), before);
    }
}

/// `V` shows each creator's rank under the three views, and `V` again the scorecard.
#[test]
fn capital_v_puts_the_three_views_side_by_side() {
    let (mut app, _dir) = demo();
    press(&mut app, KeyCode::Char('V'));
    let compare = app.compare.clone().expect("shown");
    assert_eq!(compare.len(), app.card.rows.len());
    // The code ranks are the scorecard's own.
    for c in &compare {
        let row = app
            .card
            .rows
            .iter()
            .find(|r| r.influencer_id == c.influencer_id)
            .unwrap();
        assert_eq!(c.ranks[0], row.rank, "{}", c.handle);
    }
    assert!(compare.iter().any(|c| c.ranks[0] != c.ranks[2]));
    press(&mut app, KeyCode::Char('V'));
    assert!(app.compare.is_none());
}

#[test]
fn t_cycles_the_detail_charts_and_v_the_bars() {
    let (mut app, _dir) = demo();
    press(&mut app, KeyCode::Char('t'));
    assert!(app.detail);
    assert_eq!(app.chart, DetailChart::Sales);
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.chart, DetailChart::Payback);
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.chart, DetailChart::Cohort);
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.chart, DetailChart::Figures);
    press(&mut app, KeyCode::Char('v'));
    assert!(app.bars);
    press(&mut app, KeyCode::Char('v'));
    assert!(!app.bars);
}
