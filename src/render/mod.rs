//! Renderers: the same report as terminal diagnostics, JSON, SARIF, GitHub annotations, a DOT
//! graph or an HTML page. Only the binary and these modules produce output text.

pub mod dot;
mod excerpt;
pub mod github;
mod headline;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
mod stream;
