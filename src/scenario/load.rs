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
    // The type first, from the path (a FIFO or a device would block, or never end, on open or
    // read); then again on the open file, in case the path was swapped in between.
    let before = std::fs::metadata(path).map_err(io_error)?;
    if let Some(kind) = not_regular(before.file_type()) {
        return Err(LoadError::Io {
            origin,
            reason: format!("it is {kind}, not a regular file"),
        });
    }
    let file = open_without_blocking(path).map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    if let Some(kind) = not_regular(metadata.file_type()) {
        return Err(LoadError::Io {
            origin,
            reason: format!("it is {kind}, not a regular file"),
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

/// Opens for reading; on Unix with `O_NONBLOCK`, so even a FIFO swapped in after the type check
/// cannot block the open (regular files ignore the flag).
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// What a non-regular file is, for messages (`a directory`, `a FIFO (named pipe)`); `None` for a
/// regular file.
pub(crate) fn not_regular(file_type: std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some("a device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
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

    let file: ScenarioFile = options.from_str(text).map_err(|e| {
        let (line, column) = (e.span.start.line, e.span.start.col);
        LoadError::Syntax {
            origin: origin.to_owned(),
            line,
            column,
            message: integer_hint(text, line, column).unwrap_or_else(|| e.code.to_string()),
        }
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

/// Fields whose value is an integer in the file format.
const INTEGER_FIELDS: [&str; 5] = ["version", "base_year", "horizon_years", "samples", "seed"];

/// A clearer message than the parser's ("Expected comma") when a field holds a number it cannot
/// read: an integer field a number that is not a plain integer (`horizon_years: 10.5`, `5e0`,
/// `0x1.8`), a real field a hexadecimal or malformed one (`size: 0x10`). The error then sits
/// inside or right after that number, whose field is named before it.
fn integer_hint(text: &str, line: usize, column: usize) -> Option<String> {
    let source_line = text.lines().nth(line.checked_sub(1)?)?;
    let chars: Vec<char> = source_line.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let in_number = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-');
    let start = chars[..at]
        .iter()
        .rposition(|c| !in_number(*c))
        .map_or(0, |i| i + 1);
    let end = chars[at..]
        .iter()
        .position(|c| !in_number(*c))
        .map_or(chars.len(), |i| at + i);
    let number: String = chars[start..end].iter().collect();
    if !number.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+') {
        return None;
    }
    let before: String = chars[..start].iter().collect();
    let field = before.trim_end().strip_suffix(':')?.trim_end();
    let field = field
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .next()?;
    let digits = number.trim_start_matches(['-', '+']);
    let plain_integer = digits.bytes().all(|b| b.is_ascii_digit() || b == b'_')
        || digits.strip_prefix("0x").is_some_and(|hex| {
            !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit() || b == b'_')
        });
    if INTEGER_FIELDS.contains(&field) {
        // A plain integer that still failed (out of range, say) keeps the parser's message.
        return (!plain_integer).then(|| {
            format!("{field}: expected a whole number (an integer such as 10), found `{number}`")
        });
    }
    (number.parse::<f64>().is_err()).then(|| {
        format!(
            "{field}: `{number}` is not a decimal number (such as 0.25 or 1e-3; hexadecimal is \
             read only where an integer belongs)"
        )
    })
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
