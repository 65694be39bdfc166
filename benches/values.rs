//! The number normaliser: recognising every value in a sentence (`values::recognise`), and
//! reading a claim-file literal (`values::parse_literal`).
//!
//! Run: `cargo bench --bench values`.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use wirecheck::extract::values::{self, Context};
use wirecheck::text::token::tokenize;

fn main() {
    divan::main();
}

/// Newsroom sentences, each with the value forms named in the issue, and one without a value,
/// named by what they hold so the bench table stays narrow.
const SENTENCES: &[(&str, &str)] = &[
    (
        "nearly five years",
        "The officer had been with the force for nearly five years before he was dismissed.",
    ),
    (
        "around 31,000 officers",
        "The Met employs around 31,000 officers, 13,000 staff and 2,600 PCSOs.",
    ),
    (
        "two-thirds",
        "Formal action was taken in two-thirds of the cases, the figures show.",
    ),
    (
        "just over 0.1 per cent",
        "That means just over 0.1 per cent of employees are disciplined each year.",
    ),
    (
        "date range and counts",
        "Between January 2009 and October 2013 there were 300 such breaches, of which 208 led to formal action.",
    ),
    (
        "no value",
        "The force said the remaining cases were dealt with by words of advice and management action.",
    ),
];

fn names() -> Vec<&'static str> {
    SENTENCES.iter().map(|(name, _)| *name).collect()
}

/// 6 May 2014, the seed story's publication day, as `value::date` counts days.
fn context() -> Context {
    Context {
        published: wirecheck::value::date::day_number(2014, 5, 6),
        month_first: false,
    }
}

#[divan::bench(args = names())]
fn recognise(bencher: Bencher, name: &str) {
    let (_, sentence) = SENTENCES
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no sentence {name}"));
    let tokens = tokenize(sentence, 0..sentence.len());
    let ctx = context();
    bencher
        .counter(BytesCount::new(sentence.len()))
        .bench(|| values::recognise(black_box(sentence), black_box(&tokens), &ctx));
}

/// Tokenising included, as the extractor pays it once per version.
#[divan::bench]
fn tokenize_and_recognise_all(bencher: Bencher) {
    let ctx = context();
    let bytes: usize = SENTENCES.iter().map(|(_, s)| s.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        SENTENCES
            .iter()
            .map(|(_, s)| {
                let tokens = tokenize(s, 0..s.len());
                values::recognise(black_box(s), &tokens, &ctx).len()
            })
            .sum::<usize>()
    });
}

const LITERALS: &[&str] = &[
    "300",
    "three hundred",
    "two-thirds",
    "2/3",
    "just over 0.1 per cent",
    "around 31,000",
    "nearly five years",
    "January 2009",
    "£1.2m",
];

#[divan::bench(args = LITERALS)]
fn parse_literal(bencher: Bencher, literal: &str) {
    let ctx = context();
    bencher.bench(|| values::parse_literal(black_box(literal), &ctx));
}
