//! Quote text as words: the tokens a quote diff compares, each with a key that ignores what a
//! reprint changes without changing the quote (letter case, curly or straight apostrophes, the
//! dash or ellipsis a house style prefers, soft hyphens left by layout).
//!
//! This is not `text::token`: a diff needs units a reader would point at. A censored word
//! ("n*****s") must stay one word so it can be set against the word it hides, and every way of
//! writing a cut ("...", "…", ". . .", "[...]", "(…)") must be one token so that two versions
//! writing the cut differently still agree.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WordKind {
    /// Letters and digits, with inner apostrophes and censoring asterisks: `shouldn’t`, `f**k`,
    /// `****`, and mixed runs such as `21st`, `4m` or `1980s`.
    Word,
    /// Digits only, with inner `,` (before a group of three) or `.`: `31,000`, `0.1`.
    Number,
    /// Any other visible character, one a token, except that a run of hyphens and dashes is one
    /// token (key `-`). Quote marks fold to `"` or `'`. Symbols such as `%`, `£`, `&` are
    /// Punct too, but unlike prose punctuation they carry meaning (see [`QuoteWord::is_mark`]).
    Punct,
    /// A cut: `...` (three or more dots, also spaced `. . .`), `…`, and the bracketed forms
    /// `[...]`, `[…]`, `(...)`, `(…)`. Key `...`.
    Ellipsis,
    /// `(` or `[`.
    Open,
    /// `)` or `]`.
    Close,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteWord {
    /// Byte offsets into the text `words()` was given (NOT relative to `range`).
    pub range: Range<usize>,
    pub kind: WordKind,
    /// What comparisons use: lower-cased, typography folded.
    pub key: String,
}

/// Punctuation that shapes how a sentence reads but not what it says: changing, adding or
/// dropping only these is a matter of house style.
const MARK_KEYS: &[&str] = &[",", ".", ";", ":", "!", "?", "\"", "'", "-"];

impl QuoteWord {
    /// Prose punctuation, brackets and cuts, as opposed to words and meaningful symbols
    /// (`%`, `£`, `&`, `+`), which a diff must not wave through as typography.
    pub fn is_mark(&self) -> bool {
        match self.kind {
            WordKind::Word | WordKind::Number => false,
            WordKind::Ellipsis | WordKind::Open | WordKind::Close => true,
            WordKind::Punct => MARK_KEYS.contains(&self.key.as_str()),
        }
    }

    /// The word as written in `text`, or its key when `text` is not the text it came from.
    pub fn text<'t>(&'t self, text: &'t str) -> &'t str {
        text.get(self.range.clone()).unwrap_or(&self.key)
    }
}

/// The words of `text[range]`. A range that is out of bounds or splits a character has no words.
pub fn words(text: &str, range: Range<usize>) -> Vec<QuoteWord> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let end_of = |i: usize| match chars.get(i) {
        Some(&(at, c)) => at + c.len_utf8(),
        None => slice.len(),
    };
    let mut out = Vec::with_capacity(chars.len() / 5);
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        if is_space(c) {
            i += 1;
            continue;
        }
        let (next, kind, key) = if let Some(next) = bracketed_ellipsis(&chars, i) {
            (next, WordKind::Ellipsis, "...".to_string())
        } else if let Some(next) = ellipsis_end(&chars, i) {
            (next, WordKind::Ellipsis, "...".to_string())
        } else if let Some(next) = word_end(&chars, i) {
            let span = chars.get(i..next).unwrap_or(&[]);
            (next, word_kind(span), word_key(span))
        } else if is_dash(c) {
            let mut next = i + 1;
            while chars.get(next).is_some_and(|&(_, d)| is_dash(d)) {
                next += 1;
            }
            (next, WordKind::Punct, "-".to_string())
        } else {
            let (kind, key) = match c {
                '(' | '[' => (WordKind::Open, c.to_string()),
                ')' | ']' => (WordKind::Close, c.to_string()),
                _ => (WordKind::Punct, punct_key(c)),
            };
            (i + 1, kind, key)
        };
        out.push(QuoteWord {
            range: range.start + start..range.start + end_of(next - 1),
            kind,
            key,
        });
        i = next;
    }
    out
}

/// Characters that separate words: Unicode whitespace (no-break spaces included), control
/// characters, and the invisible format characters scrapes leave behind (zero-width spaces and
/// joiners, direction marks, word joiners, byte-order marks, a soft hyphen outside a word).
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '′')
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹘' | '﹣' | '－'
    )
}

