//! Findings: what a check says about the journalism, as plain data. Every renderer (terminal,
//! JSON, graph) reads these; nothing here prints.

use std::fmt;

use serde::Serialize;

use crate::codes::Code;
use crate::source::Span;
use crate::value::Value;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "note" | "info" => Some(Severity::Note),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A span with what it shows.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// A span in another version that bears on the finding: one that agrees with the claim, or
/// one that shares the outlier's value.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Related {
    pub version: String,
    pub label: Label,
}

/// The claim a finding is about.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ClaimRef {
    pub id: String,
    /// The claim as written in the claim file.
    pub text: String,
    /// Its definition in the claim file.
    pub site: Span,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub story: String,
    /// The version the primary span is in; `None` for findings about a claim file alone.
    pub version: Option<String>,
    pub claim: Option<ClaimRef>,
    pub message: String,
    pub primary: Label,
    /// Further spans in the primary span's version: the other changes to one quote.
    pub secondary: Vec<Label>,
    pub related: Vec<Related>,
    /// Who says what, and what to do.
    pub help: Vec<String>,
    /// Where the claim's established value comes from.
    pub source: Option<String>,
    /// What the version says, normalised.
    pub found: Option<Value>,
    /// What it should say: the claim's value, or the other versions' consensus.
    pub expected: Option<Expected>,
    /// For a quote: the words as the version prints them against the established wording.
    pub quote: Option<QuoteDiff>,
    pub fingerprint: String,
}

/// How a version's words differ from a quote's established wording, change by change.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct QuoteDiff {
    /// Who the versions say spoke the words.
    pub speaker: Option<String>,
    /// The version's words, on one line.
    pub found: String,
    /// Every run of the diff, equal runs included, in order.
    pub ops: Vec<QuoteOp>,
    /// A one-line word diff for a reader: `[-dropped-]`, `{+added+}`.
    pub inline: String,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct QuoteOp {
    pub op: crate::diff::Op,
    /// `None` for equal runs.
    pub class: Option<crate::diff::Class>,
    /// The established words of the run.
    pub expected: String,
    /// The version's words of the run.
    pub found: String,
    /// Where the version's words of the run are (for a deletion: the point they were cut).
    pub span: Option<Span>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Expected {
    /// The claim file's established value (`=`, `~`, bounds).
    Claim {
        relation: String,
        value: Value,
        text: String,
    },
    /// The value most versions give, for `= ?` claims.
    Consensus {
        value: Value,
        text: String,
        versions: usize,
        of: usize,
    },
    /// An arithmetic claim: the two sides as computed from the version's own values.
    Arithmetic { left: String, right: String },
    /// A quote's established wording: a claim's text (with `claim` its id), or the wording
    /// most outlets print.
    Wording {
        text: String,
        claim: Option<String>,
        versions: usize,
        of: usize,
    },
}

/// A fingerprint that survives unrelated edits: it is built from what the finding is about
/// (code, story, claim, version, values), never from positions.
pub fn fingerprint(parts: &[&str]) -> String {
    // FNV-1a, written out so the value never depends on a library's hashing choices.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The order findings are reported in: by story, then version, then position, then code, so
/// that output diffs cleanly between runs.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (
            &a.story,
            &a.version,
            a.primary.span.file,
            a.primary.span.start,
            a.code,
            &a.message,
        )
            .cmp(&(
                &b.story,
                &b.version,
                b.primary.span.file,
                b.primary.span.start,
                b.code,
                &b.message,
            ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_depend_on_every_part_and_its_boundaries() {
        assert_eq!(fingerprint(&["a", "bc"]), fingerprint(&["a", "bc"]));
        assert_ne!(fingerprint(&["a", "bc"]), fingerprint(&["ab", "c"]));
        assert_eq!(fingerprint(&["x"]).len(), 16);
    }

    #[test]
    fn severities_order_from_note_to_error() {
        assert!(Severity::Note < Severity::Warning && Severity::Warning < Severity::Error);
    }
}
