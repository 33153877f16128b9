//! How a database keys its customers: each customer is stored as a 64-bit number keyed with
//! a random secret of that database, so a guessed e-mail cannot be matched to a stored
//! customer without it. Imports key as they write; schema 4 re-keyed older databases.

/// The setting that holds a database's customer secret (64 hex digits).
pub const CUSTOMER_SECRET: &str = "customer_secret";

/// A fresh random secret, as hex.
pub(super) fn new_secret() -> rusqlite::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| {
        rusqlite::Error::ToSqlConversionFailure(Box::new(std::io::Error::other(e.to_string())))
    })?;
    Ok(crate::domain::order::hex(&bytes))
}

/// The stored number of a customer: the first 64 bits of SHA-256(secret ‖ the customer's
/// 64-bit number). Without the database's secret, a guessed e-mail cannot be matched to it.
pub fn keyed_customer(secret: &str, number: i64) -> i64 {
    CustomerKeyer::new(secret).key(number)
}

/// [`keyed_customer`] for many numbers under one secret: the secret is hashed once (64 hex
/// digits are one SHA-256 block), each number then costs one more block.
#[derive(Clone)]
pub struct CustomerKeyer {
    prefix: sha2::Sha256,
}

impl CustomerKeyer {
    pub fn new(secret: &str) -> CustomerKeyer {
        use sha2::Digest;
        let mut prefix = sha2::Sha256::new();
        prefix.update(secret.as_bytes());
        CustomerKeyer { prefix }
    }

    pub fn key(&self, number: i64) -> i64 {
        use sha2::Digest;
        let mut h = self.prefix.clone();
        h.update(number.to_le_bytes());
        let digest = h.finalize();
        i64::from_le_bytes(digest[..8].try_into().expect("8 bytes"))
    }
}

/// The 64-bit customer number of a customer key (the first 16 hex digits of its SHA-256).
pub fn customer_number(key: &str) -> Option<i64> {
    key.get(..16)
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .map(|n| n as i64)
}
