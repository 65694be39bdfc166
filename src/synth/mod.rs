//! Synthetic corpora for performance and accuracy runs at newsroom scale: a deterministic
//! generator of wire stories, their syndicated versions (harmless edits and planted conflicts),
//! claim files and a manifest of every finding wirecheck must report; and a scorer that reads
//! wirecheck's JSON output against that manifest. docs/performance.md describes both.
//!
//! Generation streams: each story is generated from its own seeded stream and written as soon
//! as it is made, in parallel; only the manifest's small entries are kept. The same seed gives
//! the same bytes whatever the thread count.

pub mod manifest;
pub mod score;

mod junk;
mod pools;
mod quote;
mod rng;
mod story;
mod templates;
mod values;
mod words;

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use manifest::{Counts, Generator, Manifest, SCHEMA_VERSION};

/// The shared lexicon the police stories load, copied into every generated claims folder.
const POLICE_LEXICON: &str = include_str!("../../claims/lexicon/uk-police-ranks.yaml");

/// Corpus size presets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    /// 25 stories × 40 versions = 1,000 versions.
    Small,
    /// 500 stories × 44 versions = 22,000 versions, 1,000 claims: a day of three wires.
    Day,
    /// 5,000 stories × 40 versions = 200,000 versions.
    Archive,
}

impl Size {
    /// (stories, versions per story).
    pub fn preset(self) -> (usize, usize) {
        match self {
            Size::Small => (25, 40),
            Size::Day => (500, 44),
            Size::Archive => (5000, 40),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Size::Small => "small",
            Size::Day => "day",
            Size::Archive => "archive",
        }
    }
}

/// What to generate and where.
#[derive(Clone, Debug)]
pub struct Options {
    pub size: Size,
    /// Overrides the preset's story count.
    pub stories: Option<usize>,
    /// Overrides the preset's versions per story (at least 1).
    pub versions: Option<usize>,
    pub seed: u64,
    pub out: PathBuf,
    /// Leave out realistic text that wirecheck is known to misread (docs/synth-findings.md), so a
    /// score of 1.0 is reachable; the manifest records the choice.
    pub dodge_known_issues: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path} already exists; remove it or choose another --out folder")]
    Exists { path: PathBuf },
    #[error("--versions must be at least 1")]
    NoVersions,
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> SynthError + '_ {
    move |source| SynthError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn write(path: &Path, contents: &[u8]) -> Result<(), SynthError> {
    fs::write(path, contents).map_err(io_err(path))
}

/// What one story left behind once written.
struct Written {
    planted: Vec<manifest::Planted>,
    cues: Vec<String>,
    claims: usize,
    versions: usize,
    bytes: u64,
}

/// Generates a corpus into `options.out` and returns its manifest (also written there, with
/// `cues.txt`).
pub fn generate(options: &Options) -> Result<Manifest, SynthError> {
    let (preset_stories, preset_versions) = options.size.preset();
    let stories = options.stories.unwrap_or(preset_stories);
    let versions = options.versions.unwrap_or(preset_versions);
    if versions == 0 {
        return Err(SynthError::NoVersions);
    }
    let out = &options.out;
    let corpus = out.join("corpus");
    let claims = out.join("claims");
    for dir in [&corpus, &claims] {
        if dir.exists() {
            return Err(SynthError::Exists { path: dir.clone() });
        }
    }
    let lexicons = claims.join("lexicon");
    fs::create_dir_all(&lexicons).map_err(io_err(&lexicons))?;
    fs::create_dir_all(&corpus).map_err(io_err(&corpus))?;
    write(
        &lexicons.join("uk-police-ranks.yaml"),
        POLICE_LEXICON.as_bytes(),
    )?;

    let seed = options.seed;
    let written: Vec<Written> = (0..stories)
        .into_par_iter()
        .map(|index| {
            let story = story::generate(seed, index, versions, options.dodge_known_issues);
            let dir = corpus.join(&story.slug);
            fs::create_dir_all(&dir).map_err(io_err(&dir))?;
            let mut bytes = 0;
            for (name, text) in &story.versions {
                write(&dir.join(name), text.as_bytes())?;
                bytes += text.len() as u64;
            }
            write(
                &claims.join(format!("{}.yaml", story.slug)),
                story.claim_file.as_bytes(),
            )?;
            Ok(Written {
                planted: story.planted,
                cues: story.cues,
                claims: story.claims,
                versions: story.versions.len(),
                bytes,
            })
        })
        .collect::<Result<_, SynthError>>()?;

    let mut counts = Counts {
        stories,
        ..Counts::default()
    };
    let mut planted = Vec::new();
    let mut cues = BTreeSet::new();
    for w in written {
        counts.versions += w.versions;
        counts.claims += w.claims;
        counts.cue_aliases += w.cues.len();
        counts.bytes += w.bytes;
        if w.planted.is_empty() {
            counts.clean_stories += 1;
        }
        planted.extend(w.planted);
        cues.extend(w.cues);
    }
    counts.planted = planted.len();
    let manifest = Manifest {
        schema_version: SCHEMA_VERSION,
        generator: Generator {
            seed,
            size: options.size.name().to_string(),
            stories,
            versions_per_story: versions,
            dodge_known_issues: options.dodge_known_issues,
        },
        counts,
        planted,
    };
    let mut cue_text = String::new();
    for cue in &cues {
        cue_text.push_str(cue);
        cue_text.push('\n');
    }
    write(&out.join("cues.txt"), cue_text.as_bytes())?;
    let json = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    write(&out.join("manifest.json"), format!("{json}\n").as_bytes())?;
    Ok(manifest)
}

#[cfg(test)]
mod tests;
