//! The CI formats (docs/ci.md): `check --format sarif` validated against the SARIF 2.1.0 schema,
//! with fingerprints that survive unrelated edits, and `check --format github` annotations,
//! most severe first. Snapshots redact the tool's version.
//!
//! tests/sarif/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 schema (draft-07, `$id`
//! .../oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json), as the serde-sarif crate
//! ships it; apart from `$schema`, `$id` and `title` it is identical to the 2.1.0-rtm.5 schema
//! that Microsoft's @microsoft/jest-sarif npm package ships.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::*;
use serde_json::Value;

/// The claim file of the broken-claims snapshot: an unknown key, a missing key, an unknown
/// slot, a bad expression and a type mismatch.
const BROKEN_CLAIMS: &str = "story: fire\nslots:\n  firefighters: { kind: count, neer: [firefighter] }\n  engines: { kind: count, near: [engine] }\nclaims:\n  - firefighterz = 80\n  - engines = (14 +\n  - engines = January 2009\n";

fn run(dir: &Path, format: &str, args: &[&str]) -> (i32, String) {
    let output = wirecheck(dir)
        .args(["check", "--no-cache", "--format", format])
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    (output.status.code().unwrap(), text)
}

fn sarif(dir: &Path) -> (i32, Value) {
    let (code, text) = run(dir, "sarif", &[]);
    let log = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    (code, log)
}

