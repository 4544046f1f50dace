//! The recent-files list: most recent first, without duplicates, files that still exist.

use std::path::{Path, PathBuf};

/// Most recent files remembered.
pub const MAX_RECENT: usize = 10;

/// Puts `path` first in `recent`, without duplicates, keeping at most [`MAX_RECENT`].
pub fn remember_recent(recent: &mut Vec<PathBuf>, path: &Path) {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    recent.retain(|p| *p != path);
    recent.insert(0, path);
    recent.truncate(MAX_RECENT);
}

/// Drops files that no longer exist (and any duplicates), keeping at most [`MAX_RECENT`].
pub fn prune_recent(recent: &mut Vec<PathBuf>) {
    let mut seen = std::collections::HashSet::new();
    recent.retain(|p| p.is_file() && seen.insert(p.clone()));
    recent.truncate(MAX_RECENT);
}
