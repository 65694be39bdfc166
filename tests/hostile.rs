//! Hostile inputs, one test each: none panics, hangs or exhausts memory; a user's mistake exits 2
//! with a diagnostic that names the file, and the rest of the corpus is still checked.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Output;

use common::{CLAIMS, project, small_project, wirecheck, write};

fn check(dir: &std::path::Path) -> (Output, String) {
    let output = wirecheck(dir).arg("check").output().unwrap();
    let out = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (output, out)
}

/// Every story still checked: the two good versions of `fire`.
fn rest_checked(out: &str) {
    assert!(out.contains("in 1 story"), "{out}");
}

#[test]
fn an_empty_article_is_a_version_that_says_nothing() {
    let dir = small_project(CLAIMS);
    write(dir.path(), "corpus/fire/c.txt", "");
    let (output, out) = check(dir.path());
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(out.contains("3 versions"), "{out}");
}

#[test]
fn an_empty_claim_file_is_an_error_that_names_it() {
    let dir = small_project("");
    let (output, out) = check(dir.path());
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("claims/fire.yaml"), "{out}");
    assert!(out.contains("the claim file is empty"), "{out}");
}

#[test]
fn an_article_of_200_mb_is_refused_without_being_read() {
    let dir = small_project(CLAIMS);
    let path = dir.path().join("corpus/fire/huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: the test costs no disk, and wirecheck must decide from the size alone.
    file.set_len(200 << 20).unwrap();
    let (output, out) = check(dir.path());
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("corpus/fire/huge.txt"), "{out}");
    assert!(out.contains("200.0 MiB"), "{out}");
    rest_checked(&out);
}

#[test]
fn crlf_line_endings_give_the_same_findings_as_lf() {
    let lf = small_project(CLAIMS);
    write(
        lf.path(),
        "corpus/fire/c.txt",
        "Fire in the docks.\n\nThe brigade sent 60 firefighters.\n",
    );
    let crlf = small_project(CLAIMS);
    write(
        crlf.path(),
        "corpus/fire/c.txt",
        "Fire in the docks.\r\n\r\nThe brigade sent 60 firefighters.\r\n",
    );
    let (a, out_a) = check(lf.path());
    let (b, out_b) = check(crlf.path());
    assert_eq!(a.status.code(), Some(1), "{out_a}");
    assert_eq!(b.status.code(), Some(1), "{out_b}");
    assert!(out_b.contains("corpus/fire/c.txt:3:18"), "{out_b}");
    assert!(out_a.contains("corpus/fire/c.txt:3:18"), "{out_a}");
}

#[test]
fn a_yaml_alias_bomb_in_a_claim_file_is_refused() {
    // Each anchor holds nine of the one before: nine levels expand to 9⁹ scalars.
    let mut bomb = String::from("story: fire\na: &a [x,x,x,x,x,x,x,x,x]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let (prev, name) = (pair[0], pair[1]);
        let refs = vec![format!("*{prev}"); 9].join(",");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let dir = small_project(&bomb);
    let (output, out) = check(dir.path());
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("claims/fire.yaml"), "{out}");
}

#[test]
fn a_claim_file_nested_10000_deep_is_refused() {
    let deep = format!(
        "story: fire\nclaims: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let dir = small_project(&deep);
    let (output, out) = check(dir.path());
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("nested more than"), "{out}");
}

#[test]
fn an_expression_of_10000_nested_parentheses_is_refused() {
    let claims = format!(
        "story: fire\nslots:\n  firefighters: {{ kind: count, near: [firefighter] }}\nclaims:\n  - firefighters = {}80{}\n",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    let dir = small_project(&claims);
    let (output, out) = check(dir.path());
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("claims/fire.yaml:5:"), "{out}");
    assert!(out.contains("nested"), "{out}");
}

