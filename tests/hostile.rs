//! Hostile inputs, one test each: none panics, hangs or exhausts memory; a user's mistake exits 2
//! with a diagnostic that names the file, and the rest of the corpus is still checked.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Output;

use common::{CLAIMS, small_project, wirecheck, write};

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
