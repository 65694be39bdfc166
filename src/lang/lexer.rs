//! Lexical pieces of the claim language, built from nom combinators: whitespace, words,
//! relation symbols, tolerance numbers, and the one-token lookahead the parser drives.
//!
//! Every parser here is run with `parse_complete`: a claim is always the whole input, and
//! nom 8's `Parser::parse` runs in streaming mode, where e.g. `tag("<=")` on `"<"` answers
//! `Incomplete` instead of failing over to `"<"`.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_while};
use nom::character::complete::{anychar, char, digit1, satisfy};
use nom::combinator::{eof, map, not, opt, recognize, value};
use nom::multi::many1_count;
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::ast::{BinOp, Relation};

type LexResult<'a, O> = IResult<&'a str, O, nom::error::Error<&'a str>>;

/// Characters that can never be part of a word, because each starts some other token.
const RESERVED: &[char] = &[
    '(', ')', '"', '=', '~', '<', '>', '?', '!', '≤', '≥', '≠', '≈', '±',
];

pub(super) fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !RESERVED.contains(&c)
}

/// Any run of whitespace, possibly empty. Unicode whitespace counts (a no-break space pasted
/// from an article must not end up inside a word).
pub(super) fn whitespace(i: &str) -> LexResult<'_, &str> {
    take_while(char::is_whitespace).parse_complete(i)
}

/// A maximal run of word characters, stopping before `..` (so `200..300` is a range) and
/// before `+/-` (the ASCII spelling of `±`, which, like `±`, never belongs to a word).
/// Whether the run is a word or a standalone operator is decided by [`token`].
pub(super) fn word_run(i: &str) -> LexResult<'_, &str> {
    recognize(many1_count(preceded(
        not(alt((tag(".."), tag("+/-")))),
        satisfy(is_word_char),
    )))
    .parse_complete(i)
}

pub(super) fn relation(i: &str) -> LexResult<'_, Relation> {
    // Two-character symbols first, so `<=` is not read as `<` followed by `=`.
    alt((
        value(Relation::Le, tag("<=")),
        value(Relation::Ge, tag(">=")),
        value(Relation::Ne, tag("!=")),
        value(Relation::Eq, tag("=")),
        value(Relation::Approx, tag("~")),
        value(Relation::Lt, tag("<")),
        value(Relation::Gt, tag(">")),
        value(Relation::Le, tag("≤")),
        value(Relation::Ge, tag("≥")),
        value(Relation::Ne, tag("≠")),
        value(Relation::Approx, tag("≈")),
    ))
    .parse_complete(i)
}

/// `digits ["." digits] ["%"]`, returning the number text and whether `%` followed.
pub(super) fn tolerance_amount(i: &str) -> LexResult<'_, (&str, bool)> {
    (
        recognize((digit1, opt((char('.'), digit1)))),
        map(opt(char('%')), |p| p.is_some()),
    )
        .parse_complete(i)
}

/// Contents of a quoted literal, `i` starting just after the opening `"`. Returns the
/// contents and whether a closing `"` was found (and consumed).
pub(super) fn quoted_body(i: &str) -> LexResult<'_, (&str, bool)> {
    (
        take_till(|c| c == '"'),
        map(opt(char('"')), |q| q.is_some()),
    )
        .parse_complete(i)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TokenKind {
    Word,
    /// A word that is exactly `+`, `-`, `*` or `/`.
    Op(BinOp),
    Relation(Relation),
    /// `..`
    RangeSep,
    /// `±` or `+/-`
    TolSign,
    Question,
    LParen,
    RParen,
    Quote,
    /// A character that starts no token: a `!` not followed by `=`.
    Stray,
    End,
}

fn classify_word(w: &str) -> TokenKind {
    match w {
        "+" => TokenKind::Op(BinOp::Add),
        "-" => TokenKind::Op(BinOp::Sub),
        "*" => TokenKind::Op(BinOp::Mul),
        "/" => TokenKind::Op(BinOp::Div),
        _ => TokenKind::Word,
    }
}

