//! What can go wrong loading or saving a scenario, each as one clear line for people.

use std::path::PathBuf;

/// A rule of MODEL.md that a scenario's values break: which field, and what the rule is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ValidationError {
    /// Path of the field at fault, e.g. `providers[AWS].share`.
    pub field: String,
    /// The rule broken, with the valid range or the value found.
    pub message: String,
}

impl ValidationError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Why a scenario file could not be loaded. `origin` is the path (or a name such as `<clipboard>`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("{origin}: cannot read the file: {reason}")]
    Io { origin: String, reason: String },
    #[error("{origin}: the file is {size_bytes} bytes; a scenario file may be at most 1 MiB")]
    TooLarge { origin: String, size_bytes: u64 },
    #[error("{origin}:{line}:{column}: the file is not valid UTF-8 text")]
    NotUtf8 {
        origin: String,
        line: usize,
        column: usize,
    },
    #[error("{origin}:{line}:{column}: {message}")]
    Syntax {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{origin}: the file is format version {found}, newer than this cloudshift reads \
         (version {supported}); update cloudshift to open it"
    )]
    NewerVersion {
        origin: String,
        found: u64,
        supported: u32,
    },
    #[error(
        "{origin}: version: {found} is not a known format version (this cloudshift reads 1 and 2)"
    )]
    UnknownVersion { origin: String, found: u64 },
    #[error("{origin}: {error}")]
    Invalid {
        origin: String,
        error: ValidationError,
    },
}

/// Why a scenario could not be saved. The target file is untouched in every case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{path}: cannot save: {reason}", path = path.display())]
    Io { path: PathBuf, reason: String },
    /// A target the write rules refuse (a directory, a device, a read-only file, an input...).
    #[error("{path}: cannot save there: {reason}", path = path.display())]
    Refused { path: PathBuf, reason: String },
    #[error("cannot write the scenario as RON: {0}")]
    Serialize(String),
    #[error("cannot save an invalid scenario: {0}")]
    Invalid(#[from] ValidationError),
}
