//! The diff of two quotes as classed changes: what a version did to the words it quotes, from
//! harmless (excerpting, house style) to substantive (words added, dropped or changed).
//!
//! Each changed run of the alignment is classed as a whole when one class explains all of it.
//! When none does, the run is cut where a reader would cut it: stray brackets, cuts and
//! punctuation at its edges go apart from the words, and a run of word-for-word replacements
//! is split where the class changes ("damn fucking" → "darn f***ing" is one substantive change
//! and one censorship). Whatever is left is substantive.

use std::ops::Range;
use std::time::Instant;

use super::align::{Seg, align, expired};
use super::rules::{self, same_house_style, split_or_joined};
use super::words::{QuoteWord, WordKind};
use super::{Change, Class, Edges, Op};

/// The changes that turn `expected` into `found`, in order, covering both sequences completely
/// (Equal runs included), each non-equal run classed. Gives up refining (but still returns a
/// valid, coarser diff) after `deadline`.
pub fn diff(
    expected: &[QuoteWord],
    found: &[QuoteWord],
    edges: Edges,
    deadline: Option<Instant>,
) -> Vec<Change> {
    let runs = Runs::new(expected, found, edges, deadline);
    let mut changes: Vec<Change> = Vec::new();
    for Seg {
        expected: e,
        found: f,
        equal,
    } in align(expected, found, deadline)
    {
        if equal {
            changes.push(Change::new(e, f, None));
        } else {
            runs.classify(e, f, &mut changes);
        }
    }
    merge_equal(changes)
}

/// Joins neighbouring Equal changes, which splitting a run can leave side by side.
fn merge_equal(changes: Vec<Change>) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::with_capacity(changes.len());
    for change in changes {
        match out.last_mut() {
            Some(last) if last.op == Op::Equal && change.op == Op::Equal => {
                last.expected.end = change.expected.end;
                last.found.end = change.found.end;
            }
            _ => out.push(change),
        }
    }
    out
}

/// Both word sequences, with what classing a run needs to know about its surroundings.
struct Runs<'w> {
    expected: &'w [QuoteWord],
    found: &'w [QuoteWord],
    edges: Edges,
    deadline: Option<Instant>,
    /// Words (not marks) before each index, and in all: `expected_words[i]` counts
    /// `expected[..i]`. Lets "only punctuation before this point" be asked in constant time.
    expected_words: Vec<usize>,
    found_words: Vec<usize>,
}

fn word_counts(words: &[QuoteWord]) -> Vec<usize> {
    let mut counts = Vec::with_capacity(words.len() + 1);
    let mut n = 0;
    counts.push(0);
    for w in words {
        n += usize::from(!w.is_mark());
        counts.push(n);
    }
    counts
}

fn slice<'w>(words: &'w [QuoteWord], range: &Range<usize>) -> &'w [QuoteWord] {
    words.get(range.clone()).unwrap_or(&[])
}

fn all_marks(words: &[QuoteWord]) -> bool {
    words.iter().all(QuoteWord::is_mark)
}

