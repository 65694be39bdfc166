//! The story at a glance, for an editor with ten seconds: per version that has findings, one
//! sentence on what it gets wrong and a line per finding ("most senior officer: “detective
//! chief constable” vs “detective chief inspector”"), the most severe versions and findings
//! first.

use super::findings::Findings;
use super::{claim_name_of, plural, version_anchor};
use crate::codes::Code;
use crate::finding::{Expected, Finding, Severity};
use crate::report::StoryReport;
use crate::source::FileTable;

#[derive(Debug)]
pub struct SummaryView {
    /// The sentence shown when nothing was found.
    pub clean: Option<String>,
    pub versions: Vec<VersionSummary>,
}

#[derive(Debug)]
pub struct VersionSummary {
    /// The version's row in the versions table; empty for the claim file's own findings.
    pub anchor: String,
    /// The worst severity among its findings.
    pub severity: &'static str,
    /// "The Independent (003-independent)".
    pub who: String,
    /// "disagrees on 3 claims and alters 2 quotes."
    pub what: String,
    pub items: Vec<SummaryItem>,
}

#[derive(Debug)]
pub struct SummaryItem {
    pub anchor: String,
    pub severity: &'static str,
    pub topic: String,
    /// For a value: what the version says, on whose word it is wrong ("the claim says"), and
    /// what it should say, in quotation marks.
    pub found: Option<String>,
    pub basis: String,
    pub against: String,
    /// Anything else: the finding's message, without the outlet it starts with.
    pub text: String,
}

/// What kind of trouble a finding is, for the sentence about a version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Disagrees,
    DoesNotAddUp,
    AltersQuote,
    EditsQuote,
    Other,
}

fn kind(code: Code) -> Kind {
    match code {
        Code::ValueConflict | Code::ConsensusConflict | Code::NoConsensus => Kind::Disagrees,
        Code::ArithmeticMismatch => Kind::DoesNotAddUp,
        Code::QuoteAltered | Code::QuoteMisattributed => Kind::AltersQuote,
        Code::QuoteEdited => Kind::EditsQuote,
        _ => Kind::Other,
    }
}

pub fn summary(
    files: &FileTable,
    story_anchor: &str,
    story: &StoryReport,
    findings: &Findings,
) -> SummaryView {
    let versions = &story.story.versions;
    // Findings grouped by version; the claim file's own (no version) in a group of their own.
    let mut groups: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    for (i, finding) in story.findings.iter().enumerate() {
        let version = finding
            .version
            .as_deref()
            .and_then(|id| versions.iter().position(|v| v.id == id));
        match groups.iter_mut().find(|(v, _)| *v == version) {
            Some((_, members)) => members.push(i),
            None => groups.push((version, vec![i])),
        }
    }
    let worst = |members: &[usize]| {
        members
            .iter()
            .map(|&i| story.findings[i].severity)
            .max()
            .unwrap_or(Severity::Note)
    };
    for (_, members) in &mut groups {
        members.sort_by_key(|&i| std::cmp::Reverse(story.findings[i].severity));
    }
    groups.sort_by_key(|(version, members)| {
        (
            std::cmp::Reverse(worst(members)),
            std::cmp::Reverse(members.len()),
            version.is_none(),
            *version,
        )
    });
    let clean = story.findings.is_empty().then(|| {
        format!(
            "No findings: the {} agree on every claim they state.",
            plural(versions.len(), "version", "versions")
        )
    });
    SummaryView {
        clean,
        versions: groups
            .iter()
            .map(|(version, members)| {
                let known = version.and_then(|v| versions.get(v).map(|found| (v, found)));
                let (anchor, who, outlet) = match known {
                    Some((v, found)) => (
                        version_anchor(story_anchor, v),
                        // A version without front matter is named by its file: say it once.
                        if found.outlet() == found.id {
                            found.id.clone()
                        } else {
                            format!("{} ({})", found.outlet(), found.id)
                        },
                        found.outlet(),
                    ),
                    None => (
                        String::new(),
                        format!("The claim file {}", files.path(story.claims.file).display()),
                        "",
                    ),
                };
                VersionSummary {
                    anchor,
                    severity: worst(members).name(),
                    who,
                    what: what(members.iter().map(|&i| &story.findings[i])),
                    items: members
                        .iter()
                        .map(|&i| item(files, story, &story.findings[i], outlet, findings, i))
                        .collect(),
                }
            })
            .collect(),
    }
}

/// "disagrees on 3 claims and alters 2 quotes."
fn what<'a>(findings: impl Iterator<Item = &'a Finding>) -> String {
    let mut counts: Vec<(Kind, usize)> = Vec::new();
    for f in findings {
        let k = kind(f.code);
        match counts.iter_mut().find(|(c, _)| *c == k) {
            Some((_, n)) => *n += 1,
            None => counts.push((k, 1)),
        }
    }
    counts.sort();
    let parts: Vec<String> = counts
        .iter()
        .map(|&(k, n)| match k {
            Kind::Disagrees => format!("disagrees on {}", plural(n, "claim", "claims")),
            Kind::DoesNotAddUp => {
                format!(
                    "has figures that do not add up ({})",
                    plural(n, "claim", "claims")
                )
            }
            Kind::AltersQuote => format!("alters {}", plural(n, "quote", "quotes")),
            Kind::EditsQuote => format!("edits {} visibly", plural(n, "quote", "quotes")),
            Kind::Other if counts.len() == 1 => format!("has {}", plural(n, "finding", "findings")),
            Kind::Other => format!("has {}", plural(n, "other finding", "other findings")),
        })
        .collect();
    let mut sentence = match parts.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    sentence.push('.');
    sentence
}

fn item(
    files: &FileTable,
    story: &StoryReport,
    finding: &Finding,
    outlet: &str,
    findings: &Findings,
    index: usize,
) -> SummaryItem {
    let topic = finding
        .claim
        .as_ref()
        .map(|c| claim_name_of(&story.claims, &c.id))
        .unwrap_or_default();
    let (against, basis) = match &finding.expected {
        Some(Expected::Claim { text, .. }) => (Some(quoted(text)), "the claim says".to_string()),
        Some(Expected::Consensus {
            text, versions, of, ..
        }) => (
            Some(quoted(text)),
            format!("{versions} of {of} versions that state it say"),
        ),
        _ => (None, String::new()),
    };
    let found = against
        .as_ref()
        .filter(|_| finding.found.is_some() && !topic.is_empty())
        .map(|_| crate::check::surface(files, finding.primary.span));
    let text = finding
        .message
        .strip_prefix(outlet)
        .filter(|rest| !outlet.is_empty() && rest.starts_with(' '))
        .map_or_else(
            || finding.message.clone(),
            |rest| rest.trim_start().to_string(),
        );
    SummaryItem {
        anchor: findings.by_finding.get(index).cloned().unwrap_or_default(),
        severity: finding.severity.name(),
        topic,
        found,
        against: against.unwrap_or_default(),
        basis,
        text,
    }
}

/// In curly quotation marks, unless it already opens with one (a consensus is written
/// “both” (2)).
fn quoted(text: &str) -> String {
    if text.starts_with('“') {
        text.to_string()
    } else {
        format!("“{text}”")
    }
}
