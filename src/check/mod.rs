//! Checks: what each version's mentions say about each claim, as statuses (agrees, conflicts,
//! vague, silent, ambiguous) and findings. One file per check; adding one is a file and a line
//! in [`REGISTRY`].

mod ambiguous;
mod arithmetic;
mod consensus;
mod established;
mod quotes;
mod unchecked;
mod unmatched;

use serde::Serialize;

pub use quotes::QuoteConflict;

use crate::claims::{Claim, ClaimBody, ClaimSet, Tolerance, ValueTest};
use crate::corpus::{Story, Version};
use crate::extract::{Extraction, Mention};
use crate::finding::{ClaimRef, Finding, Label, Related};
use crate::lang::Relation;
use crate::source::{FileTable, Span};
use crate::value::{Fit, Interval, Value};

/// Everything a check may read about one story.
#[derive(Debug, Clone, Copy)]
pub struct StoryCheck<'a> {
    pub story: &'a Story,
    pub claims: &'a ClaimSet,
    /// One per version, in `story.versions` order.
    pub extractions: &'a [Extraction],
    pub files: &'a FileTable,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Agrees,
    Conflicts,
    /// States the slot loosely ("hundreds of"), consistently with the claim.
    Vague,
    Silent,
    /// Gives candidates wirecheck cannot choose between.
    Ambiguous,
}

impl State {
    /// The state as written in reports (as serialised).
    pub fn name(self) -> &'static str {
        match self {
            State::Agrees => "agrees",
            State::Conflicts => "conflicts",
            State::Vague => "vague",
            State::Silent => "silent",
            State::Ambiguous => "ambiguous",
        }
    }
}

/// What one version says about one claim.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Status {
    pub claim: usize,
    pub version: usize,
    pub state: State,
    /// The mentions it rests on (indices into the version's extraction).
    pub mentions: Vec<usize>,
    /// For a quote claim: the version's words that quote it.
    pub quotes: Vec<Span>,
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub statuses: Vec<Status>,
    pub findings: Vec<Finding>,
    /// Versions whose quote is altered, for the conflict graph.
    pub quote_conflicts: Vec<QuoteConflict>,
}

type Check = fn(&StoryCheck<'_>, &mut Outcome);

/// Every check, in the order they run.
const REGISTRY: &[Check] = &[
    established::check,
    consensus::check,
    arithmetic::check,
    ambiguous::check,
    unchecked::check,
    unmatched::check,
    quotes::check,
];

pub fn check_story(ctx: &StoryCheck<'_>) -> Outcome {
    let mut outcome = Outcome::default();
    for check in REGISTRY {
        check(ctx, &mut outcome);
    }
    outcome.statuses.sort_by_key(|s| (s.claim, s.version));
    outcome
}

/// A version's mentions of a slot that are not ambiguous, with their indices.
/// A version's mentions of a slot that are not ambiguous, with their indices; background
/// mentions (about an earlier event) are left out: they can neither vote nor add up.
fn clear_mentions(extraction: &Extraction, slot: usize) -> Vec<(usize, &Mention)> {
    extraction
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.slot == slot && !m.is_ambiguous() && !m.background)
        .collect()
}

fn any_mention(extraction: &Extraction, slot: usize) -> bool {
    extraction.of_slot(slot).next().is_some()
}

/// The state of a version that gives no usable value for the slots: ambiguous if it mentions
/// them at all (every mention had rivals), silent otherwise.
fn unstated(extraction: &Extraction, slots: &[usize]) -> State {
    if slots.iter().any(|&s| any_mention(extraction, s)) {
        State::Ambiguous
    } else {
        State::Silent
    }
}

/// The article's words for a span, on one line.
pub(crate) fn surface(files: &FileTable, span: Span) -> String {
    files
        .slice(span)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// “words”, with the normalised value after them when it says more: “both” (2).
fn quoted_value(files: &FileTable, mention: &Mention) -> String {
    let words = surface(files, mention.span);
    let value = mention.value.to_string();
    // A bare amount ("£4m", "0.1 per cent", "five years") is its own best description; its
    // rounding range would only distract.
    let stated_figure = !mention.vague
        && matches!(
            mention.value,
            Value::Money { .. }
                | Value::Share { .. }
                | Value::Measure { .. }
                | Value::Duration { .. }
        )
        && words.chars().any(|c| c.is_ascii_digit());
    let plain = |s: &str| {
        s.chars()
            .filter(|c| !matches!(c, ',' | ' '))
            .collect::<String>()
            .to_lowercase()
    };
    if stated_figure || plain(&value) == plain(&words) {
        format!("“{words}”")
    } else {
        format!("“{words}” ({value})")
    }
}

fn claim_ref(claim: &Claim) -> ClaimRef {
    ClaimRef {
        id: claim.id.clone(),
        text: claim.text.clone(),
        site: claim.site,
    }
}

fn version_name<'a>(ctx: &StoryCheck<'a>, version: usize) -> &'a str {
    ctx.story.versions[version].outlet()
}

