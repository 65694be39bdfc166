//! The JSON renderer: the report as a stable, versioned document (docs/json.md). These types are
//! the schema; they are filled from the data model so internal changes do not leak into it.
//!
//! With a cache, what is rendered of a story is kept beside its cache entry and given back
//! while the story's results are unchanged: a re-check then renders only what changed.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::cache::Cache;
use crate::check::{State, Status};
use crate::finding::{Expected, Finding, Severity};
use crate::graph::{ConflictGraph, Edge};
use crate::report::{Details, Report, StoryReport};
use crate::source::{FileTable, Span};
use crate::value::Value;

use super::stream::{Array, by_story, field, pretty};

/// Bumped whenever a field changes meaning or disappears; new fields do not bump it.
/// 2: the `graph` of each story in `check` output no longer lists agreement edges (`wirecheck
/// graph` still does).
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

const TOOL: Tool = Tool {
    name: "wirecheck",
    version: env!("CARGO_PKG_VERSION"),
};

/// A place in a file, for display. SARIF and GitHub annotations read it too.
#[derive(Debug, Serialize)]
pub struct Location {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The columns counted in UTF-16 code units, as SARIF and GitHub count them; not in this
    /// document, whose columns count characters.
    #[serde(skip)]
    pub column_utf16: usize,
    #[serde(skip)]
    pub end_column_utf16: usize,
    /// Byte offsets into the file.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

pub fn location(files: &FileTable, span: Span) -> Location {
    let (start, end) = (files.start(span), files.end(span));
    Location {
        path: files.path(span.file).display().to_string(),
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        column_utf16: start.column_utf16,
        end_column_utf16: end.column_utf16,
        start: span.start as usize,
        end: span.end as usize,
        text: files.slice(span).to_string(),
    }
}

#[derive(Debug, Serialize)]
struct ProblemOut {
    code: &'static str,
    severity: Severity,
    message: String,
    path: String,
    labels: Vec<LabelOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
}

#[derive(Debug, Serialize)]
struct LabelOut {
    message: String,
    location: Location,
}

#[derive(Debug, Serialize)]
struct ValueOut<'a> {
    #[serde(flatten)]
    value: &'a Value,
    /// The value as a reader would write it.
    display: String,
}

fn value_out(value: &Value) -> ValueOut<'_> {
    ValueOut {
        value,
        display: value.to_string(),
    }
}

#[derive(Debug, Serialize)]
struct FindingOut<'a> {
    code: &'static str,
    severity: Severity,
    story: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claim: Option<ClaimRefOut<'a>>,
    message: &'a str,
    location: Location,
    label: &'a str,
    /// Further labelled spans in the same version (the other changes to one quote).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    secondary: Vec<LabelOut>,
    related: Vec<RelatedOut<'a>>,
    help: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    found: Option<ValueOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<ExpectedOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<QuoteOut<'a>>,
    fingerprint: &'a str,
}

/// A quote finding's word diff against the established wording.
#[derive(Debug, Serialize)]
struct QuoteOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    found: &'a str,
    inline: &'a str,
    diff: Vec<QuoteOpOut<'a>>,
}

#[derive(Debug, Serialize)]
struct QuoteOpOut<'a> {
    op: crate::diff::Op,
    #[serde(skip_serializing_if = "Option::is_none")]
    class: Option<crate::diff::Class>,
    expected: &'a str,
    found: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Location>,
}

/// What a finding's version should say, with values in the schema's value form.
#[derive(Debug, Serialize)]
#[serde(tag = "from", rename_all = "kebab-case")]
enum ExpectedOut<'a> {
    Claim {
        relation: &'a str,
        value: ValueOut<'a>,
        text: &'a str,
    },
    Consensus {
        value: ValueOut<'a>,
        text: &'a str,
        versions: usize,
        of: usize,
    },
    Arithmetic {
        left: &'a str,
        right: &'a str,
    },
    /// A quote's established wording: a claim's text, or what most outlets print.
    Wording {
        text: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        claim: Option<&'a str>,
        versions: usize,
        of: usize,
    },
}

