//! Attribution: who speaks each quoted passage, read from the sentence around its marks
//! (`X said: "…"`, `"…," said X`, `"…", X said`, `According to X, … "…"`), with pronouns and
//! descriptions ("He said:", "the spokesman added") resolved to the speaker they refer back to,
//! and a paragraph of quote with no attribution of its own given to the speaker before it.

use std::ops::Range;

use super::marks::Passage;
use super::names::{self, Named, Pronoun};
use super::{Speaker, SpeakerKey};
use crate::source::{FileId, Span};
use crate::text::layout::Layout;
use crate::text::token::Token;
use crate::text::{WordSet, is_any};

/// Verbs that attribute words to a speaker. Forms that are as often nouns ("claims", "notes",
/// "comments") are left out: a noun there would invent a speaker.
/// Looked up for every word of every sentence that is not a quote.
static SPEECH: std::sync::LazyLock<WordSet> =
    std::sync::LazyLock::new(|| WordSet::new(SPEECH_VERBS));

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "added",
    "adds",
    "adding",
    "told",
    "tells",
    "explained",
    "explains",
    "warned",
    "warns",
    "stated",
    "insisted",
    "insists",
    "continued",
    "continues",
    "commented",
    "claimed",
    "argued",
    "argues",
    "wrote",
    "writes",
    "noted",
    "declared",
    "replied",
    "responded",
    "confirmed",
    "confirms",
    "admitted",
    "admits",
    "acknowledged",
    "urged",
    "urges",
    "revealed",
    "remarked",
    "asked",
    "announced",
    "announces",
    "described",
    "suggested",
    "suggests",
    "recalled",
    "recalls",
    "pleaded",
    "tweeted",
    "posted",
    "shouted",
    "joked",
    "conceded",
    "concedes",
    "predicted",
    "vowed",
    "promised",
    "stressed",
    "stresses",
    "emphasised",
    "emphasized",
    "reiterated",
    "observed",
    "insisting",
    "warning",
];

/// Words that open a sentence before its subject: "In a statement the force said".
const LEAD_INS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "speaking",
    "asked",
    "writing",
    "earlier",
    "later",
    "today",
    "yesterday",
    "meanwhile",
    "separately",
    "however",
    "but",
    "and",
    "while",
    "also",
    "now",
    "then",
    "last",
    "this",
    "responding",
    "commenting",
    "as",
];

const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their"];

/// Attribution phrases longer than this are clauses, not names.
const MAX_PHRASE_WORDS: usize = 16;

/// What the speakers of a version are known as, in the order the article names them.
#[derive(Default)]
struct Known {
    speakers: Vec<(Speaker, Option<String>, usize)>,
}

impl Known {
    fn last_person(&self) -> Option<&(Speaker, Option<String>, usize)> {
        self.speakers
            .iter()
            .rev()
            .find(|(s, ..)| matches!(s.key, SpeakerKey::Person(_)))
    }

    fn person(&self, key: &str) -> Option<&Speaker> {
        self.speakers
            .iter()
            .rev()
            .map(|(s, ..)| s)
            .find(|s| s.key == SpeakerKey::Person(key.to_string()))
    }

    fn remember(&mut self, speaker: &Speaker, head: Option<String>, paragraph: usize) {
        self.speakers.push((speaker.clone(), head, paragraph));
    }
}

