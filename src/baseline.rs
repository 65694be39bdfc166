//! Baselines: findings a newsroom has accepted as they are, so that a gate fails only on new
//! ones. A baseline file lists one entry per accepted finding, keyed by its fingerprint (story,
//! claim, version and normalised values, never a position), with the code, story, version,
//! claim and message beside it so the file reads well in a diff. Entries are sorted and written
//! whole or not at all.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::codes::Code;
use crate::finding::{Finding, Severity};
use crate::problem::{Problem, Problems};
use crate::report::Report;
use crate::source::{FileTable, Span};
use crate::yaml::{FileCodes, Node};

/// The shape of the file; a later wirecheck that changes it bumps this and still reads 1.
pub const SCHEMA_VERSION: u64 = 1;

/// Where `wirecheck baseline` writes when neither a flag nor the config names a file.
pub const DEFAULT_PATH: &str = "wirecheck-baseline.yaml";

const FILE_KEYS: &[&str] = &["schema_version", "findings"];
const ENTRY_KEYS: &[&str] = &[
    "fingerprint",
    "code",
    "story",
    "version",
    "claim",
    "message",
];

/// One accepted finding. Field order is the sort order: by story, then version, code, claim.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    pub story: String,
    pub version: Option<String>,
    pub code: String,
    pub claim: Option<String>,
    pub fingerprint: String,
    pub message: String,
}

impl Entry {
    pub fn of(finding: &Finding) -> Entry {
        Entry {
            story: finding.story.clone(),
            version: finding.version.clone(),
            code: finding.code.name().to_string(),
            claim: finding.claim.as_ref().map(|c| c.id.clone()),
            fingerprint: finding.fingerprint.clone(),
            message: finding.message.clone(),
        }
    }

    /// "value_conflict in met-police-data-breaches/003-independent (most-senior-officer)".
    fn describe(&self) -> String {
        let code = self.code.strip_prefix("wirecheck::").unwrap_or(&self.code);
        let mut out = format!("{code} in {}", self.story);
        if let Some(version) = &self.version {
            out.push('/');
            out.push_str(version);
        }
        if let Some(claim) = &self.claim {
            out.push_str(&format!(" ({claim})"));
        }
        out
    }
}

/// A baseline file as read: its entries, each with where it is in the file.
#[derive(Debug)]
pub struct Baseline {
    pub path: PathBuf,
    pub entries: Vec<(Entry, Span)>,
}

const YAML_CODES: FileCodes = FileCodes {
    syntax: Code::BaselineInvalid,
    duplicate: Code::BaselineInvalid,
};

/// Reads a baseline file; `None` after reporting why it cannot be used (every problem at once).
pub fn read(path: &Path, files: &mut FileTable, problems: &mut Problems) -> Option<Baseline> {
    if !path.is_file() {
        problems.push(
            Problem::error(
                Code::BaselineInvalid.name(),
                path,
                "the baseline file does not exist",
            )
            .help("write it with `wirecheck baseline`, or check the path given to --baseline or in wirecheck.yaml"),
        );
        return None;
    }
    let (file, doc) = crate::yaml::read_file(path, YAML_CODES, files, problems)?;
    let root = doc.root();
    let mut local = Problems::default();
    let invalid = |at: std::ops::Range<usize>, message: String, label: &str| {
        Problem::error(Code::BaselineInvalid.name(), path, message)
            .label(Span::new(file, at), label.to_string())
    };
    if root.is_null() {
        problems.push(
            invalid(
                root.span(),
                "the baseline file is empty".to_string(),
                "expected `schema_version:` and `findings:`",
            )
            .help("write it with `wirecheck baseline`: a baseline that accepts nothing still says so, with `findings: []`"),
        );
        return None;
    }
    if !root.is_mapping() {
        problems.push(invalid(
            root.span(),
            format!("a baseline is a mapping, not {}", root.describe()),
            "expected `schema_version:` and `findings:`",
        ));
        return None;
    }
    crate::yaml::reject_unknown_keys(
        &root,
        FILE_KEYS,
        "baseline key",
        Code::BaselineInvalid,
        path,
        file,
        &mut local,
    );
    match root.get("schema_version") {
        Some(node) => match node.value().as_u64() {
            Some(SCHEMA_VERSION) => {}
            Some(n) if n > SCHEMA_VERSION => local.push(
                invalid(
                    node.span(),
                    format!("baseline schema version {n} is newer than this wirecheck reads ({SCHEMA_VERSION})"),
                    "written by a newer wirecheck",
                )
                .help("upgrade wirecheck, or write the baseline again with this one"),
            ),
            _ => local.push(invalid(
                node.span(),
                format!("unknown baseline schema version `{}`", node.scalar().unwrap_or_default()),
                "expected 1",
            )),
        },
        None => local.push(invalid(0..0, "missing `schema_version:`".into(), "add `schema_version: 1`")),
    }
    let mut entries = Vec::new();
    match root.get("findings") {
        Some(list) if list.is_sequence() => {
            for item in list.items() {
                if let Some(entry) = read_entry(&item, path, file, &mut local) {
                    // The fingerprint is the entry's key: a short place to point at.
                    let at = item.get("fingerprint").map_or(item.span(), |f| f.span());
                    entries.push((entry, Span::new(file, at)));
                }
            }
        }
        // `findings:` with nothing after it: an empty baseline.
        Some(list) if list.is_null() => {}
        Some(list) => local.push(invalid(
            list.span(),
            format!("`findings` is a list, not {}", list.describe()),
            "expected a list of entries",
        )),
        None => local.push(invalid(
            0..0,
            "missing `findings:`".into(),
            "add `findings: []`",
        )),
    }
    let failed = local.has_errors();
    problems.extend(local);
    (!failed).then(|| Baseline {
        path: path.to_path_buf(),
        entries,
    })
}

