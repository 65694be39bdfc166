//! Tokens: the words, numbers and punctuation of an article, with byte offsets into its file.
//!
//! Everything downstream (segmentation, cue and lexicon lookup, value recognition) reads tokens,
//! never raw text, so line breaks inside a phrase ("detective chief\ninspector") and odd spacing
//! cost nothing: whitespace only survives as the `spaced` and `breaks` flags.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, digits after a first letter, and inner apostrophes: `Met's`, `i100`, `shouldn’t`.
    Word,
    /// Digits with thousands separators and one decimal point: `31,000`, `0.1`, `2014`.
    Number,
    /// Any other visible character, one per token; `...` is a single token.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the file text.
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
    /// Whitespace separates this token from the one before. `false` means glued, as the parts
    /// of `two-thirds`, `£1.2m` or `21-year-old` are.
    pub spaced: bool,
    /// Line breaks in the whitespace before this token, saturating at 255.
    pub breaks: u8,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range()).unwrap_or("")
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    pub fn is_punct(&self) -> bool {
        self.kind == TokenKind::Punct
    }

    /// Starts a new paragraph: a blank line (two breaks) precedes it.
    pub fn starts_block(&self) -> bool {
        self.breaks >= 2
    }
}

/// Characters that separate tokens besides Unicode whitespace: zero-width spaces and byte-order
/// marks that scrapes leave in text.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Tokenizes `text[range]`, reporting offsets relative to the whole of `text`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(range.len() / 5);
    let slice = match text.get(range.clone()) {
        Some(slice) => slice,
        None => return tokens,
    };
    let base = range.start;
    let mut chars = slice.char_indices().peekable();
    let mut spaced = true;
    let mut breaks: u32 = 0;
    while let Some(&(i, c)) = chars.peek() {
        if is_space(c) {
            spaced = true;
            if c == '\n' || (c == '\r' && !slice[i + 1..].starts_with('\n')) {
                breaks += 1;
            }
            chars.next();
            continue;
        }
        let start = i;
        let kind;
        let mut end;
        if c.is_alphabetic() {
            kind = TokenKind::Word;
            chars.next();
            end = start + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                // Letters and digits continue a word; so does an apostrophe between letters.
                if d.is_alphanumeric()
                    || is_combining(d)
                    || (is_apostrophe(d)
                        && slice[j + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphabetic))
                {
                    chars.next();
                    end = j + d.len_utf8();
                } else {
                    break;
                }
            }
        } else if c.is_ascii_digit() {
            kind = TokenKind::Number;
            end = scan_number(slice, start);
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
        } else {
            kind = TokenKind::Punct;
            chars.next();
            end = start + c.len_utf8();
            if c == '.' && slice[end..].starts_with("..") {
                end += 2;
                chars.next();
                chars.next();
            }
        }
        tokens.push(Token {
            start: crate::source::to_u32(base + start),
            end: crate::source::to_u32(base + end),
            kind,
            spaced,
            breaks: u8::try_from(breaks).unwrap_or(u8::MAX),
        });
        spaced = false;
        breaks = 0;
    }
    tokens
}

/// Characters inside a word that do not break it: combining accents, and the soft hyphen
/// (U+00AD) that layout engines leave in scraped text ("Super\u{ad}intendent").
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{00AD}')
}

/// End of the number starting at `start`: digits, then groups of `,ddd` (a comma followed by
/// exactly three digits), then at most one `.d+`. `officers,13,000` therefore splits before
/// `13`, because a thousands separator only ever sits between digits.
fn scan_number(s: &str, start: usize) -> usize {
    let bytes = s.as_bytes();
    let digits_from = |mut i: usize| {
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let mut end = digits_from(start);
    while end < bytes.len() && bytes[end] == b',' {
        let group_end = digits_from(end + 1);
        if group_end - (end + 1) == 3 {
            end = group_end;
        } else {
            break;
        }
    }
    if end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
        end = digits_from(end + 1);
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(&str, TokenKind, bool)> {
        tokenize(s, 0..s.len())
            .iter()
            .map(|t| (t.text(s), t.kind, t.spaced))
            .collect()
    }

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0..s.len()).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn numbers_keep_thousands_separators_and_decimals() {
        assert_eq!(
            words("around 31,000 officers, 0.1 per cent"),
            ["around", "31,000", "officers", ",", "0.1", "per", "cent"]
        );
        assert_eq!(
            words("2,600 and 10,000,000."),
            ["2,600", "and", "10,000,000", "."]
        );
    }

    #[test]
    fn a_comma_between_a_word_and_a_number_is_not_a_separator() {
        assert_eq!(
            words("31,000 officers,13,000 police staff"),
            ["31,000", "officers", ",", "13,000", "police", "staff"]
        );
    }

    #[test]
    fn a_comma_not_followed_by_three_digits_ends_the_number() {
        assert_eq!(
            words("1,2 and 12,34"),
            ["1", ",", "2", "and", "12", ",", "34"]
        );
    }

    #[test]
    fn hyphens_and_currency_glue_without_spacing() {
        let toks = texts("two-thirds £1.2m");
        assert_eq!(
            toks,
            [
                ("two", TokenKind::Word, true),
                ("-", TokenKind::Punct, false),
                ("thirds", TokenKind::Word, false),
                ("£", TokenKind::Punct, true),
                ("1.2", TokenKind::Number, false),
                ("m", TokenKind::Word, false),
            ]
        );
    }

    #[test]
    fn apostrophes_inside_words_stay_closing_quotes_do_not() {
        assert_eq!(
            words("the Met's 'astonishing' shouldn’t"),
            ["the", "Met's", "'", "astonishing", "'", "shouldn’t"]
        );
    }

    #[test]
    fn a_soft_hyphen_does_not_split_a_word() {
        assert_eq!(
            words("Det Super\u{ad}intendent Rowe"),
            ["Det", "Super\u{ad}intendent", "Rowe"]
        );
    }

    #[test]
    fn ellipsis_is_one_token() {
        assert_eq!(words("Christmas... Keep"), ["Christmas", "...", "Keep"]);
        assert_eq!(words("Christmas… Keep"), ["Christmas", "…", "Keep"]);
    }

    #[test]
    fn breaks_count_newlines_including_lone_cr() {
        let s = "a\nb\r\n\r\nc\rd";
        let toks = tokenize(s, 0..s.len());
        let breaks: Vec<u8> = toks.iter().map(|t| t.breaks).collect();
        assert_eq!(breaks, [0, 1, 2, 1]);
    }

    #[test]
    fn non_breaking_and_zero_width_spaces_separate() {
        assert_eq!(
            words("Hundreds of\u{a0} data\u{200b}breaches"),
            ["Hundreds", "of", "data", "breaches"]
        );
    }

    #[test]
    fn offsets_are_relative_to_the_whole_text() {
        let s = "xx 300 breaches";
        let toks = tokenize(s, 3..s.len());
        assert_eq!(toks[0].range(), 3..6);
        assert!(toks[0].spaced);
    }
}
