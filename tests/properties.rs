//! Property tests over whole projects, run in-process through the library: findings do not
//! depend on the order of the corpus's files or on the number of threads, and a finding's
//! fingerprint survives an unrelated paragraph added, or an unrelated paragraph edited,
//! anywhere else in its article.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde_json::Value;
use wirecheck::report::{Inputs, Report};

use common::{fixture, repo};

/// A project's files (corpus and claims), by path relative to its root, in sorted order.
fn files_of(root: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let relative = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push((relative, fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, &root.join("corpus"), &mut out);
    walk(root, &root.join("claims"), &mut out);
    out.sort();
    out
}

/// Writes `files` under a new folder, in the order given.
fn write_project(files: &[(String, Vec<u8>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in files {
        common::write(dir.path(), path, bytes);
    }
    dir
}

/// The JSON document for the project at `root`, checked with `threads` threads and no cache,
/// paths shown relative to the root.
fn json_text(root: &Path, threads: usize) -> String {
    let inputs = Inputs {
        corpus: root.join("corpus"),
        claims: root.join("claims"),
        stories: Vec::new(),
        cache: None,
        draft: None,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let text = pool.install(|| wirecheck::render::json::render(&Report::build(&inputs)));
    text.replace(&format!("{}/", root.display()), "")
}

fn json(root: &Path, threads: usize) -> Value {
    serde_json::from_str(&json_text(root, threads)).unwrap()
}

/// The projects the properties are tried on: the bundled corpus, and fixtures with several
/// stories, derived versions, CRLF line endings and quotes.
fn projects() -> Vec<PathBuf> {
    vec![
        repo(),
        fixture(),
        repo().join("tests/fixtures/review-courts"),
        repo().join("tests/fixtures/review-quotes"),
    ]
}

// ---- Order and threads

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// The loader sorts what it lists, so the order a file system lists files in (which
    /// on some file systems is the order they were created in) must not show. Nor may the
    /// number of threads the stories and versions are checked with.
    #[test]
    fn the_same_files_created_in_any_order_give_the_same_bytes_with_any_number_of_threads(
        project in 0..4usize,
        order in Just((0..64).collect::<Vec<usize>>()).prop_shuffle(),
        threads in 1..=8usize,
    ) {
        let root = &projects()[project];
        let files = files_of(root);
        let reference = json_text(root, 1);
        let mut shuffled: Vec<_> = order.iter().filter_map(|&i| files.get(i).cloned()).collect();
        shuffled.extend(files.iter().skip(64).cloned());
        prop_assert_eq!(shuffled.len(), files.len());
        let copy = write_project(&shuffled);
        prop_assert_eq!(json_text(copy.path(), threads), reference);
    }

    /// Version ids are file names and stories are folders: both sort. Renaming them so that
    /// they sort in another order must give the same findings, once the names are mapped back
    /// (fingerprints aside: they name the version by design).
    #[test]
    fn findings_do_not_depend_on_the_order_versions_and_stories_sort_in(
        project in 0..4usize,
        ranks in Just((10..74).collect::<Vec<usize>>()).prop_shuffle(),
        threads in 1..=8usize,
    ) {
        let root = &projects()[project];
        let files = files_of(root);
        let renames = renaming(&files, &ranks);
        let renamed: Vec<(String, Vec<u8>)> = files
            .iter()
            .map(|(path, bytes)| rename_file(path, bytes, &renames))
            .collect();
        let copy = write_project(&renamed);
        let mut text = json_text(copy.path(), threads);
        // Longest first: no new name is a part of another, but be safe.
        let mut back: Vec<_> = renames.iter().collect();
        back.sort_by_key(|(_, new)| std::cmp::Reverse(new.len()));
        for (old, new) in back {
            text = text.replace(new.as_str(), old);
        }
        let after: Value = serde_json::from_str(&text).unwrap();
        let before = json(root, 1);
        prop_assert_eq!(&after["summary"], &before["summary"]);
        prop_assert_eq!(unordered(&after["problems"], &[]), unordered(&before["problems"], &[]));
        prop_assert_eq!(
            unordered(&after["findings"], &["fingerprint"]),
            unordered(&before["findings"], &["fingerprint"])
        );
    }
}

/// New names for every story and version: a two-digit rank in front, which reorders them and
/// leaves the outlet a file name implies ("07_000-pa-wire" reads as "pa wire") as it was.
fn renaming(files: &[(String, Vec<u8>)], ranks: &[usize]) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    let mut next = ranks.iter();
    for (path, _) in files {
        let parts: Vec<&str> = path.split('/').collect();
        if let ["corpus", story, version] = parts.as_slice() {
            for name in [*story, version.trim_end_matches(".txt")] {
                if !names.contains_key(name) {
                    names.insert(
                        name.to_string(),
                        format!("{:02}_{name}", next.next().unwrap()),
                    );
                }
            }
        }
    }
    names
}

fn rename_file(path: &str, bytes: &[u8], names: &BTreeMap<String, String>) -> (String, Vec<u8>) {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["corpus", story, version] => {
            let text = String::from_utf8(bytes.to_vec()).unwrap();
            // `derived_from` names a version of the same story. Line endings are kept.
            let text: String = text
                .split_inclusive('\n')
                .map(|line| match line.strip_prefix("derived_from: ") {
                    Some(rest) => {
                        let id = rest.trim_end();
                        format!("derived_from: {}{}", names[id], &rest[id.len()..])
                    }
                    None => line.to_string(),
                })
                .collect();
            let stem = version.trim_end_matches(".txt");
            (
                format!("corpus/{}/{}.txt", names[*story], names[stem]),
                text.into_bytes(),
            )
        }
        ["claims", file]
            if file.ends_with(".yaml") && names.contains_key(&file[..file.len() - 5]) =>
        {
            let story = &file[..file.len() - 5];
            let text = String::from_utf8(bytes.to_vec()).unwrap();
            let text = text.replacen(
                &format!("story: {story}"),
                &format!("story: {}", names[story]),
                1,
            );
            (format!("claims/{}.yaml", names[story]), text.into_bytes())
        }
        _ => (path.to_string(), bytes.to_vec()),
    }
}

/// The items of a JSON array without `skip` keys, as sorted text: a multiset to compare.
///
/// What follows the corpus's order by design is put in a fixed order: the related versions a
/// finding lists, and the versions a help line names ("3 of 4 versions that mention it say
/// …: A (a), B (b), C (c)"), whose words are compared as a multiset. Byte offsets are left out
/// of locations (renaming a version named in `derived_from`, or the story in its claim file,
/// moves the bytes after it); lines and columns stay.
fn unordered(items: &Value, skip: &[&str]) -> Vec<String> {
    fn without_offsets(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if map.contains_key("line") {
                    map.remove("start");
                    map.remove("end");
                }
                map.values_mut().for_each(without_offsets);
            }
            Value::Array(items) => items.iter_mut().for_each(without_offsets),
            _ => {}
        }
    }
    fn in_fixed_order(item: &mut Value) {
        if let Some(related) = item.get_mut("related").and_then(Value::as_array_mut) {
            related.sort_by_key(Value::to_string);
        }
        if let Some(help) = item.get_mut("help").and_then(Value::as_array_mut) {
            for line in help {
                let text = line.as_str().unwrap();
                let mut words: Vec<&str> = text
                    .split_whitespace()
                    .map(|w| w.trim_end_matches(','))
                    .collect();
                words.sort_unstable();
                *line = Value::from(words.join(" "));
            }
        }
    }
    let mut out: Vec<String> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let mut item = item.clone();
            if let Some(map) = item.as_object_mut() {
                for key in skip {
                    map.remove(*key);
                }
            }
            without_offsets(&mut item);
            in_fixed_order(&mut item);
            item.to_string()
        })
        .collect();
    out.sort();
    out
}

