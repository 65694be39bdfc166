//! Extraction: one pass over each version's body, finding cues, lexicon terms and values, and
//! binding values to slots by the structure of the sentence.
//!
//! All cues and terms of a story are compiled into one [`PhraseTable`] and looked up in a single
//! scan per sentence; values are only recognised in sentences that hold a cue. The result keeps
//! mentions (values with spans), not text.

pub mod bind;
pub mod phrases;
pub mod quotes;
pub mod values;

use std::ops::Range;

use rayon::prelude::*;

use crate::claims::ClaimSet;
use crate::corpus::{Story, Version};
use crate::source::{FileTable, Span};
use crate::text::layout::layout;
use crate::text::token::{Token, tokenize};
use crate::value::Value;
use bind::{Candidate, SlotCues};
use phrases::{PhraseTable, WordCache};

/// A value a version gives for a slot.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Mention {
    pub slot: usize,
    pub value: Value,
    /// A qualifier or vague quantity shaped it ("around", "hundreds of").
    pub vague: bool,
    /// The value's words in the article.
    pub span: Span,
    /// The cue that tied it to the slot.
    pub cue: Span,
    pub sentence: Span,
    /// Other values of the sentence about as likely to be meant: the mention is ambiguous.
    pub rivals: Vec<Rival>,
    /// In a clause dated before the story's time frame: it may agree, but a conflict from it
    /// is not reported, and it does not vote in a consensus.
    pub background: bool,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rival {
    pub value: Value,
    pub span: Span,
}

impl Mention {
    pub fn is_ambiguous(&self) -> bool {
        !self.rivals.is_empty()
    }
}

/// What one version says, slot by slot.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Extraction {
    /// In text order.
    pub mentions: Vec<Mention>,
    /// Which of the table's cues occur in the version's body.
    pub cues_seen: Vec<bool>,
    /// Which slots have a cue in the version's body, whether or not a value was tied to it.
    pub slots_cued: Vec<bool>,
    /// Every quoted passage of the body, in text order, whether or not a claim names it.
    pub quotes: Vec<quotes::Quote>,
}

impl Extraction {
    pub fn of_slot(&self, slot: usize) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.slot == slot)
    }
}

/// The phrase table for a story's claims: every slot's cues and every lexicon's terms.
pub fn phrase_table(claims: &ClaimSet) -> PhraseTable {
    let cues = claims
        .slots
        .iter()
        .enumerate()
        .flat_map(|(i, slot)| slot.cues.iter().map(move |c| (c.phrase.as_str(), i)));
    PhraseTable::new(cues, &claims.lexicons)
}

/// Extracts every version of a story, in parallel; results follow `story.versions`.
pub fn extract_story(
    story: &Story,
    claims: &ClaimSet,
    table: &PhraseTable,
    files: &FileTable,
) -> Vec<Extraction> {
    story
        .versions
        .par_iter()
        .map_init(WordCache::default, |cache, version| {
            extract_version(version, claims, table, files, cache)
        })
        .collect()
}

