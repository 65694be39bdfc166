//! The file table: every file wirecheck reads (articles, claim files, lexicons), with byte spans
//! into them and line/column lookup for display.
//!
//! Spans are byte ranges tagged with a [`FileId`]; line and column are computed only when a
//! finding is rendered, so extraction never pays for them.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};

/// Index of a file in the [`FileTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

thread_local! {
    /// While a story's results are written to or read from the cache: the files they may
    /// point into, in a fixed order. Ids are stored as places in this list, since a file's id
    /// depends on what else the corpus holds that run.
    static FILE_MAP: std::cell::RefCell<Option<Vec<FileId>>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with file ids (de)serialised as places in `files`.
pub fn with_file_map<R>(files: Vec<FileId>, f: impl FnOnce() -> R) -> R {
    FILE_MAP.with(|map| *map.borrow_mut() = Some(files));
    let result = f();
    FILE_MAP.with(|map| *map.borrow_mut() = None);
    result
}

impl serde::Serialize for FileId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let place = FILE_MAP.with(|map| match &*map.borrow() {
            Some(files) => files
                .iter()
                .position(|f| f == self)
                .map(to_u32)
                .ok_or_else(|| serde::ser::Error::custom("a span points outside the story")),
            None => Ok(self.0),
        })?;
        s.serialize_u32(place)
    }
}

impl<'de> serde::Deserialize<'de> for FileId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FileId, D::Error> {
        let place = u32::deserialize(d)?;
        FILE_MAP.with(|map| match &*map.borrow() {
            Some(files) => files
                .get(place as usize)
                .copied()
                .ok_or_else(|| serde::de::Error::custom("a cached span points outside the story")),
            None => Ok(FileId(place)),
        })
    }
}

/// A byte range in one file.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
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
    /// The same column counted in UTF-16 code units, as SARIF viewers and GitHub count them:
    /// it differs from `column` only after a character outside the Basic Multilingual Plane.
    pub column_utf16: usize,
}

/// How to read a file's text again after it was set aside: the same decoding as the first
/// time, so that spans taken from the first reading still point at the same characters.
pub type Reread = fn(&Path) -> Option<String>;

/// One file's text and the start offset of each of its lines. Article texts may be set aside
/// once their story is checked (see [`FileTable::release`]) and are read again, on demand, only
/// if a renderer needs them: memory holds mentions, not the corpus.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user should see it (relative to the working directory when possible).
    pub path: PathBuf,
    loaded: RwLock<Option<Loaded>>,
    reread: Option<Reread>,
    /// The table's budget, which a second reading counts against: it stays resident only
    /// within it.
    budget: Arc<Budget>,
    /// Tells this file apart from every other in the process, for [`RECENT`].
    uid: u64,
}

static NEXT_UID: AtomicU64 = AtomicU64::new(0);

fn next_uid() -> u64 {
    NEXT_UID.fetch_add(1, Ordering::Relaxed)
}

/// How many files read again over budget each thread keeps: a renderer asks for one version's
/// text many times in a row (every mention's line, column and words), never for a file again
/// much later.
const RECENT_FILES: usize = 16;

thread_local! {
    /// Texts read again while the table was over budget, most recent last.
    static RECENT: std::cell::RefCell<Vec<(u64, Loaded)>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[derive(Clone, Debug)]
struct Loaded {
    text: Arc<str>,
    line_starts: Arc<[u32]>,
}

impl Loaded {
    fn new(text: Arc<str>) -> Loaded {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| to_u32(i + 1)),
        );
        Loaded {
            text,
            line_starts: line_starts.into(),
        }
    }
}

impl SourceFile {
    pub fn new(path: PathBuf, text: Arc<str>) -> SourceFile {
        SourceFile {
            path,
            loaded: RwLock::new(Some(Loaded::new(text))),
            reread: None,
            budget: Arc::new(Budget::new(usize::MAX)),
            uid: next_uid(),
        }
    }

    fn loaded(&self) -> Loaded {
        if let Some(loaded) = self.loaded.read().ok().and_then(|l| l.clone()) {
            return loaded;
        }
        let recent = RECENT.with_borrow(|recent| {
            recent
                .iter()
                .find(|(uid, _)| *uid == self.uid)
                .map(|(_, loaded)| loaded.clone())
        });
        if let Some(loaded) = recent {
            return loaded;
        }
        // Set aside and needed again: read it as it was first read. A file that changed or
        // vanished meanwhile reads as empty; spans into it then show nothing, never panic.
        let text: Arc<str> = self
            .reread
            .and_then(|reread| reread(&self.path))
            .unwrap_or_default()
            .into();
        let loaded = Loaded::new(text);
        if self.budget.admits(loaded.text.len()) {
            if let Ok(mut slot) = self.loaded.write()
                && slot.is_none()
            {
                self.budget
                    .resident
                    .fetch_add(loaded.text.len(), Ordering::Relaxed);
                *slot = Some(loaded.clone());
            }
        } else {
            // Over budget, rendering an archive reads every text again: keeping them would
            // hold the whole corpus by the end.
            RECENT.with_borrow_mut(|recent| {
                if recent.len() == RECENT_FILES {
                    recent.remove(0);
                }
                recent.push((self.uid, loaded.clone()));
            });
        }
        loaded
    }

