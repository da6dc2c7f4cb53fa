//! Publishing a set of output files into a directory as one step.
//!
//! `newskg export -o DIR` writes several files. A reader of `DIR` (or a crash
//! of newskg) must see either the whole previous export or the whole new one,
//! never a mix and never a truncated file. On Linux this is done by writing
//! the new set into a private staging directory next to `DIR` and exchanging
//! the two directories with one `renameat2(RENAME_EXCHANGE)` call; the old
//! contents are then deleted. This is only done when `DIR` holds nothing but
//! newskg's own files (so a user's other files, and sub-directories, are never
//! moved); otherwise — and on file systems or systems without the exchange —
//! each file is replaced atomically on its own.
//!
//! Exports into the same directory are serialised by an advisory lock on
//! `DIR/.newskg.lock`. Because the exchange replaces that file too, a waiting
//! process checks after taking the lock that its file is still the one at the
//! path, and retries otherwise.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The lock file's name inside the output directory.
pub const LOCK_NAME: &str = ".newskg.lock";
/// Prefix of temporary files and staging directories.
const TMP_PREFIX: &str = ".newskg-";

/// An exclusive advisory lock on an output directory, released on drop.
#[derive(Debug)]
pub struct DirLock {
    _file: File,
}

impl DirLock {
    /// Creates `dir` if needed and waits until no other newskg process is
    /// writing into it.
    pub fn acquire(dir: &Path) -> Result<DirLock> {
        let path = dir.join(LOCK_NAME);
        loop {
            fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            let file = fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(|e| Error::io(&path, e))?;
            file.lock().map_err(|e| Error::io(&path, e))?;
            if still_current(&file, &path) {
                return Ok(DirLock { _file: file });
            }
            // the directory was exchanged while we waited: lock the new one
        }
    }
}

#[cfg(unix)]
fn still_current(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(held), Ok(now)) => held.dev() == now.dev() && held.ino() == now.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_current(_file: &File, _path: &Path) -> bool {
    true
}

/// One file to publish: its name in the directory and how to write it.
pub type Writer<'a> = Box<dyn Fn(&mut dyn Write) -> io::Result<()> + Send + Sync + 'a>;

/// Writes `files` into `dir` (created if missing) so that the directory
/// always holds the previous set or the new set, whole. Returns the paths
/// written, in the order given. The caller holds no lock; this takes it.
pub fn publish(dir: &Path, files: Vec<(String, Writer<'_>)>) -> Result<Vec<PathBuf>> {
    let _lock = DirLock::acquire(dir)?;
    let targets: Vec<PathBuf> = files.iter().map(|(n, _)| dir.join(n)).collect();
    let ours: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    if let Some(parent) = swappable(dir, &ours) {
        if publish_by_exchange(dir, &parent, &files)? {
            return Ok(targets);
        }
    }
    use rayon::prelude::*;
    files
        .par_iter()
        .zip(targets.par_iter())
        .try_for_each(|((_, write), path)| write_atomic(path, |w| write(w)))?;
    Ok(targets)
}

/// Writes a file atomically: into a temporary file in the same directory,
/// then renamed over the target, so a reader (or a crash) never sees a
/// half-written file.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let dir: PathBuf = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| Error::io(&dir, e))?;
    {
        let mut buf = io::BufWriter::new(tmp.as_file_mut());
        write(&mut buf).map_err(|e| Error::io(path, e))?;
        buf.flush().map_err(|e| Error::io(path, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// The parent directory when `dir` may be replaced as a whole: it is a real
/// directory (not a symbolic link, not `.`), and everything in it is a
/// regular file newskg writes — one of `ours`, the lock, or a temporary file
/// a killed run left.
fn swappable(dir: &Path, ours: &[&str]) -> Option<PathBuf> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    dir.file_name()?;
    let meta = fs::symlink_metadata(dir).ok()?;
    if !meta.is_dir() {
        return None;
    }
    for entry in fs::read_dir(dir).ok()? {
        let entry = entry.ok()?;
        let name = entry.file_name();
        let name = name.to_str()?;
        let known = name == LOCK_NAME
            || ours.contains(&name)
            || is_graph_file(name)
            || (name.starts_with(TMP_PREFIX) && name.ends_with(".tmp"));
        if !known || !entry.file_type().ok()?.is_file() {
            return None;
        }
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some(parent)
}

/// A file of another export format (kept across an export of fewer formats).
fn is_graph_file(name: &str) -> bool {
    matches!(
        name,
        "graph.ttl" | "graph.nt" | "graph.jsonld" | "graph.dot" | "graph.nq"
    )
}

/// The staging directory's name prefix for `dir`: `.NAME.newskg-`.
fn staging_prefix(dir: &Path) -> String {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}{TMP_PREFIX}")
}

/// Publishes by exchanging a complete staging directory with `dir`.
/// `Ok(false)` means the exchange is not possible here (another file system,
/// an unwritable parent, no `renameat2`): nothing was changed, and the caller
/// replaces file by file. Write errors (a full disk…) are real errors.
fn publish_by_exchange(dir: &Path, parent: &Path, files: &[(String, Writer<'_>)]) -> Result<bool> {
    let prefix = staging_prefix(dir);
    remove_stale_staging(parent, &prefix);
    let Ok(staging) = tempfile::Builder::new().prefix(&prefix).tempdir_in(parent) else {
        return Ok(false);
    };
    if let Ok(meta) = fs::metadata(dir) {
        let _ = fs::set_permissions(staging.path(), meta.permissions());
    }
    write_all_into(staging.path(), dir, files)?;
    carry_over(dir, staging.path(), files);
    if let Ok(d) = File::open(staging.path()) {
        let _ = d.sync_all();
    }
    if !exchange(staging.path(), dir) {
        return Ok(false);
    }
    // `staging` now holds the previous export; dropping it deletes it
    if let Ok(d) = File::open(parent) {
        let _ = d.sync_all();
    }
    drop(staging);
    Ok(true)
}

/// Writes every file into `staging` (named after its place in `dir` in errors).
fn write_all_into(staging: &Path, dir: &Path, files: &[(String, Writer<'_>)]) -> Result<()> {
    use rayon::prelude::*;
    files.par_iter().try_for_each(|(name, write)| {
        let shown = dir.join(name);
        let path = staging.join(name);
        let file = File::create(&path).map_err(|e| Error::io(&shown, e))?;
        let mut buf = io::BufWriter::new(file);
        write(&mut buf).map_err(|e| Error::io(&shown, e))?;
        let file = buf
            .into_inner()
            .map_err(|e| Error::io(&shown, e.into_error()))?;
        file.sync_all().map_err(|e| Error::io(&shown, e))
    })?;
    // a fresh lock file, so the next export locks the directory now in place
    File::create(staging.join(LOCK_NAME)).map_err(|e| Error::io(&dir.join(LOCK_NAME), e))?;
    Ok(())
}

/// Keeps graph files of formats not written this time (hard link, or copy).
fn carry_over(dir: &Path, staging: &Path, files: &[(String, Writer<'_>)]) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if is_graph_file(name) && !files.iter().any(|(n, _)| n == name) {
            let (from, to) = (entry.path(), staging.join(name));
            if fs::hard_link(&from, &to).is_err() {
                let _ = fs::copy(&from, &to);
            }
        }
    }
}

/// Deletes staging directories that a killed run left behind. Only called
/// under the directory's lock, so none of them belongs to a live export.
fn remove_stale_staging(parent: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_str().is_some_and(|n| n.starts_with(prefix))
            && entry.file_type().is_ok_and(|t| t.is_dir())
        {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
}
