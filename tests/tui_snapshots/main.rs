//! Snapshots of every screen of the terminal app at 80×24, 100×30 and 120×40, drawn on ratatui's
//! `TestBackend` without colour (so what is checked is what a person reads).

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use shoutout::store::Store;
use shoutout::tui::action::{Action, Screen};
use shoutout::tui::app::App;
use shoutout::tui::theme::Theme;
use shoutout::tui::ui;

mod behaviour;

const NOW: &str = "2026-11-22T10:00:00+00:00";

fn app(with_demo: bool) -> App {
    let mut store = Store::open_in_memory().unwrap();
    if with_demo {
        shoutout::demo::load(&mut store, NOW).unwrap();
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    App::new(store, today, NOW.into(), std::env::temp_dir()).unwrap()
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Draws the app at each of the three sizes and checks each against its snapshot.
fn check(name: &str, app: &mut App) {
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        app.size = (w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|frame| ui::draw(frame, app, Theme::PLAIN))
            .unwrap();
        // The snapshots live in tests/snapshots, beside the other suites' fixtures.
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../snapshots");
        settings.bind(|| {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
        });
    }
}

#[test]
fn welcome() {
    check("welcome", &mut app(false));
}

#[test]
fn scorecard() {
    check("scorecard", &mut app(true));
}

#[test]
fn scorecard_detail() {
    let mut app = app(true);
    app.update(Action::Down);
    app.update(Action::ToggleDetail);
    check("scorecard_detail", &mut app);
}

/// `t` three times: her customers' worth beside organic ones, and by month.
#[test]
fn scorecard_cohort_chart() {
    let mut app = app(true);
    app.update(Action::Down);
    for _ in 0..3 {
        app.update(Action::CycleChart);
    }
    check("scorecard_cohort", &mut app);
}

#[test]
fn scorecard_sorted_by_cac_this_quarter() {
    let mut app = app(true);
    app.update(Action::CycleSort);
    app.update(Action::CyclePeriod);
    app.update(Action::CyclePeriod);
    app.update(Action::CyclePeriod);
    check("scorecard_cac_quarter", &mut app);
}

#[test]
fn influencers() {
    let mut app = app(true);
    app.update(Action::GoTo(Screen::Influencers));
    check("influencers", &mut app);
}

#[test]
fn costs() {
    let mut app = app(true);
    app.update(Action::GoTo(Screen::Costs));
    check("costs", &mut app);
}

#[test]
fn posts() {
    let mut app = app(true);
    app.update(Action::GoTo(Screen::Posts));
    check("posts", &mut app);
}

#[test]
fn codes_and_links() {
    let mut app = app(true);
    app.update(Action::GoTo(Screen::Codes));
    check("codes", &mut app);
}

#[test]
fn campaigns() {
    let mut app = app(true);
    app.update(Action::GoTo(Screen::Campaigns));
    check("campaigns_empty", &mut app);
    keys(&mut app, "a");
    keys(&mut app, "Spring launch");
    press(&mut app, KeyCode::Enter);
    check("campaigns", &mut app);
}

#[test]
fn cost_form_with_an_inline_error() {
    let mut app = app(true);
    app.update(Action::GoTo(Screen::Costs));
    keys(&mut app, "a");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "12,5O");
    press(&mut app, KeyCode::Enter);
    check("cost_form_error", &mut app);
    // The bad text is selected again: typing replaces it instead of appending to it.
    keys(&mut app, "12.50");
    let screen = screen_lines(&mut app, (100, 30)).join("\n");
    assert!(
        screen.contains("12.50") && !screen.contains("12,5O12.50"),
        "{screen}"
    );
}

#[test]
fn link_builder() {
    let mut app = app(true);
    app.update(Action::GoTo(Screen::Influencers));
    keys(&mut app, "l");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "https://kilnandclay.example/mugs");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "reel_may");
    check("link_builder", &mut app);
}

#[test]
fn import_preview() {
    let mut app = app(false);
    keys(&mut app, "i");
    keys(&mut app, "tests/fixtures/shopify/orders_79.csv");
    press(&mut app, KeyCode::Enter);
    check("import_preview", &mut app);
}