fn expected_out(expected: &Expected) -> ExpectedOut<'_> {
    match expected {
        Expected::Claim {
            relation,
            value,
            text,
        } => ExpectedOut::Claim {
            relation,
            value: value_out(value),
            text,
        },
        Expected::Consensus {
            value,
            text,
            versions,
            of,
        } => ExpectedOut::Consensus {
            value: value_out(value),
            text,
            versions: *versions,
            of: *of,
        },
        Expected::Arithmetic { left, right } => ExpectedOut::Arithmetic { left, right },
        Expected::Wording {
            text,
            claim,
            versions,
            of,
        } => ExpectedOut::Wording {
            text,
            claim: claim.as_deref(),
            versions: *versions,
            of: *of,
        },
    }
}

#[derive(Debug, Serialize)]
struct ClaimRefOut<'a> {
    id: &'a str,
    text: &'a str,
    location: Location,
}

#[derive(Debug, Serialize)]
struct RelatedOut<'a> {
    version: &'a str,
    message: &'a str,
    location: Location,
}

fn finding_out<'a>(files: &FileTable, f: &'a Finding) -> FindingOut<'a> {
    FindingOut {
        code: f.code.name(),
        severity: f.severity,
        story: &f.story,
        version: f.version.as_deref(),
        claim: f.claim.as_ref().map(|c| ClaimRefOut {
            id: &c.id,
            text: &c.text,
            location: location(files, c.site),
        }),
        message: &f.message,
        location: location(files, f.primary.span),
        label: &f.primary.message,
        secondary: f
            .secondary
            .iter()
            .map(|l| LabelOut {
                message: l.message.clone(),
                location: location(files, l.span),
            })
            .collect(),
        related: f
            .related
            .iter()
            .map(|r| RelatedOut {
                version: &r.version,
                message: &r.label.message,
                location: location(files, r.label.span),
            })
            .collect(),
        help: &f.help,
        source: f.source.as_deref(),
        found: f.found.as_ref().map(value_out),
        expected: f.expected.as_ref().map(expected_out),
        quote: f.quote.as_ref().map(|q| QuoteOut {
            speaker: q.speaker.as_deref(),
            found: &q.found,
            inline: &q.inline,
            diff: q
                .ops
                .iter()
                .map(|op| QuoteOpOut {
                    op: op.op,
                    class: op.class,
                    expected: &op.expected,
                    found: &op.found,
                    location: op.span.map(|s| location(files, s)),
                })
                .collect(),
        }),
        fingerprint: &f.fingerprint,
    }
}

#[derive(Debug, Serialize)]
struct StoryOut<'a> {
    story: &'a str,
    claim_file: String,
    versions: Vec<VersionOut<'a>>,
    claims: Vec<ClaimOut<'a>>,
    statuses: Vec<StatusOut<'a>>,
    graph: GraphOut<'a>,
}

#[derive(Debug, Serialize)]
struct VersionOut<'a> {
    id: &'a str,
    path: String,
    #[serde(flatten)]
    meta: &'a crate::corpus::VersionMeta,
}

#[derive(Debug, Serialize)]
struct ClaimOut<'a> {
    id: &'a str,
    text: &'a str,
    /// `value` (an established value), `consensus` (`= ?`) or `arithmetic`.
    kind: &'static str,
    slots: Vec<&'a str>,
    severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    location: Location,
}

#[derive(Debug, Serialize)]
struct StatusOut<'a> {
    claim: &'a str,
    version: &'a str,
    state: State,
    mentions: Vec<MentionOut<'a>>,
    /// For a quote claim: where the version quotes it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    quotes: Vec<Location>,
}

#[derive(Debug, Serialize)]
struct MentionOut<'a> {
    slot: &'a str,
    value: ValueOut<'a>,
    vague: bool,
    location: Location,
}

