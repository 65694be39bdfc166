//! Renderers: the same report as terminal diagnostics, JSON, SARIF or a DOT graph. Only the
//! binary and these modules produce output text.

pub mod dot;
mod excerpt;
mod headline;
pub mod human;
pub mod json;
pub mod sarif;
mod stream;
