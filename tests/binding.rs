//! Which value a sentence gives for which slot, on sentences that once went wrong: each test is
//! a real sentence from an independent review of unseen stories, and the reading a
//! fact-checker expects.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

fn findings(json: &serde_json::Value) -> Vec<(String, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().replace("wirecheck::", ""),
                f["location"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_number_inside_a_cue_is_not_its_value() {
    let claims = "slots:\n  target missed for: { kind: duration, near: [18-week target] }\nclaims:\n  - target missed for = eight years\n";
    let (code, json) = story_json(
        claims,
        &[(
            "a",
            "The trust has not met the 18-week target for eight years, since February 2016.",
        )],
    );
    assert_eq!(code, 0, "{:?}", findings(&json));
    assert_eq!(
        state(&json, "target-missed-for", "a"),
        ("agrees".into(), vec!["eight years".into()])
    );
}

#[test]
fn a_value_that_is_the_whole_cue_counts() {
    let claims = "slots:\n  line length: { kind: measure, near: [stretch of railway, 14-mile] }\nclaims:\n  - line length = 14 miles\n";
    let (_, json) = story_json(
        claims,
        &[(
            "a",
            "The 14-mile line will reopen on 8 March 2025, Network Rail said.",
        )],
    );
    assert_eq!(state(&json, "line-length", "a").0, "agrees");
}

#[test]
fn a_narrower_cue_next_to_a_broader_one_takes_the_value() {
    let claims = "slots:\n  rescued: { kind: count, near: [rescued] }\n  rescued by boat: { kind: count, near: [by boat] }\nclaims:\n  - rescued = 57\n  - rescued by boat = 49\n";
    let (code, json) = story_json(
        claims,
        &[(
            "a",
            "Fifty-seven people were rescued from their homes on Sunday.\n\nForty-nine people were rescued by boat and eight by helicopter.",
        )],
    );
    assert_eq!(code, 0, "{:?}", findings(&json));
    assert_eq!(
        state(&json, "rescued-by-boat", "a"),
        ("agrees".into(), vec!["Forty-nine".into()])
    );
    assert_eq!(
        state(&json, "rescued", "a"),
        ("agrees".into(), vec!["Fifty-seven".into()])
    );
}

#[test]
fn jobs_at_suppliers_are_not_the_plants_jobs() {
    let claims = "slots:\n  job losses: { kind: count, near: [jobs] }\n  supplier jobs: { kind: count, near: [suppliers] }\nclaims:\n  - job losses = 1,140\n  - supplier jobs = ?\n";
    let (code, json) = story_json(
        claims,
        &[
            (
                "a",
                "The Unite union fears up to 600 jobs at suppliers could go too.",
            ),
            (
                "b",
                "Unite warned that as many as 600 jobs at local suppliers could also be at risk.",
            ),
        ],
    );
    assert_eq!(code, 0, "{:?}", findings(&json));
    assert_eq!(state(&json, "supplier-jobs", "a").0, "vague");
    assert_eq!(state(&json, "job-losses", "a").0, "silent");
}

#[test]
fn a_fronted_time_phrase_claims_the_sentence_from_a_common_cue() {
    let claims = "slots:\n  waiting list: { kind: count, near: [waiting list] }\n  list a year earlier: { kind: count, near: [a year earlier, twelve months earlier] }\nclaims:\n  - waiting list = 206,400\n  - list a year earlier = 184,300\n";
    let (code, json) = story_json(
        claims,
        &[(
            "a",
            "The waiting list at the trust now stands at 206,400, figures show.\n\nThe waiting list has grown sharply, managers said.\n\nTwelve months earlier the waiting list stood at 184,300.",
        )],
    );
    assert_eq!(code, 0, "{:?}", findings(&json));
    assert_eq!(
        state(&json, "list-a-year-earlier", "a"),
        ("agrees".into(), vec!["184,300".into()])
    );
    assert_eq!(
        state(&json, "waiting-list", "a"),
        ("agrees".into(), vec!["206,400".into()])
    );
}

#[test]
fn coordinated_clauses_keep_their_own_numbers() {
    let claims = "slots:\n  over a year: { kind: count, near: [longer than a year] }\nclaims:\n  - over a year = 3,150\n";
    let (code, json) = story_json(
        claims,
        &[(
            "a",
            "More than 41,000 patients had waited over 40 weeks and 3,150 had waited longer than a year.",
        )],
    );
    assert_eq!(code, 0, "{:?}", findings(&json));
    assert_eq!(
        state(&json, "over-a-year", "a"),
        ("agrees".into(), vec!["3,150".into()])
    );
}

#[test]
fn a_date_in_another_clause_is_not_the_slots() {
    let claims = "slots:\n  polling day: { kind: date, near: [by-election] }\nclaims:\n  - polling day = 17 October 2024\n";
    let (code, json) = story_json(
        claims,
        &[(
            "a",
            "Labour won the by-election, overturning a Conservative majority of 8,915 at the general election in July 2024.",
        )],
    );
    assert_eq!(code, 0, "{:?}", findings(&json));
    assert_eq!(state(&json, "polling-day", "a").0, "silent");
}

#[test]
fn a_time_phrase_of_the_other_clause_makes_the_date_ambiguous_not_wrong() {
    let claims = "slots:\n  investment year: { kind: date, near: [invested] }\nclaims:\n  - investment year = 2016\n";
    let (code, json) = story_json(
        claims,
        &[(
            "a",
            "Corvane made an operating loss of £1.3bn last year and invested £120m in the plant in 2016.",
        )],
    );
    assert_eq!(code, 0, "{:?}", findings(&json));
}

#[test]
fn a_cue_that_only_modifies_the_counted_noun_does_not_take_the_number() {
    let claims = "slots:\n  daily passengers: { kind: count, near: [passenger], of: [passengers] }\nclaims:\n  - daily passengers ~ 12,000\n";
    let (code, json) = story_json(
        claims,
        &[(
            "a",
            "The line carries 4.4 million passenger journeys a year.",
        )],
    );
    assert_eq!(code, 0, "{:?}", findings(&json));
    assert_eq!(state(&json, "daily-passengers", "a").0, "silent");
}

#[test]
fn the_complement_after_of_is_the_cues_own() {
    let claims = "slots:\n  previous record: { kind: measure, near: [previous record] }\nclaims:\n  - previous record = 3.9 metres\n";
    let (_, json) = story_json(
        claims,
        &[(
            "a",
            "The river peaked 0.4 metres above the previous record of 3.9 metres.",
        )],
    );
    assert_eq!(
        state(&json, "previous-record", "a"),
        ("agrees".into(), vec!["3.9 metres".into()])
    );
}

#[test]
fn two_different_values_each_of_the_cue_are_ambiguous() {
    let claims =
        "slots:\n  majority: { kind: count, near: [majority] }\nclaims:\n  - majority = 5,261\n";
    let (code, json) = story_json(
        claims,
        &[(
            "a",
            "She won with a majority of 5,261, overturning a Conservative majority of 8,915.",
        )],
    );
    assert_eq!(code, 0, "{:?}", findings(&json));
    assert_eq!(state(&json, "majority", "a").0, "ambiguous");
}

#[test]
fn a_short_aside_does_not_break_the_clause() {
    let claims = "slots:\n  warning lead: { kind: relative-time, near: [severe flood warning] }\nclaims:\n  - warning lead = the day before\n";
    let (code, json) = story_json(
        claims,
        &[(
            "a",
            "The Environment Agency issued a severe flood warning, meaning a danger to life, two days before the river peaked.",
        )],
    );
    assert_eq!(code, 1);
    assert_eq!(
        findings(&json),
        [("value_conflict".to_string(), "two days before".to_string())]
    );
}

#[test]
fn the_value_of_a_part_is_not_the_wholes() {
    let claims = "slots:\n  fee: { kind: money, near: [fee] }\nclaims:\n  - fee = £42m\n";
    let (code, json) = story_json(
        claims,
        &[(
            "a",
            "Rovers paid a fee of £42m for the striker.\n\nHis former club, Valdora, will pocket a tenth of the fee, around £4.2million.",
        )],
    );
    assert_eq!(code, 0, "{:?}", findings(&json));
    assert_eq!(
        state(&json, "fee", "a"),
        ("agrees".into(), vec!["£42m".into()])
    );
}

#[test]
fn a_verb_cue_takes_its_direct_object() {
    let claims = "slots:\n  deaths: { kind: count, near: [killed] }\nclaims:\n  - deaths >= 120\n";
    let (code, json) = story_json(
        claims,
        &[(
            "a",
            "The earthquake killed at least 120 people, officials said.",
        )],
    );
    assert_eq!(code, 0, "{:?}", findings(&json));
    assert_eq!(state(&json, "deaths", "a").0, "agrees");
}

#[test]
fn a_clause_about_an_earlier_event_never_makes_a_conflict() {
    let claims = "slots:\n  quake date: { kind: date, near: [struck] }\n  deaths: { kind: count, near: [killed] }\n  previous record: { kind: money, near: [surpassing] }\nclaims:\n  - quake date = 14 October 2024\n  - deaths >= 120\n  - previous record = £35m\n";
    let (code, json) = story_json(
        claims,
        &[(
            "a",
            "The earthquake struck on 14 October 2024 and killed at least 120 people.\n\nThe region was last hit in 2016, when a quake near Dursk killed 89 people.\n\nThe fee could reach £50m, surpassing the £35m paid for Jonas Berg in 2022.",
        )],
    );
    assert_eq!(code, 0, "{:?}", findings(&json));
    assert_eq!(
        state(&json, "deaths", "a"),
        ("agrees".into(), vec!["at least 120".into()])
    );
    // The earlier deal is what the slot is about: its figure still agrees.
    assert_eq!(
        state(&json, "previous-record", "a"),
        ("agrees".into(), vec!["£35m".into()])
    );
}

#[test]
fn a_number_slot_with_of_takes_the_reading_that_names_its_noun() {
    let claims = "slots:\n  magnitude: { kind: number, near: [magnitude], of: [earthquake, quake] }\nclaims:\n  - magnitude = 6.8\n";
    let (code, json) = story_json(
        claims,
        &[
            (
                "a",
                "A magnitude 6.8 earthquake struck the city on Monday.\n\nThe strongest aftershock, of magnitude 5.4, came an hour later.",
            ),
            ("b", "A magnitude 6.2 earthquake struck the city on Monday."),
        ],
    );
    assert_eq!(code, 1, "{:?}", findings(&json));
    assert_eq!(
        state(&json, "magnitude", "a"),
        ("agrees".into(), vec!["magnitude 6.8".into()])
    );
    assert_eq!(state(&json, "magnitude", "b").0, "conflicts");
}

#[test]
fn a_date_in_an_after_phrase_does_not_make_the_clause_background() {
    let claims = "slots:\n  signed on: { kind: date, near: [signed] }\n  goals: { kind: count, near: [goals] }\nclaims:\n  - signed on = 18 November 2024\n  - goals = 36\n";
    let (_, json) = story_json(
        claims,
        &[
            (
                "a",
                "Ortiz scored 36 goals in 71 appearances for Valdora after joining from Lerma in 2021.",
            ),
            (
                "b",
                "Ortiz scored 34 goals in 71 appearances for Valdora after joining from Lerma in 2021.",
            ),
        ],
    );
    assert_eq!(
        state(&json, "goals", "a"),
        ("agrees".into(), vec!["36".into()])
    );
    // The older year does not make the clause background: the wrong figure is still caught.
    assert_eq!(state(&json, "goals", "b").0, "conflicts");
}
