//! The result cache: a story whose inputs have not changed since the last run is not extracted
//! or checked again. Like ruff's, it lives in a folder of its own (`.wirecheck_cache/` unless
//! `--cache-dir` says otherwise; `--no-cache` turns it off), one file per story.
//!
//! An entry is keyed by a hash of everything the story's results depend on: this build of
//! wirecheck, the claim file and the lexicons it loads, and every version file's path and bytes.
//! Any change to any of them is a miss, so a cached result is never stale; a re-check after one
//! version changes redoes that one story. Entries are CBOR (via ciborium: self-describing like
//! JSON, but it keeps the infinite ends of open ranges such as "more than 300", which JSON
//! cannot) behind an xxh3 checksum, written with [`crate::atomic`] so an interrupted run leaves
//! the previous entry whole. An entry whose checksum fails or whose indices point outside its
//! story is a miss. A cache that cannot be read or written is ignored: it can make a run slower,
//! never different.

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::claims::ClaimSet;
use crate::corpus::{Story, Version};
use crate::finding::Finding;
use crate::report::{EncodedDetails, StoryReport};
use crate::source::{FileId, FileTable, with_file_map};

/// Bumped when the shape of an entry changes; with the crate version, it is part of every key.
const FORMAT: u32 = 7;

/// The default folder, relative to the working directory.
pub const DEFAULT_DIR: &str = ".wirecheck_cache";

#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
}

/// A story's results, as the checks left them. The details, the bulk of them and needed only
/// to render them in full, stay encoded until a renderer asks ([`StoryReport::details`]).
#[derive(Debug)]
pub struct Results {
    pub details: EncodedDetails,
    pub findings: Vec<Finding>,
}

/// An entry is its head (CBOR), then the story's details (CBOR), decoded apart.
#[derive(serde::Deserialize)]
struct Head {
    key: String,
    /// The story's files as they stood when it was read ([`Cache::stamp`]); `None` when they
    /// must be read to be trusted.
    stamp: Option<String>,
    versions: Vec<Version>,
    findings: Vec<Finding>,
}

#[derive(serde::Serialize)]
struct HeadRef<'a> {
    key: &'a str,
    stamp: Option<&'a str>,
    versions: &'a [Version],
    findings: &'a [Finding],
}

struct Entry {
    head: Head,
    details: EncodedDetails,
}

/// A story's results, and its versions as read when they were checked.
#[derive(Debug)]
pub struct Untouched {
    pub versions: Vec<Version>,
    pub results: Results,
    /// The key the results were stored under: their files' contents are what they were.
    pub key: String,
}

/// This build of wirecheck: its version, and the size and modification time of the running
/// program, so that a rebuilt binary (a developer's, or one built from a patched source) never
/// trusts results or rendered output an older one left.
fn build() -> &'static str {
    static BUILD: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BUILD.get_or_init(|| {
        let program = std::env::current_exe()
            .and_then(fs::metadata)
            .ok()
            .map(|m| {
                let modified = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                format!("{}:{modified}", m.len())
            })
            .unwrap_or_default();
        format!("{} {program}", env!("CARGO_PKG_VERSION"))
    })
}

/// The cache's hold on a story's results: where they are kept and under which key, so that a
/// renderer may keep what it renders of them beside the entry ([`Cache::fragment`]).
#[derive(Clone, Debug)]
pub struct Cached {
    pub cache: Cache,
    pub key: String,
}

/// A file modified this recently may be modified again within the same tick of the file
/// system's clock without its modification time changing ("racy git"): it is not stamped.
const SETTLED: std::time::Duration = std::time::Duration::from_secs(2);

impl Cache {
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The hash of everything a story's results depend on. Call it while the story's texts are
    /// in memory.
    pub fn key(story: &Story, claims: &ClaimSet, files: &FileTable) -> String {
        let mut hash = Hash::new();
        let read = story.versions.iter().map(|v| v.file);
        for file in read.chain(claim_files(claims)) {
            hash.file(files, file);
        }
        hash.finish()
    }

