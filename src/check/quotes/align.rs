//! Alignment: which sentences of which versions are the same sentence of the same speaker.
//!
//! Candidate pairs share a meaningful word (an inverted index, so the work grows with what
//! versions have in common, not with the square of all sentences). A pair matches when most of
//! the shorter sentence's words appear, in order, in the longer (the longest common
//! subsequence), so excerpts match the sentence they come from. Pairs join greedily, best first,
//! into clusters holding at most one run of consecutive sentences of one quote per version: a
//! version's sentence can be the counterpart of only one place in another's.

use rustc_hash::FxHashMap;

use super::units::{Source, Unit, is_function_word};
use crate::extract::quotes::SpeakerKey;

/// At least this share of the shorter unit's words must appear in order in the longer.
const MIN_COVERAGE: f64 = 0.6;

/// Units this short must appear whole in the other: a near-match of a few words is chance.
const SHORT: usize = 4;

/// Attributed to two different people, the words must be nearly the same to be one quote.
const MIN_COVERAGE_OTHER_SPEAKER: f64 = 0.8;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    /// Indices into the units, by source then order.
    pub units: Vec<usize>,
}

/// Words of every unit as small integers, so that comparing two sentences compares numbers;
/// units with the same words share one sequence, so a sentence that forty versions carry
/// unchanged is compared with its counterparts once, not forty times over.
struct Interned {
    /// Per unit: its sequence.
    sequence_of: Vec<usize>,
    sequences: Vec<Vec<u32>>,
    /// Per word id: whether it has letters starred out, and its text for matching them.
    starred: Vec<bool>,
    words: Vec<String>,
    /// Per sequence: the distinct ids of its meaningful (not function) words, for finding
    /// candidate matches.
    content: Vec<Vec<u32>>,
}

