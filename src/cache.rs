//! The result cache: a story whose inputs have not changed since the last run is not extracted
//! or checked again. Like ruff's, it lives in a folder of its own (`.wirecheck_cache/` unless
//! `--cache-dir` says otherwise; `--no-cache` turns it off), one file per story.
//!
//! An entry is keyed by a hash of everything the story's results depend on: this build of
//! wirecheck, the claim file and the lexicons it loads, and every version file's path and bytes.
//! Any change to any of them is a miss, so a cached result is never stale; a re-check after one
//! version changes redoes that one story. Entries are written to a temporary file and renamed
//! into place (CBOR, via ciborium: self-describing like JSON, but it keeps the infinite ends of
//! open ranges such as "more than 300", which JSON cannot), so an interrupted run leaves the previous entry whole. A cache that cannot be
//! read or written is ignored: it can make a run slower, never different.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::Xxh3;

use crate::claims::ClaimSet;
use crate::corpus::Story;
use crate::finding::Finding;
use crate::graph::ConflictGraph;
use crate::report::{Details, StoryReport};
use crate::source::{FileId, FileTable, with_file_map};

/// Bumped when the shape of an entry changes; with the crate version, it is part of every key.
const FORMAT: u32 = 6;

/// The default folder, relative to the working directory.
pub const DEFAULT_DIR: &str = ".wirecheck_cache";

#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
}

/// A story's results, as the checks left them.
#[derive(Debug, serde::Deserialize)]
pub struct Results {
    pub details: Details,
    pub findings: Vec<Finding>,
    pub graph: ConflictGraph,
}

/// The same, borrowed from a story's report, for writing.
#[derive(serde::Serialize)]
struct ResultsRef<'a> {
    details: &'a Details,
    findings: &'a [Finding],
    graph: &'a ConflictGraph,
}

#[derive(serde::Deserialize)]
struct Entry {
    key: String,
    results: Results,
}

#[derive(serde::Serialize)]
struct EntryRef<'a> {
    key: &'a str,
    results: ResultsRef<'a>,
}

impl Cache {
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The hash of everything a story's results depend on. Call it while the story's texts are
    /// in memory.
    pub fn key(story: &Story, claims: &ClaimSet, files: &FileTable) -> String {
        let mut hash = Xxh3::new();
        let mut part = |bytes: &[u8]| {
            hash.update(&(bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
        };
        part(&FORMAT.to_le_bytes());
        part(env!("CARGO_PKG_VERSION").as_bytes());
        let read = story.versions.iter().map(|v| v.file);
        for file in read.chain(claim_files(claims)) {
            part(files.path(file).as_os_str().as_encoded_bytes());
            part(files.get(file).text().as_bytes());
        }
        format!("{:032x}", hash.digest128())
    }

    fn entry_path(&self, story: &Story) -> PathBuf {
        // A slug is a folder name in the corpus, so it is a valid file name here too.
        self.dir.join(format!("{}.cbor", story.slug))
    }

    /// The story's cached results, if its inputs are unchanged.
    pub fn get(&self, story: &Story, claims: &ClaimSet, key: &str) -> Option<Results> {
        let bytes = fs::read(self.entry_path(story)).ok()?;
        let entry: Entry = with_file_map(story_files(story, claims), || {
            ciborium::from_reader(bytes.as_slice()).ok()
        })?;
        (entry.key == key && entry.results.details.mentions.len() == story.versions.len())
            .then_some(entry.results)
    }

    /// Stores a checked story's results under `key`, atomically; failures are ignored.
    pub fn put(&self, report: &StoryReport, key: &str) {
        let _ = self.try_put(report, key);
    }

    fn try_put(&self, report: &StoryReport, key: &str) -> Option<()> {
        let details = report.details().ok()?;
        let entry = EntryRef {
            key,
            results: ResultsRef {
                details: &details,
                findings: &report.findings,
                graph: &report.graph,
            },
        };
        let bytes = with_file_map(story_files(&report.story, &report.claims), || {
            let mut bytes = Vec::new();
            ciborium::into_writer(&entry, &mut bytes).ok()?;
            Some(bytes)
        })?;
        self.prepare().ok()?;
        let mut temp = tempfile::NamedTempFile::new_in(&self.dir).ok()?;
        temp.write_all(&bytes).ok()?;
        temp.persist(self.entry_path(&report.story)).ok()?;
        Some(())
    }

    /// Creates the folder, marked as a cache for backup tools and ignored by git.
    fn prepare(&self) -> std::io::Result<()> {
        if self.dir.join("CACHEDIR.TAG").is_file() {
            return Ok(());
        }
        fs::create_dir_all(&self.dir)?;
        write_once(&self.dir.join(".gitignore"), "# Created by wirecheck.\n*\n")?;
        write_once(
            &self.dir.join("CACHEDIR.TAG"),
            "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by wirecheck.\n",
        )
    }
}

fn write_once(path: &Path, text: &str) -> std::io::Result<()> {
    if path.exists() {
        return Ok(());
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The files a story's results may point into, in a fixed order: its version files, its claim
/// file, and the lexicon files it loads.
fn story_files(story: &Story, claims: &ClaimSet) -> Vec<FileId> {
    story
        .files
        .iter()
        .copied()
        .chain(claim_files(claims))
        .collect()
}

/// The claim file, then each lexicon file it loads, once.
fn claim_files(claims: &ClaimSet) -> Vec<FileId> {
    let mut out = vec![claims.file];
    let lexicon_files = claims.lexicons.iter().flat_map(|l| l.terms.first());
    for term in lexicon_files {
        if !out.contains(&term.site.file) {
            out.push(term.site.file);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::value::{Interval, Value};

    #[test]
    fn open_ranges_survive_the_entry_format() {
        // JSON writes an infinite bound as null and cannot read it back: every story with a
        // "more than 300" missed the cache until entries became CBOR.
        let value = Value::Count {
            range: Interval::new(300.0, true, f64::INFINITY, false),
        };
        let mut bytes = Vec::new();
        ciborium::into_writer(&value, &mut bytes).unwrap();
        let back: Value = ciborium::from_reader(bytes.as_slice()).unwrap();
        assert_eq!(back, value);
    }
}
