//! Excerpts: the part of a file a diagnostic shows. Scraped articles put a whole paragraph on
//! one line, often hundreds of characters long, so a snippet shows a window of the line around
//! the span, cut at word boundaries and marked with "…", keeping true line numbers and columns.

use std::ops::Range;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::finding::{Finding, Label};
use crate::source::{SourceFile, Span};

/// Context is never cut below this many characters a side, however narrow the terminal.
const MIN_CONTEXT_CHARS: usize = 20;

#[derive(Debug, Clone)]
pub struct Excerpt {
    name: String,
    /// The window's text, with "… " and " …" where it was cut.
    text: String,
    /// The file offset that `text`'s first byte stands for: labels are placed relative to it.
    offset: usize,
    /// 0-based line of the window's start.
    line: usize,
    /// 0-based column of the span's start, for the `path:line:column` header.
    column: usize,
    lines: usize,
}

const LEAD: &str = "… ";
const TAIL: &str = " …";

impl Excerpt {
    /// A window of the lines around `spans` (all in `file`), about `width` characters wide.
    pub fn around(file: &SourceFile, spans: &[Span], width: usize) -> Excerpt {
        let text = file.text();
        let text: &str = &text;
        // Spans come from the text as it was checked; a text set aside and read again may have
        // changed on disk since, so they are kept inside it and on character boundaries.
        let start = floor_char(
            text,
            spans.iter().map(|s| s.start as usize).min().unwrap_or(0),
        );
        let end = floor_char(
            text,
            spans.iter().map(|s| s.end as usize).max().unwrap_or(start),
        )
        .max(start);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let span_chars = text[start..end]
            .lines()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        let context = (width.saturating_sub(span_chars) / 2).max(MIN_CONTEXT_CHARS);
        let mut from = cut_before(text, line_start..start, context);
        if from < line_start + LEAD.len() {
            // A cut that saves fewer bytes than its "… " costs is no cut; at the start of the
            // file it would also put the window's first byte before offset 0.
            from = line_start;
        }
        let to = cut_after(text, end..line_end, context);
        let mut shown = String::new();
        let offset = if from > line_start {
            shown.push_str(LEAD);
            from - LEAD.len()
        } else {
            from
        };
        // Article text can hold terminal escapes and bidi overrides: they are shown, not obeyed.
        shown.push_str(&crate::text::inert(text[from..to].trim_end_matches('\r')));
        if to < line_end {
            shown.push_str(TAIL);
        }
        let position = file.line_col(start);
        Excerpt {
            name: file.path.display().to_string(),
            lines: shown.matches('\n').count() + 1,
            text: shown,
            offset,
            line: position.line - 1,
            column: position.column - 1,
        }
    }
}

/// A run of an excerpt's text: plain, or the text of one of the spans it was asked to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: &'a str,
    /// Which of the spans this run is; `Some` with empty text for a span of no width (the point
    /// where words were cut).
    pub span: Option<usize>,
}

impl Excerpt {
    /// The path of the file, as the user should see it.
    pub fn path(&self) -> &str {
        &self.name
    }

    /// 1-based line of the first span's start.
    pub fn line(&self) -> usize {
        self.line + 1
    }

    /// 1-based column (in characters) of the first span's start.
    pub fn column(&self) -> usize {
        self.column + 1
    }

    /// The window's text cut into runs, `spans` (in the same file) marked. A span outside the
    /// window, or overlapping one marked before it, is left unmarked rather than cut in two.
    pub fn pieces(&self, spans: &[Span]) -> Vec<Piece<'_>> {
        let text = self.text.as_str();
        let mut marks: Vec<(usize, usize, usize)> = spans
            .iter()
            .enumerate()
            .filter_map(|(i, span)| {
                let start = (span.start as usize).checked_sub(self.offset)?;
                let end = (span.end as usize).checked_sub(self.offset)?;
                (end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end))
                    .then_some((start, end, i))
            })
            .collect();
        marks.sort_unstable();
        let mut pieces = Vec::new();
        let mut at = 0;
        for (start, end, i) in marks {
            if start < at {
                continue;
            }
            if start > at {
                pieces.push(Piece {
                    text: &text[at..start],
                    span: None,
                });
            }
            pieces.push(Piece {
                text: &text[start..end],
                span: Some(i),
            });
            at = end;
        }
        if at < text.len() {
            pieces.push(Piece {
                text: &text[at..],
                span: None,
            });
        }
        pieces
    }
}

/// The labels a finding's own excerpt shows: the primary one and the secondary ones in the same
/// file (the other changes to one quote).
pub fn finding_labels(finding: &Finding) -> Vec<&Label> {
    std::iter::once(&finding.primary)
        .chain(
            finding
                .secondary
                .iter()
                .filter(|l| l.span.file == finding.primary.span.file),
        )
        .collect()
}

