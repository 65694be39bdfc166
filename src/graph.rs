//! The conflict graph of a story: versions as nodes, an edge for each claim two versions
//! disagree on (with the values and spans on each side); from it, clusters of versions that
//! agree and the outliers.
//!
//! Agreements are edges too, but they are not stored as such: every pair of versions that
//! states a claim alike agrees, so a 44-version story has 946 of them, and keeping them would
//! make the graph (and the cache, and every report) quadratic in the versions.
//! [`ConflictGraph::agreements`] derives them from the statuses for the renderers that draw them.

use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;

use crate::check::{QuoteConflict, State, Status};
use crate::claims::{ClaimBody, ClaimSet};
use crate::corpus::Story;
use crate::extract::Extraction;
use crate::source::Span;
use crate::value::Value;

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct VersionNode {
    pub version: usize,
    /// Claims on which this version is on the conflicting side.
    pub conflicts: usize,
}

/// One side of a disagreement.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Side {
    pub version: usize,
    pub value: Option<Value>,
    pub span: Option<Span>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Edge {
    /// `outlier` conflicts on `claim` with `other`, which agrees with the claim or majority.
    Conflict {
        claim: usize,
        outlier: Side,
        other: Side,
    },
    /// `outlier` prints a speaker's words differently from `other`, which keeps the
    /// established wording.
    Quote {
        claim: Option<usize>,
        speaker: Option<String>,
        outlier: Side,
        other: Side,
    },
}

/// Two versions that state these claims compatibly, and conflict on none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    pub versions: (usize, usize),
    pub claims: Vec<usize>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct ConflictGraph {
    pub graph: UnGraph<VersionNode, Edge>,
    /// Versions that agree among themselves, largest first; every version is in one.
    pub clusters: Vec<Vec<usize>>,
    /// Versions outside the largest cluster that conflict with it.
    pub outliers: Vec<usize>,
}

impl ConflictGraph {
    /// Whether every index points inside a story of `versions` versions and `claims` claims,
    /// as the renderers assume of a graph the checks made: one read back from a cache entry
    /// someone else wrote is held to it.
    pub fn fits(&self, versions: usize, claims: usize) -> bool {
        let version_ok = |v: usize| v < versions;
        let claim_ok = |c: usize| c < claims;
        let nodes_ok = self.graph.node_count() == versions
            && self.graph.node_weights().all(|n| version_ok(n.version));
        let edges_ok = self.graph.edge_weights().all(|edge| match edge {
            Edge::Conflict {
                claim,
                outlier,
                other,
            } => claim_ok(*claim) && version_ok(outlier.version) && version_ok(other.version),
            Edge::Quote {
                claim,
                outlier,
                other,
                ..
            } => {
                claim.is_none_or(claim_ok)
                    && version_ok(outlier.version)
                    && version_ok(other.version)
            }
        });
        let groups_ok = self.clusters.iter().flatten().all(|&v| version_ok(v))
            && self.outliers.iter().all(|&v| version_ok(v));
        nodes_ok && edges_ok && groups_ok
    }

    pub fn build(
        story: &Story,
        claims: &ClaimSet,
        statuses: &[Status],
        extractions: &[Extraction],
        quotes: &[QuoteConflict],
    ) -> ConflictGraph {
        let mut graph = UnGraph::new_undirected();
        let nodes: Vec<NodeIndex> = (0..story.versions.len())
            .map(|v| {
                graph.add_node(VersionNode {
                    version: v,
                    conflicts: 0,
                })
            })
            .collect();
        let side = |status: &Status| {
            let mention = status
                .mentions
                .first()
                .and_then(|&i| extractions[status.version].mentions.get(i));
            Side {
                version: status.version,
                value: mention.map(|m| m.value.clone()),
                span: mention.map(|m| m.span),
            }
        };
        // Quote claims' conflicts are drawn from the quote alignment below, with their spans.
        // Grouped once: a claim file of many claims must not make this claims × statuses.
        let mut by_claim: Vec<Vec<&Status>> = vec![Vec::new(); claims.claims.len()];
        for status in statuses {
            if let Some(group) = by_claim.get_mut(status.claim) {
                group.push(status);
            }
        }
        for (claim, of_claim) in by_claim
            .iter()
            .enumerate()
            .filter(|&(c, _)| !matches!(claims.claims[c].body, ClaimBody::Quote(_)))
        {
            let agreeing: Vec<&&Status> = of_claim
                .iter()
                .filter(|s| matches!(s.state, State::Agrees | State::Vague))
                .collect();
            for outlier in of_claim.iter().filter(|s| s.state == State::Conflicts) {
                graph[nodes[outlier.version]].conflicts += 1;
                let outlier_side = side(outlier);
                for other in &agreeing {
                    // A looser figure that fits both ("dozens", against 80 and 60) disagrees
                    // with neither side.
                    let other_side = side(other);
                    if let (Some(a), Some(b)) = (&outlier_side.value, &other_side.value) {
                        if a.fit(b).is_some_and(|f| f != crate::value::Fit::Disjoint) {
                            continue;
                        }
                    }
                    graph.add_edge(
                        nodes[outlier.version],
                        nodes[other.version],
                        Edge::Conflict {
                            claim,
                            outlier: outlier_side.clone(),
                            other: other_side,
                        },
                    );
                }
            }
        }
        for conflict in quotes {
            graph[nodes[conflict.outlier]].conflicts += 1;
            for &(other, span) in &conflict.others {
                graph.add_edge(
                    nodes[conflict.outlier],
                    nodes[other],
                    Edge::Quote {
                        claim: conflict.claim,
                        speaker: conflict.speaker.clone(),
                        outlier: Side {
                            version: conflict.outlier,
                            value: None,
                            span: Some(conflict.span),
                        },
                        other: Side {
                            version: other,
                            value: None,
                            span: Some(span),
                        },
                    },
                );
            }
        }
        let clusters = clusters(&graph, &nodes, statuses);
        let outliers = match clusters.as_slice() {
            [first, second, ..]
                if first.len() > second.len()
                    || weight(&graph, &nodes, first) < weight(&graph, &nodes, second) =>
            {
                let mut out: Vec<usize> = clusters[1..]
                    .iter()
                    .flatten()
                    .copied()
                    .filter(|&v| graph[nodes[v]].conflicts > 0)
                    .collect();
                out.sort_unstable();
                out
            }
            _ => Vec::new(),
        };
        ConflictGraph {
            graph,
            clusters,
            outliers,
        }
    }

