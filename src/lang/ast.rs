//! Syntax tree of a parsed claim: the types `parse_claim` returns, and span stripping.
//!
//! The tree records structure only. An [`ExprKind::Atom`] is a run of words whose meaning
//! (slot name, literal value or lexicon term) is decided later by the resolver, so nothing
//! here interprets words.

use std::ops::Range;

/// One claim: `lhs relation rhs [tolerance]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub lhs: Expr,
    pub relation: Relation,
    /// Byte range of the relation symbol as written (`≈` is three bytes, `~` one).
    pub relation_span: Range<usize>,
    pub rhs: Rhs,
    /// Only ever present when `relation` is [`Relation::Approx`] and `rhs` is an expression.
    pub tolerance: Option<Tolerance>,
}

/// An expression together with the byte range of `input` it was parsed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expr {
    pub kind: ExprKind,
    /// For a parenthesised expression this includes the parentheses, because parentheses
    /// produce no node of their own and the span is the only trace of them.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExprKind {
    /// Words joined by single spaces, otherwise exactly as written (case kept).
    Atom(String),
    /// Contents of a `"..."` literal, without the quotes.
    Quoted(String),
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `lo .. hi`.
    Range { lo: Box<Expr>, hi: Box<Expr> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
}

/// The comparison of a claim. Unicode spellings (`≈ ≤ ≥ ≠`) parse to the same variants as
/// their ASCII forms; the source spelling survives only in [`Claim::relation_span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// `=`
    Eq,
    /// `~` or `≈`
    Approx,
    /// `<`
    Lt,
    /// `<=` or `≤`
    Le,
    /// `>`
    Gt,
    /// `>=` or `≥`
    Ge,
    /// `!=` or `≠`
    Ne,
}

/// Right-hand side of a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rhs {
    /// `?`: no established value; the versions are checked against each other.
    Consensus {
        span: Range<usize>,
    },
    Expr(Expr),
}

/// `± 5%` (`percent: true`, `amount: 5.0`) or `± 0.05` (`percent: false`).
#[derive(Debug, Clone, PartialEq)]
pub struct Tolerance {
    /// Always finite and non-negative: the grammar admits only `digits[.digits]`.
    pub amount: f64,
    pub percent: bool,
    /// From the `±` / `+/-` sign to the end of the number or `%`.
    pub span: Range<usize>,
}

impl BinOp {
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
        }
    }
}

impl Relation {
    /// Canonical ASCII spelling, as used by the printer.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Relation::Eq => "=",
            Relation::Approx => "~",
            Relation::Lt => "<",
            Relation::Le => "<=",
            Relation::Gt => ">",
            Relation::Ge => ">=",
            Relation::Ne => "!=",
        }
    }
}

impl Expr {
    #[must_use]
    pub fn new(kind: ExprKind, span: Range<usize>) -> Self {
        Expr { kind, span }
    }

    /// A copy with every span set to `0..0`, so that trees parsed from differently spaced
    /// or parenthesised text can be compared by shape alone.
    #[must_use]
    pub fn strip_spans(&self) -> Self {
        let kind = match &self.kind {
            ExprKind::Atom(s) => ExprKind::Atom(s.clone()),
            ExprKind::Quoted(s) => ExprKind::Quoted(s.clone()),
            ExprKind::Binary { op, lhs, rhs } => ExprKind::Binary {
                op: *op,
                lhs: Box::new(lhs.strip_spans()),
                rhs: Box::new(rhs.strip_spans()),
            },
            ExprKind::Range { lo, hi } => ExprKind::Range {
                lo: Box::new(lo.strip_spans()),
                hi: Box::new(hi.strip_spans()),
            },
        };
        Expr { kind, span: 0..0 }
    }

    /// Equality ignoring spans.
    #[must_use]
    pub fn same_shape(&self, other: &Expr) -> bool {
        self.strip_spans() == other.strip_spans()
    }
}

impl Rhs {
    #[must_use]
    pub fn strip_spans(&self) -> Self {
        match self {
            Rhs::Consensus { .. } => Rhs::Consensus { span: 0..0 },
            Rhs::Expr(e) => Rhs::Expr(e.strip_spans()),
        }
    }

    #[must_use]
    pub fn span(&self) -> Range<usize> {
        match self {
            Rhs::Consensus { span } => span.clone(),
            Rhs::Expr(e) => e.span.clone(),
        }
    }
}

impl Tolerance {
    #[must_use]
    pub fn strip_spans(&self) -> Self {
        Tolerance {
            amount: self.amount,
            percent: self.percent,
            span: 0..0,
        }
    }
}

impl Claim {
    /// A copy with every span (including `relation_span`) set to `0..0`.
    #[must_use]
    pub fn strip_spans(&self) -> Self {
        Claim {
            lhs: self.lhs.strip_spans(),
            relation: self.relation,
            relation_span: 0..0,
            rhs: self.rhs.strip_spans(),
            tolerance: self.tolerance.as_ref().map(Tolerance::strip_spans),
        }
    }

    /// Equality ignoring spans.
    #[must_use]
    pub fn same_shape(&self, other: &Claim) -> bool {
        self.strip_spans() == other.strip_spans()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(s: &str, span: Range<usize>) -> Expr {
        Expr::new(ExprKind::Atom(s.to_string()), span)
    }

    #[test]
    fn strip_spans_zeroes_every_span() {
        let e = Expr::new(
            ExprKind::Range {
                lo: Box::new(Expr::new(
                    ExprKind::Binary {
                        op: BinOp::Add,
                        lhs: Box::new(atom("a", 0..1)),
                        rhs: Box::new(atom("b", 4..5)),
                    },
                    0..5,
                )),
                hi: Box::new(Expr::new(ExprKind::Quoted("c".into()), 9..12)),
            },
            0..12,
        );
        let stripped = e.strip_spans();
        let ExprKind::Range { lo, hi } = &stripped.kind else {
            panic!("range expected");
        };
        assert_eq!(stripped.span, 0..0);
        assert_eq!(hi.span, 0..0);
        let ExprKind::Binary { lhs, rhs, .. } = &lo.kind else {
            panic!("binary expected");
        };
        assert_eq!(
            (lo.span.clone(), lhs.span.clone(), rhs.span.clone()),
            (0..0, 0..0, 0..0)
        );
    }

    #[test]
    fn same_shape_ignores_spans_but_not_text() {
        assert!(atom("a", 0..1).same_shape(&atom("a", 7..8)));
        assert!(!atom("a", 0..1).same_shape(&atom("A", 0..1)));
        let claim = |span: Range<usize>| Claim {
            lhs: atom("x", span.clone()),
            relation: Relation::Approx,
            relation_span: span.clone(),
            rhs: Rhs::Consensus { span: span.clone() },
            tolerance: Some(Tolerance {
                amount: 5.0,
                percent: true,
                span,
            }),
        };
        assert!(claim(0..1).same_shape(&claim(3..9)));
        assert_ne!(claim(0..1), claim(3..9));
    }
}
