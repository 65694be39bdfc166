//! Value recognisers: the counts, shares, amounts, measures, dates, periods, relative times and
//! ages a sentence states, each as the interval of what it may mean.
//!
//! `recognise` walks a sentence's tokens left to right. At each position every recogniser
//! proposes the expression it can read there and the longest wins; ties go to the recogniser
//! asked first (dates, frequencies, clock-style durations, ages, quantities, scale labels such
//! as "magnitude 6.8", then relative phrases). A recogniser may also claim tokens without a
//! value (times of day, identifiers such as "Section 55", frequencies such as "every 20
//! minutes", a yearless date when the publication day is unknown, a sign on a duration) so
//! that their numbers are never read as counts: wirecheck prefers missing a value to
//! inventing one. Each mention also says whether it is the earlier level of a change
//! (`prior`), a part of a group (`partitive`), and what else its notation may mean
//! (`alternatives`). The contract for each form is written up in `docs/values.md`.

mod change;
mod dates;
mod durations;
mod head;
mod measures;
mod money;
mod numbers;
mod qualifiers;
mod quantity;
mod shares;
pub mod words;

#[cfg(test)]
mod prop_tests;
#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::text::token::{Token, tokenize};
use crate::value::Value;

use head::HeadFrom;

/// What the recogniser knows about the article: publication day (day number, see value::date),
/// used for "yesterday", "last year", "in May" (the May nearest to it), "March next year"; and
/// whether 06/05/2014 means 6 May (UK) or June 5.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    pub published: Option<f64>,
    pub month_first: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ValueMention {
    /// Token indices (into the slice given to `recognise`) covering the whole expression,
    /// qualifier included: "around 31,000", "a few nights before", "between January 2009 and October 2013".
    pub tokens: Range<usize>,
    pub value: Value,
    /// A qualifier or an inherently vague quantity shaped the interval ("around", "nearly",
    /// "hundreds of", "a few", "between 200 and 300").
    pub vague: bool,
    /// For counts and shares: the tokens of the noun phrase the number quantifies, if any
    /// ("300 [such breaches] during", "31,000 [officers]", "one-fifth of [cases]", "[] 208 were").
    pub head: Option<Range<usize>>,
    /// The head is a generic counting noun (cases, times, instances, incidents, occasions...),
    /// so it does not say *what* is counted.
    pub generic_head: bool,
    /// The value is an earlier level in a change, not the current one: "fell [from 64.5%] ... to
    /// 38.2%", "up from 300", "compared with 300", "against 300 a year earlier".
    pub prior: bool,
    /// A count of part of a group: "[one] of the victims", "[three] of whom". `head` is then the
    /// group after "of (the)" (or `None` after a pronoun), and is never generic.
    pub partitive: bool,
    /// Other readings of the same words when the notation itself is ambiguous: glued "4.3m" is
    /// 4.3 million (`value`) or 4.3 metres (here).
    pub alternatives: Vec<Value>,
}

/// All values in one sentence, in text order, non-overlapping; at each position the longest
/// expression wins. `tokens` is the sentence's token slice; `text` is the whole file text the
/// token offsets point into.
pub fn recognise(text: &str, tokens: &[Token], ctx: &Context) -> Vec<ValueMention> {
    Sentence::new(text, tokens, ctx, false).run()
}

/// A claim-file literal such as "300", "three hundred", "two-thirds", "2/3", "0.1%",
/// "just over 0.1 per cent", "around 31,000", "£1.2m", "January 2009", "6 May 2014",
/// "nearly five years", "a few nights before", "2:05:37", "magnitude 6.8", "-5", "minus 0.42":
/// Some((value, vague)) only if ONE value covers the whole string. In literal mode "N/M" with
/// small integers is a fraction (2/3 → share 0.667), and a dash at the start is a minus.
pub fn parse_literal(s: &str, ctx: &Context) -> Option<(Value, bool)> {
    let tokens = tokenize(s, 0..s.len());
    if tokens.is_empty() {
        return None;
    }
    let sentence = Sentence::new(s, &tokens, ctx, true);
    let found = sentence.longest_at(0)?;
    if found.end != tokens.len() {
        return None;
    }
    Some((found.value?, found.vague))
}

/// What one recogniser read at a position: the end of the expression (exclusive token index)
/// and its value, or `None` for tokens claimed only to keep them from being misread.
#[derive(Clone, Debug)]
struct Found {
    end: usize,
    value: Option<Value>,
    vague: bool,
    head: HeadFrom,
    /// Other readings of the same words (see `ValueMention::alternatives`).
    alternatives: Vec<Value>,
}

impl Found {
    fn value(end: usize, value: Value, vague: bool) -> Found {
        Found {
            end,
            value: Some(value),
            vague,
            head: HeadFrom::None,
            alternatives: Vec::new(),
        }
    }