pub fn extract_version(
    version: &Version,
    claims: &ClaimSet,
    table: &PhraseTable,
    files: &FileTable,
    cache: &mut WordCache,
) -> Extraction {
    let text = files.get(version.file).text();
    let text: &str = &text;
    let tokens = tokenize(text, version.body.clone());
    let layout = layout(text, &tokens);
    let ctx = values::Context {
        published: version.meta.published_day,
        month_first: false,
    };
    let span = |r: &Range<usize>| token_span(version.file, &tokens, r);
    let of: Vec<Vec<Vec<String>>> = claims
        .slots
        .iter()
        .map(|slot| {
            slot.of
                .iter()
                .map(|p| p.split_whitespace().map(phrases::normalise).collect())
                .collect()
        })
        .collect();
    let earlier_than = story_time_frame(claims)
        .zip(version.meta.published_day)
        .map(|(start, published)| start.min(published - 365.0));
    // First every sentence's cues, so that how common each cue is in the version is known
    // before any binding (see `qualified`).
    let scans: Vec<(Vec<phrases::CueHit>, Vec<phrases::TermHit>)> = layout
        .sentences
        .iter()
        .map(|s| table.scan(text, &tokens, s.tokens.clone(), cache))
        .collect();
    let mut extraction = Extraction {
        mentions: Vec::new(),
        cues_seen: vec![false; table.cues.len()],
        slots_cued: vec![false; claims.slots.len()],
        quotes: quotes::quotes(text, &tokens, &layout, version.file),
    };
    let mut sentences_with = vec![0usize; table.cues.len()];
    for (hits, _) in &scans {
        let mut seen: Vec<usize> = hits.iter().map(|h| h.cue).collect();
        seen.sort_unstable();
        seen.dedup();
        for cue in seen {
            sentences_with[cue] += 1;
            extraction.cues_seen[cue] = true;
            for &slot in &table.cues[cue].slots {
                extraction.slots_cued[slot] = true;
            }
        }
    }
    for (sentence, (cue_hits, term_hits)) in layout.sentences.iter().zip(scans) {
        if cue_hits.is_empty() {
            continue;
        }
        let range = sentence.tokens.clone();
        let cue_hits = qualified(text, &tokens, cue_hits, table, &sentences_with);
        let mut slots: Vec<SlotCues> = Vec::new();
        for hit in &cue_hits {
            for &slot in &table.cues[hit.cue].slots {
                match slots.iter_mut().find(|s| s.slot == slot) {
                    Some(group) => group.cues.push(hit.tokens.clone()),
                    None => slots.push(SlotCues {
                        slot,
                        kind: claims.slots[slot].kind.clone(),
                        cues: vec![hit.tokens.clone()],
                        of: of[slot].clone(),
                    }),
                }
            }
        }
        let mut candidates = candidates(text, &tokens, range.clone(), &ctx, term_hits);
        // Words inside a longer cue are not a value: "the 18-week target" says nothing of how
        // long. A value that is the whole cue ("14-mile") still counts.
        candidates.retain(|c| {
            !cue_hits.iter().any(|h| {
                h.tokens.start <= c.tokens.start
                    && c.tokens.end <= h.tokens.end
                    && c.tokens != h.tokens
            })
        });
        for binding in bind::bind(
            text,
            &tokens,
            range.clone(),
            &slots,
            &candidates,
            earlier_than,
        ) {
            let candidate = &candidates[binding.candidate];
            extraction.mentions.push(Mention {
                slot: binding.slot,
                value: candidate.value_of(binding.reading).clone(),
                vague: candidate.vague,
                span: span(&candidate.tokens),
                cue: span(&binding.cue),
                sentence: span(&range),
                background: binding.background,
                rivals: binding
                    .rivals
                    .iter()
                    .map(|&r| Rival {
                        value: candidates[r].value.clone(),
                        span: span(&candidates[r].tokens),
                    })
                    .collect(),
            });
        }
    }
    extraction
}

fn is_preposition(word: &str) -> bool {
    const PREPOSITIONS: &[&str] = &[
        "at", "by", "in", "on", "for", "from", "of", "with", "to", "into", "across", "among",
        "within", "without", "under", "over", "after", "before", "during", "near", "outside",
    ];
    PREPOSITIONS.iter().any(|p| word.eq_ignore_ascii_case(p))
}

/// The first day of the story's time frame: the earliest date or period a claim establishes.
/// Clauses dated wholly before it (and more than a year before publication) are about an earlier
/// event. `None` when no claim establishes a date.
fn story_time_frame(claims: &ClaimSet) -> Option<f64> {
    claims
        .claims
        .iter()
        .filter_map(|c| match &c.body {
            crate::claims::ClaimBody::Value {
                test: crate::claims::ValueTest::Established { value, .. },
                ..
            } => match value {
                Value::Date { range } => Some(range.lo),
                Value::DateRange { start, .. } => Some(start.lo),
                _ => None,
            },
            _ => None,
        })
        .reduce(f64::min)
}

