//! The conflict graph as inline SVG, laid out here rather than by Graphviz: versions on a
//! circle, the largest cluster of agreeing versions on the left and the rest round to the
//! right, so the outliers stand apart; one line per pair of versions that conflict, labelled
//! with the claims; agreements faint and unlabelled. Positions depend only on the graph, so the
//! same report always gives the same picture.

use std::collections::BTreeMap;
use std::f64::consts::PI;

use super::{claim_name, plural, version_anchor};
use crate::graph::Edge;
use crate::report::{Details, StoryReport};

const NODE_RADIUS: f64 = 22.0;
/// Line height and an average character's width of node names (12px) and edge labels (11px):
/// estimates, since the page cannot measure text without a script.
const NAME_LINE: f64 = 14.0;
const NAME_CHAR: f64 = 7.4;
const LABEL_LINE: f64 = 13.0;
const LABEL_CHAR: f64 = 6.1;
const NAME_WIDTH: usize = 22;
const LABEL_WIDTH: usize = 34;
const LABEL_TOPICS: usize = 5;
/// Room round the drawing.
const PADDING: f64 = 12.0;
/// Shades of a node, from no conflicts to the most any version of the story has.
const LEVELS: usize = 4;
/// Above this many versions agreement lines are not drawn (they grow as the square of the
/// versions and say little), and versions without conflicts are named by id only.
const CROWDED: usize = 12;

#[derive(Debug)]
pub struct GraphView {
    /// The drawing's extent: everything drawn, with a little room round it.
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<NodeView>,
    pub edges: Vec<EdgeView>,
    pub labels: Vec<LabelBox>,
    pub agreements: Vec<Segment>,
    /// The graph in words, for a screen reader.
    pub description: String,
    /// Agreement lines were left out: too many versions.
    pub crowded: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

impl Segment {
    /// The line from one point to another, rounded for print.
    fn between((x1, y1): (f64, f64), (x2, y2): (f64, f64)) -> Segment {
        Segment {
            x1: round(x1),
            y1: round(y1),
            x2: round(x2),
            y2: round(y2),
        }
    }
}

#[derive(Debug)]
pub struct NodeView {
    pub version: String,
    pub href: String,
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// 0 (no conflicts) to [`LEVELS`]: the shade.
    pub level: usize,
    pub conflicts: usize,
    pub outlier: bool,
    /// `start`, `middle` or `end`: which way the name runs from the node.
    pub text_anchor: &'static str,
    pub lines: Vec<TextLine>,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub x: f64,
    pub y: f64,
    pub text: String,
    /// `name`, `id` or `outlier`.
    pub class: &'static str,
}

#[derive(Debug)]
pub struct EdgeView {
    pub line: Segment,
    /// `conflict` (a value) or `quote` (only quotes).
    pub kind: &'static str,
    pub width: f64,
    /// The two versions' ids, space-separated.
    pub versions: String,
    pub title: String,
}

/// What a conflict line, or a bundle of lines from one version with the same topics, is about.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelBox {
    /// `conflict` or `quote`, as the lines it labels.
    pub kind: &'static str,
    pub title: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub lines: Vec<TextLine>,
}

/// An axis-aligned box, for keeping labels off nodes and each other.
#[derive(Debug, Clone, Copy)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn overlap(&self, other: &Rect) -> f64 {
        let w = self.x1.min(other.x1) - self.x0.max(other.x0);
        let h = self.y1.min(other.y1) - self.y0.max(other.y0);
        if w > 0.0 && h > 0.0 { w * h } else { 0.0 }
    }
}

/// One decimal place: enough for a screen, and stable text for snapshots.
fn round(x: f64) -> f64 {
    let rounded = (x * 10.0).round() / 10.0;
    // Not "-0": the same drawing must print the same.
    if rounded == 0.0 { 0.0 } else { rounded }
}

/// A topic of conflict between two versions, and whether it is a value (else a quote).
type Topic = (String, bool);

/// Two versions, the lower index first.
type Pair = (usize, usize);