/// A speaker per passage (`None` where the article does not say who speaks).
pub fn attribute(
    text: &str,
    tokens: &[Token],
    layout: &Layout,
    passages: &[Passage],
    file: FileId,
) -> Vec<Option<Speaker>> {
    let mut inside = vec![false; tokens.len()];
    for p in passages {
        let end = p
            .close
            .map_or_else(|| p.parts.last().map_or(p.open, |r| r.end), |c| c + 1);
        for flag in &mut inside[p.open..end.min(tokens.len())] {
            *flag = true;
        }
    }
    // Reported speech names speakers too ("Emma Carr … said police needed …"): later
    // pronouns and descriptions may refer back to them.
    enum Event {
        Reported(usize),
        Quote(usize),
    }
    let mut events: Vec<(usize, Event)> = layout
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.tokens.clone().any(|i| inside[i]))
        .map(|(i, s)| (s.tokens.start, Event::Reported(i)))
        .chain(
            passages
                .iter()
                .enumerate()
                .map(|(i, p)| (p.open, Event::Quote(i))),
        )
        .collect();
    events.sort_by_key(|(at, _)| *at);
    let reader = Reader {
        text,
        tokens,
        inside: &inside,
        file,
    };
    let mut known = Known::default();
    let mut out: Vec<Option<Speaker>> = vec![None; passages.len()];
    for (_, event) in events {
        match event {
            Event::Reported(s) => {
                let sentence = &layout.sentences[s];
                let Some(v) = sentence
                    .tokens
                    .clone()
                    .find(|&i| SPEECH.contains(tokens[i].text(text)))
                else {
                    continue;
                };
                if let Some(found) = reader.subject(sentence.tokens.start..v) {
                    if let Some(named) = reader.read(&found) {
                        if let Some((speaker, head)) =
                            resolve(named, &found, &reader, &known, sentence.paragraph)
                        {
                            if matches!(speaker.key, SpeakerKey::Person(_)) {
                                known.remember(&speaker, head, sentence.paragraph);
                            }
                        }
                    }
                }
            }
            Event::Quote(q) => {
                let passage = &passages[q];
                let paragraph = passage.paragraphs[0];
                let para = layout.paragraphs[paragraph].tokens.clone();
                let pre = reader.before(para.start, passage.open);
                let found = reader
                    .attribution_before(pre.clone())
                    .or_else(|| reader.attribution_after(passage, para.end));
                let resolved = found.as_ref().and_then(|found| {
                    let named = reader.read(found)?;
                    resolve(named, found, &reader, &known, paragraph)
                });
                let speaker = match resolved {
                    Some((speaker, head)) => {
                        known.remember(&speaker, head, paragraph);
                        Some(speaker)
                    }
                    // A quote that opens its sentence without attribution goes on with the
                    // quote before it: the next paragraph of the same speaker's words.
                    None if pre.is_empty() && found.is_none() => q
                        .checked_sub(1)
                        .filter(|&prev| {
                            let last = *passages[prev].paragraphs.last().unwrap_or(&0);
                            (last..paragraph).all(|p| p == last || !layout.paragraphs[p].body)
                        })
                        .and_then(|prev| out[prev].clone())
                        .map(|s| Speaker {
                            resolved: true,
                            ..s
                        }),
                    None => None,
                };
                out[q] = speaker;
            }
        }
    }
    out
}

/// An attribution phrase: the words naming the speaker, an appositive role after them
/// ("Emma Carr, *deputy director of Big Brother Watch*, said"), and whether it opens its
/// sentence.
#[derive(Clone, Debug)]
struct Found {
    phrase: Range<usize>,
    role: Option<Range<usize>>,
    sentence_start: bool,
}

struct Reader<'a> {
    text: &'a str,
    tokens: &'a [Token],
    inside: &'a [bool],
    file: FileId,
}

