//! Memory bounds: article texts are set aside once their story is checked and read again only
//! to render, and nothing a renderer prints may depend on whether that happened.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use wirecheck::render;
use wirecheck::report::{Inputs, Report};
use wirecheck::source::FileTable;

fn inputs(root: &std::path::Path) -> Inputs {
    Inputs {
        corpus: root.join("corpus"),
        claims: root.join("claims"),
        stories: Vec::new(),
    }
}

/// Two stories: the bundled one and the harbour-fire fixture, so texts of one story are set
/// aside while the other is checked.
fn two_stories() -> tempfile::TempDir {
    let dir = common::bundled_copy();
    common::copy_dir(
        &common::fixture().join("corpus"),
        &dir.path().join("corpus"),
    );
    common::copy_dir(
        &common::fixture().join("claims"),
        &dir.path().join("claims"),
    );
    dir
}

#[test]
fn texts_set_aside_and_read_again_render_the_same_bytes() {
    let dir = two_stories();
    let kept = Report::build(&inputs(dir.path()));
    let set_aside = Report::build_in(&inputs(dir.path()), FileTable::with_budget(0));
    assert_eq!(kept.stories.len(), 2);
    assert!(kept.findings().count() > 0);

    // With no budget, no article text is left in memory once the run is built.
    let versions: Vec<_> = set_aside
        .stories
        .iter()
        .flat_map(|s| s.story.versions.iter().map(|v| v.file))
        .collect();
    assert!(!versions.is_empty());
    assert!(versions.iter().all(|&f| !set_aside.files.is_resident(f)));
    // With the default budget, the small corpus stays resident: no second read.
    assert!(
        kept.stories
            .iter()
            .flat_map(|s| s.story.versions.iter())
            .all(|v| kept.files.is_resident(v.file))
    );

    assert_eq!(
        render::json::render(&kept),
        render::json::render(&set_aside)
    );
    // The JSON renderer read texts again, and set them aside batch by batch.
    assert!(versions.iter().all(|&f| !set_aside.files.is_resident(f)));
    let options = render::human::HumanOptions {
        color: false,
        width: 100,
    };
    assert_eq!(
        render::human::render(&kept, options),
        render::human::render(&set_aside, options)
    );
}
