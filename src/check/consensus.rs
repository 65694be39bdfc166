//! `wirecheck::consensus_conflict` and `wirecheck::no_consensus`: for a claim with no
//! established value (`= ?`), the versions are checked against each other. Values that can both
//! be true fall in one group; the group most versions are in is the consensus, and a version
//! outside it is an outlier. With no majority, the split itself is reported.

use super::{
    Outcome, State, Status, StoryCheck, claim_ref, clear_mentions, quoted_value, related, tally,
    unstated, who,
};
use crate::claims::{ClaimBody, ValueTest};
use crate::codes::Code;
use crate::extract::Mention;
use crate::finding::{Expected, Finding, Label, fingerprint};
use crate::value::{Fit, Value};

/// One version's say on the slot: its first clear mention stands for it.
struct Voice<'e> {
    version: usize,
    index: usize,
    mention: &'e Mention,
}

fn compatible(a: &Value, b: &Value) -> bool {
    a.fit(b).is_some_and(|f| f != Fit::Disjoint)
}

/// Narrower values are likelier to be what was reported; vague ones ("hundreds of") join a
/// group rather than found one.
fn width(value: &Value) -> f64 {
    match value {
        Value::DateRange { start, end } => (start.hi - start.lo) + (end.hi - end.lo),
        Value::Term(_) => 0.0,
        other => other.range().map_or(f64::INFINITY, |r| r.hi - r.lo),
    }
}

pub fn check(ctx: &StoryCheck<'_>, outcome: &mut Outcome) {
    for (c, claim) in ctx.claims.claims.iter().enumerate() {
        let ClaimBody::Value {
            slot,
            test: ValueTest::Consensus,
        } = &claim.body
        else {
            continue;
        };
        let mut voices = Vec::new();
        for (v, extraction) in ctx.extractions.iter().enumerate() {
            match clear_mentions(extraction, *slot).first() {
                Some(&(index, mention)) => voices.push(Voice {
                    version: v,
                    index,
                    mention,
                }),
                None => {
                    let state = unstated(extraction, &[*slot]);
                    outcome.statuses.push(Status {
                        claim: c,
                        version: v,
                        state,
                        mentions: Vec::new(),
                        quotes: Vec::new(),
                    });
                }
            }
        }
        let draft = |i: usize| ctx.story.versions[voices[i].version].meta.draft;
        // Group: each voice, narrowest first, joins the largest group it is compatible with. A
        // draft comes last, so the groups are the published versions' alone.
        let mut order: Vec<usize> = (0..voices.len()).collect();
        order.sort_by(|&a, &b| {
            draft(a)
                .cmp(&draft(b))
                .then(width(&voices[a].mention.value).total_cmp(&width(&voices[b].mention.value)))
                .then(a.cmp(&b))
        });
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for i in order {
            let value = &voices[i].mention.value;
            let home = groups
                .iter_mut()
                .filter(|g| compatible(value, &voices[g[0]].mention.value))
                .max_by_key(|g| g.len());
            match home {
                Some(group) => group.push(i),
                None => groups.push(vec![i]),
            }
        }
        groups
            .iter_mut()
            .for_each(|g| g.sort_by_key(|&i| voices[i].version));
        // Outlets vote, not files: two captures of one page are one witness. A draft has no
        // vote: the published versions are what it is measured against.
        let outlets = |g: &Vec<usize>| {
            let mut keys: Vec<String> = g
                .iter()
                .filter(|&&i| !draft(i))
                .map(|&i| ctx.story.outlet_key(voices[i].version))
                .collect();
            keys.sort();
            keys.dedup();
            keys.len()
        };
        groups.sort_by_key(|g| {
            (
                std::cmp::Reverse(outlets(g)),
                std::cmp::Reverse(g.len()),
                voices[g[0]].version,
            )
        });
        let majority = match groups.as_slice() {
            [] => continue,
            [only] => Some(only),
            [first, second, ..] => (outlets(first) > outlets(second)).then_some(first),
        };
        let slot_name = &ctx.claims.slots[*slot].name;
        let Some(majority) = majority else {
            for voice in &voices {
                outcome.statuses.push(Status {
                    claim: c,
                    version: voice.version,
                    state: State::Conflicts,
                    mentions: vec![voice.index],
                    quotes: Vec::new(),
                });
            }
            report_split(ctx, claim, slot_name, &voices, &groups, outcome);
            continue;
        };
        let reference = &voices[majority[0]].mention;
        let reference_text = quoted_value(ctx.files, reference);
        for (g, group) in groups.iter().enumerate() {
            for &i in group {
                let voice = &voices[i];
                let state = if std::ptr::eq(group, majority) {
                    if voice.mention.vague {
                        State::Vague
                    } else {
                        State::Agrees
                    }
                } else {
                    State::Conflicts
                };
                outcome.statuses.push(Status {
                    claim: c,
                    version: voice.version,
                    state,
                    mentions: vec![voice.index],
                    quotes: Vec::new(),
                });
                if state != State::Conflicts {
                    continue;
                }
                let version = &ctx.story.versions[voice.version];
                let says = quoted_value(ctx.files, voice.mention);
                let published: Vec<usize> =
                    majority.iter().copied().filter(|&m| !draft(m)).collect();
                let mut related_spans: Vec<_> = published
                    .iter()
                    .map(|&m| related(ctx, voices[m].version, voices[m].mention, "says"))
                    .collect();
                related_spans.extend(
                    groups[g]
                        .iter()
                        .filter(|&&o| o != i)
                        .map(|&o| related(ctx, voices[o].version, voices[o].mention, "also says")),
                );
                let voters = (0..voices.len()).filter(|&v| !draft(v)).count();
                let mut help = vec![format!(
                    "{}: {}",
                    tally(published.len(), voters, &reference_text),
                    published
                        .iter()
                        .map(|&m| who(ctx, voices[m].version))
                        .collect::<Vec<_>>()
                        .join(", ")
                )];
                help.extend(claim.rationale.clone());
                outcome.findings.push(Finding {
                    code: Code::ConsensusConflict,
                    severity: claim.severity,
                    story: ctx.story.slug.clone(),
                    version: Some(version.id.clone()),
                    claim: Some(claim_ref(claim)),
                    message: format!(
                        "{slot_name}: {} says {says}, but most versions say {reference_text}",
                        version.outlet()
                    ),
                    primary: Label {
                        span: voice.mention.span,
                        message: format!("most versions say {reference_text}"),
                    },
                    related: related_spans,
                    help,
                    source: claim.source.clone(),
                    found: Some(voice.mention.value.clone()),
                    expected: Some(Expected::Consensus {
                        value: reference.value.clone(),
                        text: reference_text.clone(),
                        versions: published.len(),
                        of: voters,
                    }),
                    fingerprint: fingerprint(&[
                        Code::ConsensusConflict.name(),
                        &ctx.story.slug,
                        &claim.id,
                        &version.id,
                        &voice.mention.value.to_string(),
                    ]),
                    secondary: Vec::new(),
                    quote: None,
                });
            }
        }
    }
}

