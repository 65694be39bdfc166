//! Quote claims: `quote: { speaker: David Davis, text: "The extent to which …" }`, the wording a
//! speaker is established to have used. Either part may be left out: a claim with no text takes
//! the versions' consensus as the wording; one with no speaker names the words alone.

use std::path::Path;

use super::{ClaimBody, QuoteClaim, reject_unknown_keys, schema};
use crate::problem::Problems;
use crate::source::{FileId, Span};
use crate::yaml::Node;

const QUOTE_KEYS: &[&str] = &["speaker", "text"];

/// The claim's body and how it reads in one line, or `None` after reporting what is wrong.
pub(super) fn read_quote(
    node: &Node<'_>,
    file: FileId,
    path: &Path,
    problems: &mut Problems,
) -> Option<(ClaimBody, String)> {
    if !node.is_mapping() {
        problems.push(schema(
            path,
            file,
            node.span(),
            format!("`quote` must be a mapping, not {}", node.describe()),
            "expected `{ speaker: …, text: \"…\" }`",
        ));
        return None;
    }
    let before = problems.0.len();
    reject_unknown_keys(node, QUOTE_KEYS, "quote key", path, file, problems);
    let mut text_of = |key: &str| -> Option<(String, Span)> {
        let field = node.get(key)?;
        match field.scalar().map(|s| s.trim().to_string()) {
            Some(s) if !s.is_empty() => Some((s, Span::new(file, field.span()))),
            _ => {
                problems.push(schema(
                    path,
                    file,
                    field.span(),
                    format!("a quote's `{key}` must be non-empty text"),
                    "expected text",
                ));
                None
            }
        }
    };
    let speaker = text_of("speaker");
    let text = text_of("text");
    if problems.0.len() > before {
        return None;
    }
    if speaker.is_none() && text.is_none() {
        problems.push(schema(
            path,
            file,
            node.span(),
            "a quote claim needs a `speaker`, a `text`, or both",
            "empty quote",
        ));
        return None;
    }
    let display = match (&speaker, &text) {
        (Some((s, _)), Some((t, _))) => format!("{s}: “{t}”"),
        (Some((s, _)), None) => format!("{s}: (the versions' wording)"),
        (None, Some((t, _))) => format!("“{t}”"),
        (None, None) => String::new(),
    };
    Some((ClaimBody::Quote(QuoteClaim { speaker, text }), display))
}
