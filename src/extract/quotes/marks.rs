//! Quote marks: which words of a version's body stand inside them, passage by passage.
//!
//! Double marks are read by position, not shape, since scrapes mix `"`, `“` and `”` freely (a
//! PA copy opens one quote with `”`). A paragraph that ends inside a quote continues in the next
//! paragraph only when that one opens with a quote mark, the newsroom convention; otherwise the
//! quote ends with its paragraph and can never run into the page furniture after it. Single
//! marks make a quote only in a paragraph without double marks, and only where they cannot be
//! apostrophes.

use std::ops::Range;

use crate::text::layout::Layout;
use crate::text::token::Token;

/// Quoted tokens that run on, maybe over several paragraphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// The quoted tokens in each paragraph, without the marks.
    pub parts: Vec<Range<usize>>,
    /// The paragraph of each part.
    pub paragraphs: Vec<usize>,
    /// The opening mark's token.
    pub open: usize,
    /// The closing mark's token; `None` when the quote ran to the end of its paragraph.
    pub close: Option<usize>,
}

fn is_double(s: &str) -> bool {
    matches!(s, "\"" | "“" | "”" | "„" | "‟" | "«" | "»")
}

fn is_single(s: &str) -> bool {
    matches!(s, "'" | "‘" | "’" | "‚" | "‛")
}

/// Every quoted passage in the body paragraphs, in text order.
pub fn passages(text: &str, tokens: &[Token], layout: &Layout) -> Vec<Passage> {
    let mut out = Vec::new();
    // A passage still open at the end of the previous paragraph.
    let mut carried: Option<Passage> = None;
    for (p, paragraph) in layout.paragraphs.iter().enumerate() {
        let range = paragraph.tokens.clone();
        if !paragraph.body || range.is_empty() {
            out.extend(carried.take());
            continue;
        }
        let doubles = tokens[range.clone()]
            .iter()
            .any(|t| t.is_punct() && is_double(t.text(text)));
        let mut open: Option<(usize, Passage)> = None;
        if let Some(passage) = carried.take() {
            if is_double(tokens[range.start].text(text)) {
                open = Some((range.start + 1, passage));
            } else {
                out.push(passage);
            }
        }
        if !doubles {
            out.extend(single_quoted(text, tokens, range, p));
            continue;
        }
        let mut i = if open.is_some() {
            range.start + 1
        } else {
            range.start
        };
        while i < range.end {
            let token = &tokens[i];
            if token.is_punct() && is_double(token.text(text)) {
                match open.take() {
                    Some((start, mut passage)) => {
                        if start < i {
                            passage.parts.push(start..i);
                            passage.paragraphs.push(p);
                        }
                        passage.close = Some(i);
                        if !passage.parts.is_empty() {
                            out.push(passage);
                        }
                    }
                    None if is_inch_mark(tokens, i) || i + 1 == range.end => {}
                    None => {
                        open = Some((
                            i + 1,
                            Passage {
                                parts: Vec::new(),
                                paragraphs: Vec::new(),
                                open: i,
                                close: None,
                            },
                        ));
                    }
                }
            }
            i += 1;
        }
        if let Some((start, mut passage)) = open {
            if start < range.end {
                passage.parts.push(start..range.end);
                passage.paragraphs.push(p);
            }
            let next_opens = layout.paragraphs.get(p + 1).is_some_and(|next| {
                next.body
                    && !next.tokens.is_empty()
                    && is_double(tokens[next.tokens.start].text(text))
            });
            if next_opens {
                carried = Some(passage);
            } else if !passage.parts.is_empty() {
                out.push(passage);
            }
        }
    }
    out.extend(carried.filter(|p| !p.parts.is_empty()));
    out
}

/// `6'2"`: a straight double mark glued to a number is inches.
fn is_inch_mark(tokens: &[Token], i: usize) -> bool {
    !tokens[i].spaced && i.checked_sub(1).is_some_and(|p| tokens[p].is_number())
}

/// Quotes in single marks, for outlets that use them. An opening mark follows a space and is
/// glued to a word; a closing one is glued to what it closes and is followed by a space,
/// punctuation or the paragraph's end, and is not a plural possessive ("the officers’ union").
fn single_quoted(text: &str, tokens: &[Token], range: Range<usize>, p: usize) -> Vec<Passage> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let opens = is_single(tokens[i].text(text))
            && (i == range.start || tokens[i].spaced)
            && tokens
                .get(i + 1)
                .is_some_and(|t| i + 1 < range.end && !t.spaced && !t.is_punct());
        if !opens {
            i += 1;
            continue;
        }
        let close = (i + 2..range.end).find(|&j| {
            let t = &tokens[j];
            let next = tokens.get(j + 1).filter(|_| j + 1 < range.end);
            is_single(t.text(text))
                && !t.spaced
                && next.is_none_or(|n| n.spaced || n.is_punct())
                && !possessive(text, tokens, j, next)
        });
        match close {
            Some(j) => {
                out.push(Passage {
                    parts: std::iter::once(i + 1..j).collect(),
                    paragraphs: vec![p],
                    open: i,
                    close: Some(j),
                });
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

fn possessive(text: &str, tokens: &[Token], mark: usize, next: Option<&Token>) -> bool {
    let before = tokens[mark - 1].text(text);
    before.ends_with(['s', 'S'])
        && next.is_some_and(|n| {
            n.spaced && n.is_word() && n.text(text).chars().next().is_some_and(char::is_lowercase)
        })
}
