//! What can go wrong in the store, each case in words for the person at the keyboard (what
//! happened, that nothing was changed where that holds, and what to do).

use thiserror::Error;

/// What can go wrong in the store, in words for the person at the keyboard.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("no influencer with handle '{0}' (see `shoutout influencer list`)")]
    UnknownInfluencer(String),
    #[error("an influencer with handle '{0}' already exists")]
    DuplicateHandle(String),
    #[error(
        "promo code '{code}' already belongs to @{owner} (to move it into a campaign or to \
         another influencer: `shoutout code update {code} --campaign NAME` or `--influencer \
         HANDLE`)"
    )]
    DuplicateCode { code: String, owner: String },
    #[error("no campaign named '{0}'")]
    UnknownCampaign(String),
    #[error("a campaign named '{0}' already exists")]
    DuplicateCampaign(String),
    #[error("{field}: {error}")]
    Invalid {
        field: &'static str,
        error: crate::domain::ValueError,
    },
    #[error(
        "gift {0} came from an import (a gift order): its costs are the import's; change the \
         order in the shop and import again, or undo that import"
    )]
    ImportedGift(i64),
    #[error("there is no {what} with id {id} (see the id column of its list)")]
    NotFound { what: &'static str, id: i64 },
    #[error("no orders were imported for a shop named '{name}' (shops: {known})")]
    UnknownShop { name: String, known: String },
    #[error("there is no import to undo")]
    NothingToUndo,
    #[error(
        "the {0} cannot be put back: what it belonged to is gone, or an entry like it was \
         added since"
    )]
    CannotPutBack(&'static str),
    #[error("the database is busy: another shoutout is writing to it. Try again in a moment")]
    Busy,
    #[error(
        "{path} was written by a newer shoutout (schema {found}, this version knows up to {known}); \
         it was left untouched. Update shoutout to open it"
    )]
    NewerSchema {
        path: String,
        found: i64,
        known: i64,
    },
    #[error(
        "{path} is an SQLite database of another program (it has tables but no shoutout \
         schema); it was left untouched. Choose another file with --db"
    )]
    Foreign { path: String },
    #[error(
        "{path} can only be read here, and it needs an upgrade (schema {found}) that writes \
         to it; open it once where it can be written"
    )]
    ReadOnlyUpgrade { path: String, found: i64 },
    #[error(
        "{path} is not a database (it is not an SQLite file: {what}); it was left untouched. \
         Choose another file with --db"
    )]
    NotADatabase { path: String, what: &'static str },
    #[error(
        "{path} is read-only (its permissions allow no writing), so nothing was changed; \
         reading it works. To change it, make it writable first (chmod u+w)"
    )]
    ReadOnlyFile { path: String },
    #[error(
        "the database is open read-only here (the file or its folder cannot be written), so \
         nothing was changed"
    )]
    ReadOnly,
    #[error("{path} is not a shoutout backup: {reason}")]
    NotABackup { path: String, reason: String },
    #[error("cannot open the database {path}: {error}")]
    Io { path: String, error: std::io::Error },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly,
            _ => StoreError::Sqlite(e),
        }
    }
}

impl From<rusqlite::types::FromSqlError> for StoreError {
    fn from(e: rusqlite::types::FromSqlError) -> Self {
        StoreError::Sqlite(rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            Box::new(e),
        ))
    }
}
