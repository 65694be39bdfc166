//! Resolving a parsed claim expression against its claim file: each run of words becomes a slot
//! (by name), a literal value (numbers, dates, fractions… read as in article text) or a lexicon
//! term, and the claim takes its checkable shape. Type errors are found here, before any article
//! is read.

use std::ops::Range;

use super::{ClaimBody, DEFAULT_TOLERANCE, Formula, Slot, Tolerance, ValueTest};
use crate::extract::phrases::PhraseTable;
use crate::extract::values::{self, Context};
use crate::lang::{self, Expr, ExprKind, Relation, Rhs};
use crate::suggest::with_article;
use crate::value::{Value, ValueKind};

/// A problem inside an expression, with the byte range it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolveError {
    pub span: Range<usize>,
    pub message: String,
    /// What the span shows, beside it.
    pub label: String,
    pub help: Option<String>,
    /// A type error (a value of the wrong kind), as opposed to an unknown name.
    pub mismatch: bool,
}

impl ResolveError {
    fn new(span: Range<usize>, message: impl Into<String>) -> ResolveError {
        ResolveError {
            span,
            message: message.into(),
            label: "here".into(),
            help: None,
            mismatch: false,
        }
    }

    fn help(mut self, help: impl Into<String>) -> ResolveError {
        self.help = Some(help.into());
        self
    }

    fn label(mut self, label: impl Into<String>) -> ResolveError {
        self.label = label.into();
        self
    }

    fn mismatch(mut self) -> ResolveError {
        self.mismatch = true;
        self
    }
}

/// A side of a claim once its words are understood.
#[derive(Debug, Clone)]
enum Resolved {
    Slot(usize),
    Literal(Value),
    Formula(Formula),
}

pub struct Resolver<'a> {
    pub slots: &'a [Slot],
    /// The story's lexicons, for term literals.
    pub terms: &'a PhraseTable,
}

