//! The second story, tests/fixtures/harbour-fire: an invented wire story written from the
//! claim-file format alone, with three planted discrepancies and many traps (EXPECTED.md).
//! It proves the machinery on something other than the seed articles.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::Value;

fn report() -> Value {
    let (code, json) = check_json(&fixture(), &[]);
    assert_eq!(code, 1, "three errors fail the default --fail-on error");
    json
}

#[test]
fn the_three_planted_discrepancies_and_the_missing_front_matter() {
    let json = report();
    let findings: Vec<(&str, &str, &str, u64, u64, &str)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["version"].as_str().unwrap(),
                f["location"]["line"].as_u64().unwrap(),
                f["location"]["column"].as_u64().unwrap(),
                f["location"]["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        findings,
        [
            (
                "wirecheck::value_conflict",
                "error",
                "001-kestermouth-mercury",
                38,
                1,
                "GM"
            ),
            (
                "wirecheck::value_conflict",
                "error",
                "003-eastern-daily-gazette",
                19,
                29,
                "60"
            ),
            (
                "wirecheck::value_conflict",
                "error",
                "004-wold-valley-radio",
                14,
                80,
                "about three hours"
            ),
        ]
    );
    let problems = json["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0]["code"],
        "wirecheck::corpus::missing_front_matter"
    );
    assert_eq!(problems[0]["severity"], "note");
    assert_eq!(
        problems[0]["path"],
        "corpus/kestermouth-harbour-fire/004-wold-valley-radio.txt"
    );
}

#[test]
fn vague_figures_are_not_counted_on_either_side() {
    // "Dozens of firefighters" fits both 80 and 60: it is related as agreeing with the claim
    // (it does not contradict it) but is never the outlier.
    let json = report();
    let count = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["location"]["text"] == "60")
        .unwrap();
    let related: Vec<&str> = count["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["location"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(related, ["80", "80", "Dozens", "Around 80"]);
    let help: Vec<&str> = count["help"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap())
        .collect();
    assert!(
        help[0].starts_with("2 of 5 versions that mention it say “80”"),
        "{help:?}"
    );
    assert_eq!(
        help[1],
        "a looser figure that fits it: The Daily Courier (002-daily-courier), wold valley radio (004-wold-valley-radio)"
    );
    assert_eq!(
        count["source"],
        "Wealdshire Fire and Rescue Service and Harwell Bulk Storage statements, via Press Association, 14 March 2023"
    );
}

/// EXPECTED.md's grid: A agrees, V vague, A/V either, S silent, C conflicts.
#[test]
fn the_claims_by_versions_grid() {
    let json = report();
    let grid = [
        ("officer-in-charge", ["A", "C", "A", "A", "A"]),
        ("fire-investigator", ["A", "A", "S", "A", "S"]),
        ("service-head", ["A", "A", "A", "A", "S"]),
        ("harbour-board-chief", ["A", "A", "A", "A", "S"]),
        ("iqbal-office", ["A", "A", "A", "S", "S"]),
        ("resident-age", ["A", "S", "A", "A", "S"]),
        ("firefighters", ["A", "A", "V", "C", "A/V"]),
        ("fire-engines", ["A", "A", "V", "A", "A"]),
        ("fire-stations", ["A", "A", "S", "A", "S"]),
        ("outbreak-date", ["A", "A", "A", "A", "S"]),
        ("time-to-control", ["A", "A", "A", "A", "C"]),
        ("earlier-skip-fire", ["A", "A", "A", "S", "S"]),
        ("evacuated", ["A/V", "A/V", "A", "A/V", "V"]),
        ("smoke-inhalation", ["A", "A", "A", "A", "A"]),
        ("feed-stored", ["A/V", "A", "A", "A/V", "S"]),
        ("feed-destroyed", ["A/V", "A/V", "V", "A/V", "S"]),
        ("feed-saved", ["A/V", "A/V", "A/V", "S", "S"]),
        ("feed-saved-share", ["A/V", "A/V", "A/V", "S", "S"]),
        ("damage", ["A", "A", "A/V", "A", "V"]),
        // Quotes: every difference is typography or excerpting; a paraphrase is silence.
        ("holt-quote", ["A", "A", "A", "A", "A"]),
        ("nair-quote", ["A", "A", "S", "A", "S"]),
        ("greaves-quote", ["A", "S", "A", "A", "S"]),
        ("iqbal-quote", ["A", "A", "A", "S", "S"]),
        ("marlow-quote", ["A", "S", "A", "A", "S"]),
    ];
    let versions = ["000", "001", "002", "003", "004"];
    let statuses = json["stories"][0]["statuses"].as_array().unwrap();
    let mut wrong = Vec::new();
    for (claim, expected) in grid {
        for (version, want) in versions.iter().zip(expected) {
            let state = statuses
                .iter()
                .find(|s| {
                    s["claim"] == claim && s["version"].as_str().unwrap().starts_with(version)
                })
                .map(|s| s["state"].as_str().unwrap())
                .unwrap_or("missing");
            let ok = match want {
                "A" => state == "agrees",
                "V" => state == "vague",
                "A/V" => state == "agrees" || state == "vague",
                "S" => state == "silent",
                _ => state == "conflicts",
            };
            if !ok {
                wrong.push(format!(
                    "{claim} in {version}: expected {want}, got {state}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_traps_are_not_mentions() {
    let json = report();
    let mentioned = mentioned(&json);
    // A teaser about another fire, a number of another noun, an unrelated price, a road, a time.
    for trap in [
        "12 stations",
        "£1.2m",
        "A1094",
        "3.30am",
        "two hours",
        "three days before",
        "Watch manager",
    ] {
        assert!(
            !mentioned.iter().any(|m| m.contains(trap)),
            "{trap} was read: {mentioned:?}"
        );
    }
}

#[test]
fn the_graph_names_the_three_outliers() {
    let json = report();
    let graph = &json["stories"][0]["graph"];
    assert_eq!(
        graph["outliers"],
        serde_json::json!([
            "001-kestermouth-mercury",
            "003-eastern-daily-gazette",
            "004-wold-valley-radio"
        ])
    );
    let mut conflicts: Vec<(String, String, String)> = graph["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "conflict")
        .map(|e| {
            (
                e["claim"].as_str().unwrap()[..4].to_string(),
                e["outlier"].as_str().unwrap()[..3].to_string(),
                e["other"].as_str().unwrap()[..3].to_string(),
            )
        })
        .collect();
    conflicts.sort();
    let pairs: Vec<String> = conflicts
        .iter()
        .map(|(c, a, b)| format!("{c}:{a}-{b}"))
        .collect();
    // Not 003–002: "dozens of" fits 60 as well as 80, so those two do not disagree.
    assert_eq!(
        pairs,
        [
            "fire:003-000",
            "fire:003-001",
            "fire:003-004",
            "offi:001-000",
            "offi:001-002",
            "offi:001-003",
            "offi:001-004",
            "time:004-000",
            "time:004-001",
            "time:004-002",
            "time:004-003",
        ]
    );
}