#[derive(Debug, Serialize)]
pub struct GraphOut<'a> {
    nodes: Vec<NodeOut<'a>>,
    edges: Vec<EdgeOut<'a>>,
    clusters: Vec<Vec<&'a str>>,
    outliers: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
struct NodeOut<'a> {
    version: &'a str,
    outlet: &'a str,
    conflicts: usize,
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum EdgeOut<'a> {
    Conflict {
        claim: &'a str,
        outlier: &'a str,
        other: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        outlier_value: Option<ValueOut<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        other_value: Option<ValueOut<'a>>,
    },
    /// A quote the outlier prints differently from the other.
    Quote {
        #[serde(skip_serializing_if = "Option::is_none")]
        claim: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        speaker: Option<&'a str>,
        outlier: &'a str,
        other: &'a str,
    },
    Agreement {
        versions: [&'a str; 2],
        claims: Vec<&'a str>,
    },
}

/// Which edges a graph object lists.
#[derive(Clone, Copy, Debug)]
pub enum Edges<'a> {
    /// Conflicts and altered quotes: what `check` reports.
    Conflicts,
    /// Agreements as well, derived from these statuses, quadratic in the versions: what
    /// `graph` prints.
    All(&'a [Status]),
}

pub fn graph_out<'a>(
    story: &'a StoryReport,
    graph: &'a ConflictGraph,
    which: Edges<'_>,
) -> GraphOut<'a> {
    let id = |v: usize| story.story.versions[v].id.as_str();
    let claim_id = |c: usize| story.claims.claims[c].id.as_str();
    let mut edges: Vec<EdgeOut<'a>> = graph
        .edges()
        .map(|(_, _, edge)| match edge {
            Edge::Conflict {
                claim,
                outlier,
                other,
            } => EdgeOut::Conflict {
                claim: claim_id(*claim),
                outlier: id(outlier.version),
                other: id(other.version),
                outlier_value: outlier.value.as_ref().map(value_out),
                other_value: other.value.as_ref().map(value_out),
            },
            Edge::Quote {
                claim,
                speaker,
                outlier,
                other,
            } => EdgeOut::Quote {
                claim: claim.map(claim_id),
                speaker: speaker.as_deref(),
                outlier: id(outlier.version),
                other: id(other.version),
            },
        })
        .collect();
    if let Edges::All(statuses) = which {
        edges.extend(
            graph
                .agreements(statuses)
                .map(|agreement| EdgeOut::Agreement {
                    versions: [id(agreement.versions.0), id(agreement.versions.1)],
                    claims: agreement.claims.iter().map(|&c| claim_id(c)).collect(),
                }),
        );
    }
    edges.sort_by_key(edge_key);
    GraphOut {
        nodes: (0..story.story.versions.len())
            .map(|v| NodeOut {
                version: id(v),
                outlet: story.story.versions[v].outlet(),
                conflicts: graph.conflicts_of(v),
            })
            .collect(),
        edges,
        clusters: graph
            .clusters
            .iter()
            .map(|c| c.iter().map(|&v| id(v)).collect())
            .collect(),
        outliers: graph.outliers.iter().map(|&v| id(v)).collect(),
    }
}

fn edge_key<'a>(edge: &EdgeOut<'a>) -> (u8, &'a str, &'a str, &'a str) {
    match edge {
        EdgeOut::Conflict {
            claim,
            outlier,
            other,
            ..
        } => (0, claim, outlier, other),
        EdgeOut::Quote {
            speaker,
            outlier,
            other,
            ..
        } => (1, speaker.unwrap_or_default(), outlier, other),
        EdgeOut::Agreement { versions, .. } => (2, versions[0], versions[1], ""),
    }
}

