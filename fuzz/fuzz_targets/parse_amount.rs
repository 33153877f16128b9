//! Amount parsing: never panics, and what it accepts round-trips through cents exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shoutout::domain::{from_cents, parse_amount, to_cents};
use shoutout::import::NumberStyle;

fuzz_target!(|text: &str| {
    if let Ok(amount) = parse_amount(text) {
        let cents = to_cents(amount).expect("accepted amounts fit in cents");
        assert_eq!(from_cents(cents), amount);
    }
    let _ = NumberStyle::guess(true).amount(text, 1);
    let _ = NumberStyle::guess(false).amount(text, 1);
});
