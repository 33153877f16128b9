//! Influencers (creators) and the platforms they post on.

use crate::domain::{ValueError, parse_percent};
use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

/// Where a creator publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Platform {
    Instagram,
    Tiktok,
    Youtube,
    Pinterest,
    Facebook,
    Blog,
    Other,
}

impl Platform {
    pub const ALL: [Platform; 7] = [
        Platform::Instagram,
        Platform::Tiktok,
        Platform::Youtube,
        Platform::Pinterest,
        Platform::Facebook,
        Platform::Blog,
        Platform::Other,
    ];

    /// The lower-case name used on the command line, in SQLite and in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Instagram => "instagram",
            Platform::Tiktok => "tiktok",
            Platform::Youtube => "youtube",
            Platform::Pinterest => "pinterest",
            Platform::Facebook => "facebook",
            Platform::Blog => "blog",
            Platform::Other => "other",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Platform {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Platform::ALL
            .into_iter()
            .find(|p| p.as_str() == wanted)
            .ok_or_else(|| {
                ValueError::new(
                    s,
                    "a platform: instagram, tiktok, youtube, pinterest, facebook, blog or other",
                )
            })
    }
}

/// Cleans a handle as typed: trims it and drops one leading `@`. Refuses empty handles,
/// whitespace inside and control characters. Uniqueness is case-insensitive (checked by the
/// store).
pub fn normalize_handle(text: &str) -> Result<String, ValueError> {
    const HANDLE: &str = "a handle like @clayandkiln (no spaces, at most 64 characters)";
    let t = text.trim();
    let t = t.strip_prefix('@').unwrap_or(t);
    if t.is_empty()
        || t.chars().count() > 64
        || t.chars()
            .any(|c| c.is_whitespace() || crate::domain::text::is_unsafe(c))
    {
        return Err(ValueError::new(text, HANDLE));
    }
    Ok(t.to_string())
}

/// An influencer as entered, validated and ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInfluencer {
    pub handle: String,
    pub name: String,
    pub platform: Platform,
    pub followers: u64,
    /// Commission on attributed net revenue, in percent (10 means 10 %).
    pub commission_pct: Decimal,
    pub notes: String,
}

impl NewInfluencer {
    /// An Instagram creator with `followers` followers and no commission: for tests.
    #[cfg(test)]
    pub(crate) fn example(handle: &str, followers: u64) -> NewInfluencer {
        NewInfluencer {
            handle: handle.to_string(),
            name: String::new(),
            platform: Platform::Instagram,
            followers,
            commission_pct: Decimal::ZERO,
            notes: String::new(),
        }
    }

    /// Builds an influencer from typed values, checked as [`NewInfluencer::parse`] checks
    /// text: a handle given without its `@`, at most [`crate::domain::MAX_COUNT`] followers, a
    /// commission from 0 to 100 % with at most 2 decimals. The command line builds one this
    /// way, the app through `parse`: both go through the same checks.
    pub fn new(
        handle: &str,
        name: &str,
        platform: Platform,
        followers: u64,
        commission_pct: Decimal,
    ) -> Result<Self, (&'static str, ValueError)> {
        // Already without its @ (parse and the command line strip one): checked as it is.
        let handle = normalize_handle(&format!("@{handle}")).map_err(|e| ("handle", e))?;
        crate::domain::check_count("followers", followers)?;
        parse_percent(&commission_pct.to_string()).map_err(|e| ("commission", e))?;
        Ok(NewInfluencer {
            handle,
            name: name.trim().to_string(),
            platform,
            followers,
            commission_pct,
            notes: String::new(),
        })
    }

    /// Builds an influencer from typed text, naming the first field that is wrong.
    pub fn parse(
        handle: &str,
        name: &str,
        platform: &str,
        followers: &str,
        commission_pct: &str,
    ) -> Result<Self, (&'static str, ValueError)> {
        let handle = normalize_handle(handle).map_err(|e| ("handle", e))?;
        let platform = platform.parse().map_err(|e| ("platform", e))?;
        let followers = crate::domain::parse_count(followers).map_err(|e| ("followers", e))?;
        let commission_pct = if commission_pct.trim().is_empty() {
            Decimal::ZERO
        } else {
            parse_percent(commission_pct).map_err(|e| ("commission", e))?
        };
        NewInfluencer::new(&handle, name, platform, followers, commission_pct)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms_parse_case_insensitively_and_round_trip() {
        for p in Platform::ALL {
            assert_eq!(p.as_str().parse::<Platform>().unwrap(), p);
        }
        assert_eq!("TikTok".parse::<Platform>().unwrap(), Platform::Tiktok);
        assert!("myspace".parse::<Platform>().is_err());
    }

    #[test]
    fn handles_lose_one_at_sign_and_refuse_spaces() {
        assert_eq!(normalize_handle(" @clay_kiln ").unwrap(), "clay_kiln");
        assert!(normalize_handle("@").is_err());
        assert!(normalize_handle("two words").is_err());
        assert_eq!(normalize_handle("陶芸🏺").unwrap(), "陶芸🏺");
    }

    #[test]
    fn parse_names_the_wrong_field() {
        let err = NewInfluencer::parse("ana", "", "instagram", "12,5", "").unwrap_err();
        assert_eq!(err.0, "followers");
        let k = NewInfluencer::parse("ana", "", "instagram", "12k", "").unwrap();
        assert_eq!(k.followers, 12_000);
        let ok = NewInfluencer::parse("ana", " Ana ", "instagram", "12000", "").unwrap();
        assert_eq!(ok.name, "Ana");
        assert_eq!(ok.commission_pct, Decimal::ZERO);
    }
}
