//! Alignment: which words of two quotes correspond, as runs of equal and changed words, before
//! any run is classed.
//!
//! The raw diff is `similar`'s; this module then slides each pure insertion or deletion along
//! the text it repeats, because a minimal diff is often not the one a reader would draw: for
//! "We will act" against "We will [the council will] act" the diff may insert
//! "will [the council" before the old "will", where a reader sees one bracketed insertion.

use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use super::words::{QuoteWord, WordKind};

/// A run of the alignment: equal words, or a change (either range may be empty, not both).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Seg {
    pub expected: Range<usize>,
    pub found: Range<usize>,
    pub equal: bool,
}

pub(super) fn expired(deadline: Option<Instant>) -> bool {
    deadline.is_some_and(|d| Instant::now() >= d)
}

/// Equal and changed runs tiling both sequences, adjacent changes merged.
pub(super) fn align(
    expected: &[QuoteWord],
    found: &[QuoteWord],
    deadline: Option<Instant>,
) -> Vec<Seg> {
    let (old, new) = (keys(expected), keys(found));
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &old, &new, deadline);
    let mut segs = Vec::with_capacity(ops.len());
    let (mut e, mut f) = (0, 0);
    for op in &ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let equal = tag == DiffTag::Equal;
        // `similar` tiles both sequences; should it ever not, fall back to one change of
        // everything rather than hand on a diff that does not add up.
        let consistent = old_range.start == e
            && new_range.start == f
            && old_range.end <= old.len()
            && new_range.end <= new.len()
            && (!equal || old.get(old_range.clone()) == new.get(new_range.clone()));
        if !consistent {
            return whole(expected, found);
        }
        (e, f) = (old_range.end, new_range.end);
        segs.push(Seg {
            expected: old_range,
            found: new_range,
            equal,
        });
    }
    if (e, f) != (old.len(), new.len()) {
        return whole(expected, found);
    }
    coalesce(&mut segs);
    if !expired(deadline) {
        slide(&mut segs, expected, found, deadline);
    }
    segs
}

fn keys(words: &[QuoteWord]) -> Vec<&str> {
    words.iter().map(|w| w.key.as_str()).collect()
}

/// The coarsest valid alignment: everything changed, or nothing if both are empty.
fn whole(expected: &[QuoteWord], found: &[QuoteWord]) -> Vec<Seg> {
    if expected.is_empty() && found.is_empty() {
        return Vec::new();
    }
    vec![Seg {
        expected: 0..expected.len(),
        found: 0..found.len(),
        equal: false,
    }]
}

/// Drops empty runs and merges neighbours of the same kind.
fn coalesce(segs: &mut Vec<Seg>) {
    let mut out: Vec<Seg> = Vec::with_capacity(segs.len());
    for seg in segs.drain(..) {
        if seg.expected.is_empty() && seg.found.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.equal == seg.equal => {
                last.expected.end = seg.expected.end;
                last.found.end = seg.found.end;
            }
            _ => out.push(seg),
        }
    }
    *segs = out;
}

/// Slides every pure insertion or deletion to the best of the places it could equally sit:
/// first where it joins a neighbouring change, then where it spans a whole bracketed aside.
/// Otherwise it stays where the diff put it.
fn slide(
    segs: &mut Vec<Seg>,
    expected: &[QuoteWord],
    found: &[QuoteWord],
    deadline: Option<Instant>,
) {
    let mut i = 0;
    while i < segs.len() {
        if expired(deadline) {
            return;
        }
        let Some(seg) = segs.get(i) else { return };
        let inserted = seg.expected.is_empty();
        if seg.equal || (!inserted && !seg.found.is_empty()) {
            i += 1;
            continue;
        }
        let (side, run) = if inserted {
            (found, seg.found.clone())
        } else {
            (expected, seg.expected.clone())
        };
        let prev_len = i
            .checked_sub(1)
            .and_then(|p| segs.get(p))
            .map_or(0, |s| s.expected.len());
        let next_len = segs.get(i + 1).map_or(0, |s| s.expected.len());
        let key = |k: Option<usize>| k.and_then(|k| side.get(k)).map(|w| w.key.as_str());
        // How far the run may move: each step must carry an equal word across it.
        let left = (1..=prev_len)
            .take_while(|&d| {
                let (a, b) = (run.end.checked_sub(d), run.start.checked_sub(d));
                b.is_some() && key(a) == key(b)
            })
            .count();
        let right = (0..next_len)
            .take_while(|&d| key(Some(run.start + d)) == key(Some(run.end + d)))
            .count();
        let has_before = i >= 2;
        let has_after = i + 2 < segs.len();
        let score = |shift: isize| -> u8 {
            let joins = (shift == -(prev_len as isize) && prev_len > 0 && has_before)
                || (shift == next_len as isize && next_len > 0 && has_after);
            let start = run.start.saturating_add_signed(shift);
            let end = run.end.saturating_add_signed(shift);
            let first = side.get(start).map(|w| w.kind);
            let last = end.checked_sub(1).and_then(|k| side.get(k)).map(|w| w.kind);
            let aside = first == Some(WordKind::Open) && last == Some(WordKind::Close);
            2 * u8::from(joins) + u8::from(aside)
        };
        let mut best = (score(0), 0isize);
        for shift in (-(left as isize)..=right as isize).filter(|&s| s != 0) {
            let s = score(shift);
            if s > best.0 || (s == best.0 && shift.unsigned_abs() < best.1.unsigned_abs()) {
                best = (s, shift);
            }
        }
        let shift = best.1;
        if shift == 0 {
            i += 1;
            continue;
        }
        let before = segs.len();
        shift_run(segs, i, shift);
        coalesce(segs);
        // A run that joined the change before it now sits two places earlier.
        i = if shift < 0 && segs.len() < before {
            i - 1
        } else {
            i + 1
        };
    }
}

/// Moves the pure run at `i` by `shift` words (within the equal runs on either side): both
/// sides move, since the words it crosses are equal on both. The equal run the crossed words
/// join is made when the run was at an end.
fn shift_run(segs: &mut Vec<Seg>, i: usize, shift: isize) {
    let moved =
        |r: &Range<usize>| r.start.saturating_add_signed(shift)..r.end.saturating_add_signed(shift);
    let Some(seg) = segs.get_mut(i) else { return };
    let (old_e, old_f) = (seg.expected.clone(), seg.found.clone());
    seg.expected = moved(&old_e);
    seg.found = moved(&old_f);
    let (new_e, new_f) = (seg.expected.clone(), seg.found.clone());
    match i.checked_sub(1).and_then(|p| segs.get_mut(p)) {
        Some(prev) => {
            prev.expected.end = new_e.start;
            prev.found.end = new_f.start;
        }
        None => segs.insert(
            0,
            Seg {
                expected: old_e.start..new_e.start,
                found: old_f.start..new_f.start,
                equal: true,
            },
        ),
    }
    let i = if i == 0 { 1 } else { i };
    match segs.get_mut(i + 1) {
        Some(next) => {
            next.expected.start = new_e.end;
            next.found.start = new_f.end;
        }
        None => segs.push(Seg {
            expected: new_e.end..old_e.end,
            found: new_f.end..old_f.end,
            equal: true,
        }),
    }
}
