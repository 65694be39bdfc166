//! Problems with wirecheck's inputs: a claim file that does not parse, an unreadable article, an
//! unknown key. They are not findings about the journalism: an error-level problem means the
//! run cannot be trusted and exits 2; notes and warnings are told and the run goes on.

use std::path::PathBuf;

use crate::finding::Severity;
use crate::source::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Stable code, e.g. `wirecheck::claims::unknown_key`.
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The file concerned, also when it has no text to point into (missing, not UTF-8).
    pub path: PathBuf,
    pub labels: Vec<ProblemLabel>,
    pub help: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProblemLabel {
    pub span: Span,
    pub message: String,
}

impl Problem {
    pub fn error(
        code: &'static str,
        path: impl Into<PathBuf>,
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            code,
            severity: Severity::Error,
            message: message.into(),
            path: path.into(),
            labels: Vec::new(),
            help: None,
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Problem {
        self.severity = severity;
        self
    }

    pub fn label(mut self, span: Span, message: impl Into<String>) -> Problem {
        self.labels.push(ProblemLabel {
            span,
            message: message.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Problems gathered across a stage: validation reports every problem at once, not the first.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Problem::is_error)
    }

    pub fn extend(&mut self, other: Problems) {
        self.0.extend(other.0);
    }
}
