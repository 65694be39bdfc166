//! Findings as the page shows them — the conflicting span marked in an excerpt of the article,
//! the related spans in the other versions with theirs, a quote's word diff — and the evidence
//! behind the matrix: where each version states each claim.

use std::collections::BTreeMap;

use super::{at, claim_name, claim_name_of, state_mark, version_anchor};
use crate::check::State;
use crate::diff::Op;
use crate::finding::{Finding, QuoteDiff};
use crate::render::excerpt::{Excerpt, finding_labels};
use crate::report::{Details, StoryReport};
use crate::source::{FileTable, Span};

/// Characters of article text an excerpt shows, about: a few lines of a paragraph.
const FINDING_WIDTH: usize = 240;
const RELATED_WIDTH: usize = 160;
/// Mentions of one claim shown per version in the evidence; the rest are counted.
const EVIDENCE_PER_VERSION: usize = 3;

#[derive(Debug)]
pub struct FindingView {
    pub anchor: String,
    pub severity: &'static str,
    pub code: &'static str,
    pub message: String,
    pub version: Option<String>,
    pub version_anchor: Option<String>,
    pub outlet: Option<String>,
    pub claim: Option<ClaimView>,
    pub excerpt: Option<ExcerptView>,
    pub labels: Vec<LabelView>,
    pub quote: Option<QuoteView>,
    pub help: Vec<String>,
    pub source: Option<String>,
    pub related: Vec<RelatedView>,
}

#[derive(Debug)]
pub struct ClaimView {
    pub id: String,
    pub name: String,
    pub text: String,
    pub at: String,
    /// The finding is not about the claim's own text, which is then shown on its own line.
    pub elsewhere: bool,
}

/// What a marked span in a finding's excerpt shows.
#[derive(Debug)]
pub struct LabelView {
    /// A span of no width: the point where words were cut.
    pub point: bool,
    pub words: String,
    pub message: String,
}

#[derive(Debug)]
pub struct QuoteView {
    pub speaker: Option<String>,
    pub ops: Vec<OpView>,
}

/// One run of a quote's word diff.
#[derive(Debug)]
pub struct OpView {
    /// `equal`, `delete`, `insert` or `replace`.
    pub kind: &'static str,
    pub expected: String,
    pub found: String,
    pub class: &'static str,
    /// Whitespace separates the run from the one before: runs are words and punctuation, and
    /// "(MPS)" must not print as "( MPS )".
    pub space_before: bool,
}

#[derive(Debug)]
pub struct RelatedView {
    pub version: String,
    pub message: String,
    pub excerpt: Option<ExcerptView>,
}

/// A window of article (or claim-file) text with spans marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExcerptView {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub pieces: Vec<PieceView>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PieceView {
    pub text: String,
    /// Empty for plain text; else the mark's class: `primary`, `secondary`, `point`, `agrees`.
    pub mark: &'static str,
    /// What the mark shows, for a tooltip.
    pub title: String,
}

/// A span to mark in an excerpt.
#[derive(Debug, Clone)]
pub struct Mark {
    pub span: Span,
    pub class: &'static str,
    pub title: String,
}

/// An excerpt of the file of `marks[0]` around every mark in that file, about `width`
/// characters of text; `None` without marks.
pub fn excerpt(files: &FileTable, marks: &[Mark], width: usize) -> Option<ExcerptView> {
    let file = marks.first()?.span.file;
    let marks: Vec<&Mark> = marks.iter().filter(|m| m.span.file == file).collect();
    let spans: Vec<Span> = marks.iter().map(|m| m.span).collect();
    let excerpt = Excerpt::around(files.get(file), &spans, width);
    let pieces = excerpt
        .pieces(&spans)
        .into_iter()
        .map(|piece| match piece.span.and_then(|i| marks.get(i)) {
            Some(mark) => PieceView {
                text: piece.text.to_string(),
                mark: if piece.text.is_empty() {
                    "point"
                } else {
                    mark.class
                },
                title: mark.title.clone(),
            },
            None => PieceView {
                text: piece.text.to_string(),
                mark: "",
                title: String::new(),
            },
        })
        .collect();
    Some(ExcerptView {
        path: excerpt.path().to_string(),
        line: excerpt.line(),
        column: excerpt.column(),
        pieces,
    })
}

/// A story's findings, errors first, and where each one is on the page.
#[derive(Debug)]
pub struct Findings {
    pub views: Vec<FindingView>,
    /// Each finding's anchor, in `StoryReport::findings` order.
    pub by_finding: Vec<String>,
    /// The most severe finding about a claim (by id) in a version (by id).
    pub by_cell: BTreeMap<(String, String), String>,
}

pub fn findings(files: &FileTable, story_anchor: &str, story: &StoryReport) -> Findings {
    let mut order: Vec<usize> = (0..story.findings.len()).collect();
    // Errors first; the report's own order (version, position) within a severity.
    order.sort_by_key(|&i| std::cmp::Reverse(story.findings[i].severity));
    let mut by_finding = vec![String::new(); story.findings.len()];
    let mut by_cell = BTreeMap::new();
    let mut views = Vec::with_capacity(order.len());
    for (place, &i) in order.iter().enumerate() {
        let finding = &story.findings[i];
        let anchor = format!("{story_anchor}-f{place}");
        by_finding[i] = anchor.clone();
        if let (Some(claim), Some(version)) = (&finding.claim, &finding.version) {
            by_cell
                .entry((claim.id.clone(), version.clone()))
                .or_insert_with(|| anchor.clone());
        }
        views.push(finding_view(files, story_anchor, story, finding, anchor));
    }
    Findings {
        views,
        by_finding,
        by_cell,
    }
}

