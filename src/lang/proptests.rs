//! Property tests: printing and parsing are inverse, and no input string makes the parser
//! panic, hang or report a span outside the input.

use proptest::prelude::*;

use super::{BinOp, Claim, Expr, ExprKind, Relation, Rhs, Tolerance, parse_claim};

/// Words that can never be operators or contain `..` or `+/-`: they start with a letter and
/// contain no `.` or `+`.
fn word() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9'%/-]{0,8}"
}

fn atom() -> impl Strategy<Value = Expr> {
    prop::collection::vec(word(), 1..4).prop_map(|ws| Expr::new(ExprKind::Atom(ws.join(" ")), 0..0))
}

fn quoted() -> impl Strategy<Value = Expr> {
    "[a-zA-Z0-9 ,.'+*/()=~?±-]{0,12}".prop_map(|s| Expr::new(ExprKind::Quoted(s), 0..0))
}

fn bin_op() -> impl Strategy<Value = BinOp> {
    prop_oneof![
        Just(BinOp::Add),
        Just(BinOp::Sub),
        Just(BinOp::Mul),
        Just(BinOp::Div)
    ]
}

fn relation() -> impl Strategy<Value = Relation> {
    prop_oneof![
        Just(Relation::Eq),
        Just(Relation::Approx),
        Just(Relation::Lt),
        Just(Relation::Le),
        Just(Relation::Gt),
        Just(Relation::Ge),
        Just(Relation::Ne),
    ]
}

