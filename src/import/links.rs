//! Link evidence: the `utm_source` (and `utm_campaign`) of orders that came through a
//! creator's tracking link, read wherever real exports keep them. Only the utm values are
//! ever kept (docs/import-formats.md, "Link evidence").

use super::codes::tag;
use super::columns::{Cells, Col, Columns};
use crate::domain::ChannelHint;

/// The `utm_source` and `utm_campaign` in a cell of notes, as UTM-capture apps write them
/// into Shopify's `Note Attributes` (`utm_source: x`, `UTM source: x`, `utm_source=x`, one
/// per line), inside a landing URL (`…?utm_source=x&utm_campaign=y`), or inside a JSON value
/// as tracking apps keep a visit (`_elevar_visitor_info: {"utm_source":"x",…}`, at any
/// depth). Normalised like codes. Nothing else of the cell is kept: it holds addresses, IP
/// addresses, referrers and click ids.
pub(crate) fn utm_from_notes(cell: &str) -> (Option<String>, Option<String>) {
    let (mut source, mut campaign) = (None, None);
    let key_of = |k: &str| k.trim().to_ascii_lowercase().replace([' ', '-'], "_");
    let keep = |v: &str| tag(&percent_decode(v));
    for line in cell.lines() {
        // A JSON value: its utm keys, wherever they are in it.
        if let Some(json) = json_in(line) {
            let found = utm_in_json(&json);
            source = source.or(found.0);
            campaign = campaign.or(found.1);
            continue;
        }
        // A landing URL: its query's utm_ parameters.
        if let Some(query) = line.split_once('?').map(|(_, q)| q) {
            for pair in query.split(['&', ' ']) {
                match pair.split_once('=') {
                    Some((k, v)) if key_of(k) == "utm_source" => source = source.or(keep(v)),
                    Some((k, v)) if key_of(k) == "utm_campaign" => campaign = campaign.or(keep(v)),
                    _ => {}
                }
            }
            continue;
        }
        let Some((k, v)) = line.split_once([':', '=']) else {
            continue;
        };
        match key_of(k).as_str() {
            "utm_source" => source = keep(v).or(source),
            "utm_campaign" => campaign = keep(v).or(campaign),
            _ => {}
        }
    }
    (source, campaign)
}

/// Click ids only ads put on a link: Google (`gclid`, `gbraid`, `wbraid`, `dclid`),
/// Microsoft (`msclkid`), TikTok (`ttclid`), X (`twclid`), Snapchat (`sccid`), LinkedIn
/// (`li_fat_id`) and Pinterest (`epik`) ads. Not `fbclid`: Meta adds it to every click out of
/// Instagram and Facebook, a creator's post as much as an ad.
const PAID_CLICK_IDS: [&str; 10] = [
    "gclid",
    "gbraid",
    "wbraid",
    "dclid",
    "msclkid",
    "ttclid",
    "twclid",
    "sccid",
    "li_fat_id",
    "epik",
];
/// Keys under which tracking apps keep the page a visit came from.
const REFERRER_KEYS: [&str; 4] = ["referrer", "referer", "referring_site", "landing_site_ref"];

/// What a cell of notes says of where the buyer came from when no `utm_source` does: a paid
/// click id anywhere in it (a key of its own, inside a JSON value, or in a landing URL's
/// query) is [`ChannelHint::Paid`]; else a non-empty referrer is [`ChannelHint::Organic`].
/// Only the hint is returned: the click id and the referrer are never kept.
pub(crate) fn channel_hint(cell: &str) -> Option<ChannelHint> {
    let keys = filled_keys(cell);
    if keys.iter().any(|k| PAID_CLICK_IDS.contains(&k.as_str())) {
        Some(ChannelHint::Paid)
    } else if keys.iter().any(|k| REFERRER_KEYS.contains(&k.as_str())) {
        Some(ChannelHint::Organic)
    } else {
        None
    }
}

