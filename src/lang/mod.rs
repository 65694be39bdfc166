//! The claim expression language: parsing one-line claims such as
//! `formal action / breaches ~ 2/3 ± 5%` into a [`Claim`] tree, and printing them back.
//!
//! This layer handles structure only. Slot names and literal values are both runs of words
//! ([`ExprKind::Atom`]); deciding which is which belongs to the resolver. The grammar and
//! its rationale are in `docs/claim-language.md`.

mod ast;
mod error;
mod lexer;
mod parser;
mod print;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use ast::{BinOp, Claim, Expr, ExprKind, Relation, Rhs, Tolerance};
pub use error::ParseError;
pub use parser::{MAX_DEPTH, parse_claim};