fn finding_view(
    files: &FileTable,
    story_anchor: &str,
    story: &StoryReport,
    finding: &Finding,
    anchor: String,
) -> FindingView {
    let labelled = finding_labels(finding);
    let marks: Vec<Mark> = labelled
        .iter()
        .enumerate()
        .map(|(i, label)| Mark {
            span: label.span,
            class: if i == 0 { "primary" } else { "secondary" },
            title: label.message.clone(),
        })
        .collect();
    let version_index = finding
        .version
        .as_deref()
        .and_then(|id| story.story.versions.iter().position(|v| v.id == id));
    FindingView {
        severity: finding.severity.name(),
        code: finding.code.name(),
        message: finding.message.clone(),
        version: finding.version.clone(),
        version_anchor: version_index.map(|v| version_anchor(story_anchor, v)),
        outlet: version_index.map(|v| story.story.versions[v].outlet().to_string()),
        claim: finding.claim.as_ref().map(|c| ClaimView {
            id: c.id.clone(),
            name: claim_name_of(&story.claims, &c.id),
            text: c.text.clone(),
            at: at(files, c.site),
            elsewhere: c.site != finding.primary.span,
        }),
        excerpt: excerpt(files, &marks, FINDING_WIDTH),
        labels: labelled
            .iter()
            .map(|label| LabelView {
                point: label.span.is_empty(),
                words: crate::check::surface(files, label.span),
                message: label.message.clone(),
            })
            .collect(),
        quote: finding.quote.as_ref().map(quote_view),
        help: finding.help.clone(),
        source: finding.source.clone(),
        related: finding
            .related
            .iter()
            .map(|r| RelatedView {
                version: r.version.clone(),
                message: r.label.message.clone(),
                excerpt: excerpt(
                    files,
                    &[Mark {
                        span: r.label.span,
                        class: "agrees",
                        title: r.label.message.clone(),
                    }],
                    RELATED_WIDTH,
                ),
            })
            .collect(),
        anchor,
    }
}

fn quote_view(quote: &QuoteDiff) -> QuoteView {
    let touching = |before: Option<Span>, after: Option<Span>| match (before, after) {
        (Some(b), Some(a)) => !b.is_empty() && !a.is_empty() && b.end == a.start,
        _ => false,
    };
    QuoteView {
        speaker: quote.speaker.clone(),
        ops: quote
            .ops
            .iter()
            .enumerate()
            .map(|(i, op)| OpView {
                space_before: i > 0
                    && !touching(quote.ops.get(i - 1).and_then(|p| p.span), op.span),
                kind: match op.op {
                    Op::Equal => "equal",
                    Op::Delete => "delete",
                    Op::Insert => "insert",
                    Op::Replace => "replace",
                },
                expected: op.expected.clone(),
                found: op.found.clone(),
                class: op.class.map_or("", |c| c.name()),
            })
            .collect(),
    }
}

/// Where each version states one claim.
#[derive(Debug)]
pub struct EvidenceView {
    pub anchor: String,
    pub claim: String,
    pub name: String,
    pub text: String,
    pub entries: Vec<EvidenceEntry>,
}

#[derive(Debug)]
pub struct EvidenceEntry {
    pub anchor: String,
    pub version: String,
    pub outlet: String,
    pub state: &'static str,
    pub mark: &'static str,
    pub excerpts: Vec<ExcerptView>,
    /// Mentions not shown.
    pub more: usize,
}

pub fn evidence_anchor(story_anchor: &str, claim: usize, version: usize) -> String {
    format!("{story_anchor}-c{claim}-v{version}")
}

/// The spans a status rests on: the mentions of its slots, or for a quote claim the version's
/// words that quote it, each with what it says.
pub fn status_spans(details: &Details, status: &crate::check::Status) -> Vec<(Span, String)> {
    let mut spans: Vec<(Span, String)> = details
        .mentions_of(status)
        .map(|m| (m.span, m.value.to_string()))
        .collect();
    spans.extend(status.quotes.iter().map(|&q| (q, String::from("quote"))));
    spans
}

pub fn evidence(
    files: &FileTable,
    story_anchor: &str,
    story: &StoryReport,
    details: &Details,
) -> Vec<EvidenceView> {
    let mut views: Vec<EvidenceView> = Vec::new();
    for status in &details.statuses {
        let spans = status_spans(details, status);
        let (Some(claim), Some(version)) = (
            story.claims.claims.get(status.claim),
            story.story.versions.get(status.version),
        ) else {
            continue;
        };
        if spans.is_empty() {
            continue;
        }
        let class = if status.state == State::Conflicts {
            "primary"
        } else {
            "agrees"
        };
        let excerpts = spans
            .iter()
            .take(EVIDENCE_PER_VERSION)
            .filter_map(|(span, title)| {
                let mark = Mark {
                    span: *span,
                    class,
                    title: title.clone(),
                };
                excerpt(files, &[mark], RELATED_WIDTH)
            })
            .collect();
        let entry = EvidenceEntry {
            anchor: evidence_anchor(story_anchor, status.claim, status.version),
            version: version.id.clone(),
            outlet: version.outlet().to_string(),
            state: status.state.name(),
            mark: state_mark(Some(status.state)),
            excerpts,
            more: spans.len().saturating_sub(EVIDENCE_PER_VERSION),
        };
        match views.last_mut() {
            Some(view) if view.claim == claim.id => view.entries.push(entry),
            _ => views.push(EvidenceView {
                anchor: format!("{story_anchor}-c{}", status.claim),
                claim: claim.id.clone(),
                name: claim_name(&story.claims, status.claim),
                text: claim.text.clone(),
                entries: vec![entry],
            }),
        }
    }
    views
}
