//! shoutout: which influencer partnerships pay back, computed exactly from a shop's own
//! order exports and kept in one SQLite file.
//!
//! Data flows one way: files and keyboard → [`store`] → [`metrics::Facts`] → pure
//! [`metrics::scorecard`] → views and exports.
//!
//! | module | what it is for |
//! |---|---|
//! | [`domain`] | pure types and validation: money, dates, influencers, costs, posts, orders |
//! | [`metrics`] | every formula, as pure functions over facts; "today" is a parameter |
//! | [`store`] | SQLite: opening, migrations, every query; the only module that writes SQL |
//! | [`import`] | shop order exports → order records; preview and one-transaction import; product cost files |
//! | [`export`] | everything that leaves as text: the scorecard's and lift's CSV and tables, the entry lists' row definitions, the HTML report and its SVG charts, the text views, safe file writing |
//! | [`demo`] | the built-in demo shop |
//! | [`launch`] | where the database is, opening it, the clock: shared by both front ends |
//! | [`tui`] | the interactive terminal app |
//! | [`cli`] | the headless command line |

pub mod cli;
pub mod demo;
pub mod domain;
pub mod export;
pub mod import;
pub mod launch;
pub mod metrics;
pub mod store;
pub mod tui;
