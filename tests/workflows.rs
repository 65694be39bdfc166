//! A newsroom's workflow around the checker: `init`, `explain`, `test-claims`, shell
//! completions and the man page, colour and progress, and the CI recipes (the GitHub Actions
//! workflow and GitLab job in docs/ci.md, the pre-commit hook manifest, GitLab's report).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;

use common::*;
use predicates::prelude::*;

fn stdout_of(command: &mut assert_cmd::Command) -> (i32, String) {
    let output = command.output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

// ---- init

#[test]
fn init_scaffolds_a_project_that_passes_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    wirecheck(dir.path())
        .args(["init", "news"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("news/wirecheck.yaml"))
        .stdout(predicate::str::contains(
            "news/claims/northbridge-council-tax.yaml",
        ));
    let root = dir.path().join("news");
    wirecheck(&root)
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "no findings in 1 story, 2 versions, 4 claims",
        ));
    wirecheck(&root)
        .arg("test-claims")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("4 passed, 0 failed"));
    // Every claim of the example is read in both versions: it shows the format, not silence.
    let (_, json) = check_json(&root, &[]);
    for status in json["stories"][0]["statuses"].as_array().unwrap() {
        assert_ne!(status["state"], "silent", "{status}");
    }
    let config = root.join("wirecheck.yaml");
    fs::write(&config, "# edited\n").unwrap();
    wirecheck(dir.path())
        .args(["init", "news"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(fs::read_to_string(&config).unwrap(), "# edited\n");
}

// ---- explain

#[test]
fn explain_prints_every_codes_page_with_its_four_sections() {
    let (code, list) = stdout_of(wirecheck(&repo()).arg("explain"));
    assert_eq!(code, 0);
    let codes: Vec<&str> = list
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.starts_with("wirecheck::"))
        .collect();
    assert!(codes.len() >= 24, "{list}");
    for name in ["wirecheck::config::invalid", "wirecheck::baseline::stale"] {
        assert!(codes.contains(&name), "{name} in {list}");
    }
    for name in codes {
        let (code, page) = stdout_of(wirecheck(&repo()).args(["explain", name]));
        assert_eq!(code, 0, "{name}");
        assert!(page.starts_with(&format!("# {name}\n")), "{name}: {page}");
        for heading in [
            "## What it flags",
            "## Why it matters",
            "## Example",
            "## How to resolve",
        ] {
            assert!(page.contains(heading), "{name} lacks {heading}");
        }
    }
}

// ---- test-claims

#[test]
fn test_claims_runs_the_bundled_examples() {
    wirecheck(&repo())
        .arg("test-claims")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "ok    most-senior-officer  match     A detective chief inspector received",
        ))
        .stdout(predicate::str::contains(
            "test-claims ok: 10 examples of 3 claims, 10 passed, 0 failed",
        ));
}

