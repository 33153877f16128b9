//! Posts a creator published, with their audience and engagement counts, and the UTM tracking
//! links that point readers at the shop.

use crate::domain::Platform;
use chrono::NaiveDate;

/// A post as entered. Counts that were not reported are `None`; engagement treats a missing
/// like/comment/share/save count as 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPost {
    pub platform: Platform,
    pub posted_on: NaiveDate,
    /// Followers at the time of the post (defaults to the influencer's current count).
    pub followers: u64,
    pub likes: Option<u64>,
    pub comments: Option<u64>,
    pub shares: Option<u64>,
    pub saves: Option<u64>,
    pub views: Option<u64>,
    pub reach: Option<u64>,
    pub impressions: Option<u64>,
    pub clicks: Option<u64>,
    pub url: String,
    pub format: String,
}

impl NewPost {
    /// Checks every count is at most [`crate::domain::MAX_COUNT`]: the store refuses a post
    /// that does not pass, whoever built it.
    pub fn check(&self) -> Result<(), (&'static str, crate::domain::ValueError)> {
        use crate::domain::check_count;
        check_count("followers", self.followers)?;
        for (field, count) in [
            ("likes", self.likes),
            ("comments", self.comments),
            ("shares", self.shares),
            ("saves", self.saves),
            ("views", self.views),
            ("reach", self.reach),
            ("impressions", self.impressions),
            ("clicks", self.clicks),
        ] {
            if let Some(n) = count {
                check_count(field, n)?;
            }
        }
        Ok(())
    }
}

/// Builds a tracking link: `base` with `utm_source`, `utm_medium`, `utm_campaign` and
/// `utm_content` added (empty parts left out), values percent-encoded. A base that already
/// has a query string gets `&` rather than a second `?`.
pub fn utm_link(base: &str, source: &str, medium: &str, campaign: &str, content: &str) -> String {
    let base = base.trim();
    let mut out = base.to_string();
    let mut sep = if base.contains('?') { '&' } else { '?' };
    for (key, value) in [
        ("utm_source", source),
        ("utm_medium", medium),
        ("utm_campaign", campaign),
        ("utm_content", content),
    ] {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        out.push(sep);
        sep = '&';
        out.push_str(key);
        out.push('=');
        out.push_str(&percent_encode(value));
    }
    out
}

fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utm_links_encode_and_skip_empty_parts() {
        assert_eq!(
            utm_link(
                "https://shop.example/mugs",
                "clay_kiln",
                "instagram",
                "spring 26",
                ""
            ),
            "https://shop.example/mugs?utm_source=clay_kiln&utm_medium=instagram&utm_campaign=spring%2026"
        );
        assert_eq!(
            utm_link("https://s.example/?ref=1", "a", "", "", "story_jan15"),
            "https://s.example/?ref=1&utm_source=a&utm_content=story_jan15"
        );
    }
}