impl Resolver<'_> {
    pub fn resolve(&self, claim: &lang::Claim, source: &str) -> Result<ClaimBody, ResolveError> {
        let tolerance = match (&claim.tolerance, claim.relation) {
            (Some(t), _) if t.percent => Tolerance::Relative(t.amount / 100.0),
            (Some(t), _) => Tolerance::Absolute(t.amount),
            (None, Relation::Approx) => DEFAULT_TOLERANCE,
            (None, _) => Tolerance::Relative(0.0),
        };
        let left = self.side(&claim.lhs, source)?;
        let right = match &claim.rhs {
            Rhs::Consensus { span } => {
                return match left {
                    Resolved::Slot(slot) => Ok(ClaimBody::Value {
                        slot,
                        test: ValueTest::Consensus,
                    }),
                    _ => Err(ResolveError::new(
                        span.clone(),
                        "`?` (consensus) compares versions on a single slot",
                    )
                    .help("write `slot = ?`, naming one slot on the left")),
                };
            }
            Rhs::Expr(expr) => (self.side(expr, source)?, expr),
        };
        let (right, right_expr) = right;
        match (left, right) {
            (Resolved::Slot(slot), Resolved::Literal(value)) => self.established(
                slot,
                claim.relation,
                value,
                &source[right_expr.span.clone()],
                right_expr.span.clone(),
                tolerance,
            ),
            (Resolved::Literal(value), Resolved::Slot(slot)) => self.established(
                slot,
                flip(claim.relation),
                value,
                &source[claim.lhs.span.clone()],
                claim.lhs.span.clone(),
                tolerance,
            ),
            (Resolved::Literal(_), Resolved::Literal(_)) => Err(ResolveError::new(
                claim.lhs.span.start..right_expr.span.end,
                "this claim names no slot: both sides are values",
            )
            .help(format!("slots of this claim file: {}", self.slot_names()))),
            (left, right) => {
                if claim.relation == Relation::Ne {
                    return Err(ResolveError::new(
                        claim.relation_span.clone(),
                        "`!=` compares a slot with a value, not arithmetic",
                    ));
                }
                let left = self.formula(left, &claim.lhs)?;
                let right = self.formula(right, right_expr)?;
                Ok(ClaimBody::Arithmetic {
                    left,
                    relation: claim.relation,
                    right,
                    tolerance,
                })
            }
        }
    }

    fn slot_names(&self) -> String {
        self.slots
            .iter()
            .map(|s| format!("`{}`", s.name))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn established(
        &self,
        slot: usize,
        relation: Relation,
        value: Value,
        text: &str,
        span: Range<usize>,
        tolerance: Tolerance,
    ) -> Result<ClaimBody, ResolveError> {
        let kind = &self.slots[slot].kind;
        let value = coerce(kind, value);
        if !kind.accepts(&value) {
            return Err(ResolveError::new(
                span,
                format!(
                    "`{}` is {} slot, but this value is {}",
                    self.slots[slot].name,
                    with_article(kind.name()),
                    with_article(value.kind().name())
                ),
            )
            .label(format!(
                "{}, not {}",
                with_article(value.kind().name()),
                with_article(kind.name())
            ))
            .help(kind_example(kind))
            .mismatch());
        }
        let ordered = !matches!(relation, Relation::Eq | Relation::Approx | Relation::Ne);
        if ordered && value.range().is_none() {
            return Err(ResolveError::new(
                span,
                format!(
                    "`{relation}` needs a single number or date, not {}",
                    with_article(value.kind().name())
                ),
            )
            .mismatch());
        }
        Ok(ClaimBody::Value {
            slot,
            test: ValueTest::Established {
                relation,
                text: text.trim().to_string(),
                value,
                tolerance,
            },
        })
    }

    fn formula(&self, side: Resolved, expr: &Expr) -> Result<Formula, ResolveError> {
        match side {
            Resolved::Formula(f) => Ok(f),
            Resolved::Slot(s) => self
                .numeric_slot(s, expr.span.clone())
                .map(|()| Formula::Slot(s)),
            Resolved::Literal(v) => numeric_literal(v, expr.span.clone()).map(Formula::Literal),
        }
    }

    fn numeric_slot(&self, slot: usize, span: Range<usize>) -> Result<(), ResolveError> {
        let kind = &self.slots[slot].kind;
        match kind {
            ValueKind::Date | ValueKind::RelativeTime | ValueKind::Term(_) => {
                Err(ResolveError::new(
                    span,
                    format!(
                        "`{}` is {} slot: it cannot take part in arithmetic",
                        self.slots[slot].name,
                        with_article(kind.name())
                    ),
                )
                .mismatch())
            }
            _ => Ok(()),
        }
    }

    fn side(&self, expr: &Expr, source: &str) -> Result<Resolved, ResolveError> {
        match &expr.kind {
            ExprKind::Atom(words) => self.atom(words, expr.span.clone()),
            ExprKind::Quoted(words) => {
                self.literal(words).map(Resolved::Literal).ok_or_else(|| {
                    ResolveError::new(
                        expr.span.clone(),
                        format!("“{words}” is neither a value nor a term of this story's lexicons"),
                    )
                })
            }
            ExprKind::Range { lo, hi } => self.range(lo, hi, source, expr.span.clone()),
            ExprKind::Binary { op, lhs, rhs } => {
                let left = self.side(lhs, source)?;
                let right = self.side(rhs, source)?;
                Ok(Resolved::Formula(Formula::Binary {
                    op: *op,
                    left: Box::new(self.formula(left, lhs)?),
                    right: Box::new(self.formula(right, rhs)?),
                }))
            }
        }
    }

    fn atom(&self, words: &str, span: Range<usize>) -> Result<Resolved, ResolveError> {
        if let Some(slot) = self
            .slots
            .iter()
            .position(|s| s.name.eq_ignore_ascii_case(words))
        {
            return Ok(Resolved::Slot(slot));
        }
        if let Some(value) = self.literal(words) {
            return Ok(Resolved::Literal(value));
        }
        let mut error = ResolveError::new(
            span,
            format!("`{words}` is not a slot, a value or a known term"),
        )
        .label("not a slot, value or term");
        let names: Vec<&str> = self.slots.iter().map(|s| s.name.as_str()).collect();
        if let Some(name) = crate::suggest::did_you_mean(words, names.iter().copied()) {
            error = error.help(format!("did you mean the slot `{name}`?"));
        } else if words.contains(['+', '*', '/']) || words.contains(" -") {
            error = error.help("put a space on each side of an operator: `a / b`, not `a/b`");
        } else {
            error = error.help(format!("slots of this claim file: {}", self.slot_names()));
        }
        Err(error)
    }

    fn literal(&self, words: &str) -> Option<Value> {
        if let Some((value, _vague)) = values::parse_literal(words, &Context::default()) {
            return Some(value);
        }
        self.terms.term_of(words).map(Value::Term)
    }

    fn range(
        &self,
        lo: &Expr,
        hi: &Expr,
        source: &str,
        span: Range<usize>,
    ) -> Result<Resolved, ResolveError> {
        let end = |e: &Expr| match self.side(e, source)? {
            Resolved::Literal(v) => Ok(v),
            _ => Err(ResolveError::new(
                e.span.clone(),
                "each end of a range must be a value",
            )),
        };
        let (a, b) = (end(lo)?, end(hi)?);
        let joined = match (&a, &b) {
            (Value::Date { range: s }, Value::Date { range: e }) => {
                Some(Value::DateRange { start: *s, end: *e })
            }
            _ if a.kind() == b.kind() => match (a.range(), b.range()) {
                (Some(x), Some(y)) => Some(a.map_ranges(|_| x.hull(y))),
                _ => None,
            },
            _ => None,
        };
        joined.map(Resolved::Literal).ok_or_else(|| {
            ResolveError::new(
                span,
                format!(
                    "a range runs between two values of one kind, not {} and {}",
                    with_article(a.kind().name()),
                    with_article(b.kind().name())
                ),
            )
            .mismatch()
        })
    }
}

