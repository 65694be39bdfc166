//! Canonical printing of claims (`Display`): the form error messages, reports and the
//! round-trip tests use.
//!
//! Canonical means: ASCII relation symbols, single spaces around relations, operators and
//! `..`, the tolerance as `± 5%` / `± 0.05`, and parentheses only where the tree could not
//! be read back otherwise. Printing then parsing gives the same tree, spans aside.

use std::fmt::{self, Display, Formatter};

use super::ast::{BinOp, Claim, Expr, ExprKind, Relation, Rhs, Tolerance};

impl Display for BinOp {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

impl Display for Relation {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

/// Binding strength: a child binding more weakly than its parent needs parentheses.
fn precedence(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::Range { .. } => 0,
        ExprKind::Binary {
            op: BinOp::Add | BinOp::Sub,
            ..
        } => 1,
        ExprKind::Binary {
            op: BinOp::Mul | BinOp::Div,
            ..
        } => 2,
        ExprKind::Atom(_) | ExprKind::Quoted(_) => 3,
    }
}

fn write_child(f: &mut Formatter<'_>, child: &Expr, parens: bool) -> fmt::Result {
    if parens {
        write!(f, "({child})")
    } else {
        write!(f, "{child}")
    }
}

impl Display for Expr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ExprKind::Atom(words) => f.write_str(words),
            // No escapes exist, so a `"` inside the contents cannot be printed back; the
            // parser never produces one.
            ExprKind::Quoted(text) => write!(f, "\"{text}\""),
            ExprKind::Binary { op, lhs, rhs } => {
                let own = precedence(self);
                // Left-associative: an equal-strength child needs parentheses only on the
                // right (`a - (b - c)`), never on the left (`a - b - c`).
                write_child(f, lhs, precedence(lhs) < own)?;
                write!(f, " {op} ")?;
                write_child(f, rhs, precedence(rhs) <= own)
            }
            ExprKind::Range { lo, hi } => {
                write_child(f, lo, precedence(lo) == 0)?;
                f.write_str(" .. ")?;
                write_child(f, hi, precedence(hi) == 0)
            }
        }
    }
}

impl Display for Rhs {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Rhs::Consensus { .. } => f.write_str("?"),
            Rhs::Expr(e) => write!(f, "{e}"),
        }
    }
}

impl Display for Tolerance {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        // f64's Display is the shortest text that reads back as the same number and never
        // uses exponent notation, so it is valid `number` syntax for any finite amount.
        write!(f, "± {}", self.amount)?;
        if self.percent {
            f.write_str("%")?;
        }
        Ok(())
    }
}

impl Display for Claim {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.lhs, self.relation, self.rhs)?;
        if let Some(tol) = &self.tolerance {
            write!(f, " {tol}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_claim;
    use super::*;

    fn atom(s: &str) -> Expr {
        Expr::new(ExprKind::Atom(s.to_string()), 0..0)
    }

    fn bin(op: BinOp, lhs: Expr, rhs: Expr) -> Expr {
        Expr::new(
            ExprKind::Binary {
                op,
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
            },
            0..0,
        )
    }

    fn range(lo: Expr, hi: Expr) -> Expr {
        Expr::new(
            ExprKind::Range {
                lo: Box::new(lo),
                hi: Box::new(hi),
            },
            0..0,
        )
    }

    #[test]
    fn parentheses_only_where_needed() {
        use BinOp::*;
        let (a, b, c) = (atom("a"), atom("b"), atom("c"));
        let cases = [
            (
                bin(Sub, bin(Sub, a.clone(), b.clone()), c.clone()),
                "a - b - c",
            ),
            (
                bin(Sub, a.clone(), bin(Sub, b.clone(), c.clone())),
                "a - (b - c)",
            ),
            (
                bin(Add, a.clone(), bin(Add, b.clone(), c.clone())),
                "a + (b + c)",
            ),
            (
                bin(Div, a.clone(), bin(Mul, b.clone(), c.clone())),
                "a / (b * c)",
            ),
            (
                bin(Mul, bin(Add, a.clone(), b.clone()), c.clone()),
                "(a + b) * c",
            ),
            (
                bin(Add, a.clone(), bin(Mul, b.clone(), c.clone())),
                "a + b * c",
            ),
            (
                bin(Add, bin(Div, a.clone(), b.clone()), c.clone()),
                "a / b + c",
            ),
            (
                range(a.clone(), bin(Add, b.clone(), c.clone())),
                "a .. b + c",
            ),
            (
                bin(Add, range(a.clone(), b.clone()), c.clone()),
                "(a .. b) + c",
            ),
            (
                range(range(a.clone(), b.clone()), c.clone()),
                "(a .. b) .. c",
            ),
            (
                range(a.clone(), range(b.clone(), c.clone())),
                "a .. (b .. c)",
            ),
        ];
        for (expr, text) in cases {
            assert_eq!(expr.to_string(), text);
        }
    }

    #[test]
    fn claims_print_canonically() {
        for (input, printed) in [
            ("a=b", "a = b"),
            ("a   b ≈ 2/3 +/- 5%", "a b ~ 2/3 ± 5%"),
            ("share sacked ~ 20% +/- 0.05", "share sacked ~ 20% ± 0.05"),
            ("x ≤ 4", "x <= 4"),
            ("x ≥ 4", "x >= 4"),
            ("x ≠ \"chief  constable\"", "x != \"chief  constable\""),
            ("left the force = ?", "left the force = ?"),
            (
                "period = January 2009..October 2013",
                "period = January 2009 .. October 2013",
            ),
            ("x = ((a + b))", "x = a + b"),
            ("x ~ a / (b * c) ±10%", "x ~ a / (b * c) ± 10%"),
            ("x ~ y ± 0.50", "x ~ y ± 0.5"),
        ] {
            let claim = parse_claim(input).map_err(|e| e.message);
            assert_eq!(
                claim.map(|c| c.to_string()),
                Ok(printed.to_string()),
                "{input}"
            );
        }
    }
}
