//! Claim examples (`wirecheck test-claims`): each claim's example sentences are read the way an
//! article is, as the only version of a story, so a claim file is tested like code. A `match`
//! sentence must be read as agreeing with the claim (its state is *agrees* or *vague*); a
//! `no_match` sentence must not be (it is *silent*, *conflicts* or *ambiguous*).

use crate::check::{self, State, StoryCheck};
use crate::claims::{ClaimSet, Example};
use crate::corpus::{Story, Version, VersionMeta};
use crate::extract::{self, phrases::PhraseTable};
use crate::source::FileTable;

/// Which way an example is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    Match,
    NoMatch,
}

impl Expect {
    /// The key the example is listed under.
    pub fn key(self) -> &'static str {
        match self {
            Expect::Match => "match",
            Expect::NoMatch => "no_match",
        }
    }
}

/// What became of one example sentence.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The claim's id.
    pub claim: String,
    pub expect: Expect,
    pub example: Example,
    /// How the claim reads the sentence.
    pub state: State,
    /// The words the state rests on, each with the value read from it: “300” (300).
    pub read: Vec<String>,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        let agrees = matches!(self.state, State::Agrees | State::Vague);
        agrees == (self.expect == Expect::Match)
    }
}

/// Runs every example of every claim in the set, in the file's order.
pub fn run(claims: &ClaimSet, files: &mut FileTable) -> Vec<Outcome> {
    let table = extract::phrase_table(claims);
    let mut out = Vec::new();
    for (c, claim) in claims.claims.iter().enumerate() {
        let cases = (claim.examples.matching.iter().map(|e| (Expect::Match, e))).chain(
            claim
                .examples
                .not_matching
                .iter()
                .map(|e| (Expect::NoMatch, e)),
        );
        for (expect, example) in cases {
            let (state, read) = read_sentence(claims, &table, c, &example.text, files);
            out.push(Outcome {
                claim: claim.id.clone(),
                expect,
                example: example.clone(),
                state,
                read,
            });
        }
    }
    out
}

/// Checks `claim` against a story whose only version is `text`.
fn read_sentence(
    claims: &ClaimSet,
    table: &PhraseTable,
    claim: usize,
    text: &str,
    files: &mut FileTable,
) -> (State, Vec<String>) {
    // A sentence on its own line is a paragraph of its own, as in an article.
    let file = files.add("<example>", format!("{text}\n"));
    let version = Version {
        id: "example".into(),
        file,
        meta: VersionMeta {
            outlet: "the example".into(),
            ..VersionMeta::default()
        },
        body: 0..text.len() + 1,
    };
    let story = Story {
        slug: claims.story.clone(),
        versions: vec![version],
        files: vec![file],
    };
    let extractions = extract::extract_story(&story, claims, table, files);
    let outcome = check::check_story(&StoryCheck {
        story: &story,
        claims,
        extractions: &extractions,
        files,
    });
    let Some(status) = outcome.statuses.iter().find(|s| s.claim == claim) else {
        return (State::Silent, Vec::new());
    };
    let mentions = &extractions[0].mentions;
    let mut read: Vec<String> = status
        .mentions
        .iter()
        .filter_map(|&i| mentions.get(i))
        .map(|m| format!("“{}” ({})", files.slice(m.span), m.value))
        .collect();
    read.extend(
        status
            .quotes
            .iter()
            .map(|&q| format!("“{}”", files.slice(q))),
    );
    (status.state, read)
}
