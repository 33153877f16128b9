//! The shop's money settings, by the names people type and the keys they are stored under,
//! with the check every value passes (the command line and the app's settings form both use
//! it).

use crate::domain::{ValueError, parse_percent};

/// Cost of goods, % of net revenue.
pub const COGS_PCT: &str = "cogs_pct";
/// Payment fee, % of net revenue.
pub const PAYMENT_FEE_PCT: &str = "payment_fee_pct";
/// Payment fee per counted order.
pub const PAYMENT_FEE_FIXED: &str = "payment_fee_fixed";
/// Days after an order before its commission is earned (refunds may still come).
pub const REFUND_HOLD_DAYS: &str = "refund_hold_days";
/// The refund hold when none is set.
pub const DEFAULT_HOLD_DAYS: u32 = 30;
/// Followers from which a creator is micro (below: nano).
pub const TIER_MICRO: &str = "tier_micro";
/// Followers from which a creator is macro.
pub const TIER_MACRO: &str = "tier_macro";
/// Followers from which a creator is mega.
pub const TIER_MEGA: &str = "tier_mega";

/// The usual engagement rate of a nano creator, `low-high` in percent (default 5-15).
pub const ENG_NANO: &str = "eng_nano";
/// Likewise micro (default 3-8).
pub const ENG_MICRO: &str = "eng_micro";
/// Likewise macro (default 2-5).
pub const ENG_MACRO: &str = "eng_macro";
/// Likewise mega (default 1-3).
pub const ENG_MEGA: &str = "eng_mega";

/// The usual engagement % on TikTok, YouTube and Pinterest: four ranges, nano to mega
/// (defaults in `metrics::EngagementRanges`).
pub const ENG_TIKTOK: &str = "eng_tiktok";
pub const ENG_YOUTUBE: &str = "eng_youtube";
pub const ENG_PINTEREST: &str = "eng_pinterest";
/// The keys of [`ENG_TIKTOK`], [`ENG_YOUTUBE`] and [`ENG_PINTEREST`], in
/// `metrics::RANGED_PLATFORMS` order.
pub const ENG_PLATFORMS: [&str; 3] = [ENG_TIKTOK, ENG_YOUTUBE, ENG_PINTEREST];

/// Days without a post after which a gift needs a follow-up (default 21).
pub const GIFT_FOLLOW_UP_DAYS: &str = "gift_follow_up_days";

/// Whether the app opens with what moved since the last time (`on` by default, or `off`).
pub const SINCE_LAST_TIME: &str = "since_last_time";

/// Days after a customer's first order that her lifetime value counts (default 365).
pub const LTV_DAYS: &str = "ltv_days";
/// The longest window `ltv-days` may set (two years).
pub const MAX_LTV_DAYS: u32 = 730;
/// LTV:CAC from which a creator's buyers are worth their cost with room to spare (default 3).
pub const LTV_HEALTHY: &str = "ltv_healthy";
/// LTV:CAC from which they pay for themselves, thinly (default 1; below it, losing).
pub const LTV_THIN: &str = "ltv_thin";

/// A setting: the name people type, its stored key, and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setting {
    pub name: &'static str,
    pub key: &'static str,
    pub what: &'static str,
}

