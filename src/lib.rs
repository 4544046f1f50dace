//! cloudshift: a model of the cloud-infrastructure market and of giant tenants moving between
//! clouds, with its scenario files, command line and desktop app.

pub mod cli;
pub mod edits;
pub mod history;
pub mod insight;
pub mod model;
pub mod report;
pub mod scenario;
pub mod ui;
pub mod units;
