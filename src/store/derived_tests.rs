//! The first-order rule in memory and in SQL, on one shop.

use super::*;
use crate::import::{ImportOptions, import_reader};

#[test]
fn first_orders_agree_in_memory_and_in_sql() {
    let mut store = Store::open_in_memory().unwrap();
    // Repeat buyers, a voided and a cancelled first order, two orders at the same moment,
    // an order without an e-mail.
    let csv = "Name,Email,Financial Status,Currency,Subtotal,Discount Code,Created at,\
               Cancelled at,Customer type\n\
        #1,a@x.com,voided,USD,10.00,ANA,2026-05-01 10:00:00 -0700,,\n\
        #2,a@x.com,paid,USD,11.00,ANA,2026-05-02 10:00:00 -0700,,\n\
        #3,a@x.com,Paid,USD,12.00,,2026-05-03 10:00:00 -0700,,\n\
        #4,b@x.com,paid,USD,13.00,BO,2026-05-01 09:00:00 -0700,2026-05-01 09:30:00 -0700,\n\
        #5,b@x.com,paid,USD,14.00,BO,2026-05-04 10:00:00 -0700,,\n\
        #7,c@x.com,paid,USD,15.00,,2026-05-05 10:00:00 -0700,,\n\
        #6,c@x.com,paid,USD,16.00,ANA,2026-05-05 10:00:00 -0700,,\n\
        #8,,paid,USD,17.00,ANA,2026-05-06 10:00:00 -0700,,\n";
    import_reader(
        &mut store,
        std::path::Path::new("orders.csv"),
        csv.as_bytes(),
        &ImportOptions::new("2026-11-22T10:00:00+00:00"),
    )
    .unwrap();
    let in_memory = stored(&store.conn).unwrap();
    let tx = store.conn.transaction().unwrap();
    let summing = Summing {
        cap: 0,
        ..Summing::new()
    };
    rebuild_with(&tx, summing).unwrap();
    assert_eq!(stored(&tx).unwrap(), in_memory);
    // a's first counted order is #2 (#1 voided), b's #5 (#4 cancelled), c's #6 (same
    // moment as #7, lower number); ids follow the file's rows, so #6 is id 7.
    let mut firsts: Vec<i64> = in_memory.0.iter().map(|&(_, id)| id).collect();
    firsts.sort_unstable();
    assert_eq!(firsts, [2, 5, 7]);
}
