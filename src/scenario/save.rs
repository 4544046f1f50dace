//! Writing a scenario as readable RON, atomically: a temporary file beside the target, then rename.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::check::check;
use super::convert::to_file;
use super::error::SaveError;
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

/// Writes `bytes` to a temporary file in `path`'s directory, syncs it, then renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let io = |e: std::io::Error| SaveError::Io {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let temporary = temporary_path(path);
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temporary, path)
    })();
    if let Err(error) = result {
        // Best effort: the temporary may not exist if creating it was what failed.
        let _ = std::fs::remove_file(&temporary);
        return Err(io(error));
    }
    Ok(())
}

/// `dir/.name.ron.tmp-PID` beside the target.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "scenario".into(), |n| n.to_string_lossy().into_owned());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    path.with_file_name(format!(".{name}.tmp-{}-{nanos}", std::process::id()))
}
