//! Units of alignment: every quote of every version, and every quote claim's text, cut into
//! sentences. Sentences, not whole quotes, are matched across versions, since outlets quote a
//! different choice of a speaker's sentences and break them into paragraphs differently.

use std::ops::Range;

use crate::claims::{ClaimBody, ClaimSet};
use crate::diff::{Edges, QuoteWord, WordKind, words};
use crate::extract::Extraction;
use crate::extract::quotes::{Quote, Speaker, SpeakerKey};

/// Where a unit's words come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    Version(usize),
    Claim(usize),
}

#[derive(Debug)]
pub struct Unit<'a> {
    pub source: Source,
    /// The quote within its version (0 for a claim).
    pub quote: usize,
    /// The unit's place within its quote.
    pub order: usize,
    /// Ranges index into `text`.
    pub words: Vec<QuoteWord>,
    pub text: &'a str,
    /// The unit starts or ends its quote: words missing beyond such an edge are excerpting.
    pub edges: Edges,
    pub partial: bool,
    pub speaker: Option<&'a Speaker>,
    /// For a claim's unit: the speaker the claim names.
    pub claimed_speaker: Option<SpeakerKey>,
}

impl Unit<'_> {
    /// The words proper, without punctuation: what similarity counts.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .filter(|w| matches!(w.kind, WordKind::Word | WordKind::Number))
            .map(|w| w.key.as_str())
    }

    pub fn len(&self) -> usize {
        self.keys().count()
    }
}

/// Words too common to say two sentences are the same one.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "is", "are", "was", "were", "be", "been", "it", "its", "that", "this", "we", "i",
    "you", "he", "she", "they", "our", "their", "as", "not", "have", "has", "had", "will", "would",
    "there", "which", "who", "what", "so", "if", "do", "does", "all", "very", "can",
];

/// Units of fewer words than this are not matched: a one-word quote ("astonishing") says too
/// little to be altered.
const MIN_WORDS: usize = 2;

pub fn units<'a>(
    claims: &'a ClaimSet,
    extractions: &'a [Extraction],
    texts: &'a [std::sync::Arc<str>],
) -> Vec<Unit<'a>> {
    let mut out = Vec::new();
    for (v, extraction) in extractions.iter().enumerate() {
        let text: &str = &texts[v];
        for (q, quote) in extraction.quotes.iter().enumerate() {
            quote_units(Source::Version(v), q, quote, text, &mut out);
        }
    }
    for (c, claim) in claims.claims.iter().enumerate() {
        let ClaimBody::Quote(quote) = &claim.body else {
            continue;
        };
        let Some((text, _)) = &quote.text else {
            continue;
        };
        let claimed_speaker = quote
            .speaker
            .as_ref()
            .map(|(name, _)| SpeakerKey::Person(crate::extract::quotes::surname_key(name)));
        let all = words(text, 0..text.len());
        let sentences: Vec<Range<usize>> = sentences(text, &all)
            .into_iter()
            .flat_map(|r| at_gaps(&all, r))
            .collect();
        let n = sentences.len();
        for (order, range) in sentences.into_iter().enumerate() {
            push(
                &mut out,
                Unit {
                    source: Source::Claim(c),
                    quote: 0,
                    order,
                    words: all[range].to_vec(),
                    text,
                    edges: Edges {
                        start: order == 0,
                        end: order + 1 == n,
                    },
                    partial: false,
                    speaker: None,
                    claimed_speaker: claimed_speaker.clone(),
                },
            );
        }
    }
    out
}

fn quote_units<'a>(
    source: Source,
    q: usize,
    quote: &'a Quote,
    text: &'a str,
    out: &mut Vec<Unit<'a>>,
) {
    let mut pieces: Vec<Vec<QuoteWord>> = Vec::new();
    for part in &quote.parts {
        let mut all = words(text, part.start as usize..part.end as usize);
        let ranges = sentences(text, &all);
        // Each sentence's words are moved out, last first, not copied: every quote of every
        // version passes through here.
        let first = pieces.len();
        for range in ranges.into_iter().rev() {
            let mut piece = all.split_off(range.start.min(all.len()));
            piece.truncate(range.len());
            pieces.push(piece);
        }
        pieces[first..].reverse();
    }
    let n = pieces.len();
    for (order, words) in pieces.into_iter().enumerate() {
        push(
            out,
            Unit {
                source,
                quote: q,
                order,
                words,
                text,
                edges: Edges {
                    start: order == 0,
                    end: order + 1 == n,
                },
                partial: quote.partial && order == 0,
                speaker: quote.speaker.as_ref(),
                claimed_speaker: None,
            },
        );
    }
}

fn push<'a>(out: &mut Vec<Unit<'a>>, unit: Unit<'a>) {
    if unit.len() < MIN_WORDS {
        // Still takes its place in the quote's order, so neighbours stay non-adjacent.
        return;
    }
    out.push(unit);
}

/// Whether a word's key is too common to say two sentences are the same one: the words that
/// are not carry a sentence's meaning, and candidate matches must share them.
pub fn is_function_word(key: &str) -> bool {
    FUNCTION_WORDS.contains(&key)
}

/// A claim's sentence cut at its "...": each piece is matched on its own (the gap may span a
/// sentence break in the versions), and keeps the "..." beside it so that the versions' words
/// fill the gap when the wording is settled.
fn at_gaps(words: &[QuoteWord], range: Range<usize>) -> Vec<Range<usize>> {
    let gaps: Vec<usize> = range
        .clone()
        .filter(|&i| words[i].kind == WordKind::Ellipsis && i > range.start && i + 1 < range.end)
        .collect();
    let mut out = Vec::new();
    let mut start = range.start;
    for g in gaps {
        out.push(start..g + 1);
        start = g;
    }
    out.push(start..range.end);
    out
}

/// Sentence ranges of a quote's words: after ".", "!" or "?" when the next word opens a
/// sentence, and not after a title's or an initial's full stop.
fn sentences(text: &str, words: &[QuoteWord]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..words.len() {
        let w = &words[i];
        if w.kind != WordKind::Punct || !matches!(w.key.as_str(), "." | "!" | "?") {
            continue;
        }
        let Some(next) = words.get(i + 1) else {
            continue;
        };
        // Closing marks after the stop belong to the sentence before.
        let mut end = i + 1;
        let mut next = next;
        while next.kind == WordKind::Punct && matches!(next.key.as_str(), "\"" | "'" | ")") {
            end += 1;
            match words.get(end) {
                Some(n) => next = n,
                None => break,
            }
        }
        let opens = text[next.range.clone()]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
        let abbreviation = i.checked_sub(1).is_some_and(|p| {
            let prev = &text[words[p].range.clone()];
            words[p].kind == WordKind::Word
                && (prev.chars().count() == 1
                    || ["mr", "mrs", "ms", "dr", "st", "prof", "rev", "cllr", "no"]
                        .contains(&prev.to_lowercase().as_str()))
        });
        if opens && !abbreviation && end < words.len() {
            out.push(start..end);
            start = end;
        }
    }
    if start < words.len() {
        out.push(start..words.len());
    }
    out
}
