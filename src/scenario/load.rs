//! Reading a scenario: size and encoding guards, version first, RON parse, then every rule.

use std::io::Read as _;
use std::path::Path;

use super::check::{check, normalise_placements};
use super::convert::from_file;
use super::error::LoadError;
use super::file_format::{FORMAT_VERSION, OLDEST_FORMAT_VERSION, ScenarioFile, VersionProbe};
use crate::model::Scenario;

/// Largest scenario file accepted, in bytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// Deepest nesting the parser follows; a valid scenario needs 5.
const RECURSION_LIMIT: usize = 16;

/// Loads and validates a scenario file.
pub fn load_path(path: &Path) -> Result<Scenario, LoadError> {
    let origin = path.display().to_string();
    let io_error = |e: std::io::Error| LoadError::Io {
        origin: origin.clone(),
        reason: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    if !metadata.is_file() {
        return Err(LoadError::Io {
            origin,
            reason: "not a regular file".to_owned(),
        });
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            origin,
            size_bytes: metadata.len(),
        });
    }
    // Read at most one byte past the limit, in case the file grows while being read.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    load_bytes(&bytes, &origin)
}

/// Loads and validates a scenario from raw bytes; `origin` names it in messages.
pub fn load_bytes(bytes: &[u8], origin: &str) -> Result<Scenario, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            origin: origin.to_owned(),
            size_bytes: bytes.len() as u64,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(&bytes[..e.valid_up_to()]);
        LoadError::NotUtf8 {
            origin: origin.to_owned(),
            line,
            column,
        }
    })?;
    load_str(text, origin)
}

/// Loads and validates a scenario from text; `origin` names it in messages.
pub fn load_str(text: &str, origin: &str) -> Result<Scenario, LoadError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            origin: origin.to_owned(),
            size_bytes: text.len() as u64,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Implicit `Some` lets `margin: 0.2` and `monte_carlo: (..)` be written bare, as MODEL.md does;
    // `Some(0.2)` is accepted too.
    let options = ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);

    // The version first: a newer file is reported as such, not as a list of unknown fields.
    if let Ok(VersionProbe {
        version: Some(found),
    }) = options.from_str::<VersionProbe>(text)
    {
        if found > u64::from(FORMAT_VERSION) {
            return Err(LoadError::NewerVersion {
                origin: origin.to_owned(),
                found,
                supported: FORMAT_VERSION,
            });
        }
        if found < u64::from(OLDEST_FORMAT_VERSION) {
            return Err(LoadError::UnknownVersion {
                origin: origin.to_owned(),
                found,
            });
        }
    }

    let file: ScenarioFile = options.from_str(text).map_err(|e| LoadError::Syntax {
        origin: origin.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })?;
    let invalid = |error| LoadError::Invalid {
        origin: origin.to_owned(),
        error,
    };
    let mut scenario = from_file(file).map_err(invalid)?;
    normalise_placements(&mut scenario);
    check(&scenario).map_err(invalid)?;
    Ok(scenario)
}

/// 1-based line and column (in characters) just after `prefix`.
fn line_column(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let column = text
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, column)
}