/// Words at most this far apart make two cues one phrase: "rescued by boat", "jobs at local
/// suppliers", "Twelve months earlier the waiting list".
const ADJACENT_WORDS: usize = 2;

/// The sentence's cues, without those qualified by an adjacent cue of other slots. When two
/// cues stand together ("rescued" + "by boat"), the phrase is about the narrower slot; the cue
/// the version uses in more sentences ("rescued", "waiting list", "jobs") is the broader one and
/// gives this sentence up. Numbers or a clause boundary between them keep both ("80 firefighters
/// and 14 fire engines").
fn qualified(
    text: &str,
    tokens: &[Token],
    hits: Vec<phrases::CueHit>,
    table: &PhraseTable,
    sentences_with: &[usize],
) -> Vec<phrases::CueHit> {
    let mut dropped = vec![false; hits.len()];
    for i in 0..hits.len() {
        for j in i + 1..hits.len() {
            let (a, b) = (&hits[i], &hits[j]);
            let shared = table.cues[a.cue]
                .slots
                .iter()
                .any(|s| table.cues[b.cue].slots.contains(s));
            let Some(gap) = tokens.get(a.tokens.end..b.tokens.start) else {
                continue;
            };
            let joined = gap.iter().filter(|t| !t.is_punct()).count() <= ADJACENT_WORDS
                && gap
                    .iter()
                    .all(|t| t.is_word() || matches!(t.text(text), "'" | "’" | "-"))
                && !gap
                    .iter()
                    .any(|t| t.text(text).chars().any(|c| c.is_ascii_digit()));
            if shared || !joined {
                continue;
            }
            match sentences_with[a.cue].cmp(&sentences_with[b.cue]) {
                std::cmp::Ordering::Greater => dropped[i] = true,
                std::cmp::Ordering::Less => dropped[j] = true,
                // As common as each other: a cue attached by a preposition ("jobs *at*
                // suppliers", "rescued *by* boat") narrows the one before it.
                std::cmp::Ordering::Equal => {
                    let attached = tokens
                        .get(a.tokens.end..b.tokens.end)
                        .and_then(|t| t.iter().find(|t| t.is_word()));
                    if attached.is_some_and(|t| is_preposition(t.text(text))) {
                        dropped[i] = true;
                    }
                }
            }
        }
    }
    hits.into_iter()
        .zip(dropped)
        .filter(|(_, d)| !d)
        .map(|(h, _)| h)
        .collect()
}

/// Every value of the sentence: recognised numbers, dates and durations, and lexicon terms.
fn candidates(
    text: &str,
    tokens: &[Token],
    sentence: Range<usize>,
    ctx: &values::Context,
    terms: Vec<phrases::TermHit>,
) -> Vec<Candidate> {
    let shift = |r: Range<usize>| r.start + sentence.start..r.end + sentence.start;
    let mut out: Vec<Candidate> = values::recognise(text, &tokens[sentence.clone()], ctx)
        .into_iter()
        .map(|m| Candidate {
            tokens: shift(m.tokens),
            value: m.value,
            vague: m.vague,
            head: m.head.map(shift),
            generic_head: m.generic_head,
            alternatives: m.alternatives,
            partitive: m.partitive,
            prior: m.prior,
        })
        .collect();
    out.extend(terms.into_iter().map(|t| Candidate {
        tokens: t.tokens,
        value: Value::Term(t.term),
        vague: false,
        head: None,
        generic_head: false,
        alternatives: Vec::new(),
        partitive: false,
        prior: false,
    }));
    out.sort_by_key(|c| c.tokens.start);
    out
}

fn token_span(file: crate::source::FileId, tokens: &[Token], range: &Range<usize>) -> Span {
    let start = tokens.get(range.start).map_or(0, |t| t.start as usize);
    let end = range
        .end
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .map_or(start, |t| t.end as usize);
    Span::new(file, start..end)
}
