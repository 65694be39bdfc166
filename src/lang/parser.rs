//! Recursive-descent parser from a claim string to a [`Claim`], with its error messages.
//!
//! nom supplies the lexical pieces (see `lexer`); the structure is driven by hand over a
//! one-token lookahead so that every error can name the exact token it stopped at and what
//! the claim writer should have put there. The grammar is LL(1) at token level, so no
//! backtracking (and no "furthest failure" bookkeeping) is needed.

use std::ops::Range;

use nom::Parser as _;
use nom::combinator::consumed;

use super::ast::{BinOp, Claim, Expr, ExprKind, Relation, Rhs, Tolerance};
use super::error::ParseError;
use super::lexer::{self, TokenKind};

/// Deepest nesting accepted, counted both as parentheses inside parentheses and as the
/// height of the operator tree. Both bounds exist because input is untrusted: parentheses
/// drive the parser's recursion, and tree height drives the recursion of `Drop`, `Display`
/// and every later pass over the tree.
pub const MAX_DEPTH: usize = 64;

const NESTED_TOO_DEEPLY: &str = "expression nested too deeply";
const EXAMPLE_HELP: &str = "a claim compares two sides, as in `breaches = 300`";
const RELATION_SYMBOLS: [&str; 7] = ["`=`", "`~`", "`<`", "`>`", "`<=`", "`>=`", "`!=`"];

/// Parses one claim expression such as `formal action / breaches ~ 2/3 ± 5%`.
///
/// # Errors
///
/// Any input that does not follow the grammar (see `docs/claim-language.md`) gives a
/// [`ParseError`] locating the first problem. No input panics, and nesting deeper than
/// [`MAX_DEPTH`] is an error rather than a stack overflow.
pub fn parse_claim(input: &str) -> Result<Claim, ParseError> {
    Parser { input }.claim()
}

/// A token found after skipping whitespace, with everything the caller may need to decide
/// what to do with it or to report it.
struct Tok<'a> {
    kind: TokenKind,
    span: Range<usize>,
    text: &'a str,
    /// Input after the token.
    rest: &'a str,
    /// Whether whitespace preceded the token; operators need it.
    spaced_before: bool,
}

/// An expression and the height of its tree (an atom is 0).
struct Node {
    expr: Expr,
    height: usize,
}

/// What came before a place where an operand is required; only shapes the error message.
#[derive(Clone, Copy)]
enum Before<'a> {
    Start,
    Relation(&'a str),
    /// An operator, `(` or `..`.
    Symbol(&'a str),
}

struct Parser<'a> {
    input: &'a str,
}

impl<'a> Parser<'a> {
    fn offset(&self, rest: &str) -> usize {
        self.input.len() - rest.len()
    }

