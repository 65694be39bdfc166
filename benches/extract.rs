//! The extractor on the bundled story: one version at a time on one thread (the unit of work
//! the pipeline spreads across cores), the whole story in parallel as `check` runs it; and, to
//! see what extraction's share is, the checks on its result and the whole pipeline from disk to
//! sorted findings.
//!
//! Run: `cargo bench --bench extract`.

mod fixture;

use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use wirecheck::check::{self, StoryCheck};
use wirecheck::extract::{self, phrases::WordCache};
use wirecheck::report::{Inputs, Report};

static SEED: LazyLock<fixture::Seed> = LazyLock::new(fixture::seed);

fn main() {
    divan::main();
}

/// The version ids of the bundled story, in corpus order.
fn versions() -> Vec<&'static str> {
    SEED.story.versions.iter().map(|v| v.id.as_str()).collect()
}

/// One version, one thread, with a warm word cache (as after the first version a thread sees).
#[divan::bench(args = versions())]
fn version(bencher: Bencher, id: &str) {
    let seed = &*SEED;
    let table = extract::phrase_table(&seed.claims);
    let version = seed
        .story
        .versions
        .iter()
        .find(|v| v.id == id)
        .unwrap_or_else(|| panic!("no version {id}"));
    let mut cache = WordCache::default();
    extract::extract_version(version, &seed.claims, &table, &seed.files, &mut cache);
    bencher
        .counter(BytesCount::new(version.body.len()))
        .bench_local(|| {
            extract::extract_version(
                black_box(version),
                &seed.claims,
                &table,
                &seed.files,
                &mut cache,
            )
        });
}

/// One version with a cold word cache: every distinct word is stemmed once.
#[divan::bench]
fn version_cold_cache(bencher: Bencher) {
    let seed = &*SEED;
    let table = extract::phrase_table(&seed.claims);
    let version = seed
        .story
        .versions
        .iter()
        .max_by_key(|v| v.body.len())
        .unwrap_or_else(|| panic!("no versions"));
    bencher
        .counter(BytesCount::new(version.body.len()))
        .bench_local(|| {
            let mut cache = WordCache::default();
            extract::extract_version(
                black_box(version),
                &seed.claims,
                &table,
                &seed.files,
                &mut cache,
            )
        });
}

/// All five versions, spread over rayon's threads, phrase table included: what `check_story`
/// spends before checking.
#[divan::bench]
fn story(bencher: Bencher) {
    let seed = &*SEED;
    let bytes: usize = seed.story.versions.iter().map(|v| v.body.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let table = extract::phrase_table(&seed.claims);
        extract::extract_story(&seed.story, &seed.claims, &table, &seed.files)
    });
}

/// Every check of the registry (quotes included) on the story's extractions.
#[divan::bench]
fn checks(bencher: Bencher) {
    let seed = &*SEED;
    let table = extract::phrase_table(&seed.claims);
    let extractions = extract::extract_story(&seed.story, &seed.claims, &table, &seed.files);
    let ctx = StoryCheck {
        story: &seed.story,
        claims: &seed.claims,
        extractions: &extractions,
        files: &seed.files,
    };
    bencher.bench(|| check::check_story(black_box(&ctx)));
}

/// The whole library pipeline on the bundled corpus: read, load claims, extract, check, graph,
/// sort. No rendering, no process start.
#[divan::bench]
fn pipeline(bencher: Bencher) {
    let inputs = Inputs {
        corpus: fixture::corpus_dir(),
        claims: fixture::claims_dir(),
        stories: Vec::new(),
        cache: None,
        draft: None,
    };
    bencher.bench(|| Report::build(black_box(&inputs)));
}