fn read_entry(
    item: &Node<'_>,
    path: &Path,
    file: crate::source::FileId,
    problems: &mut Problems,
) -> Option<Entry> {
    if !item.is_mapping() {
        problems.push(
            Problem::error(
                Code::BaselineInvalid.name(),
                path,
                format!("a baseline entry is a mapping, not {}", item.describe()),
            )
            .label(
                Span::new(file, item.span()),
                "expected `fingerprint:`, `code:`, `story:` …",
            ),
        );
        return None;
    }
    crate::yaml::reject_unknown_keys(
        item,
        ENTRY_KEYS,
        "baseline entry key",
        Code::BaselineInvalid,
        path,
        file,
        problems,
    );
    let mut missing = Vec::new();
    let mut text = |key: &'static str, required: bool| {
        let value = item.get(key).and_then(|n| n.scalar());
        if required && value.is_none() {
            missing.push(key);
        }
        value
    };
    let fingerprint = text("fingerprint", true);
    let code = text("code", true);
    let story = text("story", true);
    let message = text("message", true);
    let version = text("version", false);
    let claim = text("claim", false);
    if !missing.is_empty() {
        problems.push(
            Problem::error(
                Code::BaselineInvalid.name(),
                path,
                format!("a baseline entry lacks `{}`", missing.join("`, `")),
            )
            .label(Span::new(file, item.span()), "in this entry"),
        );
        return None;
    }
    Some(Entry {
        fingerprint: fingerprint?,
        code: code?,
        story: story?,
        version,
        claim,
        message: message?,
    })
}

/// The file's text: a header that says what the file is, then the entries, sorted.
pub fn render(entries: &[Entry]) -> String {
    let mut entries = entries.to_vec();
    entries.sort();
    let mut out = String::from(
        "# wirecheck baseline: findings accepted as they are. `wirecheck check --baseline FILE`\n\
         # fails only on findings not listed here. Written by `wirecheck baseline`; review changes\n\
         # to it as you would review code.\n",
    );
    out.push_str(&format!("schema_version: {SCHEMA_VERSION}\n"));
    if entries.is_empty() {
        out.push_str("findings: []\n");
        return out;
    }
    out.push_str("findings:\n");
    for entry in &entries {
        // Every value is written as a JSON string, which is also a YAML double-quoted scalar:
        // no slug or message can be misread as a number, a boolean or a comment.
        let mut first = true;
        let mut field = |key: &str, value: &str| {
            out.push_str(if first { "  - " } else { "    " });
            first = false;
            out.push_str(key);
            out.push_str(": ");
            out.push_str(&serde_json::Value::from(value).to_string());
            out.push('\n');
        };
        field("fingerprint", &entry.fingerprint);
        field("code", &entry.code);
        field("story", &entry.story);
        if let Some(version) = &entry.version {
            field("version", version);
        }
        if let Some(claim) = &entry.claim {
            field("claim", claim);
        }
        field("message", &entry.message);
    }
    out
}

/// Writes a baseline file atomically.
pub fn write(path: &Path, entries: &[Entry]) -> std::io::Result<()> {
    crate::atomic::write(path, render(entries).as_bytes())
}

/// The entries `wirecheck baseline` writes: every finding of the stories this run checked, and
/// the entries an earlier baseline holds for stories it did not check (a run limited with
/// `--story` leaves the other stories' entries as they were).
pub fn updated(previous: Option<&Baseline>, report: &Report) -> Vec<Entry> {
    let checked = checked_stories(report);
    let mut entries: Vec<Entry> = previous
        .map(|b| {
            b.entries
                .iter()
                .filter(|(e, _)| !checked.contains(e.story.as_str()))
                .map(|(e, _)| e.clone())
                .collect()
        })
        .unwrap_or_default();
    entries.extend(report.findings().map(Entry::of));
    entries.sort();
    entries
}

