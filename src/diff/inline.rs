//! A quote diff as one line of text for a terminal, in the `[-old-]{+new+}` notation of
//! `git diff --word-diff=plain`, with long unchanged stretches cut to "…".

use super::words::QuoteWord;
use super::{Change, Class, Op};

/// Which text a word came from.
#[derive(Clone, Copy, Debug)]
enum Side {
    Expected,
    Found,
}

#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    text: &'a str,
    /// Punctuation, which does not count towards the context kept around a change.
    mark: bool,
    /// Whitespace (or the start of the text) separates the word from the one before it.
    space_before: bool,
    space_after: bool,
}

#[derive(Debug)]
enum Item<'a> {
    Plain(Word<'a>),
    Marked {
        deleted: Vec<Word<'a>>,
        inserted: Vec<Word<'a>>,
    },
    Cut,
}

/// A one-line word diff for a terminal: the found words with context, deletions as `[-word-]`,
/// insertions as `{+word+}`, changed runs as `[-old-]{+new+}`, and runs of more than `context`
/// unchanged words on either side of changes elided to `…`. Only changes whose class is at
/// least `min` (Class order as declared) are marked; others print the found side plainly.
/// With nothing marked, the found words print in full.
pub fn inline(
    expected: &[QuoteWord],
    expected_text: &str,
    found: &[QuoteWord],
    found_text: &str,
    changes: &[Change],
    context: usize,
    min: Class,
) -> String {
    let word = |side: Side, index: usize| {
        let (words, text) = match side {
            Side::Expected => (expected, expected_text),
            Side::Found => (found, found_text),
        };
        let word = words.get(index)?;
        let before = index.checked_sub(1).and_then(|i| words.get(i));
        let after = words.get(index + 1);
        Some(Word {
            text: word.text(text),
            mark: word.is_mark(),
            space_before: before.is_none_or(|b| b.range.end < word.range.start),
            space_after: after.is_none_or(|a| word.range.end < a.range.start),
        })
    };
    let mut items = Vec::new();
    for change in changes {
        let marked = change.op != Op::Equal && change.class.is_some_and(|c| c >= min);
        if marked {
            items.push(Item::Marked {
                deleted: change
                    .expected
                    .clone()
                    .filter_map(|i| word(Side::Expected, i))
                    .collect(),
                inserted: change
                    .found
                    .clone()
                    .filter_map(|i| word(Side::Found, i))
                    .collect(),
            });
        } else {
            items.extend(
                change
                    .found
                    .clone()
                    .filter_map(|i| word(Side::Found, i).map(Item::Plain)),
            );
        }
    }
    render(&elide(items, context))
}

/// Cuts runs of plain words longer than `context` next to a change (twice that between two
/// changes) down to `context` words, with a `…` where words were left out. Punctuation rides
/// along with the words it sits between and does not count.
fn elide(items: Vec<Item<'_>>, context: usize) -> Vec<Item<'_>> {
    let marked: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| matches!(item, Item::Marked { .. }))
        .map(|(i, _)| i)
        .collect();
    if marked.is_empty() {
        return items;
    }
    // words[i]: plain words (not punctuation) among items[..i].
    let mut words = Vec::with_capacity(items.len() + 1);
    words.push(0);
    for item in &items {
        let word = matches!(item, Item::Plain(w) if !w.mark);
        words.push(words.last().copied().unwrap_or(0) + usize::from(word));
    }
    let count = |range: std::ops::Range<usize>| {
        let at = |i: usize| words.get(i).copied().unwrap_or(0);
        at(range.end).saturating_sub(at(range.start))
    };
    // A plain item stays when at most `context` words separate it from a change, itself
    // included: words in (change, item] after a change, in [item, change) before one.
    let near = |i: usize| {
        let at = marked.partition_point(|&m| m < i);
        let before = at.checked_sub(1).and_then(|k| marked.get(k));
        let after = marked.get(at);
        before.is_some_and(|&m| count(m + 1..i + 1) <= context)
            || after.is_some_and(|&m| count(i..m) <= context)
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        if matches!(item, Item::Marked { .. }) || near(i) {
            out.push(item);
        } else if !matches!(out.last(), Some(Item::Cut)) {
            out.push(Item::Cut);
        }
    }
    out
}

fn render(items: &[Item<'_>]) -> String {
    let mut out = String::new();
    // The last word printed, which decides the space before the next; none after a cut.
    let mut prev: Option<Word<'_>> = None;
    let mut after_cut = false;
    for item in items {
        match item {
            Item::Plain(w) => {
                gap(&mut out, prev, *w, after_cut);
                out.push_str(w.text);
                prev = Some(*w);
            }
            Item::Marked { deleted, inserted } => {
                // `{+new+}` follows `[-old-]` with no space between.
                let mut glued = false;
                for (words, open, close) in [(deleted, "[-", "-]"), (inserted, "{+", "+}")] {
                    let Some(&first) = words.first() else {
                        continue;
                    };
                    if !glued {
                        gap(&mut out, prev, first, after_cut);
                    }
                    out.push_str(open);
                    let mut inner: Option<Word<'_>> = None;
                    for &w in words {
                        gap(&mut out, inner, w, false);
                        out.push_str(w.text);
                        inner = Some(w);
                    }
                    out.push_str(close);
                    prev = inner;
                    glued = true;
                }
            }
            Item::Cut => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push('…');
                prev = None;
                after_cut = true;
                continue;
            }
        }
        after_cut = false;
    }
    out
}

fn gap(out: &mut String, prev: Option<Word<'_>>, next: Word<'_>, force: bool) {
    if force || prev.is_some_and(|p| spaced(p, next)) {
        out.push(' ');
    }
}

/// Whether a space goes between two words printed side by side: when either had whitespace on
/// that side in its own text (two words of one text agree; across a change, a word that was
/// spaced keeps its space: "hard [-through …-], and"). Words at the ends of their text count as
/// spaced there.
fn spaced(prev: Word<'_>, next: Word<'_>) -> bool {
    prev.space_after || next.space_before
}
