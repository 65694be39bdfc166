//! Unit tests of the HTML renderer: the summary, the graph's layout and the excerpts as data,
//! pinned on the bundled story; escaping of one excerpt as markup.

use std::fmt::Write;

use askama::Template;

use super::findings::{ExcerptView, Mark, excerpt};
use super::{graph, is_web_link, matrix, shown_url, summary};
use crate::report::{Inputs, Report, StoryReport};
use crate::source::{FileTable, Span};

/// The bundled story, checked afresh (tests run in the crate's folder, so paths are relative).
fn bundled() -> Report {
    Report::build(&Inputs {
        corpus: "corpus".into(),
        claims: "claims".into(),
        stories: Vec::new(),
        cache: None,
        draft: None,
    })
}

fn story(report: &Report) -> &StoryReport {
    &report.stories[0]
}

#[test]
fn the_summary_reads_errors_first_in_plain_words() {
    let report = bundled();
    let story = story(&report);
    let findings = super::findings::findings(&report.files, "s0", story);
    let view = summary::summary(&report.files, "s0", story, &findings);
    let mut text = String::new();
    for who in &view.versions {
        let _ = writeln!(text, "[{}] {} {}", who.severity, who.who, who.what);
        for item in &who.items {
            match &item.found {
                Some(found) => writeln!(
                    text,
                    "  - {}: “{found}” — {} {} ({})",
                    item.topic, item.basis, item.against, item.severity
                ),
                None => writeln!(text, "  - {} ({})", item.text, item.severity),
            }
            .unwrap_or_default();
        }
    }
    insta::assert_snapshot!(text);
}

#[test]
fn the_graph_is_laid_out_the_same_every_time() {
    let report = bundled();
    let details = story(&report).details().unwrap();
    let view = graph::graph("s0", story(&report), &details);
    let mut text = format!(
        "view box {} {} {} {}\n",
        view.x, view.y, view.width, view.height
    );
    for node in &view.nodes {
        let _ = writeln!(
            text,
            "node {} at ({}, {}) shade {} conflicts {}{} name {}",
            node.version,
            node.x,
            node.y,
            node.level,
            node.conflicts,
            if node.outlier { " outlier" } else { "" },
            node.text_anchor
        );
    }
    for edge in &view.edges {
        let _ = writeln!(text, "{} {}: {}", edge.kind, edge.versions, edge.title);
    }
    for label in &view.labels {
        let lines: Vec<&str> = label.lines.iter().map(|l| l.text.as_str()).collect();
        let _ = writeln!(
            text,
            "label at ({}, {}) {}x{}: {}",
            label.x,
            label.y,
            label.w,
            label.h,
            lines.join(" / ")
        );
    }
    let _ = writeln!(text, "{} agreement lines", view.agreements.len());
    insta::assert_snapshot!(text);
    // The worst outlier sits opposite the agreeing cluster, on the right.
    let x = |id: &str| view.nodes.iter().find(|n| n.version == id).map(|n| n.x);
    assert!(x("003-independent") > x("001-london-aggregator"));
    assert!(x("003-independent") > x("004-bbc-news"));
}

#[test]
fn the_matrix_marks_each_state_and_links_conflicts_to_their_finding() {
    let report = bundled();
    let story = story(&report);
    let findings = super::findings::findings(&report.files, "s0", story);
    let details = story.details().unwrap();
    let view = matrix::matrix(&report.files, "s0", story, &details, &findings.by_cell);
    assert_eq!(view.rows.len(), story.claims.claims.len());
    let row = &view.rows[0];
    assert_eq!(row.claim, "most-senior-officer");
    let cells: Vec<(&str, &str, &str)> = row
        .cells
        .iter()
        .map(|c| (c.state, c.mark, c.words.as_str()))
        .collect();
    assert_eq!(
        cells,
        [
            ("agrees", "✓", "detective chief inspector"),
            ("agrees", "✓", "detective chief inspector"),
            ("agrees", "✓", "detective chief inspector"),
            ("conflicts", "✗", "detective chief constable"),
            ("silent", "–", ""),
        ]
    );
    let finding = findings
        .views
        .iter()
        .find(|f| Some(f.anchor.as_str()) == row.cells[3].href.as_deref().map(|h| &h[1..]))
        .map(|f| f.code);
    assert_eq!(finding, Some("wirecheck::value_conflict"));
    // An agreeing cell links to where the version says it; a silent one to nothing.
    assert_eq!(row.cells[0].href.as_deref(), Some("#s0-c0-v0"));
    assert_eq!(row.cells[4].href, None);
}

#[derive(Template)]
#[template(
    source = "{% import \"report/macros.html\" as m %}{% call m::excerpt(e) %}",
    ext = "html"
)]
struct OneExcerpt<'a> {
    e: &'a ExcerptView,
}

#[test]
fn an_excerpt_marks_its_spans_and_escapes_the_text() {
    let mut files = FileTable::default();
    let text = "Headline\nThe toll will rise to £4 <script>alert(1)</script> from April, \"said\" O'Neil & co.\n";
    let file = files.add("corpus/toll/002-courier.txt", text);
    let at = |s: &str| {
        let start = text.find(s).unwrap_or(0);
        Span::new(file, start..start + s.len())
    };
    let point = at("from").start as usize;
    let marks = [
        Mark {
            span: at("£4"),
            class: "primary",
            title: "contradicts `toll = £3` <b>".into(),
        },
        Mark {
            span: Span::new(file, point..point),
            class: "secondary",
            title: "“x” dropped here".into(),
        },
    ];
    let view = excerpt(&files, &marks, 120).unwrap_or_else(|| unreachable!());
    assert_eq!((view.line, view.column), (2, 23));
    let html = OneExcerpt { e: &view }.render().unwrap_or_default();
    insta::assert_snapshot!(html);
    assert!(!html.contains("<script>"));
    assert!(excerpt(&files, &[], 120).is_none());
}

#[test]
fn only_http_addresses_become_links() {
    for url in [
        "https://www.independent.co.uk/news/a.html",
        "http://example.com/x?a=1&b=2",
        "HTTPS://EXAMPLE.COM/",
    ] {
        assert!(is_web_link(url), "{url}");
    }
    for url in [
        "javascript:alert(1)",
        " javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//example.com/x",
        "example.com",
        "http://example.com/\" onmouseover=\"alert(1)",
        "https://example.com/\u{0}x",
        "vbscript:x",
    ] {
        assert!(!is_web_link(url), "{url}");
    }
    assert_eq!(
        shown_url("https://www.bbc.com/news/uk-england-london-27299863"),
        "bbc.com/news/uk-england-london-27299863"
    );
    assert_eq!(
        shown_url(&format!("https://a.com/{}", "x".repeat(80)))
            .chars()
            .count(),
        48
    );
}
