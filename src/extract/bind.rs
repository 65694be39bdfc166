//! Binding: which value in a sentence belongs to which slot.
//!
//! The unit is the sentence, never a window of characters. Inside it, a value binds to a slot's
//! cue by the sentence's structure, approximated without a parser:
//! - a value that is the cue's own: a count of the cue's noun ("300 such *breaches*"), the
//!   complement after "of" ("a *majority* of 5,261"), or a value containing the cue
//!   ("*between* January and October") binds first;
//! - a value that quantifies some other noun ("31,000 *officers*", "two *men* fighting") binds
//!   only as the subject of the cue's clause ("Three members … quit the force"), and a cue that
//!   is only a modifier inside the value's noun phrase ("4.4 million *passenger* journeys") does
//!   not make it the cue's;
//! - otherwise the nearer the better, counting words and charging for each clause boundary
//!   crossed, with a tighter limit after the cue than before it;
//! - each value serves one slot, best pairs first; when a slot's runner-up is about as good and
//!   says something else, or two values are each the cue's own and differ, the mention is
//!   ambiguous and is never reported as a conflict;
//! - a value that is an earlier level in a change ("fell *from 64.5%* to 38.2%") binds to
//!   nothing.

use std::ops::Range;

use super::phrases::normalise;
use crate::extract::values::words as number_words;
use crate::text::is_any;
use crate::text::token::Token;
use crate::value::{Value, ValueKind};

/// A value found in a sentence, as binding sees it.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub tokens: Range<usize>,
    pub value: Value,
    /// Other readings of the same words ("4.3m": millions, or metres).
    pub alternatives: Vec<Value>,
    pub vague: bool,
    /// The noun phrase a count or share quantifies; for a partitive ("one of the victims"),
    /// the group it is a part of.
    pub head: Option<Range<usize>>,
    pub generic_head: bool,
    /// "one of the victims": the number is a part of the group in `head`, not its size.
    pub partitive: bool,
    /// An earlier level in a change: "from 184,300".
    pub prior: bool,
}

impl Candidate {
    /// It quantifies a noun of its own ("31,000 *officers*"), not a generic one ("cases") and
    /// not nothing ("208 were").
    fn counts_another_noun(&self) -> bool {
        self.head.is_some() && !self.generic_head
    }

    /// The reading a slot of `kind` takes, if any: the main one first.
    pub fn reading(&self, kind: &ValueKind) -> Option<usize> {
        std::iter::once(&self.value)
            .chain(&self.alternatives)
            .position(|v| kind.accepts(v))
    }

    pub fn value_of(&self, reading: usize) -> &Value {
        reading
            .checked_sub(1)
            .and_then(|i| self.alternatives.get(i))
            .unwrap_or(&self.value)
    }
}

/// A slot whose cues occur in the sentence.
#[derive(Clone, Debug)]
pub struct SlotCues {
    pub slot: usize,
    pub kind: ValueKind,
    pub cues: Vec<Range<usize>>,
    /// What the slot's numbers must quantify, as normalised words per phrase (see
    /// [`crate::claims::Slot::of`]); empty when anything may be counted.
    pub of: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Binding {
    pub slot: usize,
    pub candidate: usize,
    /// Which reading of the candidate (0: its main value).
    pub reading: usize,
    pub cue: Range<usize>,
    /// Other candidates about as good that say something else.
    pub rivals: Vec<usize>,
    /// The value is in a clause dated before the story's time frame: it may agree, but it is
    /// too weak to report a conflict ("in 2016 a magnitude 6.2 quake … killed 89 people").
    pub background: bool,
}

/// Words between a value before its cue and the cue, plus the clause charge, at most.
const MAX_BEFORE: usize = 20;
/// The same for a value after its cue: "breaches totalled 300", not a number three clauses on.
const MAX_AFTER: usize = 10;
/// What crossing a clause boundary costs, in words.
const CLAUSE_COST: usize = 8;
/// "and", "or" may join two clauses or two nouns: half a boundary. Before a number they start a
/// new item, which no value binds across (see `Measure::items`).
const CONJUNCTION_COST: usize = 4;
/// Words a subject may stand before its verb phrase's cue: "Three members of the Metropolitan
/// Police quit the force".
const MAX_SUBJECT_GAP: usize = 10;
/// A comma-delimited aside of at most this many words does not break the clause.
const MAX_ASIDE_WORDS: usize = 6;
/// Candidates this close in score to the winner make a binding ambiguous.
const RIVAL_MARGIN: usize = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    /// The value is the cue's own: its count, its "of" complement, or a value containing it.
    Own,
    Near,
}

