//! Loading claim files: YAML → raw nodes → slots, lexicons and resolved claims, with every
//! problem of a file reported at once, each pointing into the YAML or into the expression.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::lexicon::{read_lexicon, read_terms, text_list};
use super::resolve::Resolver;
use super::{Claim, ClaimBody, ClaimSet, Cue, Example, Examples, Lexicon, Slot, ValueTest};
use super::{reject_unknown_keys, schema};
use crate::codes::Code;
use crate::corpus::Corpus;
use crate::extract::phrases::PhraseTable;
use crate::finding::Severity;
use crate::problem::{Problem, Problems};
use crate::source::{FileId, FileTable, Span};
use crate::suggest;
use crate::value::ValueKind;
use crate::yaml::Node;

const FILE_KEYS: &[&str] = &[
    "story", "title", "source", "lexicons", "terms", "slots", "claims",
];
const SLOT_KEYS: &[&str] = &["kind", "near", "of", "description"];
const CLAIM_KEYS: &[&str] = &[
    "id",
    "claim",
    "quote",
    "severity",
    "source",
    "rationale",
    "aliases",
    "examples",
];
const EXAMPLE_KEYS: &[&str] = &["match", "no_match"];

/// Lexicon files already read, shared by every story that names them.
#[derive(Default)]
struct LexiconCache {
    by_path: HashMap<PathBuf, Option<Arc<Lexicon>>>,
}

/// Reads the claim file of every story in `corpus`, and reports claim files that match none of
/// `all_stories` (the whole corpus, even when only some stories are checked).
pub fn load(
    dir: &Path,
    corpus: &Corpus,
    all_stories: &[String],
    files: &mut FileTable,
    problems: &mut Problems,
) -> Vec<ClaimSet> {
    let mut cache = LexiconCache::default();
    let mut sets = Vec::new();
    if !dir.is_dir() {
        problems.push(
            Problem::error(
                Code::MissingClaimFile.name(),
                dir,
                "the claims folder does not exist",
            )
            .help("pass it with --claims, or run wirecheck where `claims/` is"),
        );
        return sets;
    }
    let mut wanted = Vec::new();
    for story in &corpus.stories {
        let path = claim_path(dir, &story.slug);
        if !path.is_file() {
            problems.push(
                Problem::error(
                    Code::MissingClaimFile.name(),
                    &path,
                    format!(
                        "story `{}` has no claim file: it is not checked",
                        story.slug
                    ),
                )
                .with_severity(Severity::Warning)
                .help(format!("write {}", path.display())),
            );
            continue;
        }
        wanted.push(path);
    }
    // Reading and parsing is most of the work and needs nothing shared: done in parallel, then
    // each file is added to the table and read as claims in story order, as if one by one.
    let read: Vec<_> = wanted
        .par_iter()
        .map(|path| crate::yaml::read_text(path, YAML_CODES))
        .collect();
    for (path, read) in wanted.iter().zip(read) {
        let Some((file, doc)) = crate::yaml::add_read(path, read, YAML_CODES, files, problems)
        else {
            continue;
        };
        if let Some(set) = read_parsed(file, &doc, path, dir, files, problems, &mut cache) {
            sets.push(set);
        }
    }
    let slugs: Vec<&str> = all_stories.iter().map(String::as_str).collect();
    if let Ok(entries) = fs::read_dir(dir) {
        let mut orphans: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .filter(|p| {
                p.file_stem()
                    .is_some_and(|s| !slugs.contains(&s.to_string_lossy().as_ref()))
            })
            .collect();
        orphans.sort();
        for path in orphans {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut problem = Problem::error(
                Code::MissingClaimFile.name(),
                &path,
                format!("no story `{stem}` in the corpus: this claim file is not used"),
            )
            .with_severity(Severity::Warning);
            if let Some(near) = suggest::did_you_mean(&stem, slugs.iter().copied()) {
                problem = problem.help(format!("did you mean `{near}`?"));
            }
            problems.push(problem);
        }
    }
    sets
}

/// A story's claim file: `<slug>.yml` if there is one, else `<slug>.yaml`.
pub fn claim_path(dir: &Path, slug: &str) -> PathBuf {
    let yml = dir.join(format!("{slug}.yml"));
    if yml.is_file() {
        yml
    } else {
        dir.join(format!("{slug}.yaml"))
    }
}

/// How a claim or lexicon file's YAML problems are filed.
const YAML_CODES: crate::yaml::FileCodes = crate::yaml::FileCodes {
    syntax: Code::ClaimFileSyntax,
    duplicate: Code::DuplicateDefinition,
};

