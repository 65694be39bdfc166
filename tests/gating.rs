//! Gating a newsroom's repository: baselines (fail only on new findings, stale entries, prune),
//! the project's own gate on its bundled corpus, draft checks, the project config, and
//! changed-only runs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;

use common::*;
use predicates::prelude::*;

const BUNDLED_STORY: &str = "corpus/met-police-data-breaches";
const COMMITTED_BASELINE: &str = ".ci/wirecheck-baseline.yaml";

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn entries(path: &Path) -> usize {
    fs::read_to_string(path)
        .unwrap()
        .matches("- fingerprint:")
        .count()
}

/// A version the bundled story has not seen, stating a breach count no other version gives.
const FRESH_CONFLICT: &str = "---\noutlet: Wold Valley Radio\npublished: 2014-05-07\n---\nMet Police breaches\n\nThe Metropolitan Police recorded 340 data protection breaches between January 2009 and October 2013, figures show.\n";

// ---- Baselines

#[test]
fn a_baseline_accepts_the_findings_it_lists() {
    let dir = bundled_copy();
    wirecheck(dir.path())
        .arg("baseline")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "wrote wirecheck-baseline.yaml with 10 entries",
        ));
    let path = dir.path().join("wirecheck-baseline.yaml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("schema_version: 1\n"), "{text}");
    assert_eq!(entries(&path), 10);
    for field in ["code:", "story:", "version:", "claim:", "message:"] {
        assert!(text.contains(field), "{field} in {text}");
    }
    assert!(
        text.contains("The Independent says “detective chief constable”"),
        "messages make the file reviewable: {text}"
    );
    // Written again, the file is byte for byte the same: sorted and stable.
    wirecheck(dir.path()).arg("baseline").assert().code(0);
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    wirecheck(dir.path())
        .args(["check", "--baseline", "wirecheck-baseline.yaml"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "no new findings in 1 story, 5 versions, 20 claims; 10 accepted by the baseline",
        ));
    let (code, json) = check_json(dir.path(), &["--baseline", "wirecheck-baseline.yaml"]);
    assert_eq!(code, 0);
    assert_eq!(json["summary"]["accepted"], 10);
    assert!(json["findings"].as_array().unwrap().is_empty());
}

