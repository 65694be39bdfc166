//! Finding and reading the corpus: story folders, version files, their encoding and front
//! matter. Unreadable files become problems; the rest of the corpus is still read.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Corpus, Story, Version, VersionMeta, front_matter};
use crate::codes::Code;
use crate::finding::Severity;
use crate::problem::{Problem, Problems};
use crate::source::{FileId, FileTable, Span};

/// Reads every story folder under `root`, in sorted order: the listing, then every story's
/// versions.
pub fn load(root: &Path, files: &mut FileTable, problems: &mut Problems) -> Corpus {
    let mut corpus = list(root, &[], files, problems);
    for story in &mut corpus.stories {
        read_versions(story, files, problems);
    }
    corpus
}

/// Lists the story folders under `root` and their version files, in sorted order, reserving a
/// file id for each without reading it: stories are then read one at a time
/// ([`read_versions`]), in parallel, and set aside once checked. With `only` non-empty, the
/// folders of other stories are not opened: a one-story check costs the same in a corpus of
/// ten stories or ten thousand.
pub fn list(
    root: &Path,
    only: &[String],
    files: &mut FileTable,
    problems: &mut Problems,
) -> Corpus {
    let mut corpus = Corpus::default();
    let entries = match sorted_entries(root) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(
                Problem::error(
                    Code::CorpusLayout.name(),
                    root,
                    format!("cannot read the corpus folder: {e}"),
                )
                .help("pass the corpus folder with --corpus, or run wirecheck where `corpus/` is"),
            );
            return corpus;
        }
    };
    for (path, kind) in entries {
        if kind.is_dir(&path) {
            let Some(slug) = file_name(&path) else {
                continue;
            };
            let mut story = Story {
                slug,
                versions: Vec::new(),
                files: Vec::new(),
            };
            if !only.is_empty() && !only.contains(&story.slug) {
                corpus.stories.push(story);
                continue;
            }
            match sorted_entries(&path) {
                Ok(entries) => {
                    story.files = entries
                        .into_iter()
                        .filter(|(p, kind)| is_article(p, *kind))
                        .map(|(p, _)| files.reserve(p, reread))
                        .collect();
                }
                Err(e) => problems.push(Problem::error(
                    Code::CorpusLayout.name(),
                    &path,
                    format!("cannot read the story folder: {e}"),
                )),
            }
            corpus.stories.push(story);
        } else if is_article(&path, kind) {
            problems.push(
                Problem::error(
                    Code::CorpusLayout.name(),
                    &path,
                    "article outside a story folder is not checked",
                )
                .with_severity(Severity::Warning)
                .help("move it to corpus/<story-slug>/"),
            );
        }
    }
    corpus
}

/// Reads a listed story's version files: text, encoding and front matter.
pub fn read_versions(story: &mut Story, files: &FileTable, problems: &mut Problems) {
    story.versions = story
        .files
        .iter()
        .filter_map(|&file| read_version(file, files, problems))
        .collect();
}

/// A version file read again for display, exactly as [`read_version`] first read it.
fn reread(path: &Path) -> Option<String> {
    decode(fs::read(path).ok()?).ok().map(lone_cr_to_lf)
}

/// Reads one version file into the table (for callers outside a corpus, like a draft).
pub fn load_version(
    path: &Path,
    files: &mut FileTable,
    problems: &mut Problems,
) -> Option<Version> {
    let file = files.reserve(path, reread);
    read_version(file, files, problems)
}

/// Larger files are refused unread: no article is this long, and a dump or a disk image in the
/// corpus folder must not take the machine's memory.
pub const MAX_ARTICLE_BYTES: u64 = 16 << 20;

/// An article file's bytes, from one open: its size is taken from the open file, so a file over
/// [`MAX_ARTICLE_BYTES`] is refused before anything is read. `what` names it in problems ("the
/// article", "the draft").
pub fn read_article(path: &Path, what: &str) -> Result<Vec<u8>, Problem> {
    let unreadable = |e: std::io::Error| {
        Problem::error(
            Code::UnreadableArticle.name(),
            path,
            format!("cannot read {what}: {e}"),
        )
    };
    let handle = fs::File::open(path).map_err(unreadable)?;
    let size = handle.metadata().map_err(unreadable)?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(too_large(
            path,
            format!(
                "{what} is {:.1} MiB; wirecheck reads articles of up to {} MiB",
                size as f64 / f64::from(1u32 << 20),
                MAX_ARTICLE_BYTES >> 20
            ),
        ));
    }
    // Still read with a bound: a file that grows meanwhile, or a device that says it is empty,
    // must not take the machine's memory either.
    read_bounded(handle, usize::try_from(size).unwrap_or(0), path, what)
}

