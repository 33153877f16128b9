//! The insight features end to end through the real binary: the HTML report (self-contained,
//! escaped, a creator's page showing only her, and where Debian's `chromium` is installed —
//! `.ci/run` installs it — rendered in a real headless browser with no console error and no
//! request), campaign goals and engagement flags.

mod common;

use common::Shop;
use std::process::Command;

/// @ana (code ANA) costs 100.00 on 1 May and posts on 10 May; her orders are on 3, 10, 12
/// and 14 May. @bo (code BO) costs 10.00 and brings one 5.00 order on 15 May. Each name
/// and the campaign are hostile text.
fn shop() -> Shop {
    let shop = Shop::new();
    shop.ok(&[
        "influencer",
        "add",
        "ana",
        "--platform",
        "instagram",
        "--followers",
        "5000",
        "--name",
        "<img src=x onerror=alert(1)>",
    ]);
    shop.ok(&[
        "influencer",
        "add",
        "<script>alert(1)</script>",
        "--platform",
        "tiktok",
        "--followers",
        "20000",
    ]);
    shop.ok(&["code", "add", "ANA", "--influencer", "ana"]);
    shop.ok(&[
        "code",
        "add",
        "BO",
        "--influencer",
        "<script>alert(1)</script>",
    ]);
    for (who, amount, date) in [
        ("ana", "100", "2026-05-01"),
        ("<script>alert(1)</script>", "10", "2026-05-02"),
    ] {
        shop.ok(&[
            "cost",
            "add",
            "--influencer",
            who,
            "--kind",
            "fee",
            "--amount",
            amount,
            "--date",
            date,
        ]);
    }
    shop.ok(&[
        "post",
        "add",
        "--influencer",
        "ana",
        "--date",
        "2026-05-10",
        "--followers",
        "5000",
        "--likes",
        "300",
    ]);
    let orders = shop.write(
        "orders.csv",
        "Name,Email,Financial Status,Currency,Subtotal,Discount Code,Created at,Lineitem name,Cancelled at,Refunded Amount,Total,Discount Amount\n\
         #1,a@x.com,paid,USD,40.00,ANA,2026-05-03 10:00:00 +0000,Mug,,,,\n\
         #2,b@x.com,paid,USD,50.00,ANA,2026-05-10 10:00:00 +0000,Mug,,,,\n\
         #3,c@x.com,paid,USD,30.00,ANA,2026-05-12 10:00:00 +0000,Mug,,,,\n\
         #4,d@x.com,paid,USD,20.00,ANA,2026-05-14 10:00:00 +0000,Mug,,,,\n\
         #5,e@x.com,paid,USD,5.00,BO,2026-05-15 10:00:00 +0000,Mug,,,,\n",
    );
    shop.ok(&["import", &orders]);
    shop
}

fn count(html: &str, class: &str) -> usize {
    html.matches(&format!("class=\"{class}\"")).count()
}

const PERIOD: [&str; 4] = ["--from", "2026-05-01", "--to", "2026-05-20"];

#[test]
fn the_report_is_self_contained_and_shows_hostile_text_as_text() {
    let shop = shop();
    let file = shop.path("report.html");
    let f = file.to_str().unwrap();
    let mut args = vec!["report", "--html", f];
    args.extend(PERIOD);
    shop.ok(&args);
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "{html}"
    );
    assert!(html.contains("@&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    // Nothing to fetch: no address, and a policy that forbids any request or script.
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert!(html.contains("default-src 'none'"));
    // Both creators, ranked; each with her sales and payback charts.
    assert_eq!(count(&html, "roi-bar") + count(&html, "roi-bar neg"), 2);
    assert_eq!(count(&html, "sales"), 2);
    assert_eq!(count(&html, "payback"), 2);
    // ana's four order days and bo's one; ana's one post.
    assert_eq!(count(&html, "bar"), 5);
    assert_eq!(count(&html, "post-mark"), 1);
    // Each creator's lift, in words; her customers against organic ones, by month.
    assert_eq!(count(&html, "lift"), 2, "{html}");
    assert_eq!(count(&html, "cohort"), 2, "{html}");
    // Every order of this shop carries a code: no organic customer, so no organic line.
    assert_eq!(count(&html, "organic"), 0, "{html}");
    assert!(html.contains("acquired 4 customer(s)"), "{html}");
    assert!(
        html.contains("<title>break-even on 2026-05-12</title>"),
        "{html}"
    );
    // Written again over its own report; another file needs --force.
    shop.ok(&args);
    let other = shop.write("notes.html", "<p>my notes</p>\n");
    let err = shop.fails(&["report", "--html", &other]);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "<p>my notes</p>\n"
    );
}

