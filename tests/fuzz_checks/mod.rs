//! What each fuzz target feeds its input through and the invariants it holds it to, shared by
//! the fuzz targets (`fuzz/fuzz_targets/`, which include this file) and by
//! `tests/fuzz_regressions.rs`, which replays the inputs they found without the fuzzer. Every
//! check panics when an invariant breaks; an input that does not apply (not UTF-8 where text
//! is needed) passes.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

use wirecheck::claims;
use wirecheck::corpus::front_matter;
use wirecheck::extract::values::{self, Context, ValueMention};
use wirecheck::finding::Label;
use wirecheck::lang::{self, Expr, ExprKind, Rhs};
use wirecheck::problem::{Problem, Problems};
use wirecheck::render;
use wirecheck::report::{Draft, DraftText, Inputs, Report};
use wirecheck::source::{FileTable, Span};
use wirecheck::text::token::{Token, tokenize};
use wirecheck::value::{Interval, Value};

/// The story the pipeline target adds its article to.
pub const STORY: &str = "met-police-data-breaches";

/// `range` lies within `text` and both ends fall on character boundaries.
#[track_caller]
fn assert_in(text: &str, range: std::ops::Range<usize>, what: &str) {
    assert!(
        range.start <= range.end
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end),
        "{what}: {range:?} is not a range of whole characters in a text of {} bytes",
        text.len()
    );
}

/// `span` points into a file of `files`, within its text, on character boundaries.
#[track_caller]
fn assert_span(files: &FileTable, span: Span, what: &str) {
    assert!(
        (span.file.0 as usize) < files.len(),
        "{what}: file {:?} is not in the table",
        span.file
    );
    assert_in(&files.get(span.file).text(), span.range(), what);
}

fn assert_problems(files: &FileTable, problems: &[Problem]) {
    for problem in problems {
        assert!(!problem.message.is_empty(), "a problem without a message");
        for label in &problem.labels {
            assert_span(files, label.span, &problem.message);
        }
    }
}

/// Renders the problems as the CLI does when it stops on broken inputs, in the terminal and
/// JSON forms, which slice the file text around every label.
fn render_problems(files: FileTable, problems: Vec<Problem>) {
    let report = Report::problems_only(files, problems);
    let options = render::human::HumanOptions {
        color: false,
        width: 100,
    };
    render::human::render_problems(&report, options);
    let json = render::json::render(&report);
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON report is JSON");
}

/// A number an interval may have as a bound: never NaN, and ordered.
#[track_caller]
fn assert_interval(range: &Interval, what: &dyn std::fmt::Debug) {
    assert!(
        !range.lo.is_nan() && !range.hi.is_nan() && range.lo <= range.hi,
        "{what:?}: interval {range:?}"
    );
}

fn assert_value(value: &Value) {
    if let Some(range) = value.range() {
        assert_interval(range, value);
    }
    if let Value::DateRange { start, end } = value {
        assert_interval(start, value);
        assert_interval(end, value);
    }
}

// ---------------------------------------------------------------------------------------------
// expr

fn expr_spans(input: &str, e: &Expr) {
    assert_in(input, e.span.clone(), "expression span");
    match &e.kind {
        ExprKind::Atom(words) => assert!(!words.is_empty(), "an empty atom at {:?}", e.span),
        ExprKind::Quoted(text) => assert!(!text.contains('"'), "a quote inside a quoted literal"),
        ExprKind::Binary { lhs, rhs, .. } => {
            expr_spans(input, lhs);
            expr_spans(input, rhs);
        }
        ExprKind::Range { lo, hi } => {
            expr_spans(input, lo);
            expr_spans(input, hi);
        }
    }
}

