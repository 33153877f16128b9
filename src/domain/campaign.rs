//! Campaigns: an optional grouping of costs, codes, links and posts.

use crate::domain::ValueError;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

/// What a campaign is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignGoal {
    Sales,
    Awareness,
}

impl CampaignGoal {
    pub fn as_str(self) -> &'static str {
        match self {
            CampaignGoal::Sales => "sales",
            CampaignGoal::Awareness => "awareness",
        }
    }
}

impl FromStr for CampaignGoal {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "sales" => Ok(CampaignGoal::Sales),
            "awareness" => Ok(CampaignGoal::Awareness),
            _ => Err(ValueError::new(s, "a goal: sales or awareness")),
        }
    }
}

/// What a campaign aims for, each optional: the Campaigns screen shows progress toward them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CampaignTargets {
    pub revenue: Option<Decimal>,
    pub orders: Option<u64>,
    pub new_customers: Option<u64>,
    pub reach: Option<u64>,
    pub impressions: Option<u64>,
}

/// A campaign as entered, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCampaign {
    pub name: String,
    pub goal: CampaignGoal,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub budget: Option<Decimal>,
    pub targets: CampaignTargets,
}

impl NewCampaign {
    /// Checks the name is present and the dates are in order.
    pub fn validate(&self) -> Result<(), (&'static str, ValueError)> {
        if self.name.trim().is_empty() {
            return Err(("name", ValueError::new("", "a campaign name")));
        }
        if let (Some(s), Some(e)) = (self.starts_on, self.ends_on)
            && e < s
        {
            return Err((
                "end",
                ValueError::new(&e.to_string(), format!("a date on or after {s}")),
            ));
        }
        Ok(())
    }
}