pub fn graph(story_anchor: &str, story: &StoryReport, details: &Details) -> GraphView {
    let versions = &story.story.versions;
    let n = versions.len();
    let positions = ring(story, details);
    let radius = ring_radius(n);
    let (cx, cy) = (0.0, 0.0);
    let at = |v: usize| {
        positions
            .get(&v)
            .map_or((cx, cy), |&a| ring_point(n, radius, cx, cy, a))
    };
    let most = (0..n)
        .map(|v| details.graph.conflicts_of(v))
        .max()
        .unwrap_or(0);
    let mut obstacles: Vec<Rect> = Vec::new();
    let nodes: Vec<NodeView> = (0..n)
        .map(|v| {
            let version = &versions[v];
            let (x, y) = at(v);
            let angle = positions.get(&v).copied().unwrap_or(PI / 2.0);
            let conflicts = details.graph.conflicts_of(v);
            let outlier = details.graph.outliers.contains(&v);
            // In a crowd, only the versions in conflict carry their outlet's name.
            let outlet = if n > CROWDED && conflicts == 0 {
                ""
            } else {
                version.outlet()
            };
            let (text_anchor, lines, rect) =
                name_lines(x, y, angle, outlet, &version.id, outlier, n == 1);
            obstacles.push(rect);
            obstacles.push(Rect {
                x0: x - NODE_RADIUS - 4.0,
                y0: y - NODE_RADIUS - 4.0,
                x1: x + NODE_RADIUS + 4.0,
                y1: y + NODE_RADIUS + 4.0,
            });
            NodeView {
                version: version.id.clone(),
                href: format!("#{}", version_anchor(story_anchor, v)),
                x: round(x),
                y: round(y),
                r: NODE_RADIUS,
                level: level(conflicts, most),
                conflicts,
                outlier,
                text_anchor,
                lines,
                title: format!(
                    "{} ({}): {}{}",
                    version.outlet(),
                    version.id,
                    plural(conflicts, "conflict", "conflicts"),
                    if outlier { ", an outlier" } else { "" }
                ),
            }
        })
        .collect();
    let pairs = conflict_pairs(story, details);
    let who = |v: usize| format!("{} ({})", versions[v].outlet(), versions[v].id);
    let edges: Vec<EdgeView> = pairs
        .iter()
        .map(|(&(a, b), topics)| EdgeView {
            line: Segment::between(at(a), at(b)),
            kind: kind_of(topics),
            width: round((1.5 + 0.8 * (topics.len() as f64 - 1.0)).min(5.0)),
            versions: format!("{} {}", versions[a].id, versions[b].id),
            title: format!("{} and {} conflict on: {}", who(a), who(b), names(topics)),
        })
        .collect();
    let mut labels = Vec::new();
    let mut bundles = bundles(&pairs, &details.graph.outliers);
    // The longest labels have the fewest places to go: they choose first.
    bundles.sort_by_key(|b| std::cmp::Reverse(b.topics.len().min(LABEL_TOPICS)));
    for bundle in bundles {
        let (from, to, title) = match bundle.hub {
            Some(hub) => {
                let others: Vec<usize> = bundle
                    .pairs
                    .iter()
                    .map(|&(a, b)| if a == hub { b } else { a })
                    .collect();
                let (sx, sy) = others.iter().fold((0.0, 0.0), |(sx, sy), &v| {
                    let (x, y) = at(v);
                    (sx + x, sy + y)
                });
                let count = others.len() as f64;
                let others: Vec<String> = others.into_iter().map(who).collect();
                (
                    at(hub),
                    (sx / count, sy / count),
                    format!(
                        "{} conflicts with {} on: {}",
                        who(hub),
                        others.join(", "),
                        names(bundle.topics)
                    ),
                )
            }
            None => {
                let (a, b) = bundle.pairs[0];
                (
                    at(a),
                    at(b),
                    format!(
                        "{} and {} conflict on: {}",
                        who(a),
                        who(b),
                        names(bundle.topics)
                    ),
                )
            }
        };
        let along = Segment {
            x1: from.0,
            y1: from.1,
            x2: to.0,
            y2: to.1,
        };
        labels.push(place_label(&along, bundle.topics, title, &mut obstacles));
    }
    let crowded = n > CROWDED;
    let agreements = if crowded {
        Vec::new()
    } else {
        agreeing_pairs(details)
    }
    .into_iter()
    .filter(|pair| !pairs.contains_key(pair))
    .map(|(a, b)| Segment::between(at(a), at(b)))
    .collect();
    let extent = obstacles.iter().fold(
        Rect {
            x0: cx,
            y0: cy,
            x1: cx,
            y1: cy,
        },
        |r, o| Rect {
            x0: r.x0.min(o.x0),
            y0: r.y0.min(o.y0),
            x1: r.x1.max(o.x1),
            y1: r.y1.max(o.y1),
        },
    );
    GraphView {
        x: round(extent.x0 - PADDING),
        y: round(extent.y0 - PADDING),
        width: round(extent.x1 - extent.x0 + 2.0 * PADDING),
        height: round(extent.y1 - extent.y0 + 2.0 * PADDING),
        description: describe(story, &pairs),
        crowded,
        nodes,
        edges,
        labels,
        agreements,
    }
}

