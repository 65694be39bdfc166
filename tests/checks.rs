//! Each check on a small story of its own: what it reports, where, and at what severity.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::Value;

fn story(claims: &str, versions: &[(&str, &str)]) -> (i32, Value) {
    story_json(claims, versions)
}

/// (code, severity, version, text) of each finding.
fn findings(json: &Value) -> Vec<(String, String, String, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().into(),
                f["severity"].as_str().unwrap().into(),
                f["version"].as_str().unwrap_or("").into(),
                f["location"]["text"].as_str().unwrap().into(),
            )
        })
        .collect()
}

fn f(code: &str, severity: &str, version: &str, text: &str) -> (String, String, String, String) {
    (
        format!("wirecheck::{code}"),
        severity.into(),
        version.into(),
        text.into(),
    )
}

const SCHOOLS: &str = "slots:\n  new schools: { kind: count, near: [new schools] }\n  repaired schools: { kind: count, near: [repaired] }\n  schools: { kind: count, near: [schools in all] }\nclaims:\n  - new schools + repaired schools = schools\n";

#[test]
fn arithmetic_inside_one_version() {
    let (code, json) = story(
        SCHOOLS,
        &[
            (
                "a",
                "The council will build 12 new schools this year, officials said.\n\nA further 30 schools will be repaired by the spring, they added.\n\nThat makes 42 schools in all across the county.",
            ),
            (
                "b",
                "The council will build 12 new schools this year, officials said.\n\nA further 30 schools will be repaired by the spring, they added.\n\nThat makes 45 schools in all across the county.",
            ),
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(
        findings(&json),
        [f("arithmetic_mismatch", "error", "b", "12")]
    );
    let help = json["findings"][0]["help"][0].as_str().unwrap();
    assert_eq!(
        help,
        "new schools (“12”) + repaired schools (“30”) is 42, but schools (“45”) is 45"
    );
}

#[test]
fn a_tie_between_versions_is_no_consensus() {
    let claims = "slots:\n  cost: { kind: money, near: [cost] }\nclaims:\n  - cost = ?\n";
    let (code, json) = story(
        claims,
        &[
            (
                "a",
                "The new bridge will cost £4m, the council said on Tuesday.",
            ),
            (
                "b",
                "The new bridge will cost £6m, the council said on Tuesday.",
            ),
        ],
    );
    assert_eq!(
        code, 0,
        "a warning does not fail the default --fail-on error"
    );
    assert_eq!(findings(&json), [f("no_consensus", "warning", "a", "£4m")]);
}

#[test]
fn a_consensus_outlier_is_a_warning_and_vague_voices_are_not_counted_against_anyone() {
    let claims = "slots:\n  cost: { kind: money, near: [cost] }\nclaims:\n  - cost = ?\n";
    let (_, json) = story(
        claims,
        &[
            (
                "a",
                "The new bridge will cost £4m, the council said on Tuesday.",
            ),
            (
                "b",
                "The new bridge will cost £4 million, the council said on Tuesday.",
            ),
            (
                "c",
                "The new bridge will cost £6m, the council said on Tuesday.",
            ),
            (
                "d",
                "The new bridge will cost millions of pounds, the council said.",
            ),
        ],
    );
    assert_eq!(
        findings(&json),
        [f("consensus_conflict", "warning", "c", "£6m")]
    );
}

#[test]
fn two_equally_likely_values_are_a_note_and_not_a_conflict() {
    let claims =
        "slots:\n  majority: { kind: count, near: [majority] }\nclaims:\n  - majority = 5,261\n";
    let (code, json) = story(
        claims,
        &[
            (
                "a",
                "She won with a majority of 5,261, overturning a Conservative majority of 8,915.",
            ),
            (
                "b",
                "Ms Okafor won with a majority of 5,261, the returning officer said.",
            ),
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(
        findings(&json),
        [f("ambiguous_mention", "note", "a", "5,261")]
    );
}

#[test]
fn the_earlier_level_in_a_change_is_not_the_value() {
    let claims =
        "slots:\n  turnout: { kind: share, near: [turnout] }\nclaims:\n  - turnout = 38.2%\n";
    let (code, json) = story(
        claims,
        &[(
            "a",
            "Turnout fell from 64.5% at the general election to 38.2%.",
        )],
    );
    assert_eq!(code, 0, "{:?}", findings(&json));
    assert_eq!(
        state(&json, "turnout", "a"),
        ("agrees".into(), vec!["38.2%".into()])
    );
}

#[test]
fn a_claim_no_version_mentions_is_a_warning_at_the_claim() {
    let claims = "slots:\n  cost: { kind: money, near: [cost] }\n  length: { kind: measure, near: [long] }\nclaims:\n  - cost = £4m\n  - length = 300 metres\n";
    let (code, json) = story(
        claims,
        &[(
            "a",
            "The new bridge will cost £4m, the council said on Tuesday.",
        )],
    );
    assert_eq!(code, 0);
    let found = findings(&json);
    assert_eq!(
        found,
        [f("unmatched_claim", "warning", "", "length = 300 metres")]
    );
    assert_eq!(json["findings"][0]["location"]["path"], "claims/story.yaml");
}

#[test]
fn bounds_and_inequality() {
    let claims = "slots:\n  cost: { kind: money, near: [cost] }\n  builder: { kind: firm, near: [built by] }\nterms:\n  firm: [Acme, Bridgeco]\nclaims:\n  - cost < £5m\n  - builder != Bridgeco\n";
    let (code, json) = story(
        claims,
        &[
            (
                "a",
                "The bridge, to be built by Acme, will cost £4m, the council said.",
            ),
            (
                "b",
                "The bridge, to be built by Bridgeco, will cost £6m, the council said.",
            ),
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(
        findings(&json),
        [
            f("value_conflict", "error", "b", "Bridgeco"),
            f("value_conflict", "error", "b", "£6m")
        ]
    );
}

#[test]
fn a_vague_statement_consistent_with_the_claim_is_not_reported() {
    let claims =
        "slots:\n  breaches: { kind: count, near: [breach] }\nclaims:\n  - breaches = 300\n";
    let (code, json) = story(
        claims,
        &[
            (
                "a",
                "Hundreds of data breaches were recorded at the force, figures show.",
            ),
            (
                "b",
                "More than 250 breaches were recorded at the force, figures show.",
            ),
            (
                "c",
                "Nearly 300 breaches were recorded at the force, figures show.",
            ),
            (
                "d",
                "Fewer than 200 breaches were recorded at the force, figures show.",
            ),
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(
        findings(&json),
        [f("value_conflict", "error", "d", "Fewer than 200")]
    );
    let states: Vec<&str> = json["stories"][0]["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["vague", "vague", "vague", "conflicts"]);
}

#[test]
fn a_story_with_a_single_version_checks_against_the_claims_only() {
    let claims = "slots:\n  cost: { kind: money, near: [cost] }\n  builder: { kind: firm, near: [built by] }\nterms:\n  firm: [Acme]\nclaims:\n  - cost = £4m\n  - builder = ?\n";
    let (code, json) = story(
        claims,
        &[(
            "a",
            "The bridge, to be built by Acme, will cost £5m, the council said.",
        )],
    );
    assert_eq!(code, 1);
    assert_eq!(findings(&json), [f("value_conflict", "error", "a", "£5m")]);
    assert_eq!(
        json["findings"][0]["help"][0],
        "the only version that mentions it does not say “£4m”"
    );
}

#[test]
fn an_age_may_be_claimed_as_a_plain_number() {
    let claims =
        "slots:\n  defendant age: { kind: age, near: [Pruett] }\nclaims:\n  - defendant age = 52\n";
    let (code, json) = story(
        claims,
        &[(
            "a",
            "John Pruett, 52, of Hexley, was jailed for fraud on Friday.",
        )],
    );
    assert_eq!(code, 0);
    assert_eq!(state(&json, "defendant-age", "a").0, "agrees");
}

#[test]
fn a_value_in_another_currency_is_noted_as_unchecked() {
    let claims = "slots:\n  fee: { kind: money, near: [fee] }\n  add-ons: { kind: money, near: [add-ons] }\n  total: { kind: money, near: [total] }\nclaims:\n  - fee = £42m\n  - fee + add-ons = total\n";
    let (code, json) = story(
        claims,
        &[(
            "a",
            "Rovers paid a fee of €48.5m, with €9.2m in add-ons, and the total could reach £50m.",
        )],
    );
    assert_eq!(
        code,
        0,
        "no arithmetic across currencies: {:?}",
        findings(&json)
    );
    assert_eq!(
        findings(&json),
        [f("unchecked_value", "note", "a", "€48.5m")]
    );
    assert_eq!(state(&json, "fee-add-ons-total", "a").0, "ambiguous");
}

#[test]
fn two_captures_of_one_page_are_one_voice_in_a_consensus() {
    let claims =
        "story: bridge\nslots:\n  cost: { kind: money, near: [cost] }\nclaims:\n  - cost = ?\n";
    let page = |outlet: &str, url: &str, cost: &str| {
        format!(
            "---\noutlet: {outlet}\nurl: {url}\npublished: 2024-11-20\n---\nThe new bridge will cost {cost}, the council said on Tuesday.\n"
        )
    };
    let a = page("Gazette", "https://gazette.example/bridge", "£4m");
    let b = page("Gazette", "https://www.gazette.example/bridge/", "£4m");
    let c = page("Courier", "https://courier.example/bridge", "£6m");
    let dir = project(&[
        ("corpus/bridge/a.txt", &a),
        ("corpus/bridge/b.txt", &b),
        ("corpus/bridge/c.txt", &c),
        ("claims/bridge.yaml", claims),
    ]);
    let (_, json) = check_json(dir.path(), &[]);
    // One outlet against one: no majority, whatever the number of files.
    assert_eq!(findings(&json), [f("no_consensus", "warning", "a", "£4m")]);
    // A copy (`derived_from`) is no second witness either; a third outlet settles it.
    let copy = "---\noutlet: Digest\nderived_from: c\n---\nThe new bridge will cost £6m, the council said on Tuesday.\n";
    let d = page("Herald", "https://herald.example/bridge", "£4m");
    let dir = project(&[
        ("corpus/bridge/a.txt", &a),
        ("corpus/bridge/b.txt", &b),
        ("corpus/bridge/c.txt", &c),
        ("corpus/bridge/d.txt", copy),
        ("corpus/bridge/e.txt", &d),
        ("claims/bridge.yaml", claims),
    ]);
    let (_, json) = check_json(dir.path(), &[]);
    assert_eq!(
        findings(&json),
        [
            f("consensus_conflict", "warning", "c", "£6m"),
            f("consensus_conflict", "warning", "d", "£6m"),
        ]
    );
}