impl Reader<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    fn is_terminator(&self, i: usize) -> bool {
        match self.word(i) {
            "!" | "?" => true,
            "." => !i.checked_sub(1).is_some_and(|p| {
                let prev = self.word(p);
                self.tokens[p].is_word()
                    && !self.tokens[i].spaced
                    && (prev.chars().count() == 1
                        || is_any(
                            prev,
                            &[
                                "mr", "mrs", "ms", "dr", "st", "prof", "rev", "cllr", "insp",
                                "det", "supt", "sgt",
                            ],
                        ))
            }),
            _ => false,
        }
    }

    /// The narrative before `at` in its sentence: back to a full stop or another quote.
    fn before(&self, start: usize, at: usize) -> Range<usize> {
        let mut j = at;
        while j > start && !self.inside[j - 1] && !self.is_terminator(j - 1) {
            j -= 1;
        }
        j..at
    }

    fn attribution_before(&self, pre: Range<usize>) -> Option<Found> {
        if let Some(found) = self.according_to(pre.clone()) {
            return Some(found);
        }
        let v = pre.clone().rev().find(|&i| SPEECH.contains(self.word(i)))?;
        self.subject(pre.start..v).or_else(|| {
            // "said David Davis:", "added the spokesman:"
            let after = v + 1..pre.end;
            let end = after
                .clone()
                .find(|&i| matches!(self.word(i), ":" | ","))
                .unwrap_or(after.end);
            self.phrase(v + 1..end, false)
        })
    }

    /// `"…," said X.`, `"…", the force said.`, `"…," he added, "…"`: the attribution after a
    /// closed quote, when it goes on with the quote's sentence.
    fn attribution_after(&self, passage: &Passage, end: usize) -> Option<Found> {
        let close = passage.close?;
        let start = close + 1;
        let mut stop = start;
        while stop < end && !self.inside[stop] && !self.is_terminator(stop) {
            stop += 1;
        }
        let post = start..stop;
        let first = *post.clone().collect::<Vec<_>>().first()?;
        let last_inner = passage.parts.last().and_then(|r| r.end.checked_sub(1))?;
        let continues = self.word(first) == ","
            || self.word(last_inner) == ","
            || self
                .word(first)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        if !continues {
            return None;
        }
        if let Some(found) = self.according_to(post.clone()) {
            return Some(found);
        }
        let from = if self.word(first) == "," {
            first + 1
        } else {
            first
        };
        let v = (from..stop)
            .take(MAX_PHRASE_WORDS)
            .find(|&i| SPEECH.contains(self.word(i)))?;
        if v == from {
            let end = (v + 1..stop).find(|&i| self.word(i) == ",").unwrap_or(stop);
            self.phrase(v + 1..end, false)
        } else {
            self.phrase(from..v, false)
        }
    }

    /// "According to the Metropolitan Police, …"
    fn according_to(&self, range: Range<usize>) -> Option<Found> {
        let a = range.clone().find(|&i| {
            self.word(i).eq_ignore_ascii_case("according")
                && self
                    .tokens
                    .get(i + 1)
                    .is_some_and(|t| t.text(self.text).eq_ignore_ascii_case("to"))
        })?;
        let end = (a + 2..range.end)
            .find(|&i| self.word(i) == ",")
            .unwrap_or(range.end);
        self.phrase(a + 2..end, false)
    }

    /// The subject before a speech verb, with an appositive after it.
    fn subject(&self, range: Range<usize>) -> Option<Found> {
        let mut segments: Vec<Range<usize>> = Vec::new();
        let mut start = range.start;
        for i in range.clone() {
            if self.word(i) == "," {
                segments.push(start..i);
                start = i + 1;
            }
        }
        segments.push(start..range.end);
        let n = segments.len();
        if n >= 3 && segments[n - 1].is_empty() {
            // "Emma Carr, deputy director of Big Brother Watch, said"
            let mut found = self.phrase(segments[n - 3].clone(), n == 3)?;
            found.role = Some(segments[n - 2].clone());
            return Some(found);
        }
        let last = segments.iter().rev().find(|s| !s.is_empty())?.clone();
        self.phrase(last.clone(), last.start == range.start)
    }

    /// A phrase without lead-ins, or `None` if it is too long to be a name.
    fn phrase(&self, range: Range<usize>, sentence_start: bool) -> Option<Found> {
        let words: Vec<usize> = range
            .clone()
            .filter(|&i| !self.tokens[i].is_punct())
            .collect();
        let first = *words.first()?;
        let mut start = first;
        if is_any(self.word(first), LEAD_INS) {
            let det = words
                .iter()
                .rev()
                .find(|&&i| i > first && is_any(self.word(i), DETERMINERS));
            let capital = words.iter().find(|&&i| {
                i > first && self.word(i).chars().next().is_some_and(char::is_uppercase)
            });
            start = *det.or(capital)?;
        }
        let count = words.iter().filter(|&&i| i >= start).count();
        if count == 0 || count > MAX_PHRASE_WORDS {
            return None;
        }
        let end = words.last().map_or(range.end, |&i| i + 1);
        Some(Found {
            phrase: start..end,
            role: None,
            sentence_start: sentence_start && start == first,
        })
    }

    fn read(&self, found: &Found) -> Option<Named> {
        names::read(
            self.text,
            self.tokens,
            found.phrase.clone(),
            found.sentence_start,
        )
    }

    fn span(&self, range: &Range<usize>) -> Span {
        let start = self.tokens[range.start].start as usize;
        let end = self.tokens[range.end - 1].end as usize;
        Span::new(self.file, start..end)
    }

    fn written(&self, range: &Range<usize>) -> String {
        let span = self.span(range);
        names::squash(&self.text[span.start as usize..span.end as usize])
    }
}