impl Interned {
    fn new(units: &[Unit<'_>]) -> Interned {
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut words = Vec::new();
        let mut seen: FxHashMap<Vec<u32>, usize> = FxHashMap::default();
        let mut sequences = Vec::new();
        let mut sequence_of = Vec::with_capacity(units.len());
        for unit in units {
            let sequence: Vec<u32> = unit
                .keys()
                .map(|key| {
                    *ids.entry(key).or_insert_with(|| {
                        words.push(key.to_string());
                        u32::try_from(words.len() - 1).unwrap_or(u32::MAX)
                    })
                })
                .collect();
            let next = sequences.len();
            let id = *seen.entry(sequence.clone()).or_insert(next);
            if id == next {
                sequences.push(sequence);
            }
            sequence_of.push(id);
        }
        let starred = words.iter().map(|w| w.contains('*')).collect();
        let function: Vec<bool> = words.iter().map(|w| is_function_word(w)).collect();
        let content = sequences
            .iter()
            .map(|sequence| {
                let mut content: Vec<u32> = (sequence.iter().copied())
                    .filter(|&w| !function[w as usize])
                    .collect();
                content.sort_unstable();
                content.dedup();
                content
            })
            .collect();
        Interned {
            sequence_of,
            sequences,
            starred,
            words,
            content,
        }
    }

    fn same_word(&self, a: u32, b: u32) -> bool {
        a == b || {
            let (a, b) = (a as usize, b as usize);
            (self.starred[a] || self.starred[b]) && same_word(&self.words[a], &self.words[b])
        }
    }

    fn lcs(&self, a: usize, b: usize) -> usize {
        let (a, b) = (&self.sequences[a], &self.sequences[b]);
        lcs_by(a, b, |x, y| self.same_word(*x, *y))
    }
}

/// Clusters of units that are one sentence (or a run of them), with two sources at least.
pub fn align(units: &[Unit<'_>]) -> Vec<Cluster> {
    let interned = Interned::new(units);
    // Candidates are found between distinct sentences, then spread to the units that carry
    // them: a sentence forty versions print unchanged is one candidate, not 780 pairs.
    let mut units_of: Vec<Vec<usize>> = vec![Vec::new(); interned.sequences.len()];
    for (unit, &sequence) in interned.sequence_of.iter().enumerate() {
        units_of[sequence].push(unit);
    }
    let content = |sequence: usize| &interned.content[sequence];
    let mut by_word: Vec<Vec<usize>> = vec![Vec::new(); interned.words.len()];
    for sequence in 0..units_of.len() {
        for &word in content(sequence) {
            by_word[word as usize].push(sequence);
        }
    }
    let mut shared: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for list in &by_word {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                *shared.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    for (sequence, carriers) in units_of.iter().enumerate() {
        if carriers.len() >= 2 && !content(sequence).is_empty() {
            shared.insert((sequence, sequence), content(sequence).len());
        }
    }
    let candidates: Vec<(usize, usize, usize, usize)> = shared
        .into_iter()
        .filter_map(|((sa, sb), common)| {
            let (la, lb) = (interned.sequences[sa].len(), interned.sequences[sb].len());
            let lcs = if sa == sb { la } else { interned.lcs(sa, sb) };
            // Unless these sentences can match whoever the speakers, none of their units do.
            score(la, lb, common, lcs, || false).map(|_| (sa, sb, common, lcs))
        })
        .collect();
    // Without starred words, only units of one sentence score the best possible match (every
    // word, in order, both ways), so their pairs come first; and the clusters they form hold
    // units of that one sentence, so each sentence's pairs can be taken on their own, in the
    // order the sorted list would give them, without listing them: a sentence forty versions
    // print is 780 pairs that need no sorting.
    let identical_first = !interned.starred.contains(&true);
    // The rest sized once: a story's pairs run to tens of thousands, and growing them step by
    // step costs more than finding them.
    let most = candidates
        .iter()
        .filter(|&&(sa, sb, ..)| !(identical_first && sa == sb))
        .map(|&(sa, sb, ..)| units_of[sa].len() * units_of[sb].len())
        .sum();
    // (score, a, b), the score as the complement of its bits: scores are positive and finite,
    // so ascending order of the key is descending order of the score.
    let mut pairs: Vec<(u64, usize, usize)> = Vec::with_capacity(most);
    let mut identical: Vec<usize> = Vec::new();
    for (sa, sb, common, lcs) in candidates {
        if identical_first && sa == sb {
            identical.push(sa);
            continue;
        }
        let (la, lb) = (interned.sequences[sa].len(), interned.sequences[sb].len());
        for (x, &a) in units_of[sa].iter().enumerate() {
            let others = if sa == sb {
                &units_of[sb][x + 1..]
            } else {
                &units_of[sb][..]
            };
            for &b in others {
                let (a, b) = (a.min(b), a.max(b));
                if units[a].source == units[b].source {
                    continue;
                }
                let different = || different_people(&units[a], &units[b]);
                if let Some(s) = score(la, lb, common, lcs, different) {
                    pairs.push((!s.to_bits(), a, b));
                }
            }
        }
    }
    // Best first; ties in a fixed order so that output never depends on hashing. No two pairs
    // compare equal, so an unstable sort (no scratch buffer) gives the same order.
    pairs.sort_unstable();
    let mut cluster_of: Vec<usize> = (0..units.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..units.len()).map(|i| vec![i]).collect();
    let mut merge = |a: usize, b: usize| {
        let (ca, cb) = (cluster_of[a], cluster_of[b]);
        if ca == cb || !can_merge(units, &members[ca], &members[cb]) {
            return;
        }
        let moved = std::mem::take(&mut members[cb]);
        for &m in &moved {
            cluster_of[m] = ca;
        }
        members[ca].extend(moved);
    };
    // A sentence's units are listed in ascending order, so these loops go as (a, b) sorts.
    // Every pair here matches: the whole sentence both ways, and it has meaningful words (or
    // it would be no candidate).
    for sequence in identical {
        let carriers = &units_of[sequence];
        for (x, &a) in carriers.iter().enumerate() {
            for &b in &carriers[x + 1..] {
                if units[a].source != units[b].source {
                    merge(a, b);
                }
            }
        }
    }
    for (_, a, b) in pairs {
        merge(a, b);
    }
    clusters(units, members)
}

/// The merged groups that hold two sources or more, each in reading order, in a fixed order.
fn clusters(units: &[Unit<'_>], members: Vec<Vec<usize>>) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = members
        .into_iter()
        .filter(|m| {
            let mut sources: Vec<Source> = m.iter().map(|&u| units[u].source).collect();
            sources.sort();
            sources.dedup();
            sources.len() >= 2
        })
        .map(|mut m| {
            m.sort_by_key(|&u| (units[u].source, units[u].quote, units[u].order));
            Cluster { units: m }
        })
        .collect();
    out.sort_by_key(|c| c.units[0]);
    out
}

/// How well two units match, given their lengths in words, the meaningful words they share and
/// the length of their longest common subsequence of words, or `None` if they are not the same sentence.
fn score(
    la: usize,
    lb: usize,
    common_content: usize,
    lcs: usize,
    different_people: impl FnOnce() -> bool,
) -> Option<f64> {
    let (short, long) = (la.min(lb), la.max(lb));
    let coverage = lcs as f64 / short as f64;
    // Speakers are compared last: most pairs are settled by their words alone.
    let needed = if short <= SHORT {
        1.0
    } else if !(MIN_COVERAGE..MIN_COVERAGE_OTHER_SPEAKER).contains(&coverage) {
        MIN_COVERAGE
    } else if different_people() {
        MIN_COVERAGE_OTHER_SPEAKER
    } else {
        MIN_COVERAGE
    };
    // Longer sentences must share more than one meaningful word: "the public" is everywhere.
    let enough_content = common_content >= if short <= SHORT { 1 } else { 2 };
    (coverage >= needed && lcs >= 2 && enough_content).then(|| coverage + lcs as f64 / long as f64)
}

fn different_people(a: &Unit<'_>, b: &Unit<'_>) -> bool {
    fn person<'u>(u: &'u Unit<'_>) -> Option<&'u str> {
        match (&u.claimed_speaker, u.speaker.map(|s| &s.key)) {
            (Some(SpeakerKey::Person(k)), _) | (None, Some(SpeakerKey::Person(k))) => Some(k),
            _ => None,
        }
    }
    matches!((person(a), person(b)), (Some(x), Some(y)) if x != y)
}

/// Two clusters may join if, for every source in both, its units stay one run of consecutive
/// sentences of one quote.
fn can_merge(units: &[Unit<'_>], a: &[usize], b: &[usize]) -> bool {
    let mut places: Vec<(Source, usize, usize)> = a
        .iter()
        .chain(b)
        .map(|&u| (units[u].source, units[u].quote, units[u].order))
        .collect();
    places.sort_unstable();
    places
        .windows(2)
        .all(|w| w[0].0 != w[1].0 || (w[0].1 == w[1].1 && w[1].2 == w[0].2 + 1))
}

/// The length of the longest common subsequence of two sentences' words.
fn lcs_by<T>(a: &[T], b: &[T], same: impl Fn(&T, &T) -> bool) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if same(x, y) {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Equal, or the same word with letters starred out: "n*****s", "f**k".
fn same_word(a: &str, b: &str) -> bool {
    a == b || (a.contains('*') && starred(a, b)) || (b.contains('*') && starred(b, a))
}

/// `word` fits `pattern`, where each run of `*` stands for one letter or more.
fn starred(pattern: &str, word: &str) -> bool {
    if word.contains('*') {
        return false;
    }
    let pieces: Vec<&str> = pattern.split('*').collect();
    let (first, last) = (pieces[0], pieces[pieces.len() - 1]);
    if !word.starts_with(first) || word.len() < first.len() + last.len() || !word.ends_with(last) {
        return false;
    }
    let mut rest = &word[first.len()..word.len() - last.len()];
    for (i, piece) in pieces[1..pieces.len() - 1].iter().enumerate() {
        if piece.is_empty() {
            continue;
        }
        // A star run takes at least one letter before the next piece.
        let Some(at) = rest.get(1..).and_then(|r| r.find(piece)) else {
            return false;
        };
        rest = &rest[1 + at + piece.len()..];
        let _ = i;
    }
    !rest.is_empty() || pieces.len() == 1
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::check::quotes::units::is_function_word;
    use crate::diff::{Edges, words};

    fn lcs(a: &[&str], b: &[&str]) -> usize {
        lcs_by(a, b, |x, y| same_word(x, y))
    }

    #[test]
    fn starred_words_match_the_words_they_hide() {
        assert!(same_word("n*****s", "niggers"));
        assert!(same_word("fuck", "f**k"));
        assert!(same_word("****", "damn"));
        assert!(!same_word("f**k", "fk"));
        assert!(!same_word("f**k", "folks"));
        assert!(!same_word("police", "officers"));
    }

    #[test]
    fn lcs_counts_words_in_order() {
        let a = [
            "the", "police", "hold", "on", "members", "of", "the", "public",
        ];
        let b = ["the", "police", "hold", "on", "the", "public"];
        assert_eq!(lcs(&a, &b), 6);
        assert_eq!(lcs(&a, &[]), 0);
        assert_eq!(lcs(&["a", "b"], &["b", "a"]), 1);
    }

    /// The alignment as first written: every pair of units from two sources scored on its own,
    /// all sorted best first, merged greedily. `align` must give the same clusters.
    fn align_pair_by_pair(units: &[Unit<'_>]) -> Vec<Cluster> {
        let keys: Vec<Vec<&str>> = units.iter().map(|u| u.keys().collect()).collect();
        let content: Vec<Vec<&str>> = (keys.iter())
            .map(|k| {
                let mut c: Vec<&str> = k.iter().copied().filter(|w| !is_function_word(w)).collect();
                c.sort_unstable();
                c.dedup();
                c
            })
            .collect();
        let mut pairs = Vec::new();
        for a in 0..units.len() {
            for b in a + 1..units.len() {
                let common = content[a].iter().filter(|w| content[b].contains(w)).count();
                if units[a].source == units[b].source || common == 0 {
                    continue;
                }
                let lcs = lcs_by(&keys[a], &keys[b], |x, y| same_word(x, y));
                let different = || different_people(&units[a], &units[b]);
                if let Some(s) = score(keys[a].len(), keys[b].len(), common, lcs, different) {
                    pairs.push((s, a, b));
                }
            }
        }
        pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        let mut cluster_of: Vec<usize> = (0..units.len()).collect();
        let mut members: Vec<Vec<usize>> = (0..units.len()).map(|i| vec![i]).collect();
        for (_, a, b) in pairs {
            let (ca, cb) = (cluster_of[a], cluster_of[b]);
            if ca != cb && can_merge(units, &members[ca], &members[cb]) {
                let moved = std::mem::take(&mut members[cb]);
                moved.iter().for_each(|&m| cluster_of[m] = ca);
                members[ca].extend(moved);
            }
        }
        clusters(units, members)
    }

    /// Sentences versions quote, some alike, one with a censored word.
    const SENTENCES: &[&str] = &[
        "The extent to which police officers have used confidential information is astonishing.",
        "The extent to which officers have used information is astonishing.",
        "We recognise that protecting the data we hold is critical to public confidence.",
        "It is a f**k up of the highest order, the council said.",
        "It is a fuck up of the highest order, the council said.",
        "Police hold data on members of the public.",
        "We will not tolerate racism in the force.",
    ];

    proptest! {
        /// Candidates found between distinct sentences, and identical sentences merged first
        /// without listing their pairs, give what scoring every pair of units gives.
        #[test]
        fn alignment_equals_pair_by_pair_alignment(
            quotes in prop::collection::vec(
                (0..5usize, prop::collection::vec((0..SENTENCES.len(), prop::option::of(0..12usize)), 1..4), 0..3usize),
                1..14,
            ),
        ) {
            // (source, sentences with an optional dropped word, speaker)
            let texts: Vec<Vec<String>> = (quotes.iter())
                .map(|(_, sentences, _)| {
                    (sentences.iter())
                        .map(|&(s, drop)| {
                            let words: Vec<&str> = SENTENCES[s].split(' ').collect();
                            (words.iter().enumerate())
                                .filter(|&(i, _)| Some(i) != drop)
                                .map(|(_, w)| *w)
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .collect()
                })
                .collect();
            let speakers = [None, Some("davis"), Some("carr")];
            let mut units = Vec::new();
            for (q, ((source, _, speaker), sentences)) in quotes.iter().zip(&texts).enumerate() {
                for (order, text) in sentences.iter().enumerate() {
                    units.push(Unit {
                        source: Source::Version(*source),
                        quote: q,
                        order,
                        words: words(text, 0..text.len()),
                        text,
                        edges: Edges { start: order == 0, end: order + 1 == sentences.len() },
                        partial: false,
                        speaker: None,
                        claimed_speaker: speakers[*speaker].map(|s| SpeakerKey::Person(s.to_string())),
                    });
                }
            }
            units.sort_by_key(|u| (u.source, u.quote, u.order));
            prop_assert_eq!(align(&units), align_pair_by_pair(&units));
        }
    }
}