#[test]
fn a_claim_file_with_100000_claims_loads() {
    let mut claims = String::from(
        "story: fire\nslots:\n  firefighters: { kind: count, near: [firefighter] }\nclaims:\n",
    );
    for i in 0..100_000 {
        claims.push_str(&format!(
            "  - {{ id: c{i}, claim: firefighters > {} }}\n",
            i % 70
        ));
    }
    let dir = small_project(&claims);
    let (output, out) = check(dir.path());
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(
        out.contains("100000 claims") || out.contains("100,000 claims"),
        "{out}"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_the_corpus_is_named_not_followed_forever() {
    let dir = small_project(CLAIMS);
    std::os::unix::fs::symlink("loop", dir.path().join("corpus/loop")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("corpus/fire/up")).unwrap();
    let (output, out) = check(dir.path());
    assert!(matches!(output.status.code(), Some(0 | 2)), "{out}");
    rest_checked(&out);
}

#[test]
fn a_line_of_one_megabyte_is_checked() {
    let dir = small_project(CLAIMS);
    let mut line = String::from("The brigade sent 60 firefighters. ");
    line.push_str(&"The crews worked through the night on the quay. ".repeat(22_000));
    line.push('\n');
    assert!(line.len() > 1 << 20);
    write(dir.path(), "corpus/fire/c.txt", &line);
    let (output, out) = check(dir.path());
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains("corpus/fire/c.txt:1:18"), "{out}");
    // The excerpt is a window onto the line, not the whole megabyte.
    assert!(out.len() < 20_000, "{} bytes of output", out.len());
}

#[test]
fn terminal_escapes_and_bidi_overrides_in_articles_are_never_echoed_raw() {
    let dir = small_project(CLAIMS);
    write(
        dir.path(),
        "corpus/fire/c.txt",
        "The brigade sent \u{1b}[2J\u{1b}]0;pwned\u{7}60\u{202e} firefighters\u{202c}.\n",
    );
    for format in ["human", "github"] {
        let output = wirecheck(dir.path())
            .args(["check", "--color", "always", "-o", format])
            .output()
            .unwrap();
        let out = String::from_utf8(output.stdout).unwrap();
        assert_eq!(output.status.code(), Some(1), "{out}");
        assert!(
            !out.contains("\u{1b}[2J") && !out.contains("\u{1b}]0;"),
            "{format}: {out:?}"
        );
        assert!(
            !out.contains('\u{7}') && !out.contains('\u{202e}'),
            "{format}: {out:?}"
        );
    }
}

fn stderr(output: &Output) -> String {
    let err = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn a_story_with_a_single_version_is_checked_against_its_claims_alone() {
    let dir = project(&[
        (
            "corpus/fire/a.txt",
            "---\noutlet: Gazette\n---\nThe brigade sent 60 firefighters to the warehouse.\n",
        ),
        ("claims/fire.yaml", CLAIMS),
    ]);
    let (output, out) = check(dir.path());
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains("corpus/fire/a.txt:4:18"), "{out}");
    assert!(
        out.contains("the only version that mentions it does not say “80”"),
        "{out}"
    );
    assert!(out.contains("in 1 story, 1 version, 1 claim"), "{out}");
}

#[test]
fn a_config_path_that_leads_out_of_the_project_is_refused_naming_the_key() {
    let dir = small_project(CLAIMS);
    write(
        dir.path(),
        "wirecheck.yaml",
        "corpus: corpus\nclaims: claims/../../claims\nbaseline: /etc/wirecheck-baseline.yaml\n",
    );
    let output = wirecheck(dir.path()).arg("check").output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("`claims: claims/../../claims` leads outside the project"),
        "{err}"
    );
    assert!(
        err.contains("`baseline: /etc/wirecheck-baseline.yaml` is an absolute path"),
        "{err}"
    );
    assert!(err.contains("wirecheck.yaml:2:9"), "{err}");
    assert!(output.stdout.is_empty(), "nothing is checked");
}

#[cfg(unix)]
#[test]
fn a_config_path_that_leads_out_through_a_symbolic_link_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    let dir = small_project(CLAIMS);
    std::os::unix::fs::symlink(outside.path(), dir.path().join("shared")).unwrap();
    write(
        dir.path(),
        "wirecheck.yaml",
        "baseline: shared/wirecheck-baseline.yaml\n",
    );
    let output = wirecheck(dir.path()).arg("baseline").output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains(
            "`baseline: shared/wirecheck-baseline.yaml` leads outside the project through a symbolic link"
        ),
        "{err}"
    );
    assert!(err.contains("wirecheck.yaml:1:11"), "{err}");
    // Nothing was written through the link.
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
    // A link that stays inside the project is followed as any folder is.
    std::os::unix::fs::symlink("claims", dir.path().join("claims-link")).unwrap();
    write(dir.path(), "wirecheck.yaml", "claims: claims-link\n");
    let (output, out) = check(dir.path());
    assert_eq!(output.status.code(), Some(0), "{out}");
}

#[test]
fn an_empty_config_is_every_default() {
    let dir = small_project(CLAIMS);
    write(dir.path(), "wirecheck.yaml", "");
    let (output, out) = check(dir.path());
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(out.contains("in 1 story, 2 versions, 1 claim"), "{out}");
}

#[test]
fn an_empty_lexicon_file_is_an_error_that_names_it() {
    let dir = small_project(&CLAIMS.replace(
        "story: fire\n",
        "story: fire\nlexicons: [lexicon/ranks.yaml]\n",
    ));
    write(dir.path(), "claims/lexicon/ranks.yaml", "");
    let (output, out) = check(dir.path());
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("claims/lexicon/ranks.yaml"), "{out}");
    assert!(out.contains("the lexicon file is empty"), "{out}");
}

