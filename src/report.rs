//! The report: everything a run found, as data, for the renderers. Building it is the whole
//! pipeline: load corpus and claims, extract every version, check, and graph each story.

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::cache::{Cache, Cached, Results};
use crate::check::{self, Status, StoryCheck};
use crate::claims::{self, ClaimSet};
use crate::corpus::{self, Story, Version};
use crate::extract::{self, Mention};
use crate::finding::{self, Finding, Severity};
use crate::graph::ConflictGraph;
use crate::problem::{Problem, Problems};
use crate::source::{FileId, FileTable};
use crate::spill::{Place, Spill};

/// Where to read from and what to check, validated.
#[derive(Clone, Debug)]
pub struct Inputs {
    pub corpus: PathBuf,
    pub claims: PathBuf,
    /// Only these stories (all when empty).
    pub stories: Vec<String>,
    /// Where unchanged stories' results are kept between runs; `None` checks everything afresh.
    pub cache: Option<Cache>,
    /// An unpublished text to check as one more version of its story (docs/workflows.md).
    pub draft: Option<Draft>,
}

/// A draft: checked against its story's claims and the consensus of the published versions,
/// without joining the corpus. Only the draft's own findings are reported, and it never votes
/// in a consensus, so the published versions are the reference it is measured against.
#[derive(Clone, Debug)]
pub struct Draft {
    pub story: String,
    pub text: DraftText,
}

#[derive(Clone, Debug)]
pub enum DraftText {
    /// Read from this file.
    File(PathBuf),
    /// Already read (from standard input): shown under `name`, such as `<stdin>`.
    Given { name: PathBuf, bytes: Vec<u8> },
}

/// The version id a draft gets, unless a published version already has it.
pub const DRAFT_ID: &str = "draft";

/// Told as stories are checked, so that the binary can show progress; the library never prints.
pub trait Progress: Sync {
    fn start(&self, _stories: usize) {}
    fn story_done(&self) {}
}

/// No progress shown.
#[derive(Clone, Copy, Debug, Default)]
pub struct Quiet;

impl Progress for Quiet {}

#[derive(Debug)]
pub struct StoryReport {
    pub story: Story,
    pub claims: ClaimSet,
    pub findings: Vec<Finding>,
    /// Where the cache keeps these results, when a cache is in use.
    pub cached: Option<Cached>,
    /// Statuses and mentions: in memory, or set aside on disk in a large run.
    details: Held,
}

/// What a story's checks found for each claim in each version, the mentions that rests on, and
/// the conflict graph: the bulk of a story's results, needed only to render them in full (JSON,
/// the HTML report, `graph`), not to report findings.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Details {
    /// Per version, in `story.versions` order, the mentions found in it, which statuses point
    /// into. The rest of an extraction (quotes, cues seen) serves the checks only and is
    /// dropped with the text.
    pub mentions: Vec<Vec<Mention>>,
    pub statuses: Vec<Status>,
    pub graph: ConflictGraph,
}

impl Details {
    /// The mentions a status rests on.
    pub fn mentions_of<'a>(&'a self, status: &'a Status) -> impl Iterator<Item = &'a Mention> {
        let mentions = self.mentions.get(status.version);
        status
            .mentions
            .iter()
            .filter_map(move |&i| mentions.and_then(|m| m.get(i)))
    }
}

impl Details {
    /// Whether every index points inside a story of `versions` versions and its claims, as the
    /// renderers assume of what the checks made: details read back from a cache entry someone
    /// else wrote are held to it.
    fn fits(&self, versions: usize, claims: &ClaimSet) -> bool {
        self.graph.fits(versions, claims.claims.len())
            && self.mentions.len() == versions
            && self.statuses.iter().all(|s| {
                s.version < versions
                    && s.claim < claims.claims.len()
                    && s.mentions
                        .iter()
                        .all(|&m| m < self.mentions[s.version].len())
            })
            && self
                .mentions
                .iter()
                .flatten()
                .all(|m| m.slot < claims.slots.len())
    }
}

/// Details as a cache entry holds them: CBOR whose file ids are places in `files`.
#[derive(Debug)]
pub struct EncodedDetails {
    pub bytes: Arc<[u8]>,
    pub files: Vec<FileId>,
}

#[derive(Debug)]
enum Held {
    Resident(Arc<Details>),
    /// CBOR, decoded each time they are asked for.
    Encoded {
        bytes: Stored,
        /// For details from the cache: the files their ids are places in. They are checked
        /// against the story when decoded.
        files: Option<Vec<FileId>>,
    },
}

#[derive(Debug)]
enum Stored {
    Memory(Arc<[u8]>),
    Spilled { spill: Arc<Spill>, place: Place },
}