fn kind_of(topics: &[Topic]) -> &'static str {
    if topics.iter().any(|&(_, value)| value) {
        "conflict"
    } else {
        "quote"
    }
}

fn names(topics: &[Topic]) -> String {
    let names: Vec<&str> = topics.iter().map(|(t, _)| t.as_str()).collect();
    names.join("; ")
}

/// Conflict lines that share one label: all the lines from one outlier (the hub) that carry
/// the same topics — an outlier against everyone else reads as one statement, not five.
#[derive(Debug)]
struct Bundle<'a> {
    hub: Option<usize>,
    pairs: Vec<(usize, usize)>,
    topics: &'a [Topic],
}

fn bundles<'a>(
    pairs: &'a BTreeMap<(usize, usize), Vec<Topic>>,
    outliers: &[usize],
) -> Vec<Bundle<'a>> {
    let mut by_topics: Vec<(&[Topic], Vec<Pair>)> = Vec::new();
    for (&pair, topics) in pairs {
        match by_topics.iter_mut().find(|(t, _)| *t == topics.as_slice()) {
            Some((_, members)) => members.push(pair),
            None => by_topics.push((topics, vec![pair])),
        }
    }
    let mut out = Vec::new();
    for (topics, mut members) in by_topics {
        // Each outlier takes its own lines with these topics, the one with most lines first.
        loop {
            let hub = outliers
                .iter()
                .map(|&h| {
                    (
                        members.iter().filter(|&&(a, b)| a == h || b == h).count(),
                        h,
                    )
                })
                .filter(|&(lines, _)| lines > 1)
                .max_by_key(|&(lines, h)| (lines, std::cmp::Reverse(h)));
            let Some((_, hub)) = hub else { break };
            let (own, rest): (Vec<Pair>, Vec<Pair>) = members
                .into_iter()
                .partition(|&(a, b)| a == hub || b == hub);
            out.push(Bundle {
                hub: Some(hub),
                pairs: own,
                topics,
            });
            members = rest;
        }
        out.extend(members.into_iter().map(|pair| Bundle {
            hub: None,
            pairs: vec![pair],
            topics,
        }));
    }
    out
}

/// About 80 units of circle per version, and no smaller than a five-version story needs.
fn ring_radius(versions: usize) -> f64 {
    (versions as f64 * 13.0).max(150.0)
}

fn ring_point(n: usize, radius: f64, cx: f64, cy: f64, angle: f64) -> (f64, f64) {
    if n <= 1 {
        return (cx, cy);
    }
    (cx + radius * angle.cos(), cy + radius * angle.sin())
}

/// Each version's angle on the circle: the largest cluster of agreeing versions centred on
/// the left (angle π), the others round to the right with the most conflicted in the middle,
/// opposite it.
fn ring(story: &StoryReport, details: &Details) -> BTreeMap<usize, f64> {
    let n = story.story.versions.len();
    let clusters = &details.graph.clusters;
    let main: Vec<usize> = clusters
        .first()
        .map(|c| c.iter().copied().filter(|&v| v < n).collect())
        .unwrap_or_default();
    let cluster_of = |v: usize| clusters.iter().position(|c| c.contains(&v));
    let mut rest: Vec<usize> = (0..n).filter(|v| !main.contains(v)).collect();
    rest.sort_by_key(|&v| (details.graph.conflicts_of(v), cluster_of(v), v));
    // Least conflicted at both ends, next to the main cluster; most in the middle.
    let (mut near_start, mut near_end) = (Vec::new(), Vec::new());
    for (i, v) in rest.into_iter().enumerate() {
        if i % 2 == 0 {
            near_start.push(v);
        } else {
            near_end.push(v);
        }
    }
    near_end.reverse();
    let main_len = main.len().max(1) as f64;
    let step = 2.0 * PI / n.max(1) as f64;
    main.into_iter()
        .chain(near_start)
        .chain(near_end)
        .enumerate()
        .map(|(k, v)| (v, PI + (k as f64 - (main_len - 1.0) / 2.0) * step))
        .collect()
}

