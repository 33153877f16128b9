//! The report to share: one self-contained HTML file (no network, no script) with the
//! scorecard table, the charts as SVG and the definitions in plain words. With a creator it is
//! her page: her own figures only, never another creator's.
//!
//! Every text from the data (handles, names, campaign names) goes through [`escape`]; the
//! page's Content-Security-Policy forbids scripts and any request, so even a slip could not
//! load or run anything.

use super::svg::{bars_svg, cohort_svg, escape, payback_svg, sales_svg};
use super::{TITLES, display_cells};
use crate::domain::fmt2;
use crate::metrics::{CreatorSeries, ScoreRow, SortKey};
use std::fmt::Write;

/// The first line of every report: how an export recognises a file it may replace.
pub const REPORT_MARK: &str = "<!DOCTYPE html><!-- shoutout report -->";

/// What a report shows.
pub struct ReportInput<'a> {
    /// "Scorecard", "Campaign Spring mugs" or "@sarah's results".
    pub title: String,
    /// The period in words (`1 May 2026 – 31 May 2026`, `all time`).
    pub period: String,
    pub generated: chrono::NaiveDate,
    /// The ranked rows shown (one, for a creator's page).
    pub rows: &'a [ScoreRow],
    /// Her series for each row, in the same order.
    pub series: &'a [Option<CreatorSeries>],
    pub profit_known: bool,
    pub sort: SortKey,
    /// A creator's own page: no rank, no comparison with others.
    pub creator_page: bool,
    /// The posts in the period (each creator's are listed under her charts).
    pub posts: Vec<&'a crate::metrics::PostFact>,
    /// What each creator really caused (the lift model over the same period), when known.
    pub lift: Option<&'a crate::metrics::LiftReport>,
    /// Her cohort beside the organic one, for each row, in the same order.
    pub cohorts: &'a [Option<crate::metrics::CohortDetail>],
}

