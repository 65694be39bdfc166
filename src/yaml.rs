//! YAML with positions, for claim files, lexicons, front matter, the project config and baselines.
//!
//! serde_yaml reads the values (and refuses alias bombs); serde_yaml keeps no positions, so a
//! second pass over saphyr-parser's events records where every key and value sits, keyed by its
//! path in the document. Diagnostics then point at the exact key or value a user must fix. This
//! is the only module that knows either crate: swapping serde_yaml for a fork happens here.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde_yaml::Value;

use crate::codes::Code;
use crate::problem::{Problem, Problems};
use crate::source::{FileId, FileTable, Span};

/// One step into a document: a mapping key or a sequence index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Where a node sits in the text, as byte ranges.
#[derive(Clone, Debug, Default)]
struct Place {
    key: Option<Range<usize>>,
    value: Range<usize>,
    /// The scalar's text maps one to one onto the file (plain or quoted without escapes, on one
    /// line), so an offset inside the value is an offset inside the file.
    verbatim_from: Option<usize>,
}

/// A problem with the YAML itself, before any meaning is read into it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    pub span: Range<usize>,
    /// For duplicate keys: where the key was first defined.
    pub first: Option<Range<usize>>,
}

/// A parsed YAML document with the position of every node.
#[derive(Debug)]
pub struct Document {
    root: Value,
    places: Places,
    /// The bytes of the text's first character: where a node no event placed points.
    first_char: Range<usize>,
}

/// Nesting beyond this is refused: no claim file needs it, and the walk stays shallow.
const MAX_DEPTH: usize = 64;

impl Document {
    /// Parses `text`; an error's span is never empty, so it can be drawn even at the end of the
    /// file.
    pub fn parse(text: &str) -> Result<Document, YamlError> {
        Document::parse_inner(text).map_err(|mut e| {
            e.span = visible(text, e.span);
            e
        })
    }

    fn parse_inner(text: &str) -> Result<Document, YamlError> {
        let (places, flat) = index_places(text)?;
        let root = match flat {
            // Every version's front matter is such a mapping; serde_yaml would parse it a second
            // time, at a cost that dominated re-checking a large corpus.
            Some(entries) => Value::Mapping(
                entries
                    .into_iter()
                    .map(|(k, v)| (Value::String(k), Value::String(v)))
                    .collect(),
            ),
            None => Document::parse_values(text)?,
        };
        Ok(Document {
            root,
            places,
            first_char: 0..text.chars().next().map_or(0, char::len_utf8),
        })
    }

    /// The document's values as serde_yaml reads them (it refuses alias bombs).
    fn parse_values(text: &str) -> Result<Value, YamlError> {
        match serde_yaml::from_str::<Value>(text) {
            Ok(root) => Ok(root),
            Err(e) => {
                let at = e
                    .location()
                    .map(|l| offset_of_line_col(text, l.line(), l.column()))
                    .unwrap_or(0);
                Err(YamlError {
                    message: clean_message(&e.to_string()),
                    span: at..at,
                    first: None,
                })
            }
        }
    }

    pub fn root(&self) -> Node<'_> {
        Node {
            doc: self,
            value: &self.root,
            path: Vec::new(),
        }
    }
}

/// A one-character span for an empty one: the character at it, or the last one before it at
/// the end of the text (skipping the final line break).
fn visible(text: &str, span: Range<usize>) -> Range<usize> {
    if !span.is_empty() {
        return span;
    }
    let at = span.start.min(text.len());
    match text[at..].chars().next().filter(|c| *c != '\n') {
        Some(c) => at..at + c.len_utf8(),
        None => match text[..at].trim_end().char_indices().last() {
            Some((i, c)) => i..i + c.len_utf8(),
            None => at..at,
        },
    }
}

/// serde_yaml appends "at line L column C" to its messages; the diagnostic shows the position
/// itself, so the words are dropped.
fn clean_message(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn offset_of_line_col(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = text.get(line_start..).unwrap_or("");
    line_start
        + rest
            .chars()
            .take(column.saturating_sub(1))
            .map(char::len_utf8)
            .sum::<usize>()
}

/// A node of the document: its value, and where it is.
#[derive(Clone, Debug)]
pub struct Node<'d> {
    doc: &'d Document,
    value: &'d Value,
    path: Vec<Step>,
}