fn checked_stories(report: &Report) -> BTreeSet<&str> {
    report
        .stories
        .iter()
        .map(|s| s.story.slug.as_str())
        .collect()
}

/// What a baseline did to a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Findings the baseline accepted, taken out of the report.
    pub accepted: usize,
    /// Entries for stories this run checked that matched no finding (indices into the
    /// baseline's entries).
    pub stale: Vec<usize>,
}

/// Takes the findings the baseline accepts out of the report. Each entry accepts one finding
/// with its fingerprint, so a second, identical conflict is still new. Entries are stale only
/// for stories this run checked: a run limited to some stories says nothing of the others.
pub fn apply(baseline: &Baseline, report: &mut Report) -> Applied {
    let mut unused: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (entry, _)) in baseline.entries.iter().enumerate().rev() {
        unused
            .entry(entry.fingerprint.as_str())
            .or_default()
            .push(i);
    }
    let mut applied = Applied::default();
    for story in &mut report.stories {
        story.findings.retain(|finding| {
            let taken = unused
                .get_mut(finding.fingerprint.as_str())
                .and_then(Vec::pop);
            if taken.is_some() {
                applied.accepted += 1;
            }
            taken.is_none()
        });
    }
    let checked = checked_stories(report);
    applied.stale = unused
        .into_values()
        .flatten()
        .filter(|&i| checked.contains(baseline.entries[i].0.story.as_str()))
        .collect();
    applied.stale.sort_unstable();
    applied
}

/// A stale entry as a note on the baseline file, pointing at the entry.
pub fn stale_problem(baseline: &Baseline, index: usize) -> Problem {
    let (entry, site) = &baseline.entries[index];
    Problem::error(
        Code::StaleBaselineEntry.name(),
        &baseline.path,
        format!(
            "baseline entry matches no finding: {}: {}",
            entry.describe(),
            entry.message
        ),
    )
    .with_severity(Severity::Note)
    .label(*site, "no longer found")
    .help(format!(
        "the finding it accepted is fixed or has changed; remove the entry with `wirecheck check --baseline {} --prune`",
        baseline.path.display()
    ))
}

/// The baseline without the given entries, for `--prune`.
pub fn without(baseline: &Baseline, stale: &[usize]) -> Vec<Entry> {
    baseline
        .entries
        .iter()
        .enumerate()
        .filter(|(i, _)| !stale.contains(i))
        .map(|(_, (e, _))| e.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(story: &str, fingerprint: &str, message: &str) -> Entry {
        Entry {
            story: story.into(),
            version: Some("003-independent".into()),
            code: "wirecheck::value_conflict".into(),
            claim: Some("most-senior-officer".into()),
            fingerprint: fingerprint.into(),
            message: message.into(),
        }
    }

    #[test]
    fn a_written_baseline_reads_back_the_same() {
        let entries = vec![
            entry("b", "00ff", "says “300”: 50% # not a comment"),
            entry("a", "1234567890123456", "yes"),
            Entry {
                version: None,
                claim: None,
                ..entry("a", "true", "line\nbreak \"quoted\"")
            },
        ];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.yaml");
        write(&path, &entries).unwrap();
        let mut files = FileTable::default();
        let mut problems = Problems::default();
        let read = read(&path, &mut files, &mut problems).unwrap();
        assert!(problems.0.is_empty(), "{:?}", problems.0);
        let mut sorted = entries.clone();
        sorted.sort();
        let back: Vec<Entry> = read.entries.into_iter().map(|(e, _)| e).collect();
        assert_eq!(back, sorted);
        assert_eq!(render(&back), render(&entries), "stable");
    }

    #[test]
    fn an_empty_baseline_is_valid() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.yaml");
        write(&path, &[]).unwrap();
        let mut problems = Problems::default();
        let read = read(&path, &mut FileTable::default(), &mut problems).unwrap();
        assert!(read.entries.is_empty() && problems.0.is_empty());
    }

    #[test]
    fn every_problem_of_a_baseline_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.yaml");
        std::fs::write(
            &path,
            "schema_version: 7\nfindngs: []\nfindings:\n  - code: x\n    story: s\n  - 3\n",
        )
        .unwrap();
        let mut problems = Problems::default();
        assert!(read(&path, &mut FileTable::default(), &mut problems).is_none());
        let messages: Vec<String> = problems.0.iter().map(|p| p.message.clone()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("newer than this wirecheck")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("unknown baseline key `findngs`")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("lacks `fingerprint`, `message`")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("a baseline entry is a mapping")),
            "{messages:?}"
        );
    }
}
