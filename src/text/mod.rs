//! Article text as structure: tokens, then paragraphs (body or page junk) and sentences.

pub mod layout;
pub mod token;

/// The word is one of `list`, ignoring ASCII case: how closed word lists are matched.
pub fn is_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A closed word list asked about every token of every article (speech verbs): [`is_any`] in
/// one hash lookup instead of a comparison per entry.
#[derive(Debug)]
pub struct WordSet {
    words: rustc_hash::FxHashSet<String>,
    longest: usize,
}

impl WordSet {
    pub fn new(list: &[&str]) -> WordSet {
        WordSet {
            words: list.iter().map(|w| w.to_ascii_lowercase()).collect(),
            longest: list.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    /// Whether `word` is in the set, ignoring ASCII case, exactly as [`is_any`] would say.
    pub fn contains(&self, word: &str) -> bool {
        const ROOM: usize = 32;
        if word.len() > self.longest {
            return false;
        }
        let mut buffer = [0u8; ROOM];
        let Some(lower) = buffer.get_mut(..word.len()) else {
            return self.words.iter().any(|w| w.eq_ignore_ascii_case(word));
        };
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII folding leaves UTF-8 valid.
        std::str::from_utf8(lower).is_ok_and(|lower| self.words.contains(lower))
    }
}

/// Whether a character would act on a terminal or reorder what is around it instead of
/// showing: control characters (but line breaks and tabs) and the bidirectional embeddings,
/// overrides and isolates that "Trojan Source" text uses.
pub fn is_unsafe_to_echo(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}' | '\u{200e}' | '\u{200f}')
}

/// `text` made safe to echo to a terminal: each character [`is_unsafe_to_echo`] becomes a visible
/// stand-in of the same length in bytes, so offsets and columns into the text stay true.
pub fn inert(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe_to_echo) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            c if !is_unsafe_to_echo(c) => c,
            c if c.len_utf8() == 1 => '?',
            c if c.len_utf8() == 2 => '¿',
            _ => '\u{fffd}',
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod inert_tests {
    use super::*;

    #[test]
    fn escapes_and_overrides_become_stand_ins_of_the_same_length() {
        let text = "a\u{1b}[2J b\u{7} \u{202e}c\u{202c} \u{85}d\n\te";
        let safe = inert(text);
        assert_eq!(safe.len(), text.len());
        assert_eq!(safe, "a?[2J b? \u{fffd}c\u{fffd} ¿d\n\te");
        assert!(matches!(
            inert("plain “text”\n"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_set_answers_as_is_any_does() {
        let list = [
            "said",
            "told",
            "Explained",
            "a-very-long-speech-verb-of-forty-bytes!!",
        ];
        let set = WordSet::new(&list);
        for word in [
            "said",
            "SAID",
            "Said",
            "sAiD",
            "says",
            "sai",
            "saidx",
            "",
            "told",
            "explained",
            "EXPLAINED",
            "a-very-long-speech-verb-of-forty-bytes!!",
            "A-VERY-LONG-SPEECH-VERB-OF-FORTY-BYTES!!",
            "sáid",
            "ſaid",
            "told\u{301}",
            "tol",
        ] {
            assert_eq!(set.contains(word), is_any(word, &list), "{word:?}");
        }
        assert!(set.contains("Told") && !set.contains("tolds"));
    }
}
