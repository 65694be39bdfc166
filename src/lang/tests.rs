//! Error-case tests for `parse_claim`: each pins the exact span, message and, where it
//! matters to the claim writer, the help and the expected list.

use std::ops::Range;
use std::time::{Duration, Instant};

use super::{MAX_DEPTH, ParseError, parse_claim};

fn err(input: &str) -> ParseError {
    match parse_claim(input) {
        Ok(c) => panic!("{input:?} parsed as `{c}`, expected an error"),
        Err(e) => e,
    }
}

#[track_caller]
fn check(input: &str, span: Range<usize>, message: &str) -> ParseError {
    let e = err(input);
    assert_eq!(
        (e.span.clone(), e.message.as_str()),
        (span, message),
        "input: {input:?}"
    );
    e
}

const EXAMPLE_HELP: &str = "a claim compares two sides, as in `breaches = 300`";

#[test]
fn missing_relation_points_at_the_end() {
    let e = check(
        "breaches 300",
        12..12,
        "expected a relation (=, ~, <, >, <=, >=, !=) after `breaches 300`",
    );
    assert_eq!(e.help.as_deref(), Some(EXAMPLE_HELP));
    assert_eq!(
        e.expected,
        ["`=`", "`~`", "`<`", "`>`", "`<=`", "`>=`", "`!=`"]
    );
}

#[test]
fn missing_relation_points_at_what_was_found_instead() {
    check(
        "a ! b",
        2..3,
        "expected a relation (=, ~, <, >, <=, >=, !=) after `a`",
    );
    check(
        "(a) b = c",
        4..5,
        "expected a relation (=, ~, <, >, <=, >=, !=) after `(a)`",
    );
    check(
        "a ± 5% ~ b",
        2..4,
        "expected a relation (=, ~, <, >, <=, >=, !=) after `a`",
    );
}

#[test]
fn missing_left_side() {
    let e = check("= 300", 0..1, "expected a slot name or value before `=`");
    assert_eq!(e.expected, ["a slot name", "a value"]);
    assert_eq!(e.help.as_deref(), Some(EXAMPLE_HELP));
    check("  ≈ 300", 2..5, "expected a slot name or value before `≈`");
    check(") = 300", 0..1, "expected a slot name or value, found `)`");
}

#[test]
fn empty_claim() {
    check("", 0..0, "the claim is empty");
    check("   ", 3..3, "the claim is empty");
}

#[test]
fn missing_right_side() {
    let e = check(
        "breaches = ",
        11..11,
        "expected a value, a slot name or `?` after `=`",
    );
    assert_eq!(e.expected, ["a value", "a slot name", "`?`"]);
    check(
        "breaches ≥",
        12..12,
        "expected a value, a slot name or `?` after `≥`",
    );
    let e = check(
        "a == b",
        3..4,
        "expected a value, a slot name or `?` after `=`",
    );
    assert_eq!(e.help.as_deref(), Some("a claim has exactly one relation"));
}

#[test]
fn unclosed_parenthesis_points_at_the_opening() {
    let e = check(
        "a = (b + c",
        4..5,
        "expected `)` to close the parenthesis opened here",
    );
    assert_eq!(e.expected, ["`)`"]);
    assert_eq!(
        e.help.as_deref(),
        Some("the claim ends before the parenthesis is closed")
    );
    let e = check(
        "(a = b",
        0..1,
        "expected `)` to close the parenthesis opened here",
    );
    assert_eq!(
        e.help.as_deref(),
        Some("found `=` before the parenthesis was closed")
    );
    check(
        "a = ((b) + c",
        4..5,
        "expected `)` to close the parenthesis opened here",
    );
}

#[test]
fn unmatched_closing_parenthesis() {
    check("a = b)", 5..6, "this `)` has no matching `(`");
    check("a) = b", 1..2, "this `)` has no matching `(`");
}

#[test]
fn empty_parentheses() {
    let e = check("a = ()", 5..6, "expected a value or slot name after `(`");
    assert_eq!(
        e.help.as_deref(),
        Some("there is nothing between the parentheses")
    );
}

#[test]
fn second_relation() {
    let e = check("a = b = c", 6..7, "a claim has exactly one relation");
    assert_eq!(
        e.help.as_deref(),
        Some("write two claims instead, one for each comparison")
    );
    check("a < b ≤ c", 6..9, "a claim has exactly one relation");
    check("a ~ b ± 5% = c", 12..13, "a claim has exactly one relation");
    check("a = ? = c", 6..7, "a claim has exactly one relation");
}

