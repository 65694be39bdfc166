//! Property tests: `words` never panics and returns ordered, disjoint, in-bounds words for any
//! text; `diff` always tiles both sequences with changes that turn one into the other.

use proptest::prelude::*;

use super::tests::assert_valid;
use super::*;

/// Words that exercise every rule: inflections, negations, number words, censored forms, split
/// words, brackets, cuts, dashes, quote marks and symbols.
const VOCABULARY: &[&str] = &[
    "the", "police", "officers", "officer", "not", "now", "no", "five", "5", "per", "cent", "%",
    "f**k", "fuck", "****", "searched", "s", "earched", "any", "more", "anymore", "(", ")", "[",
    "]", "...", "…", "[...]", ",", ".", "-", "—", "“", "”", "'", "colour", "color", "&", "and",
    "31,000", "31000", "£4m", "will", "act", "the", "the", "said",
];

fn sentence() -> impl Strategy<Value = Vec<&'static str>> {
    prop::collection::vec(prop::sample::select(VOCABULARY), 0..24)
}

/// A sentence and an edited copy: words dropped, added or replaced, as versions do.
fn sentence_pair() -> impl Strategy<Value = (Vec<&'static str>, Vec<&'static str>)> {
    let edits = prop::collection::vec(
        (
            0..3u8,
            any::<prop::sample::Index>(),
            prop::sample::select(VOCABULARY),
        ),
        0..6,
    );
    (sentence(), edits).prop_map(|(base, edits)| {
        let mut edited = base.clone();
        for (kind, at, word) in edits {
            let i = at.index(edited.len() + 1);
            match kind {
                0 if i < edited.len() => {
                    edited.remove(i);
                }
                1 if i < edited.len() => edited[i] = word,
                _ => edited.insert(i, word),
            }
        }
        (base, edited)
    })
}

fn check_words(text: &str, start: usize, end: usize) {
    let ws = words(text, start..end);
    let mut last = start;
    for w in &ws {
        assert!(
            w.range.start >= last && w.range.start < w.range.end,
            "{ws:?}"
        );
        assert!(w.range.end <= end, "{ws:?}");
        assert!(text.get(w.range.clone()).is_some(), "{ws:?}");
        assert!(!w.key.is_empty(), "{ws:?}");
        last = w.range.end;
    }
}

fn check_diff(expected: &str, found: &str, edges: Edges) {
    let (e, f) = (
        words(expected, 0..expected.len()),
        words(found, 0..found.len()),
    );
    let changes = diff(&e, &f, edges, None);
    assert_valid(&e, &f, &changes);
    for min in Class::ALL {
        let _ = inline(&e, expected, &f, found, &changes, 2, min);
    }
}

proptest! {
    #[test]
    fn words_never_panic_and_stay_in_order(
        s in any::<String>(),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
        let (x, y) = (*a.get(&bounds), *b.get(&bounds));
        check_words(&s, x.min(y), x.max(y));
    }

    #[test]
    fn words_survive_punctuation_soup(
        s in "[a-z0-9*’'.…\\[\\]()\\-—,£% \u{ad}\u{a0}\u{200b}]{0,60}",
    ) {
        check_words(&s, 0, s.len());
    }

    #[test]
    fn a_diff_turns_expected_into_found(
        (base, edited) in sentence_pair(),
        start in any::<bool>(),
        end in any::<bool>(),
    ) {
        check_diff(&base.join(" "), &edited.join(" "), Edges { start, end });
    }

    #[test]
    fn unrelated_quotes_still_diff(a in sentence(), b in sentence()) {
        check_diff(&a.join(" "), &b.join(" "), Edges { start: true, end: true });
    }

    #[test]
    fn any_text_diffs(a in any::<String>(), b in "\\PC{0,40}") {
        check_diff(&a, &b, Edges::default());
    }

    #[test]
    fn a_quote_equals_itself(words_ in sentence()) {
        let text = words_.join(" ");
        let ws = words(&text, 0..text.len());
        let changes = diff(&ws, &ws, Edges { start: true, end: true }, None);
        prop_assert!(changes.iter().all(|c| c.op == Op::Equal));
        prop_assert!(changes.len() <= 1);
        assert_valid(&ws, &ws, &changes);
    }
}
