//! Extraction: one pass over each version's body, finding cues, lexicon terms and values, and
//! binding values to slots by the structure of the sentence.

pub mod bind;
pub mod phrases;