fn level(conflicts: usize, most: usize) -> usize {
    if conflicts == 0 || most == 0 {
        return 0;
    }
    (1 + (conflicts - 1) * LEVELS / most).min(LEVELS)
}

/// A version's name beside its node, running away from the circle's centre.
fn name_lines(
    x: f64,
    y: f64,
    angle: f64,
    outlet: &str,
    id: &str,
    outlier: bool,
    alone: bool,
) -> (&'static str, Vec<TextLine>, Rect) {
    let mut texts: Vec<(String, &'static str)> = wrap(outlet, NAME_WIDTH, 3)
        .into_iter()
        .map(|l| (l, "name"))
        .collect();
    texts.push((id.to_string(), "id"));
    if outlier {
        texts.push(("outlier".to_string(), "outlier"));
    }
    let (dx, dy) = if alone {
        (0.0, 1.0)
    } else {
        (angle.cos(), angle.sin())
    };
    let gap = NODE_RADIUS + 8.0;
    let (px, py) = (x + dx * gap, y + dy * gap);
    let anchor = if dx > 0.35 {
        "start"
    } else if dx < -0.35 {
        "end"
    } else {
        "middle"
    };
    let count = texts.len() as f64;
    let first = if dy > 0.35 {
        py + 10.0
    } else if dy < -0.35 {
        py - (count - 1.0) * NAME_LINE - 2.0
    } else {
        py - (count - 1.0) * NAME_LINE / 2.0 + 4.0
    };
    let width = texts
        .iter()
        .map(|(t, _)| t.chars().count())
        .max()
        .unwrap_or(0) as f64
        * NAME_CHAR;
    let x0 = match anchor {
        "start" => px,
        "end" => px - width,
        _ => px - width / 2.0,
    };
    let rect = Rect {
        x0,
        y0: first - NAME_LINE + 2.0,
        x1: x0 + width,
        y1: first + (count - 1.0) * NAME_LINE + 4.0,
    };
    let lines = texts
        .into_iter()
        .enumerate()
        .map(|(i, (text, class))| TextLine {
            x: round(px),
            y: round(first + i as f64 * NAME_LINE),
            text,
            class,
        })
        .collect();
    (anchor, lines, rect)
}

/// `text` in lines of at most about `width` characters, broken at spaces, at most `max` lines
/// (the last one cut with "…").
fn wrap(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            last.push_str(" …");
        }
    }
    lines.into_iter().map(|l| cut(&l, width + 2)).collect()
}

