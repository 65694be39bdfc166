//! `wirecheck::ambiguous_mention`: a sentence gives several values that could each be the slot's,
//! about equally likely. wirecheck does not guess: the mention is left out of every other check
//! and shown as a note, so a person can look.

use super::{Outcome, StoryCheck, quoted_value};
use crate::codes::Code;
use crate::finding::{Finding, Label, Related, fingerprint};

pub fn check(ctx: &StoryCheck<'_>, outcome: &mut Outcome) {
    for (v, extraction) in ctx.extractions.iter().enumerate() {
        let version = &ctx.story.versions[v];
        for mention in extraction.mentions.iter().filter(|m| m.is_ambiguous()) {
            let slot = &ctx.claims.slots[mention.slot].name;
            let rivals: Vec<String> = mention
                .rivals
                .iter()
                .map(|r| format!("“{}”", ctx.files.slice(r.span)))
                .collect();
            outcome.findings.push(Finding {
                code: Code::AmbiguousMention,
                severity: Code::AmbiguousMention.default_severity(),
                story: ctx.story.slug.clone(),
                version: Some(version.id.clone()),
                claim: None,
                message: format!("{slot}: this sentence could give {} or {}", quoted_value(ctx.files, mention), rivals.join(" or ")),
                primary: Label { span: mention.span, message: "nearest to the cue".into() },
                related: mention
                    .rivals
                    .iter()
                    .map(|r| Related {
                        version: version.id.clone(),
                        label: Label { span: r.span, message: "or this".into() },
                    })
                    .collect(),
                help: vec![format!(
                    "this mention is not checked; if the sentence is about {slot}, add a cue nearer the right value in the claim file"
                )],
                source: None,
                found: Some(mention.value.clone()),
                expected: None,
                fingerprint: fingerprint(&[Code::AmbiguousMention.name(), &ctx.story.slug, slot, &version.id, &mention.value.to_string()]),
                secondary: Vec::new(),
                quote: None,
            });
        }
    }
}
