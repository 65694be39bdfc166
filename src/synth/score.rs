//! Scores wirecheck's JSON output (`check --format json`) against a generated corpus's
//! manifest: which planted conflicts were found, which were missed, and what was reported that
//! the manifest does not predict.
//!
//! A finding matches a planted entry when story, version path and code are equal, and the claim
//! id too when the manifest names one. Paths are compared by their last three components
//! (`corpus/<story>/<file>`), so output from a run in another working directory still scores.
//! Each finding matches at most one entry. Severity is not part of the match, but a matched
//! finding at another severity than planned is listed and fails the score.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::manifest::{Manifest, Planted};

#[derive(Debug, thiserror::Error)]
pub enum ScoreError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not valid JSON: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{path} is not a synth manifest: {source}")]
    Manifest {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{path}: {what}")]
    Shape { path: PathBuf, what: String },
}

/// One finding as wirecheck reported it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reported {
    pub story: String,
    pub path: String,
    pub line: u64,
    pub code: String,
    pub severity: String,
    pub claim: Option<String>,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Score {
    pub planted: usize,
    pub found: usize,
    pub missed: Vec<Planted>,
    pub unexpected: Vec<Reported>,
    /// Matched, but at another severity: (planted, reported).
    pub wrong_severity: Vec<(Planted, Reported)>,
    /// Input problems the run reported (`problems` in the JSON), as "code: message".
    pub problems: Vec<String>,
}

impl Score {
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.planted)
    }

    pub fn precision(&self) -> f64 {
        ratio(self.found, self.found + self.unexpected.len())
    }

    /// Everything planted found, nothing else, at the planned severities, no input problems.
    pub fn perfect(&self) -> bool {
        self.missed.is_empty()
            && self.unexpected.is_empty()
            && self.wrong_severity.is_empty()
            && self.problems.is_empty()
    }

    /// A plain-text report: the figures, then every miss and surprise.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "planted:    {}", self.planted);
        let _ = writeln!(out, "found:      {}", self.found);
        let _ = writeln!(out, "missed:     {}", self.missed.len());
        let _ = writeln!(out, "unexpected: {}", self.unexpected.len());
        let _ = writeln!(out, "recall:     {:.4}", self.recall());
        let _ = writeln!(out, "precision:  {:.4}", self.precision());
        for p in &self.problems {
            let _ = writeln!(out, "problem: {p}");
        }
        for m in &self.missed {
            let _ = writeln!(
                out,
                "missed: {} {}:{} {} [{}] {}: {} (expected {})",
                m.story,
                m.path,
                m.line,
                m.code,
                m.claim.as_deref().unwrap_or("-"),
                m.edit,
                m.text,
                m.expected
            );
        }
        for u in &self.unexpected {
            let _ = writeln!(
                out,
                "unexpected: {} {}:{} {} {} [{}] {}",
                u.story,
                u.path,
                u.line,
                u.code,
                u.severity,
                u.claim.as_deref().unwrap_or("-"),
                u.message
            );
        }
        for (p, r) in &self.wrong_severity {
            let _ = writeln!(
                out,
                "severity: {} {}:{} {} expected {}, reported {}",
                p.story, r.path, r.line, p.code, p.severity, r.severity
            );
        }
        out
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// `corpus/<story>/<file>` from however the path was written.
fn key_path(path: &str) -> String {
    let parts: Vec<&str> = path.split(['/', '\\']).filter(|p| !p.is_empty()).collect();
    parts[parts.len().saturating_sub(3)..].join("/")
}

pub fn read_manifest(path: &Path) -> Result<Manifest, ScoreError> {
    let text = fs::read_to_string(path).map_err(|source| ScoreError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| ScoreError::Manifest {
        path: path.to_path_buf(),
        source,
    })
}