fn story_out<'a>(files: &FileTable, story: &'a StoryReport, details: &'a Details) -> StoryOut<'a> {
    let claims = &story.claims;
    StoryOut {
        story: &story.story.slug,
        claim_file: files.path(claims.file).display().to_string(),
        versions: story
            .story
            .versions
            .iter()
            .map(|v| VersionOut {
                id: &v.id,
                path: files.path(v.file).display().to_string(),
                meta: &v.meta,
            })
            .collect(),
        claims: claims
            .claims
            .iter()
            .map(|c| ClaimOut {
                id: &c.id,
                text: &c.text,
                kind: c.kind_name(),
                slots: c
                    .slots()
                    .iter()
                    .map(|&s| claims.slots[s].name.as_str())
                    .collect(),
                severity: c.severity,
                source: c.source.as_deref(),
                location: location(files, c.site),
            })
            .collect(),
        statuses: details
            .statuses
            .iter()
            .map(|s| StatusOut {
                claim: &claims.claims[s.claim].id,
                version: &story.story.versions[s.version].id,
                state: s.state,
                mentions: details
                    .mentions_of(s)
                    .map(|m| MentionOut {
                        slot: &claims.slots[m.slot].name,
                        value: value_out(&m.value),
                        vague: m.vague,
                        location: location(files, m.span),
                    })
                    .collect(),
                quotes: s.quotes.iter().map(|&q| location(files, q)).collect(),
            })
            .collect(),
        graph: graph_out(story, &details.graph, Edges::Conflicts),
    }
}

/// The document as a string; [`write`] streams the same bytes.
pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Streams the document to `out`, story by story: the same bytes as pretty-printing the whole
/// [`Document`] at once, without ever building it (an archive's document runs to gigabytes).
pub fn write(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let files = &report.files;
    let problems: Vec<ProblemOut> = report
        .problems
        .iter()
        .map(|p| ProblemOut {
            code: p.code,
            severity: p.severity,
            message: p.message.clone(),
            path: p.path.display().to_string(),
            labels: p
                .labels
                .iter()
                .map(|l| LabelOut {
                    message: l.message.clone(),
                    location: location(files, l.span),
                })
                .collect(),
            help: p.help.clone(),
        })
        .collect();
    out.write_all(b"{\n")?;
    field(out, 1, "schema_version", &SCHEMA_VERSION, false)?;
    field(out, 1, "tool", &TOOL, false)?;
    field(out, 1, "summary", &report.summary(), false)?;
    field(out, 1, "problems", &problems, false)?;
    let findings = |story: &StoryReport| -> Vec<std::io::Result<Element>> {
        findings_of(files, story).into_iter().map(Ok).collect()
    };
    array(out, files, "findings", &report.stories, findings, false)?;
    let stories = |story: &StoryReport| vec![story_of(files, story)];
    array(out, files, "stories", &report.stories, stories, true)?;
    out.write_all(b"}\n")
}

/// Where the cache keeps a story's rendered findings and story object, beside its entry.
const FINDINGS_PART: &str = "findings.json";
const STORY_PART: &str = "story.json";

/// A story's findings as elements of the `findings` array: as rendered for an earlier run
/// when the cache kept them (a story's findings are rendered with the line, column and words of
/// every place they point at, which means reading every version of the story again), else
/// rendered now and kept for the next run.
fn findings_of(files: &FileTable, story: &StoryReport) -> Vec<Element> {
    let render = |f: &Finding| pretty(&finding_out(files, f), 2);
    let Some(cached) = story.cached.as_ref().filter(|_| !story.findings.is_empty()) else {
        return story
            .findings
            .iter()
            .map(render)
            .map(Element::Owned)
            .collect();
    };
    let slug = &story.story.slug;
    // Tagged by content: a baseline or the config may have dropped findings or changed their
    // severity since the pieces were kept.
    let tags: Vec<u64> = story
        .findings
        .iter()
        .map(|f| Cache::finding_tag(story, f))
        .collect();
    if let Some(fragment) = cached.cache.fragment(slug, FINDINGS_PART, &cached.key) {
        let by_tag: HashMap<u64, Range<usize>> = fragment.pieces.into_iter().collect();
        let kept: Option<Vec<Element>> = tags
            .iter()
            .map(|t| {
                let at = by_tag.get(t)?.clone();
                Some(Element::Kept(Arc::clone(&fragment.bytes), at))
            })
            .collect();
        if let Some(kept) = kept {
            return kept;
        }
    }
    let rendered: Vec<Vec<u8>> = story.findings.iter().map(render).collect();
    let pieces: Vec<(u64, &[u8])> = tags
        .iter()
        .copied()
        .zip(rendered.iter().map(Vec::as_slice))
        .collect();
    cached
        .cache
        .put_fragment(slug, FINDINGS_PART, &cached.key, &pieces);
    rendered.into_iter().map(Element::Owned).collect()
}

