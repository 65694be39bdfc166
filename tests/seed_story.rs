//! The bundled corpus: the five real versions of the Met Police story. What a careful
//! fact-checker finds must be found, where it is, and nothing else.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::Value;

fn report() -> Value {
    let (code, json) = check_json(&repo(), &[]);
    assert_eq!(code, 1);
    json
}

/// (code, severity, version, line, column, text) of each finding.
fn findings(json: &Value) -> Vec<(String, String, String, u64, u64, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["version"].as_str().unwrap().to_string(),
                f["location"]["line"].as_u64().unwrap(),
                f["location"]["column"].as_u64().unwrap(),
                f["location"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn finding<'a>(json: &'a Value, text: &str) -> &'a Value {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["location"]["text"] == text)
        .unwrap()
}

/// (version, text) of a finding's related spans.
fn related(finding: &Value) -> Vec<(String, String)> {
    finding["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["version"].as_str().unwrap().to_string(),
                r["location"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The state of a claim in a version, and the texts of the mentions it rests on.
fn status(json: &Value, claim: &str, version: &str) -> (String, Vec<String>) {
    let status = json["stories"][0]["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["claim"] == claim && s["version"].as_str().unwrap().starts_with(version))
        .unwrap_or_else(|| panic!("no status for {claim} in {version}"));
    let texts = status["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["location"]["text"].as_str().unwrap().to_string())
        .collect();
    (status["state"].as_str().unwrap().to_string(), texts)
}

#[test]
fn the_real_discrepancies_are_found_and_nothing_else() {
    let json = report();
    let f = |code: &str, severity: &str, version: &str, line: u64, column: u64, text: &str| {
        (
            format!("wirecheck::{code}"),
            severity.to_string(),
            version.to_string(),
            line,
            column,
            text.to_string(),
        )
    };
    assert_eq!(
        findings(&json),
        [
            // David Davis: "police officers have used" (001, 003) against "officers have used"
            // in both HuffPost captures; a cut shows as the empty span where the word was.
            f("quote_altered", "warning", "000-huffpost-uk", 30, 31, ""),
            f(
                "quote_edited",
                "note",
                "001-london-aggregator",
                53,
                284,
                "f**k"
            ),
            f(
                "quote_edited",
                "note",
                "001-london-aggregator",
                59,
                10,
                "s earched"
            ),
            f(
                "quote_altered",
                "warning",
                "002-huffpost-uk-second-capture",
                33,
                31,
                ""
            ),
            f(
                "consensus_conflict",
                "warning",
                "003-independent",
                11,
                1,
                "Three"
            ),
            f(
                "consensus_conflict",
                "warning",
                "003-independent",
                31,
                234,
                "the night before"
            ),
            f(
                "value_conflict",
                "error",
                "003-independent",
                35,
                136,
                "detective chief constable"
            ),
            f("quote_edited", "note", "003-independent", 39, 75, "niggers"),
            // "the police hold on the public" for "that the police hold on members of the public".
            f("quote_altered", "warning", "003-independent", 41, 337, ""),
            // "The Metropolitan Police Service (MPS) treats" for "The MPS treats".
            f(
                "quote_altered",
                "warning",
                "003-independent",
                45,
                38,
                "Metropolitan Police Service"
            ),
        ]
    );
    assert!(json["problems"].as_array().unwrap().is_empty());
}

/// The finding of `code` in `version` at `line`.
fn finding_at<'a>(json: &'a Value, code: &str, version: &str, line: u64) -> &'a Value {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["code"] == format!("wirecheck::{code}")
                && f["version"] == version
                && f["location"]["line"] == line
        })
        .unwrap_or_else(|| panic!("no {code} in {version} at line {line}"))
}

/// (op, class, expected, found) of a quote finding's changes, equal runs left out.
fn changes(finding: &Value) -> Vec<(String, String, String, String)> {
    finding["quote"]["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|op| op["op"] != "equal")
        .map(|op| {
            let s = |k: &str| op[k].as_str().unwrap_or_default().to_string();
            (s("op"), s("class"), s("expected"), s("found"))
        })
        .collect()
}

#[test]
fn quote_findings_carry_their_word_diffs() {
    let json = report();
    let s = |x: &str| x.to_string();
    let davis = finding_at(&json, "quote_altered", "000-huffpost-uk", 30);
    assert_eq!(davis["claim"]["id"], "davis-quote");
    assert_eq!(davis["quote"]["speaker"], "David Davis");
    assert_eq!(
        changes(davis),
        [(s("delete"), s("substantive"), s("police"), s(""))]
    );
    assert_eq!(davis["expected"]["from"], "wording");
    assert_eq!(davis["expected"]["claim"], "davis-quote");
    assert_eq!(
        related(davis),
        [
            (s("001-london-aggregator"), s("which police officers")),
            (s("003-independent"), s("which police officers")),
        ]
    );

    let public = finding_at(&json, "quote_altered", "003-independent", 41);
    assert_eq!(
        changes(public),
        [
            (s("delete"), s("substantive"), s("that"), s("")),
            (s("delete"), s("substantive"), s("members of"), s("")),
        ]
    );
    // Two of three outlets: the HuffPost captures share a URL and count once.
    assert_eq!(public["expected"]["versions"], 2);
    assert_eq!(public["expected"]["of"], 3);
    assert_eq!(public["secondary"].as_array().unwrap().len(), 1);

    let spokesman = finding_at(&json, "quote_altered", "003-independent", 45);
    assert_eq!(spokesman["quote"]["speaker"], "A Met spokesman");
    let altered: Vec<_> = changes(spokesman)
        .into_iter()
        .filter(|c| c.1 == "substantive")
        .collect();
    assert_eq!(
        altered,
        [(
            s("insert"),
            s("substantive"),
            s(""),
            s("Metropolitan Police Service")
        )]
    );
    assert!(
        spokesman["quote"]["inline"]
            .as_str()
            .unwrap()
            .contains("{+Metropolitan Police Service+}")
    );
}

#[test]
fn censorship_typography_and_typos_in_quotes_are_notes_at_most() {
    let json = report();
    let s = |x: &str| x.to_string();
    let starred = finding_at(&json, "quote_edited", "001-london-aggregator", 53);
    // "…" against "..." and curly against straight marks are no change at all.
    assert_eq!(
        changes(starred),
        [(s("replace"), s("censorship"), s("fuck"), s("f**k"))]
    );
    let typo = finding_at(&json, "quote_edited", "001-london-aggregator", 59);
    assert_eq!(
        changes(typo),
        [(s("replace"), s("typo"), s("searched"), s("s earched"))]
    );
    let uncensored = finding_at(&json, "quote_edited", "003-independent", 39);
    assert_eq!(
        changes(uncensored),
        [(s("replace"), s("censorship"), s("n*****s"), s("niggers"))]
    );
}

#[test]
fn quotes_carried_by_one_version_or_never_closed_are_no_conflict() {
    let json = report();
    // Emma Carr is quoted in the Press Association copy only.
    assert_eq!(status(&json, "carr-quote", "001").0, "agrees");
    for version in ["000", "002", "003", "004"] {
        assert_eq!(status(&json, "carr-quote", version).0, "silent");
    }
    // The spokesman's last quote in 000 and 002 is never closed: it ends with its paragraph,
    // is aligned with the aggregator's closed one, and agrees.
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| { f["location"]["line"] != 68 || f["version"] != "000-huffpost-uk" })
    );
    assert_eq!(status(&json, "davis-quote", "001").0, "agrees");
    assert_eq!(status(&json, "davis-quote", "000").0, "conflicts");
    assert_eq!(status(&json, "davis-quote", "004").0, "silent");
}