/// Reads one claim file; `None` when it has any error (all of which are in `problems`).
pub fn load_file(
    path: &Path,
    claims_dir: &Path,
    files: &mut FileTable,
    problems: &mut Problems,
) -> Option<ClaimSet> {
    let (file, doc) = crate::yaml::read_file(path, YAML_CODES, files, problems)?;
    read_parsed(
        file,
        &doc,
        path,
        claims_dir,
        files,
        problems,
        &mut LexiconCache::default(),
    )
}

/// [`load_file`] for a claim file's text already in memory, shown as `path`; lexicon files it
/// names are read from `claims_dir`.
pub fn load_text(
    path: &Path,
    text: String,
    claims_dir: &Path,
    files: &mut FileTable,
    problems: &mut Problems,
) -> Option<ClaimSet> {
    let (file, doc) = crate::yaml::parse_file(path, text, YAML_CODES, files, problems)?;
    read_parsed(
        file,
        &doc,
        path,
        claims_dir,
        files,
        problems,
        &mut LexiconCache::default(),
    )
}

/// A parsed claim file's claim set; `None` when it has any error (all of which are in
/// `problems`).
fn read_parsed(
    file: FileId,
    doc: &crate::yaml::Document,
    path: &Path,
    claims_dir: &Path,
    files: &mut FileTable,
    problems: &mut Problems,
    cache: &mut LexiconCache,
) -> Option<ClaimSet> {
    let mut local = Problems::default();
    let set = read_claim_set(
        &doc.root(),
        file,
        path,
        claims_dir,
        files,
        &mut local,
        cache,
    );
    let failed = local.has_errors();
    problems.extend(local);
    set.filter(|_| !failed)
}

