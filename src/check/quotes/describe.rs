//! Quote findings in words: what each change does to the quote, for messages, labels and help.

use super::StoryCheck;
use super::wording::{Run, Wording};
use crate::diff::{Change, Class, Op, QuoteWord};
use crate::extract::quotes::squash;

pub struct Describe<'a> {
    pub wording: &'a Wording,
    pub run: &'a Run<'a>,
}

fn slice(text: &str, words: &[QuoteWord]) -> String {
    match (words.first(), words.last()) {
        (Some(a), Some(b)) => squash(&text[a.range.start..b.range.end]),
        _ => String::new(),
    }
}

impl Describe<'_> {
    pub fn expected_words(&self, change: &Change) -> String {
        slice(
            &self.wording.text,
            &self.wording.words[change.expected.clone()],
        )
    }

    pub fn found_words(&self, change: &Change) -> String {
        slice(self.run.text, &self.run.words[change.found.clone()])
    }

    pub fn found_text(&self) -> String {
        self.run
            .spans
            .iter()
            .map(|r| squash(&self.run.text[r.clone()]))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// What one change does, as a verb phrase: `drops “police”`.
    fn does(&self, change: &Change) -> String {
        let (e, f) = (self.expected_words(change), self.found_words(change));
        match (change.class, change.op) {
            (Some(Class::Censorship), _) if f.contains('*') => format!("censors “{e}” as “{f}”"),
            (Some(Class::Censorship), _) => format!("spells out “{e}” as “{f}”"),
            (Some(Class::Typo), _) => format!("prints “{f}” for “{e}”"),
            (Some(Class::Elision), _) => format!("cuts “{e}”, marked “{f}”"),
            (Some(Class::Bracketed), Op::Insert) => format!("adds “{f}” in brackets"),
            (Some(Class::Bracketed), _) => format!("puts “{f}” in brackets for “{e}”"),
            (_, Op::Delete) => format!("drops “{e}”"),
            (_, Op::Insert) => format!("adds “{f}”"),
            _ => format!("has “{f}” for “{e}”"),
        }
    }

    /// A label under the change in the article.
    pub fn label(&self, change: &Change) -> String {
        let (e, f) = (self.expected_words(change), self.found_words(change));
        match (change.class, change.op) {
            (Some(Class::Substantive), Op::Delete) => format!("“{e}” dropped here"),
            (Some(Class::Substantive), Op::Insert) => "added inside the quote marks".into(),
            (Some(Class::Substantive), _) => format!("the quote says “{e}”"),
            (Some(Class::Elision), _) => format!("marks the cut of “{e}”"),
            (Some(Class::Bracketed), _) => "an editor's insertion, marked".into(),
            (Some(Class::Censorship), _) if f.contains('*') => format!("censored “{e}”"),
            (Some(Class::Censorship), _) => format!("censored elsewhere as “{e}”"),
            (Some(Class::Typo), _) => format!("a typo for “{e}”"),
            _ => String::new(),
        }
    }

    pub fn message(&self, outlet: &str, shown: &[&Change], whose: &str) -> String {
        let phrases: Vec<String> = shown.iter().map(|c| self.does(c)).collect();
        match phrases.as_slice() {
            [] => format!("{outlet} quotes {whose} words as others do"),
            [one] => format!("{outlet} {one} in {whose} quote"),
            _ if phrases.len() <= 3 => {
                format!("{outlet} alters {whose} quote: {}", and_list(&phrases))
            }
            _ => format!(
                "{outlet} makes {} changes to {whose} quote: {}, …",
                phrases.len(),
                phrases[..2].join(", ")
            ),
        }
    }

    /// Where the wording the version is held to comes from.
    pub fn established(
        &self,
        ctx: &StoryCheck<'_>,
        claim: Option<usize>,
        speaker: Option<&String>,
    ) -> String {
        let by = speaker.map_or_else(String::new, |s| format!(" of {s}"));
        let w = self.wording;
        let basis = match (w.claim, claim) {
            (Some(c), _) => format!("the claim `{}`", ctx.claims.claims[c].id),
            _ if w.tie_break.is_some() => format!(
                "{} of {} outlets; no wording has a majority, so {}",
                w.outlets,
                w.of,
                w.tie_break.unwrap_or_default()
            ),
            _ => format!("{} of {} outlets print it", w.outlets, w.of),
        };
        format!("established wording{by} ({basis}): “{}”", w.text)
    }
}

fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "David Davis's", "a Met spokesman's", or "a" when no one is named.
pub fn possessive(name: Option<&str>) -> String {
    match name {
        None => "a".into(),
        Some(n) => {
            let n = n
                .strip_prefix("A ")
                .map_or_else(|| n.to_string(), |rest| format!("a {rest}"));
            let n = n
                .strip_prefix("The ")
                .map_or_else(|| n.clone(), |rest| format!("the {rest}"));
            format!("{n}'s")
        }
    }
}

/// "Censorship and typo changes".
pub fn classes(shown: &[&Change]) -> String {
    let mut names: Vec<&str> = shown
        .iter()
        .filter_map(|c| c.class.map(Class::name))
        .collect();
    names.dedup();
    names.sort_unstable();
    names.dedup();
    let list = and_list(&names.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    let mut out = format!("{list} changes");
    if let Some(first) = out.get(0..1) {
        out = first.to_uppercase() + &out[1..];
    }
    out
}
