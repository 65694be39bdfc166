//! Quote sentences with edit marks (see [`super::templates`]): printing them as the wire has
//! them, or with one planted change.

/// A change to one quote sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteEdit {
    /// An unmarked word dropped (`~word`): substantive.
    Drop,
    /// A word changed (`word^alt`): substantive.
    Change,
    /// "really" inserted (before `*word`): substantive.
    Insert,
    /// An editor's expansion in brackets after `@word`: marked, a note.
    Bracket,
    /// "bloody" starred out: censorship, a note.
    Censor,
}

impl QuoteEdit {
    pub fn mark(self) -> &'static str {
        match self {
            QuoteEdit::Drop => "~",
            QuoteEdit::Change => "^",
            QuoteEdit::Insert => "*",
            QuoteEdit::Bracket => "@",
            QuoteEdit::Censor => "bloody",
        }
    }

    /// Whether a marked sentence allows this edit.
    pub fn applies(self, sentence: &str) -> bool {
        sentence.split(' ').any(|token| match self {
            QuoteEdit::Change => token.contains('^'),
            // Dropping a sentence's last word reads as a cut at the end: an excerpt.
            QuoteEdit::Drop => token.starts_with('~') && !ends_sentence(token),
            QuoteEdit::Censor => split_punct(&plain(token)).0 == "bloody",
            _ => token.starts_with(self.mark()) || token.starts_with(&format!("~{}", self.mark())),
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            QuoteEdit::Drop => "quote word dropped",
            QuoteEdit::Change => "quote word changed",
            QuoteEdit::Insert => "quote word inserted",
            QuoteEdit::Bracket => "bracketed insertion",
            QuoteEdit::Censor => "censorship",
        }
    }
}

fn ends_sentence(token: &str) -> bool {
    token.ends_with(['.', '!', '?'])
}

/// (marked word, trailing punctuation).
fn split_punct(token: &str) -> (&str, &str) {
    let core = token.trim_end_matches(['.', ',', '!', '?', ';', ':']);
    (core, &token[core.len()..])
}

/// A token without its marks, as the wire prints it.
fn plain(token: &str) -> String {
    let (core, punct) = split_punct(token);
    let core = core.trim_start_matches(['~', '*', '@']);
    let word = core.split('^').next().unwrap_or(core);
    format!("{word}{punct}")
}

/// The alternative of a `word^alt` token, with the token's punctuation.
fn alternative(token: &str) -> Option<String> {
    let (core, punct) = split_punct(token);
    core.split('^').nth(1).map(|alt| format!("{alt}{punct}"))
}

/// Prints a marked sentence, applying `edit` to its first eligible token. Returns the text and
/// a description of what changed ("dropped “deeply”").
pub fn render(sentence: &str, edit: Option<(QuoteEdit, &str)>) -> (String, String) {
    let mut words: Vec<String> = Vec::new();
    let mut done = String::new();
    for token in sentence.split(' ') {
        let word = plain(token);
        let todo = done.is_empty();
        match edit {
            Some((QuoteEdit::Drop, _))
                if todo && token.starts_with('~') && !ends_sentence(token) =>
            {
                done = format!("dropped “{word}”");
                continue;
            }
            Some((QuoteEdit::Change, _)) if todo && token.contains('^') => {
                let alt = alternative(token).unwrap_or_else(|| word.clone());
                done = format!("“{word}” changed to “{alt}”");
                words.push(alt);
                continue;
            }
            Some((QuoteEdit::Insert, _))
                if todo && token.trim_start_matches('~').starts_with('*') =>
            {
                let extra = if sentence.contains("really") {
                    "truly"
                } else {
                    "really"
                };
                done = format!("inserted “{extra}”");
                words.push(extra.to_string());
            }
            Some((QuoteEdit::Bracket, bracket)) if todo && token.starts_with('@') => {
                done = format!("inserted “[{bracket}]”");
                words.push(format!("{word} [{bracket}]"));
                continue;
            }
            Some((QuoteEdit::Censor, _)) if todo && split_punct(&word).0 == "bloody" => {
                done = "“bloody” starred out".to_string();
                words.push(word.replace("bloody", "b****y"));
                continue;
            }
            _ => {}
        }
        words.push(word);
    }
    (words.join(" "), done)
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: &str = "@We are ~deeply shocked^saddened that we *exist.";

    #[test]
    fn prints_and_edits() {
        assert_eq!(render(S, None).0, "We are deeply shocked that we exist.");
        assert_eq!(
            render(S, Some((QuoteEdit::Drop, ""))).0,
            "We are shocked that we exist."
        );
        assert_eq!(
            render(S, Some((QuoteEdit::Change, ""))).0,
            "We are deeply saddened that we exist."
        );
        assert_eq!(
            render(S, Some((QuoteEdit::Insert, ""))).0,
            "We are deeply shocked that we really exist."
        );
        assert_eq!(
            render(S, Some((QuoteEdit::Bracket, "the trust"))).0,
            "We [the trust] are deeply shocked that we exist."
        );
        assert!(QuoteEdit::Drop.applies(S) && !QuoteEdit::Censor.applies(S));
        assert_eq!(
            render("a ~bloody mess.", Some((QuoteEdit::Censor, ""))).0,
            "a b****y mess."
        );
    }
}