fn sarif_schema() -> Value {
    serde_json::from_str(
        &fs::read_to_string(repo().join("tests/sarif/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap()
}

/// The pattern of `language` (of a run and of a tool component) in the OASIS schema: its
/// stray `]` is a literal under ECMA-262's web-compatibility grammar, but the validator's check
/// of the schema itself rejects it, so the validator gets it escaped (the same pattern;
/// wirecheck never writes `language`). The file stays as published.
const LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

/// A validator for the schema that also checks formats (`uri`, `uri-reference`, `date-time`).
fn sarif_validator() -> jsonschema::Validator {
    let mut schema = sarif_schema();
    for object in ["run", "toolComponent"] {
        let language = &mut schema["definitions"][object]["properties"]["language"]["pattern"];
        assert_eq!(language, LANGUAGE_PATTERN);
        *language = LANGUAGE_PATTERN.replace("]?$", "\\]?$").into();
    }
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn assert_valid_sarif(log: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "not valid SARIF 2.1.0:\n{}",
        errors.join("\n")
    );
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().unwrap()
}

#[test]
fn the_schema_is_the_oasis_sarif_2_1_0_schema() {
    let schema = sarif_schema();
    assert_eq!(
        schema["$id"],
        "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
    );
    assert_eq!(schema["properties"]["version"]["enum"][0], "2.1.0");
    // The validator is not vacuous: a log without `runs`, a column of 0 and a relative
    // `helpUri` fail.
    let validator = sarif_validator();
    assert!(!validator.is_valid(&serde_json::json!({ "version": "2.1.0" })));
    let (_, mut log) = sarif(&repo());
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] =
        0.into();
    assert!(!validator.is_valid(&log));
    let (_, mut log) = sarif(&repo());
    log["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "docs/codes/value_conflict.md".into();
    assert!(!validator.is_valid(&log));
}

#[test]
fn sarif_for_the_bundled_corpus_is_valid_and_carries_every_finding() {
    let (code, log) = sarif(&repo());
    assert_eq!(code, 1);
    assert_valid_sarif(&log);
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = results(&log);
    assert_eq!(results.len(), 10);
    for result in results {
        // Each result names its rule both ways, and the two agree.
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("corpus/met-police-data-breaches/"), "{uri}");
        assert!(!result["partialFingerprints"]["wirecheck/v1"].is_null());
    }
    let conflict = results
        .iter()
        .find(|r| r["ruleId"] == "wirecheck::value_conflict")
        .unwrap();
    assert_eq!(conflict["level"], "error");
    let message = conflict["message"]["text"].as_str().unwrap();
    assert!(
        message.starts_with(
            "most senior officer: The Independent says “detective chief constable”, but the claim \
             says it is “detective chief inspector” (3 of 4 versions"
        ),
        "{message}"
    );
    let region = &conflict["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["snippet"]["text"], "detective chief constable");
    assert_eq!(
        (&region["startLine"], &region["startColumn"]),
        (&35.into(), &136.into())
    );
    // The three agreeing versions, then the claim's definition.
    let related = conflict["relatedLocations"].as_array().unwrap();
    assert_eq!(related.len(), 4);
    assert_eq!(
        related[3]["physicalLocation"]["artifactLocation"]["uri"],
        "claims/met-police-data-breaches.yaml"
    );
    assert_eq!(
        related[0]["message"]["text"],
        "HuffPost UK says “detective chief inspector”"
    );
}

#[test]
fn sarif_for_the_bundled_corpus() {
    let (_, log) = sarif(&repo());
    // The rules' long help is docs/codes/*.md verbatim: pinned there, not here.
    insta::assert_json_snapshot!(log, {
        ".runs[0].tool.driver.version" => "[version]",
        ".runs[0].tool.driver.semanticVersion" => "[version]",
        ".runs[0].tool.driver.rules[].help" => "[docs/codes]",
        ".runs[0].tool.driver.rules[].fullDescription" => "[docs/codes]",
    });
}

#[test]
fn sarif_for_a_broken_claim_file_is_valid_and_reports_the_problems() {
    let dir = small_project(BROKEN_CLAIMS);
    let (code, log) = sarif(dir.path());
    assert_eq!(code, 2);
    assert_valid_sarif(&log);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notifications = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notifications.len(), 5);
    let results = results(&log);
    assert_eq!(results.len(), 5);
    let first = &results[0];
    assert_eq!(first["ruleId"], "wirecheck::claims::schema");
    assert_eq!(first["level"], "error");
    assert_eq!(
        first["message"]["text"],
        "unknown slot key `neer` (did you mean `near`?)"
    );
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "claims/fire.yaml");
    assert_eq!(location["region"]["startLine"], 3);
    assert_eq!(location["region"]["snippet"]["text"], "neer");
    assert_eq!(
        notifications[0]["associatedRule"]["id"],
        "wirecheck::claims::schema"
    );
}

#[test]
fn sarif_and_github_exit_as_the_other_formats_do() {
    for format in ["sarif", "github"] {
        assert_eq!(run(&repo(), format, &[]).0, 1, "{format}");
        assert_eq!(
            run(&repo(), format, &["--fail-on", "never"]).0,
            0,
            "{format}"
        );
        let broken = small_project(BROKEN_CLAIMS);
        assert_eq!(run(broken.path(), format, &[]).0, 2, "{format}");
        let clean = small_project(CLAIMS);
        assert_eq!(
            run(clean.path(), format, &["--fail-on", "note"]).0,
            0,
            "{format}"
        );
    }
}

#[test]
fn sarif_columns_count_utf16_code_units() {
    let dir = small_project(CLAIMS);
    // "📰" is one character but two UTF-16 code units: SARIF's columns after it run one
    // ahead of JSON's, which count characters.
    let article = "---\noutlet: Gazette\n---\n📰 A total of 60 firefighters attended the fire at the warehouse on Monday.\n";
    write(dir.path(), "corpus/fire/a.txt", article);
    let (_, log) = sarif(dir.path());
    let (_, json) = check_json(dir.path(), &["--no-cache"]);
    let region = &results(&log)[0]["locations"][0]["physicalLocation"]["region"];
    let location = &json["findings"][0]["location"];
    assert_eq!(region["snippet"]["text"], "60");
    assert_eq!(location["column"], 14);
    assert_eq!(region["startColumn"], 15);
    assert_eq!(region["endColumn"], 17);
}

/// Fingerprint → (uri, start line) of every result.
fn placed_fingerprints(log: &Value) -> BTreeMap<String, (String, u64)> {
    results(log)
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            (
                r["partialFingerprints"]["wirecheck/v1"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                (
                    location["artifactLocation"]["uri"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                    location["region"]["startLine"].as_u64().unwrap(),
                ),
            )
        })
        .collect()
}

#[test]
fn fingerprints_survive_an_unrelated_paragraph_at_the_top_of_every_article() {
    let dir = bundled_copy();
    let (_, before) = sarif(dir.path());
    let story = dir.path().join("corpus/met-police-data-breaches");
    for entry in fs::read_dir(&story).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        // Straight after the front matter, before the headline.
        let body = text.find("\n---\n").unwrap() + "\n---\n".len();
        let edited = format!(
            "{}Editor's note: this article has moved to a new section of the site.\n\n{}",
            &text[..body],
            &text[body..]
        );
        fs::write(&path, edited).unwrap();
    }
    let (_, after) = sarif(dir.path());
    let (before, after) = (placed_fingerprints(&before), placed_fingerprints(&after));
    assert_eq!(before.len(), 10);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the same findings keep the same fingerprints"
    );
    for (fingerprint, (uri, line)) in &before {
        // Every finding moved down by the two inserted lines, and is still recognised.
        assert_eq!(after[fingerprint], (uri.clone(), line + 2), "{fingerprint}");
    }
}

