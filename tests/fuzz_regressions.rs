//! The inputs the fuzz targets (`fuzz/`) found worth keeping, replayed without the fuzzer: every
//! crash they found, minimised, and small corpus entries that reach deep code. Each file in
//! `tests/fuzz-regressions/<target>/` goes through the target's own check and invariants
//! (`tests/fuzz_checks/mod.rs`). docs/reliability.md lists what each target found.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fuzz_checks;

use std::path::{Path, PathBuf};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The kept inputs of one target, sorted by name.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = repo().join("tests/fuzz-regressions").join(target);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no inputs in {}", dir.display());
    paths
        .into_iter()
        .map(|p| {
            let data = std::fs::read(&p).unwrap();
            (p, data)
        })
        .collect()
}

/// Runs `check` on every kept input of `target`, naming the input first so that a failure says
/// which one it was.
fn replay(target: &str, check: impl Fn(&[u8])) {
    for (path, data) in inputs(target) {
        eprintln!("{}", path.display());
        check(&data);
    }
}

#[test]
fn expr() {
    replay("expr", fuzz_checks::expr);
}

#[test]
fn claim_file() {
    replay("claim_file", |data| fuzz_checks::claim_file(data, repo()));
}

#[test]
fn front_matter() {
    replay("front_matter", fuzz_checks::front_matter);
}

#[test]
fn values() {
    replay("values", fuzz_checks::values);
}

/// Unlike the fuzz target, every input is checked both as a published version and as a draft.
#[test]
fn pipeline() {
    let work = tempfile::tempdir().unwrap();
    let pipeline = fuzz_checks::Pipeline::new(repo(), work.path());
    replay("pipeline", |data| {
        pipeline.check_version(data);
        pipeline.check_draft(data);
    });
}
