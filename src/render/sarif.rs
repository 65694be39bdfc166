//! The SARIF renderer: the report as a SARIF 2.1.0 log, in the shape GitHub code scanning
//! ingests (docs/ci.md). The rules are the code registry; each finding and each input problem
//! is a result in the file it is about, with the other versions and the claim's definition as
//! related locations, and a fingerprint that survives unrelated edits to the article.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::codes::Code;
use crate::finding::{self, Finding, Severity};
use crate::problem::Problem;
use crate::report::{Report, StoryReport};
use crate::source::FileTable;

use super::headline;
use super::json::{Location, location};
use super::stream::{Array, by_story, field, pretty};

/// The `$schema` GitHub's documentation gives for SARIF 2.1.0.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of wirecheck's fingerprint in `partialFingerprints`. Its version goes up if
/// fingerprints are ever computed differently, so that old alerts are not matched wrongly.
pub const FINGERPRINT_KEY: &str = "wirecheck/v1";

/// Paths are relative to the root of the checkout the run was made in.
const SRCROOT: &str = "%SRCROOT%";

/// Regions' columns count UTF-16 code units: SARIF's default, and what GitHub assumes.
const COLUMN_KIND: &str = "utf16CodeUnits";

#[derive(Debug, Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Rule>,
}

#[derive(Debug, Serialize)]
struct Text {
    text: String,
}

fn text(text: impl Into<String>) -> Text {
    Text { text: text.into() }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Debug, Serialize)]
struct Help {
    text: &'static str,
    markdown: &'static str,
}

#[derive(Debug, Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Debug, Serialize)]
struct RuleProperties {
    tags: &'static [&'static str],
    /// The rule's page, relative to the repository root.
    docs: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Notification {
    level: &'static str,
    message: Text,
    locations: Vec<ResultLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    associated_rule: Option<RuleRef>,
}

#[derive(Debug, Serialize)]
struct RuleRef {
    id: &'static str,
    index: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<ResultLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<ResultLocation>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ResultProperties<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    snippet: Text,
}

/// What a finding is about, for filtering alerts and for scripts reading the log.
#[derive(Debug, Serialize)]
struct ResultProperties<'a> {
    story: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claim: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
}

fn level(severity: Severity) -> &'static str {
    // SARIF's levels are named as wirecheck's severities are.
    severity.name()
}

fn rule_index(code: Code) -> Option<usize> {
    Code::ALL.iter().position(|&c| c == code)
}

/// Where the project lives, if Cargo.toml says: `homepage`, else `repository`.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|uri| !uri.is_empty())
}

fn tool() -> Tool {
    let repository = Some(env!("CARGO_PKG_REPOSITORY")).filter(|uri| !uri.is_empty());
    Tool {
        driver: Driver {
            name: "wirecheck",
            version: env!("CARGO_PKG_VERSION"),
            semantic_version: env!("CARGO_PKG_VERSION"),
            information_uri: information_uri(),
            rules: Code::ALL
                .iter()
                .map(|&code| Rule {
                    id: code.name(),
                    name: code.name().trim_start_matches("wirecheck::"),
                    short_description: text(sentence(code.summary())),
                    full_description: text(
                        what_it_flags(code.doc()).unwrap_or_else(|| sentence(code.summary())),
                    ),
                    help: Help {
                        text: code.doc(),
                        markdown: code.doc(),
                    },
                    // SARIF wants an absolute URI here: only a known repository gives one.
                    help_uri: repository.map(|repo| {
                        format!(
                            "{}/blob/main/{}",
                            repo.trim_end_matches('/'),
                            code.doc_path()
                        )
                    }),
                    default_configuration: Configuration {
                        level: level(code.default_severity()),
                    },
                    properties: RuleProperties {
                        tags: tags(code),
                        docs: code.doc_path(),
                    },
                })
                .collect(),
        },
    }
}

