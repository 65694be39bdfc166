//! Property tests: numbers read the same in words and digits, and the recognisers never panic
//! and always return ordered, disjoint, in-bounds mentions, whatever the text.

use proptest::prelude::*;

use super::*;
use crate::value::Interval;

use super::words::{SMALL_NUMBERS as SMALL, TENS};

/// How a writer may spell a number out.
#[derive(Clone, Copy, Debug)]
struct Style {
    /// "three hundred and twenty" rather than "three hundred twenty".
    and: bool,
    /// "twenty-one" rather than "twenty one".
    hyphen: bool,
}

fn below_hundred(n: usize, style: Style) -> String {
    match (SMALL.get(n), TENS.get(n / 10)) {
        (Some(word), _) => (*word).to_string(),
        (None, Some(tens)) if n.is_multiple_of(10) => (*tens).to_string(),
        (None, Some(tens)) => {
            let unit = SMALL.get(n % 10).copied().unwrap_or("");
            format!("{tens}{}{unit}", if style.hyphen { "-" } else { " " })
        }
        _ => String::new(),
    }
}

/// English words for 0..=9999.
fn words(n: usize, style: Style) -> String {
    if n < 100 {
        return below_hundred(n, style);
    }
    let mut parts = Vec::new();
    if n >= 1000 {
        parts.push(format!("{} thousand", below_hundred(n / 1000, style)));
    }
    let hundreds = (n / 100) % 10;
    if hundreds > 0 {
        parts.push(format!("{} hundred", below_hundred(hundreds, style)));
    }
    let rest = n % 100;
    if rest > 0 {
        if style.and {
            parts.push("and".to_string());
        }
        parts.push(below_hundred(rest, style));
    }
    parts.join(" ")
}

/// English words for any number below a billion: "two million, three hundred and four
/// thousand and six". `commas` puts a comma after the millions and the thousands when a
/// hundreds group follows, as in "two hundred and six thousand, four hundred".
fn big_words(n: usize, style: Style, commas: bool) -> String {
    let groups = [
        (n / 1_000_000, " million"),
        ((n / 1000) % 1000, " thousand"),
    ];
    let mut parts: Vec<String> = Vec::new();
    for (group, scale) in groups {
        if group > 0 {
            parts.push(format!("{}{scale}", words(group, style)));
        }
    }
    let rest = n % 1000;
    if rest == 0 && !parts.is_empty() {
        return parts.join(" ");
    }
    let rest_words = words(rest, style);
    match parts.last_mut() {
        // "two thousand and five": a group below a hundred after a scale takes "and".
        Some(_) if rest < 100 && style.and => parts.push(format!("and {rest_words}")),
        Some(last) if commas && rest >= 100 => {
            last.push(',');
            parts.push(rest_words);
        }
        _ => parts.push(rest_words),
    }
    parts.join(" ")
}

/// Digits grouped in threes with commas: 1,200 and 2,304,506.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn values(s: &str) -> Vec<(Value, bool)> {
    let toks = tokenize(s, 0..s.len());
    recognise(s, &toks, &Context::default())
        .into_iter()
        .map(|m| (m.value, m.vague))
        .collect()
}

#[test]
fn every_number_below_ten_thousand_reads_the_same_in_words_and_digits() {
    let style = Style {
        and: true,
        hyphen: true,
    };
    for n in 0..=9999 {
        let spelled = words(n, style);
        let digits = values(&format!("{n} officers"));
        let written = values(&format!("{spelled} officers"));
        assert_eq!(written, digits, "{spelled} vs {n}");
        assert_eq!(
            digits,
            vec![(
                Value::Count {
                    range: Interval::point(n as f64)
                },
                false
            )],
            "{n}"
        );
    }
}

