//! Binding: which value in a sentence belongs to which slot.
//!
//! The unit is the sentence, never a window of characters. Inside it, a value binds to a slot's
//! cue by the sentence's structure, approximated without a parser:
//! - a count that quantifies the cue itself ("300 such *breaches*") binds first and always;
//! - a value that quantifies some other noun ("31,000 *officers*", "two *men* fighting") binds
//!   only as the subject of the cue's clause ("Three members … quit the force");
//! - otherwise the nearer the better, counting words and charging for each clause boundary
//!   crossed, with a tighter limit after the cue than before it, except for the only value of
//!   the slot's kind in the sentence;
//! - each value serves one slot, best pairs first; when a slot's runner-up is about as good and
//!   says something else, the mention is ambiguous and is never reported as a conflict.

use std::ops::Range;

use super::phrases::normalise;
use crate::text::token::Token;
use crate::value::{Value, ValueKind};

/// A value found in a sentence, as binding sees it.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub tokens: Range<usize>,
    pub value: Value,
    pub vague: bool,
    /// The noun phrase a count or share quantifies.
    pub head: Option<Range<usize>>,
    pub generic_head: bool,
}

impl Candidate {
    /// It quantifies a noun of its own ("31,000 *officers*"), not a generic one ("cases") and
    /// not nothing ("208 were").
    fn counts_another_noun(&self) -> bool {
        self.head.is_some() && !self.generic_head
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
    pub cue: Range<usize>,
    /// Other candidates about as good that say something else.
    pub rivals: Vec<usize>,
}

/// Words between a value before its cue and the cue, plus the clause charge, at most.
const MAX_BEFORE: usize = 20;
/// The same for a value after its cue: "breaches totalled 300", not a number three clauses on.
const MAX_AFTER: usize = 10;
/// What crossing a clause boundary costs, in words.
const CLAUSE_COST: usize = 8;
/// Words a subject may stand before its verb phrase's cue: "Three members of the Metropolitan
/// Police quit the force".
const MAX_SUBJECT_GAP: usize = 10;
/// Candidates this close in score to the winner make a binding ambiguous.
const RIVAL_MARGIN: usize = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    /// The cue is the value's own noun, or inside the value ("between … and …").
    Own,
    Near,
    /// The only value of its kind in the sentence, farther away.
    Sole,
}

/// The sentence's words and clause boundaries, as prefix counts over its tokens.
struct Measure {
    start: usize,
    words: Vec<usize>,
    clauses: Vec<usize>,
}

impl Measure {
    fn new(text: &str, tokens: &[Token], sentence: Range<usize>) -> Measure {
        let mut words = vec![0];
        let mut clauses = vec![0];
        for (i, t) in tokens[sentence.clone()].iter().enumerate() {
            let s = t.text(text);
            let is_word = !t.is_punct();
            let next_spaced = tokens.get(sentence.start + i + 1).is_none_or(|n| n.spaced);
            let boundary = match s {
                "," | ";" | ":" | "(" | ")" | "–" | "—" => true,
                "-" => t.spaced && next_spaced,
                _ => {
                    is_word
                        && ["while", "whilst", "whereas", "but", "although", "though"]
                            .iter()
                            .any(|w| s.eq_ignore_ascii_case(w))
                }
            };
            words.push(words[i] + usize::from(is_word));
            clauses.push(clauses[i] + usize::from(boundary));
        }
        Measure {
            start: sentence.start,
            words,
            clauses,
        }
    }

