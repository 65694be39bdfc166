//! Writing documents a piece at a time: JSON fields and arrays at any depth, with the elements
//! of an array rendered from the stories a batch at a time, so that a document for an archive
//! never sits whole in memory. The bytes are those serde_json's pretty printer gives the whole.

use std::io::Write;

use rayon::prelude::*;
use serde::Serialize;

use crate::finding::Finding;
use crate::problem::Problem;
use crate::report::{Report, StoryReport};
use crate::source::FileTable;

/// Stories rendered in parallel at a time: enough to keep every core busy, few enough that
/// the output never sits whole in memory.
const STORIES_PER_BATCH: usize = 64;

/// Renders each story's elements, a batch of stories at a time in parallel, and hands them to
/// `emit` in story order. Texts read again for a batch are set aside before the next.
pub(super) fn by_story<T: Send>(
    files: &FileTable,
    stories: &[StoryReport],
    elements: impl Fn(&StoryReport) -> Vec<T> + Sync,
    mut emit: impl FnMut(T) -> std::io::Result<()>,
) -> std::io::Result<()> {
    for batch in stories.chunks(STORIES_PER_BATCH) {
        let rendered: Vec<Vec<T>> = batch.par_iter().map(&elements).collect();
        files.release(batch.iter().flat_map(|s| s.story.files.iter().copied()));
        for element in rendered.into_iter().flatten() {
            emit(element)?;
        }
    }
    Ok(())
}

/// One element per input problem, then one per finding in story order, gathered in memory: for
/// formats written whole (annotations, GitLab's array) rather than streamed.
pub(super) fn gather<T: Send>(
    report: &Report,
    problem: impl Fn(&Problem) -> T,
    finding: impl Fn(&Finding) -> T + Sync,
) -> Vec<T> {
    let mut out: Vec<T> = report.problems.iter().map(problem).collect();
    let findings =
        |story: &StoryReport| -> Vec<T> { story.findings.iter().map(&finding).collect() };
    // Gathering into memory cannot fail.
    let _ = by_story(&report.files, &report.stories, findings, |element| {
        out.push(element);
        Ok(())
    });
    out
}

/// `"name": value` as a field of an object whose fields stand `depth` levels deep.
pub(super) fn field<T: Serialize>(
    out: &mut dyn Write,
    depth: usize,
    name: &str,
    value: &T,
    last: bool,
) -> std::io::Result<()> {
    write!(out, "{}\"{name}\": ", "  ".repeat(depth))?;
    out.write_all(&pretty(value, depth))?;
    out.write_all(if last { b"\n" } else { b",\n" })
}

/// An array field whose elements are written one by one: [`Array::open`], [`Array::push`] for
/// each element (pretty-printed at `depth + 1`), [`Array::close`].
#[derive(Debug)]
pub(super) struct Array {
    depth: usize,
    empty: bool,
}

impl Array {
    pub(super) fn open(out: &mut dyn Write, depth: usize, name: &str) -> std::io::Result<Array> {
        write!(out, "{}\"{name}\": [", "  ".repeat(depth))?;
        Ok(Array { depth, empty: true })
    }

    pub(super) fn push(&mut self, out: &mut dyn Write, element: &[u8]) -> std::io::Result<()> {
        out.write_all(if self.empty { b"\n" } else { b",\n" })?;
        out.write_all("  ".repeat(self.depth + 1).as_bytes())?;
        out.write_all(element)?;
        self.empty = false;
        Ok(())
    }

    pub(super) fn close(self, out: &mut dyn Write, last: bool) -> std::io::Result<()> {
        if !self.empty {
            write!(out, "\n{}", "  ".repeat(self.depth))?;
        }
        out.write_all(if last { b"]\n" } else { b"],\n" })
    }
}

/// A value pretty-printed as if it stood `depth` levels deep in the document: serde_json
/// indents by two spaces, and line breaks only ever separate structure (strings escape theirs),
/// so indenting every line after the first places it exactly.
pub(super) fn pretty<T: Serialize>(value: &T, depth: usize) -> Vec<u8> {
    // Serialising these plain structs cannot fail: no maps with non-string keys, no custom
    // serialisers that error.
    let flat = serde_json::to_vec_pretty(value).unwrap_or_else(|e| format!("\"{e}\"").into_bytes());
    let indent = "  ".repeat(depth);
    let mut out = Vec::with_capacity(flat.len() + flat.len() / 8);
    for (i, line) in flat.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
            out.extend_from_slice(indent.as_bytes());
        }
        out.extend_from_slice(line);
    }
    out
}
