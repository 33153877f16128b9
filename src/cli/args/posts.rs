//! The shapes of `post add` and `post update`: one list of a post's fields for both.

use super::{parse_platform, parse_sentiment};
use crate::domain::{Platform, parse_amount, parse_count, parse_date};
use chrono::NaiveDate;
use clap::Args;
use rust_decimal::Decimal;

#[derive(Debug, Args)]
pub struct PostArgs {
    #[arg(long, value_name = "HANDLE")]
    pub influencer: String,
    #[command(flatten)]
    pub fields: PostFields,
}

#[derive(Debug, Args)]
pub struct PostUpdateArgs {
    /// The post's id (see `post list`)
    pub id: i64,
    /// Move the post to another influencer
    #[arg(long, value_name = "HANDLE")]
    pub influencer: Option<String>,
    #[command(flatten)]
    pub fields: PostFields,
}

/// A post's fields as `post add` and `post update` take them: each one given replaces what
/// was there (for `post add`, what the defaults say).
#[derive(Debug, Args)]
pub struct PostFields {
    /// YYYY-MM-DD [default: today]
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Followers at post time [default: the influencer's follower count]
    #[arg(long, value_parser = parse_count, allow_hyphen_values = true)]
    pub followers: Option<u64>,
    #[arg(long, value_parser = parse_count, allow_hyphen_values = true)]
    pub likes: Option<u64>,
    #[arg(long, value_parser = parse_count, allow_hyphen_values = true)]
    pub comments: Option<u64>,
    #[arg(long, value_parser = parse_count, allow_hyphen_values = true)]
    pub shares: Option<u64>,
    #[arg(long, value_parser = parse_count, allow_hyphen_values = true)]
    pub saves: Option<u64>,
    #[arg(long, value_parser = parse_count, allow_hyphen_values = true)]
    pub views: Option<u64>,
    #[arg(long, value_parser = parse_count, allow_hyphen_values = true)]
    pub reach: Option<u64>,
    #[arg(long, value_parser = parse_count, allow_hyphen_values = true)]
    pub impressions: Option<u64>,
    #[arg(long, value_parser = parse_count, allow_hyphen_values = true)]
    pub clicks: Option<u64>,
    /// [default: the influencer's platform]
    #[arg(long, value_parser = parse_platform)]
    pub platform: Option<Platform>,
    #[arg(long)]
    pub url: Option<String>,
    /// reel, story, video, short, pin, article...
    #[arg(long)]
    pub format: Option<String>,
    #[arg(long)]
    pub campaign: Option<String>,
    /// What reusing her content saved you (a photo shoot, an ad creative)
    #[arg(long, value_parser = parse_amount, allow_hyphen_values = true)]
    pub content_value: Option<Decimal>,
    /// How the post was received: positive, neutral or negative
    #[arg(long, value_parser = parse_sentiment)]
    pub sentiment: Option<crate::domain::Sentiment>,
    /// What people said, or anything worth keeping about the post
    #[arg(long)]
    pub note: Option<String>,
}

impl PostFields {
    /// `post` with every field given here replacing its own.
    pub fn apply(&self, post: &mut crate::domain::NewPost) {
        let text = |given: &Option<String>, to: &mut String| {
            if let Some(t) = given {
                *to = t.trim().to_string();
            }
        };
        post.platform = self.platform.unwrap_or(post.platform);
        post.posted_on = self.date.unwrap_or(post.posted_on);
        post.followers = self.followers.unwrap_or(post.followers);
        let counts = [
            (self.likes, &mut post.likes),
            (self.comments, &mut post.comments),
            (self.shares, &mut post.shares),
            (self.saves, &mut post.saves),
            (self.views, &mut post.views),
            (self.reach, &mut post.reach),
            (self.impressions, &mut post.impressions),
            (self.clicks, &mut post.clicks),
        ];
        for (given, to) in counts {
            if given.is_some() {
                *to = given;
            }
        }
        text(&self.url, &mut post.url);
        text(&self.format, &mut post.format);
        text(&self.note, &mut post.note);
        post.content_value = self.content_value.or(post.content_value);
        post.sentiment = self.sentiment.or(post.sentiment);
    }
}
