//! The synthetic corpus generator end to end: a generated corpus is checked through the
//! library and scored against its own manifest; generation is deterministic.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use wirecheck::report::{Inputs, Report};
use wirecheck::synth::{self, Options, Size, score};

fn generate(
    out: &Path,
    seed: u64,
    stories: Option<usize>,
    dodge: bool,
) -> synth::manifest::Manifest {
    synth::generate(&Options {
        size: Size::Small,
        stories,
        versions: None,
        seed,
        out: out.to_path_buf(),
        dodge_known_issues: dodge,
    })
    .unwrap()
}

/// Every file under `dir`, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn small_corpus_scores_perfectly_against_its_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = generate(dir.path(), 1, None, false);
    assert_eq!(manifest.counts.versions, 1000);
    assert!(manifest.counts.planted > 20, "{:?}", manifest.counts);
    assert!(
        manifest.counts.clean_stories > 0,
        "some stories have nothing planted"
    );

    let report = Report::build(&Inputs {
        corpus: dir.path().join("corpus"),
        claims: dir.path().join("claims"),
        stories: Vec::new(),
        cache: None,
        draft: None,
    });
    let json = wirecheck::render::json::render(&report);
    let (findings, problems) = score::parse_findings(&json).unwrap();
    let result = score::score(&manifest, &findings, problems);
    assert!(result.perfect(), "{}", result.render());
    assert_eq!((result.recall(), result.precision()), (1.0, 1.0));
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_does_not() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let c = tempfile::tempdir().unwrap();
    generate(a.path(), 42, Some(6), false);
    generate(b.path(), 42, Some(6), false);
    generate(c.path(), 43, Some(6), false);
    let (fa, fb, fc) = (files(a.path()), files(b.path()), files(c.path()));
    assert!(fa.len() > 6 * 40, "{} files", fa.len());
    assert!(fa == fb, "same seed, different output");
    assert_ne!(fa, fc, "different seeds, same output");
}

#[test]
fn refuses_to_write_over_an_existing_corpus() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("corpus")).unwrap();
    let err = synth::generate(&Options {
        size: Size::Small,
        stories: Some(1),
        versions: None,
        seed: 1,
        out: dir.path().to_path_buf(),
        dodge_known_issues: false,
    })
    .unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
}

#[test]
fn cli_generates_and_scores() {
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_wirecheck");
    let out = std::process::Command::new(bin)
        .args([
            "synth",
            "generate",
            "--stories",
            "2",
            "--versions",
            "6",
            "--seed",
            "5",
            "--dodge-known-issues",
            "--out",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for name in [
        "manifest.json",
        "cues.txt",
        "claims/lexicon/uk-police-ranks.yaml",
    ] {
        assert!(dir.path().join(name).exists(), "{name}");
    }
    let check = std::process::Command::new(bin)
        .current_dir(dir.path())
        .args([
            "check", "--corpus", "corpus", "--claims", "claims", "--format", "json",
        ])
        .output()
        .unwrap();
    fs::write(dir.path().join("f.json"), &check.stdout).unwrap();
    let score = std::process::Command::new(bin)
        .current_dir(dir.path())
        .args(["synth", "score", "manifest.json", "f.json"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&score.stdout);
    assert_eq!(score.status.code(), Some(0), "{text}");
    assert!(text.contains("recall:     1.0000"), "{text}");

    let bad = std::process::Command::new(bin)
        .current_dir(dir.path())
        .args(["synth", "score", "manifest.json", "cues.txt"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not valid JSON"));
}