fn read_claim_set(
    root: &Node<'_>,
    file: FileId,
    path: &Path,
    claims_dir: &Path,
    files: &mut FileTable,
    problems: &mut Problems,
    cache: &mut LexiconCache,
) -> Option<ClaimSet> {
    if !root.is_mapping() {
        let message = if root.is_null() {
            "the claim file is empty".to_string()
        } else {
            format!("a claim file must be a mapping, not {}", root.describe())
        };
        problems.push(
            schema(
                path,
                file,
                root.span(),
                message,
                "expected `story:`, `slots:` and `claims:`",
            )
            .help("a claim file gives `story:`, `slots:` and `claims:` (docs/claim-files.md)"),
        );
        return None;
    }
    reject_unknown_keys(root, FILE_KEYS, "key", path, file, problems);
    let text_field = |key: &str, problems: &mut Problems| {
        let node = root.get(key)?;
        match node.scalar() {
            Some(s) => Some(s.trim().to_string()),
            None => {
                problems.push(schema(
                    path,
                    file,
                    node.span(),
                    format!("`{key}` must be text, not {}", node.describe()),
                    "expected text",
                ));
                None
            }
        }
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let story = match text_field("story", problems) {
        Some(story) => {
            if story != stem {
                let at = root.get("story").map(|n| n.span()).unwrap_or_default();
                problems.push(
                    schema(
                        path,
                        file,
                        at,
                        format!("story `{story}` does not match the file name `{stem}`"),
                        "the corpus folder and the claim file share the story's slug",
                    )
                    .help(format!("write `story: {stem}`, or rename the file")),
                );
            }
            story
        }
        None => {
            if root.get("story").is_none() {
                problems.push(schema(
                    path,
                    file,
                    0..0,
                    "missing `story:`",
                    "add `story: <slug>` at the top",
                ));
            }
            stem
        }
    };
    let title = text_field("title", problems);
    let source = text_field("source", problems);

    let mut lexicons = Vec::new();
    if let Some(list) = root.get("lexicons") {
        lexicons = read_lexicon_list(&list, file, path, claims_dir, files, problems, cache);
    }
    if let Some(terms) = root.get("terms") {
        if !terms.is_mapping() {
            problems.push(schema(
                path,
                file,
                terms.span(),
                format!("`terms` maps a kind to its terms, not {}", terms.describe()),
                "expected `kind: [terms]`",
            ));
        }
        for (kind, list) in terms.entries() {
            let terms = read_terms(&list, file, path, problems);
            lexicons.push(Arc::new(Lexicon {
                name: format!("{story} {kind}"),
                kind: Arc::from(kind.as_str()),
                terms,
                distinct_modifiers: Vec::new(),
                ignored_modifiers: Vec::new(),
            }));
        }
    }

    let (slots, broken) = read_slots(root, file, path, &lexicons, problems);
    let table = PhraseTable::new([], &lexicons);
    let context = ClaimContext {
        slots: &slots,
        broken: &broken,
        terms: &table,
        source: source.as_deref(),
    };
    let mut claims = read_claims(root, file, path, &context, problems);
    let mut slots = slots;
    attach_aliases(&mut claims, &mut slots);
    Some(ClaimSet {
        story,
        file,
        title,
        source,
        slots,
        claims: claims.into_iter().map(|(c, _)| c).collect(),
        lexicons,
    })
}

fn read_lexicon_list(
    list: &Node<'_>,
    file: FileId,
    path: &Path,
    claims_dir: &Path,
    files: &mut FileTable,
    problems: &mut Problems,
    cache: &mut LexiconCache,
) -> Vec<Arc<Lexicon>> {
    let items = if list.is_sequence() {
        list.items()
    } else {
        vec![list.clone()]
    };
    let mut out = Vec::new();
    for item in items {
        if item.is_mapping() {
            if let Some(lexicon) = read_lexicon(&item, file, path, problems) {
                out.push(Arc::new(lexicon));
            }
            continue;
        }
        let Some(relative) = item.scalar() else {
            problems.push(schema(
                path,
                file,
                item.span(),
                format!("a lexicon is a path or a mapping, not {}", item.describe()),
                "expected a path",
            ));
            continue;
        };
        let lexicon_path = claims_dir.join(relative.trim());
        if !lexicon_path.is_file() {
            problems.push(
                Problem::error(
                    Code::ClaimFileSchema.name(),
                    path,
                    format!("lexicon file `{}` not found", lexicon_path.display()),
                )
                .label(
                    Span::new(file, item.span()),
                    "paths are relative to the claims folder",
                ),
            );
            continue;
        }
        if let Some(lexicon) = cache.by_path.get(&lexicon_path) {
            out.extend(lexicon.clone());
            continue;
        }
        let loaded = crate::yaml::read_file(&lexicon_path, YAML_CODES, files, problems).and_then(
            |(lexicon_file, doc)| {
                read_lexicon(&doc.root(), lexicon_file, &lexicon_path, problems).map(Arc::new)
            },
        );
        cache.by_path.insert(lexicon_path, loaded.clone());
        out.extend(loaded);
    }
    out
}

fn read_slots(
    root: &Node<'_>,
    file: FileId,
    path: &Path,
    lexicons: &[Arc<Lexicon>],
    problems: &mut Problems,
) -> (Vec<Slot>, Vec<String>) {
    let Some(node) = root.get("slots") else {
        problems.push(schema(
            path,
            file,
            0..0,
            "missing `slots:`",
            "a claim file names its slots under `slots:`",
        ));
        return (Vec::new(), Vec::new());
    };
    if !node.is_mapping() {
        problems.push(schema(
            path,
            file,
            node.span(),
            format!(
                "`slots` maps slot names to their kind and cues, not {}",
                node.describe()
            ),
            "expected `name: {{ kind, near }}`",
        ));
        return (Vec::new(), Vec::new());
    }
    let mut kinds: Vec<&str> = crate::value::ValueKind::BUILT_IN
        .iter()
        .map(|(n, _)| *n)
        .collect();
    for lexicon in lexicons {
        if !kinds.contains(&lexicon.kind.as_ref()) {
            kinds.push(lexicon.kind.as_ref());
        }
    }
    let mut slots = Vec::new();
    let mut broken: Vec<String> = Vec::new();
    for (name, spec) in node.entries() {
        let site = Span::new(file, spec.key_span());
        if !spec.is_mapping() {
            problems.push(schema(
                path,
                file,
                spec.span(),
                format!(
                    "slot `{name}` must be a mapping with `kind` and `near`, not {}",
                    spec.describe()
                ),
                "expected `{ kind: …, near: [...] }`",
            ));
            broken.push(name.trim().to_string());
            continue;
        }
        reject_unknown_keys(&spec, SLOT_KEYS, "slot key", path, file, problems);
        let kind = match spec
            .get("kind")
            .and_then(|k| k.scalar().map(|s| (s, k.span())))
        {
            Some((kind, at)) => match ValueKind::built_in(kind.trim()) {
                Some(kind) => Some(kind),
                None if lexicons.iter().any(|l| *l.kind == *kind.trim()) => {
                    Some(ValueKind::Term(Arc::from(kind.trim())))
                }
                None => {
                    problems.push(
                        schema(
                            path,
                            file,
                            at,
                            format!("unknown kind `{kind}`"),
                            "not a built-in kind or the kind of a loaded lexicon",
                        )
                        .help(suggest::help_for(&kind, &kinds)),
                    );
                    None
                }
            },
            None => {
                problems.push(
                    schema(
                        path,
                        file,
                        spec.span(),
                        format!("slot `{name}` needs a `kind`"),
                        "no `kind:` here",
                    )
                    .help(format!("one of: {}", kinds.join(", "))),
                );
                None
            }
        };
        let cues: Vec<Cue> = match spec.get("near") {
            Some(near) => text_list(&near, file, path, problems)
                .into_iter()
                .map(|(phrase, site)| Cue { phrase, site })
                .collect(),
            None => {
                problems.push(schema(
                    path,
                    file,
                    spec.span(),
                    format!(
                        "slot `{name}` needs `near:`, the phrases whose sentences hold its value"
                    ),
                    "no `near:` here",
                ));
                Vec::new()
            }
        };
        let of: Vec<String> = spec
            .get("of")
            .map(|of| text_list(&of, file, path, problems))
            .unwrap_or_default()
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        if let (Some(kind), Some(node)) = (&kind, spec.get("of")) {
            if !matches!(
                kind,
                ValueKind::Count | ValueKind::Number | ValueKind::Share
            ) {
                problems.push(schema(
                    path,
                    file,
                    node.key_span(),
                    format!("`of` names what a count or share counts; `{name}` is a {kind} slot"),
                    "only for count and share slots",
                ));
            }
        }
        match kind {
            Some(kind) => slots.push(Slot {
                name: name.trim().to_string(),
                kind,
                cues,
                of,
                site,
            }),
            None => broken.push(name.trim().to_string()),
        }
    }
    (slots, broken)
}

/// Claims with, for each, the aliases to add to its slots' cues.
/// What claims are read against: the file's slots (and the names of broken ones, already
/// reported), its lexicons' terms, and its `source:`.
struct ClaimContext<'a> {
    slots: &'a [Slot],
    broken: &'a [String],
    terms: &'a PhraseTable,
    source: Option<&'a str>,
}

