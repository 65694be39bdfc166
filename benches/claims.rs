//! The claim compiler: reading a claim file (YAML, expressions, lexicons, validation) and
//! compiling its cues and lexicon terms into one phrase table, for the bundled story and for
//! synthetic claim sets far larger than any hand-written one.
//!
//! Run: `cargo bench --bench claims`.

mod fixture;

use std::path::PathBuf;
use std::sync::LazyLock;

use divan::{Bencher, black_box};
use wirecheck::claims::{self, ClaimSet};
use wirecheck::extract;
use wirecheck::problem::Problems;
use wirecheck::source::FileTable;

fn main() {
    divan::main();
}

/// Synthetic claim sets: slots × 5 two-word cue aliases, one established count per slot.
const SLOTS: &[usize] = &[10, 100, 1_000];
const ALIASES: usize = 5;

/// Kept alive for the whole run: the folder is deleted when this is dropped.
static SYNTHETIC: LazyLock<(tempfile::TempDir, Vec<PathBuf>)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let paths = SLOTS
        .iter()
        .map(|&n| {
            fixture::write_synthetic_claims(dir.path(), &format!("synthetic-{n}"), n, ALIASES)
        })
        .collect();
    (dir, paths)
});

fn load(path: &std::path::Path, claims_dir: &std::path::Path) -> ClaimSet {
    let mut files = FileTable::default();
    let mut problems = Problems::default();
    let set = claims::load_file(path, claims_dir, &mut files, &mut problems);
    set.unwrap_or_else(|| panic!("{} does not load: {:#?}", path.display(), problems.0))
}

fn synthetic(slots: usize) -> (PathBuf, PathBuf) {
    let (dir, paths) = &*SYNTHETIC;
    let at = SLOTS.iter().position(|&n| n == slots);
    let path = paths[at.unwrap_or_else(|| panic!("no synthetic set of {slots}"))].clone();
    (path, dir.path().to_path_buf())
}

/// The bundled story's claim file and its two lexicons, read and validated.
#[divan::bench]
fn load_seed(bencher: Bencher) {
    let dir = fixture::claims_dir();
    let path = dir.join(format!("{}.yaml", fixture::STORY));
    bencher.bench(|| load(black_box(&path), &dir));
}

/// The bundled story's phrase table: its 16 slots' cues and both lexicons.
#[divan::bench]
fn phrase_table_seed(bencher: Bencher) {
    let dir = fixture::claims_dir();
    let set = load(&dir.join(format!("{}.yaml", fixture::STORY)), &dir);
    bencher.bench(|| extract::phrase_table(black_box(&set)));
}

#[divan::bench(args = SLOTS)]
fn load_synthetic(bencher: Bencher, slots: usize) {
    let (path, dir) = synthetic(slots);
    bencher.bench(|| load(black_box(&path), &dir));
}

#[divan::bench(args = SLOTS)]
fn phrase_table_synthetic(bencher: Bencher, slots: usize) {
    let (path, dir) = synthetic(slots);
    let set = load(&path, &dir);
    assert_eq!(set.slots.len(), slots);
    bencher.bench(|| extract::phrase_table(black_box(&set)));
}