#[test]
fn an_empty_baseline_is_an_error_that_names_it() {
    let dir = small_project(CLAIMS);
    write(dir.path(), "wirecheck-baseline.yaml", "");
    let (output, out) = {
        let output = wirecheck(dir.path())
            .args(["check", "--baseline", "wirecheck-baseline.yaml"])
            .output()
            .unwrap();
        let out = String::from_utf8(output.stdout.clone()).unwrap();
        (output, out)
    };
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("wirecheck-baseline.yaml"), "{out}");
    assert!(out.contains("the baseline file is empty"), "{out}");
    assert!(out.contains("write it with `wirecheck baseline`"), "{out}");
}

/// Runs `check --draft -` with `feed` writing to its standard input from another thread
/// (errors ignored: wirecheck may stop reading), and a deadline against a hang.
fn draft_from_stdin(
    dir: &std::path::Path,
    feed: impl FnOnce(&mut std::process::ChildStdin) + Send + 'static,
) -> Output {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_wirecheck"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(["check", "--draft", "-", "--story", "fire"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || feed(&mut stdin));
    // Drained as they fill, so that wirecheck never waits on a full pipe.
    let drain = |mut from: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            from.read_to_end(&mut bytes).unwrap();
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("wirecheck still reading its standard input after a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    writer.join().unwrap();
    Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

#[test]
fn an_endless_draft_on_standard_input_is_refused_after_16_mib() {
    let dir = small_project(CLAIMS);
    let output = draft_from_stdin(dir.path(), |stdin| {
        use std::io::Write;
        let chunk = "The brigade sent 60 firefighters to the warehouse.\n".repeat(1 << 10);
        // Until wirecheck closes the pipe: it must stop reading, not wait for the end.
        while stdin.write_all(chunk.as_bytes()).is_ok() {}
    });
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains("<stdin>"), "{err}");
    assert!(
        err.contains("the draft is over 16 MiB, the most wirecheck reads for an article"),
        "{err}"
    );
    // A draft of exactly the limit is read.
    let output = draft_from_stdin(dir.path(), |stdin| {
        use std::io::Write;
        let mut text = String::from("The brigade sent 60 firefighters to the warehouse.\n");
        text.push_str(&" ".repeat((16 << 20) - text.len()));
        let _ = stdin.write_all(text.as_bytes());
    });
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
}

#[cfg(unix)]
#[test]
fn a_draft_that_never_ends_is_refused_after_16_mib() {
    // A device reports no size: only a bounded read stops.
    let dir = small_project(CLAIMS);
    let output = wirecheck(dir.path())
        .args(["check", "--draft", "/dev/zero", "--story", "fire"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&output.stdout);
    stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("/dev/zero"), "{out}");
    assert!(out.contains("the draft is over 16 MiB"), "{out}");
}

#[test]
fn a_draft_of_200_mb_is_refused_without_being_read() {
    let dir = small_project(CLAIMS);
    let file = std::fs::File::create(dir.path().join("draft.txt")).unwrap();
    file.set_len(200 << 20).unwrap();
    let (output, out) = {
        let output = wirecheck(dir.path())
            .args(["check", "--draft", "draft.txt", "--story", "fire"])
            .output()
            .unwrap();
        let out = String::from_utf8(output.stdout.clone()).unwrap();
        (output, out)
    };
    assert_eq!(output.status.code(), Some(2), "{out}");
    assert!(out.contains("draft.txt"), "{out}");
    assert!(
        out.contains("the draft is 200.0 MiB; wirecheck reads articles of up to 16 MiB"),
        "{out}"
    );
}

/// Texts set aside after their story is checked are read again to be shown: an article edited
/// in between (here, to text whose characters are three bytes each) must not make the
/// renderers cut a character in two.
#[test]
fn an_article_edited_while_its_findings_are_rendered_is_shown_without_a_panic() {
    use wirecheck::render;
    use wirecheck::report::{Inputs, Report};
    use wirecheck::source::FileTable;
    let dir = small_project(CLAIMS);
    write(
        dir.path(),
        "corpus/fire/c.txt",
        "---\noutlet: Courier\n---\nThe brigade sent 60 firefighters to the warehouse, the service said on Monday.\n",
    );
    let inputs = Inputs {
        corpus: dir.path().join("corpus"),
        claims: dir.path().join("claims"),
        stories: Vec::new(),
        cache: None,
        draft: None,
    };
    // No text kept in memory once its story is checked.
    let report = Report::build_in(&inputs, FileTable::with_budget(0));
    assert_eq!(report.findings().count(), 1);
    for (path, text) in [
        ("corpus/fire/c.txt", "“".repeat(40)),
        ("corpus/fire/c.txt", String::from("x")),
        ("corpus/fire/a.txt", "€".repeat(60)),
    ] {
        write(dir.path(), path, &text);
        let human = render::human::render(
            &report,
            render::human::HumanOptions {
                color: false,
                width: 100,
            },
        );
        assert!(human.contains("1 finding"), "{human}");
        let _ = render::json::render(&report);
        let _ = render::sarif::write(&report, &mut std::io::sink());
        let _ = render::github::render(&report);
        render::html::render(&report).unwrap();
    }
}
