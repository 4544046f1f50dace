//! Recovery copies of unsaved work: the scenario as RON plus the path it came from, written
//! atomically into a data directory, read back on the next start. No UI here.

use std::path::{Path, PathBuf};

use super::error::{LoadError, SaveError};
use super::load::load_path;
use super::save::to_ron_string;
use super::write_rules::write_atomically;
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

    /// Whether something is waiting at the copy's path: a copy, or anything else there (a
    /// directory, a FIFO), which [`RecoveryStore::read`] then reports instead of ignoring.
    pub fn exists(&self) -> bool {
        std::fs::symlink_metadata(self.scenario_path()).is_ok()
    }

    /// Writes `scenario` (and where it came from) atomically, replacing any earlier copy.
    ///
    /// The two files stay consistent: the copy is written first, and if that fails nothing
    /// changes (the earlier pair stays as it was). If then the origin cannot be written, the
    /// earlier origin is removed rather than left pointing at another file.
    pub fn write(
        &self,
        scenario: &Scenario,
        original_path: Option<&Path>,
    ) -> Result<(), SaveError> {
        let text = to_ron_string(scenario)?;
        std::fs::create_dir_all(&self.dir).map_err(|e| SaveError::Io {
            path: self.dir.clone(),
            reason: e.to_string(),
        })?;
        write_atomically(&self.scenario_path(), text.as_bytes())?;
        let Some(path) = original_path else {
            remove_if_present(&self.origin_path());
            return Ok(());
        };
        write_atomically(&self.origin_path(), path.to_string_lossy().as_bytes())
            .inspect_err(|_| remove_if_present(&self.origin_path()))
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

/// Failures of the repeated recovery writes, told once: a write that fails the same way every
/// 30 seconds is news only the first time. A success clears it, so a later failure is told again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FailureOnce {
    last: Option<String>,
}

impl FailureOnce {
    /// The message to show for this outcome of [`RecoveryStore::write`]: `Some` only for a
    /// failure that differs from the previous outcome.
    pub fn news(&mut self, outcome: &Result<(), SaveError>) -> Option<String> {
        match outcome {
            Ok(()) => {
                self.last = None;
                None
            }
            Err(error) => {
                let message = error.to_string();
                if self.last.as_deref() == Some(message.as_str()) {
                    return None;
                }
                self.last = Some(message.clone());
                Some(message)
            }
        }
    }
}

/// Best effort: a file that is already gone is what we wanted.
fn remove_if_present(path: &Path) {
    let _ = std::fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builtin_baseline;

    fn store(tag: &str) -> RecoveryStore {
        let dir =
            std::env::temp_dir().join(format!("cloudshift-recovery-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        RecoveryStore::new(dir)
    }

    #[test]
    fn a_copy_that_cannot_be_written_leaves_no_origin_behind() {
        let store = store("blocked");
        std::fs::create_dir_all(store.scenario_path()).unwrap();
        let outcome = store.write(&builtin_baseline(), Some(Path::new("/work/a.ron")));
        assert!(outcome.is_err());
        assert!(
            !store.origin_path().exists(),
            "origin written without its copy"
        );
    }

    #[test]
    fn a_folder_that_is_a_file_is_an_error() {
        let store = store("file-folder");
        let file = store.dir().join("not-a-folder");
        std::fs::write(&file, "x").unwrap();
        let inside = RecoveryStore::new(&file);
        assert!(inside.write(&builtin_baseline(), None).is_err());
    }

    #[test]
    fn a_failure_is_news_once_until_a_success() {
        let store = store("once");
        std::fs::create_dir_all(store.scenario_path()).unwrap();
        let mut once = FailureOnce::default();
        let scenario = builtin_baseline();
        assert!(once.news(&store.write(&scenario, None)).is_some());
        assert!(once.news(&store.write(&scenario, None)).is_none());
        assert!(once.news(&store.write(&scenario, None)).is_none());
        std::fs::remove_dir(store.scenario_path()).unwrap();
        assert!(once.news(&store.write(&scenario, None)).is_none());
        std::fs::remove_file(store.scenario_path()).unwrap();
        std::fs::create_dir_all(store.scenario_path()).unwrap();
        assert!(
            once.news(&store.write(&scenario, None)).is_some(),
            "told again"
        );
    }

    #[test]
    fn a_directory_or_fifo_copy_at_start_is_reported_and_set_aside() {
        for kind in ["directory", "fifo"] {
            let store = store(kind);
            if kind == "directory" {
                std::fs::create_dir_all(store.scenario_path()).unwrap();
            } else {
                let made = std::process::Command::new("mkfifo")
                    .arg(store.scenario_path())
                    .status()
                    .unwrap();
                assert!(made.success());
            }
            assert!(store.exists());
            let error = store.read().unwrap_err().to_string();
            assert!(error.contains("not a regular file"), "{kind}: {error}");
            let aside = store.set_aside().unwrap();
            assert!(!store.exists());
            assert!(std::fs::symlink_metadata(aside).is_ok());
        }
    }
}
