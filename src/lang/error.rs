//! The error a claim string can fail to parse with: where, what went wrong, what would fit.

use std::ops::Range;

/// A claim that does not follow the grammar.
///
/// `span` is a byte range into the claim string. It is empty (`n..n`) when the problem is
/// something missing, e.g. at the end of the claim, so a renderer should draw a caret there.
/// `expected` lists, in the claim writer's words, what would have been accepted at `span`:
/// symbols are given in backticks (`` `=` ``), kinds of thing in plain words ("a value").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    pub span: Range<usize>,
    pub message: String,
    pub expected: Vec<String>,
    pub help: Option<String>,
}

impl ParseError {
    pub(crate) fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        ParseError {
            span,
            message: message.into(),
            expected: Vec::new(),
            help: None,
        }
    }

    pub(crate) fn expecting<I, S>(mut self, expected: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.expected = expected.into_iter().map(Into::into).collect();
        self
    }

    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_the_message_alone() {
        let e = ParseError::new(3..4, "a claim has exactly one relation")
            .expecting(["end of claim"])
            .with_help("write two claims");
        assert_eq!(e.to_string(), "a claim has exactly one relation");
        assert_eq!(e.expected, vec!["end of claim".to_string()]);
        assert_eq!(e.help.as_deref(), Some("write two claims"));
    }
}
