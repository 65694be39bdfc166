//! The HTML renderer: one self-contained page (`wirecheck report`) for an editor — per story a
//! plain-language summary, the versions, the conflict graph as inline SVG, the claims × versions
//! matrix, every finding with its excerpts and quote diffs, and where each version states each
//! claim.
//!
//! The page is built in two steps: this module and its children turn the report into view
//! structs of plain strings and numbers, and askama templates (`templates/report/`) lay them out.
//! Article and claim text is untrusted: it reaches the page only through askama's default HTML
//! escaping, never through a `|safe` filter, and the only link built from it is a version's
//! front-matter url, and only when it is http(s). The page carries no script at all, and a
//! Content-Security-Policy that would refuse one.

mod findings;
mod graph;
mod matrix;
mod summary;

use askama::Template;

use crate::check::State;
use crate::claims::{ClaimBody, ClaimSet};
use crate::finding::{Finding, Severity};
use crate::report::{Details, Report, StoryReport};
use crate::source::FileTable;

use super::human::plural;

pub use findings::{ExcerptView, PieceView};

/// The whole page.
#[derive(Debug, Template)]
#[template(path = "report/page.html")]
struct Page {
    title: String,
    /// The run in one line: "10 findings (1 error, …) in 1 story, 5 versions, 20 claims".
    overview: String,
    problems: Vec<ProblemView>,
    stories: Vec<StoryView>,
    tool_version: &'static str,
}

/// An input problem that did not stop the run (a version without front matter, say).
#[derive(Debug)]
struct ProblemView {
    severity: &'static str,
    code: &'static str,
    message: String,
    at: String,
}

#[derive(Debug)]
struct StoryView {
    anchor: String,
    slug: String,
    title: Option<String>,
    claim_file: String,
    source: Option<String>,
    counts: Counts,
    summary: summary::SummaryView,
    versions: Vec<VersionView>,
    graph: graph::GraphView,
    matrix: matrix::MatrixView,
    findings: Vec<findings::FindingView>,
    evidence: Vec<findings::EvidenceView>,
}

/// Findings by severity.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counts {
    errors: usize,
    warnings: usize,
    notes: usize,
}

impl Counts {
    fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Counts {
        let mut counts = Counts::default();
        for f in findings {
            match f.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Note => counts.notes += 1,
            }
        }
        counts
    }

    /// "1 error", "6 warnings", … for the severities that occur, as (severity, words).
    fn parts(&self) -> Vec<(&'static str, String)> {
        [
            (self.errors, Severity::Error, "error", "errors"),
            (self.warnings, Severity::Warning, "warning", "warnings"),
            (self.notes, Severity::Note, "note", "notes"),
        ]
        .into_iter()
        .filter(|&(n, ..)| n > 0)
        .map(|(n, severity, one, many)| (severity.name(), plural(n, one, many)))
        .collect()
    }
}

#[derive(Debug)]
struct VersionView {
    anchor: String,
    id: String,
    outlet: String,
    published: Option<String>,
    byline: Option<String>,
    /// The front-matter url as a link target: only an http(s) url becomes one.
    href: Option<String>,
    /// Any other url, shown as text.
    url_text: Option<String>,
    /// The link's text: the address without its scheme, cut short.
    url_shown: String,
    path: String,
    outlier: bool,
    counts: Counts,
}

/// The page for a report. Fails only if a template cannot be written out (askama's formatting
/// errors) or a large run's details cannot be read back from its scratch file, never on any
/// input.
pub fn render(report: &Report) -> Result<String, askama::Error> {
    let files = &report.files;
    let stories: Vec<StoryView> = report
        .stories
        .iter()
        .enumerate()
        .map(|(i, story)| {
            let details = story.details().map_err(askama::Error::custom)?;
            let view = story_view(files, i, story, &details);
            // Texts read again for this story go again before the next.
            files.release(story.story.files.iter().copied());
            Ok(view)
        })
        .collect::<Result<_, askama::Error>>()?;
    let title = match report.stories.as_slice() {
        [one] => format!(
            "wirecheck report: {}",
            one.claims.title.as_deref().unwrap_or(&one.story.slug)
        ),
        _ => format!("wirecheck report: {} stories", report.stories.len()),
    };
    Page {
        title,
        overview: super::human::summary_line(report),
        problems: report
            .problems
            .iter()
            .map(|p| ProblemView {
                severity: p.severity.name(),
                code: p.code,
                message: p.message.clone(),
                at: match p.labels.first() {
                    Some(l) => at(files, l.span),
                    None => p.path.display().to_string(),
                },
            })
            .collect(),
        stories,
        tool_version: env!("CARGO_PKG_VERSION"),
    }
    .render()
}