/// What a code is about, as code scanning's tag filter shows it.
fn tags(code: Code) -> &'static [&'static str] {
    use Code::*;
    match code {
        ValueConflict | ConsensusConflict | NoConsensus | ArithmeticMismatch => {
            &["journalism", "values"]
        }
        QuoteAltered | QuoteEdited | QuoteMisattributed => &["journalism", "quotes"],
        AmbiguousMention | UnmatchedClaim | UncheckedValue => &["journalism", "coverage"],
        MissingFrontMatter | FrontMatter | UnreadableArticle | CorpusLayout => &["input", "corpus"],
        ClaimFileSyntax | ClaimFileSchema | DuplicateDefinition | UnknownSlot
        | ExpressionSyntax | ClaimTypeMismatch | MissingClaimFile => &["input", "claim-file"],
        ConfigInvalid => &["input", "config"],
        BaselineInvalid | StaleBaselineEntry => &["input", "baseline"],
    }
}

/// A registry summary as a sentence: capitalised.
fn sentence(summary: &str) -> String {
    let mut chars = summary.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The "What it flags" section of a code's page, with its lines joined into paragraphs.
fn what_it_flags(doc: &str) -> Option<String> {
    let (_, rest) = doc.split_once("## What it flags")?;
    let section = rest.split("\n## ").next()?;
    let paragraphs: Vec<String> = section
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    (!paragraphs.is_empty()).then(|| paragraphs.join("\n\n"))
}

/// A relative path as a URI reference from the checkout's root; an absolute one as a `file:`
/// URI. Characters that may not stand in a URI are percent-encoded.
fn artifact(path: &str) -> ArtifactLocation {
    let slashed = headline::slashed(path);
    if Path::new(path).is_absolute() {
        let rooted = if slashed.starts_with('/') { "" } else { "/" };
        return ArtifactLocation {
            uri: format!("file://{rooted}{}", percent_encode(&slashed)),
            uri_base_id: None,
        };
    }
    ArtifactLocation {
        uri: percent_encode(slashed.trim_start_matches("./")),
        uri_base_id: Some(SRCROOT),
    }
}

fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        // Unreserved characters, sub-delimiters, `@` and `/` may stand in a path as they are;
        // `:` may not in a relative one's first segment, so it is always encoded.
        if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn physical(at: Location) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: artifact(&at.path),
        region: Some(Region {
            start_line: at.line,
            start_column: at.column_utf16,
            end_line: at.end_line,
            end_column: at.end_column_utf16,
            snippet: text(at.text),
        }),
    }
}

/// Related locations are numbered from 1, in order.
fn related(places: Vec<(Location, String)>) -> Vec<ResultLocation> {
    places
        .into_iter()
        .enumerate()
        .map(|(i, (at, message))| ResultLocation {
            id: Some(i + 1),
            physical_location: physical(at),
            message: Some(text(message)),
        })
        .collect()
}

fn finding_result<'a>(files: &FileTable, f: &'a Finding) -> SarifResult<'a> {
    let mut message = headline::finding(f);
    for help in f.help.iter().skip(1) {
        message.push('\n');
        message.push_str(help);
    }
    if let Some(source) = &f.source {
        message.push_str(&format!("\nsource: {source}"));
    }
    let mut places: Vec<(Location, String)> = f
        .secondary
        .iter()
        .map(|l| (location(files, l.span), l.message.clone()))
        .collect();
    places.extend(
        f.related
            .iter()
            .map(|r| (location(files, r.label.span), r.label.message.clone())),
    );
    if let Some(claim) = &f.claim {
        places.push((
            location(files, claim.site),
            format!("the claim `{}`: {}", claim.id, claim.text),
        ));
    }
    SarifResult {
        rule_id: f.code.name(),
        rule_index: rule_index(f.code),
        level: level(f.severity),
        message: text(message),
        locations: vec![ResultLocation {
            id: None,
            physical_location: physical(location(files, f.primary.span)),
            message: Some(text(f.primary.message.clone())),
        }],
        related_locations: related(places),
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, f.fingerprint.clone())]),
        properties: Some(ResultProperties {
            story: &f.story,
            version: f.version.as_deref(),
            claim: f.claim.as_ref().map(|c| c.id.as_str()),
            source: f.source.as_deref(),
        }),
    }
}