/// At most `width` characters, "…" marking a cut.
fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The label of a conflict line: its topics, one a line, placed on the line where it covers
/// no node, name or other label (or, failing that, as little of them as can be).
fn place_label(
    line: &Segment,
    topics: &[Topic],
    title: String,
    obstacles: &mut Vec<Rect>,
) -> LabelBox {
    let mut texts: Vec<String> = topics
        .iter()
        .take(LABEL_TOPICS)
        .map(|(t, _)| cut(t, LABEL_WIDTH))
        .collect();
    if topics.len() > LABEL_TOPICS {
        texts.truncate(LABEL_TOPICS - 1);
        texts.push(format!("+{} more", topics.len() - (LABEL_TOPICS - 1)));
    }
    let widest = texts.iter().map(|t| t.chars().count()).max().unwrap_or(0) as f64;
    let (w, h) = (
        widest * LABEL_CHAR + 8.0,
        texts.len() as f64 * LABEL_LINE + 5.0,
    );
    // Beside the line by this much when it cannot sit on it.
    let (length, aside) = (
        (line.x2 - line.x1).hypot(line.y2 - line.y1).max(1.0),
        h / 2.0 + w / 4.0,
    );
    let (nx, ny) = (-(line.y2 - line.y1) / length, (line.x2 - line.x1) / length);
    let boxed = |t: f64, side: f64| {
        let (mx, my) = (
            line.x1 + (line.x2 - line.x1) * t + nx * side * aside,
            line.y1 + (line.y2 - line.y1) * t + ny * side * aside,
        );
        Rect {
            x0: mx - w / 2.0,
            y0: my - h / 2.0,
            x1: mx + w / 2.0,
            y1: my + h / 2.0,
        }
    };
    let cost = |rect: &Rect| obstacles.iter().map(|o| rect.overlap(o)).sum::<f64>();
    // The middle of the line first, then further along it either way, then beside it: the
    // first place that covers nothing, else the one that covers least.
    let mut best = boxed(0.5, 0.0);
    let mut best_cost = cost(&best);
    'search: for side in [0.0, 1.0, -1.0, 2.0, -2.0] {
        for t in [0.5, 0.4, 0.6, 0.32, 0.68, 0.25, 0.75] {
            if best_cost == 0.0 {
                break 'search;
            }
            let candidate = boxed(t, side);
            let c = cost(&candidate);
            if c < best_cost {
                (best, best_cost) = (candidate, c);
            }
        }
    }
    obstacles.push(best);
    LabelBox {
        kind: kind_of(topics),
        title,
        x: round(best.x0),
        y: round(best.y0),
        w: round(w),
        h: round(h),
        lines: texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| TextLine {
                x: round(best.x0 + 4.0),
                y: round(best.y0 + (i as f64 + 1.0) * LABEL_LINE),
                text,
                class: "topic",
            })
            .collect(),
    }
}

/// The pairs of versions that conflict, in order, with what on: each claim once, values first.
fn conflict_pairs(story: &StoryReport, details: &Details) -> BTreeMap<(usize, usize), Vec<Topic>> {
    let claims = &story.claims;
    let mut pairs: BTreeMap<(usize, usize), Vec<(usize, Topic)>> = BTreeMap::new();
    let n = story.story.versions.len();
    for (a, b, edge) in details.graph.edges().filter(|&(a, b, _)| a < n && b < n) {
        let (order, topic) = if let Edge::Conflict { claim, .. } = edge {
            (*claim, (claim_name(claims, *claim), true))
        } else if let Edge::Quote { claim, speaker, .. } = edge {
            let name = match (speaker, claim) {
                (Some(s), _) => format!("{s}'s quote"),
                (None, Some(c)) => claim_name(claims, *c),
                (None, None) => "a quote".to_string(),
            };
            (claim.unwrap_or(usize::MAX), (name, false))
        } else {
            continue;
        };
        let topics = pairs.entry((a.min(b), a.max(b))).or_default();
        if !topics.iter().any(|(_, t)| t.0 == topic.0) {
            topics.push((order, topic));
        }
    }
    pairs
        .into_iter()
        .map(|(pair, mut topics)| {
            // Values in the claim file's order, then quotes by name: the same topics always
            // read the same, so that bundles of lines share one label.
            let key = |(order, (name, value)): &(usize, Topic)| {
                (!value, if *value { *order } else { 0 }, name.clone())
            };
            topics.sort_by_key(key);
            (pair, topics.into_iter().map(|(_, t)| t).collect())
        })
        .collect()
}

/// Pairs of versions that state some claim alike and conflict on none.
fn agreeing_pairs(details: &Details) -> Vec<(usize, usize)> {
    details
        .graph
        .agreements(&details.statuses)
        .map(|a| a.versions)
        .collect()
}

/// "The Independent (003-independent) conflicts with 3 versions; …"
fn describe(story: &StoryReport, pairs: &BTreeMap<(usize, usize), Vec<Topic>>) -> String {
    let versions = &story.story.versions;
    let mut parts: Vec<String> = Vec::new();
    for (v, version) in versions.iter().enumerate() {
        let others = pairs.keys().filter(|&&(a, b)| a == v || b == v).count();
        if others > 0 {
            parts.push(format!(
                "{} ({}) conflicts with {}",
                version.outlet(),
                version.id,
                plural(others, "other version", "other versions")
            ));
        }
    }
    let head = format!(
        "Conflict graph of {}.",
        plural(versions.len(), "version", "versions")
    );
    if parts.is_empty() {
        format!("{head} No two versions conflict.")
    } else {
        format!("{head} {}.", parts.join("; "))
    }
}
