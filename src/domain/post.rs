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
    /// What reusing her content saved (a photo shoot, an ad creative).
    pub content_value: Option<rust_decimal::Decimal>,
    pub sentiment: Option<Sentiment>,
    /// What people said, or anything worth keeping about the post.
    pub note: String,
}

impl NewPost {
    /// A post on `platform` on `posted_on` to `followers`, with nothing else reported yet.
    pub fn on(platform: Platform, posted_on: NaiveDate, followers: u64) -> NewPost {
        NewPost {
            platform,
            posted_on,
            followers,
            likes: None,
            comments: None,
            shares: None,
            saves: None,
            views: None,
            reach: None,
            impressions: None,
            clicks: None,
            url: String::new(),
            format: String::new(),
            content_value: None,
            sentiment: None,
            note: String::new(),
        }
    }
}

/// How a post was received.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sentiment {
    Positive,
    Neutral,
    Negative,
}

impl Sentiment {
    pub fn as_str(self) -> &'static str {
        match self {
            Sentiment::Positive => "positive",
            Sentiment::Neutral => "neutral",
            Sentiment::Negative => "negative",
        }
    }
}

impl std::str::FromStr for Sentiment {
    type Err = crate::domain::ValueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "positive" | "+" => Ok(Sentiment::Positive),
            "neutral" | "0" => Ok(Sentiment::Neutral),
            "negative" | "-" => Ok(Sentiment::Negative),
            _ => Err(crate::domain::ValueError::new(
                s,
                "positive, neutral or negative",
            )),
        }
    }
}

impl NewPost {
    /// An Instagram post on `posted_on` to `followers` followers with `likes` likes and no
    /// other count: for tests, which then set what they are about.
    #[cfg(test)]
    pub(crate) fn example(posted_on: NaiveDate, followers: u64, likes: u64) -> NewPost {
        NewPost {
            likes: Some(likes),
            ..NewPost::on(Platform::Instagram, posted_on, followers)
        }
    }

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
        if let Some(v) = self.content_value
            && v < rust_decimal::Decimal::ZERO
        {
            return Err((
                "content-value",
                crate::domain::ValueError::new(&v.to_string(), "an amount of 0 or more"),
            ));
        }
        if self.note.chars().count() > 2000 {
            return Err((
                "note",
                crate::domain::ValueError::new(&self.note, "a note of at most 2000 characters"),
            ));
        }
        Ok(())
    }
}

/// A tracking link as entered: the page and the UTM parts, validated. [`NewLink::url`] is
/// the one place a link is built; the command line, the app and the store all use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLink {
    pub base_url: String,
    /// `utm_source`: the creator's handle.
    pub source: String,
    /// `utm_medium`: the platform unless given.
    pub medium: String,
    /// `utm_campaign`: a campaign's name, or empty.
    pub campaign: String,
    /// `utm_content`, e.g. `story_jan15`, or empty.
    pub content: String,
}

impl NewLink {
    /// Validates the parts of a link for `handle` on `platform`: the page must be a web
    /// address (`http://` or `https://`, a host, no spaces or control characters); an empty
    /// medium is the platform.
    pub fn parse(
        base_url: &str,
        handle: &str,
        platform: crate::domain::Platform,
        medium: &str,
        campaign: &str,
        content: &str,
    ) -> Result<NewLink, (&'static str, crate::domain::ValueError)> {
        let url = base_url.trim();
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        let host_ok = rest.is_some_and(|r| {
            !r.is_empty() && !r.starts_with(['/', '?', '#']) && !r.starts_with('.')
        });
        if !host_ok
            || url
                .chars()
                .any(|c| c.is_whitespace() || crate::domain::text::is_unsafe(c))
        {
            return Err((
                "url",
                crate::domain::ValueError::new(
                    base_url,
                    "a web address starting with https://, like https://shop.example/mugs",
                ),
            ));
        }
        for (field, text) in [
            ("medium", medium),
            ("campaign", campaign),
            ("content", content),
        ] {
            if text.chars().any(crate::domain::text::is_unsafe) {
                return Err((
                    field,
                    crate::domain::ValueError::new(text, "text without control characters"),
                ));
            }
        }
        let medium = match medium.trim() {
            "" => platform.to_string(),
            m => m.to_string(),
        };
        Ok(NewLink {
            base_url: url.to_string(),
            source: handle.trim().trim_start_matches('@').to_string(),
            medium,
            campaign: campaign.trim().to_string(),
            content: content.trim().to_string(),
        })
    }

    /// The link with its UTM parameters.
    pub fn url(&self) -> String {
        utm_link(
            &self.base_url,
            &self.source,
            &self.medium,
            &self.campaign,
            &self.content,
        )
    }
}

/// Builds a tracking link: `base` with `utm_source`, `utm_medium`, `utm_campaign` and
/// `utm_content` (empty parts left out, values percent-encoded). The page's own query
/// parameters are kept, except earlier values of these four, which are replaced; the
/// parameters go before a `#fragment`, which stays at the end.
pub fn utm_link(base: &str, source: &str, medium: &str, campaign: &str, content: &str) -> String {
    let base = base.trim();
    let (page, fragment) = base.split_at(base.find('#').unwrap_or(base.len()));
    let (path, query) = match page.split_once('?') {
        Some((path, query)) => (path, query),
        None => (page, ""),
    };
    let ours: Vec<(&str, &str)> = [
        ("utm_source", source),
        ("utm_medium", medium),
        ("utm_campaign", campaign),
        ("utm_content", content),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.trim()))
    .filter(|(_, v)| !v.is_empty())
    .collect();
    let mut params: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let key = p.split('=').next().unwrap_or("");
            !ours.iter().any(|(k, _)| *k == key)
        })
        .map(str::to_string)
        .collect();
    params.extend(
        ours.iter()
            .map(|(k, v)| format!("{k}={}", percent_encode(v))),
    );
    if params.is_empty() {
        return format!("{path}{fragment}");
    }
    format!("{path}?{}{fragment}", params.join("&"))
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

    #[test]
    fn parameters_go_before_the_fragment_and_replace_old_utm_values() {
        assert_eq!(
            utm_link("https://s.example/mugs#reviews", "ana", "tiktok", "", ""),
            "https://s.example/mugs?utm_source=ana&utm_medium=tiktok#reviews"
        );
        assert_eq!(
            utm_link(
                "https://s.example/?variant=3&utm_source=old#top",
                "ana",
                "",
                "",
                ""
            ),
            "https://s.example/?variant=3&utm_source=ana#top"
        );
        assert_eq!(
            utm_link("https://s.example/x", "", "", "", ""),
            "https://s.example/x"
        );
    }

    #[test]
    fn links_are_validated_once() {
        use crate::domain::Platform;
        let link = NewLink::parse(
            "https://s.example/m",
            "@ana",
            Platform::Tiktok,
            "",
            "spring",
            "",
        )
        .unwrap();
        assert_eq!(link.medium, "tiktok");
        assert_eq!(
            link.url(),
            "https://s.example/m?utm_source=ana&utm_medium=tiktok&utm_campaign=spring"
        );
        for bad in [
            "s.example/m",
            "https://",
            "https:// s.example",
            "ftp://x",
            "https://a\u{1b}b",
        ] {
            assert!(
                NewLink::parse(bad, "ana", Platform::Tiktok, "", "", "").is_err(),
                "{bad}"
            );
        }
    }
}