    /// The whole text, read again if it was set aside.
    pub fn text(&self) -> Arc<str> {
        self.loaded().text
    }

    fn is_loaded(&self) -> bool {
        self.loaded.read().is_ok_and(|l| l.is_some())
    }

    /// Line and column of a byte offset. Offsets inside a multi-byte character count as that
    /// character; offsets past the end clamp to the end.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let Loaded { text, line_starts } = self.loaded();
        let offset = offset.min(text.len());
        let line = line_starts
            .partition_point(|&s| s as usize <= offset)
            .max(1)
            - 1;
        let line_start = line_starts[line] as usize;
        let prefix = text.get(line_start..offset).unwrap_or("");
        let (chars, units) = prefix
            .chars()
            .fold((0, 0), |(n, u), c| (n + 1, u + c.len_utf16()));
        LineCol {
            line: line + 1,
            column: chars + 1,
            column_utf16: units + 1,
        }
    }

    pub fn slice(&self, span: Span) -> String {
        self.text().get(span.range()).unwrap_or("").to_string()
    }
}

/// Article text kept in memory across stories before texts are set aside once their story is
/// checked: a day's corpus stays resident (rendering needs no second read), an archive does not.
/// Once a run outgrows it, every text goes after its story, and so do statuses and mentions
/// ([`crate::spill`]): what stays per story is its findings, versions, claims and graph.
pub const RESIDENT_TEXT_BUDGET: usize = 64 << 20;

/// Every file read in a run. Ids are assigned in load order, which is sorted, so they are stable.
#[derive(Debug)]
pub struct FileTable {
    files: Vec<SourceFile>,
    budget: Arc<Budget>,
}

/// How much article text may stay in memory, and how much does.
#[derive(Debug)]
struct Budget {
    limit: usize,
    /// Article bytes in memory.
    resident: AtomicUsize,
    /// Set once the run outgrew the limit, and never reset: from then on no text stays in
    /// memory after its story, since a run that large renders by reading texts again anyway.
    exceeded: AtomicBool,
    /// Files released while the run fitted, whose texts stayed: set aside when it stops fitting.
    kept: Mutex<Vec<FileId>>,
}

impl Budget {
    fn new(limit: usize) -> Budget {
        Budget {
            limit,
            resident: AtomicUsize::new(0),
            exceeded: AtomicBool::new(false),
            kept: Mutex::new(Vec::new()),
        }
    }

    fn is_exceeded(&self) -> bool {
        self.exceeded.load(Ordering::Relaxed)
    }

    /// Whether a text of `len` bytes read again may stay resident.
    fn admits(&self, len: usize) -> bool {
        !self.is_exceeded() && self.resident.load(Ordering::Relaxed) + len <= self.limit
    }
}

impl Default for FileTable {
    fn default() -> FileTable {
        FileTable::with_budget(RESIDENT_TEXT_BUDGET)
    }
}

impl FileTable {
    /// A table that keeps at most about `budget` bytes of released article text in memory.
    pub fn with_budget(budget: usize) -> FileTable {
        FileTable {
            files: Vec::new(),
            budget: Arc::new(Budget::new(budget)),
        }
    }

    pub fn add(&mut self, path: impl AsRef<Path>, text: impl Into<Arc<str>>) -> FileId {
        let id = FileId(to_u32(self.files.len()));
        self.files
            .push(SourceFile::new(path.as_ref().to_path_buf(), text.into()));
        id
    }

    /// Registers a file whose text is read later ([`FileTable::fill`]), so that ids follow the
    /// sorted listing even when files are read in parallel.
    pub fn reserve(&mut self, path: impl AsRef<Path>, reread: Reread) -> FileId {
        let id = FileId(to_u32(self.files.len()));
        self.files.push(SourceFile {
            path: path.as_ref().to_path_buf(),
            loaded: RwLock::new(None),
            reread: Some(reread),
            budget: Arc::clone(&self.budget),
            uid: next_uid(),
        });
        id
    }

    /// Gives a reserved file its text.
    pub fn fill(&self, id: FileId, text: Arc<str>) {
        self.budget
            .resident
            .fetch_add(text.len(), Ordering::Relaxed);
        if let Ok(mut slot) = self.get(id).loaded.write() {
            *slot = Some(Loaded::new(text));
        }
    }

