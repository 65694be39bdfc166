//! `wirecheck::arithmetic_mismatch`: the values one version states do not satisfy an arithmetic
//! claim (208 + 92 = 300). A version is checked when it states at least two of the claim's
//! slots; slots it does not state are taken from the claim file's established values.

use super::{
    Outcome, State, Status, StoryCheck, claim_ref, clear_mentions, established_value, fit_claim,
    quoted_value, state_of, unstated,
};
use crate::claims::{ClaimBody, ClaimSet, Formula, Tolerance};
use crate::codes::Code;
use crate::extract::{Extraction, Mention};
use crate::finding::{Expected, Finding, Label, Related, fingerprint};
use crate::lang::{BinOp, Relation};
use crate::value::{Fit, Interval, Number, Value};

/// A slot's value in one version: stated by it, or established by the claim file.
#[derive(Clone)]
enum Source<'e> {
    Stated(usize, &'e Mention),
    Established(Value),
}

impl Source<'_> {
    fn value(&self) -> &Value {
        match self {
            Source::Stated(_, m) => &m.value,
            Source::Established(v) => v,
        }
    }
}

pub fn check(ctx: &StoryCheck<'_>, outcome: &mut Outcome) {
    for (c, claim) in ctx.claims.claims.iter().enumerate() {
        let ClaimBody::Arithmetic {
            left,
            relation,
            right,
            tolerance,
        } = &claim.body
        else {
            continue;
        };
        let slots = claim.slots();
        for (v, extraction) in ctx.extractions.iter().enumerate() {
            // A version that contradicts itself on a slot, or gives amounts in two currencies
            // (no exchange rate is known), cannot be summed.
            let Some(sources) = sources(ctx.claims, extraction, &slots).filter(|sources| {
                let mut currencies: Vec<String> = sources
                    .iter()
                    .flatten()
                    .map(Source::value)
                    .chain(literals(left).into_iter().chain(literals(right)))
                    .filter_map(Value::unit_family)
                    .filter(|family| family.starts_with("currency"))
                    .collect();
                currencies.sort();
                currencies.dedup();
                currencies.len() <= 1
            }) else {
                outcome.statuses.push(Status {
                    claim: c,
                    version: v,
                    state: State::Ambiguous,
                    mentions: Vec::new(),
                    quotes: Vec::new(),
                });
                continue;
            };
            let stated: Vec<(usize, &Mention)> = sources
                .iter()
                .flatten()
                .filter_map(|s| {
                    if let Source::Stated(i, m) = s {
                        Some((*i, *m))
                    } else {
                        None
                    }
                })
                .collect();
            let mentions = stated.iter().map(|(i, _)| *i).collect();
            let lookup = |slot: usize| {
                slots
                    .iter()
                    .position(|&s| s == slot)
                    .and_then(|k| sources[k].as_ref())
                    .and_then(|s| s.value().magnitude())
            };
            let evaluated = (stated.len() >= 2.min(slots.len()))
                .then(|| Some((eval(left, &lookup)?, eval(right, &lookup)?)))
                .flatten();
            let Some((l, r)) = evaluated else {
                // Too few of the version's own figures to check: silent, unless all it gave was
                // ambiguous.
                let state = if stated.is_empty() {
                    unstated(extraction, &slots)
                } else {
                    State::Silent
                };
                outcome.statuses.push(Status {
                    claim: c,
                    version: v,
                    state,
                    mentions,
                    quotes: Vec::new(),
                });
                continue;
            };
            // Magnitudes are plain numbers whatever their kind, so they compare as counts.
            let fit = fit_claim(
                &Value::Count { range: l },
                *relation,
                &Value::Count { range: r },
                *tolerance,
            )
            .unwrap_or(Fit::Within);
            let state = state_of(&[fit]);
            outcome.statuses.push(Status {
                claim: c,
                version: v,
                state,
                mentions,
                quotes: Vec::new(),
            });
            // A figure that already contradicts its own established value is reported as a
            // value conflict; the sums it spoils would only repeat that finding.
            let explained = stated.iter().any(|(_, m)| {
                established_value(ctx.claims, m.slot).and_then(|e| m.value.fit(&e))
                    == Some(Fit::Disjoint)
            });
            if fit != Fit::Disjoint || explained {
                continue;
            }
            let version = &ctx.story.versions[v];
            let show = |f: &Formula| {
                show(f, ctx.claims, &|slot| {
                    let k = slots.iter().position(|&s| s == slot)?;
                    Some(match sources[k].as_ref()? {
                        Source::Stated(_, m) => quoted_value(ctx.files, m),
                        Source::Established(value) => format!("{value}, from the claim file"),
                    })
                })
            };
            let (left_text, right_text) = (show(left), show(right));
            let (_, primary) = stated[0];
            let related = stated[1..]
                .iter()
                .map(|(_, m)| Related {
                    version: version.id.clone(),
                    label: Label {
                        span: m.span,
                        message: format!(
                            "{}: {}",
                            ctx.claims.slots[m.slot].name,
                            quoted_value(ctx.files, m)
                        ),
                    },
                })
                .collect();
            outcome.findings.push(Finding {
                code: Code::ArithmeticMismatch,
                severity: claim.severity,
                story: ctx.story.slug.clone(),
                version: Some(version.id.clone()),
                claim: Some(claim_ref(claim)),
                message: format!("{} does not add up: `{}`", version.outlet(), claim.text),
                primary: Label {
                    span: primary.span,
                    message: format!(
                        "{}: {}",
                        ctx.claims.slots[primary.slot].name,
                        quoted_value(ctx.files, primary)
                    ),
                },
                related,
                help: vec![format!(
                    "{left_text} is {}, but {right_text} is {}{}",
                    show_interval(&l),
                    show_interval(&r),
                    tolerance_words(*relation, *tolerance)
                )],
                source: claim.source.clone(),
                found: None,
                expected: Some(Expected::Arithmetic {
                    left: show_interval(&l),
                    right: show_interval(&r),
                }),
                fingerprint: fingerprint(&[
                    Code::ArithmeticMismatch.name(),
                    &ctx.story.slug,
                    &claim.id,
                    &version.id,
                    &stated
                        .iter()
                        .map(|(_, m)| m.value.to_string())
                        .collect::<Vec<_>>()
                        .join(";"),
                ]),
                secondary: Vec::new(),
                quote: None,
            });
        }
    }
}