// ---- Fingerprints

/// Words that state nothing a claim could be about: no number (not even "a" or "one"), date,
/// rank, name, quote mark or cue of any claim in the projects tried.
const NEUTRAL: [&str; 30] = [
    "the",
    "weather",
    "was",
    "mild",
    "along",
    "quiet",
    "river",
    "paths",
    "and",
    "gardens",
    "where",
    "walkers",
    "strolled",
    "slowly",
    "under",
    "grey",
    "skies",
    "while",
    "gulls",
    "circled",
    "above",
    "rooftops",
    "in",
    "soft",
    "afternoon",
    "light",
    "beside",
    "old",
    "stone",
    "walls",
];

/// A paragraph of one to three sentences of neutral words.
fn neutral_paragraph() -> impl Strategy<Value = String> {
    let sentence =
        prop::collection::vec(prop::sample::select(NEUTRAL.to_vec()), 3..12).prop_map(|words| {
            let text = words.join(" ");
            let mut chars = text.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or(' ');
            format!("{first}{}.", chars.as_str())
        });
    prop::collection::vec(sentence, 1..4).prop_map(|s| s.join(" "))
}

/// The version files of a project, by path relative to its root.
fn versions(root: &Path) -> Vec<String> {
    files_of(root)
        .into_iter()
        .map(|(path, _)| path)
        .filter(|path| path.starts_with("corpus/") && path.ends_with(".txt"))
        .collect()
}

