//! The tables that the command line prints and the app shows and exports, built once from the
//! model's outputs: the projection, the simulation summary and the comparison, each rendered for
//! people (units), as CSV or as JSON.

mod compare;
mod projection;
mod report;
mod simulation;
mod solve;

pub use compare::reports as compare_reports;
pub use compare::{distribution_words, letter_columns};
pub use projection::report as projection_report;
pub use report::*;
pub use simulation::{measure_unit, summary_entries, summary_report};
pub use solve::solve_error_text;
