//! Memory bounds: article texts are set aside once their story is checked and read again only
//! to render, and nothing a renderer prints may depend on whether that happened.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use wirecheck::render;
use wirecheck::report::{Inputs, Report};
use wirecheck::source::FileTable;

fn inputs(root: &std::path::Path) -> Inputs {
    Inputs {
        corpus: root.join("corpus"),
        claims: root.join("claims"),
        stories: Vec::new(),
        cache: None,
        draft: None,
    }
}

/// Two stories: the bundled one and the harbour-fire fixture, so texts of one story are set
/// aside while the other is checked.
fn two_stories() -> tempfile::TempDir {
    let dir = common::bundled_copy();
    common::copy_dir(
        &common::fixture().join("corpus"),
        &dir.path().join("corpus"),
    );
    common::copy_dir(
        &common::fixture().join("claims"),
        &dir.path().join("claims"),
    );
    dir
}

#[test]
fn texts_set_aside_and_read_again_render_the_same_bytes() {
    let dir = two_stories();
    let kept = Report::build(&inputs(dir.path()));
    let set_aside = Report::build_in(&inputs(dir.path()), FileTable::with_budget(0));
    assert_eq!(kept.stories.len(), 2);
    assert!(kept.findings().count() > 0);

    // With no budget, no article text is left in memory once the run is built.
    let versions: Vec<_> = set_aside
        .stories
        .iter()
        .flat_map(|s| s.story.versions.iter().map(|v| v.file))
        .collect();
    assert!(!versions.is_empty());
    assert!(versions.iter().all(|&f| !set_aside.files.is_resident(f)));
    // With the default budget, the small corpus stays resident: no second read.
    assert!(
        kept.stories
            .iter()
            .flat_map(|s| s.story.versions.iter())
            .all(|v| kept.files.is_resident(v.file))
    );

    // Statuses and mentions left memory with the texts, and only then.
    assert!(set_aside.stories.iter().all(|s| s.is_spilled()));
    assert!(!kept.stories.iter().any(|s| s.is_spilled()));

    assert_eq!(
        render::json::render(&kept),
        render::json::render(&set_aside)
    );
    assert_eq!(
        render::json::render_graph(&kept).unwrap(),
        render::json::render_graph(&set_aside).unwrap()
    );
    assert_eq!(
        render::dot::render(&kept).unwrap(),
        render::dot::render(&set_aside).unwrap()
    );
    assert_eq!(
        render::html::render(&kept).unwrap(),
        render::html::render(&set_aside).unwrap()
    );
    // The JSON renderer read texts again, and set them aside batch by batch.
    assert!(versions.iter().all(|&f| !set_aside.files.is_resident(f)));
    let options = render::human::HumanOptions {
        color: false,
        width: 100,
    };
    assert_eq!(
        render::human::render(&kept, options),
        render::human::render(&set_aside, options)
    );
}

/// `check --format json` with the cache in `cache`, or with `--no-cache`.
fn json_run(dir: &std::path::Path, cache: Option<&std::path::Path>) -> String {
    let mut command = common::wirecheck(dir);
    command.args(["check", "--format", "json"]);
    match cache {
        Some(cache) => command.arg("--cache-dir").arg(cache),
        None => command.arg("--no-cache"),
    };
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn cached_results_are_the_results_a_fresh_check_gives() {
    let dir = two_stories();
    let cache = tempfile::tempdir().unwrap();
    let cache = cache.path().join("cache");

    let fresh = json_run(dir.path(), None);
    assert!(!cache.exists());
    assert_eq!(json_run(dir.path(), Some(&cache)), fresh);
    let entry = cache.join("met-police-data-breaches.cbor");
    assert!(entry.is_file());
    assert!(cache.join("CACHEDIR.TAG").is_file());
    assert!(cache.join(".gitignore").is_file());
    // The second run is served from the cache, with the same bytes.
    let written = std::fs::metadata(&entry).unwrap().modified().unwrap();
    assert_eq!(json_run(dir.path(), Some(&cache)), fresh);
    assert_eq!(
        std::fs::metadata(&entry).unwrap().modified().unwrap(),
        written
    );

    // One version changes: its story is checked again and the new conflict is reported.
    let version = dir
        .path()
        .join("corpus/met-police-data-breaches/004-bbc-news.txt");
    let text = std::fs::read_to_string(&version).unwrap();
    assert!(text.contains("300"));
    std::fs::write(&version, text.replacen("300", "400", 1)).unwrap();
    let changed = json_run(dir.path(), None);
    assert_ne!(changed, fresh);
    assert_eq!(json_run(dir.path(), Some(&cache)), changed);

    // A story that sorts first shifts every file id; cached spans must still point into the
    // right files.
    common::copy_dir(
        &dir.path().join("corpus/met-police-data-breaches"),
        &dir.path().join("corpus/aaa-copy"),
    );
    std::fs::copy(
        dir.path().join("claims/met-police-data-breaches.yaml"),
        dir.path().join("claims/aaa-copy.yaml"),
    )
    .unwrap();
    let claims = dir.path().join("claims/aaa-copy.yaml");
    let yaml = std::fs::read_to_string(&claims).unwrap();
    std::fs::write(
        &claims,
        yaml.replace("story: met-police-data-breaches", "story: aaa-copy"),
    )
    .unwrap();
    let shifted = json_run(dir.path(), None);
    assert_eq!(json_run(dir.path(), Some(&cache)), shifted);

    // A corrupt entry is a miss, not an error.
    std::fs::write(&entry, b"{ not json").unwrap();
    assert_eq!(json_run(dir.path(), Some(&cache)), shifted);
}

/// Sets every file under `dir` to have been modified an hour ago, as a corpus checked out
/// earlier is: files modified seconds ago are never trusted by their stamp.
fn settle(dir: &std::path::Path) {
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            settle(&path);
        } else {
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(past).unwrap();
        }
    }
}