/// The claim-expression parser: a parsed claim prints to text that parses to the same tree,
/// and that text is a fixed point of printing; every span, the error's included, is a range of
/// whole characters of the input.
pub fn expr(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    match lang::parse_claim(input) {
        Ok(claim) => {
            expr_spans(input, &claim.lhs);
            assert_in(input, claim.relation_span.clone(), "relation span");
            match &claim.rhs {
                Rhs::Consensus { span } => assert_in(input, span.clone(), "consensus span"),
                Rhs::Expr(e) => expr_spans(input, e),
            }
            if let Some(tolerance) = &claim.tolerance {
                assert_in(input, tolerance.span.clone(), "tolerance span");
                assert!(
                    tolerance.amount.is_finite() && tolerance.amount >= 0.0,
                    "tolerance {tolerance:?}"
                );
            }
            let printed = claim.to_string();
            let again = lang::parse_claim(&printed).unwrap_or_else(|e| {
                panic!("{input:?} prints as {printed:?}, which does not parse: {e:?}")
            });
            assert_eq!(
                again.strip_spans(),
                claim.strip_spans(),
                "{input:?} prints as {printed:?}, which parses to another tree"
            );
            assert_eq!(again.to_string(), printed, "printing is not a fixed point");
        }
        Err(e) => {
            assert_in(input, e.span.clone(), "error span");
            assert!(!e.message.is_empty(), "an error without a message");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// claim_file

/// The claim-file loader on a file's text, shown as the bundled story's claim file with the
/// bundled lexicons beside it: every problem's label and every site of the claim set lies within
/// its file, and the problems render.
pub fn claim_file(data: &[u8], root: &Path) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let claims_dir = root.join("claims");
    let path = claims_dir.join(format!("{STORY}.yaml"));
    let mut files = FileTable::default();
    let mut problems = Problems::default();
    let set = claims::load_text(
        &path,
        text.to_string(),
        &claims_dir,
        &mut files,
        &mut problems,
    );
    assert_problems(&files, &problems.0);
    if let Some(set) = &set {
        assert!(!problems.has_errors(), "a claim set despite errors");
        for slot in &set.slots {
            assert_span(&files, slot.site, "slot site");
            for cue in &slot.cues {
                assert_span(&files, cue.site, "cue site");
            }
        }
        for claim in &set.claims {
            assert_span(&files, claim.site, "claim site");
            let examples = claim.examples.matching.iter();
            for example in examples.chain(&claim.examples.not_matching) {
                assert_span(&files, example.site, "example site");
            }
        }
    } else {
        assert!(
            problems.has_errors(),
            "no claim set and no error to say why"
        );
    }
    render_problems(files, problems.0);
}

// ---------------------------------------------------------------------------------------------
// front_matter

/// Front-matter splitting and parsing: the block and the body start lie within the text, and
/// every problem points into the block.
pub fn front_matter(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some((yaml, body)) = front_matter::split(text) else {
        return;
    };
    assert_in(text, yaml.clone(), "front-matter block");
    assert_in(text, yaml.end..body, "front-matter close");
    let mut files = FileTable::default();
    let file = files.add("corpus/story/000-fuzz.txt", text);
    let mut problems = Problems::default();
    let meta = front_matter::parse(
        text,
        yaml.clone(),
        file,
        Path::new("corpus/story/000-fuzz.txt"),
        &mut problems,
    );
    assert_problems(&files, &problems.0);
    for label in problems.0.iter().flat_map(|p| &p.labels) {
        assert!(
            yaml.start <= label.span.start as usize && label.span.end as usize <= yaml.end,
            "a label outside the front matter: {:?} not in {yaml:?}",
            label.span
        );
    }
    match meta {
        Some(meta) => {
            assert!(!problems.has_errors(), "metadata despite errors");
            assert!(meta.published_day.is_none_or(f64::is_finite), "{meta:?}");
            assert_eq!(meta.published.is_some(), meta.published_day.is_some());
        }
        None => assert!(problems.has_errors(), "no metadata and no error to say why"),
    }
    render_problems(files, problems.0);
}

// ---------------------------------------------------------------------------------------------
// values

fn assert_tokens(text: &str, range: std::ops::Range<usize>, tokens: &[Token]) {
    let mut last = range.start;
    for t in tokens {
        assert!(t.start < t.end, "empty token {t:?}");
        assert!(
            t.start as usize >= last,
            "tokens overlap or are out of order: {t:?}"
        );
        assert!(t.end as usize <= range.end, "token {t:?} past {range:?}");
        assert_in(text, t.range(), "token");
        last = t.end as usize;
    }
}

fn assert_mentions(text: &str, tokens: &[Token], mentions: &[ValueMention]) {
    let mut last_end = 0;
    for m in mentions {
        assert!(
            m.tokens.start >= last_end
                && m.tokens.start < m.tokens.end
                && m.tokens.end <= tokens.len(),
            "{text:?}: mention tokens {:?} after {last_end}, of {}",
            m.tokens,
            tokens.len()
        );
        let bytes = tokens[m.tokens.start].start as usize..tokens[m.tokens.end - 1].end as usize;
        assert_in(text, bytes, "mention");
        if let Some(h) = &m.head {
            assert!(
                h.start < h.end && h.end <= tokens.len(),
                "{text:?}: head {h:?} of {}",
                tokens.len()
            );
        }
        assert_value(&m.value);
        m.alternatives.iter().for_each(assert_value);
        last_end = m.tokens.end;
    }
}

/// The number and date normalisers on one sentence: tokens are in order and within the text,
/// mentions are in order, disjoint and within the tokens, and every interval is ordered and
/// never NaN; the same for the whole text read as a claim literal.
pub fn values(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The second half alone too: offsets are then relative to the whole text, as in an article.
    let mut mid = text.len() / 2;
    while !text.is_char_boundary(mid) {
        mid -= 1;
    }
    for range in [0..text.len(), mid..text.len()] {
        let tokens = tokenize(text, range.clone());
        assert_tokens(text, range, &tokens);
        for ctx in [
            Context::default(),
            Context {
                published: Some(16196.0),
                month_first: true,
            },
        ] {
            let mentions = values::recognise(text, &tokens, &ctx);
            assert_mentions(text, &tokens, &mentions);
        }
    }
    for ctx in [
        Context::default(),
        Context {
            published: Some(16196.0),
            month_first: false,
        },
    ] {
        if let Some((value, _)) = values::parse_literal(text, &ctx) {
            assert_value(&value);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// pipeline

/// The bundled project with one more version of its story, written on each run.
#[derive(Debug)]
pub struct Pipeline {
    corpus: PathBuf,
    claims: PathBuf,
    article: PathBuf,
}

impl Pipeline {
    /// Copies the bundled corpus from `root` into `work` (created if needed); the claims are
    /// read where they are.
    pub fn new(root: &Path, work: &Path) -> Pipeline {
        let story = work.join("corpus").join(STORY);
        fs::create_dir_all(&story).unwrap();
        for entry in fs::read_dir(root.join("corpus").join(STORY)).unwrap() {
            let from = entry.unwrap().path();
            fs::copy(&from, story.join(from.file_name().unwrap())).unwrap();
        }
        Pipeline {
            corpus: work.join("corpus"),
            claims: root.join("claims"),
            article: story.join("999-fuzz.txt"),
        }
    }

    /// The whole check of the story with `data` as one more published version: no panic,
    /// every span of every finding, mention and problem within its file, and the reports render
    /// (JSON that parses, terminal diagnostics).
    pub fn check_version(&self, data: &[u8]) {
        fs::write(&self.article, data).unwrap();
        let report = Report::build(&self.inputs(None));
        fs::remove_file(&self.article).unwrap();
        assert_report(&report);
    }

    /// [`Pipeline::check_version`] with `data` as a draft of the story (`check --draft -`).
    pub fn check_draft(&self, data: &[u8]) {
        let draft = Draft {
            story: STORY.to_string(),
            text: DraftText::Given {
                name: PathBuf::from("<stdin>"),
                bytes: data.to_vec(),
            },
        };
        assert_report(&Report::build(&self.inputs(Some(draft))));
    }

    fn inputs(&self, draft: Option<Draft>) -> Inputs {
        Inputs {
            corpus: self.corpus.clone(),
            claims: self.claims.clone(),
            stories: Vec::new(),
            cache: None,
            draft,
        }
    }
}

fn assert_label(files: &FileTable, label: &Label) {
    assert_span(files, label.span, &label.message);
}

fn assert_report(report: &Report) {
    let files = &report.files;
    assert_problems(files, &report.problems);
    for story in &report.stories {
        let details = story.details().unwrap();
        assert!(
            details
                .graph
                .fits(story.story.versions.len(), story.claims.claims.len())
        );
        for mention in details.mentions.iter().flatten() {
            for span in [mention.span, mention.cue, mention.sentence] {
                assert_span(files, span, "mention");
            }
            for rival in &mention.rivals {
                assert_span(files, rival.span, "rival");
            }
            assert_value(&mention.value);
        }
        for finding in &story.findings {
            assert_label(files, &finding.primary);
            finding
                .secondary
                .iter()
                .for_each(|l| assert_label(files, l));
            for related in &finding.related {
                assert_label(files, &related.label);
            }
            if let Some(claim) = &finding.claim {
                assert_span(files, claim.site, "claim site");
            }
            for op in finding.quote.iter().flat_map(|q| &q.ops) {
                if let Some(span) = op.span {
                    assert_span(files, span, "quote op");
                }
            }
        }
    }
    let json = render::json::render(report);
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON report is JSON");
    let options = render::human::HumanOptions {
        color: false,
        width: 100,
    };
    render::human::render(report, options);
}