/// One token at the very start of `i` (no whitespace skipping). Never fails on non-empty
/// input: anything unrecognised becomes a one-character [`TokenKind::Stray`].
pub(super) fn token(i: &str) -> LexResult<'_, TokenKind> {
    alt((
        value(TokenKind::End, eof),
        map(relation, TokenKind::Relation),
        value(TokenKind::RangeSep, tag("..")),
        value(TokenKind::TolSign, alt((tag("±"), tag("+/-")))),
        value(TokenKind::Question, char('?')),
        value(TokenKind::LParen, char('(')),
        value(TokenKind::RParen, char(')')),
        value(TokenKind::Quote, char('"')),
        map(word_run, classify_word),
        value(TokenKind::Stray, anychar),
    ))
    .parse_complete(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(mut i: &str) -> Vec<(TokenKind, &str)> {
        let mut out = Vec::new();
        loop {
            let Ok((r, _)) = whitespace(i) else {
                panic!("whitespace never fails");
            };
            let Ok((r2, kind)) = token(r) else {
                panic!("token never fails");
            };
            if kind == TokenKind::End {
                return out;
            }
            out.push((kind, &r[..r.len() - r2.len()]));
            i = r2;
        }
    }

    #[test]
    fn words_keep_inner_punctuation() {
        for w in [
            "two-thirds",
            "2/3",
            "0.1%",
            "31,000",
            "£1.2m",
            "rank-and-file",
            "06/05/2014",
            "2014-05-06",
            "officer's",
            "$5bn",
            "action/breaches",
            "-b",
            "+5",
            "+/",
            ".5",
        ] {
            assert_eq!(word_run(w), Ok(("", w)), "{w}");
        }
    }

    #[test]
    fn words_stop_at_range_and_tolerance_and_reserved() {
        assert_eq!(word_run("200..300"), Ok(("..300", "200")));
        assert_eq!(word_run("3...5"), Ok(("...5", "3")));
        assert_eq!(word_run("2/3+/-5%"), Ok(("+/-5%", "2/3")));
        assert_eq!(word_run("x=y"), Ok(("=y", "x")));
        assert_eq!(word_run("5%)"), Ok((")", "5%")));
        assert_eq!(word_run("a b"), Ok((" b", "a")));
        assert_eq!(word_run("a\u{a0}b"), Ok(("\u{a0}b", "a")));
        assert!(word_run("..").is_err());
        assert!(word_run("+/-").is_err());
        assert!(word_run("").is_err());
    }

    #[test]
    fn relations_prefer_two_character_symbols() {
        assert_eq!(relation("<= 4"), Ok((" 4", Relation::Le)));
        assert_eq!(relation("<4"), Ok(("4", Relation::Lt)));
        assert_eq!(relation("!="), Ok(("", Relation::Ne)));
        assert_eq!(relation("≈"), Ok(("", Relation::Approx)));
        assert_eq!(relation("≠x"), Ok(("x", Relation::Ne)));
        assert!(relation("!").is_err());
    }

    #[test]
    fn standalone_operators_are_not_words() {
        use TokenKind::*;
        assert_eq!(
            tokens("a + b -c * (d) / 2/3 +/- 5% ! ?"),
            vec![
                (Word, "a"),
                (Op(BinOp::Add), "+"),
                (Word, "b"),
                (Word, "-c"),
                (Op(BinOp::Mul), "*"),
                (LParen, "("),
                (Word, "d"),
                (RParen, ")"),
                (Op(BinOp::Div), "/"),
                (Word, "2/3"),
                (TolSign, "+/-"),
                (Word, "5%"),
                (Stray, "!"),
                (Question, "?"),
            ]
        );
        assert_eq!(
            tokens("x..y\"q\"±≤"),
            vec![
                (Word, "x"),
                (RangeSep, ".."),
                (Word, "y"),
                (Quote, "\""),
                (Word, "q"),
                (Quote, "\""),
                (TolSign, "±"),
                (Relation(super::Relation::Le), "≤"),
            ]
        );
    }

    #[test]
    fn tolerance_amounts() {
        assert_eq!(tolerance_amount("5%"), Ok(("", ("5", true))));
        assert_eq!(tolerance_amount("0.05"), Ok(("", ("0.05", false))));
        assert_eq!(tolerance_amount("5."), Ok((".", ("5", false))));
        assert!(tolerance_amount(".5").is_err());
        assert!(tolerance_amount("x").is_err());
    }

    #[test]
    fn quoted_bodies() {
        assert_eq!(quoted_body("chief\" x"), Ok((" x", ("chief", true))));
        assert_eq!(quoted_body("\""), Ok(("", ("", true))));
        assert_eq!(quoted_body("open"), Ok(("", ("open", false))));
    }
}