fn read_claims(
    root: &Node<'_>,
    file: FileId,
    path: &Path,
    context: &ClaimContext<'_>,
    problems: &mut Problems,
) -> Vec<(Claim, Vec<Cue>)> {
    let ClaimContext {
        slots,
        broken,
        terms: table,
        source: file_source,
    } = *context;
    let Some(node) = root.get("claims") else {
        problems.push(schema(
            path,
            file,
            0..0,
            "missing `claims:`",
            "a claim file lists its claims under `claims:`",
        ));
        return Vec::new();
    };
    if !node.is_sequence() {
        problems.push(schema(
            path,
            file,
            node.span(),
            format!("`claims` must be a list, not {}", node.describe()),
            "expected a list of claims",
        ));
        return Vec::new();
    }
    let resolver = Resolver {
        slots,
        terms: table,
    };
    let mut out: Vec<(Claim, Vec<Cue>)> = Vec::new();
    let mut ids: HashMap<String, Span> = HashMap::new();
    for item in node.items() {
        let spec = item.is_mapping().then(|| item.clone());
        if let Some(spec) = &spec {
            reject_unknown_keys(spec, CLAIM_KEYS, "claim key", path, file, problems);
        }
        let field = |key: &str| spec.as_ref().and_then(|s| s.get(key));
        let read = match (&spec, field("claim"), field("quote")) {
            (None, ..) if item.scalar().is_some() => {
                read_expression(&item, file, path, &resolver, broken, slots, problems)
            }
            (Some(_), Some(expression), None) => {
                read_expression(&expression, file, path, &resolver, broken, slots, problems)
            }
            (Some(_), None, Some(quote)) => {
                if let Some(aliases) = field("aliases") {
                    problems.push(schema(
                        path,
                        file,
                        aliases.key_span(),
                        "`aliases` are cues for a slot; a quote claim has none",
                        "not for a quote claim",
                    ));
                }
                super::quote::read_quote(&quote, file, path, problems).map(|(body, text)| {
                    let id = quote_id(&body);
                    // The speaker's name is a short place to point at; a whole quote is not.
                    let site = match &body {
                        ClaimBody::Quote(q) => q
                            .speaker
                            .as_ref()
                            .or(q.text.as_ref())
                            .map(|(_, s)| *s)
                            .unwrap_or_else(|| Span::new(file, quote.span())),
                        _ => Span::new(file, quote.span()),
                    };
                    (body, text, site, id)
                })
            }
            (Some(_), Some(_), Some(quote)) => {
                problems.push(schema(
                    path,
                    file,
                    quote.key_span(),
                    "a claim has `claim:` or `quote:`, not both",
                    "second kind of claim",
                ));
                None
            }
            (Some(item), None, None) => {
                problems.push(schema(
                    path,
                    file,
                    item.span(),
                    "a claim needs `claim:` (an expression) or `quote:`",
                    "no `claim:` here",
                ));
                None
            }
            (None, ..) => {
                problems.push(schema(
                    path,
                    file,
                    item.span(),
                    format!(
                        "a claim is an expression or a mapping with `claim:` or `quote:`, not {}",
                        item.describe()
                    ),
                    "expected a claim",
                ));
                None
            }
        };
        let Some((body, text, site, derived_id)) = read else {
            continue;
        };
        let severity = match field("severity") {
            Some(node) => match node.scalar().as_deref().and_then(Severity::parse) {
                Some(s) => s,
                None => {
                    problems.push(schema(
                        path,
                        file,
                        node.span(),
                        format!("unknown severity `{}`", node.scalar().unwrap_or_default()),
                        "expected error, warning or note",
                    ));
                    continue;
                }
            },
            None => default_severity(&body),
        };
        let id = match field("id").and_then(|n| n.scalar().map(|s| (s, n.span()))) {
            Some((id, _)) => id.trim().to_string(),
            None => derived_id,
        };
        let id_site = field("id").map_or(site, |n| Span::new(file, n.span()));
        if let Some(first) = ids.get(&id) {
            problems.push(
                Problem::error(
                    Code::DuplicateDefinition.name(),
                    path,
                    format!("claim id `{id}` is used twice"),
                )
                .label(id_site, "used again here")
                .label(*first, "first used here")
                .help("give one of them an `id:` of its own"),
            );
            continue;
        }
        ids.insert(id.clone(), id_site);
        let text_of = |key: &str| {
            field(key)
                .and_then(|n| n.scalar())
                .map(|s| s.trim().to_string())
        };
        let aliases = field("aliases")
            .map(|a| text_list(&a, file, path, problems))
            .unwrap_or_default();
        let claim = Claim {
            id,
            text: text.trim().to_string(),
            site,
            severity,
            // The file's source vouches for established values; a `= ?` claim has none.
            source: text_of("source").or_else(|| {
                let consensus = matches!(
                    body,
                    ClaimBody::Value {
                        test: ValueTest::Consensus,
                        ..
                    }
                );
                file_source.filter(|_| !consensus).map(String::from)
            }),
            rationale: text_of("rationale"),
            body,
            examples: field("examples")
                .map(|node| read_examples(&node, file, path, problems))
                .unwrap_or_default(),
        };
        out.push((
            claim,
            aliases
                .into_iter()
                .map(|(phrase, site)| Cue { phrase, site })
                .collect(),
        ));
    }
    out
}