    /// A hash of what a story's results depend on, taken from the file system's record of its
    /// version files (size, modification and change times, inode) rather than their contents,
    /// so that an untouched story is not even read. The claim files, in memory anyway, count by
    /// content. `None` when a file cannot be stamped or was modified too recently to trust.
    pub fn stamp(story: &Story, claims: &ClaimSet, files: &FileTable) -> Option<String> {
        let mut hash = Hash::new();
        for file in claim_files(claims) {
            hash.file(files, file);
        }
        let mut part = |bytes: &[u8]| hash.part(bytes);
        let settled = std::time::SystemTime::now().checked_sub(SETTLED)?;
        for &file in &story.files {
            let path = files.path(file);
            let meta = fs::metadata(path).ok()?;
            let modified = meta.modified().ok()?;
            if modified > settled {
                return None;
            }
            part(path.as_os_str().as_encoded_bytes());
            part(&meta.len().to_le_bytes());
            let since = |t: std::time::SystemTime| {
                t.duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos())
            };
            part(&since(modified).to_le_bytes());
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                part(&meta.ctime().to_le_bytes());
                part(&meta.ctime_nsec().to_le_bytes());
                part(&meta.ino().to_le_bytes());
                part(&meta.dev().to_le_bytes());
            }
        }
        Some(hash.finish())
    }

    /// The story's cached results and versions if its files are untouched since they were
    /// stamped, without reading them.
    pub fn get_untouched(
        &self,
        story: &Story,
        claims: &ClaimSet,
        stamp: &str,
    ) -> Option<Untouched> {
        let Entry { head, details } = self.read(story, claims)?;
        let fresh = head.stamp.as_deref() == Some(stamp)
            && head.versions.iter().all(|v| story.files.contains(&v.file));
        let mut versions = head.versions;
        versions.iter_mut().for_each(|v| v.meta.rederive());
        fresh.then_some(Untouched {
            versions,
            results: Results {
                details,
                findings: head.findings,
            },
            key: head.key,
        })
    }

    fn entry_path(&self, story: &Story) -> PathBuf {
        // A slug is a folder name in the corpus, so it is a valid file name here too.
        self.dir.join(format!("{}.cbor", story.slug))
    }

    /// The story's cached results, if its inputs are unchanged and the entry is whole: one
    /// whose checksum fails, or whose indices point outside the story (a damaged or foreign
    /// file), is a miss like any other.
    pub fn get(&self, story: &Story, claims: &ClaimSet, key: &str) -> Option<Results> {
        let Entry { head, details } = self.read(story, claims)?;
        (head.key == key && head.versions.len() == story.versions.len()).then_some(Results {
            details,
            findings: head.findings,
        })
    }

    /// The story's entry, if it is whole and its head fits the story as it is read now (its
    /// details are checked when decoded).
    fn read(&self, story: &Story, claims: &ClaimSet) -> Option<Entry> {
        let bytes = fs::read(self.entry_path(story)).ok()?;
        let (sum, body) = bytes.split_first_chunk::<8>()?;
        if u64::from_le_bytes(*sum) != xxh3_64(body) {
            return None;
        }
        let (head_len, rest) = body.split_first_chunk::<8>()?;
        let head_len = usize::try_from(u64::from_le_bytes(*head_len)).ok()?;
        let head_bytes = rest.get(..head_len)?;
        let files = story_files(story, claims);
        let head: Head = with_file_map(files.clone(), || ciborium::from_reader(head_bytes).ok())?;
        let details = EncodedDetails {
            bytes: rest[head_len..].into(),
            files,
        };
        Some(Entry { head, details })
    }

    /// Stores a checked story's results under `key`, and `stamp` if its files may be trusted
    /// by it next time, atomically; failures are ignored.
    pub fn put(&self, report: &StoryReport, key: &str, stamp: Option<&str>) {
        let _ = self.try_put(report, key, stamp);
    }

    fn try_put(&self, report: &StoryReport, key: &str, stamp: Option<&str>) -> Option<()> {
        let details = report.details().ok()?;
        let head = HeadRef {
            key,
            stamp,
            versions: &report.story.versions,
            findings: &report.findings,
        };
        let body = with_file_map(story_files(&report.story, &report.claims), || {
            let mut head_bytes = Vec::new();
            ciborium::into_writer(&head, &mut head_bytes).ok()?;
            let mut body = (head_bytes.len() as u64).to_le_bytes().to_vec();
            body.extend(head_bytes);
            ciborium::into_writer(&*details, &mut body).ok()?;
            Some(body)
        })?;
        self.prepare().ok()?;
        crate::atomic::write_with(&self.entry_path(&report.story), |out| {
            out.write_all(&xxh3_64(&body).to_le_bytes())?;
            out.write_all(&body)
        })
        .ok()
    }

    /// The cache's hold on results stored under `key`.
    pub fn hold(&self, key: String) -> Cached {
        Cached {
            cache: self.clone(),
            key,
        }
    }

    /// Rendered output kept beside a story's entry: `part` names what (`findings.json`,
    /// `story.json`), `key` is the key of the results it was rendered from, and each piece
    /// carries a tag the renderer chose (for findings, [`Cache::finding_tag`]). Checksummed
    /// like the entries; anything amiss is a miss.
    pub fn fragment(&self, slug: &str, part: &str, key: &str) -> Option<Fragment> {
        let bytes = fs::read(self.dir.join(format!("{slug}.{part}"))).ok()?;
        let (sum, body) = bytes.split_first_chunk::<8>()?;
        if u64::from_le_bytes(*sum) != xxh3_64(body) {
            return None;
        }
        let mut reader = Pieces {
            bytes: &bytes,
            at: 8,
        };
        if reader.bytes()? != key.as_bytes() {
            return None;
        }
        let count = reader.number()?;
        let mut pieces = Vec::new();
        for _ in 0..count {
            let tag = reader.number()?;
            let len = usize::try_from(reader.number()?).ok()?;
            let start = reader.at;
            reader.skip(len)?;
            pieces.push((tag, start..reader.at));
        }
        (reader.at == bytes.len()).then(|| Fragment {
            bytes: Arc::new(bytes),
            pieces,
        })
    }

    /// Keeps rendered output beside a story's entry (see [`Cache::fragment`]); failures are
    /// ignored.
    pub fn put_fragment(&self, slug: &str, part: &str, key: &str, pieces: &[(u64, &[u8])]) {
        let mut body = Vec::new();
        let mut bytes = |b: &[u8]| {
            body.extend_from_slice(&(b.len() as u64).to_le_bytes());
            body.extend_from_slice(b);
        };
        bytes(key.as_bytes());
        body.extend_from_slice(&(pieces.len() as u64).to_le_bytes());
        for (tag, piece) in pieces {
            body.extend_from_slice(&tag.to_le_bytes());
            body.extend_from_slice(&(piece.len() as u64).to_le_bytes());
            body.extend_from_slice(piece);
        }
        if self.prepare().is_err() {
            return;
        }
        let _ = crate::atomic::write_with(&self.dir.join(format!("{slug}.{part}")), |out| {
            out.write_all(&xxh3_64(&body).to_le_bytes())?;
            out.write_all(&body)
        });
    }

    /// A finding's content as a tag for its rendered form: two findings with the same tag
    /// render the same, whatever was done to the findings after the checks (a baseline or the
    /// config's severities).
    pub fn finding_tag(report: &StoryReport, finding: &Finding) -> u64 {
        with_file_map(story_files(&report.story, &report.claims), || {
            let mut bytes = Vec::new();
            match ciborium::into_writer(finding, &mut bytes) {
                Ok(()) => xxh3_64(&bytes),
                // Never matches a stored tag: the finding is rendered afresh.
                Err(_) => u64::MAX,
            }
        })
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
    crate::atomic::create(path, text.as_bytes()).map(|_| ())
}

