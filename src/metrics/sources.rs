//! Link sources that are a marketing tool, not a creator: e-mail and SMS tools, affiliate
//! platforms and paid ads. Their orders came through the shop's own channels, so the lift
//! model leaves them out of the orders a creator's posts could have brought, and the import
//! names them as what they are rather than as "nobody's".

/// The kind of marketing tool a `utm_source` names, if it names one (in any case, with `-`,
/// space or `_` alike).
pub fn marketing_tool(source: &str) -> Option<&'static str> {
    const TOOLS: [(&str, &[&str]); 3] = [
        (
            "an e-mail or SMS tool",
            &[
                "klaviyo",
                "attentive",
                "mailchimp",
                "omnisend",
                "postscript",
                "sendinblue",
                "brevo",
                "drip",
                "convertkit",
                "kit",
                "flodesk",
                "shopify_email",
                "email",
                "e_mail",
                "newsletter",
                "sms",
            ],
        ),
        (
            "an affiliate platform",
            &[
                "awin",
                "shareasale",
                "impact",
                "rakuten",
                "cj",
                "refersion",
                "goaffpro",
                "uppromote",
                "partnerize",
                "tapfiliate",
                "affiliate",
            ],
        ),
        (
            "paid ads",
            &[
                "google_ads",
                "googleads",
                "adwords",
                "meta_ads",
                "facebook_ads",
                "fb_ads",
                "tiktok_ads",
                "pinterest_ads",
                "bing_ads",
                "cpc",
                "ppc",
                "paid",
                "paid_click",
            ],
        ),
    ];
    let key = source.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    TOOLS
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(kind, _)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_mail_sms_affiliate_and_ads_sources_are_tools_and_creators_are_not() {
        assert_eq!(marketing_tool("KLAVIYO"), Some("an e-mail or SMS tool"));
        assert_eq!(
            marketing_tool("Shopify-Email"),
            Some("an e-mail or SMS tool")
        );
        assert_eq!(marketing_tool("ShareASale"), Some("an affiliate platform"));
        assert_eq!(marketing_tool("facebook ads"), Some("paid ads"));
        assert_eq!(marketing_tool(crate::domain::PAID_CLICK), Some("paid ads"));
        for creator in ["SARAH", "clayandkiln", "instagram", "facebook", "pinterest"] {
            assert_eq!(marketing_tool(creator), None, "{creator}");
        }
    }
}