#[test]
fn missing_operand_after_operator() {
    let e = check("a = b +", 7..7, "expected a value or slot name after `+`");
    assert_eq!(e.expected, ["a value", "a slot name"]);
    check("a = b + ", 8..8, "expected a value or slot name after `+`");
    check(
        "a = b * = c",
        8..9,
        "expected a value or slot name after `*`",
    );
    check("a = (b /)", 8..9, "expected a value or slot name after `/`");
    let e = check(
        "a = b - - c",
        8..9,
        "expected a value or slot name after `-`",
    );
    assert!(e.help.as_deref().is_some_and(|h| h.contains("`-5`")));
    check(
        "a = b .. ",
        9..9,
        "expected a value or slot name after `..`",
    );
}

#[test]
fn operator_where_a_value_is_expected() {
    check("+ a = b", 0..1, "expected a slot name or value, found `+`");
    let e = check(
        "a = - 5",
        4..5,
        "expected a value, a slot name or `?` after `=`",
    );
    assert!(e.help.as_deref().is_some_and(|h| h.contains("`-5`")));
}

#[test]
fn operators_need_spaces_when_glued_to_parentheses_or_quotes() {
    let e = check("a = (b)+ c", 7..8, "put a space on each side of `+`");
    assert_eq!(e.expected, ["a space"]);
    check("a = b +(c)", 6..7, "put a space on each side of `+`");
    check("a = \"b\"* c", 7..8, "put a space on each side of `*`");
    check(
        "a = b / \"c\" -\"d\"",
        12..13,
        "put a space on each side of `-`",
    );
}

#[test]
fn tolerance_needs_a_number() {
    // `±` is two bytes: `x` is at 9.
    let e = check("a ~ b ± x", 9..10, "expected a number after `±`");
    assert_eq!(e.expected, ["a number"]);
    check("a ~ b +/-", 9..9, "expected a number after `+/-`");
    check("a ~ b ± 5x", 9..11, "expected a number after `±`");
    check("a ~ b ± .5", 9..11, "expected a number after `±`");
    check("a ~ b ± 5.", 9..11, "expected a number after `±`");
    check("a ~ b ± -5", 9..11, "expected a number after `±`");
    check("a ~ b ± (5)", 9..10, "expected a number after `±`");
    let huge = format!("a ~ b ± {}", "9".repeat(400));
    check(&huge, 9..409, "this tolerance is too large");
}

#[test]
fn tolerance_only_with_approx() {
    let e = check("a = b ± 5%", 6..11, "a tolerance (±) only applies to `~`");
    assert_eq!(
        e.help.as_deref(),
        Some("use `~` for an approximate value, or remove the tolerance to keep `=`")
    );
    check(
        "a < b +/- 0.05",
        6..14,
        "a tolerance (±) only applies to `~`",
    );
    // A malformed tolerance in the wrong place: the sign alone is pointed at.
    check("a >= b ± x", 7..9, "a tolerance (±) only applies to `~`");
}

#[test]
fn tolerance_must_come_last_and_once() {
    check(
        "a ~ b ± 5% ± 3%",
        12..14,
        "a claim takes at most one tolerance",
    );
    let e = check("a ~ b ± 5 %", 11..12, "unexpected `%` after the tolerance");
    assert_eq!(
        e.help.as_deref(),
        Some("write the percent sign right after the number, as in `± 5%`")
    );
    check(
        "a ~ b ± 5% + c",
        12..13,
        "unexpected `+` after the tolerance",
    );
    check(
        "a ~ b ± 5 per cent",
        11..14,
        "unexpected `per` after the tolerance",
    );
}

#[test]
fn consensus_only_with_eq_or_approx() {
    let e = check("a < ?", 4..5, "`?` (consensus) only goes with `=` or `~`");
    assert_eq!(e.expected, ["a value", "a slot name"]);
    check("a != ?", 5..6, "`?` (consensus) only goes with `=` or `~`");
    check("a ≥ ?", 6..7, "`?` (consensus) only goes with `=` or `~`");
}

#[test]
fn consensus_is_the_whole_right_side() {
    check("a ~ ? ± 5%", 6..11, "`?` (consensus) takes no tolerance");
    check(
        "a = ? + 1",
        6..7,
        "`?` (consensus) can only be the whole right-hand side",
    );
    check(
        "a = ?b",
        5..6,
        "`?` (consensus) can only be the whole right-hand side",
    );
    check(
        "a = b + ?",
        8..9,
        "`?` (consensus) can only be the whole right-hand side",
    );
    check(
        "? = a",
        0..1,
        "`?` (consensus) can only be the whole right-hand side",
    );
    check(
        "a = (?)",
        5..6,
        "`?` (consensus) can only be the whole right-hand side",
    );
    let e = check("a = b ?", 6..7, "unexpected `?` after `b`");
    assert!(e.help.as_deref().is_some_and(|h| h.contains("`x = ?`")));
}