/// The findings and input problems of a `wirecheck check --format json` document.
pub fn read_findings(path: &Path) -> Result<(Vec<Reported>, Vec<String>), ScoreError> {
    let text = fs::read_to_string(path).map_err(|source| ScoreError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse_findings(&text).map_err(|e| match e {
        ParseError::Json(source) => ScoreError::Json {
            path: path.to_path_buf(),
            source,
        },
        ParseError::Shape(what) => ScoreError::Shape {
            path: path.to_path_buf(),
            what,
        },
    })
}

#[derive(Debug)]
pub enum ParseError {
    Json(serde_json::Error),
    Shape(String),
}

pub fn parse_findings(text: &str) -> Result<(Vec<Reported>, Vec<String>), ParseError> {
    let doc: Value = serde_json::from_str(text).map_err(ParseError::Json)?;
    let str_of = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    let findings = doc
        .get("findings")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            ParseError::Shape(
                "no `findings` array: is this `wirecheck check --format json` output?".into(),
            )
        })?;
    let mut reported = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        let need = |key: &str| {
            str_of(f, key).ok_or_else(|| ParseError::Shape(format!("finding {i} has no `{key}`")))
        };
        let location = f.get("location");
        reported.push(Reported {
            story: need("story")?,
            code: need("code")?,
            severity: need("severity")?,
            message: str_of(f, "message").unwrap_or_default(),
            path: location.and_then(|l| str_of(l, "path")).unwrap_or_default(),
            line: location
                .and_then(|l| l.get("line"))
                .and_then(Value::as_u64)
                .unwrap_or(0),
            claim: f.get("claim").and_then(|c| str_of(c, "id")),
        });
    }
    let problems = doc
        .get("problems")
        .and_then(Value::as_array)
        .map(|ps| {
            ps.iter()
                .map(|p| {
                    format!(
                        "{}: {}",
                        str_of(p, "code").unwrap_or_default(),
                        str_of(p, "message").unwrap_or_default()
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Ok((reported, problems))
}

/// Matches findings to planted entries.
pub fn score(manifest: &Manifest, findings: &[Reported], problems: Vec<String>) -> Score {
    let mut used = vec![false; findings.len()];
    let mut score = Score {
        planted: manifest.planted.len(),
        problems,
        ..Score::default()
    };
    // Index findings by (story, path, code) so a large corpus scores in one pass.
    let mut by_key: std::collections::HashMap<(&str, String, &str), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, f) in findings.iter().enumerate() {
        by_key
            .entry((f.story.as_str(), key_path(&f.path), f.code.as_str()))
            .or_default()
            .push(i);
    }
    for p in &manifest.planted {
        let key = (p.story.as_str(), key_path(&p.path), p.code.as_str());
        let hit = by_key.get(&key).and_then(|candidates| {
            candidates
                .iter()
                .copied()
                .find(|&i| !used[i] && (p.claim.is_none() || p.claim == findings[i].claim))
        });
        match hit {
            Some(i) => {
                used[i] = true;
                score.found += 1;
                if findings[i].severity != p.severity {
                    score.wrong_severity.push((p.clone(), findings[i].clone()));
                }
            }
            None => score.missed.push(p.clone()),
        }
    }
    score.unexpected = findings
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(f, _)| f.clone())
        .collect();
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::manifest::{Counts, Generator, SCHEMA_VERSION};

    fn planted(path: &str, code: &str, claim: Option<&str>) -> Planted {
        Planted {
            story: "s".into(),
            path: path.into(),
            code: code.into(),
            severity: "warning".into(),
            claim: claim.map(Into::into),
            edit: "value changed".into(),
            text: "9".into(),
            expected: "7".into(),
            line: 3,
        }
    }

    fn manifest(planted: Vec<Planted>) -> Manifest {
        Manifest {
            schema_version: SCHEMA_VERSION,
            generator: Generator {
                seed: 1,
                size: "small".into(),
                stories: 1,
                versions_per_story: 2,
                dodge_known_issues: false,
            },
            counts: Counts::default(),
            planted,
        }
    }

    fn doc(findings: &str) -> String {
        format!(r#"{{"schema_version":1,"problems":[],"findings":[{findings}]}}"#)
    }

    fn finding(path: &str, code: &str, claim: Option<&str>, severity: &str) -> String {
        let claim = claim.map_or(String::new(), |c| format!(r#""claim":{{"id":"{c}"}},"#));
        format!(
            r#"{{"story":"s","code":"{code}","severity":"{severity}",{claim}"message":"m","location":{{"path":"{path}","line":7}}}}"#
        )
    }

    #[test]
    fn perfect_when_every_planted_finding_and_nothing_else_is_reported() {
        let m = manifest(vec![planted(
            "corpus/s/001-a.txt",
            "wirecheck::consensus_conflict",
            Some("c"),
        )]);
        let text = doc(&finding(
            "/tmp/x/corpus/s/001-a.txt",
            "wirecheck::consensus_conflict",
            Some("c"),
            "warning",
        ));
        let (f, p) = parse_findings(&text).unwrap_or_default_for_test();
        let s = score(&m, &f, p);
        assert!(s.perfect(), "{}", s.render());
        assert_eq!((s.recall(), s.precision()), (1.0, 1.0));
    }

    #[test]
    fn counts_misses_surprises_and_claim_mismatches() {
        let m = manifest(vec![
            planted("corpus/s/001-a.txt", "wirecheck::value_conflict", Some("c")),
            planted("corpus/s/002-b.txt", "wirecheck::quote_altered", None),
        ]);
        let text = doc(&[
            finding(
                "corpus/s/001-a.txt",
                "wirecheck::value_conflict",
                Some("other"),
                "warning",
            ),
            finding(
                "corpus/s/002-b.txt",
                "wirecheck::quote_altered",
                None,
                "warning",
            ),
            finding(
                "corpus/s/003-c.txt",
                "wirecheck::quote_edited",
                None,
                "note",
            ),
        ]
        .join(","));
        let (f, p) = parse_findings(&text).unwrap_or_default_for_test();
        let s = score(&m, &f, p);
        assert_eq!(
            (s.planted, s.found, s.missed.len(), s.unexpected.len()),
            (2, 1, 1, 2)
        );
        assert_eq!(s.recall(), 0.5);
        assert!((s.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!(!s.perfect());
        let report = s.render();
        assert!(
            report.contains("missed: s corpus/s/001-a.txt:3 wirecheck::value_conflict [c]"),
            "{report}"
        );
        assert!(
            report.contains("unexpected: s corpus/s/003-c.txt:7 wirecheck::quote_edited note"),
            "{report}"
        );
    }

    #[test]
    fn a_severity_other_than_planned_fails_the_score() {
        let m = manifest(vec![planted(
            "corpus/s/001-a.txt",
            "wirecheck::quote_altered",
            None,
        )]);
        let text = doc(&finding(
            "corpus/s/001-a.txt",
            "wirecheck::quote_altered",
            None,
            "error",
        ));
        let (f, p) = parse_findings(&text).unwrap_or_default_for_test();
        let s = score(&m, &f, p);
        assert_eq!(s.found, 1);
        assert!(!s.perfect());
    }

    #[test]
    fn rejects_documents_that_are_not_check_output() {
        assert!(matches!(parse_findings("{"), Err(ParseError::Json(_))));
        assert!(matches!(
            parse_findings("{\"stories\": []}"),
            Err(ParseError::Shape(_))
        ));
        assert!(matches!(
            parse_findings(r#"{"findings":[{"story":"s"}]}"#),
            Err(ParseError::Shape(w)) if w.contains("code")
        ));
    }

    trait ForTest {
        fn unwrap_or_default_for_test(self) -> (Vec<Reported>, Vec<String>);
    }

    impl ForTest for Result<(Vec<Reported>, Vec<String>), ParseError> {
        fn unwrap_or_default_for_test(self) -> (Vec<Reported>, Vec<String>) {
            match self {
                Ok(v) => v,
                Err(e) => panic!("{e:?}"),
            }
        }
    }
}