fn story_view(
    files: &FileTable,
    index: usize,
    story: &StoryReport,
    details: &Details,
) -> StoryView {
    let anchor = format!("s{index}");
    let findings = findings::findings(files, &anchor, story);
    let versions = story
        .story
        .versions
        .iter()
        .enumerate()
        .map(|(v, version)| {
            let url = version.meta.url.as_deref();
            let href = url.filter(|u| is_web_link(u)).map(str::to_string);
            VersionView {
                anchor: version_anchor(&anchor, v),
                id: version.id.clone(),
                outlet: version.outlet().to_string(),
                // "2014-05-06T05:07:00+01:00" breaks across a narrow column at the space.
                published: version
                    .meta
                    .published
                    .as_ref()
                    .map(|p| p.replacen('T', " ", 1)),
                byline: version.meta.byline.clone(),
                url_text: url.filter(|_| href.is_none()).map(str::to_string),
                url_shown: href.as_deref().map(shown_url).unwrap_or_default(),
                href,
                path: files.path(version.file).display().to_string(),
                outlier: details.graph.outliers.contains(&v),
                counts: Counts::of(
                    story
                        .findings
                        .iter()
                        .filter(|f| f.version.as_deref() == Some(&version.id)),
                ),
            }
        })
        .collect();
    StoryView {
        slug: story.story.slug.clone(),
        title: story.claims.title.clone(),
        claim_file: files.path(story.claims.file).display().to_string(),
        source: story.claims.source.clone(),
        counts: Counts::of(&story.findings),
        summary: summary::summary(files, &anchor, story, &findings),
        versions,
        graph: graph::graph(&anchor, story, details),
        matrix: matrix::matrix(files, &anchor, story, details, &findings.by_cell),
        evidence: findings::evidence(files, &anchor, story, details),
        findings: findings.views,
        anchor,
    }
}

/// Only these become links; anything else (`javascript:`, `data:`, a relative path) is text.
fn is_web_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// A web address as a link's text: without "https://" and "www.", at most 48 characters.
fn shown_url(url: &str) -> String {
    let bare = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .trim_start_matches("www.");
    if bare.chars().count() <= 48 {
        return bare.to_string();
    }
    let mut out: String = bare.chars().take(47).collect();
    out.push('…');
    out
}

fn version_anchor(story: &str, version: usize) -> String {
    format!("{story}-v{version}")
}

/// `path:line:column` of a span's start, as the terminal prints it.
fn at(files: &FileTable, span: crate::source::Span) -> String {
    let start = files.start(span);
    format!(
        "{}:{}:{}",
        files.path(span.file).display(),
        start.line,
        start.column
    )
}

/// The name an editor knows a claim by: its slot for a value claim ("most senior officer"),
/// the speaker's quote for a quote claim, the expression for arithmetic.
fn claim_name(claims: &ClaimSet, claim: usize) -> String {
    let Some(c) = claims.claims.get(claim) else {
        return String::new();
    };
    match &c.body {
        ClaimBody::Value { slot, .. } => claims
            .slots
            .get(*slot)
            .map_or_else(|| c.id.clone(), |s| s.name.clone()),
        ClaimBody::Quote(q) => match &q.speaker {
            Some((speaker, _)) => format!("{speaker}'s quote"),
            None => c.id.clone(),
        },
        ClaimBody::Arithmetic { .. } => c.text.clone(),
    }
}

/// The visible mark of what a version says about a claim, so that the matrix is not read by
/// colour alone; `None` where no check gave the pair a state.
fn state_mark(state: Option<State>) -> &'static str {
    match state {
        Some(State::Agrees) => "✓",
        Some(State::Conflicts) => "✗",
        Some(State::Vague) => "≈",
        Some(State::Silent) => "–",
        Some(State::Ambiguous) => "?",
        None => "·",
    }
}

/// [`claim_name`] of the claim with this id, or the id itself if the set has no such claim.
fn claim_name_of(claims: &ClaimSet, id: &str) -> String {
    claims
        .claims
        .iter()
        .position(|c| c.id == id)
        .map_or_else(|| id.to_string(), |i| claim_name(claims, i))
}

#[cfg(test)]
mod tests;