/// Where an article's body starts: after its front matter.
fn body_start(text: &str) -> usize {
    match text.strip_prefix("---") {
        Some(_) => {
            let close = text[3..].find("\n---").map_or(0, |i| i + 3 + "\n---".len());
            close + text[close..].find('\n').map_or(0, |i| i + 1)
        }
        None => 0,
    }
}

/// The offsets paragraphs start at in an article's body: the body's start and every offset
/// after a blank line.
fn paragraph_starts(text: &str, newline: &str) -> Vec<usize> {
    let start = body_start(text);
    let blank = format!("{newline}{newline}");
    let mut out = vec![start];
    out.extend(
        text[start..]
            .match_indices(&blank)
            .map(|(i, _)| start + i + blank.len())
            .filter(|&at| at < text.len()),
    );
    out.dedup();
    out
}

/// Whether `at` starts a paragraph that continues a quote: the paragraph before it ends without
/// a closing mark and this one opens with an opening mark (the convention for a quote that runs
/// over several paragraphs). A paragraph put there ends the quote, and the quote's speaker may
/// change with it: not a neutral edit. (Found by a random run: a paragraph inside a Met
/// spokesman's two-paragraph statement left its second paragraph unattributed.)
fn between_paragraphs_of_one_quote(text: &str, at: usize) -> bool {
    let opens = text[at..].trim_start().starts_with(['“', '"', '‘']);
    let closed = text[..at].trim_end().ends_with(['”', '"', '’']);
    opens && !closed
}

/// Fingerprint → (path, line, column, byte offset) of every finding.
fn placed(doc: &Value) -> BTreeMap<String, (String, u64, u64, u64)> {
    let findings = doc["findings"].as_array().unwrap();
    let placed: BTreeMap<_, _> = findings
        .iter()
        .map(|f| {
            let at = &f["location"];
            (
                f["fingerprint"].as_str().unwrap().to_string(),
                (
                    at["path"].as_str().unwrap().to_string(),
                    at["line"].as_u64().unwrap(),
                    at["column"].as_u64().unwrap(),
                    at["start"].as_u64().unwrap(),
                ),
            )
        })
        .collect();
    assert_eq!(placed.len(), findings.len(), "fingerprints are unique");
    placed
}

