//! Claim files: what each story's versions must agree on, validated and resolved.
//!
//! `claims/<story-slug>.yaml` names *slots* (what is asserted, and the cue phrases that find it
//! in text) and *claims* about them, written in the claim language (`lang`). Loading goes YAML →
//! raw nodes → parsed expressions → resolved claims; every problem in a file is reported at once,
//! and nothing is checked while any remains.

mod lexicon;
mod load;
mod quote;
mod resolve;

use std::sync::Arc;

pub use lexicon::{Lexicon, LexiconTerm};
pub use load::{claim_path, load, load_file, load_text};

use crate::codes::Code;
use crate::finding::Severity;
use crate::lang::{BinOp, Relation};
use crate::problem::Problem;
use crate::source::{FileId, Span};
use crate::value::{Value, ValueKind};

/// The validated claims of one story.
#[derive(Debug)]
pub struct ClaimSet {
    pub story: String,
    pub file: FileId,
    pub title: Option<String>,
    /// Where the established values come from, for every claim that does not say otherwise.
    pub source: Option<String>,
    pub slots: Vec<Slot>,
    pub claims: Vec<Claim>,
    pub lexicons: Vec<Arc<Lexicon>>,
}

/// What is being asserted, and how to find it in text.
#[derive(Debug, Clone)]
pub struct Slot {
    pub name: String,
    pub kind: ValueKind,
    pub cues: Vec<Cue>,
    /// For counts and shares: the nouns the number must quantify ("31,000 *officers*"), when
    /// the cues alone (a verb such as "employs") do not say what is counted.
    pub of: Vec<String>,
    /// The slot's key in the claim file.
    pub site: Span,
}

/// A phrase whose sentence holds the slot's value.
#[derive(Debug, Clone)]
pub struct Cue {
    pub phrase: String,
    pub site: Span,
}

#[derive(Debug, Clone)]
pub struct Claim {
    /// Stable id: given in the file, or derived from the expression.
    pub id: String,
    /// The expression as written.
    pub text: String,
    /// The expression in the claim file.
    pub site: Span,
    pub severity: Severity,
    /// This claim's source, or the file's.
    pub source: Option<String>,
    pub rationale: Option<String>,
    pub body: ClaimBody,
    /// Sentences that must and must not be read as stating the claim (`wirecheck test-claims`).
    pub examples: Examples,
}

/// A claim's example sentences: the claim file's own tests.
#[derive(Debug, Clone, Default)]
pub struct Examples {
    /// Each must be read as agreeing with the claim.
    pub matching: Vec<Example>,
    /// None may be read as agreeing with it.
    pub not_matching: Vec<Example>,
}

#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    /// The sentence in the claim file.
    pub site: Span,
}

impl Examples {
    pub fn is_empty(&self) -> bool {
        self.matching.is_empty() && self.not_matching.is_empty()
    }
}

#[derive(Debug, Clone)]
pub enum ClaimBody {
    /// `slot = value`, `slot ~ value ± 5%`, `slot > value`, or `slot = ?`.
    Value { slot: usize, test: ValueTest },
    /// Arithmetic between slots, checked inside each version: `a + b = c`, `a / b ~ 2/3`.
    Arithmetic {
        left: Formula,
        relation: Relation,
        right: Formula,
        tolerance: Tolerance,
    },
    /// A speaker's words, checked against every version that quotes them.
    Quote(QuoteClaim),
}

/// `quote: { speaker, text }`: at least one of the two is given.
#[derive(Debug, Clone)]
pub struct QuoteClaim {
    /// The speaker as the claim names them, with where.
    pub speaker: Option<(String, Span)>,
    /// The established wording; "..." in it leaves a part to the versions' consensus.
    pub text: Option<(String, Span)>,
}

/// What a slot's value must satisfy.
#[derive(Debug, Clone)]
pub enum ValueTest {
    /// `= ?`: no established value; versions are checked against each other.
    Consensus,
    Established {
        relation: Relation,
        /// The literal as written in the claim.
        text: String,
        value: Value,
        tolerance: Tolerance,
    },
}

/// How far `~` lets a value stray.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tolerance {
    /// A fraction of the value's magnitude: `± 5%` is 0.05.
    Relative(f64),
    /// An amount in the value's unit.
    Absolute(f64),
}

/// The default for `~` when no `±` is given.
pub const DEFAULT_TOLERANCE: Tolerance = Tolerance::Relative(0.05);

#[derive(Debug, Clone)]
pub enum Formula {
    Slot(usize),
    Literal(Value),
    Binary {
        op: BinOp,
        left: Box<Formula>,
        right: Box<Formula>,
    },
}

impl Formula {
    /// Slots in the formula, left to right, without repeats.
    pub fn slots(&self) -> Vec<usize> {
        let mut out = Vec::new();
        self.collect_slots(&mut out);
        out
    }

    fn collect_slots(&self, out: &mut Vec<usize>) {
        match self {
            Formula::Slot(s) => {
                if !out.contains(s) {
                    out.push(*s);
                }
            }
            Formula::Literal(_) => {}
            Formula::Binary { left, right, .. } => {
                left.collect_slots(out);
                right.collect_slots(out);
            }
        }
    }
}

impl Claim {
    /// What kind of claim it is, as reports name it: `value` (an established value),
    /// `consensus` (`= ?`), `arithmetic` or `quote`.
    pub fn kind_name(&self) -> &'static str {
        match &self.body {
            ClaimBody::Value {
                test: ValueTest::Consensus,
                ..
            } => "consensus",
            ClaimBody::Value { .. } => "value",
            ClaimBody::Arithmetic { .. } => "arithmetic",
            ClaimBody::Quote(_) => "quote",
        }
    }

    /// The slots the claim is about.
    pub fn slots(&self) -> Vec<usize> {
        match &self.body {
            ClaimBody::Value { slot, .. } => vec![*slot],
            ClaimBody::Quote(_) => Vec::new(),
            ClaimBody::Arithmetic { left, right, .. } => {
                let mut slots = left.slots();
                for s in right.slots() {
                    if !slots.contains(&s) {
                        slots.push(s);
                    }
                }
                slots
            }
        }
    }

    pub fn is_consensus(&self) -> bool {
        matches!(
            self.body,
            ClaimBody::Value {
                test: ValueTest::Consensus,
                ..
            }
        )
    }
}

/// A claim-file schema problem at a place in the file: the commonest diagnostic of this stage.
fn schema(
    path: &std::path::Path,
    file: FileId,
    at: std::ops::Range<usize>,
    message: impl Into<String>,
    label: impl Into<String>,
) -> Problem {
    Problem::error(Code::ClaimFileSchema.name(), path, message).label(Span::new(file, at), label)
}

/// [`crate::yaml::reject_unknown_keys`] for a claim or lexicon file.
fn reject_unknown_keys(
    node: &crate::yaml::Node<'_>,
    allowed: &[&str],
    what: &str,
    path: &std::path::Path,
    file: FileId,
    problems: &mut crate::problem::Problems,
) {
    crate::yaml::reject_unknown_keys(
        node,
        allowed,
        what,
        Code::ClaimFileSchema,
        path,
        file,
        problems,
    );
}

impl ClaimSet {
    pub fn slot_named(&self, name: &str) -> Option<usize> {
        self.slots
            .iter()
            .position(|s| s.name.eq_ignore_ascii_case(name))
    }
}
