//! Feeds arbitrary bytes to every import reader: an error or an import, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shoutout::import::{Format, ImportOptions, Mapping, import_reader};
use shoutout::store::Store;

fuzz_target!(|data: &[u8]| {
    let mapping = Mapping::from_toml(
        "order_id = \"id\"\ndate = \"date\"\ndate_format = \"%Y-%m-%d\"\namount = \"amount\"\ncodes = \"codes\"",
    )
    .expect("a valid mapping");
    for format in Format::ALL {
        let mut store = Store::open_in_memory().expect("in-memory store");
        let options = ImportOptions {
            format,
            mapping: (format == Format::Mapped).then(|| mapping.clone()),
            ..ImportOptions::new("2026-01-01T00:00:00+00:00")
        };
        let _ = import_reader(&mut store, std::path::Path::new("fuzz.csv"), data, &options);
    }
});
