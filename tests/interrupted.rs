//! Interrupted runs: `wirecheck report` and `wirecheck baseline` killed outright (SIGKILL) at
//! moments spread over a run, and the moment their temporary file appears, leave the previous
//! file byte for byte or the complete new one, never a part; a run killed while it fills the
//! cache leaves entries a later run can trust; a cache entry that is truncated or corrupt is
//! checked afresh, with the same output as without a cache. The library-level test of a write
//! that fails halfway is in `src/atomic.rs`.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::wirecheck;

/// A synthetic corpus of eight stories (320 versions): a run takes long enough to be stopped
/// part way, in a debug build well under a second.
fn synthetic() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    wirecheck(dir.path())
        .args([
            "synth",
            "generate",
            "--stories",
            "8",
            "--seed",
            "1",
            "--out",
            ".",
        ])
        .assert()
        .success();
    dir
}

fn first_story(dir: &Path) -> String {
    let mut stories: Vec<String> = fs::read_dir(dir.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    stories.sort();
    stories.remove(0)
}

fn spawn(dir: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_wirecheck"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Runs to the end; how long it took.
fn run(dir: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let status = spawn(dir, args).wait().unwrap();
    assert!(status.success(), "{args:?}: {status}");
    start.elapsed()
}

/// When to kill a run.
#[derive(Clone, Copy, Debug)]
enum Moment {
    /// After this long.
    After(Duration),
    /// As soon as a temporary file shows in the output's folder: while the file is written.
    TemporaryFileSeen,
    /// As soon as the output is no longer the previous file: after the rename, before the
    /// process ends.
    Replaced,
}

/// The moments tried: spread over an uninterrupted run, while the file is written, and just
/// after it is renamed into place.
fn moments(full: Duration) -> Vec<Moment> {
    let mut out: Vec<Moment> = [0.3, 0.6, 0.9]
        .iter()
        .map(|&f| Moment::After(full.mul_f64(f)))
        .collect();
    out.extend([
        Moment::TemporaryFileSeen,
        Moment::TemporaryFileSeen,
        Moment::Replaced,
    ]);
    out
}

fn temporary_files(folder: &Path) -> Vec<String> {
    fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".wirecheck-"))
        .collect()
}

/// A file as it was before a run, and as a complete run writes it.
struct Versions<'a> {
    path: &'a Path,
    previous: &'a [u8],
    complete: &'a [u8],
}

impl Versions<'_> {
    /// Which of the two the file is now; anything else (a part, an empty file, no file) fails.
    fn now(&self, context: &str) -> &'static str {
        let now = fs::read(self.path).unwrap_or_default();
        if now == self.previous {
            "previous"
        } else if now == self.complete {
            "complete"
        } else {
            panic!(
                "{context}: {} is {} bytes, neither the previous file ({} bytes) nor the new one ({} bytes)",
                self.path.display(),
                now.len(),
                self.previous.len(),
                self.complete.len()
            )
        }
    }
}

