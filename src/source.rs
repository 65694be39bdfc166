//! The file table: every file wirecheck reads (articles, claim files, lexicons), with byte spans
//! into them and line/column lookup for display.
//!
//! Spans are byte ranges tagged with a [`FileId`]; line and column are computed only when a
//! finding is rendered, so extraction never pays for them.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a file in the [`FileTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct FileId(pub u32);

/// A byte range in one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, range: Range<usize>) -> Span {
        Span {
            file,
            start: to_u32(range.start),
            end: to_u32(range.end),
        }
    }

    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The smallest span covering both (same file assumed).
    pub fn cover(&self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// Offsets are stored as `u32`; articles above 4 GiB are rejected when loaded.
pub fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A position for display: 1-based line, 1-based column counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// One file's text and the start offset of each of its lines.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user should see it (relative to the working directory when possible).
    pub path: PathBuf,
    pub text: Arc<str>,
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: Arc<str>) -> SourceFile {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| to_u32(i + 1)),
        );
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    /// Line and column of a byte offset. Offsets inside a multi-byte character count as that
    /// character; offsets past the end clamp to the end.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self
            .line_starts
            .partition_point(|&s| s as usize <= offset)
            .max(1)
            - 1;
        let line_start = self.line_starts[line] as usize;
        let prefix = self.text.get(line_start..offset).unwrap_or("");
        LineCol {
            line: line + 1,
            column: prefix.chars().count() + 1,
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// Every file read in a run. Ids are assigned in load order, which is sorted, so they are stable.
#[derive(Debug, Default)]
pub struct FileTable {
    files: Vec<SourceFile>,
}

impl FileTable {
    pub fn add(&mut self, path: impl AsRef<Path>, text: impl Into<Arc<str>>) -> FileId {
        let id = FileId(to_u32(self.files.len()));
        self.files
            .push(SourceFile::new(path.as_ref().to_path_buf(), text.into()));
        id
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn path(&self, id: FileId) -> &Path {
        &self.get(id).path
    }

    pub fn slice(&self, span: Span) -> &str {
        self.get(span.file).slice(span)
    }

    pub fn start(&self, span: Span) -> LineCol {
        self.get(span.file).line_col(span.start as usize)
    }

    pub fn end(&self, span: Span) -> LineCol {
        self.get(span.file).line_col(span.end as usize)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("a.txt".into(), "ab\n’x’ y\n".into());
        assert_eq!(file.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(file.line_col(3), LineCol { line: 2, column: 1 });
        // Line 2 is "’x’ y" and "’" takes three bytes: "y" is at byte 3 + 8 = 11, column 5.
        assert_eq!(file.line_col(11), LineCol { line: 2, column: 5 });
        assert_eq!(file.line_col(999), LineCol { line: 3, column: 1 });
    }
}