#[test]
fn import_preview_with_invalid_orders() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.csv");
    let text = std::fs::read_to_string("tests/fixtures/shopify/orders_79.csv")
        .unwrap()
        .replace(",120.00,", ",\"12,5O\",");
    std::fs::write(&path, text).unwrap();
    let mut app = app(false);
    keys(&mut app, "i");
    keys(&mut app, &path.display().to_string());
    press(&mut app, KeyCode::Enter);
    // The temporary path differs between runs: check the text without it.
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        app.size = (w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|frame| ui::draw(frame, &app, Theme::PLAIN))
            .unwrap();
        let screen = terminal.backend().to_string();
        assert!(screen.contains("7 new"), "{screen}");
        assert!(screen.contains("1 invalid"), "{screen}");
        assert!(
            screen.contains("line 7, column Subtotal: '12,5O' is not an"),
            "{screen}"
        );
        assert!(screen.contains("s import the valid orders"), "{screen}");
    }
}

/// A preview with more errors than the screen holds keeps its keys on screen (the findings
/// are cut above them), at 80×24 and smaller.
#[test]
fn a_preview_with_many_errors_keeps_its_keys_on_a_small_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.csv");
    let text = std::fs::read_to_string("tests/fixtures/shopify/orders_79.csv").unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    for line in lines.iter_mut().skip(2) {
        *line = line.replacen(",USD,", ",EUR,", 1);
    }
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let mut app = app(false);
    keys(&mut app, "i");
    keys(&mut app, &path.display().to_string());
    press(&mut app, KeyCode::Enter);
    for (w, h) in [(80, 24), (80, 18), (80, 14)] {
        app.size = (w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|frame| ui::draw(frame, &app, Theme::PLAIN))
            .unwrap();
        let screen = terminal.backend().to_string();
        assert!(screen.contains("invalid"), "{w}×{h}: {screen}");
        assert!(
            screen.contains("s import the valid orders"),
            "{w}×{h}: {screen}"
        );
    }
}

/// The app's preview says what the file lacks, as the command line does.
#[test]
fn import_preview_says_what_the_file_lacks() {
    let mut app = app(false);
    keys(&mut app, "i");
    keys(
        &mut app,
        "tests/fixtures/woocommerce/analytics_orders_trimmed.csv",
    );
    press(&mut app, KeyCode::Enter);
    let (w, h) = (120, 40);
    app.size = (w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|frame| ui::draw(frame, &app, Theme::PLAIN))
        .unwrap();
    let screen = terminal.backend().to_string();
    assert!(screen.contains("Missing: no status column"), "{screen}");
}

#[test]
fn help() {
    let mut app = app(true);
    keys(&mut app, "?");
    check("help_scorecard", &mut app);
    press(&mut app, KeyCode::Esc);
    app.update(Action::GoTo(Screen::Influencers));
    keys(&mut app, "?");
    check("help_influencers", &mut app);
}

#[test]
fn search() {
    let mut app = app(true);
    keys(&mut app, "/mug");
    check("search", &mut app);
}

#[test]
fn mapping_step_for_an_unknown_layout() {
    let mut app = app(false);
    keys(&mut app, "i");
    keys(&mut app, "tests/fixtures/csv/pos_export.csv");
    press(&mut app, KeyCode::Enter);
    check("mapping_step", &mut app);
}