#[test]
fn a_failing_example_fails_test_claims_with_its_place_and_reading() {
    let claims = "story: fire\nslots:\n  firefighters: { kind: count, near: [firefighter] }\nclaims:\n  - claim: firefighters = 80\n    examples:\n      match:\n        - A total of 80 firefighters attended the fire, the service said.\n        - The brigade sent 60 firefighters to the scene on Monday.\n      no_match:\n        - The fire was attended by crews from 12 stations, it said.\n        - Some 80 firefighters fought the blaze through the night.\n";
    let dir = small_project(claims);
    let (code, out) = stdout_of(wirecheck(dir.path()).arg("test-claims"));
    assert_eq!(code, 1, "{out}");
    for expected in [
        "ok    firefighters  match     A total of 80 firefighters",
        "FAIL  firefighters  match     The brigade sent 60 firefighters",
        "claims/fire.yaml:9:11: read as conflicts: “60” (60); a `match` example must be read as agreeing with the claim",
        "ok    firefighters  no_match  The fire was attended by crews",
        "FAIL  firefighters  no_match  Some 80 firefighters",
        "claims/fire.yaml:12:11: read as vague: “Some 80” (72 to 88); a `no_match` example must not be read",
        "test-claims FAILED: 4 examples of 1 claim, 2 passed, 2 failed",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
}

#[test]
fn examples_are_validated_with_the_claim_file() {
    let claims = "story: fire\nslots:\n  firefighters: { kind: count, near: [firefighter] }\nclaims:\n  - claim: firefighters = 80\n    examples:\n      no-match: [Some 60 firefighters attended.]\n";
    let dir = small_project(claims);
    wirecheck(dir.path())
        .arg("test-claims")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown examples key `no-match`"))
        .stderr(predicate::str::contains("did you mean `no_match`?"));
    // `check` rejects the file the same way.
    wirecheck(dir.path()).arg("check").assert().code(2);
    let dir = small_project(CLAIMS);
    wirecheck(dir.path())
        .arg("test-claims")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no claim has examples"));
}

#[test]
fn the_output_format_flags_keep_their_names() {
    // Released names: scripts and CI configs depend on them.
    for flag in ["--format", "-o", "--output-format"] {
        for format in ["human", "json", "sarif", "github", "gitlab"] {
            wirecheck(&repo())
                .args([
                    "check",
                    "--no-cache",
                    "--story",
                    "met-police-data-breaches",
                    flag,
                    format,
                ])
                .assert()
                .code(1);
        }
    }
}

// ---- completions, man page, colour, progress

#[test]
fn completions_and_the_man_page_come_from_the_cli_definition() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, script) = stdout_of(wirecheck(&repo()).args(["completions", shell]));
        assert_eq!(code, 0, "{shell}");
        // Fish spells long options `-l draft`; every shell names them.
        for word in [
            "wirecheck",
            "baseline",
            "draft",
            "changed-since",
            "test-claims",
        ] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
    let (code, page) = stdout_of(wirecheck(&repo()).arg("man"));
    assert_eq!(code, 0);
    assert!(
        page.starts_with(".ie") || page.contains(".TH wirecheck"),
        "{page}"
    );
    for word in ["baseline", "test\\-claims", "completions"] {
        assert!(page.contains(word), "man page lacks {word}");
    }
}

#[test]
fn colour_follows_the_flag_then_no_color_clicolor_force_and_clicolor() {
    let dir = small_project(
        "story: fire\nslots:\n  firefighters: { kind: count, near: [firefighter] }\nclaims:\n  - firefighters = 60\n",
    );
    let coloured = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = wirecheck(dir.path());
        command.env_remove("NO_COLOR").arg("check").args(args);
        for (key, value) in env {
            command.env(key, value);
        }
        let (_, out) = stdout_of(&mut command);
        out.contains('\u{1b}')
    };
    assert!(!coloured(&[], &[]), "not a terminal: no colour");
    assert!(coloured(&["--color", "always"], &[("NO_COLOR", "1")]));
    assert!(coloured(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!coloured(&[], &[("CLICOLOR_FORCE", "0")]));
    assert!(!coloured(
        &[],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    ));
    assert!(!coloured(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(!coloured(&[], &[("CLICOLOR", "0")]));
}

#[test]
fn no_progress_is_drawn_off_a_terminal() {
    let dir = bundled_copy();
    wirecheck(dir.path())
        .args(["check", "--no-cache"])
        .assert()
        .code(1)
        .stderr(predicate::str::is_empty());
}

// ---- CI recipes

/// The YAML block that follows `heading` in docs/ci.md.
fn recipe(heading: &str) -> serde_yaml::Value {
    let doc = fs::read_to_string(repo().join("docs/ci.md")).unwrap();
    let at = doc.find(heading).unwrap_or_else(|| panic!("no {heading}"));
    let block = &doc[at..];
    let start = block.find("```yaml\n").unwrap() + 8;
    let end = start + block[start..].find("```").unwrap();
    serde_yaml::from_str(&block[start..end]).unwrap()
}

#[test]
fn the_github_actions_recipe_runs_on_pull_requests_touching_the_corpus_and_uploads_sarif() {
    let workflow = recipe("### GitHub Actions");
    let on = &workflow["on"]["pull_request"]["paths"];
    let paths: Vec<&str> = on
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert!(
        paths.contains(&"corpus/**") && paths.contains(&"claims/**"),
        "{paths:?}"
    );
    assert_eq!(workflow["permissions"]["security-events"], "write");
    let steps = workflow["jobs"]["wirecheck"]["steps"]
        .as_sequence()
        .unwrap();
    let run: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(
        run.iter()
            .any(|r| r.starts_with("wirecheck check --changed-since")
                && r.contains("--format sarif > wirecheck.sarif")),
        "{run:?}"
    );
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif"))
        })
        .expect("an upload-sarif step");
    assert_eq!(upload["with"]["sarif_file"], "wirecheck.sarif");
    assert_eq!(upload["if"], "always()");
}

