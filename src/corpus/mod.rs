//! The corpus: stories, each a folder of article versions, read and validated.
//!
//! `corpus/<story-slug>/<version>.txt`, one published version per file, text as published, with
//! an optional YAML front-matter block of metadata. Nothing here interprets the article text.

mod front_matter;
mod load;

use std::ops::Range;

pub use front_matter::VersionMeta;
pub use load::{load, load_version};

use crate::source::FileId;

#[derive(Debug, Default)]
pub struct Corpus {
    /// Sorted by slug.
    pub stories: Vec<Story>,
}

#[derive(Debug)]
pub struct Story {
    pub slug: String,
    /// Sorted by id.
    pub versions: Vec<Version>,
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

impl Corpus {
    pub fn story(&self, slug: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.slug == slug)
    }
}