#[test]
fn the_rank_conflict_relates_the_three_versions_that_say_detective_chief_inspector() {
    let json = report();
    let rank = finding(&json, "detective chief constable");
    assert_eq!(rank["claim"]["id"], "most-senior-officer");
    assert_eq!(
        rank["claim"]["location"]["path"],
        "claims/met-police-data-breaches.yaml"
    );
    assert_eq!(
        related(rank),
        [
            (
                "000-huffpost-uk".to_string(),
                "detective chief inspector".to_string()
            ),
            (
                "001-london-aggregator".to_string(),
                "detective chief inspector".to_string()
            ),
            (
                "002-huffpost-uk-second-capture".to_string(),
                "detective chief inspector".to_string()
            ),
        ]
    );
    let help = rank["help"][0].as_str().unwrap();
    assert!(
        help.starts_with("3 of 4 versions that mention it say “detective chief inspector”"),
        "{help}"
    );
    assert_eq!(
        rank["source"],
        "Met Police response to a Press Association freedom of information request, 6 May 2014"
    );
    assert_eq!(rank["found"]["display"], "detective chief constable");
    assert_eq!(rank["expected"]["text"], "detective chief inspector");
}

#[test]
fn the_consensus_conflicts_name_the_majority_value() {
    let json = report();
    let left = finding(&json, "Three");
    assert_eq!(left["expected"]["text"], "“both” (2)");
    assert_eq!(
        (
            left["expected"]["versions"].as_u64(),
            left["expected"]["of"].as_u64()
        ),
        (Some(3), Some(4))
    );
    assert!(related(left).iter().all(|(_, text)| text == "both"));
    let night = finding(&json, "the night before");
    assert!(
        related(night)
            .iter()
            .all(|(_, text)| text == "a few nights before")
    );
    assert_eq!(night["found"]["display"], "1 day before");
}