/// Combining accents continue a word ("café" typed with a separate accent).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

fn punct_key(c: char) -> String {
    match c {
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '″' | '〝' | '〞' | '＂' => {
            "\"".to_string()
        }
        '\'' | '‘' | '’' | '‚' | '‛' | '‹' | '›' | '′' | '`' | '´' | 'ʼ' => {
            "'".to_string()
        }
        _ => c.to_lowercase().collect(),
    }
}

fn char_at(chars: &[(usize, char)], i: usize) -> Option<char> {
    chars.get(i).map(|&(_, c)| c)
}

/// The end (a char index) of the cut starting at `i`: dots and `…` characters, adjacent or in
/// the spaced `. . .` style, worth three dots or more. "...." is one cut: the full stop after
/// an ellipsis is not worth a token of its own.
fn ellipsis_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let mut dots = 0;
    let mut j = i;
    let mut end = i;
    loop {
        match char_at(chars, j) {
            Some('.') => dots += 1,
            Some('…') => dots += 3,
            Some(' ' | '\u{A0}' | '\u{202F}')
                if dots > 0 && matches!(char_at(chars, j + 1), Some('.' | '…')) =>
            {
                j += 1;
                continue;
            }
            _ => break,
        }
        j += 1;
        end = j;
    }
    (dots >= 3).then_some(end)
}

/// The end of a bracketed cut, `[...]` or `(…)`, spaces allowed inside, starting at `i`.
fn bracketed_ellipsis(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let close = match char_at(chars, i)? {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let skip_spaces = |mut j: usize| {
        while char_at(chars, j).is_some_and(is_space) {
            j += 1;
        }
        j
    };
    let after = skip_spaces(ellipsis_end(chars, skip_spaces(i + 1))?);
    (char_at(chars, after) == Some(close)).then_some(after + 1)
}

/// The end of the word starting at `i`, if one does. A word is a run of letters and digits
/// that may hold inner apostrophes ("shouldn’t"), soft hyphens, number separators ("31,000")
/// and censoring asterisks. Asterisks count as letters when there are two or more of them
/// ("****", "f**k", "f***") or when one sits between letters ("f*ck"); a lone asterisk before
/// or after a word is a footnote mark.
fn word_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let is_letter = |c: char| c.is_alphanumeric();
    let mut j = i;
    let mut seen = false;
    while let Some(c) = char_at(chars, j) {
        if c == '*' {
            let mut run = 1;
            while char_at(chars, j + run) == Some('*') {
                run += 1;
            }
            if run >= 2 || (seen && char_at(chars, j + run).is_some_and(is_letter)) {
                j += run;
                seen = true;
                continue;
            }
            break;
        }
        let next = char_at(chars, j + 1);
        let after_digit = j
            .checked_sub(1)
            .and_then(|p| char_at(chars, p))
            .is_some_and(|p| p.is_ascii_digit());
        let inner =
            (c == '\u{AD}' || is_apostrophe(c)) && next.is_some_and(|n| is_letter(n) || n == '*');
        let separator = after_digit
            && ((c == '.' && next.is_some_and(|n| n.is_ascii_digit()))
                || (c == ',' && thousands_group(chars, j + 1)));
        if !(is_letter(c) || (seen && (inner || separator || is_combining(c)))) {
            break;
        }
        j += 1;
        seen = true;
    }
    seen.then_some(j)
}

/// Exactly three digits start at `i`: what makes a comma a thousands separator.
fn thousands_group(chars: &[(usize, char)], i: usize) -> bool {
    (i..i + 3).all(|k| char_at(chars, k).is_some_and(|c| c.is_ascii_digit()))
        && !char_at(chars, i + 3).is_some_and(|c| c.is_ascii_digit())
}

fn word_kind(span: &[(usize, char)]) -> WordKind {
    if span
        .iter()
        .all(|&(_, c)| c.is_ascii_digit() || c == ',' || c == '.')
    {
        WordKind::Number
    } else {
        WordKind::Word
    }
}

fn word_key(span: &[(usize, char)]) -> String {
    let mut key = String::with_capacity(span.len());
    for &(_, c) in span {
        match c {
            '\u{AD}' => {}
            c if is_apostrophe(c) => key.push('\''),
            c => key.extend(c.to_lowercase()),
        }
    }
    key
}
