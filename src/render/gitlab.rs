//! GitLab's code-quality report (docs/ci.md): a JSON array of issues, each with a description,
//! a check name, a fingerprint, a severity and a file and line, which a merge request shows as
//! new or fixed against its target branch. Input problems come first, then the findings, in the
//! order of the other formats.

use serde::Serialize;

use crate::finding::{self, Finding, Severity};
use crate::problem::Problem;
use crate::report::Report;
use crate::source::FileTable;

use super::headline;
use super::json::location;
use super::stream::gather;

#[derive(Debug, Serialize)]
struct Issue {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: IssueLocation,
}

#[derive(Debug, Serialize)]
struct IssueLocation {
    path: String,
    lines: Lines,
}

#[derive(Debug, Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// GitLab's scale (info, minor, major, critical, blocker): a broken input stops the run, so it
/// ranks above any finding.
fn gitlab_severity(severity: Severity, problem: bool) -> &'static str {
    match (severity, problem) {
        (Severity::Error, true) => "critical",
        (Severity::Error, false) => "major",
        (Severity::Warning, _) => "minor",
        (Severity::Note, _) => "info",
    }
}

pub fn render(report: &Report) -> String {
    let files = &report.files;
    let issues = gather(
        report,
        |p| problem_issue(files, p),
        |f| finding_issue(files, f),
    );
    let mut out = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

fn finding_issue(files: &FileTable, f: &Finding) -> Issue {
    let at = location(files, f.primary.span);
    Issue {
        description: headline::finding(f),
        check_name: f.code.name(),
        fingerprint: f.fingerprint.clone(),
        severity: gitlab_severity(f.severity, false),
        location: IssueLocation {
            path: headline::slashed(&at.path),
            lines: Lines {
                begin: at.line,
                end: at.end_line,
            },
        },
    }
}

fn problem_issue(files: &FileTable, p: &Problem) -> Issue {
    let at = p.labels.first().map(|l| location(files, l.span));
    let path = headline::slashed(&p.path.display().to_string());
    Issue {
        description: headline::problem(p),
        check_name: p.code,
        // What the problem says about which file, never where in it, as in SARIF.
        fingerprint: finding::fingerprint(&[p.code, &path, &p.message]),
        severity: gitlab_severity(p.severity, true),
        location: IssueLocation {
            path: at.as_ref().map_or(path, |at| headline::slashed(&at.path)),
            lines: Lines {
                begin: at.as_ref().map_or(1, |at| at.line),
                end: at.as_ref().map_or(1, |at| at.end_line),
            },
        },
    }
}