impl StoryReport {
    pub fn new(
        story: Story,
        claims: ClaimSet,
        details: Details,
        findings: Vec<Finding>,
    ) -> StoryReport {
        StoryReport {
            story,
            claims,
            findings,
            cached: None,
            details: Held::Resident(Arc::new(details)),
        }
    }

    /// A story's report from cached results, whose details are decoded only if asked for.
    pub fn from_cache(story: Story, claims: ClaimSet, results: Results, cached: Cached) -> Self {
        StoryReport {
            story,
            claims,
            findings: results.findings,
            cached: Some(cached),
            details: Held::Encoded {
                bytes: Stored::Memory(results.details.bytes),
                files: Some(results.details.files),
            },
        }
    }

    /// The story's statuses and mentions, decoded (and read back from disk if they were set
    /// aside). Fails if they cannot be read back, or if details from the cache do not fit the
    /// story (an entry made by hand: a damaged one fails its checksum and is never used).
    pub fn details(&self) -> std::io::Result<Arc<Details>> {
        let (bytes, files) = match &self.details {
            Held::Resident(details) => return Ok(Arc::clone(details)),
            Held::Encoded { bytes, files } => (bytes, files),
        };
        let bytes: Arc<[u8]> = match bytes {
            Stored::Memory(bytes) => Arc::clone(bytes),
            Stored::Spilled { spill, place } => spill.get(*place)?.into(),
        };
        let decode = || ciborium::from_reader::<Details, _>(&*bytes);
        let details = match files {
            Some(files) => crate::source::with_file_map(files.clone(), decode),
            None => decode(),
        }
        .map_err(std::io::Error::other)?;
        if files.is_some() && !details.fits(self.story.versions.len(), &self.claims) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "the cached results of story `{}` point outside it: remove the cache \
                     folder or run with --no-cache",
                    self.story.slug
                ),
            ));
        }
        Ok(Arc::new(details))
    }

    /// Whether the details were set aside on disk.
    pub fn is_spilled(&self) -> bool {
        matches!(
            self.details,
            Held::Encoded {
                bytes: Stored::Spilled { .. },
                ..
            }
        )
    }

    /// Sets the details aside in `spill`. If they cannot be written they stay in memory: a
    /// full disk makes a run bigger, never different.
    fn spill(&mut self, spill: &Arc<Spill>) {
        let (bytes, files): (Vec<u8>, Option<Vec<FileId>>) = match &self.details {
            Held::Resident(details) => {
                let mut bytes = Vec::new();
                if ciborium::into_writer(&**details, &mut bytes).is_err() {
                    return;
                }
                (bytes, None)
            }
            Held::Encoded {
                bytes: Stored::Memory(bytes),
                files,
            } => (bytes.to_vec(), files.clone()),
            Held::Encoded {
                bytes: Stored::Spilled { .. },
                ..
            } => return,
        };
        if let Ok(place) = spill.put(&bytes) {
            self.details = Held::Encoded {
                bytes: Stored::Spilled {
                    spill: Arc::clone(spill),
                    place,
                },
                files,
            };
        }
    }
}

#[derive(Debug)]
pub struct Report {
    pub files: FileTable,
    /// Problems with the inputs; any error among them makes the run exit 2.
    pub problems: Vec<Problem>,
    pub stories: Vec<StoryReport>,
    /// With a baseline: how many findings it accepted (they are no longer in `stories`).
    pub accepted: Option<usize>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub stories: usize,
    pub versions: usize,
    pub claims: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    /// Problems with the inputs.
    pub problems: usize,
    /// Findings a baseline accepted; only present when the run used one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted: Option<usize>,
}

impl Report {
    pub fn build(inputs: &Inputs) -> Report {
        Report::build_in(inputs, FileTable::default())
    }

    /// [`Report::build`] into a given file table (one with a small text budget sets texts aside
    /// after every story).
    pub fn build_in(inputs: &Inputs, files: FileTable) -> Report {
        Report::build_with(inputs, files, &Quiet)
    }

    /// A report of input problems alone: nothing was checked.
    pub fn problems_only(files: FileTable, problems: Vec<Problem>) -> Report {
        Report {
            files,
            problems,
            stories: Vec::new(),
            accepted: None,
        }
    }

