//! Writing a file whole or not at all: every file wirecheck writes for a user (a baseline, the
//! files `wirecheck init` scaffolds) goes to a temporary file beside it, renamed into place once
//! complete, so an interrupted or failed run leaves the previous file as it was.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically. The folder must exist.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    complete_beside(path, bytes)?
        .persist(path)
        .map_err(|e| e.error)?;
    Ok(())
}

/// Writes `bytes` to `path` atomically unless `path` already exists; `Ok(false)` when it did.
/// The check and the rename are one step, so a file created meanwhile is never overwritten.
pub fn create(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    match complete_beside(path, bytes)?.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e.error),
    }
}

/// A temporary file in `path`'s folder holding `bytes`, flushed to disk: renaming it is then
/// the only step left, and the rename cannot be seen half done.
fn complete_beside(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new();
    // These are files to review and commit: readable as any file the user writes (the umask
    // still applies), not private as a temporary file is.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut temp = temp.prefix(".wirecheck-").tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_never_clobbers_on_create() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        write(&path, b"one\n").unwrap();
        write(&path, b"two\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two\n");
        assert!(!create(&path, b"three\n").unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two\n");
        assert!(create(&dir.path().join("b.yaml"), b"b\n").unwrap());
        let leftovers = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".wirecheck-")
            })
            .count();
        assert_eq!(leftovers, 0);
    }
}