/// An article's bytes from a stream such as standard input, whose size is not known: at most
/// [`MAX_ARTICLE_BYTES`] are ever held, and a longer stream is refused.
pub fn read_stream(reader: impl Read, name: &Path, what: &str) -> Result<Vec<u8>, Problem> {
    read_bounded(reader, 0, name, what)
}

fn read_bounded(
    reader: impl Read,
    capacity: usize,
    path: &Path,
    what: &str,
) -> Result<Vec<u8>, Problem> {
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Problem::error(
                Code::UnreadableArticle.name(),
                path,
                format!("cannot read {what}: {e}"),
            )
        })?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(too_large(
            path,
            format!(
                "{what} is over {} MiB, the most wirecheck reads for an article",
                MAX_ARTICLE_BYTES >> 20
            ),
        ));
    }
    Ok(bytes)
}

fn too_large(path: &Path, message: String) -> Problem {
    Problem::error(Code::UnreadableArticle.name(), path, message)
        .help("is it an article? a wire story's longest versions are a few hundred KB")
}

/// Reads one reserved version file; `None` (with a problem) when it cannot be used.
fn read_version(file: FileId, files: &FileTable, problems: &mut Problems) -> Option<Version> {
    let path = files.path(file);
    let bytes = match read_article(path, "the article") {
        Ok(bytes) => bytes,
        Err(problem) => {
            problems.push(problem);
            return None;
        }
    };
    let text = decoded(bytes, path, problems)?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text: std::sync::Arc<str> = text.into();
    files.fill(file, text.clone());
    let meta = read_meta(&text, file, path, &id, problems)?;
    Some(Version {
        id,
        file,
        body: meta.1..text.len(),
        meta: meta.0,
    })
}

/// A draft as a version: its bytes (a file's or standard input's) shown under `name`, with
/// the version id `id`. Front matter is optional in a draft and read when present.
pub fn draft_version(
    name: &Path,
    bytes: Vec<u8>,
    id: String,
    files: &mut FileTable,
    problems: &mut Problems,
) -> Option<Version> {
    let text: std::sync::Arc<str> = decoded(bytes, name, problems)?.into();
    let file = files.add(name, text.clone());
    let (mut meta, body_start) = match front_matter::split(&text) {
        Some((yaml, body_start)) => (
            front_matter::parse(&text, yaml, file, name, problems)?,
            body_start,
        ),
        None => (VersionMeta::default(), bom_len(&text)),
    };
    if meta.outlet.is_empty() {
        meta.outlet = "the draft".into();
    }
    meta.draft = true;
    Some(Version {
        id,
        file,
        meta,
        body: body_start..text.len(),
    })
}

/// Article text as read: UTF-8 (anything else a problem naming the file), lone CRs as LFs.
fn decoded(bytes: Vec<u8>, path: &Path, problems: &mut Problems) -> Option<String> {
    match decode(bytes) {
        Ok(text) => Some(lone_cr_to_lf(text)),
        Err(problem) => {
            problems.push(Problem {
                path: path.to_path_buf(),
                ..problem
            });
            None
        }
    }
}

/// A version's metadata and where its article starts: the front matter's, or for a file
/// without one, the outlet from the file name (with a note).
fn read_meta(
    text: &str,
    file: FileId,
    path: &Path,
    id: &str,
    problems: &mut Problems,
) -> Option<(VersionMeta, usize)> {
    match front_matter::split(text) {
        Some((yaml, body_start)) => {
            let mut meta = front_matter::parse(text, yaml.clone(), file, path, problems)?;
            if meta.outlet.is_empty() {
                meta.outlet = outlet_from_id(id);
                let at = Span::new(
                    file,
                    yaml.start.saturating_sub(4)..yaml.start.saturating_sub(1),
                );
                problems.push(
                    Problem::error(
                        Code::FrontMatter.name(),
                        path,
                        "front matter has no `outlet`",
                    )
                    .with_severity(Severity::Warning)
                    .label(
                        at,
                        format!("outlet taken from the file name: {}", meta.outlet),
                    )
                    .help("add `outlet: <name as readers know it>`"),
                );
            }
            Some((meta, body_start))
        }
        None => {
            let meta = VersionMeta {
                outlet: outlet_from_id(id),
                ..VersionMeta::default()
            };
            problems.push(
                Problem::error(
                    Code::MissingFrontMatter.name(),
                    path,
                    format!(
                        "no front matter; outlet taken from the file name: {}",
                        meta.outlet
                    ),
                )
                .with_severity(Severity::Note)
                .help("start the file with a `---` block giving outlet, url and published"),
            );
            Some((meta, bom_len(text)))
        }
    }
}

/// The bytes of a byte-order mark at the start of the text, which is not article text.
fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') { 3 } else { 0 }
}