#[test]
fn a_conflicting_figure_added_before_a_conflict_leaves_its_fingerprint_alone() {
    let dir = small_project(CLAIMS);
    let gazette = "---\noutlet: Gazette\n---\n";
    let monday = "A total of 60 firefighters attended the fire at the warehouse on Monday.\n";
    write(
        dir.path(),
        "corpus/fire/a.txt",
        format!("{gazette}{monday}"),
    );
    let (_, before) = sarif(dir.path());
    let school = "Earlier in the day 50 firefighters tackled a blaze at a school.\n\n";
    write(
        dir.path(),
        "corpus/fire/a.txt",
        format!("{gazette}{school}{monday}"),
    );
    let (_, after) = sarif(dir.path());
    let (before, after) = (placed_fingerprints(&before), placed_fingerprints(&after));
    assert_eq!((before.len(), after.len()), (1, 2));
    let (sixty, (uri, line)) = before.first_key_value().unwrap();
    assert_eq!(after[sixty], (uri.clone(), line + 2));
}

fn github(dir: &Path) -> (i32, String) {
    run(dir, "github", &[])
}

#[test]
fn github_annotations_for_the_bundled_corpus() {
    let (code, text) = github(&repo());
    assert_eq!(code, 1);
    insta::assert_snapshot!(text);
}

/// 0 for an error, 1 for a warning, 2 for a notice, `None` for a plain line.
fn rank(line: &str) -> Option<usize> {
    ["::error ", "::warning ", "::notice "]
        .iter()
        .position(|command| line.starts_with(command))
}

#[test]
fn github_annotations_come_most_severe_first_and_keep_report_order_within_a_level() {
    let (_, text) = github(&repo());
    let lines: Vec<&str> = text.lines().collect();
    let ranks: Vec<usize> = lines.iter().filter_map(|l| rank(l)).collect();
    assert_eq!(ranks.len(), 10);
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    // The report order (as JSON gives it) puts a warning and a note before the one error.
    let (_, json) = check_json(&repo(), &[]);
    let report_order: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    assert_ne!(report_order[0], "error");
    assert!(lines[0].starts_with("::error file=corpus/met-police-data-breaches/003-independent.txt,line=35,col=136,endLine=35,endColumn=161,title=wirecheck%3A%3Avalue_conflict::most senior officer: The Independent says “detective chief constable”"));
    // Within each level, the report's order.
    for (severity, command) in [("warning", "::warning "), ("note", "::notice ")] {
        let expected: Vec<String> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == severity)
            .map(|f| f["location"]["path"].as_str().unwrap().to_string())
            .collect();
        let got: Vec<String> = lines
            .iter()
            .filter_map(|l| l.strip_prefix(command))
            .map(|l| l["file=".len()..l.find(",line=").unwrap()].to_string())
            .collect();
        assert_eq!(got, expected, "{severity}");
    }
    assert_eq!(
        lines.last().unwrap(),
        &"wirecheck: 10 findings (1 error, 6 warnings, 3 notes) in 1 story, 5 versions, 20 claims"
    );
}

#[test]
fn github_reports_input_problems_as_errors() {
    let dir = small_project(BROKEN_CLAIMS);
    let (code, text) = github(dir.path());
    assert_eq!(code, 2);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    assert!(
        lines[..5]
            .iter()
            .all(|l| l.starts_with("::error file=claims/fire.yaml,line="))
    );
    assert_eq!(
        lines[0],
        "::error file=claims/fire.yaml,line=3,col=32,endLine=3,endColumn=36,\
         title=wirecheck%3A%3Aclaims%3A%3Aschema::unknown slot key `neer` (did you mean `near`?)"
    );
    assert_eq!(
        lines[5],
        "wirecheck: no findings in 0 stories, 0 versions, 0 claims; 5 errors with the inputs"
    );
}
