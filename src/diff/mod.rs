//! Word diffs of quotes, as data: which words a version of a story changed in a quote it shares
//! with other versions or with a claim, and what kind of change each is.
//!
//! `words` turns quote text into comparable words.

mod words;

#[cfg(test)]
mod word_tests;

pub use words::{QuoteWord, WordKind, words};
