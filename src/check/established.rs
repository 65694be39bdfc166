//! `wirecheck::value_conflict`: a version states a value that the claim's established value
//! rules out ("detective chief constable" where the claim says "detective chief inspector").

use super::{
    Outcome, Status, StoryCheck, claim_ref, fit_claim, quoted_value, related, state_of, tally,
    unstated, who,
};
use crate::claims::{ClaimBody, ValueTest};
use crate::codes::Code;
use crate::finding::{Expected, Finding, Label, fingerprint};
use crate::value::Fit;

pub fn check(ctx: &StoryCheck<'_>, outcome: &mut Outcome) {
    for (c, claim) in ctx.claims.claims.iter().enumerate() {
        let ClaimBody::Value {
            slot,
            test:
                ValueTest::Established {
                    relation,
                    text,
                    value,
                    tolerance,
                },
        } = &claim.body
        else {
            continue;
        };
        // Every version's fitting mentions first, so each finding can say who agrees.
        let mut verdicts = Vec::new();
        for (v, extraction) in ctx.extractions.iter().enumerate() {
            // A mention about an earlier event (a background clause) may agree with the claim,
            // but it is too weak to report a conflict.
            let mut fits: Vec<(usize, Fit)> = extraction
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.slot == *slot && !m.is_ambiguous())
                .filter_map(|(i, m)| {
                    let fit = fit_claim(&m.value, *relation, value, *tolerance)?;
                    (!(m.background && fit == Fit::Disjoint)).then_some((i, fit))
                })
                .collect();
            // Most telling first: what contradicts the claim, then what states it exactly, then
            // what only fits it loosely ("More than 1,100" beside "the 1,140 jobs").
            fits.sort_by_key(|(i, f)| (fit_rank(*f), *i));
            let state = if !fits.is_empty() {
                state_of(&fits.iter().map(|(_, f)| *f).collect::<Vec<_>>())
            } else {
                unstated(extraction, &[*slot])
            };
            outcome.statuses.push(Status {
                claim: c,
                version: v,
                state,
                mentions: fits.iter().map(|(i, _)| *i).collect(),
                quotes: Vec::new(),
            });
            verdicts.push(fits);
        }
        // Who else says what is told of the published versions: a draft is not a witness.
        let published = |v: usize| !ctx.story.versions[v].meta.draft;
        let mentioning = (0..verdicts.len())
            .filter(|&v| published(v) && !verdicts[v].is_empty())
            .count();
        let agreeing: Vec<usize> = (0..verdicts.len())
            .filter(|&v| {
                published(v)
                    && !verdicts[v].is_empty()
                    && verdicts[v].iter().all(|(_, f)| *f != Fit::Disjoint)
            })
            .collect();
        let slot_name = &ctx.claims.slots[*slot].name;
        for (v, fits) in verdicts.iter().enumerate() {
            let mentions = &ctx.extractions[v].mentions;
            let disjoint: Vec<usize> = fits
                .iter()
                .filter(|(_, f)| *f == Fit::Disjoint)
                .map(|(i, _)| *i)
                .collect();
            for (n, &i) in disjoint.iter().enumerate() {
                let mention = &mentions[i];
                // Told apart from earlier mentions of the same value only, so that another
                // figure added to the article does not renumber this one and change its
                // fingerprint.
                let occurrence = disjoint[..n]
                    .iter()
                    .filter(|&&j| mentions[j].value == mention.value)
                    .count();
                let says = quoted_value(ctx.files, mention);
                let mut related_spans: Vec<_> = agreeing
                    .iter()
                    .filter_map(|&a| {
                        let (first, _) = verdicts[a]
                            .iter()
                            .find(|(_, f)| *f == Fit::Within)
                            .or(verdicts[a].first())?;
                        Some(related(
                            ctx,
                            a,
                            &ctx.extractions[a].mentions[*first],
                            "says",
                        ))
                    })
                    .collect();
                related_spans.extend((0..verdicts.len()).filter(|&o| o != v).filter_map(|o| {
                    let (same, _) = verdicts[o].iter().find(|(j, f)| {
                        *f == Fit::Disjoint
                            && ctx.extractions[o].mentions[*j].value == mention.value
                    })?;
                    Some(related(
                        ctx,
                        o,
                        &ctx.extractions[o].mentions[*same],
                        "also says",
                    ))
                }));
                let version = &ctx.story.versions[v];
                // Versions stating the value exactly, apart from those whose looser figure
                // merely fits it ("dozens of" against 80).
                let (exact, loose): (Vec<usize>, Vec<usize>) = agreeing
                    .iter()
                    .partition(|&&a| verdicts[a].iter().any(|(_, f)| *f == Fit::Within));
                let names = |vs: &[usize]| {
                    vs.iter()
                        .map(|&a| who(ctx, a))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let mut help = vec![tally(exact.len(), mentioning, &format!("“{text}”"))];
                if !exact.is_empty() {
                    help[0].push_str(&format!(": {}", names(&exact)));
                }
                if !loose.is_empty() {
                    help.push(format!("a looser figure that fits it: {}", names(&loose)));
                }
                if let Some(rationale) = &claim.rationale {
                    help.push(rationale.clone());
                }
                outcome.findings.push(Finding {
                    code: Code::ValueConflict,
                    severity: claim.severity,
                    story: ctx.story.slug.clone(),
                    version: Some(version.id.clone()),
                    claim: Some(claim_ref(claim)),
                    message: format!(
                        "{slot_name}: {} says {says}, but the claim says {} “{text}”",
                        version.outlet(),
                        relation_words(*relation)
                    ),
                    primary: Label {
                        span: mention.span,
                        message: format!("contradicts `{}`", claim.text),
                    },
                    related: related_spans,
                    help,
                    source: claim.source.clone(),
                    found: Some(mention.value.clone()),
                    expected: Some(Expected::Claim {
                        relation: relation.to_string(),
                        value: value.clone(),
                        text: text.clone(),
                    }),
                    fingerprint: fingerprint(&[
                        Code::ValueConflict.name(),
                        &ctx.story.slug,
                        &claim.id,
                        &version.id,
                        &mention.value.to_string(),
                        &occurrence.to_string(),
                    ]),
                    secondary: Vec::new(),
                    quote: None,
                });
            }
        }
    }
}

fn fit_rank(fit: Fit) -> u8 {
    match fit {
        Fit::Disjoint => 0,
        Fit::Within => 1,
        Fit::Overlaps => 2,
    }
}

fn relation_words(relation: crate::lang::Relation) -> &'static str {
    use crate::lang::Relation::*;
    match relation {
        Eq => "it is",
        Approx => "it is about",
        Lt => "it is less than",
        Le => "it is at most",
        Gt => "it is more than",
        Ge => "it is at least",
        Ne => "it is not",
    }
}
