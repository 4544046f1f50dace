//! Where a file may be written, and how: the one set of rules behind `--output`, Save, Save As,
//! Export and the recovery copy.
//!
//! The rules (the README's "Writing files" states them for people):
//! - A path ending in `/`, or naming a directory, is refused: it needs a file name.
//! - A symbolic link is followed (to any depth, at most 40 links): the file it points to is the
//!   one replaced, and the link stays a link. A dangling link creates the file it names.
//! - An existing target that is not a regular file (a FIFO, a device such as `/dev/null`, a
//!   socket) is refused: it is never replaced, and never opened (a FIFO could block).
//! - A read-only target is refused (no write permission bit, or not writable by this user).
//! - A target with more than one hard link is refused: replacing it would silently split the
//!   links (the other names would keep the old content).
//! - An existing target keeps its permission bits (a `0600` file stays `0600`).
//! - The bytes go to a short-named temporary file in the same directory
//!   (`.cloudshift-<pid>-<n>.tmp`, so any legal file name works), which is synced and then
//!   renamed over the target: the old file is never truncated, and a failure leaves it exactly
//!   as it was. The directory is synced afterwards (best effort).
//! - [`write_output`] also refuses to write over any of the given input files (compared as
//!   files, so another path or a hard link to an input is caught too).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::error::SaveError;
use super::load::not_regular;

/// Most symbolic links followed from the path to the file written (as Linux's `ELOOP`).
const MAX_SYMLINK_HOPS: usize = 40;
/// Attempts at a fresh temporary name before giving up.
const TEMPORARY_ATTEMPTS: u32 = 16;

/// Writes `bytes` to `path` by the rules above, refusing to write over any file in
/// `protected_inputs` (the files a command read). On any failure the target is untouched.
pub fn write_output(
    path: &Path,
    bytes: &[u8],
    protected_inputs: &[&Path],
) -> Result<(), SaveError> {
    let target = resolve_target(path)?;
    for input in protected_inputs {
        if same_file(&target, input) {
            return Err(refused(
                path,
                format!(
                    "it is the input file {}; writing there would replace it (choose another name)",
                    input.display()
                ),
            ));
        }
    }
    write_to_target(path, &target, bytes)
}

/// Writes `bytes` to `path` by the rules above: resolve links, refuse what must not be
/// replaced, write a temporary beside the target, sync it, rename it over the target.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let target = resolve_target(path)?;
    write_to_target(path, &target, bytes)
}

fn write_to_target(path: &Path, target: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let existing = existing_permissions(path, target)?;
    let directory = parent_directory(target);
    match std::fs::metadata(directory) {
        Ok(metadata) if metadata.is_dir() => {}
        Ok(_) => {
            return Err(io_error(
                path,
                format!("{} is not a directory", directory.display()),
            ));
        }
        Err(error) => {
            return Err(io_error(
                path,
                format!("the folder {} cannot be used: {error}", directory.display()),
            ));
        }
    }
    let (temporary, mut file) = create_temporary(directory, existing.is_some())
        .map_err(|e| io_error(path, e.to_string()))?;
    let result = (|| {
        if let Some(permissions) = existing {
            file.set_permissions(permissions)?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temporary, target)
    })();
    if let Err(error) = result {
        // Best effort: the temporary may already be gone.
        let _ = std::fs::remove_file(&temporary);
        return Err(io_error(path, error.to_string()));
    }
    // Best effort: makes the rename itself durable; some file systems refuse to sync a folder.
    if let Ok(folder) = std::fs::File::open(directory) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// The file a write to `path` lands in: `path` itself, or where its chain of links ends.
fn resolve_target(path: &Path) -> Result<PathBuf, SaveError> {
    if path.as_os_str().is_empty() {
        return Err(refused(
            path,
            "the path is empty; give a file name".to_owned(),
        ));
    }
    if ends_with_separator(path) {
        return Err(refused(
            path,
            "it names a directory (it ends with '/'); give a file name".to_owned(),
        ));
    }
    let mut current = path.to_path_buf();
    for _ in 0..=MAX_SYMLINK_HOPS {
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link =
                    std::fs::read_link(&current).map_err(|e| io_error(path, e.to_string()))?;
                current = if link.is_absolute() {
                    link
                } else {
                    parent_directory(&current).join(link)
                };
            }
            Ok(_) => return Ok(current),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(current),
            Err(error) => return Err(io_error(path, error.to_string())),
        }
    }
    Err(refused(
        path,
        format!("more than {MAX_SYMLINK_HOPS} symbolic links lead from it"),
    ))
}