/// Each slot's source in the version, or `None` when the version contradicts itself on a slot
/// (its mentions cannot all be true), which makes the arithmetic meaningless.
fn sources<'e>(
    claims: &ClaimSet,
    extraction: &'e Extraction,
    slots: &[usize],
) -> Option<Vec<Option<Source<'e>>>> {
    slots
        .iter()
        .map(|&slot| {
            let mentions = clear_mentions(extraction, slot);
            let consistent = mentions.iter().all(|(_, a)| {
                mentions
                    .iter()
                    .all(|(_, b)| a.value.fit(&b.value) != Some(Fit::Disjoint))
            });
            if !consistent {
                return None;
            }
            let narrowest = mentions.into_iter().min_by(|(_, a), (_, b)| {
                let w = |m: &Mention| m.value.magnitude().map_or(f64::INFINITY, |r| r.hi - r.lo);
                w(a).total_cmp(&w(b))
            });
            Some(match narrowest {
                Some((i, m)) => Some(Source::Stated(i, m)),
                None => established_value(claims, slot).map(Source::Established),
            })
        })
        .collect()
}

/// The literal values of a formula.
fn literals(formula: &Formula) -> Vec<&Value> {
    match formula {
        Formula::Slot(_) => Vec::new(),
        Formula::Literal(value) => vec![value],
        Formula::Binary { left, right, .. } => {
            let mut out = literals(left);
            out.extend(literals(right));
            out
        }
    }
}

fn eval(formula: &Formula, lookup: &dyn Fn(usize) -> Option<Interval>) -> Option<Interval> {
    Some(match formula {
        Formula::Slot(s) => lookup(*s)?,
        Formula::Literal(value) => value.magnitude()?,
        Formula::Binary { op, left, right } => {
            let (l, r) = (eval(left, lookup)?, eval(right, lookup)?);
            match op {
                BinOp::Add => l.add(&r),
                BinOp::Sub => l.sub(&r),
                BinOp::Mul => l.mul(&r),
                BinOp::Div => l.div(&r),
            }
        }
    })
}

/// The formula with each slot's value beside its name: `formal action (“208”) + …`.
fn show(
    formula: &Formula,
    claims: &ClaimSet,
    value_of: &dyn Fn(usize) -> Option<String>,
) -> String {
    match formula {
        Formula::Slot(s) => match value_of(*s) {
            Some(v) => format!("{} ({v})", claims.slots[*s].name),
            None => claims.slots[*s].name.clone(),
        },
        Formula::Literal(value) => value.to_string(),
        Formula::Binary { op, left, right } => {
            let symbol = match op {
                BinOp::Add => "+",
                BinOp::Sub => "-",
                BinOp::Mul => "*",
                BinOp::Div => "/",
            };
            let wrap = |f: &Formula| match f {
                Formula::Binary { .. } => format!("({})", show(f, claims, value_of)),
                _ => show(f, claims, value_of),
            };
            format!("{} {symbol} {}", wrap(left), wrap(right))
        }
    }
}

/// An interval to four significant figures: arithmetic on rounded figures has no more.
fn show_interval(range: &Interval) -> String {
    let round = |x: f64| {
        if !x.is_finite() || x == 0.0 {
            return x;
        }
        let scale = 10f64.powi(3 - x.abs().log10().floor() as i32);
        (x * scale).round() / scale
    };
    if range.is_point() || round(range.lo) == round(range.hi) {
        return Number(round(range.lo)).to_string();
    }
    format!(
        "between {} and {}",
        Number(round(range.lo)),
        Number(round(range.hi))
    )
}

fn tolerance_words(relation: Relation, tolerance: Tolerance) -> String {
    match (relation, tolerance) {
        (Relation::Approx, Tolerance::Relative(f)) => {
            format!(", beyond the claim's tolerance of {}%", Number(f * 100.0))
        }
        (Relation::Approx, Tolerance::Absolute(d)) => {
            format!(", beyond the claim's tolerance of {}", Number(d))
        }
        _ => String::new(),
    }
}
