//! The manifest: every planted conflict a generated corpus holds, with the finding wirecheck
//! must report for it, and the corpus's size. Written as `manifest.json` beside the corpus.

use serde::{Deserialize, Serialize};

/// The manifest's format version.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema_version: u32,
    pub generator: Generator,
    pub counts: Counts,
    /// One entry per expected finding, sorted by story then path.
    pub planted: Vec<Planted>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Generator {
    pub seed: u64,
    pub size: String,
    pub stories: usize,
    pub versions_per_story: usize,
    /// Whether text wirecheck is known to misread was left out.
    #[serde(default)]
    pub dodge_known_issues: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub stories: usize,
    pub versions: usize,
    pub claims: usize,
    /// `near:` phrases over all claim files, plus the lexicon aliases the text uses.
    pub cue_aliases: usize,
    /// Bytes of the corpus's version files.
    pub bytes: u64,
    /// Planted conflicts (= expected findings).
    pub planted: usize,
    /// Stories with no planted conflict.
    pub clean_stories: usize,
}

/// A planted conflict: the finding wirecheck must report, and what was changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Planted {
    pub story: String,
    /// The version's path relative to the output folder (`corpus/<slug>/<id>.txt`).
    pub path: String,
    /// Expected code, e.g. `wirecheck::value_conflict`.
    pub code: String,
    pub severity: String,
    /// The claim id the finding names, for value and consensus conflicts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    /// The kind of edit ("value changed", "quote word dropped: dropped “deeply”").
    pub edit: String,
    /// The planted words (the value, or the edited quote sentence).
    pub text: String,
    /// What the other versions say.
    pub expected: String,
    /// The line of the planted words in the file (1-based; 0 if not found verbatim).
    pub line: usize,
}
