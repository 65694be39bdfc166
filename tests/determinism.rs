//! The same inputs give the same bytes: across runs, and whatever the number of threads.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{fixture, repo, wirecheck};

fn output(dir: &std::path::Path, threads: &str, format: &str) -> Vec<u8> {
    let output = wirecheck(dir)
        .env("RAYON_NUM_THREADS", threads)
        .args(["check", "--no-cache", "-o", format])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{format} with {threads} threads"
    );
    output.stdout
}

#[test]
fn json_and_sarif_are_byte_identical_across_runs_and_thread_counts() {
    for dir in [repo(), fixture()] {
        for format in ["json", "sarif", "github"] {
            let one = output(&dir, "1", format);
            assert!(!one.is_empty());
            assert_eq!(
                one,
                output(&dir, "8", format),
                "{format} in {}",
                dir.display()
            );
            assert_eq!(one, output(&dir, "1", format), "{format} run twice");
        }
    }
}

/// Many stories, checked in parallel, come out in the same order with the same bytes.
#[test]
fn a_synthetic_corpus_renders_the_same_with_one_thread_or_eight() {
    let dir = tempfile::tempdir().unwrap();
    wirecheck(dir.path())
        .args([
            "synth", "generate", "--size", "small", "--seed", "5", "--out", ".",
        ])
        .assert()
        .success();
    for format in ["json", "sarif"] {
        assert_eq!(
            output(dir.path(), "1", format),
            output(dir.path(), "8", format),
            "{format}"
        );
    }
}