/// No value has a majority: one finding, at the first version, listing every side.
fn report_split(
    ctx: &StoryCheck<'_>,
    claim: &crate::claims::Claim,
    slot_name: &str,
    voices: &[Voice<'_>],
    groups: &[Vec<usize>],
    outcome: &mut Outcome,
) {
    let Some(&first) = groups.iter().flatten().min_by_key(|&&i| voices[i].version) else {
        return;
    };
    let sides: Vec<String> = groups
        .iter()
        .map(|g| {
            let names: Vec<String> = g.iter().map(|&i| who(ctx, voices[i].version)).collect();
            format!(
                "{} {} {}",
                names.join(", "),
                if names.len() == 1 { "says" } else { "say" },
                quoted_value(ctx.files, voices[g[0]].mention)
            )
        })
        .collect();
    let voice = &voices[first];
    let version = &ctx.story.versions[voice.version];
    outcome.findings.push(Finding {
        code: Code::NoConsensus,
        // Nobody knows yet who is right: never more than a warning.
        severity: claim.severity.min(crate::finding::Severity::Warning),
        story: ctx.story.slug.clone(),
        version: Some(version.id.clone()),
        claim: Some(claim_ref(claim)),
        message: format!("{slot_name}: the versions disagree and no value has a majority"),
        primary: Label {
            span: voice.mention.span,
            message: format!(
                "{} says {}",
                version.outlet(),
                quoted_value(ctx.files, voice.mention)
            ),
        },
        related: voices
            .iter()
            .filter(|o| o.version != voice.version)
            .map(|o| related(ctx, o.version, o.mention, "says"))
            .collect(),
        help: vec![
            sides.join("; "),
            "establish the value in the claim file (`= value`) once it is verified".into(),
        ],
        source: claim.source.clone(),
        found: Some(voice.mention.value.clone()),
        expected: None,
        fingerprint: fingerprint(&[Code::NoConsensus.name(), &ctx.story.slug, &claim.id]),
        secondary: Vec::new(),
        quote: None,
    });
}
