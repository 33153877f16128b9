//! `shoutout-shopgen --orders N --influencers M --seed S OUTDIR`: writes a reproducible
//! Shopify export and roster for benchmarks and large tests.

mod generate;

use clap::Parser;

/// Write a deterministic demo shop: a 79-column Shopify orders export and a roster.
#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 1000)]
    orders: usize,
    #[arg(long, default_value_t = 20)]
    influencers: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write shopify_orders.csv, influencers.csv, costs.csv and posts.csv
    outdir: std::path::PathBuf,
}

fn main() -> anyhow::Result<()> {
    let a = Args::parse();
    let spec = generate::ShopSpec {
        orders: a.orders,
        influencers: a.influencers,
        seed: a.seed,
    };
    let shop = generate::write_shop(spec, &a.outdir)?;
    println!(
        "wrote {} orders in {} rows to {}",
        a.orders,
        shop.rows,
        shop.orders.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::generate::*;
    use std::path::Path;

    #[test]
    fn the_same_seed_writes_the_same_shop_and_it_imports() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let spec = ShopSpec {
            orders: 300,
            influencers: 7,
            seed: 42,
        };
        let shop = write_shop(spec, a.path()).unwrap();
        write_shop(spec, b.path()).unwrap();
        let read = |p: &Path| std::fs::read(p).unwrap();
        assert_eq!(
            read(&shop.orders),
            read(&b.path().join("shopify_orders.csv"))
        );
        assert!(shop.rows > 300);
        assert_eq!(SHOPIFY_HEADER.split(',').count(), 79);

        let mut store = shoutout::store::Store::open_in_memory().unwrap();
        shoutout::demo::load_roster(
            &mut store,
            &std::fs::read_to_string(&shop.influencers).unwrap(),
            &std::fs::read_to_string(&shop.costs).unwrap(),
            &std::fs::read_to_string(&shop.posts).unwrap(),
        )
        .unwrap();
        let summary = shoutout::import::import_file(
            &mut store,
            &shop.orders,
            &shoutout::import::ImportOptions::new("2026-11-22T10:00:00+00:00"),
        )
        .unwrap();
        assert_eq!(summary.counts.new, 300);
        assert_eq!(summary.counts.invalid, 0);
        assert_eq!(store.influencers().unwrap().len(), 7);
    }
}
