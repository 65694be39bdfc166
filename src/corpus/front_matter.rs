//! The YAML front-matter block at the top of an article version (`---` … `---`), the
//! static-site convention, read into [`VersionMeta`].

use std::ops::Range;
use std::path::Path;

use crate::codes::Code;
use crate::problem::{Problem, Problems};
use crate::source::{FileId, Span};
use crate::suggest;
use crate::yaml::{Document, Node};

/// What the front matter says about a version.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct VersionMeta {
    pub outlet: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// As written: a date (`2014-05-06`) or an RFC 3339 date-time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The local calendar day of publication, as a day number: the reference for "yesterday".
    #[serde(skip)]
    pub published_day: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The id of the version this one was copied from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// An unpublished draft (`check --draft`): checked like any version, but it never votes in
    /// a consensus.
    #[serde(skip)]
    pub draft: bool,
}

const KEYS: &[&str] = &[
    "outlet",
    "url",
    "published",
    "retrieved",
    "byline",
    "derived_from",
    "title",
];

/// Where the front matter's YAML is and where the article starts, if the text opens with a
/// front-matter block. A byte-order mark before it is allowed.
pub fn split(text: &str) -> Option<(Range<usize>, usize)> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end() != "---" {
        return None;
    }
    let yaml_start = start + first_line_end + 1;
    let mut at = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Some((yaml_start..at, at + line.len()));
        }
        at += line.len();
    }
    None
}

/// Reads the metadata of a front-matter block, reporting every problem in it.
pub fn parse(
    text: &str,
    yaml: Range<usize>,
    file: FileId,
    path: &Path,
    problems: &mut Problems,
) -> Option<VersionMeta> {
    match plain(&text[yaml.clone()]) {
        Some(meta) => Some(meta),
        None => parse_with_parser(text, yaml, file, path, problems),
    }
}

/// [`parse`] by the YAML parser, which places every problem it finds.
fn parse_with_parser(
    text: &str,
    yaml: Range<usize>,
    file: FileId,
    path: &Path,
    problems: &mut Problems,
) -> Option<VersionMeta> {
    let base = yaml.start;
    let span = |r: Range<usize>| Span::new(file, base + r.start..base + r.end);
    let doc = match Document::parse(&text[yaml.clone()]) {
        Ok(doc) => doc,
        Err(e) => {
            problems.push(
                Problem::error(
                    Code::FrontMatter.name(),
                    path,
                    format!("front matter is not valid YAML: {}", e.message),
                )
                .label(span(e.span), "here"),
            );
            return None;
        }
    };
    let root = doc.root();
    if root.is_null() {
        return Some(VersionMeta::default());
    }
    if !root.is_mapping() {
        problems.push(
            Problem::error(
                Code::FrontMatter.name(),
                path,
                format!(
                    "front matter must be a mapping of keys to values, not {}",
                    root.describe()
                ),
            )
            .label(span(root.span()), "expected `key: value` lines"),
        );
        return None;
    }
    let before = problems.0.len();
    let mut meta = VersionMeta::default();
    for (key, value) in root.entries() {
        if !KEYS.contains(&key.as_str()) {
            problems.push(
                Problem::error(
                    Code::FrontMatter.name(),
                    path,
                    format!("unknown front-matter key `{key}`"),
                )
                .label(span(value.key_span()), "not a front-matter key")
                .help(suggest::help_for(&key, KEYS)),
            );
            continue;
        }
        let Some(s) = text_of(&value) else {
            problems.push(
                Problem::error(
                    Code::FrontMatter.name(),
                    path,
                    format!("`{key}` must be text, not {}", value.describe()),
                )
                .label(span(value.span()), "expected text"),
            );
            continue;
        };
        if !meta.set(&key, s) {
            problems.push(
                Problem::error(
                    Code::FrontMatter.name(),
                    path,
                    format!(
                        "`published` is not a date: `{}`",
                        meta.published.as_deref().unwrap_or_default()
                    ),
                )
                .label(span(value.span()), "expected a date or date-time")
                .help("write `2014-05-06` or `2014-05-06T05:07:00+01:00`"),
            );
        }
    }
    (problems.0.len() == before).then_some(meta)
}

/// Front matter written as plain `key: value` lines, read without the YAML parser: every version
/// has some, and parsing it was 7 % of checking a corpus. Only what is certainly read the same
/// way is taken — known keys at the start of a line, each once, with a plain or simply quoted
/// value that is text, valid, and free of anything YAML treats specially; anything else (a
/// comment, indentation, a tab, an escape, a value YAML could read as a number, an unknown key,
/// a date that is not one) is left to the parser, which also places the problems it finds.
fn plain(yaml: &str) -> Option<VersionMeta> {
    let mut meta = VersionMeta::default();
    let mut seen: Vec<&str> = Vec::new();
    for line in yaml.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.bytes().all(|b| b == b' ') {
            continue;
        }
        let (key, rest) = line.split_once(':')?;
        let value = rest.strip_prefix(' ')?.trim_matches(' ');
        if !KEYS.contains(&key) || seen.contains(&key) {
            return None;
        }
        seen.push(key);
        let text = plain_value(value)?.trim();
        if text.is_empty() {
            return None;
        }
        if !meta.set(key, text.to_string()) {
            return None;
        }
    }
    (!seen.is_empty()).then_some(meta)
}

/// The text of a scalar YAML reads as it is written: plain (not starting with an indicator, no
/// `: ` or ` #` inside, not a null, boolean or number), or in quotes with no quote, escape or
/// backslash inside.
fn plain_value(value: &str) -> Option<&str> {
    if !value.chars().all(yaml_printable) {
        return None;
    }
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote) {
            let inner = inner.strip_suffix(quote)?;
            return (!inner.contains([quote, '\\'])).then_some(inner);
        }
    }
    let first = value.chars().next()?;
    let indicator = "-?:,[]{}#&*!|>'\"%@`".contains(first);
    let special = value.contains(": ") || value.contains(" #") || value.ends_with(':');
    (!indicator && !special && crate::yaml::reads_as_text(value, saphyr_parser::ScalarStyle::Plain))
        .then_some(value)
}

