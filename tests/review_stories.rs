//! Six stories written by independent reviewers from the documentation alone (courts, politics,
//! transport, health, business, weather), each with discrepancies they planted
//! (tests/fixtures/review-*/PLANTED.md). Every planted discrepancy must be found, and nothing
//! else may be reported but the one known limitation named below.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;

use common::*;

type Finding = (String, String, String);

/// (code, version, text) of every error and warning.
fn reported(dir: &str) -> BTreeSet<Finding> {
    let (_, json) = check_json(&repo().join("tests/fixtures").join(dir), &[]);
    assert!(
        json["problems"].as_array().unwrap().is_empty(),
        "{}",
        json["problems"]
    );
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "note")
        .map(|f| {
            (
                f["code"].as_str().unwrap().replace("wirecheck::", ""),
                f["version"].as_str().unwrap_or("").to_string(),
                f["location"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn set(items: &[(&str, &str, &str)]) -> BTreeSet<Finding> {
    items
        .iter()
        .map(|(c, v, t)| (c.to_string(), v.to_string(), t.to_string()))
        .collect()
}

#[test]
fn courts_politics_and_transport() {
    let planted = set(&[
        ("value_conflict", "002-hexley-echo", "thirty-two"),
        ("value_conflict", "003-daily-globe", "five years"),
        (
            "value_conflict",
            "004-hexshire-radio",
            "Detective Inspector",
        ),
        ("value_conflict", "002-westcountry-news", "28.2 per cent"),
        ("value_conflict", "003-national-chronicle", "5,621"),
        ("value_conflict", "004-marlbury-fm", "Education Secretary"),
        ("value_conflict", "002-wenmouth-gazette", "£28m"),
        ("value_conflict", "003-railway-today", "10 weeks"),
        ("value_conflict", "004-wenshire-radio", "around 21,000"),
    ]);
    // Known limitation: in a quote, "doing the work in one go saves more than a year of weekend
    // closures" reads as the length of the closure (cue "closure"). Telling the nine-week
    // closure from the weekend closures it replaces needs the meaning of the sentence.
    let known = set(&[
        ("value_conflict", "000-pa-wire", "more than a year"),
        ("value_conflict", "001-wenshire-live", "more than a year"),
        ("value_conflict", "002-wenmouth-gazette", "more than a year"),
        ("value_conflict", "003-railway-today", "more than a year"),
    ]);
    let found = reported("review-courts");
    assert_eq!(
        planted.difference(&found).collect::<Vec<_>>(),
        Vec::<&Finding>::new(),
        "missed"
    );
    assert_eq!(
        found.difference(&planted).cloned().collect::<BTreeSet<_>>(),
        known,
        "reported beyond the planted"
    );
}

#[test]
fn health_business_and_weather() {
    let planted = set(&[
        ("value_conflict", "002-the-business-ledger", "£1.8 billion"),
        ("value_conflict", "003-midlands-gazette", "1,400"),
        ("value_conflict", "004-shire-radio", "Chief executive"),
        ("value_conflict", "002-national-sentinel", "21 per cent"),
        (
            "value_conflict",
            "003-eastshire-gazette",
            "chief operating officer",
        ),
        ("consensus_conflict", "004-northfield-fm", "3,510"),
        ("value_conflict", "002-the-daily-courier", "24 hours"),
        ("value_conflict", "003-northern-gazette", "two days before"),
        ("value_conflict", "004-dale-radio", "4.8 metres"),
    ]);
    assert_eq!(reported("review-health"), planted);
}
