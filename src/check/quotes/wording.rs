//! The established wording of an aligned quote: a claim's text where one names it (its "..."
//! filled from the versions), otherwise the wording most outlets print. Two captures of one
//! page, or a copy and the version it was copied from, are one outlet: they are not independent
//! witnesses to what was said.

use super::align::Cluster;
use super::units::{Source, Unit};
use crate::corpus::Story;
use crate::diff::{self, Class, Edges, Op, QuoteWord, WordKind};

/// One source's words in a cluster: its consecutive sentences, joined.
#[derive(Debug)]
pub struct Run<'a> {
    pub source: Source,
    pub units: Vec<usize>,
    pub words: Vec<QuoteWord>,
    pub text: &'a str,
    /// Each unit's stretch of `text`.
    pub spans: Vec<std::ops::Range<usize>>,
    pub edges: Edges,
    pub partial: bool,
}

impl Run<'_> {
    /// The words that decide whether two runs say the same: punctuation and quote-mark style
    /// do not.
    pub fn signature(&self) -> Vec<&str> {
        self.words
            .iter()
            .filter(|w| w.kind != WordKind::Punct)
            .map(|w| w.key.as_str())
            .collect()
    }

    pub fn version(&self) -> Option<usize> {
        match self.source {
            Source::Version(v) => Some(v),
            Source::Claim(_) => None,
        }
    }
}

pub fn runs<'a>(units: &[Unit<'a>], cluster: &Cluster) -> Vec<Run<'a>> {
    let mut out: Vec<Run<'a>> = Vec::new();
    for &u in &cluster.units {
        let unit = &units[u];
        let span = match (unit.words.first(), unit.words.last()) {
            (Some(a), Some(b)) => a.range.start..b.range.end,
            _ => 0..0,
        };
        match out.last_mut() {
            Some(run) if run.source == unit.source => {
                run.units.push(u);
                run.words.extend(unit.words.iter().cloned());
                run.spans.push(span);
                run.edges.end = unit.edges.end;
            }
            _ => out.push(Run {
                source: unit.source,
                units: vec![u],
                words: unit.words.clone(),
                text: unit.text,
                spans: vec![span],
                edges: unit.edges,
                partial: unit.partial,
            }),
        }
    }
    out
}

/// The wording the versions are held to.
#[derive(Debug)]
pub struct Wording {
    pub text: String,
    pub words: Vec<QuoteWord>,
    /// Words beyond these ends are not compared: the source quoted no further.
    pub edges: Edges,
    /// The claim whose text it is.
    pub claim: Option<usize>,
    /// Outlets that print it, and outlets that print the quote at all.
    pub outlets: usize,
    pub of: usize,
    /// No wording had more outlets: why this one was taken.
    pub tie_break: Option<&'static str>,
}

