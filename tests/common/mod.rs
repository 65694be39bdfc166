//! Helpers shared by the integration tests: running the binary in a project folder, and
//! building small projects on disk.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture() -> PathBuf {
    repo().join("tests/fixtures/harbour-fire")
}

/// The binary, run in `dir` with colour off and a fixed width, so output is stable.
pub fn wirecheck(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wirecheck"));
    command
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    command
}

/// A project on disk from (relative path, contents) pairs.
pub fn project(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, contents) in files {
        write(dir.path(), path, contents);
    }
    dir
}

pub fn write(root: &Path, path: &str, contents: impl AsRef<[u8]>) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

/// A copy of a folder (the bundled corpus, a fixture), to modify in a test.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of the bundled project (corpus and claims), to modify.
pub fn bundled_copy() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("corpus"), &dir.path().join("corpus"));
    copy_dir(&repo().join("claims"), &dir.path().join("claims"));
    dir
}

/// Runs `wirecheck check --format json` in `dir` and returns (exit code, document).
pub fn check_json(dir: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let output = wirecheck(dir)
        .arg("check")
        .arg("--format")
        .arg("json")
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    (output.status.code().unwrap(), json)
}

/// A minimal valid story: one claim, two versions that agree.
pub const STORY_A: &str = "---\noutlet: Gazette\npublished: 2023-03-14\n---\nHeadline\n\nA total of 80 firefighters attended the fire at the warehouse on Monday, the service said.\n";
pub const STORY_B: &str = "---\noutlet: Courier\n---\nAt least 80 firefighters attended the fire at the warehouse, the fire service said on Tuesday.\n";
pub const CLAIMS: &str = "story: fire\nslots:\n  firefighters: { kind: count, near: [firefighter] }\nclaims:\n  - firefighters = 80\n";

pub fn small_project(claims: &str) -> TempDir {
    project(&[
        ("corpus/fire/a.txt", STORY_A),
        ("corpus/fire/b.txt", STORY_B),
        ("claims/fire.yaml", claims),
    ])
}

/// The text of every mention the statuses of the first story rest on.
pub fn mentioned(json: &serde_json::Value) -> Vec<String> {
    json["stories"][0]["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["mentions"].as_array().unwrap().iter())
        .map(|m| m["location"]["text"].as_str().unwrap().to_string())
        .collect()
}

/// Checks a one-story project built from a claim file body (without `story:`) and versions
/// given as (name, text); returns (exit code, JSON document).
pub fn story_json(claims: &str, versions: &[(&str, &str)]) -> (i32, serde_json::Value) {
    let mut files: Vec<(String, String)> = versions
        .iter()
        .map(|(name, body)| {
            (
                format!("corpus/story/{name}.txt"),
                format!("---\noutlet: {name}\npublished: 2024-11-20\n---\n{body}\n"),
            )
        })
        .collect();
    files.push((
        "claims/story.yaml".into(),
        format!("story: story\n{claims}"),
    ));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    let dir = project(&refs);
    check_json(dir.path(), &[])
}

/// The state of `claim` in version `version`, with the texts of its mentions.
pub fn state(json: &serde_json::Value, claim: &str, version: &str) -> (String, Vec<String>) {
    let status = json["stories"][0]["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["claim"] == claim && s["version"] == version)
        .unwrap_or_else(|| panic!("no status for {claim} in {version}"));
    let texts = status["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["location"]["text"].as_str().unwrap().to_string())
        .collect();
    (status["state"].as_str().unwrap().to_string(), texts)
}
