//! Renderers: the same report as terminal diagnostics, JSON or a DOT graph. Only the binary
//! and these modules produce output text.

pub mod dot;
mod excerpt;
pub mod human;
pub mod json;
mod stream;
