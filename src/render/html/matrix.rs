//! The claims × versions matrix: a row per claim, a column per version, each cell what that
//! version says and its state (agrees, conflicts, vague, silent, ambiguous) as computed by the
//! checks, marked by a class and a visible sign, and linked to the finding or the evidence.

use std::collections::BTreeMap;

use super::findings::{evidence_anchor, status_spans};
use super::{claim_name, state_mark, version_anchor};
use crate::check::Status;
use crate::claims::ClaimBody;
use crate::report::{Details, StoryReport};
use crate::source::FileTable;

/// Words of a quote a cell shows before "…".
const QUOTE_WORDS: usize = 8;

#[derive(Debug)]
pub struct MatrixView {
    pub columns: Vec<ColumnView>,
    pub rows: Vec<RowView>,
}

#[derive(Debug)]
pub struct ColumnView {
    pub version: String,
    pub outlet: String,
    pub anchor: String,
}

#[derive(Debug)]
pub struct RowView {
    pub claim: String,
    pub name: String,
    pub text: String,
    /// `value`, `consensus`, `arithmetic` or `quote`.
    pub kind: &'static str,
    /// Some version conflicts on it.
    pub conflicted: bool,
    pub cells: Vec<CellView>,
}

#[derive(Debug)]
pub struct CellView {
    pub version: String,
    /// The state's name, also the cell's class; `unchecked` where no check gave one.
    pub state: &'static str,
    pub mark: &'static str,
    /// What the version says, in its own words.
    pub words: String,
    /// Further mentions not shown.
    pub more: usize,
    pub href: Option<String>,
    pub title: String,
}

/// `by_cell`: the finding about each (claim id, version id), by anchor.
pub fn matrix(
    files: &FileTable,
    story_anchor: &str,
    story: &StoryReport,
    details: &Details,
    by_cell: &BTreeMap<(String, String), String>,
) -> MatrixView {
    let versions = &story.story.versions;
    let claims = &story.claims;
    let status_of: BTreeMap<(usize, usize), &Status> = details
        .statuses
        .iter()
        .map(|s| ((s.claim, s.version), s))
        .collect();
    let rows = claims
        .claims
        .iter()
        .enumerate()
        .map(|(c, claim)| {
            let cells: Vec<CellView> = versions
                .iter()
                .enumerate()
                .map(|(v, version)| {
                    let status = status_of.get(&(c, v)).copied();
                    let state = status.map(|s| s.state);
                    let said: Vec<String> = status
                        .map(|s| status_spans(details, s))
                        .unwrap_or_default()
                        .iter()
                        .map(|(span, _)| crate::check::surface(files, *span))
                        .collect();
                    // A silent version may still name some of an arithmetic claim's slots;
                    // those words would read as if it stated the claim.
                    let said = if state == Some(crate::check::State::Silent) {
                        Vec::new()
                    } else {
                        said
                    };
                    let words = match &claim.body {
                        ClaimBody::Quote(_) => said.first().map(|q| shorten(q)),
                        ClaimBody::Arithmetic { .. } => Some(said.join(" · ")),
                        ClaimBody::Value { .. } => said.first().cloned(),
                    }
                    .unwrap_or_default();
                    let mut distinct = said.clone();
                    distinct.sort();
                    distinct.dedup();
                    let more = match claim.body {
                        ClaimBody::Arithmetic { .. } => 0,
                        _ => distinct.len().saturating_sub(1),
                    };
                    let state_name = state.map_or("unchecked", |s| s.name());
                    let href = by_cell
                        .get(&(claim.id.clone(), version.id.clone()))
                        .cloned()
                        .or_else(|| {
                            (!said.is_empty()).then(|| evidence_anchor(story_anchor, c, v))
                        });
                    let title = if said.is_empty() {
                        format!("{}: {state_name}", version.outlet())
                    } else {
                        format!(
                            "{}: {state_name}: “{}”",
                            version.outlet(),
                            said.join("”, “")
                        )
                    };
                    CellView {
                        version: version.id.clone(),
                        state: state_name,
                        mark: state_mark(state),
                        words,
                        more,
                        href: href.map(|h| format!("#{h}")),
                        title,
                    }
                })
                .collect();
            RowView {
                claim: claim.id.clone(),
                name: claim_name(claims, c),
                text: claim.text.clone(),
                kind: claim.kind_name(),
                conflicted: cells.iter().any(|cell| cell.state == "conflicts"),
                cells,
            }
        })
        .collect();
    MatrixView {
        columns: versions
            .iter()
            .enumerate()
            .map(|(v, version)| ColumnView {
                version: version.id.clone(),
                outlet: version.outlet().to_string(),
                anchor: version_anchor(story_anchor, v),
            })
            .collect(),
        rows,
    }
}

/// A quote's first words.
fn shorten(quote: &str) -> String {
    let words: Vec<&str> = quote.split_whitespace().collect();
    if words.len() <= QUOTE_WORDS {
        return words.join(" ");
    }
    format!("{} …", words[..QUOTE_WORDS].join(" "))
}
