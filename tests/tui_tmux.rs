//! End to end in a real terminal: the binary runs inside tmux, keys are sent with
//! `send-keys` and the screen is read with `capture-pane`. From an empty database it adds two
//! influencers and their codes by keys, imports a Shopify fixture, sees the ranking change
//! after a cost, exports the CSV and quits, and the process must exit cleanly. A second test
//! replays the week's update the README counts in keys.

mod common;
use common::tmux::{Tmux, require_tmux};
use common::{Shop, fixture};
use std::time::{Duration, Instant};

/// Handles in rank order as the scorecard screen shows them.
fn ranking(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| {
            let l = l.trim_start_matches(['▶', ' ']);
            let mut words = l.split_whitespace();
            let rank = words.next()?;
            let handle = words.next()?;
            (rank.parse::<u32>().is_ok() && handle.starts_with('@')).then(|| handle.to_string())
        })
        .collect()
}

/// Two influencers and their codes, by keys, on the Influencers screen.
fn add_two_creators_by_keys(t: &Tmux) {
    t.keys(&["2", "a"]);
    t.text("@sarah");
    t.keys(&["Tab"]);
    t.text("Sarah K");
    t.keys(&["Tab", "Tab"]);
    t.text("12000");
    t.keys(&["Tab"]);
    t.text("10");
    t.keys(&["Enter"]);
    t.wait_for("added @sarah");
    t.keys(&["c"]);
    t.text("SARAH20");
    t.keys(&["Enter"]);
    t.wait_for("code SARAH20 now credits @sarah");
    t.keys(&["a"]);
    t.text("milo");
    t.keys(&["Tab", "Tab", "t"]); // platform: type-ahead to tiktok
    t.keys(&["Tab"]);
    t.text("48000");
    t.keys(&["Enter"]);
    t.wait_for("added @milo");
    t.keys(&["c"]); // the new influencer is selected
    t.text("MILO15");
    t.keys(&["Enter"]);
    t.wait_for("code MILO15 now credits @milo");
}

/// `e` exports the scorecard into the directory the app started in; the file's text.
fn export_by_key(t: &Tmux, shop: &Shop) -> String {
    t.keys(&["e"]);
    let screen = t.wait_for("wrote 2 rows to");
    let exported = std::fs::read_dir(shop.dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("shoutout-scorecard-")
        })
        .expect("the export is in the directory the app started in")
        .path();
    assert!(
        screen
            .replace('\n', "")
            .contains(&*exported.file_name().unwrap().to_string_lossy()),
        "{screen}"
    );
    std::fs::read_to_string(&exported).unwrap()
}

/// `q` quits, and the process exits with 0.
fn quit_cleanly(t: &Tmux, exit_file: &std::path::Path) {
    t.keys(&["q"]);
    let start = Instant::now();
    while !exit_file.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the app did not quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(100));
    let code = std::fs::read_to_string(exit_file).unwrap();
    assert_eq!(code.trim(), "0", "the app should exit cleanly");
}

#[test]
fn the_weekly_loop_by_keys_in_a_real_terminal() {
    if !require_tmux() {
        return;
    }
    let shop = Shop::new();
    let exit_file = shop.path("exit-code");
    let t = Tmux::start(&shop, &exit_file, &[]);
    t.wait_for("Getting started");

    add_two_creators_by_keys(&t);

    // Import the Shopify fixture: preview, then confirm.
    t.keys(&["i"]);
    t.text(&fixture("shopify/orders_79.csv"));
    t.keys(&["Enter"]);
    let preview = t.wait_for("Import preview");
    assert!(preview.contains("8 new"), "{preview}");
    t.keys(&["y"]);
    let screen = t.wait_for("imported");
    // No costs yet: sarah's 10 % commission (12.05) gives her ROI 900 %; milo has no cost,
    // so his ROI is undefined and he ranks last.
    assert_eq!(ranking(&screen), ["@sarah", "@milo"], "{screen}");
    assert!(screen.contains("900.00"), "{screen}");

    // Costs change the ranking: milo 40.00, sarah 500.00.
    t.keys(&["2", "k", "$"]); // milo is first by handle
    t.keys(&["Tab", "Tab"]);
    t.text("40.00");
    t.keys(&["Enter"]);
    t.wait_for("recorded fee 40.00 for @milo");
    t.keys(&["2", "j", "$", "Tab", "Tab"]);
    t.text("500");
    t.keys(&["Enter"]);
    t.wait_for("recorded fee 500.00 for @sarah");
    t.keys(&["1"]);
    let screen = t.wait_for("375.00");
    // milo: (190 − 40) / 40 = 375 %; sarah: (120.50 − 512.05) / 512.05 → −76.47 %.
    assert_eq!(ranking(&screen), ["@milo", "@sarah"], "{screen}");
    assert!(screen.contains("-76.47"), "{screen}");
    t.keys(&["s", "s", "s"]); // sort by revenue
    t.wait_for("sorted by revenue");

    let csv = export_by_key(&t, &shop);
    quit_cleanly(&t, &exit_file);
    // The export is the CLI's CSV of the same sort.
    assert_eq!(
        csv,
        shop.ok(&["scorecard", "--sort", "revenue", "--csv", "-"])
    );
    assert!(csv.contains("1,milo,tiktok,48000,0,40.00,3.00,190.00,2.00,375.00,4.75,20.00,63.33,"));
}

