//! The DOT renderer: each story's conflict graph for Graphviz, one cluster per story. Conflict
//! edges are red and labelled with the claim; agreement edges grey and dashed.

use std::fmt::Write;

use crate::graph::Edge;
use crate::report::Report;

fn quote(s: &str) -> String {
    format!(
        "\"{}\"",
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    )
}

/// Fails only if a large run's statuses cannot be read back from its scratch file.
pub fn render(report: &Report) -> std::io::Result<String> {
    let mut out = String::from(
        "graph wirecheck {\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n",
    );
    for story in &report.stories {
        let details = story.details()?;
        let slug = &story.story.slug;
        let node = |v: usize| quote(&format!("{slug}/{}", story.story.versions[v].id));
        let _ = writeln!(
            out,
            "  subgraph {} {{\n    label={};",
            quote(&format!("cluster_{slug}")),
            quote(slug)
        );
        for (v, version) in story.story.versions.iter().enumerate() {
            let conflicts = details.graph.conflicts_of(v);
            let mut label = format!("{}\n{}", version.outlet(), version.id);
            let mut style = String::new();
            if conflicts > 0 {
                label.push_str(&format!(
                    "\n{conflicts} conflict{}",
                    if conflicts == 1 { "" } else { "s" }
                ));
            }
            if details.graph.outliers.contains(&v) {
                style.push_str(", color=red, penwidth=2");
            }
            let _ = writeln!(out, "    {} [label={}{style}];", node(v), quote(&label));
        }
        let mut edges: Vec<(usize, usize, String)> = details
            .graph
            .edges()
            .map(|(_, _, edge)| match edge {
                Edge::Conflict {
                    claim,
                    outlier,
                    other,
                } => (
                    outlier.version,
                    other.version,
                    format!(
                        "label={}, color=red, fontcolor=red",
                        quote(&story.claims.claims[*claim].id)
                    ),
                ),
                Edge::Quote {
                    claim,
                    speaker,
                    outlier,
                    other,
                } => (
                    outlier.version,
                    other.version,
                    format!(
                        "label={}, color=darkorange, fontcolor=darkorange",
                        quote(&match (claim, speaker) {
                            (Some(c), _) => story.claims.claims[*c].id.clone(),
                            (None, Some(s)) => format!("quote: {s}"),
                            (None, None) => "quote".to_string(),
                        })
                    ),
                ),
            })
            .chain(
                details
                    .graph
                    .agreements(&details.statuses)
                    .map(|agreement| {
                        let (a, b) = agreement.versions;
                        (
                            a,
                            b,
                            format!(
                                "label={}, color=gray, fontcolor=gray, style=dashed",
                                quote(&format!("{} agree", agreement.claims.len()))
                            ),
                        )
                    }),
            )
            .collect();
        edges.sort();
        for (a, b, attributes) in edges {
            let _ = writeln!(out, "    {} -- {} [{attributes}];", node(a), node(b));
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    Ok(out)
}