/// Rendered output kept by the cache: the file's bytes, read once, and where each piece lies
/// in them with its tag.
#[derive(Debug)]
pub struct Fragment {
    pub bytes: Arc<Vec<u8>>,
    pub pieces: Vec<(u64, Range<usize>)>,
}

/// A key being hashed: every part with its length, after the cache format and this build.
struct Hash(Xxh3);

impl Hash {
    fn new() -> Hash {
        let mut hash = Hash(Xxh3::new());
        hash.part(&FORMAT.to_le_bytes());
        hash.part(build().as_bytes());
        hash
    }

    fn part(&mut self, bytes: &[u8]) {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    /// A file read into the table: its path and its text.
    fn file(&mut self, files: &FileTable, file: FileId) {
        self.part(files.path(file).as_os_str().as_encoded_bytes());
        self.part(files.get(file).text().as_bytes());
    }

    fn finish(self) -> String {
        format!("{:032x}", self.0.digest128())
    }
}

/// Reads back what [`Cache::put_fragment`] wrote.
struct Pieces<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Pieces<'a> {
    fn skip(&mut self, len: usize) -> Option<&'a [u8]> {
        let taken = self.bytes.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        Some(taken)
    }

    fn number(&mut self) -> Option<u64> {
        let n = self.skip(8)?;
        Some(u64::from_le_bytes(n.try_into().ok()?))
    }

    fn bytes(&mut self) -> Option<&'a [u8]> {
        let len = usize::try_from(self.number()?).ok()?;
        self.skip(len)
    }
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