    fn source(&self, span: &Range<usize>) -> &'a str {
        self.input.get(span.clone()).unwrap_or("")
    }

    fn peek(&self, rest: &'a str) -> Tok<'a> {
        let after_ws = match lexer::whitespace(rest) {
            Ok((r, _)) => r,
            Err(_) => rest,
        };
        // `token` cannot fail (it ends with `eof` and `anychar`); were it ever to, reading
        // one character as a stray keeps the parser total instead of panicking.
        let (after, (text, kind)) = consumed(lexer::token)
            .parse_complete(after_ws)
            .unwrap_or_else(|_| stray(after_ws));
        Tok {
            kind,
            span: self.offset(after_ws)..self.offset(after),
            text,
            rest: after,
            spaced_before: after_ws.len() != rest.len(),
        }
    }

    fn claim(&self) -> Result<Claim, ParseError> {
        let (rest, lhs) = self.side(self.input, 0, Before::Start)?;
        let lhs = lhs.expr;

        let rel = self.peek(rest);
        let TokenKind::Relation(relation) = rel.kind else {
            return Err(self.missing_relation(&lhs, &rel));
        };

        let next = self.peek(rel.rest);
        let (rest, rhs) = if next.kind == TokenKind::Question {
            if !matches!(relation, Relation::Eq | Relation::Approx) {
                return Err(ParseError::new(
                    next.span,
                    "`?` (consensus) only goes with `=` or `~`",
                )
                .expecting(["a value", "a slot name"])
                .with_help(format!(
                    "`{} = ?` says the value is not established yet; `{}` needs a value \
                             to compare with",
                    self.source(&lhs.span),
                    rel.text
                )));
            }
            (next.rest, Rhs::Consensus { span: next.span })
        } else {
            let (rest, node) = self.side(rel.rest, 0, Before::Relation(rel.text))?;
            (rest, Rhs::Expr(node.expr))
        };

        let next = self.peek(rest);
        let (rest, tolerance) = if next.kind == TokenKind::TolSign {
            let (rest, tol) = self.tolerance(&next, relation, &rhs)?;
            (rest, Some(tol))
        } else {
            (rest, None)
        };

        let end = self.peek(rest);
        if end.kind != TokenKind::End {
            return Err(self.trailing(&end, &rhs, tolerance.is_some(), relation));
        }

        Ok(Claim {
            lhs,
            relation,
            relation_span: rel.span,
            rhs,
            tolerance,
        })
    }

    /// `side = sum [ws ".." ws sum]`
    fn side(
        &self,
        rest: &'a str,
        depth: usize,
        before: Before<'a>,
    ) -> Result<(&'a str, Node), ParseError> {
        let (rest, lo) = self.sum(rest, depth, before)?;
        let sep = self.peek(rest);
        if sep.kind != TokenKind::RangeSep {
            return Ok((rest, lo));
        }
        let (rest, hi) = self.sum(sep.rest, depth, Before::Symbol(sep.text))?;
        let node = Self::combine(&sep, lo, hi, |lo, hi| ExprKind::Range { lo, hi })?;
        Ok((rest, node))
    }

    /// `sum = product { WS ("+" | "-") WS product }`
    fn sum(
        &self,
        rest: &'a str,
        depth: usize,
        before: Before<'a>,
    ) -> Result<(&'a str, Node), ParseError> {
        let (mut rest, mut acc) = self.product(rest, depth, before)?;
        loop {
            let tok = self.peek(rest);
            let TokenKind::Op(op @ (BinOp::Add | BinOp::Sub)) = tok.kind else {
                return Ok((rest, acc));
            };
            Self::check_spacing(&tok)?;
            let (r, rhs) = self.product(tok.rest, depth, Before::Symbol(tok.text))?;
            acc = Self::combine(&tok, acc, rhs, |lhs, rhs| ExprKind::Binary { op, lhs, rhs })?;
            rest = r;
        }
    }

    /// `product = primary { WS ("*" | "/") WS primary }`
    fn product(
        &self,
        rest: &'a str,
        depth: usize,
        before: Before<'a>,
    ) -> Result<(&'a str, Node), ParseError> {
        let (mut rest, mut acc) = self.primary(rest, depth, before)?;
        loop {
            let tok = self.peek(rest);
            let TokenKind::Op(op @ (BinOp::Mul | BinOp::Div)) = tok.kind else {
                return Ok((rest, acc));
            };
            Self::check_spacing(&tok)?;
            let (r, rhs) = self.primary(tok.rest, depth, Before::Symbol(tok.text))?;
            acc = Self::combine(&tok, acc, rhs, |lhs, rhs| ExprKind::Binary { op, lhs, rhs })?;
            rest = r;
        }
    }

    /// Builds a two-child node whose span runs from the first child to the second, refusing
    /// it if the tree would grow taller than [`MAX_DEPTH`].
    fn combine(
        at: &Tok<'a>,
        a: Node,
        b: Node,
        kind: impl FnOnce(Box<Expr>, Box<Expr>) -> ExprKind,
    ) -> Result<Node, ParseError> {
        let height = 1 + a.height.max(b.height);
        if height > MAX_DEPTH {
            return Err(too_deep(at.span.clone()));
        }
        let span = a.expr.span.start..b.expr.span.end;
        Ok(Node {
            expr: Expr::new(kind(Box::new(a.expr), Box::new(b.expr)), span),
            height,
        })
    }

    /// `primary = "(" ws side ws ")" | quoted | atom`
    fn primary(
        &self,
        rest: &'a str,
        depth: usize,
        before: Before<'a>,
    ) -> Result<(&'a str, Node), ParseError> {
        let tok = self.peek(rest);
        match tok.kind {
            TokenKind::Word => Ok(self.atom(&tok)),
            TokenKind::Quote => self.quoted(&tok),
            TokenKind::LParen => {
                if depth >= MAX_DEPTH {
                    return Err(too_deep(tok.span));
                }
                let (rest, inner) = self.side(tok.rest, depth + 1, Before::Symbol(tok.text))?;
                let close = self.peek(rest);
                if close.kind != TokenKind::RParen {
                    return Err(Self::unclosed_paren(&tok, &close));
                }
                let expr = Expr::new(inner.expr.kind, tok.span.start..close.span.end);
                Ok((
                    close.rest,
                    Node {
                        expr,
                        height: inner.height,
                    },
                ))
            }
            _ => Err(Self::missing_operand(before, &tok)),
        }
    }

    /// `atom = word { SP word }`; `first` is the already-peeked first word.
    fn atom(&self, first: &Tok<'a>) -> (&'a str, Node) {
        let start = first.span.start;
        let mut end = first.span.end;
        let mut text = String::from(first.text);
        let mut rest = first.rest;
        loop {
            let tok = self.peek(rest);
            if tok.kind != TokenKind::Word {
                break;
            }
            text.push(' ');
            text.push_str(tok.text);
            end = tok.span.end;
            rest = tok.rest;
        }
        let expr = Expr::new(ExprKind::Atom(text), start..end);
        (rest, Node { expr, height: 0 })
    }

    /// `quoted = '"' { any char except '"' } '"'`; `open` is the opening quote.
    fn quoted(&self, open: &Tok<'a>) -> Result<(&'a str, Node), ParseError> {
        match lexer::quoted_body(open.rest) {
            Ok((rest, (body, true))) => {
                let expr = Expr::new(
                    ExprKind::Quoted(body.to_string()),
                    open.span.start..self.offset(rest),
                );
                Ok((rest, Node { expr, height: 0 }))
            }
            _ => Err(ParseError::new(
                open.span.clone(),
                "expected `\"` to close the quote opened here",
            )
            .expecting(["`\"`"])
            .with_help(
                "a quoted value runs from one `\"` to the next, as in `\"chief constable\"`",
            )),
        }
    }

    /// `tolerance = ("±" | "+/-") ws number ["%"]`; `sign` is the already-peeked sign.
    fn tolerance(
        &self,
        sign: &Tok<'a>,
        relation: Relation,
        rhs: &Rhs,
    ) -> Result<(&'a str, Tolerance), ParseError> {
        let parsed = self.tolerance_amount(sign);
        // Misplaced tolerances are reported before malformed ones: fixing the number is
        // pointless if the tolerance has to go anyway.
        let whole = match &parsed {
            Ok((_, tol)) => tol.span.clone(),
            Err(_) => sign.span.clone(),
        };
        if let Rhs::Consensus { .. } = rhs {
            return Err(ParseError::new(whole, "`?` (consensus) takes no tolerance")
                .expecting(["end of claim"])
                .with_help("remove the tolerance: with `?` there is no value for it to apply to"));
        }
        if relation != Relation::Approx {
            return Err(
                ParseError::new(whole, "a tolerance (±) only applies to `~`")
                    .expecting(["end of claim"])
                    .with_help(format!(
                        "use `~` for an approximate value, or remove the tolerance to keep `{}`",
                        relation.symbol()
                    )),
            );
        }
        parsed
    }

    fn tolerance_amount(&self, sign: &Tok<'a>) -> Result<(&'a str, Tolerance), ParseError> {
        let after_ws = match lexer::whitespace(sign.rest) {
            Ok((r, _)) => r,
            Err(_) => sign.rest,
        };
        let bad = |span: Range<usize>, message: String| {
            ParseError::new(span, message)
                .expecting(["a number"])
                .with_help("write the tolerance as a percentage, `± 5%`, or an amount, `± 0.05`")
        };
        let Ok((after_run, run)) = lexer::word_run(after_ws) else {
            let next = self.peek(sign.rest);
            return Err(bad(
                next.span,
                format!("expected a number after `{}`", sign.text),
            ));
        };
        let run_span = self.offset(after_ws)..self.offset(after_run);
        let Ok(("", (number, percent))) = lexer::tolerance_amount(run) else {
            return Err(bad(
                run_span,
                format!("expected a number after `{}`", sign.text),
            ));
        };
        let amount = match number.parse::<f64>() {
            Ok(a) if a.is_finite() => a,
            _ => return Err(bad(run_span, "this tolerance is too large".to_string())),
        };
        let tol = Tolerance {
            amount,
            percent,
            span: sign.span.start..run_span.end,
        };
        Ok((after_run, tol))
    }

    /// An operator needs whitespace on both sides: without it, `+ - * /` are part of a word
    /// (`two-thirds`, `2/3`), so a missing space usually means the writer meant arithmetic
    /// but glued it to a parenthesis or a quote.
    fn check_spacing(op: &Tok<'a>) -> Result<(), ParseError> {
        let glued_after = op.rest.starts_with(['(', '"']);
        if op.spaced_before && !glued_after {
            return Ok(());
        }
        Err(ParseError::new(
            op.span.clone(),
            format!("put a space on each side of `{}`", op.text),
        )
        .expecting(["a space"])
        .with_help(
            "`+`, `-`, `*` and `/` do arithmetic only with a space on each side, as in `a + b`; \
             written without spaces they are part of a value, as in `two-thirds` or `2/3`",
        ))
    }

    fn missing_operand(before: Before<'a>, found: &Tok<'a>) -> ParseError {
        let span = found.span.clone();
        if found.kind == TokenKind::Question {
            return ParseError::new(
                span,
                "`?` (consensus) can only be the whole right-hand side",
            )
            .expecting(["a value", "a slot name"])
            .with_help("write `?` alone after `=` or `~`, as in `left the force = ?`");
        }
        let err = match before {
            Before::Start => {
                let message = match found.kind {
                    TokenKind::End => "the claim is empty".to_string(),
                    TokenKind::Relation(_) => {
                        format!("expected a slot name or value before `{}`", found.text)
                    }
                    _ => format!("expected a slot name or value, found `{}`", found.text),
                };
                ParseError::new(span, message)
                    .expecting(["a slot name", "a value"])
                    .with_help(EXAMPLE_HELP)
            }
            Before::Relation(rel) => ParseError::new(
                span,
                format!("expected a value, a slot name or `?` after `{rel}`"),
            )
            .expecting(["a value", "a slot name", "`?`"]),
            Before::Symbol(sym) => {
                ParseError::new(span, format!("expected a value or slot name after `{sym}`"))
                    .expecting(["a value", "a slot name"])
            }
        };
        match found.kind {
            TokenKind::Op(BinOp::Sub) => err.with_help(
                "a `-` standing alone means subtraction; write a negative number without a \
                 space, as in `-5`",
            ),
            TokenKind::Op(_) => err.with_help("put a value or slot name between two operators"),
            TokenKind::Relation(_) if !matches!(before, Before::Start) => {
                err.with_help("a claim has exactly one relation")
            }
            TokenKind::RParen if matches!(before, Before::Symbol("(")) => {
                err.with_help("there is nothing between the parentheses")
            }
            _ => err,
        }
    }

    fn missing_relation(&self, lhs: &Expr, found: &Tok<'a>) -> ParseError {
        match found.kind {
            TokenKind::RParen => unmatched_paren(found.span.clone()),
            TokenKind::RangeSep => two_ends(found.span.clone()),
            _ => ParseError::new(
                found.span.clone(),
                format!(
                    "expected a relation (=, ~, <, >, <=, >=, !=) after `{}`",
                    self.source(&lhs.span)
                ),
            )
            .expecting(RELATION_SYMBOLS)
            .with_help(EXAMPLE_HELP),
        }
    }

    fn unclosed_paren(open: &Tok<'a>, found: &Tok<'a>) -> ParseError {
        let help = match found.kind {
            TokenKind::End => "the claim ends before the parenthesis is closed".to_string(),
            _ => format!("found `{}` before the parenthesis was closed", found.text),
        };
        ParseError::new(
            open.span.clone(),
            "expected `)` to close the parenthesis opened here",
        )
        .expecting(["`)`"])
        .with_help(help)
    }

    /// Something other than the end of the claim after a complete claim.
    fn trailing(
        &self,
        found: &Tok<'a>,
        rhs: &Rhs,
        had_tolerance: bool,
        relation: Relation,
    ) -> ParseError {
        let span = found.span.clone();
        if let TokenKind::Relation(_) = found.kind {
            return ParseError::new(span, "a claim has exactly one relation")
                .expecting(["end of claim"])
                .with_help("write two claims instead, one for each comparison");
        }
        if had_tolerance {
            let err = ParseError::new(
                span,
                format!("unexpected `{}` after the tolerance", found.text),
            )
            .expecting(["end of claim"]);
            return match found.kind {
                TokenKind::TolSign => {
                    ParseError::new(found.span.clone(), "a claim takes at most one tolerance")
                        .expecting(["end of claim"])
                }
                _ if found.text.starts_with('%') => {
                    err.with_help("write the percent sign right after the number, as in `± 5%`")
                }
                _ => err.with_help("the tolerance goes at the very end of the claim"),
            };
        }
        let rhs_expr = match rhs {
            Rhs::Consensus { .. } => {
                return ParseError::new(
                    span,
                    "`?` (consensus) can only be the whole right-hand side",
                )
                .expecting(["end of claim"])
                .with_help("write `?` alone after `=` or `~`, as in `left the force = ?`");
            }
            Rhs::Expr(e) => e,
        };
        match found.kind {
            TokenKind::RParen => unmatched_paren(span),
            TokenKind::RangeSep => two_ends(span),
            _ => {
                let mut expected = vec!["an operator (+, -, *, /)", "`..`"];
                if relation == Relation::Approx {
                    expected.push("a tolerance (±)");
                }
                expected.push("end of claim");
                let err = ParseError::new(
                    span,
                    format!(
                        "unexpected `{}` after `{}`",
                        found.text,
                        self.source(&rhs_expr.span)
                    ),
                )
                .expecting(expected);
                match found.kind {
                    TokenKind::Question => err.with_help(
                        "`?` (consensus) must be the whole right-hand side, as in `x = ?`",
                    ),
                    _ => err.with_help(
                        "join two parts with `+`, `-`, `*` or `/`, with a space on each side",
                    ),
                }
            }
        }
    }
}