impl<'d> Node<'d> {
    pub fn value(&self) -> &'d Value {
        self.value
    }

    fn place(&self) -> Option<&'d Place> {
        self.doc.places.get(&self.path)
    }

    /// The value's bytes in the file; for a node the index could not place (an alias, a merge),
    /// the nearest placed ancestor's, or failing that the first character's.
    pub fn span(&self) -> Range<usize> {
        let mut path = self.path.clone();
        loop {
            if let Some(place) = self.doc.places.get(&path) {
                return place.value.clone();
            }
            if path.pop().is_none() {
                return self.doc.first_char.clone();
            }
        }
    }

    /// The key's bytes, for a mapping entry; the value's otherwise.
    pub fn key_span(&self) -> Range<usize> {
        self.place()
            .and_then(|p| p.key.clone())
            .unwrap_or_else(|| self.span())
    }

    /// The file offset of byte `i` of this scalar's string, when the scalar is written verbatim;
    /// otherwise the scalar's start.
    pub fn offset_in_scalar(&self, i: usize) -> usize {
        match self.place().and_then(|p| p.verbatim_from) {
            Some(start) => start + i,
            None => self.span().start,
        }
    }

    pub fn as_str(&self) -> Option<&'d str> {
        self.value.as_str()
    }

    pub fn is_null(&self) -> bool {
        self.value.is_null()
    }

    /// The entries of a mapping whose keys are strings (others are reported by `describe`).
    pub fn entries(&self) -> Vec<(String, Node<'d>)> {
        let Some(map) = self.value.as_mapping() else {
            return Vec::new();
        };
        map.iter()
            .map(|(k, v)| {
                let key = scalar_text(k);
                let mut path = self.path.clone();
                path.push(Step::Key(key.clone()));
                (
                    key,
                    Node {
                        doc: self.doc,
                        value: v,
                        path,
                    },
                )
            })
            .collect()
    }

    pub fn get(&self, key: &str) -> Option<Node<'d>> {
        self.entries()
            .into_iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    pub fn items(&self) -> Vec<Node<'d>> {
        let Some(seq) = self.value.as_sequence() else {
            return Vec::new();
        };
        seq.iter()
            .enumerate()
            .map(|(i, v)| {
                let mut path = self.path.clone();
                path.push(Step::Index(i));
                Node {
                    doc: self.doc,
                    value: v,
                    path,
                }
            })
            .collect()
    }

    pub fn is_mapping(&self) -> bool {
        self.value.is_mapping()
    }

    pub fn is_sequence(&self) -> bool {
        self.value.is_sequence()
    }

    /// What the value is, for messages: "a list", "a mapping", "a number".
    pub fn describe(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::String(_) => "text",
            Value::Sequence(_) => "a list",
            Value::Mapping(_) => "a mapping",
            Value::Tagged(_) => "a tagged value",
        }
    }

    /// Scalars as text: claim files write `breaches: 300` as readily as `breaches: "300"`.
    pub fn scalar(&self) -> Option<String> {
        match self.value {
            Value::String(s) => Some(s.clone()),
            Value::Number(_) | Value::Bool(_) => Some(scalar_text(self.value)),
            _ => None,
        }
    }
}

fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "~".to_string(),
        _ => String::new(),
    }
}

enum Frame {
    Mapping {
        next_key: Option<(String, Range<usize>)>,
        seen: HashMap<String, Range<usize>>,
    },
    Sequence {
        next: usize,
    },
}

/// The entries of a document that is one mapping of text keys to text values, with no anchors,
/// tags or scalars YAML would read as anything but text.
type FlatMapping = Vec<(String, String)>;

/// Where every node of a document sits, by its path.
type Places = HashMap<Vec<Step>, Place>;