fn version_id<'a>(ctx: &StoryCheck<'a>, version: usize) -> &'a Version {
    &ctx.story.versions[version]
}

/// "HuffPost UK (000-huffpost-uk)" — outlets repeat (two captures of one page), ids do not.
fn who(ctx: &StoryCheck<'_>, version: usize) -> String {
    let v = version_id(ctx, version);
    format!("{} ({})", v.outlet(), v.id)
}

fn related(ctx: &StoryCheck<'_>, version: usize, mention: &Mention, says: &str) -> Related {
    Related {
        version: version_id(ctx, version).id.clone(),
        label: Label {
            span: mention.span,
            message: format!(
                "{} {says} {}",
                version_name(ctx, version),
                quoted_value(ctx.files, mention)
            ),
        },
    }
}

/// The range a claim's established value allows, and whether the test is negated (`!=`).
fn allowed(relation: Relation, value: &Value, tolerance: Tolerance) -> (Value, bool) {
    let widen = |v: &Value| match tolerance {
        Tolerance::Relative(f) => v.widen_relative(f),
        Tolerance::Absolute(d) => v.widen_absolute(d),
    };
    let bound = |f: &dyn Fn(&Interval) -> Interval| value.map_ranges(f);
    match relation {
        Relation::Eq => (value.clone(), false),
        Relation::Approx => (widen(value), false),
        Relation::Ne => (value.clone(), true),
        Relation::Lt => (bound(&|r| Interval::below(r.hi)), false),
        Relation::Le => (bound(&|r| Interval::at_most(r.hi)), false),
        Relation::Gt => (bound(&|r| Interval::above(r.lo)), false),
        Relation::Ge => (bound(&|r| Interval::at_least(r.lo)), false),
    }
}

/// How a mention fits a claim's test; `None` when they cannot be compared.
fn fit_claim(
    mention: &Value,
    relation: Relation,
    value: &Value,
    tolerance: Tolerance,
) -> Option<Fit> {
    let (allowed, negated) = allowed(relation, value, tolerance);
    let fit = mention.fit(&allowed)?;
    Some(if negated {
        match fit {
            Fit::Within => Fit::Disjoint,
            Fit::Overlaps => Fit::Overlaps,
            Fit::Disjoint => Fit::Within,
        }
    } else {
        fit
    })
}

/// The value a claim file establishes for a slot, if one claim states it outright.
fn established_value(claims: &ClaimSet, slot: usize) -> Option<Value> {
    claims.claims.iter().find_map(|c| match &c.body {
        ClaimBody::Value {
            slot: s,
            test:
                ValueTest::Established {
                    relation,
                    value,
                    tolerance,
                    ..
                },
        } if *s == slot && matches!(relation, Relation::Eq | Relation::Approx) => {
            Some(allowed(*relation, value, *tolerance).0)
        }
        _ => None,
    })
}

/// A version that states the value exactly somewhere agrees, even if it also gives a looser
/// form ("between January 2009 and October 2013" and "nearly five years").
fn state_of(fits: &[Fit]) -> State {
    if fits.contains(&Fit::Disjoint) {
        State::Conflicts
    } else if fits.contains(&Fit::Within) {
        State::Agrees
    } else {
        State::Vague
    }
}

/// "3 of 4 versions that mention it say …", and the cases where that reads wrongly.
fn tally(agreeing: usize, mentioning: usize, says: &str) -> String {
    match (agreeing, mentioning) {
        (_, 1) if agreeing == 1 => format!("the only version that mentions it says {says}"),
        (0, 1) => format!("the only version that mentions it does not say {says}"),
        (0, _) => format!("none of the {mentioning} versions that mention it says {says}"),
        _ => format!("{agreeing} of {mentioning} versions that mention it say {says}"),
    }
}

#[cfg(test)]
mod tests {
    use super::State;

    #[test]
    fn state_names_are_the_serialised_names() {
        for state in [
            State::Agrees,
            State::Conflicts,
            State::Vague,
            State::Silent,
            State::Ambiguous,
        ] {
            let json = serde_json::to_string(&state).unwrap();
            assert_eq!(json, format!("\"{}\"", state.name()));
        }
    }
}