fn numeric_literal(value: Value, span: Range<usize>) -> Result<Value, ResolveError> {
    if value.magnitude().is_some() {
        Ok(value)
    } else {
        Err(ResolveError::new(
            span,
            format!(
                "{} cannot take part in arithmetic",
                with_article(value.kind().name())
            ),
        )
        .mismatch())
    }
}

/// `300 < breaches` means `breaches > 300`.
fn flip(relation: Relation) -> Relation {
    match relation {
        Relation::Lt => Relation::Gt,
        Relation::Le => Relation::Ge,
        Relation::Gt => Relation::Lt,
        Relation::Ge => Relation::Le,
        other => other,
    }
}

fn kind_example(kind: &ValueKind) -> String {
    let example = match kind {
        ValueKind::Count => "300, three hundred, around 31,000",
        ValueKind::Number => "6.8, -0.42, three hundred",
        ValueKind::Share => "two-thirds, 0.1%, one in five",
        ValueKind::Money => "£1.2m, $300",
        ValueKind::Measure => "20 miles, 9.8 C",
        ValueKind::Date => "6 May 2014, January 2009",
        ValueKind::DateRange => "January 2009 .. October 2013, nearly five years",
        ValueKind::Duration => "nearly five years, 15 months",
        ValueKind::RelativeTime => "the night before, a few nights before",
        ValueKind::Age => "21-year-old, aged 21",
        ValueKind::Term(_) => "a term of the slot's lexicon",
    };
    format!("{} is written like: {example}", with_article(kind.name()))
}

/// A literal in the form the slot needs, where the meaning is plain: `aged 52` may be written
/// `52` or `52 years` for an age slot.
fn coerce(kind: &ValueKind, value: Value) -> Value {
    match (kind, &value) {
        (ValueKind::Age, Value::Count { range }) => Value::Age { range: *range },
        (ValueKind::Age, Value::Duration { range }) => Value::Age {
            range: range.scale(1.0 / crate::value::DAYS_PER_YEAR),
        },
        _ => value,
    }
}
