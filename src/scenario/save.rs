//! Writing a scenario as readable RON, atomically and by the write rules (`write_rules`).

use std::path::Path;

use super::check::check;
use super::convert::to_file;
use super::error::SaveError;
use super::write_rules::write_atomically;
use crate::model::Scenario;

/// The scenario as pretty RON text, the way `save_path` writes it.
pub fn to_ron_string(scenario: &Scenario) -> Result<String, SaveError> {
    check(scenario)?;
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .indentor("    ".to_owned())
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let mut text = ron::Options::default()
        .to_string_pretty(&to_file(scenario), config)
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Saves the scenario to `path`. On any failure the file at `path` is left as it was.
pub fn save_path(scenario: &Scenario, path: &Path) -> Result<(), SaveError> {
    let text = to_ron_string(scenario)?;
    write_atomically(path, text.as_bytes())
}