/// Starts a run and kills it at `moment`, watching the file all the while as another program
/// might: whenever it changes it is read, and must never be seen in part. Says whether the run
/// was still going when killed.
fn interrupt(dir: &Path, args: &[&str], file: &Versions<'_>, moment: Moment) -> bool {
    use std::os::unix::fs::MetadataExt;
    let folder = file.path.parent().unwrap();
    let context = format!("{args:?} at {moment:?}");
    let stamp = || {
        fs::metadata(file.path)
            .map(|m| (m.ino(), m.len(), m.mtime_nsec()))
            .ok()
    };
    let start = Instant::now();
    let mut child = spawn(dir, args);
    let give_up = start + Duration::from_secs(30);
    let (mut last, mut now) = (stamp(), file.now(&context));
    while child.try_wait().unwrap().is_none() && Instant::now() < give_up {
        if stamp() != last {
            last = stamp();
            now = file.now(&context);
        }
        let stop = match moment {
            Moment::After(delay) => start.elapsed() >= delay,
            Moment::TemporaryFileSeen => !temporary_files(folder).is_empty(),
            Moment::Replaced => now == "complete",
        };
        if stop {
            break;
        }
        if let Moment::After(_) = moment {
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    let running = child.try_wait().unwrap().is_none();
    // SIGKILL: nothing in the process runs after it, no destructor, no cleanup.
    let _ = child.kill();
    child.wait().unwrap();
    running
}

/// Kills `args` at every moment, each time starting from the previous file, and checks that
/// the file is then the previous or the complete one, and that whatever else is left in its
/// folder (which holds nothing else) is a hidden temporary file.
fn check_interruptions(dir: &Path, args: &[&str], file: &Versions<'_>, full: Duration) {
    let folder = file.path.parent().unwrap();
    let name = file
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let mut seen = Vec::new();
    for moment in moments(full) {
        fs::write(file.path, file.previous).unwrap();
        let running = interrupt(dir, args, file, moment);
        let state = file.now(&format!("{args:?} killed at {moment:?}"));
        seen.push((moment, running, state));
        for entry in fs::read_dir(folder).unwrap() {
            let entry_name = entry.unwrap().file_name().to_string_lossy().into_owned();
            // A killed process cannot remove its temporary file: it stays hidden, named so
            // that nothing takes it for a report, a baseline, an article or a claim file.
            assert!(
                entry_name == name || entry_name.starts_with(".wirecheck-"),
                "{args:?} killed at {moment:?} left {entry_name}"
            );
        }
        for leftover in temporary_files(folder) {
            fs::remove_file(folder.join(leftover)).unwrap();
        }
    }
    // Which states were reached depends on the machine's speed; shown with --nocapture.
    eprintln!("{args:?}: {seen:?}");
    // A run that is let finish writes the new file whole.
    run(dir, args);
    assert_eq!(file.now("a run to the end"), "complete");
    assert!(temporary_files(folder).is_empty());
}

#[test]
fn a_report_killed_at_any_moment_leaves_the_previous_page_or_the_new_one_whole() {
    let project = synthetic();
    let dir = project.path();
    let story = first_story(dir);
    // The previous report: one story. The new one: all eight.
    run(
        dir,
        &[
            "report",
            "--no-cache",
            "--story",
            &story,
            "--out",
            "previous",
        ],
    );
    let previous = fs::read(dir.join("previous/index.html")).unwrap();
    let full = run(dir, &["report", "--no-cache", "--out", "complete"]);
    let complete = fs::read(dir.join("complete/index.html")).unwrap();
    assert_ne!(previous, complete);
    fs::create_dir(dir.join("out")).unwrap();
    let file = Versions {
        path: &dir.join("out/index.html"),
        previous: &previous,
        complete: &complete,
    };
    check_interruptions(dir, &["report", "--no-cache", "--out", "out"], &file, full);
}

#[test]
fn a_baseline_killed_at_any_moment_leaves_the_previous_file_or_the_new_one_whole() {
    let project = synthetic();
    let dir = project.path();
    let story = first_story(dir);
    let path: PathBuf = dir.join("gate/wirecheck-baseline.yaml");
    run(
        dir,
        &[
            "baseline",
            "--no-cache",
            "--story",
            &story,
            "--baseline",
            "gate/wirecheck-baseline.yaml",
        ],
    );
    let previous = fs::read(&path).unwrap();
    let full = run(
        dir,
        &["baseline", "--no-cache", "--baseline", "complete.yaml"],
    );
    let complete = fs::read(dir.join("complete.yaml")).unwrap();
    assert_ne!(previous, complete);
    let file = Versions {
        path: &path,
        previous: &previous,
        complete: &complete,
    };
    let args = [
        "baseline",
        "--no-cache",
        "--baseline",
        "gate/wirecheck-baseline.yaml",
    ];
    check_interruptions(dir, &args, &file, full);
}

/// `check -o json`'s output and exit code.
fn check_json(dir: &Path, cache: bool) -> (Vec<u8>, Option<i32>) {
    let mut command = wirecheck(dir);
    command.args(["check", "-o", "json"]);
    if !cache {
        command.arg("--no-cache");
    }
    let output = command.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (output.stdout, output.status.code())
}

#[test]
fn a_check_killed_while_it_fills_the_cache_leaves_entries_a_later_run_can_trust() {
    let project = synthetic();
    let dir = project.path();
    let reference = check_json(dir, false);
    let start = Instant::now();
    let filled = check_json(dir, true);
    let full = start.elapsed();
    assert_eq!(filled, reference);
    for fraction in [0.3, 0.6, 0.9] {
        fs::remove_dir_all(dir.join(".wirecheck_cache")).unwrap();
        let mut child = spawn(dir, &["check", "-o", "json"]);
        std::thread::sleep(full.mul_f64(fraction));
        let _ = child.kill();
        child.wait().unwrap();
        assert_eq!(
            check_json(dir, true),
            reference,
            "after a run killed at {fraction} of its length"
        );
    }
}

/// Ways a cache entry can be damaged: by a crash without an atomic write, a full disk, a
/// file system that zero-fills after a power cut, another program, a user.
fn damage(entry: &Path, how: &str) {
    let bytes = fs::read(entry).unwrap();
    match how {
        "truncated to half" => fs::write(entry, &bytes[..bytes.len() / 2]).unwrap(),
        "truncated to one byte" => fs::write(entry, &bytes[..1]).unwrap(),
        "empty" => fs::write(entry, b"").unwrap(),
        "zero-filled" => fs::write(entry, vec![0u8; bytes.len()]).unwrap(),
        "garbage" => fs::write(
            entry,
            (0..bytes.len())
                .map(|i| (i * 7919 % 251) as u8)
                .collect::<Vec<u8>>(),
        )
        .unwrap(),
        "JSON instead of CBOR" => fs::write(entry, b"{\"key\": \"x\", \"results\": []}").unwrap(),
        "one bit flipped" => {
            let mut bytes = bytes;
            let middle = bytes.len() / 2;
            bytes[middle] ^= 0x10;
            fs::write(entry, bytes).unwrap();
        }
        "pointing at a version the story does not have" => {
            // Well formed, with a checksum that holds: only the index betrays it. An entry is
            // its head's length, its head, then the story's details.
            let body = &bytes[8..];
            let head_len = u64::from_le_bytes(body[..8].try_into().unwrap()) as usize;
            let (head, details) = body[8..].split_at(head_len);
            let mut value: ciborium::Value = ciborium::from_reader(details).unwrap();
            let ciborium::Value::Array(statuses) = field(&mut value, "statuses") else {
                panic!("statuses are a list")
            };
            *field(&mut statuses[0], "version") = ciborium::Value::from(999);
            let mut body = (head_len as u64).to_le_bytes().to_vec();
            body.extend(head);
            ciborium::into_writer(&value, &mut body).unwrap();
            let mut out = xxhash_rust::xxh3::xxh3_64(&body).to_le_bytes().to_vec();
            out.extend(body);
            fs::write(entry, out).unwrap();
        }
        "a folder" => {
            fs::remove_file(entry).unwrap();
            fs::create_dir(entry).unwrap();
        }
        _ => unreachable!("{how}"),
    }
}

/// The value under `key` in a CBOR map.
fn field<'v>(value: &'v mut ciborium::Value, key: &str) -> &'v mut ciborium::Value {
    let ciborium::Value::Map(entries) = value else {
        panic!("`{key}` is looked up in a map")
    };
    entries
        .iter_mut()
        .find(|(k, _)| k.as_text() == Some(key))
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("no `{key}`"))
}

