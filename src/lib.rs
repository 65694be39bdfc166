//! wirecheck: checks every published version of a wire story against hand-written claims and
//! against the other versions, and reports each conflict as a diagnostic into the article text.
//!
//! The pipeline runs one way: corpus and claims are loaded and validated, articles are segmented,
//! mentions are extracted in one pass, checked, gathered into a graph and rendered.

pub mod atomic;
pub mod baseline;
pub mod cache;
pub mod changes;
pub mod check;
pub mod claims;
pub mod cli;
pub mod codes;
pub mod config;
pub mod corpus;
pub mod diff;
pub mod examples;
pub mod extract;
pub mod finding;
pub mod graph;
pub mod lang;
pub mod problem;
pub mod render;
pub mod report;
pub mod source;
pub mod spill;
pub mod suggest;
pub mod synth;
pub mod text;
pub mod value;
pub mod yaml;