fn cached_inputs(root: &std::path::Path, cache: &std::path::Path) -> Inputs {
    Inputs {
        cache: Some(wirecheck::cache::Cache::new(cache)),
        ..inputs(root)
    }
}

/// Which version files the run read: with room in the text budget, a file read stays resident.
fn read_files(report: &Report) -> Vec<String> {
    report
        .stories
        .iter()
        .flat_map(|s| s.story.versions.iter())
        .filter(|v| report.files.is_resident(v.file))
        .map(|v| v.id.clone())
        .collect()
}

#[test]
fn an_untouched_story_is_served_from_the_cache_without_reading_its_files() {
    let dir = two_stories();
    // A second copy of the bundled story, under its own name.
    let root = dir.path();
    common::copy_dir(
        &root.join("corpus/met-police-data-breaches"),
        &root.join("corpus/zzz-copy"),
    );
    let yaml = std::fs::read_to_string(root.join("claims/met-police-data-breaches.yaml")).unwrap();
    std::fs::write(
        root.join("claims/zzz-copy.yaml"),
        yaml.replace("story: met-police-data-breaches", "story: zzz-copy"),
    )
    .unwrap();
    settle(root);
    let cache = tempfile::tempdir().unwrap();
    let fresh = Report::build(&inputs(root));
    let first = Report::build(&cached_inputs(root, cache.path()));
    assert_eq!(read_files(&first).len(), 15);
    let second = Report::build(&cached_inputs(root, cache.path()));
    // Neither copy of the bundled story is read. The fixture has a version without front
    // matter, a note: a story with problems is read every run, so that they are reported every
    // run.
    let stories_read = |report: &Report| -> Vec<String> {
        report
            .stories
            .iter()
            .filter(|s| {
                s.story
                    .versions
                    .iter()
                    .any(|v| report.files.is_resident(v.file))
            })
            .map(|s| s.story.slug.clone())
            .collect()
    };
    assert_eq!(stories_read(&second), ["kestermouth-harbour-fire"]);
    assert_eq!(second.problems.len(), 1);
    assert_eq!(second.problems, fresh.problems);
    // Versions, findings and every rendering are those of a fresh check.
    assert_eq!(render::json::render(&second), render::json::render(&fresh));
    assert_eq!(
        render::html::render(&second).unwrap(),
        render::html::render(&fresh).unwrap()
    );

    // One version edited: its story is read again, and only its story.
    let version = root.join("corpus/met-police-data-breaches/004-bbc-news.txt");
    let text = std::fs::read_to_string(&version).unwrap();
    std::fs::write(&version, text.replacen("300", "400", 1)).unwrap();
    settle(&root.join("corpus/met-police-data-breaches"));
    let edited = Report::build(&cached_inputs(root, cache.path()));
    assert_eq!(
        stories_read(&edited),
        ["kestermouth-harbour-fire", "met-police-data-breaches"]
    );
    let edited_json = render::json::render(&edited);
    assert_ne!(edited_json, render::json::render(&fresh));
    assert_eq!(
        edited_json,
        render::json::render(&Report::build(&inputs(root)))
    );
}

#[test]
fn an_edit_that_keeps_the_size_and_modification_time_is_still_seen() {
    let dir = two_stories();
    settle(dir.path());
    let cache = tempfile::tempdir().unwrap();
    Report::build(&cached_inputs(dir.path(), cache.path()));
    // Same length, same modification time: what a careless sync tool or a quick second save
    // within one clock tick leaves. The inode's change time still moves.
    let version = dir
        .path()
        .join("corpus/met-police-data-breaches/004-bbc-news.txt");
    let modified = std::fs::metadata(&version).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&version).unwrap();
    std::fs::write(&version, text.replacen("300", "400", 1)).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&version)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let edited = Report::build(&cached_inputs(dir.path(), cache.path()));
    assert_eq!(
        render::json::render(&edited),
        render::json::render(&Report::build(&inputs(dir.path())))
    );
}

#[test]
fn a_file_modified_moments_ago_is_read_however_its_stamp_looks() {
    let dir = two_stories();
    let cache = tempfile::tempdir().unwrap();
    // Just copied: every file is too new to be trusted by its stamp.
    Report::build(&cached_inputs(dir.path(), cache.path()));
    let again = Report::build(&cached_inputs(dir.path(), cache.path()));
    assert_eq!(
        read_files(&again).len(),
        read_files(&Report::build(&inputs(dir.path()))).len()
    );
}
