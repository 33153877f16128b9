//! `shoutout-shopgen --orders N --influencers M --seed S OUTDIR`: writes a reproducible
//! Shopify export and roster for benchmarks and large tests.

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
    let spec = shoutout::generate::ShopSpec {
        orders: a.orders,
        influencers: a.influencers,
        seed: a.seed,
    };
    let shop = shoutout::generate::write_shop(spec, &a.outdir)?;
    println!(
        "wrote {} orders in {} rows to {}",
        a.orders,
        shop.rows,
        shop.orders.display()
    );
    Ok(())
}
