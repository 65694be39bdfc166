//! Article text as structure: tokens, then paragraphs (body or page junk) and sentences.

pub mod layout;
pub mod token;