    fn skip(end: usize) -> Found {
        Found {
            end,
            value: None,
            vague: false,
            head: HeadFrom::None,
            alternatives: Vec::new(),
        }
    }
}

/// One sentence's tokens with their text, cleaned and lowercased once so that every word
/// lookup is a slice comparison.
struct Sentence<'a> {
    toks: &'a [Token],
    /// Each token's text as written, except that soft hyphens (U+00AD) are dropped and the
    /// Unicode hyphens U+2010 and U+2011 read as "-": a typesetter's choice of hyphen must not
    /// change what "two‑week" or "Super\u{ad}intendent" means.
    clean: String,
    /// `clean`, ASCII-lowercased (so the byte offsets of `spans` fit both).
    lower: String,
    /// Each token's byte range in `clean` and `lower`.
    spans: Vec<Range<usize>>,
    ctx: Context,
    /// Parsing a claim literal: no capitalisation traps or identifier rules, "2/3" is a share.
    literal: bool,
}

/// The token text a recogniser compares: without soft hyphens, and with the non-breaking
/// (U+2011) and plain Unicode (U+2010) hyphens as ASCII "-".
fn push_clean(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\u{00AD}' => {}
            '\u{2010}' | '\u{2011}' => out.push('-'),
            c => out.push(c),
        }
    }
}

impl<'a> Sentence<'a> {
    fn new(text: &'a str, toks: &'a [Token], ctx: &Context, literal: bool) -> Sentence<'a> {
        let mut clean = String::with_capacity(toks.len() * 6);
        let mut spans = Vec::with_capacity(toks.len());
        for t in toks {
            let start = clean.len();
            push_clean(&mut clean, t.text(text));
            spans.push(start..clean.len());
        }
        let lower = clean.to_ascii_lowercase();
        Sentence {
            toks,
            clean,
            lower,
            spans,
            ctx: *ctx,
            literal,
        }
    }

    fn run(&self) -> Vec<ValueMention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.len() {
            match self.longest_at(i) {
                Some(found) if found.end > i => {
                    if let Some(value) = found.value {
                        let scale_reading = matches!(&value, Value::Measure { unit, .. } if crate::value::SCALE_LABELS.contains(&&**unit));
                        let head = if scale_reading
                            || matches!(value, Value::Count { .. } | Value::Share { .. })
                        {
                            head::find(self, found.head)
                        } else {
                            head::Head::default()
                        };
                        let prior = change::prior(self, i, found.end, &value);
                        out.push(ValueMention {
                            tokens: i..found.end,
                            value,
                            vague: found.vague,
                            head: head.range,
                            generic_head: head.generic,
                            prior,
                            partitive: head.partitive,
                            alternatives: found.alternatives,
                        });
                    }
                    i = found.end;
                }
                _ => i += 1,
            }
        }
        out
    }

    /// The longest expression any recogniser reads at `i`; on a tie the first asked wins.
    fn longest_at(&self, i: usize) -> Option<Found> {
        let candidates = [
            dates::date_expr(self, i),
            durations::frequency(self, i),
            durations::clock(self, i),
            durations::age_phrase(self, i),
            quantity::quantity(self, i),
            measures::label(self, i),
            durations::relative_phrase(self, i),
            numbers::junk(self, i),
        ];
        let mut best: Option<Found> = None;
        for found in candidates.into_iter().flatten() {
            if found.end > i && best.as_ref().is_none_or(|b| found.end > b.end) {
                best = Some(found);
            }
        }
        best
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    /// The token's text as written (see `clean`), or "" past the end.
    fn raw(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .and_then(|r| self.clean.get(r.clone()))
            .unwrap_or("")
    }

    /// The token's text, ASCII-lowercased (see `clean`), or "" past the end.
    fn key(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .and_then(|r| self.lower.get(r.clone()))
            .unwrap_or("")
    }

    /// The key of the token before `i`, or "" at the start.
    fn prev_key(&self, i: usize) -> &str {
        match i.checked_sub(1) {
            Some(p) => self.key(p),
            None => "",
        }
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_word)
    }

    fn is_number(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_number)
    }

    fn is_punct(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_punct)
    }

    /// Token `i` exists, is not the first, and touches the token before it.
    fn glued(&self, i: usize) -> bool {
        i > 0 && self.toks.get(i).is_some_and(|t| !t.spaced)
    }

    /// Token `i` exists and whitespace (or the start of the sentence) precedes it.
    fn spaced(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.spaced || i == 0)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Token `i` starts the sentence, a line, or follows punctuation other than a comma, so a
    /// capital letter on it says nothing about it being a name.
    fn initial(&self, i: usize) -> bool {
        if i == 0 || self.toks.get(i).is_some_and(|t| t.breaks > 0) {
            return true;
        }
        self.is_punct(i - 1) && !matches!(self.raw(i - 1), "," | "&")
    }
}
