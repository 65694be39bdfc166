//! Quote words: what is one word, what each kind of mark becomes, and which forms compare equal.

use super::*;

fn all(text: &str) -> Vec<QuoteWord> {
    words(text, 0..text.len())
}

/// `(text, kind, key)` of every word of `text`.
fn tokens(text: &str) -> Vec<(&str, WordKind, String)> {
    all(text)
        .into_iter()
        .map(|w| (&text[w.range.clone()], w.kind, w.key))
        .collect()
}

fn keys(text: &str) -> Vec<String> {
    all(text).into_iter().map(|w| w.key).collect()
}

#[test]
fn apostrophes_stay_inside_words_and_fold_in_keys() {
    assert_eq!(
        tokens("shouldn’t"),
        [("shouldn’t", WordKind::Word, "shouldn't".to_string())]
    );
    assert_eq!(keys("The Met’s staff"), keys("the met's STAFF"));
    // A quote mark at the edge of a word is not part of it.
    assert_eq!(keys("‘quote’"), ["'", "quote", "'"]);
    assert_eq!(keys("officers’"), ["officers", "'"]);
}

#[test]
fn censored_words_are_one_word() {
    for text in ["n*****s", "f**k", "****", "f***", "fu*k", "**k"] {
        assert_eq!(
            tokens(text),
            [(text, WordKind::Word, text.to_string())],
            "{text}"
        );
    }
    assert_eq!(keys("damn n*****s."), ["damn", "n*****s", "."]);
    // A lone asterisk is a footnote mark, not censoring.
    assert_eq!(keys("officers* said"), ["officers", "*", "said"]);
    assert_eq!(keys("*Note"), ["*", "note"]);
}

#[test]
fn soft_hyphens_vanish_from_keys() {
    assert_eq!(
        tokens("Super\u{ad}intendent"),
        [(
            "Super\u{ad}intendent",
            WordKind::Word,
            "superintendent".to_string()
        )]
    );
}

#[test]
fn numbers_keep_separators_and_units_are_their_own_words() {
    assert_eq!(
        tokens("31,000 0.1 2014"),
        [
            ("31,000", WordKind::Number, "31,000".to_string()),
            ("0.1", WordKind::Number, "0.1".to_string()),
            ("2014", WordKind::Number, "2014".to_string()),
        ]
    );
    // A comma not before three digits is punctuation.
    assert_eq!(
        keys("1,2 and 2011, 2012"),
        ["1", ",", "2", "and", "2011", ",", "2012"]
    );
    // A currency symbol is punctuation; digits glued to letters make one word.
    assert_eq!(
        tokens("£4m 5%"),
        [
            ("£", WordKind::Punct, "£".to_string()),
            ("4m", WordKind::Word, "4m".to_string()),
            ("5", WordKind::Number, "5".to_string()),
            ("%", WordKind::Punct, "%".to_string()),
        ]
    );
    assert_eq!(keys("in 2011."), ["in", "2011", "."]);
}

#[test]
fn every_dash_is_a_hyphen() {
    for dash in ["-", "–", "—", "‒", "−", "--", "‐"] {
        let text = format!("off{dash}duty");
        assert_eq!(keys(&text), ["off", "-", "duty"], "{text}");
    }
}

#[test]
fn every_cut_is_one_ellipsis() {
    for cut in [
        "...", "…", "....", ". . .", "[...]", "[…]", "(...)", "(…)", "[ … ]", "[. . .]",
    ] {
        let text = format!("review{cut} the");
        assert_eq!(
            tokens(&text),
            [
                ("review", WordKind::Word, "review".to_string()),
                (cut, WordKind::Ellipsis, "...".to_string()),
                ("the", WordKind::Word, "the".to_string()),
            ],
            "{text}"
        );
    }
    // Two dots are two full stops, and an unclosed bracket stays a bracket.
    assert_eq!(keys("end.."), ["end", ".", "."]);
    assert_eq!(keys("[... the"), ["[", "...", "the"]);
}

#[test]
fn brackets_open_and_close() {
    assert_eq!(
        tokens("(MPS) [sic]"),
        [
            ("(", WordKind::Open, "(".to_string()),
            ("MPS", WordKind::Word, "mps".to_string()),
            (")", WordKind::Close, ")".to_string()),
            ("[", WordKind::Open, "[".to_string()),
            ("sic", WordKind::Word, "sic".to_string()),
            ("]", WordKind::Close, "]".to_string()),
        ]
    );
}

#[test]
fn quote_marks_fold_to_straight_ones() {
    assert_eq!(keys("“a” «b» \"c\""), keys("\"a\" \"b\" \"c\""));
    assert_eq!(keys("‘a’ `b´"), keys("'a' 'b'"));
}

#[test]
fn invisible_characters_separate_words() {
    assert_eq!(
        keys("a\u{a0}b\u{200b}c\u{feff}d\u{2060}e\tf\ng"),
        ["a", "b", "c", "d", "e", "f", "g"]
    );
}

#[test]
fn ranges_are_offsets_into_the_whole_text() {
    let text = "He said: “We will act.”";
    let start = text.find('W').unwrap();
    let ws = words(text, start..text.len());
    assert_eq!(ws[0].range, start..start + 2);
    assert_eq!(ws[0].text(text), "We");
    assert_eq!(ws.last().unwrap().text(text), "”");
    // A range that splits a character or runs past the end has no words.
    assert!(words(text, start + 1..start + 2 + 100).is_empty());
    let curly = text.find('“').unwrap();
    assert!(words(text, curly + 1..text.len()).is_empty());
}