proptest! {
    #[test]
    fn qualified_numbers_read_the_same_in_words_and_digits(
        n in 1usize..=9999,
        and in any::<bool>(),
        hyphen in any::<bool>(),
        qualifier in prop::sample::select(vec!["", "around ", "nearly ", "more than ", "just over ", "up to "]),
        unit in prop::sample::select(vec!["officers", "years", "per cent", "miles", "days later"]),
    ) {
        // "around one officer's conduct" is a preposition and a pronoun-like "one", by design
        // (values/tests.rs: about_one_thing_is_a_preposition_not_an_approximation).
        prop_assume!(!(n == 1 && qualifier == "around "));
        let spelled = words(n, Style { and, hyphen });
        let digits = values(&format!("{qualifier}{n} {unit}"));
        let written = values(&format!("{qualifier}{spelled} {unit}"));
        prop_assert_eq!(written, digits);
    }

    /// Up to a million, a count in digits (plain or grouped with commas) and the same count in
    /// words denote the same interval, qualified or not.
    #[test]
    fn counts_up_to_a_million_read_the_same_in_words_and_digits(
        n in prop_oneof![0usize..3, 0usize..100, 100usize..10_000, 10_000usize..1_000_000],
        and in any::<bool>(),
        hyphen in any::<bool>(),
        commas in any::<bool>(),
        qualifier in prop::sample::select(QUALIFIERS.to_vec()),
    ) {
        // "around one officer's conduct" is a preposition and a pronoun-like "one", by design
        // (values/tests.rs: about_one_thing_is_a_preposition_not_an_approximation).
        prop_assume!(!(n == 1 && matches!(qualifier, "around " | "about ")));
        let spelled = big_words(n, Style { and, hyphen }, commas);
        let written = values(&format!("{qualifier}{spelled} officers"));
        prop_assert_eq!(written.len(), 1, "{}", spelled);
        for digits in [n.to_string(), grouped(n)] {
            prop_assert_eq!(&values(&format!("{qualifier}{digits} officers")), &written, "{} vs {}", digits, spelled);
        }
        if qualifier.is_empty() {
            prop_assert_eq!(
                written,
                vec![(Value::Count { range: Interval::point(n as f64) }, false)]
            );
        }
    }

    /// Millions and billions are written as a figure and a scale word, in digits or words:
    /// "3 million" and "three million", "2.5bn" and "two and a half billion", each as
    /// rounded as the other.
    #[test]
    fn scaled_counts_read_the_same_in_words_and_digits(
        k in 1usize..1000,
        half in any::<bool>(),
        and in any::<bool>(),
        hyphen in any::<bool>(),
        scale in prop::sample::select(vec!["million", "billion"]),
        qualifier in prop::sample::select(QUALIFIERS.to_vec()),
    ) {
        let spelled = words(k, Style { and, hyphen });
        let (digits, spelled) = if half {
            (format!("{k}.5"), format!("{spelled} and a half"))
        } else {
            (k.to_string(), spelled)
        };
        let written = values(&format!("{qualifier}{spelled} {scale} officers"));
        prop_assert_eq!(written.len(), 1, "{} {}", spelled, scale);
        prop_assert_eq!(values(&format!("{qualifier}{digits} {scale} officers")), written.clone());
        let glued = if scale == "million" { "m" } else { "bn" };
        prop_assert_eq!(values(&format!("{qualifier}{digits}{glued} officers")), written);
    }

    /// Spelled out in full, a count of a million or more never conflicts with the same count in
    /// digits: its interval holds it, and no other whole number unless the words end on a
    /// round figure, which is read as rounded as millions in words are ("one million two
    /// hundred thousand" as "1.2 million"; docs/values.md, Precision).
    #[test]
    fn counts_of_millions_in_words_hold_the_same_count_in_digits(
        // Below 10^8: interval bounds are compared to a relative 10^-9, which from 5×10^8 up
        // is half a unit or more.
        n in 1_000_000usize..100_000_000,
        and in any::<bool>(),
        hyphen in any::<bool>(),
        commas in any::<bool>(),
    ) {
        let spelled = big_words(n, Style { and, hyphen }, commas);
        let written = values(&format!("{spelled} officers"));
        let digits = values(&format!("{} officers", grouped(n)));
        let [(Value::Count { range: words_range }, false)] = written.as_slice() else {
            return Err(TestCaseError::fail(format!("{spelled}: {written:?}")));
        };
        prop_assert_eq!(&digits, &vec![(Value::Count { range: Interval::point(n as f64) }, false)]);
        prop_assert!(words_range.contains(&Interval::point(n as f64)), "{}: {:?}", spelled, words_range);
        if n % 10 != 0 {
            let whole_numbers = (n - 2..=n + 2).filter(|&m| words_range.contains(&Interval::point(m as f64)));
            prop_assert_eq!(whole_numbers.collect::<Vec<_>>(), vec![n], "{}", spelled);
        }
    }

    /// A decimal said in words before a scale or a percent reads as the same decimal in digits:
    /// "one point two million" as "1.2 million", "two point five per cent" as "2.5 per cent".
    #[test]
    fn spoken_decimals_read_the_same_as_digits(
        whole in 0usize..1000,
        decimals in prop::collection::vec(0usize..10, 1..3),
        unit in prop::sample::select(vec!["million officers", "billion officers", "per cent of officers", "% of officers"]),
        qualifier in prop::sample::select(QUALIFIERS.to_vec()),
    ) {
        let style = Style { and: true, hyphen: true };
        let digits: String = decimals.iter().map(|d| d.to_string()).collect();
        let spoken: Vec<&str> = decimals.iter().map(|&d| SMALL[d]).collect();
        let unit_words = if unit.starts_with('%') { unit.replacen('%', "per cent", 1) } else { unit.to_string() };
        let written = values(&format!("{qualifier}{} point {} {unit_words}", words(whole, style), spoken.join(" ")));
        prop_assert_eq!(written.len(), 1, "{:?}", written);
        let separator = if unit.starts_with('%') { "" } else { " " };
        prop_assert_eq!(values(&format!("{qualifier}{whole}.{digits}{separator}{unit}")), written);
    }

    #[test]
    fn recognise_never_panics_and_returns_ordered_disjoint_mentions(s in "\\PC{0,80}") {
        check_mentions(&s);
    }

    #[test]
    fn recognise_survives_soup_of_trigger_words(
        words in prop::collection::vec(prop::sample::select(SOUP.to_vec()), 0..24),
        glue in prop::collection::vec(prop::sample::select(vec![" ", "", "-", ",", " ", "/", ".", ":"]), 24),
    ) {
        let mut s = String::new();
        for (word, sep) in words.iter().zip(glue.iter()) {
            s.push_str(word);
            s.push_str(sep);
        }
        check_mentions(&s);
        let _ = parse_literal(&s, &Context::default());
        let _ = parse_literal(&s, &Context { published: Some(16196.0), month_first: true });
    }

    #[test]
    fn parse_literal_never_panics(s in "\\PC{0,40}", published in prop::option::of(-1e7f64..1e7)) {
        let _ = parse_literal(&s, &Context { published, month_first: false });
    }
}