    /// Every pair of versions that states at least one claim compatibly and conflicts on none,
    /// with those claims; pairs in ascending order. `statuses` are the story's, the graph was
    /// built from.
    pub fn agreements(&self, statuses: &[Status]) -> impl Iterator<Item = Agreement> + '_ {
        // Per version, the claims it states compatibly (agrees or vague), ascending.
        let n = self.graph.node_count();
        let mut compatible: Vec<Vec<usize>> = vec![Vec::new(); n];
        for status in statuses {
            if matches!(status.state, State::Agrees | State::Vague)
                && let Some(claims) = compatible.get_mut(status.version)
            {
                claims.push(status.claim);
            }
        }
        for claims in &mut compatible {
            claims.sort_unstable();
            claims.dedup();
        }
        (0..n)
            .flat_map(move |a| (a + 1..n).map(move |b| (a, b)))
            .filter_map(move |(a, b)| {
                // Node `v` is version `v`: `build` adds them in order.
                if self
                    .graph
                    .contains_edge(NodeIndex::new(a), NodeIndex::new(b))
                {
                    return None;
                }
                let theirs = &compatible[b];
                let claims: Vec<usize> = compatible[a]
                    .iter()
                    .copied()
                    .filter(|c| theirs.binary_search(c).is_ok())
                    .collect();
                (!claims.is_empty()).then_some(Agreement {
                    versions: (a, b),
                    claims,
                })
            })
    }

    pub fn edges(&self) -> impl Iterator<Item = (usize, usize, &Edge)> {
        self.graph.edge_references().map(|e| {
            (
                self.graph[e.source()].version,
                self.graph[e.target()].version,
                e.weight(),
            )
        })
    }

    pub fn conflicts_of(&self, version: usize) -> usize {
        self.graph
            .node_weight(NodeIndex::new(version))
            .map_or(0, |n| n.conflicts)
    }
}

/// Greedy clustering: versions that state the most claims go first (they define the story),
/// each joining the first cluster none of whose members it conflicts with.
fn clusters(
    graph: &UnGraph<VersionNode, Edge>,
    nodes: &[NodeIndex],
    statuses: &[Status],
) -> Vec<Vec<usize>> {
    let stated = |v: usize| {
        statuses
            .iter()
            .filter(|s| s.version == v && s.state != State::Silent)
            .count()
    };
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by_key(|&v| (std::cmp::Reverse(stated(v)), v));
    let conflict = |a: usize, b: usize| graph.contains_edge(nodes[a], nodes[b]);
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for v in order {
        match clusters
            .iter_mut()
            .find(|c| c.iter().all(|&m| !conflict(v, m)))
        {
            Some(cluster) => cluster.push(v),
            None => clusters.push(vec![v]),
        }
    }
    for cluster in &mut clusters {
        cluster.sort_unstable();
    }
    // The largest first; of two as large, the one on the wrong side of fewer conflicts.
    clusters.sort_by_key(|c| (std::cmp::Reverse(c.len()), weight(graph, nodes, c), c[0]));
    clusters
}

/// How often a cluster's versions are on the conflicting side.
fn weight(graph: &UnGraph<VersionNode, Edge>, nodes: &[NodeIndex], cluster: &[usize]) -> usize {
    cluster.iter().map(|&v| graph[nodes[v]].conflicts).sum()
}