#[test]
fn a_creator_page_shows_her_own_results_only() {
    let shop = shop();
    let file = shop.path("ana.html");
    let mut args = vec![
        "report",
        "--influencer",
        "ana",
        "--html",
        file.to_str().unwrap(),
    ];
    args.extend(PERIOD);
    shop.ok(&args);
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("@ana: results"), "{html}");
    assert!(
        !html.contains("alert(1)&lt;/script") && !html.contains("tiktok"),
        "{html}"
    );
    assert!(
        !html.contains("<td>5.00</td>"),
        "bo's revenue shows:\n{html}"
    );
    // No ranking and no rank column: she is not compared with anyone.
    assert_eq!(count(&html, "ranking"), 0);
    assert!(!html.contains("<th>#</th>"));
    assert_eq!(count(&html, "bar"), 4);
    assert_eq!(count(&html, "post-mark"), 1);
    assert!(html.contains("<td>140.00</td>"), "{html}");
    // What she really caused, and what the estimate rests on, in words; the shop's notes
    // belong to the shop's report, not to her page.
    assert_eq!(count(&html, "lift"), 1, "{html}");
    assert!(html.contains("What she really caused:"), "{html}");
    assert!(html.contains("The estimate rests on"), "{html}");
    assert!(!html.contains("What the lift model noticed"), "{html}");
}

/// The headless browser, when the machine has it.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Hosts Chromium itself talks to (its clock, accounts and dictionary checks), which are not
/// the page's requests.
const BROWSER_OWN: [&str; 4] = ["google.com", "gvt1.com", "gstatic.com", "googleapis.com"];

#[test]
fn the_report_renders_in_a_real_browser_without_errors_or_requests() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: chromium is not installed (.ci/run installs it)");
        assert!(std::env::var_os("CI").is_none(), "CI must have chromium");
        return;
    };
    let shop = shop();
    let file = shop.path("report.html");
    let mut args = vec!["report", "--html", file.to_str().unwrap()];
    args.extend(PERIOD);
    shop.ok(&args);
    let profile = shop.path("chromium-profile");
    let net_log = shop.path("net-log.json");
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--enable-logging=stderr",
            "--v=0",
            // Any request the page made would fail here, and be in the net log.
            "--proxy-server=127.0.0.1:9",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--log-net-log={}", net_log.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .env("HOME", shop.dir.path())
        .env("XDG_CONFIG_HOME", shop.dir.path())
        .env("XDG_CACHE_HOME", shop.dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = String::from_utf8(out.stdout).unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE")).collect();
    assert!(console.is_empty(), "console: {console:#?}");
    // The rendered page has the charts with the right number of marks.
    assert_eq!(count(&dom, "post-mark"), 1, "{dom}");
    assert_eq!(count(&dom, "bar"), 5);
    assert_eq!(count(&dom, "breakeven"), 1);
    // And asked for nothing: the only addresses in the net log are the browser's own.
    let net = std::fs::read_to_string(&net_log).unwrap_or_default();
    for url in net.split("\"url\":\"").skip(1) {
        let url = url.split('"').next().unwrap_or("");
        assert!(
            url.starts_with("file://")
                || url.starts_with("data:")
                || BROWSER_OWN.iter().any(|h| url.contains(h)),
            "the page requested {url}"
        );
    }
}