    /// Words and clause boundaries strictly between two token positions.
    fn between(&self, from: usize, to: usize) -> (usize, usize) {
        let (a, b) = (from - self.start, to - self.start);
        if a >= b {
            return (0, 0);
        }
        (
            self.words[b] - self.words[a],
            self.clauses[b] - self.clauses[a],
        )
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// How well `candidate` fits a cue, if it may bind at all.
fn fit(
    measure: &Measure,
    candidate: &Candidate,
    cue: &Range<usize>,
    sole: bool,
) -> Option<(Tier, usize)> {
    if overlaps(&candidate.tokens, cue) || candidate.head.as_ref().is_some_and(|h| overlaps(h, cue))
    {
        return Some((Tier::Own, 0));
    }
    let specific_head = candidate.counts_another_noun();
    if candidate.tokens.end <= cue.start {
        let (words, clauses) = measure.between(candidate.tokens.end, cue.start);
        if specific_head {
            return (clauses == 0 && words <= MAX_SUBJECT_GAP).then_some((Tier::Near, words + 5));
        }
        let cost = words + CLAUSE_COST * clauses;
        (cost <= MAX_BEFORE).then_some((Tier::Near, cost))
    } else {
        if specific_head {
            return None;
        }
        let (words, clauses) = measure.between(cue.end, candidate.tokens.start);
        let cost = words + CLAUSE_COST * clauses;
        if cost <= MAX_AFTER {
            Some((Tier::Near, cost))
        } else {
            sole.then_some((Tier::Sole, cost))
        }
    }
}

/// A value whose head is what the slot counts may sit anywhere in the cue's sentence; the
/// nearest wins.
fn counted_fit(measure: &Measure, candidate: &Candidate, cue: &Range<usize>) -> (Tier, usize) {
    let (words, clauses) = if candidate.tokens.end <= cue.start {
        measure.between(candidate.tokens.end, cue.start)
    } else {
        measure.between(cue.end, candidate.tokens.start)
    };
    (Tier::Near, words + CLAUSE_COST * clauses)
}

/// `needle` occurs as a run of consecutive words in `haystack`.
fn contains(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Binds the sentence's candidates to the slots whose cues it contains.
pub fn bind(
    text: &str,
    tokens: &[Token],
    sentence: Range<usize>,
    slots: &[SlotCues],
    candidates: &[Candidate],
) -> Vec<Binding> {
    let measure = Measure::new(text, tokens, sentence);
    let heads: Vec<Vec<String>> = candidates
        .iter()
        .map(|c| {
            c.head
                .clone()
                .map(|h| {
                    tokens[h]
                        .iter()
                        .filter(|t| !t.is_punct())
                        .map(|t| normalise(t.text(text)))
                        .collect()
                })
                .unwrap_or_default()
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
                        .filter(|p| contains(h, p))
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
        let accepted: Vec<usize> = (0..candidates.len())
            .filter(|&c| group.kind.accepts(&candidates[c].value))
            .filter(|&c| {
                group.of.is_empty() || (of_match[g][c] > 0 && of_match[g][c] == best_of[c])
            })
            .collect();
        for &c in &accepted {
            let sole = accepted.len() == 1 && !candidates[c].counts_another_noun();
            let best = group
                .cues
                .iter()
                .filter_map(|cue| {
                    if group.of.is_empty() {
                        fit(&measure, &candidates[c], cue, sole)
                    } else {
                        Some(counted_fit(&measure, &candidates[c], cue))
                    }
                    .map(|(tier, score)| (tier, score, cue.clone()))
                })
                .min_by_key(|(tier, score, cue)| (*tier, *score, cue.start));
            if let Some((tier, score, cue)) = best {
                pairs.push((tier, score, g, c, cue));
            }
        }
    }
    pairs.sort_by_key(|(tier, score, g, c, _)| (*tier, *score, candidates[*c].tokens.start, *g));

    let mut taken = vec![false; candidates.len()];
    let mut won: Vec<Option<(Tier, usize)>> = vec![None; slots.len()];
    let mut bindings: Vec<Binding> = Vec::new();
    for (tier, score, g, c, cue) in &pairs {
        if taken[*c] {
            continue;
        }
        // A slot may take several values that each quantify its cue ("300 breaches … 250
        // breaches"), but only one value found by proximity.
        if let Some((won_tier, _)) = won[*g] {
            if !(*tier == Tier::Own && won_tier == Tier::Own) {
                continue;
            }
        }
        taken[*c] = true;
        won[*g] = Some((*tier, *score));
        bindings.push(Binding {
            slot: slots[*g].slot,
            candidate: *c,
            cue: cue.clone(),
            rivals: Vec::new(),
        });
    }
    for binding in &mut bindings {
        let g = slots
            .iter()
            .position(|s| s.slot == binding.slot)
            .unwrap_or(0);
        let Some((Tier::Near | Tier::Sole, best)) = won[g] else {
            continue;
        };
        let mine = &candidates[binding.candidate].value;
        binding.rivals = pairs
            .iter()
            .filter(|(tier, score, pg, c, _)| {
                *pg == g
                    && *c != binding.candidate
                    && *tier != Tier::Own
                    && score.abs_diff(best) <= RIVAL_MARGIN
                    && !taken[*c]
                    && candidates[*c].value != *mine
            })
            .map(|(_, _, _, c, _)| *c)
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
        bind(text, &tokens, 0..tokens.len(), slots, candidates)
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
        let s = "Officials said 40 or 60 firefighters attended.";
        let t = tokenize(s, 0..s.len());
        let slots = [slot(s, &t, 0, ValueKind::Count, &["attended"])];
        let candidates = [
            count(s, &t, "40", 40.0, None, false),
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
