//! `wirecheck::unmatched_claim`: no version of the story gives a value for what a claim is
//! about. Either the story does not state it (the claim can go), or the slot's cues miss how it
//! is worded, or they occur but never in the same clause as a value of the slot's kind.

use super::{Outcome, StoryCheck, any_mention, claim_ref};
use crate::codes::Code;
use crate::finding::{Finding, Label, fingerprint};

pub fn check(ctx: &StoryCheck<'_>, outcome: &mut Outcome) {
    if ctx.extractions.is_empty() {
        return;
    }
    // Quote claims that match nothing are the quote check's to report.
    for claim in ctx
        .claims
        .claims
        .iter()
        .filter(|c| !matches!(c.body, crate::claims::ClaimBody::Quote(_)))
    {
        let slots = claim.slots();
        let mentioned = ctx
            .extractions
            .iter()
            .any(|e| slots.iter().any(|&s| any_mention(e, s)));
        if mentioned {
            continue;
        }
        let cued = ctx
            .extractions
            .iter()
            .filter(|e| slots.iter().any(|&s| e.slots_cued[s]))
            .count();
        let names: Vec<String> = slots
            .iter()
            .map(|&s| format!("`{}`", ctx.claims.slots[s].name))
            .collect();
        let cues: Vec<String> = slots
            .iter()
            .flat_map(|&s| {
                ctx.claims.slots[s]
                    .cues
                    .iter()
                    .map(|c| format!("“{}”", c.phrase))
            })
            .collect();
        outcome.findings.push(Finding {
            code: Code::UnmatchedClaim,
            severity: Code::UnmatchedClaim.default_severity(),
            story: ctx.story.slug.clone(),
            version: None,
            claim: Some(claim_ref(claim)),
            message: format!("no version of the story gives a value for {}", names.join(" or ")),
            primary: Label { span: claim.site, message: "matched nothing in the corpus".into() },
            related: Vec::new(),
            help: vec![if cued == 0 {
                format!(
                    "no version's article contains {}; add the wording the versions use to `near:`, or remove the claim",
                    cues.join(", ")
                )
            } else {
                format!(
                    "{} of {} versions contain {}, but never in the same clause as {} value; put a cue nearer the value (run with --format json to see each version's status)",
                    cued,
                    ctx.extractions.len(),
                    cues.join(", "),
                    crate::suggest::with_article(&slots.iter().map(|&s| ctx.claims.slots[s].kind.to_string()).collect::<Vec<_>>().join("/")),
                )
            }],
            source: claim.source.clone(),
            found: None,
            expected: None,
            fingerprint: fingerprint(&[Code::UnmatchedClaim.name(), &ctx.story.slug, &claim.id]),
            secondary: Vec::new(),
            quote: None,
        });
    }
}