/// An element of a top-level array: rendered now, or a piece of what the cache kept.
#[derive(Debug)]
enum Element {
    Owned(Vec<u8>),
    Kept(Arc<Vec<u8>>, Range<usize>),
}

impl Element {
    fn bytes(&self) -> &[u8] {
        match self {
            Element::Owned(bytes) => bytes,
            Element::Kept(bytes, at) => bytes.get(at.clone()).unwrap_or_default(),
        }
    }
}

/// A story's element of the `stories` array, kept by the cache like its findings. It depends
/// on the results alone, so the key they are stored under is its key.
fn story_of(files: &FileTable, story: &StoryReport) -> std::io::Result<Element> {
    let slug = &story.story.slug;
    if let Some(cached) = &story.cached
        && let Some(fragment) = cached.cache.fragment(slug, STORY_PART, &cached.key)
        && let [(_, at)] = fragment.pieces.as_slice()
    {
        return Ok(Element::Kept(Arc::clone(&fragment.bytes), at.clone()));
    }
    let details = story.details()?;
    let rendered = pretty(&story_out(files, story, &details), 2);
    if let Some(cached) = &story.cached {
        cached
            .cache
            .put_fragment(slug, STORY_PART, &cached.key, &[(0, &rendered)]);
    }
    Ok(Element::Owned(rendered))
}

/// A first-level array whose elements come from the stories.
fn array(
    out: &mut dyn Write,
    files: &FileTable,
    name: &str,
    stories: &[StoryReport],
    elements: impl Fn(&StoryReport) -> Vec<std::io::Result<Element>> + Sync,
    last: bool,
) -> std::io::Result<()> {
    let mut array = Array::open(out, 1, name)?;
    by_story(files, stories, elements, |element| {
        array.push(out, element?.bytes())
    })?;
    array.close(out, last)
}

/// The graph alone, for `wirecheck graph --format json`. Fails only if a large run's
/// statuses cannot be read back from its scratch file.
pub fn render_graph(report: &Report) -> std::io::Result<String> {
    #[derive(Debug, Serialize)]
    struct GraphDocument<'a> {
        schema_version: u32,
        tool: Tool,
        stories: Vec<StoryGraph<'a>>,
    }
    #[derive(Debug, Serialize)]
    struct StoryGraph<'a> {
        story: &'a str,
        #[serde(flatten)]
        graph: GraphOut<'a>,
    }
    let details = report
        .stories
        .iter()
        .map(StoryReport::details)
        .collect::<std::io::Result<Vec<_>>>()?;
    Ok(to_string(&GraphDocument {
        schema_version: SCHEMA_VERSION,
        tool: TOOL,
        stories: report
            .stories
            .iter()
            .zip(&details)
            .map(|(s, d)| StoryGraph {
                story: &s.story.slug,
                graph: graph_out(s, &d.graph, Edges::All(&d.statuses)),
            })
            .collect(),
    }))
}

fn to_string<T: Serialize>(value: &T) -> String {
    // Serialising these plain structs cannot fail: no maps with non-string keys, no custom
    // serialisers that error.
    let mut out =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