#[test]
fn a_truncated_or_corrupt_cache_entry_is_checked_afresh() {
    let project = common::bundled_copy();
    let dir = project.path();
    let reference = check_json(dir, false);
    assert_eq!(reference.1, Some(1));
    for how in [
        "truncated to half",
        "truncated to one byte",
        "empty",
        "zero-filled",
        "garbage",
        "JSON instead of CBOR",
        "a folder",
        "one bit flipped",
        "pointing at a version the story does not have",
    ] {
        let cache = dir.join(".wirecheck_cache");
        if cache.exists() {
            fs::remove_dir_all(&cache).unwrap();
        }
        assert_eq!(check_json(dir, true), reference, "filling the cache");
        let entries: Vec<PathBuf> = fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "cbor"))
            .collect();
        assert_eq!(entries.len(), 1, "one story, one entry");
        damage(&entries[0], how);
        assert_eq!(check_json(dir, true), reference, "an entry {how}");
        // And the run after that, from whatever the last one left.
        assert_eq!(
            check_json(dir, true),
            reference,
            "the run after an entry {how}"
        );
    }
}

#[test]
fn details_made_by_hand_to_point_outside_their_story_stop_a_renderer_that_needs_them() {
    let project = common::bundled_copy();
    let dir = project.path();
    let reference = check_json(dir, false);
    assert_eq!(check_json(dir, true), reference, "filling the cache");
    let entry = dir.join(".wirecheck_cache/met-police-data-breaches.cbor");
    damage(&entry, "pointing at a version the story does not have");
    // The findings and the JSON were kept rendered: the details are never decoded.
    assert_eq!(check_json(dir, true), reference);
    // The graph's agreement edges need them: a clear error, not a panic or a wrong graph.
    let output = wirecheck(dir)
        .args(["graph", "-o", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cached results of story `met-police-data-breaches` point outside it"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Without the cache, the same graph renders.
    let output = wirecheck(dir)
        .args(["graph", "-o", "json", "--no-cache"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
}