/// Walks the event stream once, recording the place of every node under its path, and the
/// entries when the document is a [`FlatMapping`]. Duplicate keys are an error here, with both
/// places, because serde_yaml only reports the mapping.
fn index_places(text: &str) -> Result<(Places, Option<FlatMapping>), YamlError> {
    let bytes_at = char_to_byte_table(text);
    let to_bytes = |i: usize| bytes_at.get(i).copied().unwrap_or(text.len());
    let mut places = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut path: Vec<Step> = Vec::new();
    let mut parser = Parser::new_from_str(text);
    let mut flat: Option<FlatMapping> = Some(Vec::new());
    let mut flat_key: Option<String> = None;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| {
            let at = to_bytes(e.marker().index());
            let message = if e.info().contains("recursion limit") {
                format!("nested more than {MAX_DEPTH} levels deep")
            } else {
                e.info().to_string()
            };
            YamlError {
                message,
                span: at..at,
                first: None,
            }
        })?;
        let range = to_bytes(span.start.index())..to_bytes(span.end.index());
        flat = flat.and_then(|mut entries| {
            match &event {
                Event::StreamStart | Event::StreamEnd | Event::DocumentStart(_) => {}
                Event::DocumentEnd | Event::MappingEnd if stack.len() <= 1 => {}
                Event::MappingStart(0, None) if stack.is_empty() && entries.is_empty() => {}
                Event::Scalar(value, style, 0, None)
                    if stack.len() == 1 && reads_as_text(value, *style) =>
                {
                    match flat_key.take() {
                        None => flat_key = Some(value.to_string()),
                        Some(key) => entries.push((key, value.to_string())),
                    }
                }
                _ => return None,
            }
            Some(entries)
        });
        match event {
            Event::Scalar(value, style, _, _) => {
                // A scalar in key position of a mapping is a key, not a node.
                if let Some(Frame::Mapping { next_key, seen }) = stack.last_mut() {
                    if next_key.is_none() {
                        let key = value.to_string();
                        if let Some(first) = seen.get(&key) {
                            return Err(YamlError {
                                message: format!("duplicate key `{key}`"),
                                span: range,
                                first: Some(first.clone()),
                            });
                        }
                        seen.insert(key.clone(), range.clone());
                        *next_key = Some((key, range));
                        continue;
                    }
                }
                let verbatim_from = verbatim_start(text, &range, &value, style);
                let key = enter(&mut stack, &mut path);
                places.insert(
                    path.clone(),
                    Place {
                        key,
                        value: range,
                        verbatim_from,
                    },
                );
                leave(&mut path);
            }
            Event::Alias(_) => {
                if key_position(&stack) {
                    continue;
                }
                let key = enter(&mut stack, &mut path);
                places.insert(
                    path.clone(),
                    Place {
                        key,
                        value: range,
                        verbatim_from: None,
                    },
                );
                leave(&mut path);
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if key_position(&stack) {
                    return Err(YamlError {
                        message: "a key must be plain text, not a list or mapping".into(),
                        span: range,
                        first: None,
                    });
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(YamlError {
                        message: format!("nested more than {MAX_DEPTH} levels deep"),
                        span: range,
                        first: None,
                    });
                }
                let key = enter(&mut stack, &mut path);
                places.insert(
                    path.clone(),
                    Place {
                        key,
                        value: range,
                        verbatim_from: None,
                    },
                );
                stack.push(if matches!(event, Event::MappingStart(..)) {
                    Frame::Mapping {
                        next_key: None,
                        seen: HashMap::new(),
                    }
                } else {
                    Frame::Sequence { next: 0 }
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                if let Some(place) = places.get_mut(&path) {
                    place.value.end = place.value.end.max(range.end);
                }
                leave(&mut path);
            }
            Event::DocumentStart(_) if !places.is_empty() => {
                return Err(YamlError {
                    message: "a second YAML document in one file".into(),
                    span: range,
                    first: None,
                });
            }
            _ => {}
        }
    }
    // A root that is not a mapping (an empty document, a lone scalar) is not flat.
    let flat = flat.filter(|_| places.contains_key(&Vec::new()));
    Ok((places, flat))
}

/// Whether serde_yaml would read this scalar as a string. Conservative: a plain scalar that
/// might be a null, a boolean or a number (in any notation YAML 1.1 or 1.2 allows) is left to
/// serde_yaml, which then decides.
pub(crate) fn reads_as_text(value: &str, style: ScalarStyle) -> bool {
    if style != ScalarStyle::Plain {
        return true;
    }
    let lower = value.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    let special = matches!(
        lower.as_str(),
        "" | "~" | "null" | "true" | "false" | "yes" | "no" | "y" | "n" | "on" | "off"
    );
    let numeric = value.parse::<f64>().is_ok()
        || unsigned.starts_with('.')
        || unsigned.starts_with("0x")
        || unsigned.starts_with("0o")
        || unsigned.starts_with("0b")
        || unsigned.starts_with("inf")
        || unsigned.starts_with("nan")
        || (value.contains('_') && value.chars().all(|c| "0123456789_+-.eE".contains(c)));
    !special && !numeric
}

fn key_position(stack: &[Frame]) -> bool {
    matches!(stack.last(), Some(Frame::Mapping { next_key: None, .. }))
}

/// Pushes the step for the node that starts now, returning its key's place when it is a mapping
/// value.
fn enter(stack: &mut [Frame], path: &mut Vec<Step>) -> Option<Range<usize>> {
    match stack.last_mut() {
        Some(Frame::Mapping { next_key, .. }) => {
            let (key, key_range) = next_key.take()?;
            path.push(Step::Key(key));
            Some(key_range)
        }
        Some(Frame::Sequence { next }) => {
            path.push(Step::Index(*next));
            *next += 1;
            None
        }
        None => None,
    }
}