/// `at`, or the start of the character it falls inside, within the text.
fn floor_char(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where to start a window that ends at `range.end`, at most `chars` characters before it,
/// at a word boundary; `range.start` (the line start) if it is close enough.
fn cut_before(text: &str, range: Range<usize>, chars: usize) -> usize {
    let before = &text[range.clone()];
    if before.chars().count() <= chars {
        return range.start;
    }
    let skip = before.char_indices().rev().nth(chars).map_or(0, |(i, _)| i);
    let rest = &before[skip..];
    // After the space, whatever its width: a no-break space is two bytes.
    let word = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    range.start + skip + word
}

/// Where to end a window that starts at `range.start`, as `cut_before` does backwards.
fn cut_after(text: &str, range: Range<usize>, chars: usize) -> usize {
    let after = &text[range.clone()];
    if after.chars().count() <= chars {
        return range.end;
    }
    let keep = after
        .char_indices()
        .nth(chars)
        .map_or(after.len(), |(i, _)| i);
    let word = after[..keep].rfind(char::is_whitespace).unwrap_or(keep);
    range.start + word
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        _span: &SourceSpan,
        _context_lines_before: usize,
        _context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            SourceSpan::new(self.offset.into(), self.text.len()),
            self.line,
            self.column,
            self.lines,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    #[test]
    fn long_lines_are_cut_at_words_around_the_span() {
        let line = format!(
            "{} detective chief constable {}",
            "word ".repeat(30),
            "tail ".repeat(30)
        );
        let file = SourceFile::new("a.txt".into(), format!("first\n{line}\nlast").into());
        let start = file.text().find("detective").unwrap();
        let span = Span::new(FileId(0), start..start + "detective chief constable".len());
        let excerpt = Excerpt::around(&file, &[span], 145);
        assert!(excerpt.text.starts_with("… word"), "{}", excerpt.text);
        assert!(excerpt.text.ends_with("tail …"), "{}", excerpt.text);
        assert!(excerpt.text.chars().count() < 160);
        assert_eq!((excerpt.line, excerpt.column), (1, 151));
        // The span's bytes sit where the label offsets say.
        let at = start - excerpt.offset;
        assert_eq!(&excerpt.text[at..at + 9], "detective");
    }

    #[test]
    fn pieces_mark_spans_and_points_in_the_window() {
        let file = SourceFile::new(
            "a.txt".into(),
            "x\nSaid the chief constable today.\n".into(),
        );
        let excerpt = Excerpt::around(&file, &[Span::new(FileId(0), 11..26)], 80);
        let spans = [
            Span::new(FileId(0), 11..26),
            Span::new(FileId(0), 27..27),
            // Overlaps the first: left unmarked.
            Span::new(FileId(0), 15..20),
            // Before the window.
            Span::new(FileId(0), 0..1),
        ];
        let pieces = excerpt.pieces(&spans);
        let shown: Vec<(&str, Option<usize>)> = pieces.iter().map(|p| (p.text, p.span)).collect();
        assert_eq!(
            shown,
            [
                ("Said the ", None),
                ("chief constable", Some(0)),
                (" ", None),
                ("", Some(1)),
                ("today.", None),
            ]
        );
        assert_eq!((excerpt.line(), excerpt.column()), (2, 10));
    }

    #[test]
    fn spans_that_no_longer_fit_the_text_are_shown_not_panicked_on() {
        // A text read again after it changed on disk: the spans were taken from the old one.
        let file = SourceFile::new("a.txt".into(), "“quoted” €5\n".into());
        for (start, end) in [(1, 2), (2, 11), (4, 40), (90, 99), (13, 13)] {
            let excerpt = Excerpt::around(&file, &[Span::new(FileId(0), start..end)], 80);
            assert!(
                excerpt.text.starts_with('“') || excerpt.text.is_empty(),
                "{start}..{end}"
            );
            let _ = excerpt.pieces(&[Span::new(FileId(0), start..end)]);
        }
    }

    #[test]
    fn a_cut_of_fewer_bytes_than_the_marker_is_no_cut() {
        // Cutting "ab " off would leave "… " (four bytes) standing for offset -1 (found by the
        // claim_file fuzz target: an overflow in debug builds, unmarked labels in release).
        let file = SourceFile::new("a.txt".into(), "ab cdefghijklmnopqrstuvwxyz".into());
        let span = Span::new(FileId(0), 23..24);
        let excerpt = Excerpt::around(&file, &[span], 0);
        assert_eq!(
            (excerpt.text.as_str(), excerpt.offset),
            ("ab cdefghijklmnopqrstuvwxyz", 0)
        );
        assert_eq!(
            excerpt.pieces(&[span])[1],
            Piece {
                text: "w",
                span: Some(0)
            }
        );
    }

    #[test]
    fn a_cut_after_a_wide_space_starts_after_all_of_it() {
        // Found by the front_matter fuzz target: the cut fell inside a no-break space.
        let line = format!("{}\u{a0}target", "x".repeat(30));
        let file = SourceFile::new("a.txt".into(), line.clone().into());
        let start = line.find("target").unwrap();
        let excerpt = Excerpt::around(&file, &[Span::new(FileId(0), start..line.len())], 0);
        assert_eq!(excerpt.text, "… target");
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let file = SourceFile::new("a.txt".into(), "x\nA short line.\n".into());
        let excerpt = Excerpt::around(&file, &[Span::new(FileId(0), 4..9)], 80);
        assert_eq!(excerpt.text, "A short line.");
        assert_eq!(excerpt.offset, 2);
    }
}