/// The projects whose findings' fingerprints are tried: the bundled corpus and a fixture (with
/// CRLF line endings in one version).
fn fingerprinted() -> [PathBuf; 2] {
    [repo(), fixture()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// A paragraph added anywhere in an article, before or after its findings, moves them
    /// down the page and changes none of their fingerprints.
    #[test]
    fn fingerprints_survive_a_paragraph_added_anywhere(
        project in 0..2usize,
        version in any::<prop::sample::Index>(),
        place in any::<prop::sample::Index>(),
        paragraph in neutral_paragraph(),
    ) {
        let root = &fingerprinted()[project];
        let before = placed(&json(root, 1));
        let edited = versions(root)[version.index(versions(root).len())].clone();
        let copy = write_project(&files_of(root));
        let path = copy.path().join(&edited);
        let text = fs::read_to_string(&path).unwrap();
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let starts = paragraph_starts(&text, newline);
        let at = starts[place.index(starts.len())];
        prop_assume!(!between_paragraphs_of_one_quote(&text, at));
        fs::write(&path, format!("{}{paragraph}{newline}{newline}{}", &text[..at], &text[at..])).unwrap();
        let after = placed(&json(copy.path(), 1));
        prop_assert_eq!(after.keys().collect::<Vec<_>>(), before.keys().collect::<Vec<_>>());
        for (fingerprint, (file, line, column, start)) in &before {
            let moved = file == &edited && *start as usize >= at;
            let expected = (file.clone(), line + if moved { 2 } else { 0 }, *column);
            let (file_after, line_after, column_after, _) = &after[fingerprint];
            prop_assert_eq!(
                (file_after.clone(), *line_after, *column_after),
                expected,
                "{} after a paragraph at byte {} of {}", fingerprint, at, edited
            );
        }
    }

    /// A sentence added to a paragraph that no finding or mention points into changes no
    /// fingerprint, and moves nothing to another line.
    #[test]
    fn fingerprints_survive_an_edit_to_an_unrelated_paragraph(
        project in 0..2usize,
        version in any::<prop::sample::Index>(),
        which in any::<prop::sample::Index>(),
        sentence in neutral_paragraph(),
    ) {
        let root = &fingerprinted()[project];
        let doc = json(root, 1);
        let before = placed(&doc);
        let edited = versions(root)[version.index(versions(root).len())].clone();
        let copy = write_project(&files_of(root));
        let path = copy.path().join(&edited);
        let text = fs::read_to_string(&path).unwrap();
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let used = spans_in(&doc, &edited);
        let unrelated: Vec<usize> = paragraph_ends(&text, newline)
            .into_iter()
            .filter(|(start, end)| !used.iter().any(|(a, b)| a < end && b >= start))
            .map(|(_, end)| end)
            .collect();
        prop_assume!(!unrelated.is_empty());
        let at = unrelated[which.index(unrelated.len())];
        fs::write(&path, format!("{} {sentence}{}", &text[..at], &text[at..])).unwrap();
        let after = placed(&json(copy.path(), 1));
        prop_assert_eq!(after.keys().collect::<Vec<_>>(), before.keys().collect::<Vec<_>>());
        for (fingerprint, (file, line, column, start)) in &before {
            let (file_after, line_after, column_after, start_after) = &after[fingerprint];
            prop_assert_eq!((file_after, line_after, column_after), (file, line, column));
            let moved = file == &edited && *start as usize >= at;
            let shift = if moved { sentence.len() as u64 + 1 } else { 0 };
            prop_assert_eq!(*start_after, start + shift, "{}", fingerprint);
        }
    }
}

/// (start, end) of every paragraph of an article's body, the end before its line break.
fn paragraph_ends(text: &str, newline: &str) -> Vec<(usize, usize)> {
    let starts = paragraph_starts(text, newline);
    starts
        .iter()
        .map(|&start| {
            let end = text[start..]
                .find(&format!("{newline}{newline}"))
                .map_or(text.trim_end().len(), |i| start + i);
            (start, end)
        })
        .filter(|(start, end)| end > start)
        .collect()
}

/// Every span the report points at in `path`: findings, their related and secondary spans,
/// quote diffs and the mentions statuses rest on.
fn spans_in(doc: &Value, path: &str) -> Vec<(usize, usize)> {
    fn walk(value: &Value, path: &str, out: &mut Vec<(usize, usize)>) {
        match value {
            Value::Object(map) => {
                if map.get("path").and_then(Value::as_str) == Some(path)
                    && let (Some(start), Some(end)) = (
                        map.get("start").and_then(Value::as_u64),
                        map.get("end").and_then(Value::as_u64),
                    )
                {
                    out.push((start as usize, end as usize));
                }
                map.values().for_each(|v| walk(v, path, out));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, path, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(doc, path, &mut out);
    out
}
