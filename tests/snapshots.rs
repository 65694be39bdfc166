//! Snapshots of what users see: terminal diagnostics (no colour, 100 columns) and the JSON
//! document, for the bundled corpus, the fixture story and a broken claim file. Review changes
//! with `cargo insta review`; the tool's version is redacted.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::*;

fn human(dir: &Path, args: &[&str]) -> String {
    let output = wirecheck(dir).arg("check").args(args).output().unwrap();
    String::from_utf8(output.stdout).unwrap()
}

fn json(dir: &Path) -> serde_json::Value {
    check_json(dir, &[]).1
}

#[test]
fn bundled_corpus_terminal() {
    insta::assert_snapshot!(human(&repo(), &[]));
}

#[test]
fn bundled_corpus_json() {
    insta::assert_json_snapshot!(json(&repo()), { ".tool.version" => "[version]" });
}

#[test]
fn fixture_story_terminal() {
    insta::assert_snapshot!(human(&fixture(), &[]));
}

#[test]
fn fixture_story_json_findings() {
    let document = json(&fixture());
    insta::assert_json_snapshot!(document["findings"]);
}

#[test]
fn broken_claim_file_terminal() {
    let dir = small_project(
        "story: fire\nslots:\n  firefighters: { kind: count, neer: [firefighter] }\n  engines: { kind: count, near: [engine] }\nclaims:\n  - firefighterz = 80\n  - engines = (14 +\n  - engines = January 2009\n",
    );
    insta::assert_snapshot!(human(dir.path(), &[]));
}