#[test]
fn fingerprints_survive_edits_elsewhere_in_the_article() {
    let dir = bundled_copy();
    wirecheck(dir.path()).arg("baseline").assert().code(0);
    // Paragraphs added above every conflict move them all down the page.
    let path = dir.path().join(BUNDLED_STORY).join("003-independent.txt");
    let text = fs::read_to_string(&path).unwrap();
    let body = text.find("\n---\n").unwrap() + 5;
    let edited = format!(
        "{}An editor's note added on top of the article, long after it was published.\n\nAnd a second paragraph, so that every line number changes.\n\n{}",
        &text[..body],
        &text[body..]
    );
    fs::write(&path, edited).unwrap();
    wirecheck(dir.path())
        .args(["check", "--baseline", "wirecheck-baseline.yaml"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("10 accepted by the baseline"))
        .stdout(predicate::str::contains("baseline::stale").not());
}

#[test]
fn stale_entries_are_noted_and_pruned() {
    let dir = bundled_copy();
    wirecheck(dir.path()).arg("baseline").assert().code(0);
    // The Independent corrects its rank: the accepted conflict is gone.
    let path = dir.path().join(BUNDLED_STORY).join("003-independent.txt");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("detective chief constable", "detective chief inspector"),
    )
    .unwrap();
    let output = wirecheck(dir.path())
        .args(["check", "--baseline", "wirecheck-baseline.yaml"])
        .output()
        .unwrap();
    let out = stdout(&output);
    assert_eq!(
        output.status.code(),
        Some(0),
        "a stale entry is a note: {out}"
    );
    assert!(out.contains("wirecheck::baseline::stale"), "{out}");
    // The terminal wraps the message: its parts are checked one by one.
    for part in [
        "baseline entry matches no finding: value_conflict in",
        "met-police-data-breaches/003-independent",
        "(most-senior-officer)",
    ] {
        assert!(out.contains(part), "{part}: {out}");
    }
    assert!(
        out.contains("wirecheck-baseline.yaml:"),
        "points into the file: {out}"
    );
    let baseline = dir.path().join("wirecheck-baseline.yaml");
    assert_eq!(entries(&baseline), 10, "reporting changes nothing");
    wirecheck(dir.path())
        .args(["check", "--baseline", "wirecheck-baseline.yaml", "--prune"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "pruned 1 stale entry from wirecheck-baseline.yaml",
        ));
    assert_eq!(entries(&baseline), 9);
    assert!(
        !fs::read_to_string(&baseline)
            .unwrap()
            .contains("chief constable")
    );
    wirecheck(dir.path())
        .args(["check", "--baseline", "wirecheck-baseline.yaml"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("baseline::stale").not());
}

/// Two stories: the fire of the small project, and a flood that conflicts with its claim.
fn two_stories() -> tempfile::TempDir {
    let dir = small_project(CLAIMS);
    write(
        dir.path(),
        "corpus/flood/a.txt",
        "---\noutlet: Gazette\n---\nRiver floods town\n\nAbout 120 homes were flooded when the river burst its banks on Sunday, the council said.\n",
    );
    write(
        dir.path(),
        "claims/flood.yaml",
        "story: flood\nslots:\n  homes: { kind: count, near: [homes] }\nclaims:\n  - homes = 200\n",
    );
    dir
}

#[test]
fn a_run_limited_to_some_stories_leaves_the_others_entries_alone() {
    let dir = two_stories();
    wirecheck(dir.path()).arg("baseline").assert().code(0);
    let baseline = dir.path().join("wirecheck-baseline.yaml");
    assert_eq!(entries(&baseline), 1, "the flood's conflict");
    // The fire has no findings: a run of it alone must not call the flood's entry stale …
    wirecheck(dir.path())
        .args([
            "check",
            "--story",
            "fire",
            "--baseline",
            "wirecheck-baseline.yaml",
            "--prune",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("baseline::stale").not());
    assert_eq!(entries(&baseline), 1);
    // … nor may a baseline written for the fire alone drop it.
    wirecheck(dir.path())
        .args(["baseline", "--story", "fire"])
        .assert()
        .code(0);
    assert!(
        fs::read_to_string(&baseline)
            .unwrap()
            .contains("story: \"flood\"")
    );
}

#[test]
fn a_broken_or_missing_baseline_stops_the_run_with_exit_2() {
    let dir = two_stories();
    write(dir.path(), "b.yaml", "schema_version: 1\nfindngs: []\n");
    wirecheck(dir.path())
        .args(["check", "--baseline", "b.yaml"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("wirecheck::baseline::invalid"))
        .stdout(predicate::str::contains("did you mean `findings`?"))
        .stdout(predicate::str::contains("b.yaml:2:1"));
    wirecheck(dir.path())
        .args(["check", "--baseline", "none.yaml"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("the baseline file does not exist"));
    wirecheck(dir.path())
        .args(["check", "--prune"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--prune removes stale entries"));
}

#[test]
fn no_baseline_is_written_from_broken_inputs() {
    let dir = two_stories();
    wirecheck(dir.path()).arg("baseline").assert().code(0);
    let baseline = dir.path().join("wirecheck-baseline.yaml");
    let before = fs::read_to_string(&baseline).unwrap();
    write(dir.path(), "claims/fire.yaml", "story: fire\nslots: [\n");
    wirecheck(dir.path())
        .arg("baseline")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no baseline written"));
    assert_eq!(fs::read_to_string(&baseline).unwrap(), before);
    let stray: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".wirecheck-"))
        .collect();
    assert!(stray.is_empty(), "temporary files left: {stray:?}");
}

#[test]
fn a_baseline_may_be_the_first_file_in_its_folder() {
    let dir = two_stories();
    wirecheck(dir.path())
        .args(["baseline", "--baseline", ".ci/accepted.yaml"])
        .assert()
        .code(0);
    wirecheck(dir.path())
        .args(["check", "--baseline", ".ci/accepted.yaml"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 accepted by the baseline"));
}

// ---- The project gates its own corpus

#[test]
fn the_bundled_corpus_passes_its_own_gate() {
    wirecheck(&repo())
        .args(["check", "--no-cache", "--baseline", COMMITTED_BASELINE])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "no new findings in 1 story, 5 versions, 20 claims; 10 accepted by the baseline",
        ))
        .stdout(predicate::str::contains("baseline::stale").not());
    let ci = fs::read_to_string(repo().join(".ci/run")).unwrap();
    assert!(
        ci.contains("check --no-cache --baseline .ci/wirecheck-baseline.yaml"),
        ".ci/run runs the gate"
    );
}

#[test]
fn the_gate_fails_on_a_fresh_conflict_and_names_it() {
    let dir = bundled_copy();
    fs::create_dir_all(dir.path().join(".ci")).unwrap();
    fs::copy(
        repo().join(COMMITTED_BASELINE),
        dir.path().join(COMMITTED_BASELINE),
    )
    .unwrap();
    write(
        dir.path(),
        &format!("{BUNDLED_STORY}/005-wold-valley-radio.txt"),
        FRESH_CONFLICT,
    );
    let output = wirecheck(dir.path())
        .args(["check", "--baseline", COMMITTED_BASELINE])
        .output()
        .unwrap();
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(
        out.contains("breaches: Wold Valley Radio says “340”, but the claim says it is “300”"),
        "{out}"
    );
    assert!(
        out.contains("corpus/met-police-data-breaches/005-wold-valley-radio.txt:7:"),
        "{out}"
    );
    assert!(out.contains("1 new finding (1 error)"), "{out}");
    assert!(out.contains("10 accepted by the baseline"), "{out}");
}

// ---- Draft checks

const DRAFT: &str = "Met Police data breaches\n\nThe most senior officer found to have committed offences under the Prevention of Corruption Act was a detective chief constable, the force said.\n";

#[test]
fn a_draft_is_checked_against_the_claims_without_joining_the_corpus() {
    let dir = bundled_copy();
    write(dir.path(), "draft.txt", DRAFT);
    let listing = || {
        fs::read_dir(dir.path().join(BUNDLED_STORY))
            .unwrap()
            .count()
    };
    let before = listing();
    let output = wirecheck(dir.path())
        .args([
            "check",
            "--draft",
            "draft.txt",
            "--story",
            "met-police-data-breaches",
        ])
        .output()
        .unwrap();
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(
        out.contains("most senior officer: the draft says “detective chief constable”"),
        "{out}"
    );
    assert!(
        out.contains("╭─[draft.txt:3:"),
        "points into the draft: {out}"
    );
    // The published versions' own conflicts are not the draft's.
    assert!(out.contains("1 finding (1 error)"), "{out}");
    assert_eq!(listing(), before, "the corpus is unchanged");
    assert!(
        !dir.path().join(".wirecheck_cache").exists(),
        "a draft is never cached"
    );
}

#[test]
fn a_draft_reads_from_standard_input() {
    let dir = bundled_copy();
    let output = wirecheck(dir.path())
        .args([
            "check",
            "--draft",
            "-",
            "--story",
            "met-police-data-breaches",
            "--format",
            "json",
        ])
        .write_stdin(DRAFT)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["version"], "draft");
    assert_eq!(findings[0]["location"]["path"], "<stdin>");
    assert_eq!(findings[0]["location"]["line"], 3);
}

#[test]
fn a_clean_draft_passes_though_the_published_versions_conflict() {
    let dir = bundled_copy();
    wirecheck(dir.path())
        .args(["check", "--draft", "-", "--story", "met-police-data-breaches"])
        .write_stdin("Met Police\n\nA detective chief inspector received formal action after committing offences contrary to the Prevention of Corruption Act, the force said.\n")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no findings in 1 story, 6 versions"));
}

#[test]
fn a_draft_does_not_vote_in_the_consensus_it_is_measured_against() {
    let claims = "story: fire\nslots:\n  firefighters: { kind: count, near: [firefighter] }\nclaims:\n  - firefighters = ?\n";
    let dir = small_project(claims);
    write(
        dir.path(),
        "corpus/fire/c.txt",
        "---\noutlet: Radio\n---\nFire\n\nSome 60 firefighters attended the fire at the warehouse, the service said.\n",
    );
    // Published: 80, 80, 60. Were the draft's 60 a vote, no value would have a majority.
    let output = wirecheck(dir.path())
        .args(["check", "--draft", "-", "--story", "fire", "-o", "json"])
        .write_stdin(
            "A total of 60 firefighters were sent to the warehouse fire, the service said.\n",
        )
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["code"], "wirecheck::consensus_conflict");
    assert_eq!(findings[0]["version"], "draft");
    assert_eq!(findings[0]["expected"]["versions"], 2);
    assert_eq!(findings[0]["expected"]["of"], 3);
}

#[test]
fn a_draft_needs_exactly_one_known_story() {
    let dir = small_project(CLAIMS);
    write(
        dir.path(),
        "draft.txt",
        "80 firefighters attended the fire at the warehouse, it said.\n",
    );
    wirecheck(dir.path())
        .args(["check", "--draft", "draft.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--story"));
    wirecheck(dir.path())
        .args([
            "check",
            "--draft",
            "draft.txt",
            "--story",
            "fire",
            "--story",
            "flood",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("give exactly one --story"));
    wirecheck(dir.path())
        .args(["check", "--draft", "draft.txt", "--story", "fires"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("did you mean `fire`?"));
    wirecheck(dir.path())
        .args(["check", "--draft", "missing.txt", "--story", "fire"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("cannot read the draft"));
}

#[test]
fn a_draft_of_a_story_not_yet_published_is_checked_against_its_claims() {
    let dir = small_project(CLAIMS);
    write(
        dir.path(),
        "claims/storm.yaml",
        "story: storm\nslots:\n  trees: { kind: count, near: [trees] }\nclaims:\n  - trees = 40\n",
    );
    wirecheck(dir.path())
        .args(["check", "--draft", "-", "--story", "storm"])
        .write_stdin(
            "High winds brought down 45 trees across the county overnight, the council said.\n",
        )
        .assert()
        .code(1)
        .stdout(predicate::str::contains("trees: the draft says “45”"));
}

// ---- The project config

#[test]
fn the_config_is_found_from_any_folder_below_it_and_flags_override_it() {
    let dir = project(&[
        ("news/corpus/fire/a.txt", STORY_A),
        ("news/corpus/fire/b.txt", STORY_B),
        (
            "news/claims/fire.yaml",
            "story: fire\nslots:\n  firefighters: { kind: count, near: [firefighter] }\nclaims:\n  - claim: firefighters = 60\n    severity: warning\n",
        ),
        (
            "wirecheck.yaml",
            "corpus: news/corpus\nclaims: news/claims\nfail_on: warning\nformat: json\n",
        ),
    ]);
    let output = wirecheck(&dir.path().join("news/corpus/fire"))
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "fail_on: warning");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["findings"][0]["location"]["path"],
        "../../../news/corpus/fire/a.txt"
    );
    wirecheck(dir.path())
        .args(["check", "--format", "human", "--fail-on", "error"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "2 findings (2 warnings) in 1 story",
        ));
    wirecheck(dir.path())
        .args(["check", "--no-config"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("cannot read the corpus folder"));
}

#[test]
fn a_bad_config_is_reported_whole_with_suggestions_and_exits_2() {
    let dir = small_project(CLAIMS);
    write(
        dir.path(),
        "wirecheck.yaml",
        "corpus: corpus\nfail-on: warning\nformat: xml\nclaims: ../../elsewhere\nseverities:\n  value_conflit: note\n",
    );
    let output = wirecheck(dir.path()).arg("check").output().unwrap();
    let err = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{err}");
    for expected in [
        "wirecheck::config::invalid",
        "unknown config key `fail-on`",
        "did you mean `fail_on`?",
        "wirecheck.yaml:2:1",
        "unknown format `xml`",
        "`claims: ../../elsewhere` leads outside the project",
        "did you mean `value_conflict`?",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    wirecheck(dir.path())
        .args(["check", "--config", "nowhere.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the config file does not exist"));
}

#[test]
fn the_config_sets_severities_and_the_baseline() {
    let dir = bundled_copy();
    wirecheck(dir.path())
        .args(["baseline", "--baseline", "accepted.yaml"])
        .assert()
        .code(0);
    write(
        dir.path(),
        "wirecheck.yaml",
        "baseline: accepted.yaml\nseverities:\n  quote_edited: off\n  quote_altered: error\n",
    );
    wirecheck(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("10 accepted by the baseline"));
    wirecheck(dir.path())
        .args(["check", "--no-baseline"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "7 findings (5 errors, 2 warnings) in 1 story",
        ));
}

// ---- Changed-only runs

#[test]
fn paths_limit_the_run_to_the_stories_they_touch() {
    let dir = two_stories();
    let checked = |paths: &[&str]| {
        let output = wirecheck(dir.path())
            .arg("check")
            .args(paths)
            .output()
            .unwrap();
        stdout(&output)
    };
    assert!(checked(&["corpus/fire/a.txt"]).contains("no findings in 1 story, 2 versions"));
    assert!(checked(&["claims/flood.yaml"]).contains("1 finding (1 error) in 1 story, 1 version"));
    assert!(checked(&["corpus/fire", "corpus/flood/a.txt"]).contains("in 2 stories"));
    assert!(checked(&["claims/lexicon/ranks.yaml"]).contains("in 2 stories"));
    wirecheck(dir.path())
        .args(["check", "README.md", "corpus/gone/a.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no findings in 0 stories"))
        .stderr(predicate::str::contains("the changes touch no story"));
}

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(args)
        .output()
        .unwrap();
    assert!(status.status.success(), "git {args:?}: {status:?}");
}

#[test]
fn changed_since_asks_git_which_stories_changed() {
    let dir = two_stories();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "corpus"]);
    wirecheck(dir.path())
        .args(["check", "--changed-since", "HEAD"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 stories"));
    // An edited fire version, tracked.
    let a = dir.path().join("corpus/fire/a.txt");
    fs::write(&a, fs::read_to_string(&a).unwrap() + "\nAn update.\n").unwrap();
    wirecheck(dir.path())
        .args(["check", "--changed-since", "HEAD"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("in 1 story, 2 versions"));
    // A new flood version, untracked, from a folder below the repository's root.
    write(
        dir.path(),
        "corpus/flood/b.txt",
        "---\noutlet: Radio\n---\nFlood\n\nAround 200 homes were flooded, the council said on Monday.\n",
    );
    wirecheck(&dir.path().join("corpus"))
        .args([
            "check",
            "--changed-since",
            "HEAD",
            "--corpus",
            ".",
            "--claims",
            "../claims",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("in 2 stories, 4 versions"));
    wirecheck(dir.path())
        .args(["check", "--changed-since", "no-such-rev"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("git diff"));
}

#[test]
fn json_kept_by_the_cache_follows_the_baseline_and_the_config_severities() {
    let dir = bundled_copy();
    let json = |args: &[&str]| -> String {
        let output = wirecheck(dir.path())
            .args(["check", "-o", "json"])
            .args(args)
            .output()
            .unwrap();
        stdout(&output)
    };
    // Fills the cache, rendered JSON included.
    let plain = json(&[]);
    assert_eq!(json(&[]), plain);
    let cache = dir.path().join(".wirecheck_cache");
    assert!(cache.join("met-police-data-breaches.story.json").is_file());
    assert!(
        cache
            .join("met-police-data-breaches.findings.json")
            .is_file()
    );
    assert_eq!(json(&["--no-cache"]), plain);

    // A baseline accepting some findings: the kept pieces of the rest, no more.
    wirecheck(dir.path())
        .args(["baseline", "--baseline", "accepted.yaml"])
        .assert()
        .code(0);
    let baseline = std::fs::read_to_string(dir.path().join("accepted.yaml")).unwrap();
    // Keeps the first two entries of ten.
    let third = baseline
        .match_indices("\n  - ")
        .nth(2)
        .map(|(i, _)| i)
        .unwrap();
    write(dir.path(), "accepted.yaml", &baseline[..third + 1]);
    let accepted = json(&["--baseline", "accepted.yaml"]);
    assert_ne!(accepted, plain);
    assert_eq!(
        accepted,
        json(&["--baseline", "accepted.yaml", "--no-cache"])
    );

    // Severities changed by the config after the pieces were kept: never the old severity.
    write(
        dir.path(),
        "wirecheck.yaml",
        "severities:\n  quote_edited: off\n  value_conflict: note\n",
    );
    let overridden = json(&[]);
    assert_ne!(overridden, plain);
    assert!(!overridden.contains("wirecheck::quote_edited"));
    assert_eq!(overridden, json(&["--no-cache"]));
    // And back: the pieces kept for the plain run are still right.
    std::fs::remove_file(dir.path().join("wirecheck.yaml")).unwrap();
    assert_eq!(json(&[]), plain);
}