/// A claim written in the claim language: its body, its text, where it is, and the id it gets
/// when the file gives none. `None` after reporting what is wrong.
fn read_expression(
    expression: &Node<'_>,
    file: FileId,
    path: &Path,
    resolver: &Resolver<'_>,
    broken: &[String],
    slots: &[Slot],
    problems: &mut Problems,
) -> Option<(ClaimBody, String, Span, String)> {
    let Some(text) = expression.scalar() else {
        problems.push(schema(
            path,
            file,
            expression.span(),
            format!(
                "a claim's expression is text, not {}",
                expression.describe()
            ),
            "expected an expression",
        ));
        return None;
    };
    // An error at the very end of the expression (a missing value) points at its last
    // character, since an empty span at the end of a line cannot be drawn.
    let at = |r: std::ops::Range<usize>| {
        let start = if r.is_empty() && r.start >= text.len() {
            text.trim_end().char_indices().last().map_or(0, |(i, _)| i)
        } else {
            r.start
        };
        let end = r
            .end
            .max(start + text[start..].chars().next().map_or(0, char::len_utf8));
        Span::new(
            file,
            expression.offset_in_scalar(start)..expression.offset_in_scalar(end),
        )
    };
    let site = Span::new(file, expression.span());
    let parsed = match crate::lang::parse_claim(&text) {
        Ok(parsed) => parsed,
        Err(e) => {
            let mut problem =
                Problem::error(Code::ExpressionSyntax.name(), path, e.message.clone())
                    .label(at(e.span.clone()), expected_label(&e.expected));
            if let Some(help) = &e.help {
                problem = problem.help(help.clone());
            }
            problems.push(problem);
            return None;
        }
    };
    let body = match resolver.resolve(&parsed, &text) {
        Ok(body) => body,
        Err(e)
            if broken
                .iter()
                .any(|b| e.message.starts_with(&format!("`{b}` is not a slot"))) =>
        {
            return None;
        }
        Err(e) => {
            let code = if e.mismatch {
                Code::ClaimTypeMismatch
            } else {
                Code::UnknownSlot
            };
            let mut problem =
                Problem::error(code.name(), path, e.message).label(at(e.span), e.label);
            if let Some(help) = e.help {
                problem = problem.help(help);
            }
            problems.push(problem);
            return None;
        }
    };
    let id = derive_id(&text, &parsed, slots, &body);
    Some((body, text.trim().to_string(), site, id))
}