/// Article text must be UTF-8; anything else is named precisely rather than guessed at.
fn decode(bytes: Vec<u8>) -> Result<String, Problem> {
    let unreadable = |message: String, help: &str| Problem {
        help: Some(help.to_string()),
        ..Problem::error(Code::UnreadableArticle.name(), PathBuf::new(), message)
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(unreadable(
            "the article is encoded as UTF-16 (it starts with a UTF-16 byte-order mark)".into(),
            "convert it to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8`",
        ));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(unreadable(
            format!(
                "the article holds a NUL byte at byte {at} (line {}): it looks like a binary file",
                line_of(&bytes, at)
            ),
            "only plain-text article versions can be checked",
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = line_of(e.as_bytes(), at);
        unreadable(
            format!("the article is not valid UTF-8: byte {at} (line {line}) is not part of a UTF-8 character"),
            "convert it to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`",
        )
    })
}

/// Old Mac files end lines with a bare CR. Read as LF, byte for byte, so offsets still point
/// into the file while front matter, lines and columns work as for any other file.
fn lone_cr_to_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        out.push(if c == '\r' && bytes.get(i + 1) != Some(&b'\n') {
            '\n'
        } else {
            c
        });
    }
    out
}

fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// "003-independent" → "independent"; "bbc_news" → "bbc news".
fn outlet_from_id(id: &str) -> String {
    let trimmed = id.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '_');
    let name = if trimmed.is_empty() { id } else { trimmed };
    name.replace(['-', '_'], " ")
}

fn is_article(path: &Path, kind: Kind) -> bool {
    path.extension().is_some_and(|e| e == "txt") && kind.is_file(path)
}

/// What a listed entry is, from the listing itself where the file system says (no call per
/// file: a corpus of 22,000 versions is listed in a few milliseconds), else from the path.
#[derive(Clone, Copy, Debug)]
enum Kind {
    File,
    Dir,
    /// A symbolic link (judged by what it points at) or a file system that does not say.
    Ask,
}

impl Kind {
    fn of(entry: &fs::DirEntry) -> Kind {
        match entry.file_type() {
            Ok(t) if t.is_file() => Kind::File,
            Ok(t) if t.is_dir() => Kind::Dir,
            _ => Kind::Ask,
        }
    }

    fn is_file(self, path: &Path) -> bool {
        match self {
            Kind::File => true,
            Kind::Dir => false,
            Kind::Ask => path.is_file(),
        }
    }

    fn is_dir(self, path: &Path) -> bool {
        match self {
            Kind::File => false,
            Kind::Dir => true,
            Kind::Ask => path.is_dir(),
        }
    }
}

fn file_name(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    (!name.starts_with('.')).then_some(name)
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<(PathBuf, Kind)>> {
    let mut entries: Vec<(std::ffi::OsString, PathBuf, Kind)> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| (e.file_name(), e.path(), Kind::of(&e))))
        .filter(|(_, p, _)| file_name(p).is_some())
        .collect();
    // In one folder, paths order as their names do; names compare as bytes, much faster than
    // paths compare component by component.
    entries.sort_unstable_by(|a, b| a.0.as_encoded_bytes().cmp(b.0.as_encoded_bytes()));
    Ok(entries.into_iter().map(|(_, p, kind)| (p, kind)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_from_file_names_drop_the_numbering() {
        assert_eq!(outlet_from_id("003-independent"), "independent");
        assert_eq!(outlet_from_id("bbc_news"), "bbc news");
        assert_eq!(outlet_from_id("2024"), "2024");
    }

    #[test]
    fn encodings_other_than_utf8_are_named() {
        let utf16 = decode(vec![0xFF, 0xFE, b'a', 0]).unwrap_err();
        assert!(utf16.message.contains("UTF-16"));
        let binary = decode(b"ab\ncd\0".to_vec()).unwrap_err();
        assert!(
            binary.message.contains("NUL byte at byte 5 (line 2)"),
            "{}",
            binary.message
        );
        let latin1 = decode(b"caf\xe9\n".to_vec()).unwrap_err();
        assert!(
            latin1.message.contains("byte 3 (line 1)"),
            "{}",
            latin1.message
        );
        assert_eq!(decode("£300".as_bytes().to_vec()).unwrap(), "£300");
    }

    #[test]
    fn lone_carriage_returns_read_as_line_feeds() {
        assert_eq!(
            lone_cr_to_lf("---\routlet: A\r---\rText.\r\nMore".into()),
            "---\noutlet: A\n---\nText.\r\nMore"
        );
    }

    #[test]
    fn front_matter_splits_from_the_body() {
        let text = "---\noutlet: BBC News\n---\nBody.\n";
        let (yaml, body) = front_matter::split(text).unwrap();
        assert_eq!(&text[yaml], "outlet: BBC News\n");
        assert_eq!(&text[body..], "Body.\n");
        assert!(front_matter::split("No front matter\n---\n").is_none());
        assert!(front_matter::split("---\nnever closed\n").is_none());
    }
}
