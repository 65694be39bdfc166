//! Article text as structure: tokens, then paragraphs (body or page junk) and sentences.

pub mod layout;
pub mod token;

/// The word is one of `list`, ignoring ASCII case: how closed word lists are matched.
pub fn is_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}