/// Every key of a cell of notes that has a non-empty value, lower-cased with `-` and spaces
/// as `_`: `key: value` and `key=value` lines, the keys of JSON values at any depth, and the
/// query keys of any URL among them.
fn filled_keys(cell: &str) -> Vec<String> {
    let key_of = |k: &str| k.trim().to_ascii_lowercase().replace([' ', '-'], "_");
    let mut keys = Vec::new();
    let query_keys = |text: &str, keys: &mut Vec<String>| {
        if let Some((_, query)) = text.split_once('?') {
            for pair in query.split(['&', ' ']) {
                if let Some((k, v)) = pair.split_once('=')
                    && !v.trim().is_empty()
                {
                    keys.push(key_of(k));
                }
            }
        }
    };
    for line in cell.lines() {
        if let Some(json) = json_in(line) {
            let mut stack = vec![&json];
            while let Some(v) = stack.pop() {
                match v {
                    serde_json::Value::Object(map) => {
                        for (k, v) in map {
                            if v.as_str().is_some_and(|s| !s.trim().is_empty()) {
                                keys.push(key_of(k));
                                query_keys(v.as_str().unwrap_or_default(), &mut keys);
                            }
                            stack.push(v);
                        }
                    }
                    serde_json::Value::Array(items) => stack.extend(items),
                    _ => {}
                }
            }
            continue;
        }
        query_keys(line, &mut keys);
        if let Some((k, v)) = line.split_once([':', '='])
            && !v.trim().is_empty()
        {
            keys.push(key_of(k));
        }
    }
    keys
}

/// Whether a UTM value is something about a person rather than a tracking tag: an e-mail
/// address, an IP address (with or without a port), or what looks like a postal address (a
/// number among three or more words, or a number and a comma). Such a value is dropped, as
/// the rest of a cell of notes is: shoutout keeps no buyer's address.
pub(crate) fn is_personal(value: &str) -> bool {
    let v = value.trim();
    let ip = |t: &str| {
        t.parse::<std::net::IpAddr>().is_ok() || t.parse::<std::net::SocketAddr>().is_ok()
    };
    let has_digit = v.chars().any(|c| c.is_ascii_digit());
    v.contains('@')
        || ip(v)
        || ip(v.trim_matches(['[', ']']))
        || (has_digit && (v.contains(',') || v.split_whitespace().count() >= 3))
}

/// The JSON object a line holds from its first `{` to its last `}`, if it reads as one.
fn json_in(line: &str) -> Option<serde_json::Value> {
    let (start, end) = (line.find('{')?, line.rfind('}')?);
    if end <= start {
        return None;
    }
    serde_json::from_str(&line[start..=end]).ok()
}

/// The first `utm_source` and `utm_campaign` string values in a JSON value (keys in any case,
/// `-` or space for `_`), searched depth first; normalised like codes.
fn utm_in_json(value: &serde_json::Value) -> (Option<String>, Option<String>) {
    let (mut source, mut campaign) = (None, None);
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    let key = k.trim().to_ascii_lowercase().replace([' ', '-'], "_");
                    match (key.as_str(), v.as_str()) {
                        ("utm_source", Some(s)) => source = source.or_else(|| tag(s)),
                        ("utm_campaign", Some(s)) => campaign = campaign.or_else(|| tag(s)),
                        _ => stack.push(v),
                    }
                }
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    (source, campaign)
}