fn leave(path: &mut Vec<Step>) {
    path.pop();
}

fn verbatim_start(
    text: &str,
    range: &Range<usize>,
    value: &str,
    style: ScalarStyle,
) -> Option<usize> {
    let raw = text.get(range.clone())?;
    let inner_start = match style {
        ScalarStyle::Plain => range.start,
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => range.start + 1,
        _ => return None,
    };
    let inner = match style {
        ScalarStyle::Plain => raw,
        _ => raw.get(1..raw.len().saturating_sub(1))?,
    };
    (inner == value).then_some(inner_start)
}

fn char_to_byte_table(text: &str) -> Vec<usize> {
    let mut table: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    table.push(text.len());
    table
}

/// The codes a YAML file's own problems are filed under: claim files, config and baselines
/// each have theirs.
#[derive(Clone, Copy, Debug)]
pub struct FileCodes {
    /// Unreadable, not UTF-8, or not YAML.
    pub syntax: Code,
    /// A key given twice in one mapping.
    pub duplicate: Code,
}

/// Reads a YAML file into the file table and parses it; `None` after reporting why it cannot
/// be used, with a label at the place in the file.
pub fn read_file(
    path: &Path,
    codes: FileCodes,
    files: &mut FileTable,
    problems: &mut Problems,
) -> Option<(FileId, Document)> {
    add_read(path, read_text(path, codes), codes, files, problems)
}

/// A YAML file read and parsed, not yet in a file table: the part of [`read_file`] that needs
/// nothing shared, so that many files can be read in parallel.
#[derive(Debug)]
pub struct Read {
    text: String,
    parsed: Result<Document, YamlError>,
}

impl Read {
    fn parse(text: String) -> Read {
        Read {
            parsed: Document::parse(&text),
            text,
        }
    }
}

/// Reads and parses a YAML file; the problem if it cannot be read or is not UTF-8.
pub fn read_text(path: &Path, codes: FileCodes) -> Result<Read, Problem> {
    match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(text)) => Ok(Read::parse(text)),
        Ok(Err(e)) => Err(Problem::error(
            codes.syntax.name(),
            path,
            format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        )),
        Err(e) => Err(Problem::error(
            codes.syntax.name(),
            path,
            format!("cannot read: {e}"),
        )),
    }
}

/// [`read_file`] for text already in memory: adds it to the table under `path` and parses it.
pub fn parse_file(
    path: &Path,
    text: String,
    codes: FileCodes,
    files: &mut FileTable,
    problems: &mut Problems,
) -> Option<(FileId, Document)> {
    add_read(path, Ok(Read::parse(text)), codes, files, problems)
}

/// Adds a file read by [`read_text`] to the table, reporting why it cannot be used if it could
/// not be read or did not parse.
pub fn add_read(
    path: &Path,
    read: Result<Read, Problem>,
    codes: FileCodes,
    files: &mut FileTable,
    problems: &mut Problems,
) -> Option<(FileId, Document)> {
    let read = match read {
        Ok(read) => read,
        Err(problem) => {
            problems.push(problem);
            return None;
        }
    };
    let file = files.add(path, read.text);
    match read.parsed {
        Ok(doc) => Some((file, doc)),
        Err(e) => {
            let mut problem = Problem::error(codes.syntax.name(), path, e.message.clone())
                .label(Span::new(file, e.span.clone()), "here");
            if let Some(first) = e.first {
                problem = Problem {
                    code: codes.duplicate.name(),
                    ..problem
                }
                .label(Span::new(file, first), "first defined here");
            }
            problems.push(problem);
            None
        }
    }
}