/// The weekly session the README counts: update a post's likes by typing over them, add a
/// cost with a spreadsheet-style amount, import this week's file by Tab completion, and
/// export twice. Every key sent is counted; the README states the count.
#[test]
fn a_weeks_update_in_34_keys() {
    if !require_tmux() {
        return;
    }
    let shop = Shop::new();
    common::roster(&shop);
    shop.ok(&["import", &fixture("shopify/orders_79.csv")]);
    std::fs::copy(
        fixture("shopify/orders_later_79.csv"),
        shop.path("orders_export_week48.csv"),
    )
    .unwrap();
    let exit_file = shop.path("exit-code");
    let t = Tmux::start(&shop, &exit_file, &[]);
    t.wait_for("Scorecard");
    let mut count = 0;
    let mut keys = |keys: &[&str]| {
        count += keys.len();
        t.keys(keys);
    };

    // Sarah's post had 500 likes: the pre-filled count is selected, typing replaces it.
    keys(&[
        "4", "Enter", "Tab", "Tab", "Tab", "Tab", "9", "5", "0", "Enter",
    ]);
    t.wait_for("updated");
    // A fee for milo (first by handle), typed as a spreadsheet shows it.
    keys(&["2", "$", "Tab", "Tab"]);
    keys(&["$", "1", ",", "2", "5", "0", ".", "0", "0", "Enter"]);
    t.wait_for("recorded fee 1250.00 for @milo");
    // This week's export, by Tab completion in the folder the app started in.
    keys(&["i", "o", "r", "d", "Tab"]);
    let screen = t.wait_for("orders_export_week48.csv");
    assert!(!screen.contains("no file matches"), "{screen}");
    keys(&["Enter"]);
    t.wait_for("Import preview");
    keys(&["y"]);
    let screen = t.wait_for("imported");
    assert!(screen.contains("2 new"), "{screen}");
    // Export twice: the second never replaces the first.
    keys(&["1", "e"]);
    t.wait_for("wrote 2 rows to");
    keys(&["e"]);
    let screen = t.wait_for("-2.csv");
    assert_eq!(count, 34, "the README says a week's update takes 34 keys");
    t.keys(&["q"]);

    let mut exports: Vec<String> = std::fs::read_dir(shop.dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("shoutout-scorecard-"))
        .collect();
    exports.sort_by_key(|n| n.len()); // the first, then the one beside it
    assert_eq!(exports.len(), 2, "{exports:?}");
    let stem = exports[0].trim_end_matches(".csv");
    assert_eq!(exports[1], format!("{stem}-2.csv"), "{exports:?}");
    assert!(screen.replace('\n', "").contains(&exports[1]), "{screen}");
    let first = std::fs::read_to_string(shop.path(&exports[0])).unwrap();
    assert_eq!(
        first,
        std::fs::read_to_string(shop.path(&exports[1])).unwrap()
    );

    // What was stored: 950 likes, a 1250.00 fee, the later export's orders.
    let posts = shop.ok(&["post", "list"]);
    assert!(
        posts
            .lines()
            .any(|l| l.contains("@sarah") && l.contains(" 950 ")),
        "{posts}"
    );
    let costs = shop.ok(&["cost", "list"]);
    assert!(
        costs
            .lines()
            .any(|l| l.contains("milo") && l.contains("1250.00")),
        "{costs}"
    );
    // milo: 140.00 revenue over 2 orders (as in the later export), cost 40 + 1250.
    assert!(
        first.contains(",milo,tiktok,48000,0,1290.00,2.00,140.00,"),
        "{first}"
    );
}

/// A database its owner made read-only opens in the app to look at, saying so, and a save
/// says it cannot be done; the file is never made writable.
#[cfg(unix)]
#[test]
fn a_read_only_database_opens_in_the_app_to_read() {
    use std::os::unix::fs::PermissionsExt;
    if !require_tmux() {
        return;
    }
    let shop = Shop::new();
    shop.ok(&[
        "influencer",
        "add",
        "ana",
        "--platform",
        "blog",
        "--followers",
        "5",
    ]);
    std::fs::set_permissions(&shop.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let bytes = std::fs::read(&shop.db).unwrap();
    let exit_file = shop.path("exit-code");
    let t = Tmux::start(&shop, &exit_file, &[]);
    t.wait_for("read-only");
    t.wait_for("@ana");
    t.keys(&["2", "a"]);
    t.text("ben");
    t.keys(&["Tab", "Tab", "Tab"]);
    t.text("5");
    t.keys(&["Enter"]);
    t.wait_for("nothing was changed");
    // The form keeps what was typed: Esc twice discards it, and q quits cleanly.
    t.keys(&["Escape", "Escape", "q"]);
    let start = Instant::now();
    while !exit_file.exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let code = std::fs::read_to_string(&exit_file).unwrap_or_default();
    assert_eq!(code.trim(), "0", "{}", t.screen());
    assert_eq!(std::fs::read(&shop.db).unwrap(), bytes);
    let mode = std::fs::metadata(&shop.db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode & 0o222, 0, "never made writable: {mode:o}");
}