/// `%20`-style escapes decoded (invalid ones left as they are).
fn percent_decode(text: &str) -> String {
    let bytes = text.trim().as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Where a WooCommerce file keeps link evidence: a `utm_source` column (the plugin can export
/// the order attribution meta), or the Analytics `Attribution`/`Origin` column whose
/// `Source: x` is the visit's utm_source.
#[derive(Clone, Copy, Default)]
pub(crate) struct LinkColumns {
    source: Option<Col>,
    campaign: Option<Col>,
    origin: Option<Col>,
}

impl LinkColumns {
    pub fn find(columns: &Columns) -> Self {
        LinkColumns {
            source: columns.find(&[
                "utm_source",
                "UTM Source",
                "_wc_order_attribution_utm_source",
                "Meta: _wc_order_attribution_utm_source",
                "Attribution Source",
            ]),
            campaign: columns.find(&[
                "utm_campaign",
                "UTM Campaign",
                "_wc_order_attribution_utm_campaign",
                "Meta: _wc_order_attribution_utm_campaign",
            ]),
            origin: columns.find(&["Attribution", "Origin"]),
        }
    }

    /// The row's `utm_source` and `utm_campaign`, normalised like codes.
    pub fn read(&self, c: &Cells) -> (Option<String>, Option<String>) {
        let origin = c.opt_text(self.origin);
        let from_origin = origin
            .split_once(':')
            .filter(|(kind, _)| kind.trim().eq_ignore_ascii_case("source"))
            .and_then(|(_, v)| tag(v));
        (
            c.opt_tag(self.source).or(from_origin),
            c.opt_tag(self.campaign),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utm_values_are_read_from_notes_in_every_spelling() {
        for cell in [
            "utm_source: clayandkiln\nutm_campaign: spring",
            "UTM source: ClayAndKiln\nUTM Campaign: Spring",
            "utm_source=clayandkiln\nutm-campaign=spring",
            "landing_page: https://shop.example/?utm_source=clayandkiln&utm_campaign=spring",
        ] {
            assert_eq!(
                utm_from_notes(cell),
                (Some("CLAYANDKILN".into()), Some("SPRING".into())),
                "{cell}"
            );
        }
        // Addresses and the rest are never taken.
        assert_eq!(
            utm_from_notes("ip: 203.0.113.9\nshipping_address: 1 Main St"),
            (None, None)
        );
        assert_eq!(
            utm_from_notes("utm_source: slow%20mornings").0,
            Some("SLOW MORNINGS".into())
        );
    }

    #[test]
    fn utm_values_are_read_inside_a_tracking_apps_json() {
        let cell = "_elevar_visitor_info: {\"user_id\":\"a1\",\"session_count\":\"2\",\
            \"referrer\":\"https://l.instagram.com/?u=x&e=y\",\"utm_source\":\"clayandkiln\",\
            \"utm_medium\":\"social\",\"utm_campaign\":\"spring\",\"fbclid\":\"IwAR0x\"}\n\
            shipping_address: 1 Main St";
        assert_eq!(
            utm_from_notes(cell),
            (Some("CLAYANDKILN".into()), Some("SPRING".into()))
        );
        // Nested, in any spelling; a visit without utm keys gives none (the referrer and the
        // click id are never taken).
        assert_eq!(
            utm_from_notes("visit: {\"first\":{\"UTM Source\":\"pinterest\"}}").0,
            Some("PINTEREST".into())
        );
        assert_eq!(
            utm_from_notes("_elevar_visitor_info: {\"referrer\":\"https://google.com/?q=mug\"}"),
            (None, None)
        );
    }

    /// A paid click id, wherever it is, makes a paid hint; a referrer alone an organic one;
    /// Meta's `fbclid` (on every click out of Instagram) and empty values make none.
    #[test]
    fn click_ids_and_referrers_are_read_as_hints_only() {
        let paid = [
            "_elevar_visitor_info: {\"referrer\":\"https://www.google.com/\",\"gclid\":\"Cj0KCQ\"}",
            "landing_site: https://shop.example/products/mug?msclkid=abc123&x=1",
            "ttclid: E.C.P.abc",
            "visit: {\"first\":{\"landing\":\"https://shop.example/?gbraid=0AAAA\"}}",
        ];
        for cell in paid {
            assert_eq!(channel_hint(cell), Some(ChannelHint::Paid), "{cell}");
        }
        let organic = [
            "_elevar_visitor_info: {\"referrer\":\"https://l.instagram.com/?u=x\",\"fbclid\":\"IwAR0\"}",
            "referring_site: https://www.pinterest.com/",
        ];
        for cell in organic {
            assert_eq!(channel_hint(cell), Some(ChannelHint::Organic), "{cell}");
        }
        for none in [
            "",
            "gift_message: happy birthday",
            "{\"referrer\":\"\",\"gclid\":\"\"}",
            "fbclid=IwAR0",
        ] {
            assert_eq!(channel_hint(none), None, "{none}");
        }
    }
}