/// Every setting.
pub const SETTINGS: [Setting; 19] = [
    Setting {
        name: "cogs-pct",
        key: COGS_PCT,
        what: "cost of goods, % of net revenue",
    },
    Setting {
        name: "payment-fee-pct",
        key: PAYMENT_FEE_PCT,
        what: "payment fee, % of net revenue",
    },
    Setting {
        name: "payment-fee-fixed",
        key: PAYMENT_FEE_FIXED,
        what: "payment fee per counted order",
    },
    Setting {
        name: "refund-hold-days",
        key: REFUND_HOLD_DAYS,
        what: "days before commission is earned (default 30)",
    },
    Setting {
        name: "tier-micro",
        key: TIER_MICRO,
        what: "followers from which a creator is micro (default 10000)",
    },
    Setting {
        name: "tier-macro",
        key: TIER_MACRO,
        what: "followers from which a creator is macro (default 100000)",
    },
    Setting {
        name: "tier-mega",
        key: TIER_MEGA,
        what: "followers from which a creator is mega (default 1000000)",
    },
    Setting {
        name: "eng-nano",
        key: ENG_NANO,
        what: "usual engagement % of a nano creator, low-high (default 5-15)",
    },
    Setting {
        name: "eng-micro",
        key: ENG_MICRO,
        what: "usual engagement % of a micro creator, low-high (default 3-8)",
    },
    Setting {
        name: "eng-macro",
        key: ENG_MACRO,
        what: "usual engagement % of a macro creator, low-high (default 2-5)",
    },
    Setting {
        name: "eng-mega",
        key: ENG_MEGA,
        what: "usual engagement % of a mega creator, low-high (default 1-3)",
    },
    Setting {
        name: "eng-tiktok",
        key: ENG_TIKTOK,
        what: "usual engagement % on TikTok, nano to mega (default 8-25,5-18,4-12,2-8)",
    },
    Setting {
        name: "eng-youtube",
        key: ENG_YOUTUBE,
        what: "usual engagement % on YouTube, nano to mega (default 2-8,1.5-6,1-4,0.5-3)",
    },
    Setting {
        name: "eng-pinterest",
        key: ENG_PINTEREST,
        what: "usual engagement % on Pinterest, nano to mega (default 0.5-4,0.3-2.5,0.2-1.5,0.1-1)",
    },
    Setting {
        name: "gift-follow-up-days",
        key: GIFT_FOLLOW_UP_DAYS,
        what: "days without a post before a gift needs a follow-up (default 21)",
    },
    Setting {
        name: "since-last-time",
        key: SINCE_LAST_TIME,
        what: "on opening the app, what moved since last time: on (default) or off",
    },
    Setting {
        name: "ltv-days",
        key: LTV_DAYS,
        what: "days after a first order that lifetime value counts (default 365, up to 730)",
    },
    Setting {
        name: "ltv-healthy",
        key: LTV_HEALTHY,
        what: "LTV:CAC from which a creator is healthy (default 3)",
    },
    Setting {
        name: "ltv-thin",
        key: LTV_THIN,
        what: "LTV:CAC from which a creator is thin, below it losing (default 1)",
    },
];

/// The setting a typed name means (`cogs-pct`, `cogs_pct`, `COGS-PCT`).
pub fn setting_named(name: &str) -> Result<Setting, ValueError> {
    let wanted = name.trim().to_ascii_lowercase().replace('_', "-");
    SETTINGS
        .into_iter()
        .find(|s| s.name == wanted)
        .ok_or_else(|| {
            ValueError::new(
                name,
                "a setting: cogs-pct, payment-fee-pct, payment-fee-fixed, refund-hold-days, \
             tier-micro, tier-macro, tier-mega, eng-nano, eng-micro, eng-macro, eng-mega, \
             eng-tiktok, eng-youtube, eng-pinterest, gift-follow-up-days, since-last-time, ltv-days, ltv-healthy or ltv-thin",
            )
        })
}