/// Reports every key of `node` not in `allowed` under `code`, suggesting the nearest valid one:
/// a misspelt key (`neer:`, `fail-on:`) would otherwise be silently ignored.
pub fn reject_unknown_keys(
    node: &Node<'_>,
    allowed: &[&str],
    what: &str,
    code: Code,
    path: &Path,
    file: FileId,
    problems: &mut Problems,
) {
    for (key, value) in node.entries() {
        if !allowed.contains(&key.as_str()) {
            problems.push(
                Problem::error(code.name(), path, format!("unknown {what} `{key}`"))
                    .label(Span::new(file, value.key_span()), "unknown key")
                    .help(crate::suggest::help_for(&key, allowed)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLAIMS: &str = "story: x\nslots:\n  most senior: { kind: rank, near: [\"P C A\", b] }\nclaims:\n  - breaches = 300\n  - id: q\n    claim: \"rank = ’r\"\n";

    fn slice(text: &str, r: Range<usize>) -> &str {
        &text[r]
    }

    #[test]
    fn keys_and_values_have_their_places() {
        let doc = Document::parse(CLAIMS).unwrap();
        let root = doc.root();
        let slot = root.get("slots").unwrap().get("most senior").unwrap();
        assert_eq!(slice(CLAIMS, slot.key_span()), "most senior");
        let kind = slot.get("kind").unwrap();
        assert_eq!(slice(CLAIMS, kind.span()), "rank");
        let near = slot.get("near").unwrap().items();
        assert_eq!(slice(CLAIMS, near[0].span()), "\"P C A\"");
        assert_eq!(slice(CLAIMS, near[1].span()), "b");
    }

    #[test]
    fn offsets_inside_verbatim_scalars_map_to_the_file() {
        let doc = Document::parse(CLAIMS).unwrap();
        let claims = doc.root().get("claims").unwrap().items();
        let plain = &claims[0];
        assert_eq!(
            &CLAIMS[plain.offset_in_scalar(11)..plain.offset_in_scalar(14)],
            "300"
        );
        let quoted = claims[1].get("claim").unwrap();
        let at = quoted.offset_in_scalar(7);
        assert_eq!(&CLAIMS[at..at + 3], "’");
    }

    #[test]
    fn duplicate_keys_point_at_both_definitions() {
        let text = "slots:\n  a: 1\n  b: 2\n  a: 3\n";
        let err = Document::parse(text).unwrap_err();
        assert_eq!(err.message, "duplicate key `a`");
        assert_eq!(err.span, 23..24);
        assert_eq!(err.first, Some(9..10));
    }

    #[test]
    fn an_unplaced_root_points_at_the_whole_first_character() {
        // Found by the front_matter fuzz target: saphyr reads both byte-order marks as marks and
        // places no node, serde_yaml reads the second as text; the root's span was 0..1, inside
        // the three bytes of U+FEFF.
        let doc = Document::parse("\u{feff}\u{feff}\n").unwrap();
        assert_eq!(doc.root().span(), 0..3);
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let err = Document::parse("a: [1, 2\nb: c").unwrap_err();
        assert!(err.span.start > 0, "{err:?}");
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut text = String::from("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for (name, prev) in [
            ("b", "a"),
            ("c", "b"),
            ("d", "c"),
            ("e", "d"),
            ("f", "e"),
            ("g", "f"),
        ] {
            text.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{prev}"); 9].join(",")
            ));
        }
        assert!(Document::parse(&text).is_err());
    }

    #[test]
    fn front_matter_is_read_without_serde_yaml_when_flat() {
        let text =
            "outlet: BBC News\nurl: 'https://bbc.com/x'\npublished: 2014-05-06T05:07:00+01:00\n";
        let (_, flat) = index_places(text).unwrap();
        assert_eq!(flat.map(|e| e.len()), Some(3));
        let doc = Document::parse(text).unwrap();
        assert_eq!(doc.root, Document::parse_values(text).unwrap());
        // Numbers, booleans, nulls, anchors and nesting are serde_yaml's to read.
        for text in [
            "a: 1\n",
            "a: yes\n",
            "a:\n",
            "a: &x b\n",
            "a: [b]\n",
            "1: b\n",
            "a: 1_000\n",
        ] {
            assert!(index_places(text).unwrap().1.is_none(), "{text}");
        }
    }

    proptest::proptest! {
        /// The flat reading of a mapping is exactly serde_yaml's.
        #[test]
        fn flat_mappings_read_as_serde_yaml_reads_them(
            entries in proptest::collection::vec(
                ("[a-z][a-z_ ]{0,6}", "[-+.~0-9a-zA-Z:_ '\"#|>&*!%@,\\[\\]{}]{0,14}"),
                0..5,
            )
        ) {
            let text: String = entries.iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
            let Ok((_, Some(_))) = index_places(&text) else {
                return Ok(());
            };
            let doc = Document::parse(&text);
            let values = Document::parse_values(&text);
            proptest::prop_assert!(values.is_ok(), "{text:?}: serde_yaml refuses it: {values:?}");
            proptest::prop_assert_eq!(doc.map(|d| d.root).ok(), values.ok(), "{:?}", text);
        }
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let err = Document::parse(&text).unwrap_err();
        assert!(err.message.contains("nested"), "{err:?}");
    }
}