/// `examples: { match: [...], no_match: [...] }`: sentences the claim is tested on.
fn read_examples(node: &Node<'_>, file: FileId, path: &Path, problems: &mut Problems) -> Examples {
    if !node.is_mapping() {
        problems.push(schema(
            path,
            file,
            node.span(),
            format!(
                "`examples` maps `match` and `no_match` to sentences, not {}",
                node.describe()
            ),
            "expected `{ match: [...], no_match: [...] }`",
        ));
        return Examples::default();
    }
    reject_unknown_keys(node, EXAMPLE_KEYS, "examples key", path, file, problems);
    let list = |key: &str, problems: &mut Problems| -> Vec<Example> {
        node.get(key)
            .map(|list| text_list(&list, file, path, problems))
            .unwrap_or_default()
            .into_iter()
            .map(|(text, site)| Example { text, site })
            .collect()
    };
    Examples {
        matching: list("match", problems),
        not_matching: list("no_match", problems),
    }
}

/// A claim's aliases are further cues for the slots it is about.
fn attach_aliases(claims: &mut [(Claim, Vec<Cue>)], slots: &mut [Slot]) {
    for (claim, aliases) in claims.iter_mut() {
        for slot in claim.slots() {
            slots[slot].cues.extend(aliases.iter().cloned());
        }
        aliases.clear();
    }
}

/// What the parser expected, as a label.
fn expected_label(expected: &[String]) -> String {
    match expected {
        [] => "here".into(),
        [one] => format!("expected {one}"),
        many => format!(
            "expected {} or {}",
            many[..many.len() - 1].join(", "),
            many[many.len() - 1]
        ),
    }
}

/// Established values are errors when contradicted; a consensus only shows a version is odd,
/// and a quote's altered words are for an editor to judge.
fn default_severity(body: &ClaimBody) -> Severity {
    match body {
        ClaimBody::Value {
            test: ValueTest::Consensus,
            ..
        }
        | ClaimBody::Quote(_) => Severity::Warning,
        _ => Severity::Error,
    }
}

/// An id from the claim: the slot's name for a claim about one slot, else the expression.
fn derive_id(text: &str, parsed: &crate::lang::Claim, slots: &[Slot], body: &ClaimBody) -> String {
    let source = match (body, &parsed.lhs.kind) {
        (ClaimBody::Value { slot, .. }, _) => slots[*slot].name.clone(),
        _ => text.to_string(),
    };
    slug(&source)
}

/// A quote claim's id when the file gives none: the speaker's surname and the first words.
fn quote_id(body: &ClaimBody) -> String {
    let ClaimBody::Quote(quote) = body else {
        return String::new();
    };
    let speaker = quote
        .speaker
        .as_ref()
        .and_then(|(s, _)| s.split_whitespace().last())
        .unwrap_or_default();
    let words: Vec<&str> = quote
        .text
        .as_ref()
        .map(|(t, _)| t.split_whitespace().take(5).collect())
        .unwrap_or_default();
    slug(&format!("{speaker} quote {}", words.join(" ")))
}

fn slug(s: &str) -> String {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_words_only() {
        assert_eq!(slug("Most senior officer"), "most-senior-officer");
        assert_eq!(
            slug("formal action + other outcomes = breaches"),
            "formal-action-other-outcomes-breaches"
        );
    }
}