/// The screen's text, line by line.
fn screen_lines(app: &mut App, (w, h): (u16, u16)) -> Vec<String> {
    app.size = (w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|frame| ui::draw(frame, app, Theme::PLAIN))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

#[test]
fn at_100_columns_the_same_columns_show_whatever_the_period() {
    let mut app = app(true);
    let header = |app: &mut App| screen_lines(app, (100, 30))[2].clone();
    let all_time = header(&mut app);
    for _ in 0..3 {
        app.update(Action::CyclePeriod);
        assert_eq!(header(&mut app), all_time, "{}", app.period_label());
    }
}

#[test]
fn hidden_columns_are_counted_and_scroll_into_view() {
    let mut app = app(true);
    let header = screen_lines(&mut app, (80, 24))[2].clone();
    assert!(header.contains("+13 ←→"), "{header}");
    assert!(!header.contains("Followers"), "{header}");
    press(&mut app, KeyCode::Right);
    let scrolled = screen_lines(&mut app, (80, 24))[2].clone();
    // The rank and the name stay; the columns after them come into view in their order.
    assert!(scrolled.contains("Influencer"), "{scrolled}");
    assert!(scrolled.contains("Followers"), "{scrolled}");
    assert!(!scrolled.contains("Platform"), "{scrolled}");
    press(&mut app, KeyCode::Left);
    assert_eq!(screen_lines(&mut app, (80, 24))[2], header);
    // Wide enough, nothing is hidden and there is no marker.
    let wide = screen_lines(&mut app, (200, 40))[2].clone();
    assert!(wide.contains("Followers") && !wide.contains("←→"), "{wide}");
}

#[test]
fn counts_read_whole_and_a_shared_order_is_explained() {
    let mut app = app(true);
    let screen = screen_lines(&mut app, (120, 40)).join("\n");
    // @clayandkiln: 51 orders, 24 new customers, never "51.00".
    assert!(
        screen.contains("   51 ") && !screen.contains("51.00"),
        "{screen}"
    );
    app.update(Action::Down);
    app.update(Action::Down); // @potterywithpia shares an order with another code
    app.update(Action::ToggleDetail);
    let screen = screen_lines(&mut app, (120, 40)).join("\n");
    assert!(screen.contains("20.5 orders"), "{screen}");
    assert!(screen.contains("counts half to each"), "{screen}");
}

#[test]
fn a_long_status_wraps_instead_of_being_cut() {
    let mut app = app(true);
    let message = "imported /home/someone/Downloads/orders_export_1.csv: 12 new, 3 changed, \
                   40 unchanged, 0 invalid skipped";
    app.say(message);
    let lines = screen_lines(&mut app, (80, 24));
    // The status sits above the footer, wrapped between words (no number cut in two): read
    // back over its lines, it is the whole message.
    let footer = lines.len() - 1;
    let status: Vec<&str> = lines[footer - 2..footer]
        .iter()
        .map(|l| l.trim_end())
        .collect();
    assert_eq!(status.join(" "), message, "{lines:#?}");
    assert!(lines[footer].contains("? help") && lines[footer].contains("q quit"));
}

#[test]
fn the_mouse_selects_rows_scrolls_and_switches_tabs() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    use ratatui::layout::Rect;
    let mut app = app(true);
    let area = Rect::new(0, 0, 100, 30);
    app.size = (100, 30);
    let at = |kind, column, row| MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    let click = |column, row| at(MouseEventKind::Down(MouseButton::Left), column, row);
    // Find the row that shows @slowmornings, click it, and it is the one selected.
    let lines = screen_lines(&mut app, (100, 30));
    let y = lines
        .iter()
        .position(|l| l.contains("@slowmornings"))
        .unwrap() as u16;
    let action = ui::mouse_action(&app, area, click(10, y)).expect("a row was clicked");
    app.update(action);
    assert_eq!(app.selected_row().unwrap().handle, "slowmornings");
    // Clicking the header or below the rows selects nothing.
    assert_eq!(ui::mouse_action(&app, area, click(10, 2)), None);
    assert_eq!(ui::mouse_action(&app, area, click(10, 20)), None);
    // The wheel moves the selection.
    let wheel = ui::mouse_action(&app, area, at(MouseEventKind::ScrollDown, 10, 5)).unwrap();
    app.update(wheel);
    let below = app.selected_row().unwrap().handle.clone();
    assert_ne!(below, "slowmornings");
    // A click on a tab goes to its screen.
    let x = lines[0].find("3 Costs").unwrap() as u16;
    app.update(ui::mouse_action(&app, area, click(x + 2, 0)).unwrap());
    assert_eq!(app.screen, Screen::Costs);
    // A form is for the keyboard: the mouse does nothing there.
    keys(&mut app, "a");
    assert_eq!(ui::mouse_action(&app, area, click(10, 5)), None);
}