/// Checks a value for a setting and returns it as stored: a percentage from 0 to 100, an
/// amount of 0 or more, or whole days from 0 to 365.
pub fn check_setting(setting: Setting, value: &str) -> Result<String, ValueError> {
    Ok(match setting.key {
        COGS_PCT | PAYMENT_FEE_PCT => parse_percent(value)?.normalize().to_string(),
        PAYMENT_FEE_FIXED => crate::domain::parse_nonnegative_amount(value)?
            .normalize()
            .to_string(),
        TIER_MICRO | TIER_MACRO | TIER_MEGA => crate::domain::parse_count(value)?.to_string(),
        SINCE_LAST_TIME => match value.trim().to_ascii_lowercase().as_str() {
            "on" | "yes" | "true" => "on".to_string(),
            "off" | "no" | "false" => "off".to_string(),
            _ => return Err(ValueError::new(value, "on or off")),
        },
        LTV_DAYS => value
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=MAX_LTV_DAYS).contains(d))
            .ok_or_else(|| ValueError::new(value, "a number of days from 1 to 730"))?
            .to_string(),
        LTV_HEALTHY | LTV_THIN => crate::domain::parse_nonnegative_amount(value)?
            .normalize()
            .to_string(),
        ENG_TIKTOK | ENG_YOUTUBE | ENG_PINTEREST => parse_tier_ranges(value)?
            .iter()
            .map(|(lo, hi)| format!("{}-{}", lo.normalize(), hi.normalize()))
            .collect::<Vec<_>>()
            .join(","),
        ENG_NANO | ENG_MICRO | ENG_MACRO | ENG_MEGA => {
            let (lo, hi) = parse_range(value)?;
            format!("{}-{}", lo.normalize(), hi.normalize())
        }
        _ => value
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| *d <= 365)
            .ok_or_else(|| ValueError::new(value, "a number of days from 0 to 365"))?
            .to_string(),
    })
}

/// Four percent ranges, nano to mega, separated by commas (`8-25, 5-18, 4-12, 2-8`).
pub fn parse_tier_ranges(
    value: &str,
) -> Result<[(rust_decimal::Decimal, rust_decimal::Decimal); 4], ValueError> {
    let bad = || ValueError::new(value, "four ranges, nano to mega, like 8-25,5-18,4-12,2-8");
    let ranges: Vec<_> = value
        .split(',')
        .map(parse_range)
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    ranges.try_into().map_err(|_| bad())
}

/// A percent range `low-high` (`5-15`, `2.5 - 8`), low below high.
pub fn parse_range(
    value: &str,
) -> Result<(rust_decimal::Decimal, rust_decimal::Decimal), ValueError> {
    let bad = || ValueError::new(value, "a range of percentages like 5-15");
    let (lo, hi) = value.split_once('-').ok_or_else(bad)?;
    let (lo, hi) = (
        parse_percent(lo).map_err(|_| bad())?,
        parse_percent(hi).map_err(|_| bad())?,
    );
    if lo >= hi {
        return Err(bad());
    }
    Ok((lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_named_and_checked() {
        assert_eq!(setting_named("COGS_PCT").unwrap().key, COGS_PCT);
        assert!(setting_named("tax").is_err());
        let s = |n| setting_named(n).unwrap();
        assert_eq!(check_setting(s("cogs-pct"), "40.50").unwrap(), "40.5");
        assert!(check_setting(s("cogs-pct"), "140").is_err());
        assert_eq!(
            check_setting(s("payment-fee-fixed"), "0.30").unwrap(),
            "0.3"
        );
        assert!(check_setting(s("payment-fee-fixed"), "-1").is_err());
        assert_eq!(check_setting(s("refund-hold-days"), " 14 ").unwrap(), "14");
        assert!(check_setting(s("refund-hold-days"), "400").is_err());
        assert_eq!(
            check_setting(s("eng-nano"), " 4.5 - 12 ").unwrap(),
            "4.5-12"
        );
        for bad in ["12-4", "5", "5-150", "a-b"] {
            assert!(check_setting(s("eng-micro"), bad).is_err(), "{bad}");
        }
        assert_eq!(
            check_setting(s("eng-tiktok"), "8-25, 5 - 18,4-12,2-8").unwrap(),
            "8-25,5-18,4-12,2-8"
        );
        for bad in ["8-25,5-18,4-12", "8-25,5-18,4-12,8-2", "8-25;5-18;4-12;2-8"] {
            assert!(check_setting(s("eng-tiktok"), bad).is_err(), "{bad}");
        }
    }
}
