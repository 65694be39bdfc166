//! The terminal renderer: each finding and input problem as a miette diagnostic, the conflicting
//! span underlined, related spans in the other versions and the claim's definition below it,
//! then a summary line.

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceSpan};

use super::excerpt::Excerpt;
use crate::finding::{Finding, Severity};
use crate::problem::Problem;
use crate::report::Report;
use crate::source::{FileTable, Span};

#[derive(Clone, Copy, Debug)]
pub struct HumanOptions {
    pub color: bool,
    /// Columns to wrap messages at.
    pub width: usize,
}

/// One diagnostic as miette draws it.
#[derive(Debug)]
struct Diag {
    message: String,
    code: Option<&'static str>,
    severity: miette::Severity,
    source: Option<Excerpt>,
    labels: Vec<LabeledSpan>,
    help: Option<String>,
    related: Vec<Diag>,
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Messages quote article text, which must never drive the terminal.
        f.write_str(&crate::text::inert(&self.message))
    }
}

impl std::error::Error for Diag {}

impl Diagnostic for Diag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code.map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(crate::text::inert(h)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
    }
}

fn severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Note => miette::Severity::Advice,
    }
}

fn label(span: Span, text: Option<String>, primary: bool) -> LabeledSpan {
    let at = SourceSpan::new((span.start as usize).into(), span.len());
    let text = text.map(|t| crate::text::inert(&t).into_owned());
    if primary {
        LabeledSpan::new_primary_with_span(text, at)
    } else {
        LabeledSpan::new_with_span(text, at)
    }
}

/// A note pointing at one span, for the spans related to a finding.
fn pointer(
    files: &FileTable,
    span: Span,
    message: String,
    text: Option<String>,
    width: usize,
) -> Diag {
    Diag {
        message,
        code: None,
        severity: miette::Severity::Advice,
        source: Some(Excerpt::around(files.get(span.file), &[span], width)),
        labels: vec![label(span, text, true)],
        help: None,
        related: Vec::new(),
    }
}

fn finding_diag(files: &FileTable, finding: &Finding, width: usize) -> Diag {
    let mut related: Vec<Diag> = finding
        .related
        .iter()
        .map(|r| pointer(files, r.label.span, r.label.message.clone(), None, width))
        .collect();
    // A finding about the claim itself (unmatched) already points at its definition.
    if let Some(claim) = finding
        .claim
        .as_ref()
        .filter(|c| c.site != finding.primary.span)
    {
        let message = format!("the claim `{}`", claim.id);
        related.push(pointer(
            files,
            claim.site,
            message,
            Some("defined here".into()),
            width,
        ));
    }
    let mut help = finding.help.clone();
    help.extend(finding.source.as_ref().map(|s| format!("source: {s}")));
    let spans: Vec<Span> = super::excerpt::finding_labels(finding)
        .iter()
        .map(|l| l.span)
        .collect();
    Diag {
        message: finding.message.clone(),
        code: Some(finding.code.name()),
        severity: severity(finding.severity),
        source: Some(Excerpt::around(
            files.get(finding.primary.span.file),
            &spans,
            // The primary excerpt is not indented like the related ones below it.
            width + 14,
        )),
        labels: std::iter::once(label(
            finding.primary.span,
            Some(finding.primary.message.clone()),
            true,
        ))
        .chain(
            finding
                .secondary
                .iter()
                .map(|l| label(l.span, Some(l.message.clone()), false)),
        )
        .collect(),
        help: (!help.is_empty()).then(|| help.join("\n")),
        related,
    }
}

fn problem_diag(files: &FileTable, problem: &Problem, width: usize) -> Diag {
    let spans: Vec<Span> = problem.labels.iter().map(|l| l.span).collect();
    let source = spans
        .first()
        .map(|s| Excerpt::around(files.get(s.file), &spans, width));
    let message = if spans.is_empty() {
        format!("{}: {}", problem.path.display(), problem.message)
    } else {
        problem.message.clone()
    };
    Diag {
        message,
        code: Some(problem.code),
        severity: severity(problem.severity),
        source,
        labels: problem
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| label(l.span, Some(l.message.clone()), i == 0))
            .collect(),
        help: problem.help.clone(),
        related: Vec::new(),
    }
}

pub fn render(report: &Report, options: HumanOptions) -> String {
    let mut out = diagnostics(report, options, true);
    out.push_str(&summary_line(report));
    out.push('\n');
    out
}

/// The input problems alone, with a count of the errors among them: what a command that stops
/// on broken inputs prints.
pub fn render_problems(report: &Report, options: HumanOptions) -> String {
    let mut out = diagnostics(report, options, false);
    let errors = report.problems.iter().filter(|p| p.is_error()).count();
    out.push_str(&plural(errors, "error", "errors"));
    out.push_str(" with the inputs\n");
    out
}

/// Each input problem, then (with `findings`) each finding, as miette draws them.
fn diagnostics(report: &Report, options: HumanOptions, findings: bool) -> String {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false)
        .with_show_related_as_nested(true);
    // Room for the gutter, line numbers and the indentation of nested related spans.
    let excerpt_width = options.width.saturating_sub(30);
    let mut out = String::new();
    let diags = report
        .problems
        .iter()
        .map(|p| problem_diag(&report.files, p, excerpt_width))
        .chain(
            report
                .findings()
                .filter(|_| findings)
                .map(|f| finding_diag(&report.files, f, excerpt_width)),
        );
    for diag in diags {
        // Rendering into a String cannot fail; a failure would only lose this diagnostic.
        let _ = handler.render_report(&mut out, &diag);
        out.push('\n');
    }
    out
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn summary_line(report: &Report) -> String {
    let s = report.summary();
    let scope = format!(
        "{}, {}, {}",
        plural(s.stories, "story", "stories"),
        plural(s.versions, "version", "versions"),
        plural(s.claims, "claim", "claims")
    );
    let total = s.errors + s.warnings + s.notes;
    // With a baseline, what is left is what is new.
    let new = if s.accepted.is_some() { "new " } else { "" };
    let mut line = if total == 0 {
        format!("no {new}findings in {scope}")
    } else {
        let mut parts = Vec::new();
        for (n, one, many) in [
            (s.errors, "error", "errors"),
            (s.warnings, "warning", "warnings"),
            (s.notes, "note", "notes"),
        ] {
            if n > 0 {
                parts.push(plural(n, one, many));
            }
        }
        format!(
            "{total} {new}{} ({}) in {scope}",
            if total == 1 { "finding" } else { "findings" },
            parts.join(", ")
        )
    };
    if let Some(accepted) = s.accepted {
        line.push_str(&format!("; {accepted} accepted by the baseline"));
    }
    let input_errors = report.problems.iter().filter(|p| p.is_error()).count();
    if input_errors > 0 {
        line.push_str(&format!(
            "; {} with the inputs",
            plural(input_errors, "error", "errors")
        ));
    }
    line
}
