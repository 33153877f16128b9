//! Date parsing: never panics, and what it accepts prints back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shoutout::domain::parse_date;

fuzz_target!(|text: &str| {
    if let Ok(date) = parse_date(text) {
        assert_eq!(date.to_string(), text.trim());
    }
});