#[test]
fn unclosed_quote_points_at_the_opening() {
    let e = check(
        "a = \"chief constable",
        4..5,
        "expected `\"` to close the quote opened here",
    );
    assert_eq!(e.expected, ["`\"`"]);
    check(
        "\"a = b",
        0..1,
        "expected `\"` to close the quote opened here",
    );
}

#[test]
fn second_range_separator() {
    check("a = 1 .. 2 .. 3", 11..13, "a range has exactly two ends");
    check("1..2..3 = a", 4..6, "a range has exactly two ends");
}

#[test]
fn juxtaposed_parts() {
    let e = check("a = \"b\" c", 8..9, "unexpected `c` after `\"b\"`");
    assert_eq!(
        e.expected,
        ["an operator (+, -, *, /)", "`..`", "end of claim"]
    );
    let e = check("a ~ (b) (c)", 8..9, "unexpected `(` after `(b)`");
    assert_eq!(
        e.expected,
        [
            "an operator (+, -, *, /)",
            "`..`",
            "a tolerance (±)",
            "end of claim"
        ]
    );
    check("a = b \"c\"", 6..7, "unexpected `\"` after `b`");
    check("a = b !", 6..7, "unexpected `!` after `b`");
}

#[test]
fn deep_parentheses_fail_fast_without_overflowing() {
    let start = Instant::now();
    let input = "(".repeat(10_000);
    let e = check(
        &input,
        MAX_DEPTH..MAX_DEPTH + 1,
        "expression nested too deeply",
    );
    assert!(e.help.is_some());
    let input = format!("x = {}a{}", "(".repeat(10_000), ")".repeat(10_000));
    check(
        &input,
        MAX_DEPTH + 4..MAX_DEPTH + 5,
        "expression nested too deeply",
    );
    assert!(start.elapsed() < Duration::from_secs(2));
}

#[test]
fn long_operator_chains_are_limited_too() {
    let start = Instant::now();
    // `x = a + a + …`: the k-th `+` sits at byte 4k + 2.
    let input = format!("x = a{}", " + a".repeat(100_000));
    let k = MAX_DEPTH + 1;
    check(&input, 4 * k + 2..4 * k + 3, "expression nested too deeply");
    let input = format!("x = a{}", " .. a".repeat(3));
    check(&input, 11..13, "a range has exactly two ends");
    assert!(start.elapsed() < Duration::from_secs(2));
}

#[test]
fn huge_atoms_parse_in_linear_time() {
    let start = Instant::now();
    let words = "word ".repeat(20_000);
    let input = format!(
        "{words}= \"{}\" ~ {}",
        "q".repeat(100_000),
        " ".repeat(100_000)
    );
    assert!(parse_claim(&input).is_err());
    let input = format!("{words}= \"{}\"", "q".repeat(100_000));
    assert!(parse_claim(&input).is_ok());
    assert!(start.elapsed() < Duration::from_secs(5));
}

/// The examples of `docs/claim-language.md`, kept in step with it by hand.
#[test]
fn documented_examples() {
    for claim in [
        "most senior officer = detective chief inspector",
        "breaches = 300",
        "formal action + other outcomes = breaches",
        "formal action / breaches ~ two-thirds",
        "formal action / breaches ~ 2/3 ± 5%",
        "period = January 2009 .. October 2013",
        "officers ~ around 31,000",
        "disciplined each year ~ breaches / period / (officers + staff + pcsos)",
        "left the force = ?",
        "breaches > 250",
        "breaches <= 400",
        "most senior officer != \"chief constable\"",
        "share sacked ~ 20% +/- 0.05",
        "age ~ 18..24",
        "officers ~ ?",
        "x = -5",
    ] {
        assert!(parse_claim(claim).is_ok(), "{claim}");
    }
    check(
        "x = - 5",
        4..5,
        "expected a value, a slot name or `?` after `=`",
    );
    check("(a)+ b = c", 3..4, "put a space on each side of `+`");
    check(
        "share sacked = 20% ± 5%",
        19..24,
        "a tolerance (±) only applies to `~`",
    );
    check(
        "disciplined ~ breaches / (officers + staff",
        25..26,
        "expected `)` to close the parenthesis opened here",
    );
}