/// A shop whose shape is known: @ana (code ANA) costs 100.00 on 1 May and posts on 10 May;
/// her orders are 40.00 (3 May), 50.00 (10 May), 30.00 (12 May) and 20.00 (14 May), so her
/// revenue passes her cost on 12 May. The period shown is 1–20 May.
fn charted_app() -> App {
    let mut store = Store::open_in_memory().unwrap();
    shoutout::demo::load_roster(
        &mut store,
        "handle,name,platform,followers,commission_pct,codes\n\
         ana,Ana,instagram,5000,0,ANA\n\
         bo,Bo,tiktok,20000,0,BO\n",
        "handle,kind,amount,date,note\nana,fee,100.00,2026-05-01,\nbo,fee,10.00,2026-05-02,\n",
        "handle,date,platform,followers,likes,comments,shares,saves,views,reach,impressions,clicks,url\n\
         ana,2026-05-10,instagram,5000,300,20,5,5,,,,,\n",
    )
    .unwrap();
    let orders = "Name,Email,Financial Status,Currency,Subtotal,Discount Code,Created at,Lineitem name,Cancelled at,Refunded Amount,Total,Discount Amount\n\
        #1,a@x.com,paid,USD,40.00,ANA,2026-05-03 10:00:00 +0000,Mug,,,,\n\
        #2,b@x.com,paid,USD,50.00,ANA,2026-05-10 10:00:00 +0000,Mug,,,,\n\
        #3,c@x.com,paid,USD,30.00,ANA,2026-05-12 10:00:00 +0000,Mug,,,,\n\
        #4,d@x.com,paid,USD,20.00,ANA,2026-05-14 10:00:00 +0000,Mug,,,,\n\
        #5,e@x.com,paid,USD,5.00,BO,2026-05-15 10:00:00 +0000,Mug,,,,\n";
    shoutout::import::import_reader(
        &mut store,
        std::path::Path::new("orders.csv"),
        orders.as_bytes(),
        &shoutout::import::ImportOptions::new(NOW),
    )
    .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 5, 20).unwrap();
    let mut app = App::new(store, today, NOW.into(), std::env::temp_dir()).unwrap();
    app.options.period = shoutout::metrics::Period::Custom {
        from: NaiveDate::from_ymd_opt(2026, 5, 1),
        to: NaiveDate::from_ymd_opt(2026, 5, 20),
    };
    app.recompute();
    app
}

/// The x of every cell of line `y` holding `symbol`.
fn xs_of(lines: &[String], y: usize, symbol: char) -> Vec<usize> {
    lines[y]
        .chars()
        .enumerate()
        .filter(|(_, c)| *c == symbol)
        .map(|(x, _)| x)
        .collect()
}

/// The demo shop with gifts: one answered by a post, one declined, two waiting (one past the
/// follow-up days).
fn gifted_app() -> App {
    let mut app = app(true);
    let gift = |app: &mut App, who: &str, on: &str, item: &str| {
        let id = app.store.influencer_by_handle(who).unwrap().id;
        let gift = shoutout::domain::NewGift {
            given_on: shoutout::domain::parse_date(on).unwrap(),
            item: item.into(),
            retail: rust_decimal::Decimal::new(3000, 2),
            cost: rust_decimal::Decimal::new(1200, 2),
            shipping: rust_decimal::Decimal::new(500, 2),
        };
        app.store.add_gift(id, &gift, None).unwrap();
    };
    gift(&mut app, "clayandkiln", "2026-03-01", "Speckled mug");
    gift(&mut app, "minimalmug", "2026-10-20", "Bud vase");
    gift(&mut app, "candlecraft_emi", "2026-11-15", "Soy candle");
    gift(&mut app, "cozyhomeedit", "2026-10-25", "Serving bowl");
    let emi = app.store.influencer_by_handle("minimalmug").unwrap().id;
    app.store
        .decline_gift(emi, shoutout::domain::parse_date("2026-10-20").unwrap())
        .unwrap();
    app.reload().unwrap();
    app.update(Action::GoTo(Screen::Gifts));
    app
}