/// Builds the report of the scorecard under `options` (period, campaign) as the CLI and the
/// app both write it; with `creator`, her own page only.
pub fn report_html(
    facts: &crate::metrics::Facts,
    options: &crate::metrics::ScorecardOptions,
    today: chrono::NaiveDate,
    creator: Option<i64>,
    campaign: Option<&str>,
    lift: Option<&crate::metrics::LiftReport>,
    cohort_groups: &[crate::metrics::CohortFact],
) -> String {
    let prepared = crate::metrics::prepare(facts);
    let card = crate::metrics::scorecard_prepared(facts, &prepared, options, today);
    let rows: Vec<ScoreRow> = match creator {
        Some(id) => card
            .rows
            .iter()
            .chain(&card.channels)
            .filter(|r| r.influencer_id == id)
            .cloned()
            .collect(),
        None => card.rows.clone(),
    };
    let series: Vec<Option<CreatorSeries>> = rows
        .iter()
        .map(|r| crate::metrics::creator_series(facts, &prepared, options, today, r.influencer_id))
        .collect();
    let cohorts: Vec<Option<crate::metrics::CohortDetail>> = rows
        .iter()
        .map(|r| {
            crate::metrics::cohort_detail(facts, cohort_groups, options, today, r.influencer_id)
        })
        .collect();
    let title = match (creator, rows.first(), campaign) {
        (Some(_), Some(r), Some(c)) => format!("@{}: results of {c}", r.handle),
        (Some(_), Some(r), None) => format!("@{}: results", r.handle),
        (None, _, Some(c)) => format!("Campaign {c}"),
        _ => "Creator scorecard".to_string(),
    };
    let period = match (card.from, card.to) {
        (None, None) => "all time".to_string(),
        (from, to) => format!(
            "{} – {}",
            from.map_or("the start".into(), |d| d.to_string()),
            to.map_or("today".into(), |d| d.to_string())
        ),
    };
    html_report(&ReportInput {
        title,
        period,
        generated: today,
        rows: &rows,
        series: &series,
        profit_known: card.profit_known,
        sort: options.sort,
        creator_page: creator.is_some(),
        posts: rows
            .iter()
            .flat_map(|r| crate::metrics::posts_in_scope(facts, options, today, r.influencer_id))
            .collect(),
        lift,
        cohorts: &cohorts,
    })
}

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:60rem;
color:#1d1d1f;background:#fff;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem}
.meta{color:#555}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:right;white-space:nowrap}
th:nth-child(-n+3),td:nth-child(-n+3){text-align:left}.scroll{overflow-x:auto}
svg{max-width:100%;height:auto;font-size:11px}.bar{fill:#2b7a4b}.baseline{fill:#e6e6e6}.roi-bar{fill:#2b7a4b}
.roi-bar.neg{fill:#b3261e}.post-mark{fill:#1f5fbf}.cost{stroke:#b3261e;fill:none;stroke-width:2}
.revenue{stroke:#2b7a4b;fill:none;stroke-width:2}.profit{stroke:#1f5fbf;fill:none;stroke-width:2;
stroke-dasharray:5 3}.breakeven{stroke:#555;stroke-dasharray:2 2}.organic{stroke:#999;fill:none;stroke-width:2;stroke-dasharray:4 3}.axis{stroke:#999}
dt{font-weight:600;margin-top:.5rem}dd{margin-left:1rem}
@media print{body{margin:0}}
";

/// The whole page.
pub fn html_report(r: &ReportInput) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str(REPORT_MARK);
    out.push('\n');
    let _ = writeln!(
        out,
        "<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body>",
        escape(&r.title)
    );
    let _ = writeln!(
        out,
        "<h1>{}</h1><p class=\"meta\">{} · made with shoutout on {}</p>",
        escape(&r.title),
        escape(&r.period),
        r.generated
    );
    if !r.creator_page && r.rows.len() > 1 {
        out.push_str("<h2>Ranking</h2>\n");
        out.push_str(&bars_svg(r.rows, r.sort));
    }
    out.push_str(&table_html(r));
    for (i, (row, series)) in r.rows.iter().zip(r.series).enumerate() {
        let _ = writeln!(
            out,
            "<h2 id=\"creator-{}\">@{}{}</h2>",
            row.influencer_id,
            escape(&row.handle),
            if row.name.is_empty() {
                String::new()
            } else {
                format!(" ({})", escape(&row.name))
            }
        );
        if let Some(lift) = r.lift {
            out.push_str(&lift_html(lift, row.influencer_id));
        }
        match series {
            Some(s) => {
                out.push_str(&sales_svg(s));
                out.push_str(&payback_svg(s));
            }
            None => out.push_str("<p>Nothing of hers falls in this period.</p>\n"),
        }
        if let Some(Some(cohort)) = r.cohorts.get(i) {
            out.push_str(&cohort_svg(cohort, &row.handle));
        }
        out.push_str(&posts_html(
            r.posts
                .iter()
                .copied()
                .filter(|p| p.influencer_id == row.influencer_id),
        ));
    }
    if let Some(lift) = r.lift.filter(|l| !r.creator_page && !l.notes.is_empty()) {
        out.push_str("<h2>What the lift model noticed</h2><ul>\n");
        for note in &lift.notes {
            let _ = writeln!(out, "<li>{}</li>", escape(note));
        }
        out.push_str("</ul>\n");
    }
    out.push_str(DEFINITIONS);
    out.push_str("</body></html>\n");
    out
}

/// What she really caused, from the lift model: her incremental orders with their 80 %
/// range and incremental ROI, what the estimate rests on, and its flags (a leak, an event, a
/// post never alone), in words.
fn lift_html(lift: &crate::metrics::LiftReport, influencer_id: i64) -> String {
    let Some(row) = lift.rows.iter().find(|r| r.influencer_id == influencer_id) else {
        return String::new();
    };
    let roi = row
        .incremental_roi_pct
        .map_or("undefined (no cost)".to_string(), |r| {
            format!("{} %", fmt2(r))
        });
    let mut out = format!(
        "<p class=\"lift\"><strong>What she really caused:</strong> {:.1} orders over the \
         baseline (80 % range {:.1}–{:.1}), incremental revenue {}, incremental ROI {roi}. \
         The estimate {}.</p>\n",
        row.incremental_orders,
        row.incremental_low,
        row.incremental_high,
        fmt2(row.incremental_revenue),
        escape(&row.basis)
    );
    if !row.flags.is_empty() {
        out.push_str("<ul class=\"flags\">");
        for flag in &row.flags {
            let _ = write!(out, "<li>{}</li>", escape(flag));
        }
        out.push_str("</ul>\n");
    }
    out
}

/// Her posts: date, platform, engagement rate, content value, sentiment and note (escaped).
fn posts_html<'a>(posts: impl Iterator<Item = &'a crate::metrics::PostFact>) -> String {
    let mut rows = String::new();
    for p in posts {
        let rate = crate::metrics::engagement_rate_pct(1, p.engagements, p.followers)
            .map_or("—".into(), |r| format!("{} %", fmt2(r)));
        let content = if p.content_value > 0 {
            fmt2(crate::domain::from_cents(p.content_value))
        } else {
            String::new()
        };
        let _ = writeln!(
            rows,
            "<tr><td>{}</td><td>{}</td><td>{rate}</td><td>{content}</td><td>{}</td>\
             <td>{}</td></tr>",
            p.posted_on,
            p.platform,
            p.sentiment.map_or("", |s| s.as_str()),
            escape(&p.note)
        );
    }
    if rows.is_empty() {
        return String::new();
    }
    format!(
        "<div class=\"scroll\"><table class=\"posts\"><thead><tr><th>Posted</th>\
         <th>Platform</th><th>Engagement</th><th>Content value</th><th>Sentiment</th>\
         <th>Note</th></tr></thead><tbody>\n{rows}</tbody></table></div>\n"
    )
}

fn table_html(r: &ReportInput) -> String {
    let shown = if r.profit_known { 17 } else { 14 };
    // A creator's page leaves out the rank: it compares her with others.
    let skip = usize::from(r.creator_page);
    let mut out = String::from("<div class=\"scroll\"><table><thead><tr>");
    for title in &TITLES[skip..shown] {
        let _ = write!(out, "<th>{}</th>", escape(title));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in r.rows {
        out.push_str("<tr>");
        for cell in &display_cells(row)[skip..shown] {
            let _ = write!(out, "<td>{}</td>", escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
    out
}

const DEFINITIONS: &str = "<h2>What the figures mean</h2><dl>
<dt>Orders and revenue</dt><dd>Orders that carried the creator's promo code (or came through
her tracking link), not cancelled or voided, and their value after discounts and refunds,
without shipping or tax. An order with two creators' codes counts half for each.</dd>
<dt>New customers</dt><dd>Orders that were the buyer's first order in the shop.</dd>
<dt>Cost</dt><dd>Fees, product sent, shipping, bonuses and other costs entered for her, plus
her commission on the revenue above.</dd>
<dt>ROI %</dt><dd>What the revenue returned over what she cost: (revenue − cost) / cost ×
100. 0 % means the revenue just paid for her.</dd>
<dt>ROAS</dt><dd>Revenue for each unit spent: revenue / cost.</dd>
<dt>CAC</dt><dd>What each new customer cost: cost / new customers.</dd>
<dt>AOV</dt><dd>The average order: revenue / orders.</dd>
<dt>Engagement rate</dt><dd>Likes, comments, shares and saves of her posts over her followers
at the time, in percent.</dd>
<dt>Gross profit, profit ROI, break-even ROAS</dt><dd>Shown when the shop's cost of goods
and payment fees are known: revenue less the goods and fees; the ROI on that; and the ROAS
at which the gross profit would exactly pay for her.</dd>
<dt>Payback</dt><dd>Her cost so far against what she brought so far, day by day; she broke
even on the first day from which what she brought stays at or above what she cost.</dd>
</dl>
<p class=\"meta\">Every formula, exactly: docs/metrics.md in shoutout.</p>
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("a\u{202E}b\u{7}"), "ab");
    }
}
