//! The corpus: stories, each a folder of article versions, read and validated.
//!
//! `corpus/<story-slug>/<version>.txt`, one published version per file, text as published, with
//! an optional YAML front-matter block of metadata. Nothing here interprets the article text.

pub mod front_matter;
mod load;

use std::ops::Range;

pub use front_matter::VersionMeta;
pub use load::{draft_version, list, load, load_version, read_versions};

use crate::source::FileId;

#[derive(Debug, Default)]
pub struct Corpus {
    /// Sorted by slug.
    pub stories: Vec<Story>,
}

#[derive(Debug)]
pub struct Story {
    pub slug: String,
    /// Sorted by id. Empty until the story is read ([`read_versions`]).
    pub versions: Vec<Version>,
    /// The version files listed in the story's folder, sorted; those that could be read become
    /// `versions`.
    pub files: Vec<FileId>,
}

/// One published (or draft) version of a story.
#[derive(Debug, Clone)]
pub struct Version {
    /// The file stem: `003-independent`.
    pub id: String,
    pub file: FileId,
    pub meta: VersionMeta,
    /// The article text's bytes in the file: everything after the front matter.
    pub body: Range<usize>,
}

impl Version {
    /// The name readers know the version by.
    pub fn outlet(&self) -> &str {
        &self.meta.outlet
    }
}

impl Story {
    /// The outlet a version speaks for, as one witness among the versions: the page it was
    /// captured from (two captures of one page are one outlet), or for a copy, the version it
    /// was `derived_from`.
    pub fn outlet_key(&self, version: usize) -> String {
        let mut v = &self.versions[version];
        // A bounded walk: a cycle of `derived_from` must not hang the check.
        for _ in 0..self.versions.len() {
            let Some(parent) = v
                .meta
                .derived_from
                .as_deref()
                .and_then(|d| self.versions.iter().find(|p| p.id == d))
            else {
                break;
            };
            v = parent;
        }
        match &v.meta.url {
            Some(url) => url
                .trim_start_matches("https://")
                .trim_start_matches("http://")
                .trim_start_matches("www.")
                .trim_end_matches('/')
                .to_lowercase(),
            None => v.id.clone(),
        }
    }
}

impl Corpus {
    pub fn story(&self, slug: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.slug == slug)
    }
}
