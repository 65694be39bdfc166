//! Writing a file whole or not at all: every file wirecheck writes for a user (a baseline, the
//! HTML report, the files `wirecheck init` scaffolds) goes to a temporary file beside it,
//! renamed into place once complete, so an interrupted or failed run leaves the previous file as
//! it was. A run killed outright may leave its temporary file behind: a hidden `.wirecheck-…`
//! file, never read as a claim file, an article or a report.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically. The folder must exist.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_with(path, |out| out.write_all(bytes))
}

/// Writes what `fill` writes to `path` atomically: if `fill` fails, or the process stops before
/// it returns, `path` is left as it was and the temporary file is removed (on failure) or left
/// hidden (when the process is killed). The folder must exist.
pub fn write_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    complete_beside(path, fill)?
        .persist(path)
        .map_err(|e| e.error)?;
    Ok(())
}

/// Writes `bytes` to `path` atomically unless `path` already exists; `Ok(false)` when it did.
/// The check and the rename are one step, so a file created meanwhile is never overwritten.
pub fn create(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    match complete_beside(path, |out| out.write_all(bytes))?.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e.error),
    }
}

/// A temporary file in `path`'s folder holding what `fill` wrote, flushed to disk: renaming it
/// is then the only step left, and the rename cannot be seen half done. On an error the
/// temporary file is dropped, which deletes it.
fn complete_beside(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<tempfile::NamedTempFile> {
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
    {
        let mut out = std::io::BufWriter::new(temp.as_file_mut());
        fill(&mut out)?;
        out.flush()?;
    }
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

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_write_that_fails_halfway_leaves_the_previous_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wirecheck-baseline.yaml");
        let before: Vec<u8> = (0..100_000u32).flat_map(u32::to_le_bytes).collect();
        write(&path, &before).unwrap();
        let after = vec![b'x'; before.len()];
        let failed = write_with(&path, |out| {
            // Half the new file, past any buffer, then the disk fills up.
            out.write_all(&after[..after.len() / 2])?;
            out.flush()?;
            Err(std::io::Error::other("no space left on device"))
        });
        assert_eq!(failed.unwrap_err().to_string(), "no space left on device");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(names(dir.path()), ["wirecheck-baseline.yaml"]);
        // A writer that panics halfway leaves the same.
        let panicked = std::panic::catch_unwind(|| {
            write_with(&path, |out| {
                out.write_all(&after[..10])?;
                panic!("a bug while rendering");
            })
        });
        assert!(panicked.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(names(dir.path()), ["wirecheck-baseline.yaml"]);
        // And a write that completes replaces the file whole.
        write_with(&path, |out| out.write_all(&after)).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), after);
        assert_eq!(names(dir.path()), ["wirecheck-baseline.yaml"]);
    }

    #[test]
    fn a_write_into_a_missing_folder_fails_and_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone/index.html");
        assert!(write(&path, b"page").is_err());
        assert!(names(dir.path()).is_empty());
    }
}