    /// [`Report::build_in`], telling `progress` as each story is done.
    pub fn build_with(inputs: &Inputs, mut files: FileTable, progress: &dyn Progress) -> Report {
        let mut problems = Problems::default();
        let mut corpus = corpus::list(&inputs.corpus, &inputs.stories, &mut files, &mut problems);
        let draft = inputs
            .draft
            .as_ref()
            .and_then(|d| load_draft(d, &inputs.claims, &mut corpus, &mut files, &mut problems));
        let all_stories: Vec<String> = corpus.stories.iter().map(|s| s.slug.clone()).collect();
        if !inputs.stories.is_empty() {
            for wanted in &inputs.stories {
                if corpus.story(wanted).is_none() {
                    let slugs: Vec<&str> = corpus.stories.iter().map(|s| s.slug.as_str()).collect();
                    let mut problem = Problem::error(
                        crate::codes::Code::CorpusLayout.name(),
                        inputs.corpus.join(wanted),
                        format!("no story `{wanted}` in the corpus"),
                    );
                    if let Some(near) = crate::suggest::did_you_mean(wanted, slugs.iter().copied())
                    {
                        problem = problem.help(format!("did you mean `{near}`?"));
                    }
                    problems.push(problem);
                }
            }
            corpus.stories.retain(|s| inputs.stories.contains(&s.slug));
        }
        let mut claim_problems = Problems::default();
        let claim_sets = claims::load(
            &inputs.claims,
            &corpus,
            &all_stories,
            &mut files,
            &mut claim_problems,
        );
        if let Some(draft) = &draft {
            // Unchecked, a draft would pass silently: its story's missing claim file is an error.
            let missing = format!("story `{}` has no claim file", draft.story);
            for problem in &mut claim_problems.0 {
                if problem.code == crate::codes::Code::MissingClaimFile.name()
                    && problem.message.starts_with(&missing)
                {
                    problem.severity = Severity::Error;
                }
            }
        }
        let claims_failed = claim_problems.has_errors();
        let mut claim_sets: std::collections::HashMap<String, ClaimSet> = claim_sets
            .into_iter()
            .map(|c| (c.story.clone(), c))
            .collect();
        let work: Vec<(Story, Option<ClaimSet>)> = corpus
            .stories
            .into_iter()
            .map(|story| {
                let claims = claim_sets.remove(&story.slug);
                (story, claims)
            })
            .collect();
        progress.start(work.len());
        let files_ref = &files;
        // Created only if the run outgrows memory, so that a day's run touches no scratch file.
        let spill: std::sync::OnceLock<Option<Arc<Spill>>> = std::sync::OnceLock::new();
        // Each story is read, checked and set aside in one go, in parallel: memory holds a few
        // stories' texts at a time, not the corpus.
        let done: Vec<(Problems, Option<StoryReport>)> = work
            .into_par_iter()
            .map(|(mut story, claims)| {
                let mut story_problems = Problems::default();
                let with_draft = draft.as_ref().filter(|d| d.story == story.slug);
                let report = match claims {
                    // A broken claim file makes every result doubtful: nothing is checked.
                    Some(claims) if !claims_failed => {
                        let mut report = match with_draft {
                            Some(draft) => {
                                corpus::read_versions(&mut story, files_ref, &mut story_problems);
                                story.versions.push(draft.version.clone());
                                story.files.push(draft.version.file);
                                draft.check(story, claims, files_ref)
                            }
                            None => check_story_cached(
                                story,
                                claims,
                                files_ref,
                                inputs.cache.as_ref(),
                                &mut story_problems,
                            ),
                        };
                        if files_ref.is_over_budget()
                            && let Some(spill) =
                                spill.get_or_init(|| Spill::new().ok().map(Arc::new))
                        {
                            report.spill(spill);
                        }
                        Some(report)
                    }
                    _ => {
                        // Read all the same, so that its files' problems are reported.
                        corpus::read_versions(&mut story, files_ref, &mut story_problems);
                        files_ref.release(story.files.iter().copied());
                        None
                    }
                };
                progress.story_done();
                (story_problems, report)
            })
            .collect();
        let mut stories = Vec::new();
        for (story_problems, report) in done {
            problems.extend(story_problems);
            stories.extend(report);
        }
        problems.extend(claim_problems);
        Report {
            files,
            problems: problems.0,
            stories,
            accepted: None,
        }
    }

    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.stories.iter().flat_map(|s| s.findings.iter())
    }

    pub fn has_input_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }

    pub fn summary(&self) -> Summary {
        let count = |severity| self.findings().filter(|f| f.severity == severity).count();
        Summary {
            stories: self.stories.len(),
            versions: self.stories.iter().map(|s| s.story.versions.len()).sum(),
            claims: self.stories.iter().map(|s| s.claims.claims.len()).sum(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            notes: count(Severity::Note),
            problems: self.problems.len(),
            accepted: self.accepted,
        }
    }
}