/// Characters YAML takes as they are inside a one-line scalar: printable, and not a line break,
/// a tab or a byte-order mark.
fn yaml_printable(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

fn text_of(node: &Node<'_>) -> Option<String> {
    node.scalar()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

impl VersionMeta {
    /// Files a value under one of the [`KEYS`]; false when it is `published` and not a date.
    fn set(&mut self, key: &str, value: String) -> bool {
        match key {
            "outlet" => self.outlet = value,
            "url" => self.url = Some(value),
            "published" => {
                self.published_day = publication_day(&value);
                self.published = Some(value);
                return self.published_day.is_some();
            }
            "retrieved" => self.retrieved = Some(value),
            "byline" => self.byline = Some(value),
            "derived_from" => self.derived_from = Some(value),
            _ => self.title = Some(value),
        }
        true
    }

    /// Recomputes what is derived from the front matter rather than kept with it, for
    /// metadata read back from the cache (a cached version is never a draft).
    pub fn rederive(&mut self) {
        self.published_day = self.published.as_deref().and_then(publication_day);
    }
}

/// The calendar day a `published` value names, in the time zone it was written in.
fn publication_day(s: &str) -> Option<f64> {
    let date_part = s.get(..10)?;
    let date: jiff::civil::Date = date_part.parse().ok()?;
    if s.len() > 10 {
        s.parse::<jiff::Timestamp>().ok()?;
    }
    crate::value::date::day_number(date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// What the YAML parser makes of `yaml` as a version's front matter, and whether it found a
    /// problem.
    fn parsed(yaml: &str) -> (Option<VersionMeta>, bool) {
        let text = format!("---\n{yaml}---\n");
        let range = 4..4 + yaml.len();
        let mut problems = Problems::default();
        let meta = parse_with_parser(&text, range, FileId(0), Path::new("v.txt"), &mut problems);
        (meta, !problems.0.is_empty())
    }

    #[test]
    fn plain_lines_are_read_without_the_parser_and_as_it_reads_them() {
        let yaml = "outlet: \"Press Wire\"\nurl: https://www.press-wire.example/news/1\n\
                    published: 2024-01-01T06:15:00+00:00\r\nretrieved: 2024-01-02\n\n\
                    byline: Press Association\ntitle: 'Arrests: three held'\n";
        let meta = plain(yaml).expect("plain lines");
        assert_eq!(meta.outlet, "Press Wire");
        assert_eq!(meta.title.as_deref(), Some("Arrests: three held"));
        assert!(meta.published_day.is_some());
        assert_eq!(parsed(yaml), (Some(meta), false));
        // Near misses, left to the parser: a comment, an unknown key, a number, a key twice,
        // an escape, indentation, a date that is not one.
        for yaml in [
            "outlet: BBC # News\n",
            "outlet: BBC\nsection: UK\n",
            "outlet: 2014\n",
            "outlet: BBC\noutlet: ITV\n",
            "outlet: \"BBC\\tNews\"\n",
            "outlet: BBC\n  News\n",
            "outlet: BBC\npublished: 6 May 2014\n",
            "outlet: - BBC\n",
            "outlet: yes\n",
        ] {
            assert_eq!(plain(yaml), None, "{yaml:?}");
        }
    }

    /// Front-matter lines, mostly well-formed, with the characters and shapes YAML treats
    /// specially mixed in.
    fn line() -> impl Strategy<Value = String> {
        let known = prop::sample::select(KEYS.to_vec());
        let odd = prop::sample::select(vec!["section", " outlet", "outlet ", "# outlet", "Outlet"]);
        let key = prop_oneof![8 => known, 1 => odd];
        let colon = prop_oneof![
            8 => Just(": "),
            1 => prop::sample::select(vec![":  ", ":", " : ", ":\t"]),
        ];
        let wild = r#"[-a-zA-Z0-9 :#'"\\.,\[\]{}&*!|>%@`?~+_/\u{a0}\u{2028}\u{feff}é\t]{0,14}"#;
        let value = prop_oneof![
            6 => r"[a-zA-Z][a-zA-Z0-9 .,/'é\u{a0}:#-]{0,12}",
            2 => r#""[a-zA-Z :#'.\\]{0,10}""#,
            2 => r#"'[a-zA-Z :#".]{0,10}'"#,
            3 => wild,
            1 => prop::sample::select(vec![
                "2014-05-06", "2014-05-06T05:07:00+01:00", "2014-13-40", "true", "1e3", "0x1F", "~",
            ])
            .prop_map(str::to_string),
        ];
        let ending = prop_oneof![
            8 => Just("\n"),
            1 => prop::sample::select(vec!["\r\n", " \n", "\n\n", "\n  "]),
        ];
        (key, colon, value, ending).prop_map(|(k, c, v, e)| format!("{k}{c}{v}{e}"))
    }

    proptest! {
        // About one case in six is taken by the fast reading.
        #![proptest_config(ProptestConfig::with_cases(2048))]

        /// Whatever front matter the fast reading takes, the parser reads the same, without a
        /// problem.
        #[test]
        fn the_fast_reading_agrees_with_the_parser(lines in prop::collection::vec(line(), 1..5)) {
            let yaml = lines.concat();
            if let Some(meta) = plain(&yaml) {
                prop_assert_eq!(parsed(&yaml), (Some(meta), false), "{:?}", yaml);
            }
        }
    }
}
