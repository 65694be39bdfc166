//! Quotes: the words each version puts in quote marks, passage by passage, and who it says
//! spoke them. Read from the body only, so a teaser's quote or a caption never counts.

mod marks;
mod names;
mod speaker;
#[cfg(test)]
mod tests;

pub use names::{squash, surname_key};

use crate::source::{FileId, Span};
use crate::text::layout::Layout;
use crate::text::token::Token;

/// One quoted passage: from an opening mark to its closing mark, over as many paragraphs as
/// the quote runs.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    /// The quoted words of each paragraph, without the marks.
    pub parts: Vec<Span>,
    /// Ended by a closing mark; `false` when it ran unclosed to the end of its paragraph.
    pub closed: bool,
    /// A fragment inside the writer's own sentence (were “astonishing”), not a whole utterance.
    pub partial: bool,
    pub speaker: Option<Speaker>,
}

/// Who a version says spoke a quote.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Speaker {
    /// The fullest name the version gives ("David Davis"), or the description of an unnamed
    /// speaker ("A Met spokesman").
    pub name: String,
    pub key: SpeakerKey,
    /// What the version says they are ("Former shadow home secretary").
    pub role: Option<String>,
    /// The words that attribute this quote ("He", "The Tory MP for Haltemprice and Howden").
    pub written: Span,
    /// Named through a pronoun or a description that refers back, or carried over from the
    /// quote before.
    pub resolved: bool,
}

/// What speakers are compared by across versions: a person by surname ("Emma Carr" = "Ms
/// Carr"), anything else by its description.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum SpeakerKey {
    Person(String),
    Body(String),
}

impl Speaker {
    pub fn is_person(&self) -> bool {
        matches!(self.key, SpeakerKey::Person(_))
    }
}

/// Every quote of a version's body, in text order.
pub fn quotes(text: &str, tokens: &[Token], layout: &Layout, file: FileId) -> Vec<Quote> {
    let passages = marks::passages(text, tokens, layout);
    let speakers = speaker::attribute(text, tokens, layout, &passages, file);
    passages
        .into_iter()
        .zip(speakers)
        .map(|(passage, speaker)| {
            let first = passage.parts.first().map_or(passage.open + 1, |r| r.start);
            let partial = tokens.get(first).is_some_and(|t| {
                let word = t.text(text);
                word.chars().next().is_some_and(char::is_lowercase) || matches!(word, "..." | "…")
            });
            Quote {
                parts: passage
                    .parts
                    .iter()
                    .map(|r| {
                        Span::new(
                            file,
                            tokens[r.start].start as usize..tokens[r.end - 1].end as usize,
                        )
                    })
                    .collect(),
                closed: passage.close.is_some(),
                partial,
                speaker,
            }
        })
        .collect()
}