/// A word that opens a quantity after "and"/"or": any number word ("… and eight by
/// helicopter", "… or seventeen more"), and the vague amounts that stand for one.
fn opens_quantity(word: &str) -> bool {
    let key = word.to_ascii_lowercase();
    number_words::is_number_word(&key)
        || matches!(
            key.as_str(),
            "hundreds" | "thousands" | "dozens" | "both" | "several" | "a"
        )
}

/// The sentence's words and what crossing each stretch costs, as prefix sums over its tokens.
struct Measure {
    start: usize,
    words: Vec<usize>,
    costs: Vec<usize>,
    /// Clause boundaries proper (punctuation, "while", "but"), which conjunctions are not.
    hard: Vec<usize>,
    /// "and"/"or" before a number: a new coordinated item ("… by boat and eight by
    /// helicopter") that no value binds across.
    items: Vec<usize>,
    /// For each token, the clause whose time it shares: a clause opened by "when", "where",
    /// "after" or "before" takes its time from the one it follows ("in 2016, when a quake …").
    times: Vec<usize>,
}

impl Measure {
    fn new(text: &str, tokens: &[Token], sentence: Range<usize>) -> Measure {
        let mut words = vec![0];
        let mut costs = vec![0];
        let mut hard = vec![0];
        let mut items = vec![0];
        let mut times = Vec::with_capacity(sentence.len());
        let (mut time, mut clause_start) = (0, true);
        let asides = asides(text, &tokens[sentence.clone()]);
        for (i, t) in tokens[sentence.clone()].iter().enumerate() {
            let s = t.text(text);
            let next = tokens.get(sentence.start + i + 1);
            let next_spaced = next.is_none_or(|n| n.spaced);
            let conjunction = t.is_word() && is_any(s, &["and", "or"]);
            let new_item =
                conjunction && next.is_some_and(|n| n.is_number() || opens_quantity(n.text(text)));
            let cost = match s {
                "," if asides.contains(&i) => 0,
                "," | ";" | ":" | "(" | ")" => CLAUSE_COST,
                // A dash between spaces sets off a clause; glued, it joins ("Ashby
                // Junction–Wenmouth", "2009-13").
                "-" | "–" | "—" if t.spaced && next_spaced => CLAUSE_COST,
                _ if t.is_word()
                    && is_any(
                        s,
                        &["while", "whilst", "whereas", "but", "although", "though"],
                    ) =>
                {
                    CLAUSE_COST
                }
                _ if conjunction => CONJUNCTION_COST,
                _ => 0,
            };
            if clause_start && t.is_word() {
                if !is_any(s, &["when", "where", "after", "before", "as"]) {
                    time += 1;
                }
                clause_start = false;
            }
            times.push(time);
            let boundary = cost > 0 && !conjunction;
            clause_start |= boundary;
            words.push(words[i] + usize::from(!t.is_punct()));
            costs.push(costs[i] + cost);
            hard.push(hard[i] + usize::from(boundary));
            items.push(items[i] + usize::from(new_item));
        }
        Measure {
            start: sentence.start,
            words,
            costs,
            hard,
            items,
            times,
        }
    }

    /// Words and the boundary charge strictly between two token positions.
    fn between(&self, from: usize, to: usize) -> (usize, usize) {
        let (a, b) = (from - self.start, to - self.start);
        if a >= b {
            return (0, 0);
        }
        (self.words[b] - self.words[a], self.costs[b] - self.costs[a])
    }

    /// Which time frame of the sentence a token is in: its clause, or the clause a "when"
    /// clause hangs from.
    fn time_of(&self, token: usize) -> usize {
        self.times
            .get(token.saturating_sub(self.start))
            .copied()
            .unwrap_or(0)
    }

