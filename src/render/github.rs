//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` annotation per
//! finding and per input problem, then a plain summary line (docs/ci.md). GitHub shows only the
//! first ten annotations of each level in a step, so the most severe come first.

use std::cmp::Reverse;

use crate::finding::{Finding, Severity};
use crate::problem::Problem;
use crate::report::Report;
use crate::source::FileTable;

use super::headline;
use super::json::{Location, location};
use super::stream::gather;

/// The annotations and the summary line, one per line.
pub fn render(report: &Report) -> String {
    let files = &report.files;
    let mut annotations = gather(
        report,
        |p| (p.severity, problem_annotation(files, p)),
        |f| (f.severity, finding_annotation(files, f)),
    );
    // Stable: within a level, input problems first, then findings in report order.
    annotations.sort_by_key(|(severity, _)| Reverse(*severity));
    let mut out = String::new();
    for (_, annotation) in annotations {
        out.push_str(&annotation);
        out.push('\n');
    }
    out.push_str("wirecheck: ");
    out.push_str(&super::human::summary_line(report));
    out.push('\n');
    out
}

fn finding_annotation(files: &FileTable, f: &Finding) -> String {
    let at = location(files, f.primary.span);
    let path = at.path.clone();
    command(
        f.severity,
        &path,
        Some(&at),
        f.code.name(),
        &headline::finding(f),
    )
}

fn problem_annotation(files: &FileTable, p: &Problem) -> String {
    let at = p.labels.first().map(|l| location(files, l.span));
    let path = match &at {
        Some(at) => at.path.clone(),
        None => p.path.display().to_string(),
    };
    command(
        p.severity,
        &path,
        at.as_ref(),
        p.code,
        &headline::problem(p),
    )
}

/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. GitHub takes columns
/// only on a one-line span.
fn command(
    severity: Severity,
    path: &str,
    at: Option<&Location>,
    title: &str,
    message: &str,
) -> String {
    let name = match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    let mut properties = vec![("file", headline::slashed(path))];
    if let Some(at) = at {
        properties.push(("line", at.line.to_string()));
        if at.line == at.end_line {
            properties.push(("col", at.column_utf16.to_string()));
        }
        properties.push(("endLine", at.end_line.to_string()));
        if at.line == at.end_line {
            properties.push(("endColumn", at.end_column_utf16.to_string()));
        }
    }
    properties.push(("title", title.to_string()));
    let properties: Vec<String> = properties
        .into_iter()
        .map(|(key, value)| format!("{key}={}", escape_property(&value)))
        .collect();
    format!(
        "::{name} {}::{}",
        properties.join(","),
        escape_data(message)
    )
}

/// A command's message: `%`, carriage returns and line feeds are what end or garble it.
fn escape_data(text: &str) -> String {
    // The log viewer obeys terminal escapes: article text quoted in a message must not.
    crate::text::inert(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value: also `:` (which ends the properties) and `,` (which separates
/// them).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize, end_line: usize, end_column: usize) -> Location {
        Location {
            path: String::new(),
            line,
            column,
            end_line,
            end_column,
            column_utf16: column,
            end_column_utf16: end_column,
            start: 0,
            end: 0,
            text: String::new(),
        }
    }

    #[test]
    fn messages_escape_percent_and_line_breaks_only() {
        assert_eq!(
            escape_data("0.1% of staff: a, b\r\nnext"),
            "0.1%25 of staff: a, b%0D%0Anext"
        );
        // `%` first, so that the escapes themselves are not escaped again.
        assert_eq!(escape_data("%0A"), "%250A");
    }

    #[test]
    fn properties_also_escape_colons_and_commas() {
        assert_eq!(
            escape_property("wirecheck::value_conflict, 50%\n"),
            "wirecheck%3A%3Avalue_conflict%2C 50%25%0A"
        );
    }

    #[test]
    fn a_command_escapes_its_path_title_and_message() {
        let line = command(
            Severity::Warning,
            r"corpus\a,b:c\v%1.txt",
            Some(&at(3, 5, 3, 9)),
            "wirecheck::quote_altered",
            "drops “police”\nsee: 100%",
        );
        assert_eq!(
            line,
            "::warning file=corpus/a%2Cb%3Ac/v%251.txt,line=3,col=5,endLine=3,endColumn=9,\
             title=wirecheck%3A%3Aquote_altered::drops “police”%0Asee: 100%25"
        );
    }

    #[test]
    fn columns_are_left_out_of_spans_over_several_lines() {
        let line = command(Severity::Note, "a.txt", Some(&at(3, 5, 4, 2)), "t", "m");
        assert_eq!(line, "::notice file=a.txt,line=3,endLine=4,title=t::m");
        let whole_file = command(Severity::Error, "corpus/x", None, "t", "m");
        assert_eq!(whole_file, "::error file=corpus/x,title=t::m");
    }
}
