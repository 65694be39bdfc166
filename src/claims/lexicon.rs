//! Lexicons: reusable vocabularies (ranks, titles, organisations) whose terms are compared by
//! identity after alias folding, read from `claims/lexicon/*.yaml` or inline in a claim file.

use std::path::Path;
use std::sync::Arc;

use super::{reject_unknown_keys, schema};
use crate::codes::Code;
use crate::problem::{Problem, Problems};
use crate::source::{FileId, Span};
use crate::suggest;
use crate::yaml::Node;

#[derive(Debug, Clone)]
pub struct Lexicon {
    pub name: String,
    /// The slot kind its terms fill: "rank", "title".
    pub kind: Arc<str>,
    pub terms: Vec<LexiconTerm>,
    /// Words that, placed before a term, name a different term: "detective" + "chief constable".
    /// Each is (as written, canonical): abbreviations compose as their full word ("det").
    pub distinct_modifiers: Vec<(String, String)>,
    /// Words placed before a term that leave it the same: "acting", "former".
    pub ignored_modifiers: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct LexiconTerm {
    /// Canonical name, lower case: the identity.
    pub id: Arc<str>,
    /// Every way of writing it, the id included.
    pub aliases: Vec<String>,
    pub site: Span,
    /// Matched only as spelt ("Good", an Ofsted grade, is not the adjective "good").
    pub exact_case: bool,
    /// Before a name it is a form of address, not a statement of role ("Cllr Sarah Pryce").
    pub honorific: bool,
}

const LEXICON_KEYS: &[&str] = &["lexicon", "kind", "description", "modifiers", "terms"];
const MODIFIER_KEYS: &[&str] = &["distinct", "ignored"];
const TERM_KEYS: &[&str] = &["id", "aliases", "exact_case", "honorific"];

/// Reads a lexicon mapping (a lexicon file's root), reporting every problem.
pub fn read_lexicon(
    node: &Node<'_>,
    file: FileId,
    path: &Path,
    problems: &mut Problems,
) -> Option<Lexicon> {
    if !node.is_mapping() {
        let message = if node.is_null() {
            "the lexicon file is empty".to_string()
        } else {
            format!("a lexicon must be a mapping, not {}", node.describe())
        };
        problems.push(
            schema(
                path,
                file,
                node.span(),
                message,
                "expected `lexicon:`, `kind:` and `terms:`",
            )
            .help("a lexicon gives `lexicon:`, `kind:` and `terms:` (docs/claim-files.md)"),
        );
        return None;
    }
    let before = problems.0.len();
    reject_unknown_keys(node, LEXICON_KEYS, "lexicon key", path, file, problems);
    let name = required_text(node, "lexicon", file, path, problems);
    let kind = required_text(node, "kind", file, path, problems);
    let mut lexicon = Lexicon {
        name: name.unwrap_or_default(),
        kind: Arc::from(kind.unwrap_or_default().as_str()),
        terms: Vec::new(),
        distinct_modifiers: Vec::new(),
        ignored_modifiers: Vec::new(),
    };
    if let Some(modifiers) = node.get("modifiers") {
        for (key, value) in modifiers.entries() {
            if !MODIFIER_KEYS.contains(&key.as_str()) {
                problems.push(
                    schema(
                        path,
                        file,
                        value.key_span(),
                        format!("unknown modifier group `{key}`"),
                        "unknown key",
                    )
                    .help(suggest::help_for(&key, MODIFIER_KEYS)),
                );
                continue;
            }
            let items = modifier_list(&value, file, path, problems);
            if key == "distinct" {
                lexicon.distinct_modifiers = items;
            } else {
                lexicon.ignored_modifiers = items.into_iter().map(|(word, _)| word).collect();
            }
        }
    }
    match node.get("terms") {
        Some(terms) => lexicon.terms = read_terms(&terms, file, path, problems),
        None => problems.push(schema(
            path,
            file,
            node.span(),
            "a lexicon needs `terms:`",
            "no `terms:` here",
        )),
    }
    (problems.0.len() == before).then_some(lexicon)
}

/// Reads a list of terms: each a plain string (the id) or `{ id, aliases }`. Duplicate ids and
/// aliases claimed by two terms are reported, pointing at the first definition.
pub fn read_terms(
    node: &Node<'_>,
    file: FileId,
    path: &Path,
    problems: &mut Problems,
) -> Vec<LexiconTerm> {
    let span = |r: std::ops::Range<usize>| Span::new(file, r);
    if !node.is_sequence() {
        problems.push(
            Problem::error(
                Code::ClaimFileSchema.name(),
                path,
                format!("`terms` must be a list, not {}", node.describe()),
            )
            .label(span(node.span()), "expected a list of terms"),
        );
        return Vec::new();
    }
    let mut terms: Vec<LexiconTerm> = Vec::new();
    let mut seen: Vec<(String, Span)> = Vec::new();
    for item in node.items() {
        let flag = |key: &str, problems: &mut Problems| match item.get(key) {
            None => false,
            Some(value) => match value.value().as_bool() {
                Some(b) => b,
                None => {
                    problems.push(
                        Problem::error(
                            Code::ClaimFileSchema.name(),
                            path,
                            format!("`{key}` is true or false, not {}", value.describe()),
                        )
                        .label(span(value.span()), "expected true or false"),
                    );
                    false
                }
            },
        };
        let (exact_case, honorific) = (flag("exact_case", problems), flag("honorific", problems));
        let (id, mut aliases) = if let Some(id) = item.scalar() {
            (id, Vec::new())
        } else if item.is_mapping() {
            reject_unknown_keys(&item, TERM_KEYS, "term key", path, file, problems);
            let Some(id) = item.get("id").and_then(|v| v.scalar()) else {
                problems.push(
                    Problem::error(Code::ClaimFileSchema.name(), path, "a term needs an `id`")
                        .label(span(item.span()), "no `id` here"),
                );
                continue;
            };
            let aliases = item
                .get("aliases")
                .map(|a| text_list(&a, file, path, problems))
                .unwrap_or_default();
            (id, aliases)
        } else {
            problems.push(
                Problem::error(
                    Code::ClaimFileSchema.name(),
                    path,
                    format!(
                        "a term must be text or `{{ id, aliases }}`, not {}",
                        item.describe()
                    ),
                )
                .label(span(item.span()), "expected a term"),
            );
            continue;
        };
        let written = id.trim().to_string();
        let id = written.to_lowercase();
        let site = span(item.get("id").map_or_else(|| item.span(), |n| n.span()));
        // A term matched as spelt is matched as its id is written ("Good"), not in lower case.
        aliases.insert(0, (if exact_case { written } else { id.clone() }, site));
        let mut kept = Vec::new();
        for (alias, at) in aliases {
            let folded = fold(&alias);
            if let Some((_, first)) = seen.iter().find(|(f, _)| *f == folded) {
                if kept.is_empty() && at == site {
                    problems.push(
                        Problem::error(
                            Code::DuplicateDefinition.name(),
                            path,
                            format!("term `{id}` is defined twice"),
                        )
                        .label(at, "defined again here")
                        .label(*first, "first defined here"),
                    );
                } else {
                    problems.push(
                        Problem::error(
                            Code::DuplicateDefinition.name(),
                            path,
                            format!("alias `{alias}` names two terms"),
                        )
                        .label(at, "used again here")
                        .label(*first, "first used here"),
                    );
                }
                continue;
            }
            seen.push((folded, at));
            kept.push(alias);
        }
        if !kept.is_empty() {
            terms.push(LexiconTerm {
                id: Arc::from(id.as_str()),
                aliases: kept,
                site,
                exact_case,
                honorific,
            });
        }
    }
    terms
}

/// Modifier words: each a word, or `abbreviation: word` for a short form that composes as the
/// full word (`det: detective`).
fn modifier_list(
    node: &Node<'_>,
    file: FileId,
    path: &Path,
    problems: &mut Problems,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for item in if node.is_sequence() {
        node.items()
    } else {
        vec![node.clone()]
    } {
        if let Some(word) = item.scalar() {
            let word = word.trim().to_lowercase();
            out.push((word.clone(), word));
        } else if let [(short, full)] = item.entries().as_slice() {
            match full.scalar() {
                Some(full) => out.push((short.trim().to_lowercase(), full.trim().to_lowercase())),
                None => problems.push(schema(
                    path,
                    file,
                    full.span(),
                    "a modifier abbreviation maps to one word",
                    "expected the full word",
                )),
            }
        } else {
            problems.push(schema(
                path,
                file,
                item.span(),
                format!(
                    "a modifier is a word or `short: word`, not {}",
                    item.describe()
                ),
                "expected a word",
            ));
        }
    }
    out
}

/// Aliases compare without full stops, and without case except in the words matched as spelt:
/// "Det. Ch. Insp." and "det ch insp" are one alias; "PC" and "Pc" are two.
fn fold(alias: &str) -> String {
    alias
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| {
            if crate::extract::phrases::is_case_sensitive_alias_word(w) {
                w.to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn required_text(
    node: &Node<'_>,
    key: &str,
    file: FileId,
    path: &Path,
    problems: &mut Problems,
) -> Option<String> {
    match node.get(key) {
        Some(value) => match value.scalar() {
            Some(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => {
                problems.push(schema(
                    path,
                    file,
                    value.span(),
                    format!("`{key}` must be text, not {}", value.describe()),
                    "expected text",
                ));
                None
            }
        },
        None => {
            problems.push(schema(
                path,
                file,
                node.span(),
                format!("missing `{key}:`"),
                format!("add `{key}:` here"),
            ));
            None
        }
    }
}

/// A list of strings (or a single string), each with its place.
pub fn text_list(
    node: &Node<'_>,
    file: FileId,
    path: &Path,
    problems: &mut Problems,
) -> Vec<(String, Span)> {
    if let Some(s) = node.scalar() {
        return vec![(s, Span::new(file, node.span()))];
    }
    if !node.is_sequence() {
        problems.push(schema(
            path,
            file,
            node.span(),
            format!("expected a list of text, not {}", node.describe()),
            "expected a list",
        ));
        return Vec::new();
    }
    node.items()
        .into_iter()
        .filter_map(|item| match item.scalar() {
            Some(s) if !s.trim().is_empty() => {
                Some((s.trim().to_string(), Span::new(file, item.span())))
            }
            _ => {
                problems.push(schema(
                    path,
                    file,
                    item.span(),
                    format!("expected text, not {}", item.describe()),
                    "expected text",
                ));
                None
            }
        })
        .collect()
}