#[test]
fn the_gitlab_recipe_publishes_the_code_quality_report_check_writes() {
    let job = &recipe("### GitLab CI")["wirecheck"];
    let script: Vec<&str> = job["script"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|s| s.as_str())
        .collect();
    assert!(
        script.contains(&"wirecheck check --format gitlab > gl-code-quality-report.json"),
        "{script:?}"
    );
    assert_eq!(
        job["artifacts"]["reports"]["codequality"],
        "gl-code-quality-report.json"
    );
    assert_eq!(job["artifacts"]["when"], "always");

    let (code, out) =
        stdout_of(wirecheck(&repo()).args(["check", "--no-cache", "--format", "gitlab"]));
    assert_eq!(code, 1);
    let issues: serde_json::Value = serde_json::from_str(&out).unwrap();
    let issues = issues.as_array().unwrap();
    assert_eq!(issues.len(), 10);
    for issue in issues {
        assert!(issue["description"].as_str().is_some_and(|d| !d.is_empty()));
        assert!(
            issue["check_name"]
                .as_str()
                .unwrap()
                .starts_with("wirecheck::")
        );
        assert_eq!(issue["fingerprint"].as_str().unwrap().len(), 16);
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&issue["severity"].as_str().unwrap())
        );
        assert!(
            issue["location"]["path"]
                .as_str()
                .unwrap()
                .starts_with("corpus/met-police-data-breaches/")
        );
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }
    let conflict = issues
        .iter()
        .find(|i| i["check_name"] == "wirecheck::value_conflict")
        .unwrap();
    assert_eq!(conflict["severity"], "major");
    assert_eq!(conflict["location"]["lines"]["begin"], 35);
    let mut fingerprints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    fingerprints.sort();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), 10, "unique, as GitLab requires");
}

/// The `wirecheck` hook of .pre-commit-hooks.yaml, as pre-commit would run it on `files`.
fn run_hook(dir: &std::path::Path, files: &[&str]) -> (i32, String) {
    let hooks: serde_yaml::Value =
        serde_yaml::from_str(&fs::read_to_string(repo().join(".pre-commit-hooks.yaml")).unwrap())
            .unwrap();
    let hook = hooks
        .as_sequence()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "wirecheck")
        .unwrap();
    assert_eq!(
        hook["language"], "rust",
        "pre-commit builds it from this repository"
    );
    assert_eq!(hook["pass_filenames"], true);
    let pattern = hook["files"].as_str().unwrap();
    assert!(
        pattern.contains("corpus/") && pattern.contains("claims/"),
        "{pattern}"
    );
    let entry: Vec<&str> = hook["entry"].as_str().unwrap().split_whitespace().collect();
    assert_eq!(entry[0], "wirecheck");
    stdout_of(wirecheck(dir).args(&entry[1..]).args(files))
}

#[test]
fn the_pre_commit_hook_checks_the_stories_of_the_staged_files() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("corpus"), &dir.path().join("corpus"));
    copy_dir(&repo().join("claims"), &dir.path().join("claims"));
    copy_dir(&fixture().join("corpus"), &dir.path().join("corpus"));
    copy_dir(&fixture().join("claims"), &dir.path().join("claims"));
    wirecheck(dir.path()).args(["baseline"]).assert().code(0);
    write(
        dir.path(),
        "wirecheck.yaml",
        "baseline: wirecheck-baseline.yaml\n",
    );
    let staged = "corpus/kestermouth-harbour-fire/001-kestermouth-mercury.txt";
    let (code, out) = run_hook(dir.path(), &[staged]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("in 1 story, 5 versions"),
        "only the staged file's story: {out}"
    );
    // A staged new version of the bundled story with a fresh conflict stops the commit.
    let added = "corpus/met-police-data-breaches/005-wold-valley-radio.txt";
    write(
        dir.path(),
        added,
        "---\noutlet: Wold Valley Radio\n---\nMet Police\n\nThe Metropolitan Police recorded 340 data protection breaches between January 2009 and October 2013.\n",
    );
    let (code, out) = run_hook(dir.path(), &[staged, added]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("005-wold-valley-radio.txt"), "{out}");
    assert!(
        out.contains("1 new finding (1 error) in 2 stories"),
        "{out}"
    );
}
