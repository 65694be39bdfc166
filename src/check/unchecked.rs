//! `wirecheck::unchecked_value`: a version gives a slot's value in a form the claim cannot be
//! compared with: an amount in another currency ("€48.5m" against `fee = £42m`), a measure of
//! another dimension. Without an exchange rate wirecheck cannot say whether it agrees, so it
//! says it did not check, rather than staying silent.

use super::{Outcome, StoryCheck, claim_ref, fit_claim, quoted_value};
use crate::claims::{ClaimBody, ValueTest};
use crate::codes::Code;
use crate::finding::{Finding, Label, fingerprint};

pub fn check(ctx: &StoryCheck<'_>, outcome: &mut Outcome) {
    for claim in &ctx.claims.claims {
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
        for (v, extraction) in ctx.extractions.iter().enumerate() {
            let version = &ctx.story.versions[v];
            for mention in extraction.of_slot(*slot).filter(|m| !m.is_ambiguous()) {
                if fit_claim(&mention.value, *relation, value, *tolerance).is_some() {
                    continue;
                }
                let says = quoted_value(ctx.files, mention);
                outcome.findings.push(Finding {
                    code: Code::UncheckedValue,
                    severity: Code::UncheckedValue.default_severity(),
                    story: ctx.story.slug.clone(),
                    version: Some(version.id.clone()),
                    claim: Some(claim_ref(claim)),
                    message: format!(
                        "{}: {} gives {says}, which cannot be compared with the claim's “{text}”: not checked",
                        ctx.claims.slots[*slot].name,
                        version.outlet()
                    ),
                    primary: Label { span: mention.span, message: "another currency or unit than the claim".into() },
                    related: Vec::new(),
                    help: vec![format!("add a claim in this unit if the story states it so: `{} = …`", ctx.claims.slots[*slot].name)],
                    source: claim.source.clone(),
                    found: Some(mention.value.clone()),
                    expected: None,
                    fingerprint: fingerprint(&[Code::UncheckedValue.name(), &ctx.story.slug, &claim.id, &version.id, &mention.value.to_string()]),
                    secondary: Vec::new(),
                    quote: None,
                });
            }
        }
    }
}
