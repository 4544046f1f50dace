//! Pure readings of a scenario and its projection, shared by the app and the command line: events
//! found in the projection, worked explanations of its numbers, and guided tours of edits.

pub mod events;
pub mod explain;
pub mod explain_value;
pub mod sources;
pub mod tours;
