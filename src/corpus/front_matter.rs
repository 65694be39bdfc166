//! The YAML front-matter block at the top of an article version (`---` … `---`), the
//! static-site convention, read into [`VersionMeta`].

use std::ops::Range;
use std::path::Path;

use crate::codes::Code;
use crate::problem::{Problem, Problems};
use crate::source::{FileId, Span};
use crate::suggest;
use crate::yaml::{Document, Node};

/// What the front matter says about a version.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct VersionMeta {
    pub outlet: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// As written: a date (`2014-05-06`) or an RFC 3339 date-time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The local calendar day of publication, as a day number: the reference for "yesterday".
    #[serde(skip)]
    pub published_day: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The id of the version this one was copied from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// An unpublished draft (`check --draft`): checked like any version, but it never votes in
    /// a consensus.
    #[serde(skip)]
    pub draft: bool,
}

const KEYS: &[&str] = &[
    "outlet",
    "url",
    "published",
    "retrieved",
    "byline",
    "derived_from",
    "title",
];

/// Where the front matter's YAML is and where the article starts, if the text opens with a
/// front-matter block. A byte-order mark before it is allowed.
pub fn split(text: &str) -> Option<(Range<usize>, usize)> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end() != "---" {
        return None;
    }
    let yaml_start = start + first_line_end + 1;
    let mut at = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Some((yaml_start..at, at + line.len()));
        }
        at += line.len();
    }
    None
}

/// Reads the metadata of a front-matter block, reporting every problem in it.
pub fn parse(
    text: &str,
    yaml: Range<usize>,
    file: FileId,
    path: &Path,
    problems: &mut Problems,
) -> Option<VersionMeta> {
    let base = yaml.start;
    let span = |r: Range<usize>| Span::new(file, base + r.start..base + r.end);
    let doc = match Document::parse(&text[yaml.clone()]) {
        Ok(doc) => doc,
        Err(e) => {
            problems.push(
                Problem::error(
                    Code::FrontMatter.name(),
                    path,
                    format!("front matter is not valid YAML: {}", e.message),
                )
                .label(span(e.span), "here"),
            );
            return None;
        }
    };
    let root = doc.root();
    if root.is_null() {
        return Some(VersionMeta::default());
    }
    if !root.is_mapping() {
        problems.push(
            Problem::error(
                Code::FrontMatter.name(),
                path,
                format!(
                    "front matter must be a mapping of keys to values, not {}",
                    root.describe()
                ),
            )
            .label(span(root.span()), "expected `key: value` lines"),
        );
        return None;
    }
    let before = problems.0.len();
    let mut meta = VersionMeta::default();
    for (key, value) in root.entries() {
        if !KEYS.contains(&key.as_str()) {
            problems.push(
                Problem::error(
                    Code::FrontMatter.name(),
                    path,
                    format!("unknown front-matter key `{key}`"),
                )
                .label(span(value.key_span()), "not a front-matter key")
                .help(suggest::help_for(&key, KEYS)),
            );
            continue;
        }
        let Some(s) = text_of(&value) else {
            problems.push(
                Problem::error(
                    Code::FrontMatter.name(),
                    path,
                    format!("`{key}` must be text, not {}", value.describe()),
                )
                .label(span(value.span()), "expected text"),
            );
            continue;
        };
        match key.as_str() {
            "outlet" => meta.outlet = s,
            "url" => meta.url = Some(s),
            "published" => {
                meta.published_day = publication_day(&s);
                if meta.published_day.is_none() {
                    problems.push(
                        Problem::error(
                            Code::FrontMatter.name(),
                            path,
                            format!("`published` is not a date: `{s}`"),
                        )
                        .label(span(value.span()), "expected a date or date-time")
                        .help("write `2014-05-06` or `2014-05-06T05:07:00+01:00`"),
                    );
                }
                meta.published = Some(s);
            }
            "retrieved" => meta.retrieved = Some(s),
            "byline" => meta.byline = Some(s),
            "derived_from" => meta.derived_from = Some(s),
            _ => meta.title = Some(s),
        }
    }
    (problems.0.len() == before).then_some(meta)
}

fn text_of(node: &Node<'_>) -> Option<String> {
    node.scalar()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The calendar day a `published` value names, in the time zone it was written in.
impl VersionMeta {
    /// Recomputes what is derived from the front matter rather than kept with it, for
    /// metadata read back from the cache (a cached version is never a draft).
    pub fn rederive(&mut self) {
        self.published_day = self.published.as_deref().and_then(publication_day);
    }
}

fn publication_day(s: &str) -> Option<f64> {
    let date_part = s.get(..10)?;
    let date: jiff::civil::Date = date_part.parse().ok()?;
    if s.len() > 10 {
        s.parse::<jiff::Timestamp>().ok()?;
    }
    crate::value::date::day_number(date.year(), date.month(), date.day())
}