impl<'w> Runs<'w> {
    fn new(
        expected: &'w [QuoteWord],
        found: &'w [QuoteWord],
        edges: Edges,
        deadline: Option<Instant>,
    ) -> Runs<'w> {
        Runs {
            expected,
            found,
            edges,
            deadline,
            expected_words: word_counts(expected),
            found_words: word_counts(found),
        }
    }

    /// Classes the changed run `e` → `f`, splitting it if its parts differ in class.
    fn classify(&self, e: Range<usize>, f: Range<usize>, out: &mut Vec<Change>) {
        if let Some(class) = self.class_of(&e, &f) {
            out.push(Change::new(e, f, Some(class)));
            return;
        }
        if expired(self.deadline) {
            out.push(Change::new(e, f, Some(Class::Substantive)));
            return;
        }
        let (head, (ce, cf), tail) = self.peel(&e, &f);
        let peeled = head.is_some() || tail.is_some();
        // What comes off the ends is punctuation, so typography unless it is excerpting.
        let edge = |piece: Option<(Range<usize>, Range<usize>)>, out: &mut Vec<Change>| {
            if let Some((pe, pf)) = piece {
                let class = self.class_of(&pe, &pf).unwrap_or(Class::Typography);
                out.push(Change::new(pe, pf, Some(class)));
            }
        };
        edge(head, out);
        match peeled.then(|| self.class_of(&ce, &cf)).flatten() {
            Some(class) => out.push(Change::new(ce, cf, Some(class))),
            None => self.pairwise(ce, cf, out),
        }
        edge(tail, out);
    }

    /// The class that explains the whole run `e` → `f`, if one does.
    fn class_of(&self, e: &Range<usize>, f: &Range<usize>) -> Option<Class> {
        let (xs, ys) = (slice(self.expected, e), slice(self.found, f));
        if xs.is_empty() && ys.is_empty() {
            return None;
        }
        if self.is_excerpt(e, f) {
            return Some(Class::Excerpt);
        }
        if all_marks(xs) && all_marks(ys) {
            return Some(Class::Typography);
        }
        if self.is_elision(e, f) {
            return Some(Class::Elision);
        }
        if self.is_bracketed(f) {
            return Some(Class::Bracketed);
        }
        if same_house_style(xs, ys) {
            return Some(Class::Typography);
        }
        if split_or_joined(xs, ys) {
            return Some(Class::Typo);
        }
        match (xs, ys) {
            ([x], [y]) if rules::censors(&x.key, &y.key) => Some(Class::Censorship),
            ([x], [y]) if rules::typo(x, y) => Some(Class::Typo),
            _ => None,
        }
    }

    /// A pure deletion with nothing but punctuation between it and an edge of the version's
    /// quote: the version quotes less, it does not misquote. The punctuation allowance is for
    /// the full stop a version puts where its excerpt ends.
    fn is_excerpt(&self, e: &Range<usize>, f: &Range<usize>) -> bool {
        if e.is_empty() || !f.is_empty() {
            return false;
        }
        let words_before = |counts: &[usize], i: usize| counts.get(i).copied().unwrap_or(0);
        let total = |counts: &[usize]| counts.last().copied().unwrap_or(0);
        let at_start = words_before(&self.expected_words, e.start) == 0
            && words_before(&self.found_words, f.start) == 0;
        let at_end = words_before(&self.expected_words, e.end) == total(&self.expected_words)
            && words_before(&self.found_words, f.end) == total(&self.found_words);
        (self.edges.start && at_start) || (self.edges.end && at_end)
    }

    /// Words dropped where the version shows a cut: the cut replaces them, or a deletion sits
    /// right next to one. A cut that replaces only punctuation is typography (caught earlier).
    fn is_elision(&self, e: &Range<usize>, f: &Range<usize>) -> bool {
        let (xs, ys) = (slice(self.expected, e), slice(self.found, f));
        let is_cut = |w: &QuoteWord| w.kind == WordKind::Ellipsis;
        if all_marks(xs) {
            return false;
        }
        if ys.is_empty() {
            let before = f.start.checked_sub(1).and_then(|i| self.found.get(i));
            return before.is_some_and(is_cut) || self.found.get(f.start).is_some_and(is_cut);
        }
        all_marks(ys) && ys.iter().any(is_cut)
    }

    /// Every word the version has in this run sits inside a pair of brackets that is itself
    /// in the run or right next to it: an editor's marked insertion. Brackets further out (an
    /// aside the original already had) do not count.
    fn is_bracketed(&self, f: &Range<usize>) -> bool {
        let ys = slice(self.found, f);
        if all_marks(ys) {
            return false;
        }
        let kind_at = |i: usize| self.found.get(i).map(|w| w.kind);
        let lo = match f.start.checked_sub(1) {
            Some(i) if kind_at(i) == Some(WordKind::Open) => i,
            _ => f.start,
        };
        let hi = if kind_at(f.end) == Some(WordKind::Close) {
            f.end + 1
        } else {
            f.end
        };
        let around = slice(self.found, &(lo..hi));
        let enclosed = enclosed(around);
        ys.iter()
            .enumerate()
            .all(|(k, w)| w.is_mark() || enclosed.get(f.start - lo + k).copied() == Some(true))
    }

    /// Takes apart what does not belong to the words of a run: at each end, cuts and brackets
    /// without their partner in the run ("Service (" in "Metropolitan Police Service (MPS)"),
    /// and punctuation when both sides have it there (", fuck" → "; f**k"). Returns the head,
    /// the rest, and the tail.
    #[allow(clippy::type_complexity)]
    fn peel(
        &self,
        e: &Range<usize>,
        f: &Range<usize>,
    ) -> (
        Option<(Range<usize>, Range<usize>)>,
        (Range<usize>, Range<usize>),
        Option<(Range<usize>, Range<usize>)>,
    ) {
        let (xs, ys) = (slice(self.expected, e), slice(self.found, f));
        let (lx, ly) = (loose(xs), loose(ys));
        let both_marks = |i: Option<&QuoteWord>, j: Option<&QuoteWord>| {
            i.is_some_and(QuoteWord::is_mark) && j.is_some_and(QuoteWord::is_mark)
        };
        // Leading counts on each side.
        let lead = |words: &[QuoteWord], loose: &[bool], marks: bool| {
            words
                .iter()
                .zip(loose)
                .take_while(|(w, l)| **l || (marks && w.is_mark()))
                .count()
        };
        let marks = both_marks(xs.first(), ys.first());
        let (mut he, mut hf) = (lead(xs, &lx, marks), lead(ys, &ly, marks));
        if he == xs.len() && hf == ys.len() {
            (he, hf) = (0, 0);
        }
        let (rx, ry) = (xs.get(he..).unwrap_or(&[]), ys.get(hf..).unwrap_or(&[]));
        let trail = |words: &[QuoteWord], loose: &[bool], marks: bool| {
            words
                .iter()
                .zip(loose)
                .rev()
                .take_while(|(w, l)| **l || (marks && w.is_mark()))
                .count()
        };
        let marks = both_marks(rx.last(), ry.last());
        let (mut te, mut tf) = (
            trail(rx, lx.get(he..).unwrap_or(&[]), marks),
            trail(ry, ly.get(hf..).unwrap_or(&[]), marks),
        );
        if te == rx.len() && tf == ry.len() {
            (te, tf) = (0, 0);
        }
        let piece =
            |e: Range<usize>, f: Range<usize>| (!(e.is_empty() && f.is_empty())).then_some((e, f));
        let head = piece(e.start..e.start + he, f.start..f.start + hf);
        let tail = piece(e.end - te..e.end, f.end - tf..f.end);
        let core = (e.start + he..e.end - te, f.start + hf..f.end - tf);
        (head, core, tail)
    }

    /// Word-for-word replacements, split where the class of a pair changes; one Substantive
    /// change when nothing in the run is more lenient than that.
    fn pairwise(&self, e: Range<usize>, f: Range<usize>, out: &mut Vec<Change>) {
        if e.len() != f.len() || e.len() < 2 {
            out.push(Change::new(e, f, Some(Class::Substantive)));
            return;
        }
        let class_at = |k: usize| {
            let (i, j) = (e.start + k, f.start + k);
            let same = self.expected.get(i).map(|w| &w.key) == self.found.get(j).map(|w| &w.key);
            (!same).then(|| {
                self.class_of(&(i..i + 1), &(j..j + 1))
                    .unwrap_or(Class::Substantive)
            })
        };
        let mut start = 0;
        while start < e.len() {
            let class = class_at(start);
            let end = (start + 1..e.len())
                .find(|&k| class_at(k) != class)
                .unwrap_or(e.len());
            out.push(Change::new(
                e.start + start..e.start + end,
                f.start + start..f.start + end,
                class,
            ));
            start = end;
        }
    }
}

