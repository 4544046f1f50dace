//! Recovery copies of unsaved work: the scenario as RON plus the path it came from, written
//! atomically into a data directory, read back on the next start. No UI here.

use std::path::{Path, PathBuf};

use super::error::{LoadError, SaveError};
use super::load::load_path;
use super::save::{to_ron_string, write_atomically};
use crate::model::Scenario;

/// File name of the recovery copy inside the recovery directory.
const SCENARIO_FILE: &str = "recovery.ron";
/// File name of the original path (one line of UTF-8), present only if the work had a file.
const ORIGIN_FILE: &str = "recovery-origin.txt";

/// A recovered copy: the scenario and the file it had been opened from, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    pub scenario: Scenario,
    pub original_path: Option<PathBuf>,
}

/// Where recovery copies live. Build it on the platform data directory with
/// [`RecoveryStore::platform`], or on any directory (tests) with [`RecoveryStore::new`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// A store in `dir` (created on the first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The store in the platform data directory (`$XDG_DATA_HOME/cloudshift/recovery` on Linux),
    /// or `None` if the platform has no home directory.
    pub fn platform() -> Option<Self> {
        directories::ProjectDirs::from("", "", "cloudshift")
            .map(|dirs| Self::new(dirs.data_dir().join("recovery")))
    }

    /// The directory holding the copy.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Path of the recovery copy itself.
    pub fn scenario_path(&self) -> PathBuf {
        self.dir.join(SCENARIO_FILE)
    }

    fn origin_path(&self) -> PathBuf {
        self.dir.join(ORIGIN_FILE)
    }

    /// Whether a recovery copy is waiting.
    pub fn exists(&self) -> bool {
        self.scenario_path().is_file()
    }

    /// Writes `scenario` (and where it came from) atomically, replacing any earlier copy.
    pub fn write(
        &self,
        scenario: &Scenario,
        original_path: Option<&Path>,
    ) -> Result<(), SaveError> {
        std::fs::create_dir_all(&self.dir).map_err(|e| SaveError::Io {
            path: self.dir.clone(),
            reason: e.to_string(),
        })?;
        let text = to_ron_string(scenario)?;
        match original_path {
            Some(path) => {
                write_atomically(&self.origin_path(), path.to_string_lossy().as_bytes())?;
            }
            None => remove_if_present(&self.origin_path()),
        }
        write_atomically(&self.scenario_path(), text.as_bytes())
    }

    /// Reads the copy back: `Ok(None)` if there is none, an error if it is corrupt
    /// (it is then left where it is; call [`RecoveryStore::set_aside`]).
    pub fn read(&self) -> Result<Option<Recovered>, LoadError> {
        if !self.exists() {
            return Ok(None);
        }
        let scenario = load_path(&self.scenario_path())?;
        let original_path = std::fs::read_to_string(self.origin_path())
            .ok()
            .map(|text| text.trim_end_matches('\n').to_owned())
            .filter(|text| !text.is_empty())
            .map(PathBuf::from);
        Ok(Some(Recovered {
            scenario,
            original_path,
        }))
    }

    /// Removes the copy (after a normal save, or when the person discards it).
    pub fn remove(&self) {
        remove_if_present(&self.scenario_path());
        remove_if_present(&self.origin_path());
    }

    /// Moves a corrupt copy aside (`recovery.ron.corrupt-<secs>`) so it neither blocks the next
    /// start nor gets lost. Returns where it went.
    pub fn set_aside(&self) -> std::io::Result<PathBuf> {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let target = self.dir.join(format!("{SCENARIO_FILE}.corrupt-{secs}"));
        std::fs::rename(self.scenario_path(), &target)?;
        remove_if_present(&self.origin_path());
        Ok(target)
    }
}

/// Best effort: a file that is already gone is what we wanted.
fn remove_if_present(path: &Path) {
    let _ = std::fs::remove_file(path);
}