/// Qualifiers a writer puts before a figure, each tried before digits and words alike.
const QUALIFIERS: [&str; 10] = [
    "",
    "around ",
    "about ",
    "nearly ",
    "almost ",
    "more than ",
    "fewer than ",
    "at least ",
    "just over ",
    "up to ",
];

/// Words and numbers that start or shape values, for dense random sentences.
const SOUP: [&str; 72] = [
    "300",
    "31,000",
    "0.1",
    "2011",
    "1990",
    "06",
    "05",
    "2014",
    "1",
    "21",
    "9.8",
    "99999999999999999999",
    "a",
    "an",
    "the",
    "one",
    "two",
    "twenty",
    "hundred",
    "thousand",
    "million",
    "and",
    "half",
    "third",
    "thirds",
    "quarter",
    "few",
    "couple",
    "of",
    "both",
    "hundreds",
    "tens",
    "dozen",
    "around",
    "nearly",
    "just",
    "over",
    "under",
    "more",
    "than",
    "at",
    "least",
    "up",
    "to",
    "between",
    "from",
    "per",
    "cent",
    "%",
    "£",
    "$",
    "m",
    "bn",
    "C",
    "km",
    "year",
    "years",
    "old",
    "night",
    "days",
    "before",
    "later",
    "ago",
    "May",
    "January",
    "Saturday",
    "last",
    "in",
    "aged",
    "his",
    "s",
    "th",
];

fn check_mentions(s: &str) {
    let toks = tokenize(s, 0..s.len());
    for ctx in [
        Context::default(),
        Context {
            published: Some(16196.0),
            month_first: true,
        },
    ] {
        let ms = recognise(s, &toks, &ctx);
        let mut last_end = 0;
        for m in &ms {
            assert!(
                m.tokens.start >= last_end,
                "overlap or disorder in {s:?}: {ms:#?}"
            );
            assert!(
                m.tokens.start < m.tokens.end && m.tokens.end <= toks.len(),
                "{s:?}: {ms:#?}"
            );
            if let Some(h) = &m.head {
                assert!(h.start >= m.tokens.end && h.start < h.end && h.end <= toks.len());
            }
            last_end = m.tokens.end;
        }
    }
}
