//! Changed-only runs: which stories a set of changed files touches (`check PATHS…`, or
//! `check --changed-since REV`, which asks git for the files). A version file or a story folder
//! touches its story, a claim file the story it names; a lexicon, the project config or the
//! corpus or claims folder as a whole touches every story. Each touched story is still checked
//! against all its versions.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

/// The stories a run must check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Touched {
    All,
    Stories(BTreeSet<String>),
}

/// The files that differ between `rev` and the working tree, untracked ones included, as
/// absolute paths. Renames count as a deletion and an addition, so both stories are checked.
pub fn changed_since(rev: &str, cwd: &Path) -> Result<Vec<PathBuf>, String> {
    let top = git(cwd, &["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
    let mut paths = Vec::new();
    let changed = git(
        &top,
        &["diff", "--name-only", "--no-renames", "-z", rev, "--"],
    )?;
    let untracked = git(&top, &["ls-files", "--others", "--exclude-standard", "-z"])?;
    for name in changed.split('\0').chain(untracked.split('\0')) {
        if !name.is_empty() {
            paths.push(top.join(name));
        }
    }
    Ok(paths)
}

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr.lines().next().unwrap_or("").trim();
        return Err(format!("`git {}` failed: {first}", args.join(" ")));
    }
    String::from_utf8(output.stdout).map_err(|_| "git printed a path that is not UTF-8".into())
}

/// The stories `paths` touch (relative paths are taken from `cwd`).
pub fn touched(paths: &[PathBuf], corpus: &Path, claims: &Path, cwd: &Path) -> Touched {
    let corpus = absolute(corpus, cwd);
    let claims = absolute(claims, cwd);
    let mut stories = BTreeSet::new();
    for path in paths {
        let path = absolute(path, cwd);
        // A folder holding the corpus or the claims (`.`, the repository) holds every story.
        if corpus.starts_with(&path) || claims.starts_with(&path) {
            return Touched::All;
        }
        if path
            .file_name()
            .is_some_and(|n| n == crate::config::FILE_NAME)
        {
            return Touched::All;
        }
        if let Ok(rest) = path.strip_prefix(&corpus) {
            if let Some(Component::Normal(story)) = rest.components().next() {
                let story = story.to_string_lossy();
                if !story.starts_with('.') {
                    stories.insert(story.into_owned());
                }
            }
        } else if let Ok(rest) = path.strip_prefix(&claims) {
            let is_claim_file = rest.components().count() == 1
                && path.extension().is_some_and(|e| e == "yaml" || e == "yml");
            match path.file_stem() {
                Some(stem) if is_claim_file => {
                    stories.insert(stem.to_string_lossy().into_owned());
                }
                // A lexicon, or anything else the claim files may load.
                _ => return Touched::All,
            }
        }
    }
    Touched::Stories(stories)
}

/// An absolute path with symbolic links resolved as far as it exists (a deleted file's folder
/// may remain), so that paths given in different ways compare equal.
fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let joined = cwd.join(path);
    let mut existing = joined.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            out.extend(rest.iter().rev());
            return normalise(&out);
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return normalise(&joined),
        }
    }
}

/// `.` and `..` resolved without asking the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stories(names: &[&str]) -> Touched {
        Touched::Stories(names.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn paths_map_to_the_stories_they_touch() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("corpus/fire")).unwrap();
        std::fs::create_dir_all(root.join("claims/lexicon")).unwrap();
        let (corpus, claims) = (Path::new("corpus"), Path::new("claims"));
        let touched = |paths: &[&str]| {
            let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
            super::touched(&paths, corpus, claims, root)
        };
        assert_eq!(
            touched(&[
                "corpus/fire/a.txt",
                "./corpus/flood/gone.txt",
                "claims/storm.yaml",
                "README.md",
                "corpus/.DS_Store"
            ]),
            stories(&["fire", "flood", "storm"])
        );
        assert_eq!(touched(&["corpus/fire"]), stories(&["fire"]));
        assert_eq!(touched(&["claims/lexicon/ranks.yaml"]), Touched::All);
        assert_eq!(touched(&["corpus"]), Touched::All);
        assert_eq!(touched(&["."]), Touched::All);
        assert_eq!(touched(&["wirecheck.yaml"]), Touched::All);
        assert_eq!(touched(&[]), stories(&[]));
    }
}
