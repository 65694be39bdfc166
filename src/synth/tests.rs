//! Template sanity: cues that cannot leak into other sentences, and a story that prints.

use rust_stemmers::{Algorithm, Stemmer};

use super::quote::{self, QuoteEdit};
use super::templates::TYPES;

fn stems(text: &str) -> Vec<String> {
    let stemmer = Stemmer::create(Algorithm::English);
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| stemmer.stem(&w.to_lowercase()).into_owned())
        .collect()
}

fn contains(haystack: &[String], needle: &[String]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn no_cue_appears_in_another_sentence_of_its_story_type() {
    let edits = [
        None,
        Some(QuoteEdit::Drop),
        Some(QuoteEdit::Change),
        Some(QuoteEdit::Insert),
        Some(QuoteEdit::Bracket),
        Some(QuoteEdit::Censor),
    ];
    let mut leaks = Vec::new();
    for ty in &TYPES {
        for (f, fact) in ty.facts.iter().enumerate() {
            let mut others: Vec<String> = Vec::new();
            others.extend(ty.leads.iter().map(|s| s.to_string()));
            others.extend(ty.background.iter().map(|s| s.to_string()));
            others.extend(ty.facts[1 - f].phrasings.iter().map(|(_, s)| s.to_string()));
            for q in ty.official_quotes.iter().chain(ty.witness_quotes) {
                for edit in edits {
                    others.push(quote::render(q, edit.map(|e| (e, ty.bracket))).0);
                }
            }
            for (cue, _) in &fact.phrasings {
                let cue_stems = stems(cue);
                for other in &others {
                    if contains(&stems(other), &cue_stems) {
                        leaks.push(format!("{}: cue `{cue}` in “{other}”", ty.key));
                    }
                }
            }
            for (cue, phrasing) in &fact.phrasings {
                assert!(
                    contains(&stems(phrasing), &stems(cue)),
                    "{}: phrasing “{phrasing}” lacks its cue `{cue}`",
                    ty.key
                );
            }
        }
    }
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
}

#[test]
fn every_quote_sentence_takes_the_substantive_edits() {
    let mut missing = Vec::new();
    for ty in &TYPES {
        for q in ty.official_quotes.iter().chain(ty.witness_quotes) {
            for edit in [QuoteEdit::Drop, QuoteEdit::Change, QuoteEdit::Insert] {
                if !edit.applies(q) {
                    missing.push(format!("{}: {edit:?} does not apply to “{q}”", ty.key));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