/// The permissions to keep, if the (resolved) target exists; an error if it must not be replaced.
fn existing_permissions(
    path: &Path,
    target: &Path,
) -> Result<Option<std::fs::Permissions>, SaveError> {
    let metadata = match std::fs::symlink_metadata(target) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(io_error(path, error.to_string())),
    };
    if metadata.is_dir() {
        return Err(refused(
            path,
            "it is a directory; give a file name inside it".to_owned(),
        ));
    }
    if let Some(kind) = not_regular(metadata.file_type()) {
        return Err(refused(
            path,
            format!("it is {kind}, not a regular file; cloudshift replaces only regular files"),
        ));
    }
    if metadata.permissions().readonly() || !writable_by_me(target) {
        return Err(refused(
            path,
            "the file is read-only; cloudshift does not replace read-only files".to_owned(),
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let links = metadata.nlink();
        if links > 1 {
            return Err(refused(
                path,
                format!(
                    "the file has {links} hard links; replacing it would leave the other names \
                     with the old content (write to a new name, or remove the other links)"
                ),
            ));
        }
    }
    Ok(Some(metadata.permissions()))
}

/// Whether this user may write the (regular, existing) file: opening it for writing, without
/// truncating or changing it, is the check the system itself makes.
fn writable_by_me(target: &Path) -> bool {
    match std::fs::OpenOptions::new().write(true).open(target) {
        Ok(_) => true,
        Err(error) => error.kind() != std::io::ErrorKind::PermissionDenied,
    }
}

/// A fresh temporary file in `directory`; private (`0600`) when it will take over an existing
/// file's permissions, so its content is never more readable than the file it replaces.
fn create_temporary(directory: &Path, private: bool) -> std::io::Result<(PathBuf, std::fs::File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let mut last_error = None;
    for _ in 0..TEMPORARY_ATTEMPTS {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!(
            ".cloudshift-{:x}-{:x}.tmp",
            std::process::id(),
            n.wrapping_add(nanos)
        );
        let temporary = directory.join(name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            if private {
                options.mode(0o600);
            }
        }
        #[cfg(not(unix))]
        let _ = private;
        match options.open(&temporary) {
            Ok(file) => return Ok((temporary, file)),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                last_error = Some(error);
            }
            Err(error) => return Err(error),
        }
    }
    Err(last_error.unwrap_or_else(|| std::io::Error::other("no free temporary name")))
}

/// Whether `a` and `b` are the same file (following links); false if either does not exist.
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(first), Ok(second)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        first.dev() == second.dev() && first.ino() == second.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (first, second);
        matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
    }
}

/// The folder a file lives in (`.` for a bare name).
fn parent_directory(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

fn ends_with_separator(path: &Path) -> bool {
    let text = path.as_os_str().to_string_lossy();
    text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR)
}

fn refused(path: &Path, reason: String) -> SaveError {
    SaveError::Refused {
        path: path.to_path_buf(),
        reason,
    }
}

fn io_error(path: &Path, reason: String) -> SaveError {
    SaveError::Io {
        path: path.to_path_buf(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(tag: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("cloudshift-rules-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn temporary_names_are_short_so_a_long_legal_name_can_be_written() {
        let dir = dir("long");
        let target = dir.join(format!("{}.csv", "x".repeat(240)));
        write_atomically(&target, b"a").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"a");
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_written_through_and_stays_a_link() {
        let dir = dir("link");
        let real = dir.join("real.csv");
        std::fs::write(&real, "old").unwrap();
        let link = dir.join("link.csv");
        std::os::unix::fs::symlink("real.csv", &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn the_input_is_protected_even_under_another_name() {
        let dir = dir("input");
        let input = dir.join("in.ron");
        std::fs::write(&input, "scenario").unwrap();
        let other_name = dir.join(".").join("in.ron");
        let error = write_output(&other_name, b"csv", &[&input]).unwrap_err();
        assert!(error.to_string().contains("input file"), "{error}");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "scenario");
    }
}