/// Where a problem is: its first label, or the whole file when it has none (a file that is
/// missing or not text).
fn problem_location(files: &FileTable, p: &Problem) -> ResultLocation {
    let physical_location = match p.labels.first() {
        Some(label) => physical(location(files, label.span)),
        None => PhysicalLocation {
            artifact_location: artifact(&p.path.display().to_string()),
            region: None,
        },
    };
    ResultLocation {
        id: None,
        physical_location,
        message: p.labels.first().map(|l| text(l.message.clone())),
    }
}

fn problem_result<'a>(files: &FileTable, p: &'a Problem) -> SarifResult<'a> {
    let path = headline::slashed(&p.path.display().to_string());
    SarifResult {
        rule_id: p.code,
        rule_index: Code::lookup(p.code).and_then(rule_index),
        level: level(p.severity),
        message: text(headline::problem(p)),
        locations: vec![problem_location(files, p)],
        related_locations: related(
            p.labels
                .iter()
                .skip(1)
                .map(|l| (location(files, l.span), l.message.clone()))
                .collect(),
        ),
        // What the problem says about which file, never where in it.
        partial_fingerprints: BTreeMap::from([(
            FINGERPRINT_KEY,
            finding::fingerprint(&[p.code, &path, &p.message]),
        )]),
        properties: None,
    }
}

fn invocation(report: &Report) -> Invocation {
    Invocation {
        execution_successful: !report.has_input_errors(),
        tool_execution_notifications: report
            .problems
            .iter()
            .map(|p| Notification {
                level: level(p.severity),
                message: text(headline::problem(p)),
                locations: vec![problem_location(&report.files, p)],
                associated_rule: Code::lookup(p.code).and_then(|code| {
                    Some(RuleRef {
                        id: code.name(),
                        index: rule_index(code)?,
                    })
                }),
            })
            .collect(),
    }
}

/// Streams the log to `out`, results story by story, as serde_json would pretty-print it.
pub fn write(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let files = &report.files;
    out.write_all(b"{\n")?;
    field(out, 1, "$schema", &SCHEMA, false)?;
    field(out, 1, "version", &"2.1.0", false)?;
    out.write_all(b"  \"runs\": [\n    {\n")?;
    field(out, 3, "tool", &tool(), false)?;
    field(out, 3, "invocations", &[invocation(report)], false)?;
    field(out, 3, "columnKind", &COLUMN_KIND, false)?;
    let mut results = Array::open(out, 3, "results")?;
    // Input problems first: they make every finding doubtful.
    for p in &report.problems {
        results.push(out, &pretty(&problem_result(files, p), 4))?;
    }
    let findings = |story: &StoryReport| -> Vec<Vec<u8>> {
        story
            .findings
            .iter()
            .map(|f| pretty(&finding_result(files, f), 4))
            .collect()
    };
    by_story(files, &report.stories, findings, |result| {
        results.push(out, &result)
    })?;
    results.close(out, true)?;
    out.write_all(b"    }\n  ]\n}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references_from_the_checkout_root() {
        let at = artifact("corpus/met police/003-indépendant.txt");
        assert_eq!(at.uri, "corpus/met%20police/003-ind%C3%A9pendant.txt");
        assert_eq!(at.uri_base_id, Some(SRCROOT));
        assert_eq!(artifact("./claims/a:b.yaml").uri, "claims/a%3Ab.yaml");
    }

    #[test]
    fn absolute_paths_become_file_uris() {
        if cfg!(unix) {
            let at = artifact("/srv/news/corpus/a b.txt");
            assert_eq!(at.uri, "file:///srv/news/corpus/a%20b.txt");
            assert_eq!(at.uri_base_id, None);
        }
    }

    #[test]
    fn every_code_has_a_full_description_from_its_page() {
        for &code in Code::ALL {
            let full = what_it_flags(code.doc());
            assert!(
                full.as_deref().is_some_and(|t| t.len() > 20),
                "{code}: {full:?}"
            );
        }
        assert!(sentence("a version states").starts_with("A version"));
    }
}