/// Arithmetic trees of depth at most 5.
fn arithmetic() -> impl Strategy<Value = Expr> {
    prop_oneof![4 => atom(), 1 => quoted()].prop_recursive(5, 32, 2, |inner| {
        prop_oneof![
            4 => (bin_op(), inner.clone(), inner.clone()).prop_map(|(op, l, r)| Expr::new(
                ExprKind::Binary {
                    op,
                    lhs: Box::new(l),
                    rhs: Box::new(r)
                },
                0..0
            )),
            // Occasionally a range inside an operand, which must be printed in parentheses.
            1 => (inner.clone(), inner).prop_map(|(lo, hi)| range(lo, hi)),
        ]
    })
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

/// A side of a claim: an arithmetic tree, optionally as the two ends of a range.
fn side() -> impl Strategy<Value = Expr> {
    (arithmetic(), prop::option::weighted(0.25, arithmetic())).prop_map(|(lo, hi)| match hi {
        Some(hi) => range(lo, hi),
        None => lo,
    })
}

fn tolerance() -> impl Strategy<Value = Tolerance> {
    (0u32..10_000, 0u32..1000, any::<bool>()).prop_map(|(whole, thousandths, percent)| Tolerance {
        amount: f64::from(whole) + f64::from(thousandths) / 1000.0,
        percent,
        span: 0..0,
    })
}

fn claim() -> impl Strategy<Value = Claim> {
    (
        side(),
        relation(),
        prop::option::weighted(0.85, side()),
        prop::option::of(tolerance()),
    )
        .prop_map(|(lhs, relation, rhs, tolerance)| {
            let consensus_allowed = matches!(relation, Relation::Eq | Relation::Approx);
            let rhs = match rhs {
                Some(e) => Rhs::Expr(e),
                None if consensus_allowed => Rhs::Consensus { span: 0..0 },
                None => Rhs::Expr(Expr::new(ExprKind::Atom("x".into()), 0..0)),
            };
            let tolerance_allowed = relation == Relation::Approx && matches!(rhs, Rhs::Expr(_));
            Claim {
                lhs,
                relation,
                relation_span: 0..0,
                rhs,
                tolerance: tolerance.filter(|_| tolerance_allowed),
            }
        })
}

/// Every atom's span, read back from the source, has the atom's words; every quoted span
/// is the literal with its quotes; every child lies within its parent.
fn check_spans(src: &str, e: &Expr) -> Result<(), TestCaseError> {
    let text = src.get(e.span.clone());
    prop_assert!(text.is_some(), "span {:?} out of bounds", e.span);
    let text = text.unwrap_or_default();
    match &e.kind {
        ExprKind::Atom(words) => {
            let trimmed = text.trim_matches(is_paren_or_space);
            let normalised = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(&normalised, words);
        }
        ExprKind::Quoted(s) => {
            let trimmed = text.trim_matches(is_paren_or_space);
            prop_assert_eq!(trimmed, format!("\"{s}\""));
        }
        ExprKind::Binary { lhs: a, rhs: b, .. } | ExprKind::Range { lo: a, hi: b } => {
            for child in [a, b] {
                prop_assert!(e.span.start <= child.span.start && child.span.end <= e.span.end);
                check_spans(src, child)?;
            }
        }
    }
    Ok(())
}

/// Rewrites a canonical claim into an equivalent spelling: each space outside quotes becomes
/// some other whitespace run, and optionally relations, `±` and `..` use their other forms.
fn respell(printed: &str, spaces: &[&str], unicode: bool, glue: bool) -> String {
    let mut out = String::new();
    let mut in_quote = false;
    let mut k = 0;
    let mut rest = printed;
    while let Some(c) = rest.chars().next() {
        let swaps: &[(&str, &str)] = &[
            (" .. ", if glue { ".." } else { " .. " }),
            ("<=", if unicode { "≤" } else { "<=" }),
            (">=", if unicode { "≥" } else { ">=" }),
            ("!=", if unicode { "≠" } else { "!=" }),
            ("~", if unicode { "≈" } else { "~" }),
            ("±", if unicode { "+/-" } else { "±" }),
        ];
        let swap = swaps
            .iter()
            .find(|(from, _)| !in_quote && rest.starts_with(from));
        if let Some((from, to)) = swap {
            out.push_str(to);
            rest = &rest[from.len()..];
            continue;
        }
        if c == '"' {
            in_quote = !in_quote;
        }
        if c == ' ' && !in_quote && !spaces.is_empty() {
            out.push_str(spaces[k % spaces.len()]);
            k += 1;
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn is_paren_or_space(c: char) -> bool {
    c == '(' || c == ')' || c.is_whitespace()
}

fn check_claim_spans(src: &str, c: &Claim) -> Result<(), TestCaseError> {
    check_spans(src, &c.lhs)?;
    let rhs_span = c.rhs.span();
    prop_assert!(c.lhs.span.end <= c.relation_span.start);
    prop_assert!(c.relation_span.end <= rhs_span.start);
    match &c.rhs {
        Rhs::Expr(e) => check_spans(src, e)?,
        Rhs::Consensus { span } => prop_assert_eq!(src.get(span.clone()), Some("?")),
    }
    if let Some(t) = &c.tolerance {
        prop_assert!(rhs_span.end <= t.span.start && t.span.end <= src.len());
    }
    Ok(())
}

/// Strings dense in the language's own symbols, so random inputs get past the first token.
fn symbol_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just(" ".to_string()),
            Just(" + ".to_string()),
            Just(" - ".to_string()),
            Just(" * ".to_string()),
            Just(" / ".to_string()),
            Just(" .. ".to_string()),
            Just("..".to_string()),
            Just(" ± ".to_string()),
            Just("+/-".to_string()),
            Just("%".to_string()),
            Just("\"".to_string()),
            "[()=~<>?!≤≥≠≈]",
            "[a-c0-9.,/%£-]{1,4}",
            "[ \t\u{a0}]",
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

/// One side of a claim-shaped string: words, operators with and without spaces, ranges,
/// parentheses (balanced or not) and quotes, so that a good share of them parse.
fn side_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            10 => "[a-c0-9][a-c0-9.,/%£'-]{0,4}",
            4 => Just(" ".to_string()),
            1 => Just("  ".to_string()),
            1 => Just("\u{a0}".to_string()),
            4 => prop::sample::select(vec![" + ", " - ", " * ", " / "]).prop_map(String::from),
            1 => prop::sample::select(vec!["+", "-", "*", "/"]).prop_map(String::from),
            1 => prop::sample::select(vec!["..", " .. ", "..."]).prop_map(String::from),
            1 => prop::sample::select(vec!["(", ")", "( ", " )"]).prop_map(String::from),
            1 => "\"[a-c ]{0,3}\"",
        ],
        1..10,
    )
    .prop_map(|parts| parts.concat())
}

fn claim_soup() -> impl Strategy<Value = String> {
    (
        side_soup(),
        prop::sample::select(vec![
            "=", " = ", " ~ ", "~", " ≈ ", " < ", " <= ", " ≤ ", " > ", " >= ", " ≥ ", " != ",
            " ≠ ",
        ]),
        prop_oneof![4 => side_soup(), 1 => Just("?".to_string())],
        prop::option::of((
            "[ ]{0,2}",
            prop::sample::select(vec!["±", "+/-"]),
            "[ ]{0,2}",
            "[0-9]{1,3}(\\.[0-9]{1,2})?%?",
        )),
    )
        .prop_map(|(lhs, rel, rhs, tol)| {
            let tol = tol
                .map(|(a, sign, b, n)| format!("{a}{sign}{b}{n}"))
                .unwrap_or_default();
            format!("{lhs}{rel}{rhs}{tol}")
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn printed_ast_parses_back_to_itself(c in claim()) {
        let printed = c.to_string();
        let parsed = parse_claim(&printed).map_err(|e| {
            TestCaseError::fail(format!("{printed:?} failed: {e:?}"))
        })?;
        prop_assert_eq!(parsed.strip_spans(), c.strip_spans(), "printed: {}", printed);
        check_claim_spans(&printed, &parsed)?;
        prop_assert_eq!(parsed.to_string(), printed);
    }

    #[test]
    fn respelled_claims_parse_to_the_same_tree(
        c in claim(),
        spaces in prop::collection::vec(
            prop::sample::select(vec![" ", "  ", "\t", "\u{a0}", " \n "]),
            0..8,
        ),
        unicode in any::<bool>(),
        glue in any::<bool>(),
    ) {
        let printed = c.to_string();
        let respelled = respell(&printed, &spaces, unicode, glue);
        let parsed = parse_claim(&respelled).map_err(|e| {
            TestCaseError::fail(format!("{respelled:?} failed: {e:?}"))
        })?;
        prop_assert_eq!(parsed.strip_spans(), c.strip_spans(), "respelled: {:?}", respelled);
        check_claim_spans(&respelled, &parsed)?;
        prop_assert_eq!(parsed.to_string(), printed);
    }

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        if let Err(e) = parse_claim(&s) {
            prop_assert!(e.span.start <= e.span.end && e.span.end <= s.len());
            prop_assert!(s.is_char_boundary(e.span.start) && s.is_char_boundary(e.span.end));
            prop_assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn symbol_soup_never_panics(s in symbol_soup()) {
        if let Err(e) = parse_claim(&s) {
            prop_assert!(e.span.start <= e.span.end && e.span.end <= s.len());
            prop_assert!(s.is_char_boundary(e.span.start) && s.is_char_boundary(e.span.end));
        }
    }

    #[test]
    fn deep_and_unbalanced_parentheses_never_panic(
        open in 0usize..300,
        close in 0usize..300,
        middle in "[a ]{0,3}",
        op in prop::sample::select(vec!["", " + x", " .. y", " * (z"]),
    ) {
        let s = format!("x = {}{middle}{op}{}", "(".repeat(open), ")".repeat(close));
        let result = parse_claim(&s);
        if open > super::MAX_DEPTH {
            prop_assert!(result.is_err());
        }
        if open == close && open <= super::MAX_DEPTH && middle.trim() == "a" && op.is_empty() {
            prop_assert!(result.is_ok());
        }
    }
}

// Only a few percent of claim-shaped strings parse, so this property gets more cases.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn claim_shaped_strings_print_to_a_fixpoint(s in claim_soup()) {
        match parse_claim(&s) {
            Err(e) => {
                prop_assert!(e.span.start <= e.span.end && e.span.end <= s.len());
                prop_assert!(s.is_char_boundary(e.span.start) && s.is_char_boundary(e.span.end));
            }
            Ok(c) => {
                check_claim_spans(&s, &c)?;
                let printed = c.to_string();
                let reparsed = parse_claim(&printed).map_err(|e| {
                    TestCaseError::fail(format!("{printed:?} failed: {e:?}"))
                })?;
                prop_assert_eq!(reparsed.to_string(), printed);
                prop_assert_eq!(reparsed.strip_spans(), c.strip_spans());
            }
        }
    }
}
