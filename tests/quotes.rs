//! Quote checking on stories nobody tuned the tool to: tests/fixtures/quote-council (a misquote,
//! a correct abridgement, a bracketed insertion, typography, multi-paragraph and unterminated
//! quotes; EXPECTED.md), tests/fixtures/review-quotes (three stories by an independent reviewer;
//! PLANTED.md), and small stories pinning each rule.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::Value;

/// (code, severity, version, line, column, text) of every finding.
fn findings(json: &Value) -> Vec<(String, String, String, u64, u64, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().replace("wirecheck::", ""),
                f["severity"].as_str().unwrap().to_string(),
                f["version"].as_str().unwrap_or("").to_string(),
                f["location"]["line"].as_u64().unwrap(),
                f["location"]["column"].as_u64().unwrap(),
                f["location"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn f(
    code: &str,
    severity: &str,
    version: &str,
    line: u64,
    column: u64,
    text: &str,
) -> (String, String, String, u64, u64, String) {
    (
        code.into(),
        severity.into(),
        version.into(),
        line,
        column,
        text.into(),
    )
}

/// The classes of a finding's changes, equal runs and typography left out.
fn classes(finding: &Value) -> Vec<String> {
    finding["quote"]["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|op| op["class"].as_str())
        .filter(|c| !matches!(*c, "typography" | "excerpt"))
        .map(str::to_string)
        .collect()
}

fn fixture_dir(name: &str) -> std::path::PathBuf {
    repo().join("tests/fixtures").join(name)
}

#[test]
fn the_council_story_has_one_misquote_and_three_marked_edits() {
    let (code, json) = check_json(&fixture_dir("quote-council"), &[]);
    assert_eq!(
        code, 0,
        "a warning does not fail the default --fail-on error"
    );
    assert!(json["problems"].as_array().unwrap().is_empty());
    assert_eq!(
        findings(&json),
        [
            f(
                "quote_edited",
                "note",
                "001-calderbrook-chronicle",
                33,
                175,
                "[the council]"
            ),
            f(
                "quote_edited",
                "note",
                "002-calderbrook-chronicle",
                34,
                175,
                "[the council]"
            ),
            f("quote_edited", "note", "003-daily-sentinel", 24, 96, "..."),
            f(
                "quote_altered",
                "warning",
                "003-daily-sentinel",
                28,
                134,
                "month"
            ),
        ]
    );
    let all = json["findings"].as_array().unwrap();
    assert_eq!(classes(&all[0]), ["bracketed"]);
    assert_eq!(classes(&all[2]), ["elision"]);
    assert_eq!(classes(&all[3]), ["substantive"]);
    // Okafor's words: "week" in the aggregator and the Chronicle (one outlet, two captures).
    assert_eq!(all[3]["claim"]["id"], "okafor-quote");
    assert_eq!(all[3]["expected"]["versions"], 2);
    assert_eq!(all[3]["expected"]["of"], 3);
    let related: Vec<&str> = all[3]["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["version"].as_str().unwrap())
        .collect();
    assert_eq!(
        related,
        [
            "000-northern-news-hub",
            "001-calderbrook-chronicle",
            "002-calderbrook-chronicle"
        ]
    );
    let (code, _) = check_json(&fixture_dir("quote-council"), &["--fail-on", "warning"]);
    assert_eq!(code, 1);
}

#[test]
fn the_council_story_quote_claims_have_a_state_in_every_version() {
    let (_, json) = check_json(&fixture_dir("quote-council"), &[]);
    let states = |claim: &str| -> Vec<String> {
        json["stories"][0]["statuses"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["claim"] == claim)
            .map(|s| s["state"].as_str().unwrap().to_string())
            .collect()
    };
    // Tennant's claim skips words with "..." across a sentence break; every version agrees.
    assert_eq!(states("tennant-quote"), ["agrees"; 4]);
    assert_eq!(
        states("okafor-quote"),
        ["agrees", "agrees", "agrees", "conflicts"]
    );
    // Marked edits (the elision, the brackets) are no conflict.
    assert_eq!(states("rimmer-quote"), ["agrees"; 4]);
}

#[test]
fn three_reviewed_stories_give_exactly_the_planted_quote_findings() {
    let (code, json) = check_json(&fixture_dir("review-quotes"), &[]);
    assert_eq!(code, 0);
    assert!(json["problems"].as_array().unwrap().is_empty());
    assert_eq!(
        findings(&json),
        [
            // A1: "Gary Pell has given everything" — the surname slipped inside the marks.
            f(
                "quote_altered",
                "warning",
                "001-ashby-evening-post",
                22,
                35,
                "Pell"
            ),
            // A4: "a lot better" for "far better".
            f(
                "quote_altered",
                "warning",
                "001-ashby-evening-post",
                28,
                91,
                "a lot"
            ),
            // A2: the captain's words given to the caretaker manager.
            f(
                "quote_misattributed",
                "warning",
                "002-national-post",
                28,
                1,
                "Assistant manager Neil Cardew"
            ),
            // A3: censorship.
            f(
                "quote_edited",
                "note",
                "004-midlands-football-digest",
                35,
                6,
                "fucking"
            ),
            // C2: "or video" dropped from an unclaimed quote.
            f(
                "quote_altered",
                "warning",
                "001-marshire-evening-telegraph",
                32,
                182,
                ""
            ),
            // C1: the prosecutor's words given to the judge.
            f(
                "quote_misattributed",
                "warning",
                "002-daily-meridian",
                23,
                1,
                "Judge Philippa Crane"
            ),
            // C3: a marked cut under a claim of severity error stays a note.
            f("quote_edited", "note", "002-daily-meridian", 25, 54, "..."),
            // C4: a split word.
            f(
                "quote_edited",
                "note",
                "004-roadsafe-weekly",
                46,
                5,
                "sen tence"
            ),
            // B2: "dramatically" added.
            f(
                "quote_altered",
                "warning",
                "001-northfield-gazette",
                22,
                154,
                "dramatically"
            ),
            // B1: "fairly" dropped.
            f(
                "quote_altered",
                "warning",
                "002-daily-meridian",
                29,
                129,
                ""
            ),
            // B3: a cut marked "[...]".
            f(
                "quote_edited",
                "note",
                "003-healthline-daily",
                36,
                158,
                "[...]"
            ),
            // B4: "everthing".
            f(
                "quote_edited",
                "note",
                "004-northern-evening-echo",
                53,
                1,
                "everthing"
            ),
        ]
    );
}

const QUOTE_CLAIMS: &str =
    "slots:\n  fine: { kind: money, near: [fined] }\nclaims:\n  - fine = £2,000\n";

#[test]
fn a_quote_only_marked_edits_touch_never_fails_a_build() {
    let (code, json) = story_json(
        QUOTE_CLAIMS,
        &[
            (
                "a",
                "The firm was fined £2,000 on Monday.\n\nThe site manager, Dan Hollis, said: \"It was a bloody stupid mistake and we are sorry for it.\"",
            ),
            (
                "b",
                "The firm was fined £2,000 on Monday.\n\nSite manager Dan Hollis said: “It was a b****y stupid mistake and we are sorry for it.”",
            ),
            (
                "c",
                "The firm was fined £2,000 on Monday.\n\nSite manager Dan Hollis said: \"It was a bloody stupid mistake ... \"",
            ),
        ],
    );
    assert_eq!(code, 0);
    let found: Vec<_> = findings(&json)
        .into_iter()
        .map(|f| (f.0, f.1, f.2))
        .collect();
    assert_eq!(
        found,
        [(
            "quote_edited".to_string(),
            "note".to_string(),
            "b".to_string()
        )]
    );
    let (code, _) = story_json(
        QUOTE_CLAIMS,
        &[
            (
                "a",
                "The firm was fined £2,000 on Monday.\n\nSite manager Dan Hollis said: \"It was a bloody stupid mistake and we are sorry for it.\"",
            ),
            (
                "b",
                "The firm was fined £2,000 on Monday.\n\nSite manager Dan Hollis said: “It was a b****y stupid mistake and we are sorry for it.”",
            ),
        ],
    );
    assert_eq!(code, 0);
}

#[test]
fn a_quote_split_over_paragraphs_matches_the_same_quote_run_together() {
    let (_, json) = story_json(
        QUOTE_CLAIMS,
        &[
            (
                "a",
                "The firm was fined £2,000 on Monday.\n\nJudge Ann Price said: \"This was a serious breach of the rules.\n\n\"Workers were put at risk every single day.\"",
            ),
            (
                "b",
                "The firm was fined £2,000 on Monday.\n\nJudge Ann Price said: \"This was a serious breach of the rules. Workers were put at risk every single day.\"",
            ),
            (
                "c",
                "The firm was fined £2,000 on Monday.\n\n\"Workers were put at risk every single day,\" Judge Price said.",
            ),
        ],
    );
    assert_eq!(findings(&json), []);
}

#[test]
fn words_dropped_without_a_mark_are_a_warning_with_the_established_wording() {
    let (code, json) = story_json(
        QUOTE_CLAIMS,
        &[
            (
                "a",
                "The firm was fined £2,000 on Monday.\n\nJudge Ann Price said: \"I do not accept that this was an accident.\"",
            ),
            (
                "b",
                "The firm was fined £2,000 on Monday.\n\nJudge Ann Price said: “I do not accept that this was an accident.”",
            ),
            (
                "c",
                "The firm was fined £2,000 on Monday.\n\nJudge Ann Price said: \"I do accept that this was an accident.\"",
            ),
        ],
    );
    assert_eq!(code, 0, "an unclaimed quote's alteration is a warning");
    assert_eq!(
        findings(&json),
        [f("quote_altered", "warning", "c", 7, 29, "")]
    );
    let finding = &json["findings"][0];
    assert_eq!(
        finding["expected"]["text"],
        "I do not accept that this was an accident."
    );
    assert_eq!(finding["quote"]["speaker"], "Ann Price");
    assert!(finding["message"].as_str().unwrap().contains("drops “not”"));
}

#[test]
fn a_claimed_quote_takes_the_claims_severity_and_wording() {
    let claims = format!(
        "{QUOTE_CLAIMS}  - id: price-quote\n    quote: {{ speaker: Ann Price, text: \"I do not accept that this was an accident.\" }}\n    severity: error\n"
    );
    // Two outlets against one: the claim, not the majority, is the wording.
    let (code, json) = story_json(
        &claims,
        &[
            (
                "a",
                "The firm was fined £2,000 on Monday.\n\nJudge Ann Price said: \"I do not accept that this was an accident.\"",
            ),
            (
                "b",
                "The firm was fined £2,000 on Monday.\n\nMs Price said: “I cannot accept that this was an accident.”",
            ),
            (
                "c",
                "The firm was fined £2,000 on Monday.\n\nJudge Price said: \"I cannot accept that this was an accident.\"",
            ),
        ],
    );
    assert_eq!(code, 1);
    let found: Vec<_> = findings(&json)
        .into_iter()
        .map(|f| (f.0, f.1, f.2))
        .collect();
    assert_eq!(
        found,
        [
            ("quote_altered".into(), "error".into(), "b".into()),
            ("quote_altered".into(), "error".into(), "c".into()),
        ]
    );
    assert_eq!(state(&json, "price-quote", "a").0, "agrees");
    assert_eq!(state(&json, "price-quote", "b").0, "conflicts");
}

#[test]
fn a_quote_claim_no_version_quotes_is_unmatched() {
    let claims = format!(
        "{QUOTE_CLAIMS}  - quote: {{ speaker: Ann Price, text: \"We will appeal against this decision.\" }}\n  - quote: {{ speaker: Tom Baxter }}\n"
    );
    let (_, json) = story_json(
        &claims,
        &[
            (
                "a",
                "The firm was fined £2,000 on Monday.\n\nJudge Ann Price said: \"I do not accept that this was an accident.\"",
            ),
            (
                "b",
                "The firm was fined £2,000 on Monday.\n\nJudge Ann Price said: \"I do not accept that this was an accident.\"",
            ),
        ],
    );
    let messages: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "no version quotes these words",
            "no version quotes Tom Baxter"
        ]
    );
}

#[test]
fn a_quote_given_to_a_pronoun_is_not_called_misattributed() {
    // "He said" after another man is named reads as his; the words are still compared.
    let (_, json) = story_json(
        QUOTE_CLAIMS,
        &[
            (
                "a",
                "The firm was fined £2,000 on Monday.\n\nProsecutor Mark Dunne said the company had ignored warnings.\n\nJudge Ann Price said: \"The warnings were ignored for months on end by everyone.\"",
            ),
            (
                "b",
                "The firm was fined £2,000 on Monday.\n\nProsecutor Mark Dunne said the company had ignored warnings.\n\nHe said: \"The warnings were ignored for months on end by everyone.\"",
            ),
            (
                "c",
                "The firm was fined £2,000 on Monday.\n\nJudge Ann Price said: \"The warnings were ignored for months on end by everyone.\"",
            ),
        ],
    );
    assert_eq!(findings(&json), []);
}

#[test]
fn the_same_words_given_to_another_named_person_are_misattributed_once() {
    let (_, json) = story_json(
        QUOTE_CLAIMS,
        &[
            (
                "a",
                "The firm was fined £2,000 on Monday.\n\nJudge Ann Price said: \"The warnings were ignored for months. Nobody listened to the staff.\"",
            ),
            (
                "b",
                "The firm was fined £2,000 on Monday.\n\nJudge Ann Price said: \"The warnings were ignored for months. Nobody listened to the staff.\"",
            ),
            (
                "c",
                "The firm was fined £2,000 on Monday.\n\nProsecutor Mark Dunne said: \"The warnings were ignored for months. Nobody listened to the staff.\"",
            ),
        ],
    );
    assert_eq!(
        findings(&json),
        [f(
            "quote_misattributed",
            "warning",
            "c",
            7,
            1,
            "Prosecutor Mark Dunne"
        )]
    );
    assert_eq!(
        json["findings"][0]["message"],
        "c gives Ann Price's words to Mark Dunne"
    );
}

#[test]
fn scare_quotes_and_one_word_quotes_are_not_compared() {
    let (_, json) = story_json(
        QUOTE_CLAIMS,
        &[
            (
                "a",
                "The firm was fined £2,000 on Monday for what the judge called \"reckless\" conduct and \"formal action\" followed.",
            ),
            (
                "b",
                "The firm was fined £2,000 on Monday for what the judge called \"careless\" conduct and \"disciplinary action\" followed.",
            ),
        ],
    );
    assert_eq!(findings(&json), []);
}