    /// Sets these files' texts aside if the table holds more than its budget (and, the first
    /// time, every text kept so far); they are read again if a renderer asks for them.
    pub fn release(&self, ids: impl IntoIterator<Item = FileId>) {
        let budget = &self.budget;
        let mut kept = budget.kept.lock().unwrap_or_else(|e| e.into_inner());
        if !budget.is_exceeded() && budget.resident.load(Ordering::Relaxed) <= budget.limit {
            kept.extend(ids);
            return;
        }
        budget.exceeded.store(true, Ordering::Relaxed);
        let earlier = std::mem::take(&mut *kept);
        drop(kept);
        for id in earlier.into_iter().chain(ids) {
            let file = self.get(id);
            if file.reread.is_none() {
                continue;
            }
            if let Ok(mut slot) = file.loaded.write()
                && let Some(loaded) = slot.take()
            {
                // Saturating: a count that drifted must never wrap round to "over budget".
                let _ = budget
                    .resident
                    .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
                        Some(n.saturating_sub(loaded.text.len()))
                    });
            }
        }
    }

    /// Whether this run has outgrown the budget and texts are being set aside: results too
    /// should then leave memory once checked (see [`crate::spill`]).
    pub fn is_over_budget(&self) -> bool {
        self.budget.is_exceeded()
    }

    /// Whether a file's text is in memory now.
    pub fn is_resident(&self, id: FileId) -> bool {
        self.get(id).is_loaded()
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn path(&self, id: FileId) -> &Path {
        &self.get(id).path
    }

    pub fn slice(&self, span: Span) -> String {
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

    fn at(line: usize, column: usize) -> LineCol {
        LineCol {
            line,
            column,
            column_utf16: column,
        }
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("a.txt".into(), "ab\n’x’ y\n".into());
        assert_eq!(file.line_col(0), at(1, 1));
        assert_eq!(file.line_col(3), at(2, 1));
        // Line 2 is "’x’ y" and "’" takes three bytes: "y" is at byte 3 + 8 = 11, column 5.
        assert_eq!(file.line_col(11), at(2, 5));
        assert_eq!(file.line_col(999), at(3, 1));
    }

    #[test]
    fn utf16_columns_count_astral_characters_twice() {
        // "📰" is one character, four bytes and two UTF-16 code units.
        let file = SourceFile::new("a.txt".into(), "📰 300 breaches".into());
        let three_hundred = file.line_col(5);
        assert_eq!((three_hundred.column, three_hundred.column_utf16), (3, 4));
    }

    #[test]
    fn texts_read_again_over_budget_are_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut table = FileTable::with_budget(0);
        let mut ids = Vec::new();
        for name in ["a.txt", "b.txt"] {
            let path = dir.path().join(name);
            std::fs::write(&path, format!("{name}\nsecond line")).unwrap();
            let id = table.reserve(&path, |p| std::fs::read_to_string(p).ok());
            table.fill(id, std::fs::read_to_string(&path).unwrap().into());
            ids.push(id);
        }
        table.release(ids.iter().copied());
        for &id in &ids {
            assert!(!table.is_resident(id));
        }
        let b = Span::new(ids[1], 0..5);
        assert_eq!(table.slice(b), "b.txt");
        assert_eq!(table.start(Span::new(ids[1], 7..8)).line, 2);
        assert_eq!(table.slice(Span::new(ids[0], 0..5)), "a.txt");
        // Read again for the renderer, but the table stays within its budget.
        assert!(!table.is_resident(ids[0]) && !table.is_resident(ids[1]));
        // With room to spare, a second reading stays.
        let mut roomy = FileTable::with_budget(usize::MAX);
        let path = dir.path().join("a.txt");
        let id = roomy.reserve(&path, |p| std::fs::read_to_string(p).ok());
        assert_eq!(roomy.slice(Span::new(id, 0..5)), "a.txt");
        assert!(roomy.is_resident(id));
    }

    #[test]
    fn texts_kept_while_the_run_fitted_go_once_it_does_not() {
        let dir = tempfile::tempdir().unwrap();
        // Room for the first story's text, not for both.
        let mut table = FileTable::with_budget(12);
        let story = |table: &mut FileTable, name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            let id = table.reserve(&path, |p| std::fs::read_to_string(p).ok());
            table.fill(id, text.into());
            table.release([id]);
            id
        };
        let first = story(&mut table, "first.txt", "ten bytes.");
        assert!(table.is_resident(first) && !table.is_over_budget());
        let second = story(&mut table, "second.txt", "ten more..");
        assert!(table.is_over_budget());
        assert!(!table.is_resident(first) && !table.is_resident(second));
        // From then on, a text read again is not kept either, though it would fit now.
        assert_eq!(table.slice(Span::new(first, 0..3)), "ten");
        assert!(!table.is_resident(first));
    }
}