    /// Whether a new coordinated item starts between two token positions.
    fn crosses_item(&self, from: usize, to: usize) -> bool {
        let (a, b) = (from - self.start, to - self.start);
        a < b && self.items[b] > self.items[a]
    }

    /// Whether a clause boundary proper lies between two token positions.
    fn crosses_clause(&self, from: usize, to: usize) -> bool {
        let (a, b) = (from - self.start, to - self.start);
        a < b && self.hard[b] > self.hard[a]
    }
}

/// The commas that enclose a short aside (", meaning a danger to life,", ", accordingly,"):
/// crossing one does not leave the clause. Pairs are taken left to right.
fn asides(text: &str, tokens: &[Token]) -> Vec<usize> {
    let commas: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].text(text) == ",")
        .collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k + 1 < commas.len() {
        let (a, b) = (commas[k], commas[k + 1]);
        let inside = &tokens[a + 1..b];
        let words = inside.iter().filter(|t| t.is_word()).count();
        let plain = inside.iter().all(|t| t.is_word());
        if plain && (1..=MAX_ASIDE_WORDS).contains(&words) {
            out.extend([a, b]);
            k += 2;
        } else {
            k += 1;
        }
    }
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn covers(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// How well `candidate` fits a cue, if it may bind at all.
fn fit(
    text: &str,
    tokens: &[Token],
    measure: &Measure,
    candidate: &Candidate,
    cue: &Range<usize>,
) -> Option<(Tier, usize)> {
    if covers(&candidate.tokens, cue) {
        return Some((Tier::Own, 0));
    }
    if let Some(head) = candidate.head.as_ref().filter(|h| overlaps(h, cue)) {
        // The cue names the counted noun itself, not a modifier of it, and not the group a
        // partitive takes its part from ("one of the *victims*").
        let noun = head.end - 1;
        return (!candidate.partitive && cue.start <= noun && noun < cue.end)
            .then_some((Tier::Own, 0));
    }
    let of_complement = candidate.tokens.start == cue.end + 1
        && tokens
            .get(cue.end)
            .is_some_and(|t| t.text(text).eq_ignore_ascii_case("of"));
    if of_complement && !candidate.partitive {
        return Some((Tier::Own, 0));
    }
    let specific_head = candidate.counts_another_noun();
    let (from, to) = if candidate.tokens.end <= cue.start {
        (candidate.tokens.end, cue.start)
    } else {
        (cue.end, candidate.tokens.start)
    };
    if measure.crosses_item(from, to) {
        return None;
    }
    if candidate.tokens.end <= cue.start {
        let (words, cost) = measure.between(candidate.tokens.end, cue.start);
        if specific_head {
            // A subject may join nouns ("residents of Quay Street and Marram Road … were
            // evacuated") but not cross into another clause.
            let subject = !measure.crosses_clause(candidate.tokens.end, cue.start)
                && words <= MAX_SUBJECT_GAP;
            return subject.then_some((Tier::Near, words + cost + 5));
        }
        (words + cost <= MAX_BEFORE).then_some((Tier::Near, words + cost))
    } else {
        let (words, cost) = measure.between(cue.end, candidate.tokens.start);
        if specific_head {
            // Only as the cue's direct object: "killed at least 120 people", "employs 31,000
            // officers"; not "the breaches cover 45,000 employees".
            return (words == 0 && cost == 0).then_some((Tier::Near, 2));
        }
        (words + cost <= MAX_AFTER).then_some((Tier::Near, words + cost))
    }
}

/// A cue inside the "of" phrase of a share or a partitive ("a tenth *of the fee*", "one *of the
/// victims*") names the whole the part is taken from: the slot's value is not near it, unless
/// the slot is about that share.
fn names_a_whole(candidates: &[Candidate], cue: &Range<usize>, kind: &ValueKind) -> bool {
    candidates.iter().any(|c| {
        let part =
            c.partitive || (matches!(c.value, Value::Share { .. }) && !kind.accepts(&c.value));
        part && c.head.as_ref().is_some_and(|h| covers(h, cue))
    })
}

/// Candidates in a clause that is dated before the story's time frame ("in 2016 a magnitude
/// 6.2 quake near Dursk killed 89 people"): they speak of an earlier event. Dates themselves are
/// not marked.
fn background(
    text: &str,
    tokens: &[Token],
    measure: &Measure,
    candidates: &[Candidate],
    earlier_than: Option<f64>,
) -> Vec<bool> {
    let Some(limit) = earlier_than else {
        return vec![false; candidates.len()];
    };
    let clause = |c: &Candidate| measure.time_of(c.tokens.start);
    // "scored 36 goals … after joining from Lerma in 2021": a date after "after", "since",
    // "before" or "until" dates that phrase, not the clause's own event.
    let subordinate = |c: &Candidate| {
        (measure.start..c.tokens.start)
            .rev()
            .take_while(|&i| measure.time_of(i) == clause(c))
            .any(|i| {
                tokens[i].is_word()
                    && is_any(
                        tokens[i].text(text),
                        &["after", "since", "before", "until", "till", "following"],
                    )
            })
    };
    let foreign: Vec<usize> = candidates
        .iter()
        .filter(|c| match &c.value {
            Value::Date { range } => range.hi < limit,
            Value::DateRange { end, .. } => end.hi < limit,
            _ => false,
        })
        .filter(|c| !subordinate(c))
        .map(clause)
        .collect();
    candidates
        .iter()
        .map(|c| {
            !matches!(c.value, Value::Date { .. } | Value::DateRange { .. })
                && foreign.contains(&clause(c))
        })
        .collect()
}

/// A value whose head is what the slot counts may sit anywhere in the cue's sentence; the
/// nearest wins.
fn counted_fit(measure: &Measure, candidate: &Candidate, cue: &Range<usize>) -> (Tier, usize) {
    let (words, cost) = if candidate.tokens.end <= cue.start {
        measure.between(candidate.tokens.end, cue.start)
    } else {
        measure.between(cue.end, candidate.tokens.start)
    };
    (Tier::Near, words + cost)
}

/// `needle` is the end of `haystack`: an `of` phrase must name the counted noun itself
/// ("officers"), not a modifier of it ("passenger" in "passenger journeys").
fn ends_with(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.ends_with(needle)
}

/// Binds the sentence's candidates to the slots whose cues it contains.
pub fn bind(
    text: &str,
    tokens: &[Token],
    sentence: Range<usize>,
    slots: &[SlotCues],
    candidates: &[Candidate],
    earlier_than: Option<f64>,
) -> Vec<Binding> {
    let measure = Measure::new(text, tokens, sentence);
    let background = background(text, tokens, &measure, candidates, earlier_than);
    let heads: Vec<Vec<String>> = candidates
        .iter()
        .map(|c| {
            let head = c.head.clone().filter(|_| !c.partitive).unwrap_or(0..0);
            tokens[head]
                .iter()
                .filter(|t| !t.is_punct())
                .map(|t| normalise(t.text(text)))
                .collect()
        })
        .collect();
    // How well each slot's `of` nouns match each candidate's head; only the slots with the
    // longest match may take it ("Police Community Support Officers" over "officers").
    let of_match: Vec<Vec<usize>> = slots
        .iter()
        .map(|g| {
            heads
                .iter()
                .map(|h| {
                    g.of.iter()
                        .filter(|p| ends_with(h, p))
                        .map(Vec::len)
                        .max()
                        .unwrap_or(0)
                })
                .collect()
        })
        .collect();
    let best_of: Vec<usize> = (0..candidates.len())
        .map(|c| of_match.iter().map(|m| m[c]).max().unwrap_or(0))
        .collect();
    let mut pairs = Vec::new();
    for (g, group) in slots.iter().enumerate() {
        for (c, candidate) in candidates.iter().enumerate() {
            if candidate.prior {
                continue;
            }
            let Some(reading) = candidate.reading(&group.kind) else {
                continue;
            };
            // `of:` says what a count, share or scale reading is of; other values bind as usual.
            let counted = !group.of.is_empty()
                && match candidate.value_of(reading) {
                    Value::Count { .. } | Value::Share { .. } => true,
                    // A scale reading must name its noun: "a magnitude 6.8 earthquake", not
                    // "the strongest [aftershock] of magnitude 5.4".
                    Value::Measure { unit, .. } => crate::value::SCALE_LABELS.contains(&&**unit),
                    _ => false,
                };
            if counted && (of_match[g][c] == 0 || of_match[g][c] < best_of[c]) {
                continue;
            }
            let best = group
                .cues
                .iter()
                .filter_map(|cue| {
                    let fit = if counted {
                        Some(counted_fit(&measure, candidate, cue))
                    } else {
                        fit(text, tokens, &measure, candidate, cue)
                    };
                    // A cue naming a whole keeps its own values ("workforce of 1,900") but
                    // lends nothing by proximity.
                    let fit = fit.filter(|(tier, _)| {
                        *tier == Tier::Own || !names_a_whole(candidates, cue, &group.kind)
                    });
                    fit.map(|(tier, score)| (tier, score, cue.clone()))
                })
                .min_by_key(|(tier, score, cue)| (*tier, *score, cue.start));
            if let Some((tier, score, cue)) = best {
                pairs.push((tier, score, g, c, reading, cue));
            }
        }
    }
    pairs.sort_by_key(|(tier, score, g, c, _, _)| (*tier, *score, candidates[*c].tokens.start, *g));

    let mut taken = vec![false; candidates.len()];
    let mut won: Vec<Option<(Tier, usize)>> = vec![None; slots.len()];
    let mut bindings: Vec<Binding> = Vec::new();
    for (tier, score, g, c, reading, cue) in &pairs {
        if taken[*c] {
            continue;
        }
        if let Some((won_tier, _)) = won[*g] {
            // A slot may take several values that are each its cue's own, when they agree
            // ("300 breaches … the 300 cases"); two that differ ("a majority of 5,261,
            // overturning a majority of 8,915") leave it ambiguous.
            if *tier != Tier::Own || won_tier != Tier::Own {
                continue;
            }
            let value = candidates[*c].value_of(*reading);
            let first = bindings.iter_mut().find(|b| b.slot == slots[*g].slot);
            if let Some(first) =
                first.filter(|b| candidates[b.candidate].value_of(b.reading) != value)
            {
                first.rivals.push(*c);
                taken[*c] = true;
                continue;
            }
        }
        taken[*c] = true;
        won[*g] = Some((*tier, *score));
        bindings.push(Binding {
            slot: slots[*g].slot,
            candidate: *c,
            reading: *reading,
            cue: cue.clone(),
            rivals: Vec::new(),
            background: background[*c],
        });
    }
    for binding in &mut bindings {
        let g = slots
            .iter()
            .position(|s| s.slot == binding.slot)
            .unwrap_or(0);
        let Some((Tier::Near, best)) = won[g] else {
            continue;
        };
        let mine = candidates[binding.candidate].value_of(binding.reading);
        binding.rivals = pairs
            .iter()
            .filter(|(tier, score, pg, c, reading, _)| {
                *pg == g
                    && *c != binding.candidate
                    && *tier == Tier::Near
                    && score.abs_diff(best) <= RIVAL_MARGIN
                    && !taken[*c]
                    && candidates[*c].value_of(*reading) != mine
            })
            .map(|(_, _, _, c, _, _)| *c)
            .collect();
    }
    bindings.sort_by_key(|b| candidates[b.candidate].tokens.start);
    bindings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;
    use crate::value::Interval;

    /// Finds `word` (the n-th occurrence when given as "word#n") in the tokens.
    fn at(text: &str, tokens: &[Token], word: &str) -> Range<usize> {
        let (word, nth) = word
            .split_once('#')
            .map_or((word, 0), |(w, n)| (w, n.parse().unwrap()));
        let parts: Vec<&str> = word.split(' ').collect();
        let starts: Vec<usize> = (0..tokens.len())
            .filter(|&i| {
                parts
                    .iter()
                    .enumerate()
                    .all(|(k, p)| tokens.get(i + k).is_some_and(|t| t.text(text) == *p))
            })
            .collect();
        starts[nth]..starts[nth] + parts.len()
    }

    fn count(
        text: &str,
        tokens: &[Token],
        word: &str,
        n: f64,
        head: Option<&str>,
        generic: bool,
    ) -> Candidate {
        Candidate {
            tokens: at(text, tokens, word),
            value: Value::Count {
                range: Interval::point(n),
            },
            vague: false,
            head: head.map(|h| at(text, tokens, h)),
            generic_head: generic,
            alternatives: Vec::new(),
            partitive: false,
            prior: false,
        }
    }

    fn slot(text: &str, tokens: &[Token], slot: usize, kind: ValueKind, cues: &[&str]) -> SlotCues {
        SlotCues {
            slot,
            kind,
            cues: cues.iter().map(|c| at(text, tokens, c)).collect(),
            of: Vec::new(),
        }
    }

    fn bound(text: &str, slots: &[SlotCues], candidates: &[Candidate]) -> Vec<(usize, f64, usize)> {
        let tokens = tokenize(text, 0..text.len());
        bind(text, &tokens, 0..tokens.len(), slots, candidates, None)
            .iter()
            .map(|b| {
                (
                    b.slot,
                    candidates[b.candidate].value.range().unwrap().lo,
                    b.rivals.len(),
                )
            })
            .collect()
    }

    #[test]
    fn numbers_of_other_nouns_do_not_bind_to_a_distant_cue() {
        let s = "The breaches cover rank-and-file officers, senior investigators and civilian staff at the Met, which employs around 31,000 officers,13,000 police staff and 2,600 PCSOs.";
        let t = tokenize(s, 0..s.len());
        let slots = [slot(s, &t, 0, ValueKind::Count, &["breaches"])];
        let candidates = [
            count(s, &t, "31,000", 31_000.0, Some("officers#1"), false),
            count(s, &t, "13,000", 13_000.0, Some("police staff"), false),
            count(s, &t, "2,600", 2_600.0, Some("PCSOs"), false),
        ];
        assert_eq!(bound(s, &slots, &candidates), []);
    }

    #[test]
    fn a_count_of_the_cue_itself_binds_and_the_others_go_to_their_own_slots() {
        let s = "Of the 300 cases investigated and substantiated, 208 were subject to formal action being taken.";
        let t = tokenize(s, 0..s.len());
        let slots = [
            slot(s, &t, 0, ValueKind::Count, &["cases investigated"]),
            slot(s, &t, 1, ValueKind::Count, &["formal action"]),
        ];
        let candidates = [
            count(s, &t, "300", 300.0, Some("cases investigated"), true),
            count(s, &t, "208", 208.0, None, false),
        ];
        assert_eq!(
            bound(s, &slots, &candidates),
            [(0, 300.0, 0), (1, 208.0, 0)]
        );
    }

    #[test]
    fn a_subject_binds_to_the_cue_of_its_verb_phrase() {
        let s = "Three members of the Metropolitan Police quit the force in a single year.";
        let t = tokenize(s, 0..s.len());
        let slots = [slot(s, &t, 0, ValueKind::Count, &["quit the force"])];
        let candidates = [count(s, &t, "Three", 3.0, Some("members"), false)];
        assert_eq!(bound(s, &slots, &candidates), [(0, 3.0, 0)]);
    }

    #[test]
    fn a_number_of_another_noun_after_the_cue_never_binds() {
        let s = "A special constable received formal action for making the comment on a Facebook photo of two men fighting.";
        let t = tokenize(s, 0..s.len());
        let slots = [slot(s, &t, 0, ValueKind::Count, &["formal action"])];
        let candidates = [count(s, &t, "two", 2.0, Some("men"), false)];
        assert_eq!(bound(s, &slots, &candidates), []);
    }

    #[test]
    fn a_generic_count_across_a_comma_binds_before_the_cue() {
        let s = "In both cases, the officer was arrested and is no longer working for the force.";
        let t = tokenize(s, 0..s.len());
        let slots = [slot(
            s,
            &t,
            0,
            ValueKind::Count,
            &["no longer working for the force"],
        )];
        let candidates = [count(s, &t, "both", 2.0, Some("cases"), true)];
        assert_eq!(bound(s, &slots, &candidates), [(0, 2.0, 0)]);
    }

    #[test]
    fn the_nearest_value_wins_and_far_ones_are_not_rivals() {
        let s = "The remaining 92 cases resulted in a variety of outcomes including written warnings, management action, retirement or resignation and two cases of no further action.";
        let t = tokenize(s, 0..s.len());
        let slots = [slot(s, &t, 0, ValueKind::Count, &["remaining"])];
        let candidates = [
            count(s, &t, "92", 92.0, Some("cases#0"), true),
            count(s, &t, "two", 2.0, Some("cases#1"), true),
        ];
        assert_eq!(bound(s, &slots, &candidates), [(0, 92.0, 0)]);
    }

    #[test]
    fn a_slot_that_says_what_it_counts_takes_the_number_of_that_noun_anywhere_in_the_sentence() {
        let s = "The breaches cover civilian staff at the Met, which employs around 31,000 officers, 13,000 police staff and 2,600 Police Community Support Officers.";
        let t = tokenize(s, 0..s.len());
        let of = |words: &[&str]| {
            words
                .iter()
                .map(|w| w.split(' ').map(normalise).collect())
                .collect()
        };
        let mut officers = slot(s, &t, 0, ValueKind::Count, &["employs"]);
        officers.of = of(&["officers"]);
        let mut staff = slot(s, &t, 1, ValueKind::Count, &["employs"]);
        staff.of = of(&["staff"]);
        let mut pcsos = slot(s, &t, 2, ValueKind::Count, &["employs"]);
        pcsos.of = of(&["Police Community Support Officers", "PCSO"]);
        let candidates = [
            count(s, &t, "31,000", 31_000.0, Some("officers"), false),
            count(s, &t, "13,000", 13_000.0, Some("police staff"), false),
            count(
                s,
                &t,
                "2,600",
                2_600.0,
                Some("Police Community Support Officers"),
                false,
            ),
        ];
        assert_eq!(
            bound(s, &[officers, staff, pcsos], &candidates),
            [(0, 31_000.0, 0), (1, 13_000.0, 0), (2, 2_600.0, 0)]
        );
    }

    #[test]
    fn a_slot_that_says_what_it_counts_ignores_other_nouns() {
        let s = "One officer was discovered passing on information, the Met, which employs thousands, said.";
        let t = tokenize(s, 0..s.len());
        let mut officers = slot(s, &t, 0, ValueKind::Count, &["employs"]);
        officers.of = vec![vec![normalise("staff")]];
        let candidates = [count(s, &t, "One", 1.0, Some("officer"), false)];
        assert_eq!(bound(s, &[officers], &candidates), []);
    }

    #[test]
    fn two_equally_near_values_make_the_binding_ambiguous() {
        let s = "Police said 40 people attended and others said 60.";
        let t = tokenize(s, 0..s.len());
        let slots = [slot(s, &t, 0, ValueKind::Count, &["attended"])];
        let candidates = [
            count(s, &t, "40", 40.0, Some("people"), false),
            count(s, &t, "60", 60.0, None, false),
        ];
        let result = bound(s, &slots, &candidates);
        assert_eq!(result.len(), 1);
        assert_eq!(result[0].2, 1, "the other number is a rival");
    }

    #[test]
    fn each_value_serves_one_slot_best_pair_first() {
        let s = "Around one-fifth of cases ended with the individual leaving the force, in a sacking or retirement, while two-thirds resulted in formal action.";
        let t = tokenize(s, 0..s.len());
        let share = |word: &str, v: f64| Candidate {
            tokens: at(s, &t, word),
            value: Value::Share {
                range: Interval::point(v),
            },
            vague: false,
            head: None,
            generic_head: false,
            alternatives: Vec::new(),
            partitive: false,
            prior: false,
        };
        let slots = [
            slot(s, &t, 0, ValueKind::Share, &["sacking", "retirement"]),
            slot(s, &t, 1, ValueKind::Share, &["formal action"]),
        ];
        let candidates = [
            share("Around one - fifth", 0.2),
            share("two - thirds", 2.0 / 3.0),
        ];
        assert_eq!(
            bound(s, &slots, &candidates),
            [(0, 0.2, 0), (1, 2.0 / 3.0, 0)]
        );
    }
}