#[test]
fn the_facts_that_agree_are_seen_to_agree_and_silence_is_silence() {
    let json = report();
    let agrees = |claim: &str, versions: &[&str]| {
        for v in versions {
            assert_eq!(status(&json, claim, v).0, "agrees", "{claim} in {v}");
        }
    };
    agrees("breaches", &["000", "001", "002", "003", "004"]);
    agrees("formal-action", &["000", "001", "002", "004"]);
    agrees("other-outcomes", &["000", "001", "002", "004"]);
    agrees(
        "formal-action-other-outcomes-breaches",
        &["000", "001", "002", "004"],
    );
    agrees("formal-action-share", &["000", "001", "002", "004"]);
    agrees("formal-action-share-adds-up", &["000", "001", "002", "004"]);
    agrees("period", &["000", "001", "002", "004"]);
    agrees("staff", &["000", "001", "002", "004"]);
    agrees("pcsos", &["000", "001", "002", "004"]);
    agrees("most-senior-officer", &["000", "001", "002"]);
    // Loose but consistent: "around", "a fifth", "nearly five years", "a handful".
    assert_eq!(
        status(&json, "officers", "004"),
        ("vague".into(), vec!["around 31,000".into()])
    );
    assert_eq!(
        status(&json, "left-the-force-share", "004"),
        ("vague".into(), vec!["Around a fifth".into()])
    );
    assert_eq!(
        status(&json, "period", "003"),
        ("vague".into(), vec!["nearly five years".into()])
    );
    assert_eq!(status(&json, "journalist-cases", "000").0, "vague");
    // "just over 0.1 per cent" squares with 300 breaches over the period among ~46,600 staff.
    assert_eq!(status(&json, "disciplined-rate", "003").0, "vague");
    for (claim, version) in [
        ("formal-action", "003"),
        ("most-senior-officer", "004"),
        ("cab-driver-check", "004"),
        ("officers", "003"),
    ] {
        assert_eq!(
            status(&json, claim, version).0,
            "silent",
            "{claim} in {version}"
        );
    }
}

#[test]
fn another_officer_named_after_the_wrong_rank_does_not_make_the_independent_agree() {
    // "Det Ch Insp April Casburn", two sentences after "detective chief constable", is a
    // different officer: the only mention of the rank in 003 is the wrong one.
    let json = report();
    assert_eq!(
        status(&json, "most-senior-officer", "003"),
        ("conflicts".into(), vec!["detective chief constable".into()])
    );
}

#[test]
fn nothing_is_read_from_page_junk_or_from_numbers_of_other_things() {
    let json = report();
    let mentioned = mentioned(&json);
    for trap in [
        "scores of",
        "21",
        "2015",
        "15 months",
        "9.8",
        "2022",
        "two",
        "Hundreds",
        "Det Ch Insp",
        "special constable",
        "2009",
        "2011",
    ] {
        assert!(
            !mentioned
                .iter()
                .any(|m| m == trap || m.starts_with(&format!("{trap} "))),
            "{trap} was read as a mention: {mentioned:?}"
        );
    }
    // "31,000 officers,13,000 police staff" has no space after the comma and still parses.
    assert_eq!(
        status(&json, "staff", "001"),
        ("agrees".into(), vec!["13,000".into()])
    );
}

#[test]
fn the_graph_singles_out_the_independent_and_the_huffpost_quote() {
    let json = report();
    let graph = &json["stories"][0]["graph"];
    assert_eq!(
        graph["outliers"],
        serde_json::json!([
            "000-huffpost-uk",
            "002-huffpost-uk-second-capture",
            "003-independent"
        ])
    );
    assert_eq!(
        graph["clusters"][0],
        serde_json::json!(["001-london-aggregator", "004-bbc-news"])
    );
    let edges = |kind: &str| -> Vec<&Value> {
        graph["edges"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == kind)
            .collect()
    };
    let conflicts = edges("conflict");
    assert_eq!(
        conflicts.len(),
        9,
        "three claims, each against three versions"
    );
    assert!(conflicts.iter().all(|e| e["outlier"] == "003-independent"));
    // Davis's dropped word: each HuffPost capture against the two versions that keep it; the
    // Independent's two altered quotes against the three versions that keep them.
    let quotes = edges("quote");
    assert_eq!(quotes.len(), 10);
    assert_eq!(
        quotes
            .iter()
            .filter(|e| e["outlier"] == "003-independent")
            .count(),
        6
    );
    let independent = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["version"] == "003-independent")
        .unwrap();
    assert_eq!(independent["conflicts"], 5);
}

#[test]
fn a_new_conflicting_version_is_caught() {
    // Syndication drift the tool has never seen: a fresh outlet retypes two figures.
    let dir = bundled_copy();
    write(
        dir.path(),
        "corpus/met-police-data-breaches/005-evening-paper.txt",
        "---\noutlet: Evening Paper\npublished: 2014-05-07\n---\nMet data breaches\n\nThere were 350 breaches of data protection rules at the Metropolitan Police between January 2009 and October 2013, figures show.\n\nOf those, 208 were subject to formal action, while a detective superintendent committed offences under the Prevention of Corruption Act.\n",
    );
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(code, 1);
    let new: Vec<_> = findings(&json)
        .into_iter()
        .filter(|f| f.2 == "005-evening-paper")
        .collect();
    let s = |x: &str| x.to_string();
    // The sums that 350 spoils (208 + 92, 208 / 350) are not reported again.
    assert_eq!(
        new,
        [
            (
                s("wirecheck::value_conflict"),
                s("error"),
                s("005-evening-paper"),
                7,
                12,
                s("350")
            ),
            (
                s("wirecheck::value_conflict"),
                s("error"),
                s("005-evening-paper"),
                9,
                54,
                s("detective superintendent")
            ),
        ]
    );
}
