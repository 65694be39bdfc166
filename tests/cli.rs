//! The command-line contract: exit codes, formats, and a clear diagnostic (exit 2) for every
//! kind of bad input, never a panic.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn a_clean_project_exits_0() {
    let dir = small_project(CLAIMS);
    wirecheck(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "no findings in 1 story, 2 versions, 1 claim",
        ));
}

#[test]
fn the_bundled_corpus_exits_1_with_its_conflicts() {
    wirecheck(&repo())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "10 findings (1 error, 6 warnings, 3 notes) in 1 story, 5 versions",
        ));
}

#[test]
fn fail_on_sets_the_threshold() {
    // A conflict on a claim of severity warning fails only at --fail-on warning.
    let claims = "story: fire\nslots:\n  firefighters: { kind: count, near: [firefighter] }\nclaims:\n  - claim: firefighters = 60\n    severity: warning\n";
    let dir = small_project(claims);
    wirecheck(dir.path()).arg("check").assert().code(0);
    wirecheck(dir.path())
        .args(["check", "--fail-on", "warning"])
        .assert()
        .code(1);
    wirecheck(dir.path())
        .args(["check", "--fail-on", "note"])
        .assert()
        .code(1);
    wirecheck(dir.path())
        .args(["check", "--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn json_is_versioned_and_carries_the_same_findings() {
    let (code, json) = check_json(&repo(), &[]);
    assert_eq!(code, 1);
    assert_eq!(json["schema_version"], 2);
    assert_eq!(json["findings"].as_array().unwrap().len(), 10);
    assert_eq!(json["summary"]["errors"], 1);
    assert_eq!(json["summary"]["warnings"], 6);
    assert_eq!(json["summary"]["notes"], 3);
}

#[test]
fn graph_prints_dot_and_json() {
    wirecheck(&repo())
        .args(["graph"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("graph wirecheck {"))
        .stdout(predicate::str::contains("most-senior-officer"));
    let output = wirecheck(&repo())
        .args(["graph", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["stories"][0]["outliers"],
        // The Independent on the values and quotes; both HuffPost captures drop a word from
        // David Davis's quote.
        serde_json::json!([
            "000-huffpost-uk",
            "002-huffpost-uk-second-capture",
            "003-independent"
        ])
    );
}

#[test]
fn explain_prints_a_code_page_and_lists_codes() {
    wirecheck(&repo())
        .args(["explain", "value_conflict"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("## How to resolve"));
    wirecheck(&repo())
        .args(["explain", "wirecheck::claims::yaml"])
        .assert()
        .code(0);
    wirecheck(&repo())
        .arg("explain")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("wirecheck::consensus_conflict"));
    wirecheck(&repo())
        .args(["explain", "value_conflit"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean `wirecheck::value_conflict`?",
        ));
}

#[test]
fn usage_errors_exit_2() {
    wirecheck(&repo())
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
    wirecheck(&repo()).arg("frobnicate").assert().code(2);
}

/// Runs `check` on a project whose claim file is `claims` and returns its output, asserting
/// exit 2.
fn bad_claims(claims: &str) -> String {
    let dir = small_project(claims);
    let output = wirecheck(dir.path()).arg("check").output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_yaml_error_points_at_the_file_line_and_column() {
    let out = bad_claims(
        "story: fire\nslots:\n  firefighters: { kind: count, near: [firefighter }\nclaims: []\n",
    );
    assert!(out.contains("wirecheck::claims::yaml"), "{out}");
    assert!(out.contains("claims/fire.yaml:3:"), "{out}");
    assert!(out.contains("0 stories"), "nothing is checked: {out}");
}

#[test]
fn every_problem_of_a_claim_file_is_reported_at_once() {
    let claims = "story: fire\nslots:\n  firefighters: { kind: count, neer: [firefighter] }\n  engines: { kind: cuont, near: [engine] }\nclaims:\n  - firefighters = 80\n  - id: x\n    claim: firefighters = 80\n  - id: x\n    claim: firefighters ~ 80\n  - firefighterz = 80\n  - firefighters 80\n  - firefighters = January 2009\nextra: 1\n";
    let out = bad_claims(claims);
    for expected in [
        "unknown slot key `neer`",
        "did you mean `near`?",
        "unknown kind `cuont`",
        "did you mean `count`?",
        "claim id `x` is used twice",
        "first used here",
        "`firefighterz` is not a slot, a value or a known term",
        "did you mean the slot `firefighters`?",
        "expected a relation",
        "`firefighters` is a count slot, but this value is a date",
        "unknown key `extra`",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
}

#[test]
fn every_problem_of_a_quote_claim_is_reported_at_once() {
    let claims = "story: fire\nslots:\n  firefighters: { kind: count, near: [firefighter] }\nclaims:\n  - quote: { speaker: Karen Holt, txet: \"It was a large fire.\" }\n  - quote: { speaker: \"\" }\n  - quote: {}\n  - quote: It was a large fire.\n  - claim: firefighters = 80\n    quote: { text: \"It was a large fire.\" }\n  - quote: { text: \"It was a large fire.\" }\n    aliases: [blaze]\n";
    let out = bad_claims(claims);
    for expected in [
        "unknown quote key `txet`",
        "did you mean `text`?",
        "a quote's `speaker` must be non-empty text",
        "a quote claim needs a `speaker`, a `text`, or both",
        "`quote` must be a mapping, not text",
        "a claim has `claim:` or `quote:`, not both",
        "`aliases` are cues for a slot; a quote claim has none",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    assert!(out.contains("claims/fire.yaml:5:"), "{out}");
}

#[test]
fn an_unknown_lexicon_term_is_an_error() {
    let dir = project(&[
        ("corpus/fire/a.txt", STORY_A),
        (
            "claims/lexicon/ranks.yaml",
            "lexicon: ranks\nkind: rank\nterms: [station manager, watch manager]\n",
        ),
        (
            "claims/fire.yaml",
            "story: fire\nlexicons: [lexicon/ranks.yaml]\nslots:\n  officer: { kind: rank, near: [Holt] }\nclaims:\n  - officer = stattion manager\n",
        ),
    ]);
    wirecheck(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "`stattion manager` is not a slot, a value or a known term",
        ))
        .stdout(predicate::str::contains("claims/fire.yaml:6:15"));
}

#[test]
fn a_duplicate_yaml_key_shows_both_definitions() {
    let out = bad_claims(
        "story: fire\nslots:\n  firefighters: { kind: count, near: [firefighter] }\n  firefighters: { kind: count, near: [crew] }\nclaims: []\n",
    );
    assert!(out.contains("duplicate key `firefighters`"), "{out}");
    assert!(out.contains("first defined here"), "{out}");
}

#[test]
fn an_expression_error_points_into_the_expression() {
    let out = bad_claims(
        "story: fire\nslots:\n  firefighters: { kind: count, near: [firefighter] }\nclaims:\n  - firefighters = (80 + \n",
    );
    assert!(out.contains("wirecheck::claims::expression"), "{out}");
    assert!(out.contains("claims/fire.yaml:5:"), "{out}");
}

#[test]
fn a_non_utf8_article_is_named_and_the_rest_is_still_checked() {
    let dir = small_project(CLAIMS);
    write(
        dir.path(),
        "corpus/fire/c.txt",
        b"The brigade sent 80 firefighters to the caf\xe9 fire, it said.\n",
    );
    let output = wirecheck(dir.path()).arg("check").output().unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(
        out.contains("corpus/fire/c.txt: the article is not valid UTF-8: byte 43 (line 1)"),
        "{out}"
    );
    assert!(
        out.contains("in 1 story, 2 versions"),
        "the other versions are checked: {out}"
    );
}

#[test]
fn utf16_and_binary_articles_are_named() {
    let dir = small_project(CLAIMS);
    write(
        dir.path(),
        "corpus/fire/c.txt",
        [0xFF, 0xFE, b'8', 0, b'0', 0],
    );
    write(dir.path(), "corpus/fire/d.txt", b"80 firefighters\0");
    let output = wirecheck(dir.path()).arg("check").output().unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(out.contains("encoded as UTF-16"), "{out}");
    assert!(out.contains("NUL byte at byte 15 (line 1)"), "{out}");
}

#[test]
fn a_missing_corpus_or_claims_folder_is_an_error() {
    let dir = project(&[("claims/fire.yaml", CLAIMS)]);
    wirecheck(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stdout(predicate::str::contains("cannot read the corpus folder"));
    let dir = project(&[("corpus/fire/a.txt", STORY_A)]);
    wirecheck(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stdout(predicate::str::contains("the claims folder does not exist"));
}

#[test]
fn an_unknown_story_is_an_error_with_a_suggestion() {
    let dir = small_project(CLAIMS);
    wirecheck(dir.path())
        .args(["check", "--story", "fires"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("no story `fires` in the corpus"))
        .stdout(predicate::str::contains("did you mean `fire`?"));
}

#[test]
fn a_story_without_claims_and_claims_without_a_story_are_warned_about() {
    let dir = small_project(CLAIMS);
    write(dir.path(), "corpus/flood/a.txt", STORY_A);
    write(dir.path(), "claims/fires.yaml", CLAIMS);
    wirecheck(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("story `flood` has no claim file"))
        .stdout(predicate::str::contains("no story `fires` in the corpus"));
}

#[test]
fn bad_front_matter_is_reported_with_a_suggestion() {
    let dir = small_project(CLAIMS);
    write(dir.path(), "corpus/fire/c.txt", b"---\noutlet: Radio\npublshed: 2023-03-14\n---\n80 firefighters attended, the service said in a statement.\n");
    wirecheck(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "unknown front-matter key `publshed`",
        ))
        .stdout(predicate::str::contains("did you mean `published`?"))
        .stdout(predicate::str::contains("corpus/fire/c.txt:3:1"));
}

#[test]
fn a_file_without_front_matter_is_read_with_a_note() {
    let dir = small_project(CLAIMS);
    write(
        dir.path(),
        "corpus/fire/003-wold-radio.txt",
        b"Around 80 firefighters attended the fire at the warehouse, the service said.\n",
    );
    wirecheck(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "no front matter; outlet taken from the file name: wold radio",
        ))
        .stdout(predicate::str::contains("3 versions"));
}

#[test]
fn type_errors_read_as_english() {
    let out = bad_claims(
        "story: fire\nslots:\n  firefighters: { kind: count, near: [firefighter] }\n  chief age: { kind: age, near: [chief] }\nclaims:\n  - firefighters = 80\n  - chief age = January 2009\n",
    );
    assert!(
        out.contains("`chief age` is an age slot, but this value is a date"),
        "{out}"
    );
}

#[test]
fn a_file_with_lone_cr_line_endings_reads_like_any_other() {
    let dir = small_project(CLAIMS);
    write(
        dir.path(),
        "corpus/fire/c.txt",
        "---\routlet: Radio\r---\rHeadline\r\rAbout 60 firefighters attended the fire, the service said.\r",
    );
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(code, 1, "60 against 80");
    assert!(
        json["problems"].as_array().unwrap().is_empty(),
        "front matter read: {}",
        json["problems"]
    );
    let finding = &json["findings"][0];
    assert_eq!(finding["version"], "c");
    assert_eq!(
        (
            finding["location"]["line"].as_u64(),
            finding["location"]["column"].as_u64()
        ),
        (Some(6), Some(1))
    );
}