/// The speaker a phrase names, with the head noun it may later be referred back by.
fn resolve(
    named: Named,
    found: &Found,
    reader: &Reader<'_>,
    known: &Known,
    paragraph: usize,
) -> Option<(Speaker, Option<String>)> {
    let written = reader.span(&found.phrase);
    let appositive = found
        .role
        .as_ref()
        .filter(|r| !r.is_empty())
        .map(|r| reader.written(r));
    let referring = |s: &Speaker| Speaker {
        written,
        resolved: true,
        ..s.clone()
    };
    match named {
        Named::Pronoun(Pronoun::Person) => known
            .last_person()
            .map(|(s, h, _)| (referring(s), h.clone())),
        Named::Pronoun(Pronoun::Body) => known
            .speakers
            .iter()
            .rev()
            .find(|(s, ..)| matches!(s.key, SpeakerKey::Body(_)))
            .map(|(s, h, _)| (referring(s), h.clone())),
        Named::Person { name, role } => {
            let key = names::surname_key(&name);
            let earlier = known.person(&key);
            // "Ms Carr" after "Emma Carr": the fuller name, and whatever role was given.
            let name = match earlier {
                Some(e) if e.name.len() > name.len() => e.name.clone(),
                _ => name,
            };
            let role = appositive
                .or(role)
                .or_else(|| earlier.and_then(|e| e.role.clone()));
            Some((
                Speaker {
                    name,
                    key: SpeakerKey::Person(key),
                    role,
                    written,
                    resolved: false,
                },
                None,
            ))
        }
        Named::Description { name, head } => {
            let same_head = known
                .speakers
                .iter()
                .rev()
                .find(|(_, h, _)| h.as_deref() == Some(head.as_str()));
            if let Some((s, h, _)) = same_head {
                return Some((referring(s), h.clone()));
            }
            // "The Tory MP for Haltemprice and Howden said:" right after David Davis spoke.
            if names::is_person_noun(&head) {
                if let Some((s, _, at)) = known.last_person() {
                    if paragraph.saturating_sub(*at) <= 2 {
                        let mut s = referring(s);
                        s.role = Some(name);
                        return Some((s, Some(head)));
                    }
                }
            }
            Some((body(name, written), Some(head)))
        }
        Named::Body { name } => {
            let head = name
                .split_whitespace()
                .take_while(|w| !is_any(w, &["for", "of", "at", "in", "from"]))
                .last()
                .map(names::fold_head);
            Some((body(name, written), head))
        }
    }
}

fn body(name: String, written: Span) -> Speaker {
    let key = name
        .split_whitespace()
        .filter(|w| !is_any(w, &["the", "a", "an"]))
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ");
    Speaker {
        name,
        key: SpeakerKey::Body(key),
        role: None,
        written,
        resolved: false,
    }
}