/// The first character of `i` as an unrecognised token, or the end if `i` is empty.
fn stray(i: &str) -> (&str, (&str, TokenKind)) {
    let first = i.chars().next().map_or(0, char::len_utf8);
    match i.split_at_checked(first) {
        Some((text, after)) if first > 0 => (after, (text, TokenKind::Stray)),
        _ => (i, ("", TokenKind::End)),
    }
}

fn too_deep(span: Range<usize>) -> ParseError {
    ParseError::new(span, NESTED_TOO_DEEPLY).with_help(format!(
        "at most {MAX_DEPTH} levels of parentheses or operators are allowed; split the claim \
         into simpler claims"
    ))
}

fn unmatched_paren(span: Range<usize>) -> ParseError {
    ParseError::new(span, "this `)` has no matching `(`")
        .with_help("remove it, or add the `(` where the bracketed part starts")
}

fn two_ends(span: Range<usize>) -> ParseError {
    ParseError::new(span, "a range has exactly two ends")
        .expecting(["end of claim"])
        .with_help("write a range as `low .. high`")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compact rendering of a tree with every span, so one string pins a whole parse.
    fn sexp(e: &Expr) -> String {
        let s = &e.span;
        match &e.kind {
            ExprKind::Atom(t) => format!("[{t}]@{}..{}", s.start, s.end),
            ExprKind::Quoted(t) => format!("\"{t}\"@{}..{}", s.start, s.end),
            ExprKind::Binary { op, lhs, rhs } => {
                format!("({op}@{}..{} {} {})", s.start, s.end, sexp(lhs), sexp(rhs))
            }
            ExprKind::Range { lo, hi } => {
                format!("(..@{}..{} {} {})", s.start, s.end, sexp(lo), sexp(hi))
            }
        }
    }

    fn render(input: &str) -> String {
        let c = match parse_claim(input) {
            Ok(c) => c,
            Err(e) => return format!("ERROR {:?}: {}", e.span, e.message),
        };
        let rhs = match &c.rhs {
            Rhs::Consensus { span } => format!("?@{}..{}", span.start, span.end),
            Rhs::Expr(e) => sexp(e),
        };
        let mut out = format!(
            "{} {}@{}..{} {}",
            sexp(&c.lhs),
            c.relation,
            c.relation_span.start,
            c.relation_span.end,
            rhs
        );
        if let Some(t) = &c.tolerance {
            let unit = if t.percent { "%" } else { "" };
            out += &format!(" ±{}{unit}@{}..{}", t.amount, t.span.start, t.span.end);
        }
        out
    }

    fn check(input: &str, expected: &str) {
        assert_eq!(render(input), expected, "input: {input:?}");
    }

    #[test]
    fn sum_of_slots() {
        check(
            "formal action + other outcomes = breaches",
            "(+@0..30 [formal action]@0..13 [other outcomes]@16..30) =@31..32 [breaches]@33..41",
        );
    }

    #[test]
    fn plain_values() {
        check(
            "most senior officer = detective chief inspector",
            "[most senior officer]@0..19 =@20..21 [detective chief inspector]@22..47",
        );
        check("breaches = 300", "[breaches]@0..8 =@9..10 [300]@11..14");
        check("breaches > 250", "[breaches]@0..8 >@9..10 [250]@11..14");
        check("breaches <= 400", "[breaches]@0..8 <=@9..11 [400]@12..15");
        check("breaches >= 400", "[breaches]@0..8 >=@9..11 [400]@12..15");
        check("breaches < 400", "[breaches]@0..8 <@9..10 [400]@11..14");
        check(
            "officers ~ around 31,000",
            "[officers]@0..8 ~@9..10 [around 31,000]@11..24",
        );
    }

    #[test]
    fn no_spaces_needed_around_relations() {
        check("a=b", "[a]@0..1 =@1..2 [b]@2..3");
        check("a<=-5", "[a]@0..1 <=@1..3 [-5]@3..5");
        check("  a  !=  b  ", "[a]@2..3 !=@5..7 [b]@9..10");
    }

    #[test]
    fn unicode_relations_mean_their_ascii_forms() {
        // `≈ ≤ ≥ ≠` are three bytes each in UTF-8.
        check("x ≈ 5", "[x]@0..1 ~@2..5 [5]@6..7");
        check("x ≤ 5", "[x]@0..1 <=@2..5 [5]@6..7");
        check("x ≥ 5", "[x]@0..1 >=@2..5 [5]@6..7");
        check("x ≠ 5", "[x]@0..1 !=@2..5 [5]@6..7");
        check("x≈?", "[x]@0..1 ~@1..4 ?@4..5");
    }

    #[test]
    fn words_with_punctuation_are_single_words() {
        check(
            "formal action / breaches ~ two-thirds",
            "(/@0..24 [formal action]@0..13 [breaches]@16..24) ~@25..26 [two-thirds]@27..37",
        );
        // `£` is two bytes.
        check("cost = £1.2m", "[cost]@0..4 =@5..6 [£1.2m]@7..13");
        check(
            "rank-and-file = 0.1%",
            "[rank-and-file]@0..13 =@14..15 [0.1%]@16..20",
        );
        check("d = 06/05/2014", "[d]@0..1 =@2..3 [06/05/2014]@4..14");
        check("d = 2014-05-06", "[d]@0..1 =@2..3 [2014-05-06]@4..14");
        check("d = 0.1 per cent", "[d]@0..1 =@2..3 [0.1 per cent]@4..16");
        // Without spaces `/` is part of a word: one atom, which the resolver will reject.
        check(
            "formal action/breaches = x",
            "[formal action/breaches]@0..22 =@23..24 [x]@25..26",
        );
        // `-b` is a word, not a subtraction.
        check("a -b = c", "[a -b]@0..4 =@5..6 [c]@7..8");
        check("a = b- c", "[a]@0..1 =@2..3 [b- c]@4..8");
    }

    #[test]
    fn atom_text_is_normalised_but_span_is_exact() {
        check(
            "most   senior\tofficer  =  x",
            "[most senior officer]@0..21 =@23..24 [x]@26..27",
        );
        check(
            "a\u{a0}b = Chief  Constable",
            "[a b]@0..4 =@5..6 [Chief Constable]@7..23",
        );
    }

    #[test]
    fn ranges() {
        check(
            "period = January 2009 .. October 2013",
            "[period]@0..6 =@7..8 (..@9..37 [January 2009]@9..21 [October 2013]@25..37)",
        );
        check(
            "x = 200..300",
            "[x]@0..1 =@2..3 (..@4..12 [200]@4..7 [300]@9..12)",
        );
        check("x = 3..5", "[x]@0..1 =@2..3 (..@4..8 [3]@4..5 [5]@7..8)");
        check(
            "x = a + b .. c * d",
            "[x]@0..1 =@2..3 (..@4..18 (+@4..9 [a]@4..5 [b]@8..9) (*@13..18 [c]@13..14 [d]@17..18))",
        );
        check("a .. b ~ c", "(..@0..6 [a]@0..1 [b]@5..6) ~@7..8 [c]@9..10");
    }

    #[test]
    fn quoted_literals() {
        check(
            "most senior officer != \"chief constable\"",
            "[most senior officer]@0..19 !=@20..22 \"chief constable\"@23..40",
        );
        check("x = \"\"", "[x]@0..1 =@2..3 \"\"@4..6");
        check(
            "x = \"a  + b\" + c",
            "[x]@0..1 =@2..3 (+@4..16 \"a  + b\"@4..12 [c]@15..16)",
        );
    }

    #[test]
    fn consensus() {
        check(
            "left the force = ?",
            "[left the force]@0..14 =@15..16 ?@17..18",
        );
        check(
            "left the force ~ ?  ",
            "[left the force]@0..14 ~@15..16 ?@17..18",
        );
    }

    #[test]
    fn tolerances() {
        // `±` is two bytes.
        check(
            "formal action / breaches ~ 2/3 ± 5%",
            "(/@0..24 [formal action]@0..13 [breaches]@16..24) ~@25..26 [2/3]@27..30 ±5%@31..36",
        );
        check(
            "share sacked ~ 20% +/- 0.05",
            "[share sacked]@0..12 ~@13..14 [20%]@15..18 ±0.05@19..27",
        );
        check("x ~ y ±10%", "[x]@0..1 ~@2..3 [y]@4..5 ±10%@6..11");
        check("x ≈ y+/-0.5", "[x]@0..1 ~@2..5 [y]@6..7 ±0.5@7..13");
        check("x ~ 2/3 +/- 0.05", "[x]@0..1 ~@2..3 [2/3]@4..7 ±0.05@8..16");
    }

    #[test]
    fn precedence_and_associativity() {
        check(
            "a + b * c - d = x",
            "(-@0..13 (+@0..9 [a]@0..1 (*@4..9 [b]@4..5 [c]@8..9)) [d]@12..13) =@14..15 [x]@16..17",
        );
        check(
            "a / b / c = x",
            "(/@0..9 (/@0..5 [a]@0..1 [b]@4..5) [c]@8..9) =@10..11 [x]@12..13",
        );
        check(
            "a - b - c = x",
            "(-@0..9 (-@0..5 [a]@0..1 [b]@4..5) [c]@8..9) =@10..11 [x]@12..13",
        );
    }

    #[test]
    fn parentheses_widen_spans_and_add_no_node() {
        check(
            "disciplined each year ~ breaches / period / (officers + staff + pcsos)",
            "[disciplined each year]@0..21 ~@22..23 \
             (/@24..70 (/@24..41 [breaches]@24..32 [period]@35..41) \
             (+@44..70 (+@45..61 [officers]@45..53 [staff]@56..61) [pcsos]@64..69))",
        );
        check(
            "(a + b) * c = x",
            "(*@0..11 (+@0..7 [a]@1..2 [b]@5..6) [c]@10..11) =@12..13 [x]@14..15",
        );
        check("x = ( a )", "[x]@0..1 =@2..3 [a]@4..9");
        check("x = ((a))", "[x]@0..1 =@2..3 [a]@4..9");
        check(
            "x = (1 .. 2) * y",
            "[x]@0..1 =@2..3 (*@4..16 (..@4..12 [1]@5..6 [2]@10..11) [y]@15..16)",
        );
    }

    #[test]
    fn nesting_up_to_the_limit_is_accepted() {
        let inner = format!("x = {}a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(parse_claim(&inner).is_ok());
        let chain = format!("x = a{}", " + a".repeat(MAX_DEPTH));
        assert!(parse_claim(&chain).is_ok());
    }
}