/// The consensus among the versions' runs (full quotes before fragments).
/// `outlets` holds each version's [`Story::outlet_key`].
pub fn consensus(story: &Story, outlets: &[String], runs: &[Run<'_>]) -> Option<Wording> {
    let candidates: Vec<usize> = {
        let versions: Vec<usize> = (0..runs.len())
            // A draft's words are measured against the published wording, never part of it.
            .filter(|&r| {
                runs[r]
                    .version()
                    .is_some_and(|v| !story.versions[v].meta.draft)
                    && !edited_copy(story, runs, r)
            })
            .collect();
        let full: Vec<usize> = versions
            .iter()
            .copied()
            .filter(|&r| !runs[r].partial)
            .collect();
        if full.is_empty() { versions } else { full }
    };
    let mut all_outlets: Vec<&str> = candidates
        .iter()
        .filter_map(|&r| runs[r].version())
        .map(|v| outlets[v].as_str())
        .collect();
    all_outlets.sort();
    all_outlets.dedup();
    // Groups of runs with the same words.
    let mut groups: Vec<(Vec<&str>, Vec<usize>)> = Vec::new();
    for &r in &candidates {
        let signature = runs[r].signature();
        match groups.iter_mut().find(|(s, _)| *s == signature) {
            Some((_, members)) => members.push(r),
            None => groups.push((signature, vec![r])),
        }
    }
    let rank = |g: usize| {
        let members = &groups[g].1;
        let mut outlets: Vec<&str> = members
            .iter()
            .filter_map(|&r| runs[r].version())
            .map(|v| outlets[v].as_str())
            .collect();
        outlets.sort();
        outlets.dedup();
        Rank {
            outlets: outlets.len(),
            marks: edit_marks(&runs[members[0]]),
            earliest: members
                .iter()
                .filter_map(|&r| runs[r].version())
                .filter_map(|v| story.versions[v].meta.published_day)
                .fold(f64::INFINITY, f64::min),
            words: runs[members[0]].words.len(),
            group: g,
        }
    };
    let mut ranked: Vec<Rank> = (0..groups.len()).map(rank).collect();
    // Most outlets; then the fewest marks of editing (asterisks, cuts, brackets, split words:
    // the edit is the copy's, not the speaker's); then the earliest published (copies follow
    // the original); then the fuller.
    ranked.sort_by(|a, b| {
        b.outlets
            .cmp(&a.outlets)
            .then(a.marks.cmp(&b.marks))
            .then(a.earliest.total_cmp(&b.earliest))
            .then(b.words.cmp(&a.words))
            .then(a.group.cmp(&b.group))
    });
    let best = ranked.first()?;
    let g = &best.group;
    let tie_break = ranked
        .get(1)
        .filter(|second| second.outlets == best.outlets)
        .map(|second| {
            if second.marks != best.marks {
                "the one with fewer signs of editing (asterisks, cuts, brackets, split words) is taken"
            } else if second.earliest != best.earliest {
                "the earliest published is taken"
            } else {
                "the fuller is taken"
            }
        });
    // The group's runs have the same words but may print them differently ("I'd", "I’d"): the
    // form most of them print is shown, the least in text order on a tie, so that the wording
    // never depends on which version sorts first.
    let shown = |r: usize| {
        let run = &runs[r];
        run.spans
            .iter()
            .map(|s| crate::extract::quotes::squash(&run.text[s.clone()]))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut forms: Vec<(String, usize)> = groups[*g].1.iter().map(|&r| (shown(r), r)).collect();
    forms.sort();
    let (text, r) = forms
        .chunk_by(|a, b| a.0 == b.0)
        .max_by(|a, b| a.len().cmp(&b.len()).then(b[0].0.cmp(&a[0].0)))
        .map(|same| same[0].clone())?;
    let run = &runs[r];
    let words = diff::words(&text, 0..text.len());
    Some(Wording {
        text,
        words,
        edges: run.edges,
        claim: None,
        outlets: best.outlets,
        of: all_outlets.len(),
        tie_break,
    })
}

/// How a wording fares as the established one.
struct Rank {
    outlets: usize,
    marks: usize,
    earliest: f64,
    words: usize,
    group: usize,
}

/// A copy whose words differ from the version it was `derived_from` (which quotes them too):
/// the difference is the copier's edit, and the copy is no witness to what was said.
fn edited_copy(story: &Story, runs: &[Run<'_>], r: usize) -> bool {
    let Some(v) = runs[r].version() else {
        return false;
    };
    let mut ancestor = story.versions[v].meta.derived_from.as_deref();
    for _ in 0..story.versions.len() {
        let Some(id) = ancestor else {
            return false;
        };
        let Some(a) = story.versions.iter().position(|p| p.id == id) else {
            return false;
        };
        if let Some(source) = runs.iter().find(|o| o.version() == Some(a)) {
            return source.signature() != runs[r].signature();
        }
        ancestor = story.versions[a].meta.derived_from.as_deref();
    }
    false
}

/// Signs that a run was edited after it was said: starred-out letters, marked cuts, brackets,
/// and stray single letters split off a word ("s earched").
fn edit_marks(run: &Run<'_>) -> usize {
    run.words
        .iter()
        .map(|w| match w.kind {
            WordKind::Ellipsis | WordKind::Open | WordKind::Close => 1,
            WordKind::Word if w.key.contains('*') => 1,
            WordKind::Word
                if w.key.chars().count() == 1 && !matches!(w.key.as_str(), "a" | "i" | "o") =>
            {
                1
            }
            _ => 0,
        })
        .sum()
}

/// A claim's text as the wording, its "..." filled from the versions' consensus.
pub fn claimed(claim: usize, run: &Run<'_>, consensus: Option<&Wording>) -> Wording {
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let has_gap = run.words.iter().any(|w| w.kind == WordKind::Ellipsis);
    match consensus.filter(|_| has_gap) {
        Some(c) => {
            for change in diff::diff(&run.words, &c.words, Edges::default(), None) {
                let claim_side = &run.words[change.expected.clone()];
                let gap = claim_side.iter().any(|w| w.kind == WordKind::Ellipsis);
                let fill = gap && matches!(change.op, Op::Replace | Op::Insert | Op::Delete);
                let (text, words) = if fill || (change.op == Op::Insert) {
                    (c.text.as_str(), &c.words[change.found.clone()])
                } else {
                    (run.text, claim_side)
                };
                // An insert next to no gap is the versions' extra: leave the claim as written.
                if change.op == Op::Insert
                    && !gap
                    && !touches_gap(&run.words, change.expected.start)
                {
                    continue;
                }
                pieces.extend(spelled(text, words));
            }
        }
        None => pieces.extend(spelled(run.text, &run.words)),
    }
    let text = join_pieces(&pieces);
    let words = diff::words(&text, 0..text.len());
    Wording {
        text,
        words,
        edges: Edges {
            start: true,
            end: true,
        },
        claim: Some(claim),
        outlets: consensus.map_or(0, |c| c.outlets),
        of: consensus.map_or(0, |c| c.of),
        tie_break: None,
    }
}

/// The claim has "..." right before or after this point.
fn touches_gap(words: &[QuoteWord], at: usize) -> bool {
    let is_gap = |i: usize| words.get(i).is_some_and(|w| w.kind == WordKind::Ellipsis);
    is_gap(at) || at.checked_sub(1).is_some_and(is_gap)
}

/// Words with whether each is glued to the one before.
fn spelled(text: &str, words: &[QuoteWord]) -> Vec<(String, bool)> {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let glued = (i > 0 && words[i - 1].range.end == w.range.start)
                || text[..w.range.start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_whitespace());
            (text[w.range.clone()].to_string(), glued)
        })
        .collect()
}

fn join_pieces(pieces: &[(String, bool)]) -> String {
    let mut out = String::new();
    for (piece, glued) in pieces {
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        out.push_str(piece);
    }
    out
}

/// Changes a reader should see: not the excerpting, not typography.
pub fn reportable(class: Option<Class>) -> bool {
    class.is_some_and(|c| !matches!(c, Class::Excerpt | Class::Typography))
}
