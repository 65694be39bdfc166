//! Word diffs of quotes, as data: which words a version of a story changed in a quote it shares
//! with other versions or with a claim, and what kind of change each is (excerpting, house
//! style, censorship, a typo, a marked cut or insertion, or a substantive alteration).
//!
//! `words` turns quote text into comparable words, `align` pairs them up, `classify` classes
//! every changed run with the word-level rules in `rules`, and `inline` prints a diff on one
//! line for the terminal renderer. The data model (`Class`, `Op`, `Change`, `Edges`) is
//! below. Nothing here prints or fails: every input has a diff.

mod align;
mod classify;
mod inline;
mod rules;
mod words;

#[cfg(test)]
mod prop_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod word_tests;

use std::ops::Range;

pub use classify::diff;
pub use inline::inline;
pub use words::{QuoteWord, WordKind, words};

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// Not a change: the version quotes less at an edge of its quote (excerpting).
    Excerpt,
    /// Punctuation, quote-mark style, dashes, spacing, house style ("per cent" ↔ "%", "five" ↔
    /// "5", "-" in "off-duty" ↔ "off duty").
    Typography,
    /// Letters replaced by asterisks, or asterisks restored: "n*****s" ↔ "niggers", "f**k" ↔
    /// "fuck".
    Censorship,
    /// A split or joined word ("s earched" ↔ "searched"), a misspelling, a British/American
    /// spelling.
    Typo,
    /// Words left out where the version marks the cut with "...", "…" or "[...]".
    Elision,
    /// Words added (or words replaced) inside [square brackets] or (parentheses): an editor's
    /// marked expansion.
    Bracketed,
    /// Words added, dropped or changed without any marking.
    Substantive,
}

impl Class {
    pub const ALL: [Class; 7] = [
        Class::Excerpt,
        Class::Typography,
        Class::Censorship,
        Class::Typo,
        Class::Elision,
        Class::Bracketed,
        Class::Substantive,
    ];

    /// The class as written in reports and settings (kebab-case, as serialised).
    pub fn name(self) -> &'static str {
        match self {
            Class::Excerpt => "excerpt",
            Class::Typography => "typography",
            Class::Censorship => "censorship",
            Class::Typo => "typo",
            Class::Elision => "elision",
            Class::Bracketed => "bracketed",
            Class::Substantive => "substantive",
        }
    }

    /// The class by its name, for settings such as a minimum class to report.
    pub fn from_name(name: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The version changed what was said, unmarked: true for Substantive only.
    pub fn is_alteration(self) -> bool {
        self == Class::Substantive
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Op {
    Equal,
    Insert,
    Delete,
    Replace,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    pub op: Op,
    /// `None` only for `Op::Equal`.
    pub class: Option<Class>,
    /// Indices into the expected words.
    pub expected: Range<usize>,
    /// Indices into the found words.
    pub found: Range<usize>,
}

impl Change {
    pub(super) fn new(expected: Range<usize>, found: Range<usize>, class: Option<Class>) -> Change {
        let op = match (expected.is_empty(), found.is_empty(), class) {
            (_, _, None) => Op::Equal,
            (true, _, _) => Op::Insert,
            (_, true, _) => Op::Delete,
            _ => Op::Replace,
        };
        Change {
            op,
            class,
            expected,
            found,
        }
    }
}

/// Which ends of the found words are the edges of the version's quote (its opening / closing
/// quote mark, or the quote being a fragment): expected words missing beyond such an edge are
/// excerpting, not a change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Edges {
    pub start: bool,
    pub end: bool,
}