/// Brackets without their partner in `words`, and cuts: what can be taken off a run's end
/// without leaving half an aside behind.
fn loose(words: &[QuoteWord]) -> Vec<bool> {
    let mut loose: Vec<bool> = words
        .iter()
        .map(|w| {
            matches!(
                w.kind,
                WordKind::Open | WordKind::Close | WordKind::Ellipsis
            )
        })
        .collect();
    for (open, close) in bracket_pairs(words) {
        for i in [open, close] {
            if let Some(l) = loose.get_mut(i) {
                *l = false;
            }
        }
    }
    loose
}

/// Matching `(`…`)` and `[`…`]` pairs, by index.
fn bracket_pairs(words: &[QuoteWord]) -> Vec<(usize, usize)> {
    let mut stack: Vec<(usize, &str)> = Vec::new();
    let mut pairs = Vec::new();
    for (i, w) in words.iter().enumerate() {
        match w.kind {
            WordKind::Open => stack.push((i, w.key.as_str())),
            WordKind::Close => {
                let partner = if w.key == ")" { "(" } else { "[" };
                if stack.last().is_some_and(|&(_, k)| k == partner)
                    && let Some((open, _)) = stack.pop()
                {
                    pairs.push((open, i));
                }
            }
            _ => {}
        }
    }
    pairs
}

/// Which of `words` lie inside a matched pair of brackets in `words`.
fn enclosed(words: &[QuoteWord]) -> Vec<bool> {
    let mut depth = vec![0i32; words.len() + 1];
    for (open, close) in bracket_pairs(words) {
        if let Some(d) = depth.get_mut(open + 1) {
            *d += 1;
        }
        if let Some(d) = depth.get_mut(close) {
            *d -= 1;
        }
    }
    let mut level = 0;
    depth
        .iter()
        .take(words.len())
        .map(|d| {
            level += d;
            level > 0
        })
        .collect()
}
