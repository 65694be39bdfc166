//! Heads: the noun phrase a count or share quantifies ("300 [such breaches]", "one-fifth of
//! [cases]"), and whether it is a generic counting noun that says nothing about what is
//! counted ("[cases]", "[times]").

use std::ops::Range;

use super::Sentence;
use super::words;

/// Where to look for the head once a value is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum HeadFrom {
    None,
    /// Right after the value: "one in five [officers]".
    Direct(usize),
    /// Right after the value, or after a partitive "of (the)" when nothing follows directly:
    /// "300 [cases]", "hundreds of [breaches]", "one of the [officers]".
    Partitive(usize),
    /// Only after "of (the)": "one-fifth of [cases]"; "two-thirds resulted" has none.
    OfOnly(usize),
    /// After "of (the)" or a determiner: "half of [cases]", "half the [officers]".
    OfOrDeterminer(usize),
}

const MAX_HEAD_WORDS: usize = 4;

pub(super) fn find(s: &Sentence, from: HeadFrom) -> (Option<Range<usize>>, bool) {
    let run = match from {
        HeadFrom::None => None,
        HeadFrom::Direct(k) => run(s, k),
        HeadFrom::Partitive(k) => run(s, k).or_else(|| after_of(s, k).and_then(|k| run(s, k))),
        HeadFrom::OfOnly(k) => after_of(s, k).and_then(|k| run(s, k)),
        HeadFrom::OfOrDeterminer(k) => match after_of(s, k) {
            Some(k) => run(s, k),
            None if matches!(s.key(k), "the" | "their" | "its" | "his" | "her" | "our") => {
                run(s, k + 1)
            }
            None => None,
        },
    };
    let generic = run.clone().is_some_and(|r| is_generic(s, r));
    (run, generic)
}

/// The token after "of" and one optional determiner, if `k` is "of".
fn after_of(s: &Sentence, k: usize) -> Option<usize> {
    if s.key(k) != "of" {
        return None;
    }
    let mut k = k + 1;
    if s.key(k) == "all" {
        k += 1;
    }
    if matches!(s.key(k), "the" | "their" | "its" | "his" | "her" | "our") {
        k += 1;
    }
    Some(k)
}

/// Up to four open-class words from `start`, hyphenated compounds counting as one.
fn run(s: &Sentence, start: usize) -> Option<Range<usize>> {
    let mut k = start;
    let mut count = 0;
    let mut last_plural = false;
    while count < MAX_HEAD_WORDS && s.is_word(k) {
        let key = s.key(k);
        if words::is_closed(key) || words::is_number_word(key) {
            break;
        }
        // "92 cases resulted in", "two men fighting": the noun phrase ended at the plural.
        if last_plural && words::is_participle(key) {
            break;
        }
        count += 1;
        k += 1;
        while s.raw(k) == "-" && s.glued(k) && s.glued(k + 1) && s.is_word(k + 1) {
            k += 2;
        }
        last_plural = words::looks_plural(s.key(k - 1));
    }
    (count > 0).then_some(start..k)
}

fn is_generic(s: &Sentence, run: Range<usize>) -> bool {
    run.filter(|&k| s.is_word(k))
        .map(|k| s.key(k))
        .find(|key| !words::is_pre_modifier(key))
        .is_some_and(words::is_generic_noun)
}
