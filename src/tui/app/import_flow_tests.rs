//! "Apply an action, check the state" tests of the import flow: the path box and its Tab
//! completion, the mapping step for an unknown layout, the preview, and a second shop.

use super::*;

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
    assert_eq!(app.facts.counted_orders(), 0, "the preview writes nothing");
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        app.facts.counted_orders(),
        6,
        "8 orders, 2 of them not counted"
    );
    assert_eq!(app.screen, Screen::Scorecard);
    assert_eq!(
        app.card.rows[0].revenue,
        rust_decimal::Decimal::new(12050, 2)
    );
    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.facts.counted_orders(), 0);
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
    assert_eq!(
        app.facts.counted_orders(),
        6,
        "8 orders, 2 of them not counted"
    );
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
    let orders = app.facts.counted_orders();

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
    assert_eq!(app.facts.counted_orders(), orders * 2);
    // The next file of this layout offers the shop named last time.
    import(&mut app, b.to_str().unwrap(), "");
    let Some(Modal::ImportPreview { summary, .. }) = &app.modal else {
        panic!("no preview: {:?}", app.status);
    };
    assert_eq!(summary.shop, "stall");
    assert_eq!(
        summary.counts.unchanged, 8,
        "the fixture's 8 orders, 6 of them counted"
    );
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
fn f_in_the_preview_repairs_misread_dates_and_the_import_keeps_them() {
    let (mut app, _dir) = app();
    let file = format!(
        "{}/tests/fixtures/etsy/EtsySoldOrders2020_excel_dates.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, &file);
    press(&mut app, KeyCode::Enter);
    let Some(Modal::ImportPreview {
        summary, invalid, ..
    }) = &app.modal
    else {
        panic!("preview expected, got {:?}", app.modal);
    };
    assert!(invalid);
    assert_eq!(summary.dates_damaged, 6);
    press(&mut app, KeyCode::Char('f'));
    let Some(Modal::ImportPreview {
        summary,
        invalid,
        fix_dates,
        ..
    }) = &app.modal
    else {
        panic!("preview expected, got {:?}", app.modal);
    };
    assert!(!invalid && *fix_dates);
    assert_eq!((summary.dates_fixed, summary.counts.new), (6, 20));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.facts.counted_orders(), 20);
    let batches = app.store.batches().unwrap();
    assert_eq!(batches[0].new_count, 20);
}

#[test]
fn the_apps_backups_are_named_by_the_moment_each_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let opened = "2020-01-01T00:00:00+00:00";
    let mut app = App::new(
        crate::store::Store::open(&db).unwrap(),
        today,
        opened.into(),
        dir.path().into(),
    )
    .unwrap();
    add_sarah_with_her_code(&mut app);
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, &fixture("orders_79.csv"));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Char('y'));
    let names: Vec<String> = std::fs::read_dir(crate::store::backup_dir(&db))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    for name in &names {
        assert!(
            !name.contains("2020-01-01"),
            "named by the app's opening: {name}"
        );
    }
}

#[test]
fn r_in_the_preview_takes_a_rate_for_a_second_currency() {
    let (mut app, _dir) = app();
    add_sarah_with_her_code(&mut app);
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, &fixture("two_currencies_79.csv"));
    press(&mut app, KeyCode::Enter);
    let Some(Modal::ImportPreview { invalid, .. }) = &app.modal else {
        panic!("preview expected, got {:?}", app.modal);
    };
    assert!(invalid, "the USD orders are invalid in a lira shop");
    press(&mut app, KeyCode::Char('r'));
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the rate form, got {:?}", app.modal);
    };
    assert!(
        form.fields[0].hint.contains("USD="),
        "{}",
        form.fields[0].hint
    );
    // A bad rate stays in the form with its error.
    typ(&mut app, "USD=abc");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.modal, Some(Modal::Form(_))));
    for _ in 0.."USD=abc".len() {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "USD=32.10");
    press(&mut app, KeyCode::Enter);
    let Some(Modal::ImportPreview {
        summary, invalid, ..
    }) = &app.modal
    else {
        panic!("preview expected, got {:?}", app.modal);
    };
    assert!(!invalid);
    assert_eq!(summary.converted.len(), 1);
    press(&mut app, KeyCode::Char('y'));
    let batches = app.store.batches().unwrap();
    assert_eq!(batches[0].new_count, 8);
}

/// `c` in the preview opens the code form with the file's most used code of no one; saved
/// for a creator, the preview comes back with that code hers.
#[test]
fn c_in_the_preview_gives_an_unassigned_code_to_a_creator() {
    let (mut app, _dir) = app();
    add_sarah_with_her_code(&mut app);
    press(&mut app, KeyCode::Char('i'));
    typ(&mut app, &fixture("orders_79.csv"));
    press(&mut app, KeyCode::Enter);
    let unknown = |app: &App| -> Vec<String> {
        let Some(Modal::ImportPreview { summary, .. }) = &app.modal else {
            panic!("preview expected, got {:?}", app.modal);
        };
        summary
            .unknown_codes
            .iter()
            .map(|(c, _)| c.clone())
            .collect()
    };
    let before = unknown(&app);
    assert!(!before.is_empty());
    press(&mut app, KeyCode::Char('c'));
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the code form: {:?}", app.status);
    };
    assert_eq!(form.value(crate::tui::forms::code::CODE), before[0]);
    press(&mut app, KeyCode::Enter);
    let after = unknown(&app);
    assert!(!after.contains(&before[0]), "{after:?}");
    assert_eq!(after.len(), before.len() - 1);
    assert!(app.shown.lists.codes.iter().any(|c| c.code == before[0]));
}