#[test]
fn a_campaign_shows_its_progress_against_the_days_elapsed() {
    let shop = shop();
    shop.ok(&[
        "campaign",
        "add",
        "May mugs",
        "--start",
        "2026-05-01",
        "--end",
        "2026-05-30",
        "--budget",
        "80",
        "--target-revenue",
        "200",
        "--target-orders",
        "10",
    ]);
    shop.ok(&[
        "code",
        "add",
        "MAYMUG",
        "--influencer",
        "ana",
        "--campaign",
        "May mugs",
    ]);
    shop.ok(&[
        "cost",
        "add",
        "--influencer",
        "ana",
        "--kind",
        "fee",
        "--amount",
        "100",
        "--date",
        "2026-05-05",
        "--campaign",
        "May mugs",
    ]);
    let orders = shop.write(
        "may.csv",
        "Name,Email,Financial Status,Currency,Subtotal,Discount Code,Created at,Lineitem name,Cancelled at,Refunded Amount,Total,Discount Amount\n\
         #20,f@x.com,paid,USD,60.00,MAYMUG,2026-05-06 10:00:00 +0000,Mug,,,,\n\
         #21,g@x.com,paid,USD,40.00,MAYMUG,2026-05-07 10:00:00 +0000,Mug,,,,\n",
    );
    shop.ok(&["import", &orders]);
    // Shown today, after the campaign: it has ended, short of its targets (no pace any
    // more). Revenue 100 of 200 is 50 %; the spend, 100 of 80, is over budget.
    let out = shop.ok(&["campaign", "show", "may mugs"]);
    assert!(
        out.contains("Goal sales · ended · fell short of its targets"),
        "{out}"
    );
    assert!(out.contains("Revenue"), "{out}");
    assert!(out.contains("100.00 / 200.00  50 %  behind"), "{out}");
    assert!(out.contains("2 / 10  20 %  behind"), "{out}");
    assert!(
        out.contains("100.00 / 80.00 budget  125 %  over budget"),
        "{out}"
    );
    // Targets change later; a reached one says so.
    shop.ok(&["campaign", "target", "May mugs", "--target-revenue", "90"]);
    let out = shop.ok(&["campaign", "show", "May mugs"]);
    assert!(out.contains("100.00 / 90.00  111 %  reached"), "{out}");
    assert!(out.contains("Goal sales · ended · reached"), "{out}");
    assert!(out.contains("2 / 10"), "the orders target stays: {out}");
}

#[test]
fn engagement_flags_are_named_under_the_scorecard() {
    let shop = shop();
    // ana (nano, 5,000 followers): 300 likes is 6 %, inside 5–15 %. A post with 2,000
    // likes is 40 %: far above a nano creator's usual range.
    shop.ok(&[
        "post",
        "add",
        "--influencer",
        "ana",
        "--date",
        "2026-05-16",
        "--followers",
        "5000",
        "--likes",
        "2000",
    ]);
    let table = shop.ok(&["scorecard", "--from", "2026-05-01", "--to", "2026-05-20"]);
    assert!(
        table.contains("flag: @ana, post of 2026-05-16: engagement 40.00 % is far above the usual 5–15 % of a nano creator"),
        "{table}"
    );
    assert!(!table.contains("post of 2026-05-10"), "{table}");
    // The range is a setting: widened, the post is no longer far outside it.
    shop.ok(&["settings", "set", "eng-nano", "5-30"]);
    let table = shop.ok(&["scorecard", "--from", "2026-05-01", "--to", "2026-05-20"]);
    assert!(!table.contains("far above the usual"), "{table}");
    // The CSV is unchanged by flags: its header and every row have the scorecard's columns
    // and nothing else.
    let csv = shop.ok(&["scorecard", "--csv", "-"]);
    let header = csv.lines().next().unwrap();
    assert_eq!(header, shoutout::export::CSV_HEADER.join(","));
    for line in csv.lines() {
        assert_eq!(
            line.split(',').count(),
            shoutout::export::CSV_HEADER.len(),
            "{line}"
        );
        assert!(!line.contains("far above"), "{line}");
    }
}