/// Reads a listed story and checks it, or takes its cached results when its inputs are
/// unchanged: without reading its files at all when none of them has been touched since the
/// entry was written (see [`Cache::stamp`]), else by their contents.
fn check_story_cached(
    mut story: Story,
    claims: ClaimSet,
    files: &FileTable,
    cache: Option<&Cache>,
    problems: &mut Problems,
) -> StoryReport {
    let Some(cache) = cache else {
        corpus::read_versions(&mut story, files, problems);
        return check_story(story, claims, files);
    };
    // Taken before the files are read: a file changed while it is read then misses next time.
    let stamp = Cache::stamp(&story, &claims, files);
    if let Some(stamp) = &stamp
        && let Some(fresh) = cache.get_untouched(&story, &claims, stamp)
    {
        story.versions = fresh.versions;
        return StoryReport::from_cache(story, claims, fresh.results, cache.hold(fresh.key));
    }
    let known = problems.0.len();
    corpus::read_versions(&mut story, files, problems);
    // A story whose files have problems is read every run, so that they are reported every run.
    let stamp = stamp.filter(|_| problems.0.len() == known);
    let key = Cache::key(&story, &claims, files);
    if let Some(results) = cache.get(&story, &claims, &key) {
        files.release(story.files.iter().copied());
        let report = StoryReport::from_cache(story, claims, results, cache.hold(key.clone()));
        // Touched but unchanged: stamped afresh, so that the next run need not read it.
        if stamp.is_some() {
            cache.put(&report, &key, stamp.as_deref());
        }
        return report;
    }
    let mut report = check_story(story, claims, files);
    cache.put(&report, &key, stamp.as_deref());
    report.cached = Some(cache.hold(key));
    report
}

/// A draft read and given its version id, ready to join its story.
struct LoadedDraft {
    story: String,
    version: Version,
}

impl LoadedDraft {
    /// Checks the story with the draft among its versions (never cached: a draft changes
    /// between runs) and keeps the draft's findings only.
    fn check(&self, story: Story, claims: ClaimSet, files: &FileTable) -> StoryReport {
        let mut report = check_story(story, claims, files);
        report
            .findings
            .retain(|f| f.version.as_deref() == Some(self.version.id.as_str()));
        report
    }
}

/// Reads a draft as a version of its story. A story with no published version yet is checked
/// against its claims alone, so it is added to the listing when missing.
fn load_draft(
    draft: &Draft,
    claims_dir: &std::path::Path,
    corpus: &mut corpus::Corpus,
    files: &mut FileTable,
    problems: &mut Problems,
) -> Option<LoadedDraft> {
    let has_claims = claims::claim_path(claims_dir, &draft.story).is_file();
    // A story with neither is more likely a misspelt slug, which the listing then reports.
    if corpus.story(&draft.story).is_none() && has_claims {
        corpus.stories.push(Story {
            slug: draft.story.clone(),
            versions: Vec::new(),
            files: Vec::new(),
        });
        corpus.stories.sort_by(|a, b| a.slug.cmp(&b.slug));
    }
    let taken: Vec<String> = corpus
        .story(&draft.story)
        .map(|s| {
            s.files
                .iter()
                .filter_map(|&f| files.path(f).file_stem())
                .map(|stem| stem.to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    let id = std::iter::once(DRAFT_ID.to_string())
        .chain((2..).map(|n| format!("{DRAFT_ID}-{n}")))
        .find(|id| !taken.contains(id))
        .unwrap_or_else(|| DRAFT_ID.to_string());
    let (name, bytes) = match &draft.text {
        // Bounded as any article is: a draft is no reason to read a disk image into memory.
        DraftText::File(path) => match corpus::read_article(path, "the draft") {
            Ok(bytes) => (path.clone(), bytes),
            Err(problem) => {
                problems.push(problem);
                return None;
            }
        },
        DraftText::Given { name, bytes } => (name.clone(), bytes.clone()),
    };
    let version = corpus::draft_version(&name, bytes, id, files, problems)?;
    Some(LoadedDraft {
        story: draft.story.clone(),
        version,
    })
}

fn check_story(story: Story, claims: ClaimSet, files: &FileTable) -> StoryReport {
    let table = extract::phrase_table(&claims);
    let extractions = extract::extract_story(&story, &claims, &table, files);
    let ctx = StoryCheck {
        story: &story,
        claims: &claims,
        extractions: &extractions,
        files,
    };
    let outcome = check::check_story(&ctx);
    let graph = ConflictGraph::build(
        &story,
        &claims,
        &outcome.statuses,
        &extractions,
        &outcome.quote_conflicts,
    );
    let mut findings = outcome.findings;
    finding::sort(&mut findings);
    files.release(story.files.iter().copied());
    let details = Details {
        mentions: extractions.into_iter().map(|e| e.mentions).collect(),
        statuses: outcome.statuses,
        graph,
    };
    StoryReport::new(story, claims, details, findings)
}
