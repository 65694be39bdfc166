//! The phrase table: every cue of every slot and every alias of every lexicon term of a story,
//! compiled together into one trie over normalised words, so one scan of a sentence finds them
//! all, whatever their number.
//!
//! Words are compared after folding case and inflection (Snowball stemming: `breach` matches
//! "breaches" and "breached"), with abbreviation dots and hyphens ignored ("Det. Ch. Insp.",
//! "rank-and-file"); line breaks are whitespace like any other. Aliases written in capitals
//! (`PC`, `DCI`) only match in capitals, since "pc" and "dci" are not the same words.

use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use rust_stemmers::{Algorithm, Stemmer};

use crate::claims::Lexicon;
use crate::text::token::{Token, tokenize};
use crate::value::Term;

/// A cue found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CueHit {
    /// Index into [`PhraseTable::cues`].
    pub cue: usize,
    /// Token indices covered.
    pub tokens: Range<usize>,
}

/// A lexicon term found in text, with any modifiers before it.
#[derive(Clone, Debug, PartialEq)]
pub struct TermHit {
    pub lexicon: usize,
    pub term: Term,
    pub tokens: Range<usize>,
}

/// A cue phrase and the slots it serves.
#[derive(Clone, Debug)]
pub struct CueEntry {
    pub phrase: String,
    pub slots: Vec<usize>,
}

#[derive(Clone, Debug)]
struct TermEntry {
    lexicon: usize,
    term: Arc<str>,
    /// For each word of the alias: the exact spelling required, when the alias wrote it in
    /// capitals (or the term is matched as spelt).
    exact: Vec<Option<String>>,
    /// A form of address before a name, not a statement of role.
    honorific: bool,
}

#[derive(Clone, Debug, Default)]
struct Node {
    cues: Vec<usize>,
    terms: Vec<usize>,
}

#[derive(Debug, Default)]
pub struct PhraseTable {
    pub cues: Vec<CueEntry>,
    terms: Vec<TermEntry>,
    lexicons: Vec<Arc<Lexicon>>,
    symbols: FxHashMap<String, u32>,
    nodes: Vec<Node>,
    edges: FxHashMap<(u32, u32), u32>,
    longest: usize,
}

/// Per-thread memory of how each distinct word form normalises: stemming every token again
/// would dominate the scan, and a corpus repeats its words.
#[derive(Debug, Default)]
pub struct WordCache {
    forms: FxHashMap<String, Option<u32>>,
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// How many distinct word forms each thread remembers before starting afresh: a corpus's
/// vocabulary fits many times over, and the bound keeps memory flat on any input.
const REMEMBERED_FORMS: usize = 1 << 18;

thread_local! {
    static FORMS: std::cell::RefCell<FxHashMap<Box<str>, Box<str>>> =
        std::cell::RefCell::new(FxHashMap::default());
}

/// [`normalise`], remembered per thread across articles and stories: stemming dominated the
/// scan when every story's table stemmed its words afresh.
fn with_normalised<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    FORMS.with(|forms| {
        let mut forms = forms.borrow_mut();
        if let Some(form) = forms.get(word) {
            return f(form);
        }
        if forms.len() >= REMEMBERED_FORMS {
            forms.clear();
        }
        let form: Box<str> = normalise(word).into();
        let result = f(&form);
        forms.insert(word.into(), form);
        result
    })
}

/// The form a word is compared in: lower case, without a possessive, stemmed.
pub fn normalise(word: &str) -> String {
    // Snowball leaves "DCIs" and "PCSOs" alone; acronyms pluralise with a bare lower-case s.
    let word = match word.strip_suffix('s') {
        Some(acronym) if is_capitalised_alias_word(acronym) => acronym,
        _ => word,
    };
    let lower = word.to_lowercase().replace('’', "'").replace('\u{ad}', "");
    let bare = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix('\''))
        .unwrap_or(&lower);
    stemmer().stem(bare).into_owned()
}

fn is_capitalised_alias_word(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// Alias words matched only as spelt: acronyms in capitals ("PC", "DCI") and capitalised
/// abbreviations of up to three letters ("Pc"), which in lower case are other words.
pub fn is_case_sensitive_alias_word(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    is_capitalised_alias_word(word)
        || ((2..=3).contains(&letters) && word.chars().next().is_some_and(char::is_uppercase))
}

/// Words of a phrase or sentence as the matcher sees them: word and number tokens, with glued
/// dots and hyphens skipped; any other punctuation is a wall no phrase crosses (`None`).
fn word_stream(text: &str, tokens: &[Token], range: Range<usize>) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(range.len());
    for i in range {
        let t = &tokens[i];
        if t.is_punct() {
            let glue = matches!(t.text(text), "." | "-" | "‐" | "‑" | "'" | "’");
            if !glue {
                out.push(None);
            }
            continue;
        }
        out.push(Some(i));
    }
    out
}

impl PhraseTable {
    /// Compiles cues (phrase, slot) and the terms of `lexicons` into one table.
    pub fn new<'a>(
        cues: impl IntoIterator<Item = (&'a str, usize)>,
        lexicons: &[Arc<Lexicon>],
    ) -> PhraseTable {
        let mut table = PhraseTable {
            nodes: vec![Node::default()],
            lexicons: lexicons.to_vec(),
            ..PhraseTable::default()
        };
        for (phrase, slot) in cues {
            let Some(node) = table.insert(phrase) else {
                continue;
            };
            match table.nodes[node].cues.first() {
                Some(&cue) => {
                    if !table.cues[cue].slots.contains(&slot) {
                        table.cues[cue].slots.push(slot);
                    }
                }
                None => {
                    table.nodes[node].cues.push(table.cues.len());
                    table.cues.push(CueEntry {
                        phrase: phrase.to_string(),
                        slots: vec![slot],
                    });
                }
            }
        }
        for (l, lexicon) in lexicons.iter().enumerate() {
            for term in &lexicon.terms {
                for alias in &term.aliases {
                    let Some(node) = table.insert(alias) else {
                        continue;
                    };
                    let exact = alias
                        .split(|c: char| c.is_whitespace() || c == '.' || c == '-')
                        .filter(|w| !w.is_empty())
                        .map(|w| {
                            (term.exact_case || is_case_sensitive_alias_word(w))
                                .then(|| w.to_string())
                        })
                        .collect();
                    table.nodes[node].terms.push(table.terms.len());
                    table.terms.push(TermEntry {
                        lexicon: l,
                        term: term.id.clone(),
                        exact,
                        honorific: term.honorific,
                    });
                }
            }
        }
        table
    }

    fn symbol(&mut self, word: &str) -> u32 {
        let next = u32::try_from(self.symbols.len()).unwrap_or(u32::MAX);
        let form = with_normalised(word, str::to_string);
        *self.symbols.entry(form).or_insert(next)
    }

    /// Adds a phrase's path to the trie, returning its end node; `None` for a phrase with no
    /// words.
    fn insert(&mut self, phrase: &str) -> Option<usize> {
        let tokens = tokenize(phrase, 0..phrase.len());
        let words: Vec<&str> = word_stream(phrase, &tokens, 0..tokens.len())
            .into_iter()
            .flatten()
            .map(|i| tokens[i].text(phrase))
            .collect();
        if words.is_empty() {
            return None;
        }
        self.longest = self.longest.max(words.len());
        let mut node = 0u32;
        for word in words {
            let symbol = self.symbol(word);
            let next = u32::try_from(self.nodes.len()).unwrap_or(u32::MAX);
            node = *self.edges.entry((node, symbol)).or_insert_with(|| next);
            if node == next {
                self.nodes.push(Node::default());
            }
        }
        Some(node as usize)
    }

    fn lookup(&self, word: &str, cache: &mut WordCache) -> Option<u32> {
        if let Some(found) = cache.forms.get(word) {
            return *found;
        }
        let found = with_normalised(word, |form| self.symbols.get(form).copied());
        cache.forms.insert(word.to_string(), found);
        found
    }

    /// Finds cues and terms in `tokens[range]`: at each position the longest phrase wins, cues
    /// and terms independently (a cue may overlap a term).
    pub fn scan(
        &self,
        text: &str,
        tokens: &[Token],
        range: Range<usize>,
        cache: &mut WordCache,
    ) -> (Vec<CueHit>, Vec<TermHit>) {
        let stream = word_stream(text, tokens, range);
        let symbols: Vec<Option<u32>> = stream
            .iter()
            .map(|w| w.and_then(|i| self.lookup(tokens[i].text(text), cache)))
            .collect();
        let mut cue_hits = Vec::new();
        let mut term_hits = Vec::new();
        let (mut cue_free_from, mut term_free_from) = (0, 0);
        for start in 0..stream.len() {
            let mut node = 0u32;
            let (mut best_cue, mut best_term) = (None, None);
            for (offset, symbol) in symbols[start..].iter().take(self.longest).enumerate() {
                let Some(symbol) = symbol else { break };
                let Some(&next) = self.edges.get(&(node, *symbol)) else {
                    break;
                };
                node = next;
                let data = &self.nodes[node as usize];
                let end = start + offset + 1;
                if let Some(&cue) = data.cues.first() {
                    best_cue = Some((cue, end));
                }
                if let Some(term) = data
                    .terms
                    .iter()
                    .copied()
                    .find(|&t| self.exact_case_holds(t, text, tokens, &stream[start..end]))
                {
                    best_term = Some((term, end));
                }
            }
            let token_range = |end: usize| {
                let first = stream[start].unwrap_or(0);
                let last = stream[end - 1].unwrap_or(first);
                first..last + 1
            };
            if let Some((cue, end)) = best_cue.filter(|_| start >= cue_free_from) {
                cue_hits.push(CueHit {
                    cue,
                    tokens: token_range(end),
                });
                cue_free_from = end;
            }
            // "Cllr Sarah Pryce": an honorific before a name addresses her; it states no role.
            let addressing = |term: usize, end: usize| {
                self.terms[term].honorific
                    && stream.get(end).copied().flatten().is_some_and(|i| {
                        tokens[i]
                            .text(text)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                    })
            };
            if let Some((term, end)) =
                best_term.filter(|&(t, e)| start >= term_free_from && !addressing(t, e))
            {
                term_hits.push(self.term_hit(term, text, tokens, &stream, start, token_range(end)));
                term_free_from = end;
            }
        }
        (cue_hits, term_hits)
    }

    fn exact_case_holds(
        &self,
        term: usize,
        text: &str,
        tokens: &[Token],
        words: &[Option<usize>],
    ) -> bool {
        let entry = &self.terms[term];
        entry.exact.len() == words.len()
            && entry
                .exact
                .iter()
                .zip(words)
                .all(|(exact, w)| match (exact, w) {
                    (Some(spelling), Some(i)) => {
                        // Plurals and possessives of acronyms keep their capitals: "DCIs", "PC's".
                        let word = tokens[*i].text(text);
                        word.strip_prefix(spelling.as_str())
                            .is_some_and(|rest| matches!(rest, "" | "s" | "'s" | "’s"))
                    }
                    _ => true,
                })
    }

    /// Builds the term value, extending it leftwards over the lexicon's modifiers.
    fn term_hit(
        &self,
        term: usize,
        text: &str,
        tokens: &[Token],
        stream: &[Option<usize>],
        start: usize,
        range: Range<usize>,
    ) -> TermHit {
        let entry = &self.terms[term];
        let lexicon = &self.lexicons[entry.lexicon];
        let mut modifiers = Vec::new();
        let mut first = range.start;
        for w in stream[..start].iter().rev() {
            let Some(i) = *w else { break };
            let word = tokens[i].text(text).to_lowercase();
            if let Some((_, canonical)) =
                lexicon.distinct_modifiers.iter().find(|(w, _)| *w == word)
            {
                modifiers.insert(0, Arc::from(canonical.as_str()));
            } else if !lexicon.ignored_modifiers.contains(&word) {
                break;
            }
            first = i;
        }
        TermHit {
            lexicon: entry.lexicon,
            term: Term {
                kind: lexicon.kind.clone(),
                id: entry.term.clone(),
                modifiers,
            },
            tokens: first..range.end,
        }
    }

    /// The term a whole phrase names (a claim's literal such as "detective chief inspector" or
    /// "DCI"), if it names exactly one.
    pub fn term_of(&self, phrase: &str) -> Option<Term> {
        let tokens = tokenize(phrase, 0..phrase.len());
        let words = tokens.iter().filter(|t| !t.is_punct()).count();
        let (_, terms) = self.scan(phrase, &tokens, 0..tokens.len(), &mut WordCache::default());
        match terms.as_slice() {
            [hit]
                if tokens[hit.tokens.clone()]
                    .iter()
                    .filter(|t| !t.is_punct())
                    .count()
                    == words =>
            {
                Some(hit.term.clone())
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::LexiconTerm;
    use crate::source::{FileId, Span};

    fn ranks() -> Arc<Lexicon> {
        let term = |id: &str, aliases: &[&str]| LexiconTerm {
            id: Arc::from(id),
            aliases: std::iter::once(id)
                .chain(aliases.iter().copied())
                .map(String::from)
                .collect(),
            site: Span::new(FileId(0), 0..0),
            exact_case: false,
            honorific: id == "councillor",
        };
        Arc::new(Lexicon {
            name: "uk-police-ranks".into(),
            kind: "rank".into(),
            terms: vec![
                term("detective chief inspector", &["DCI", "Det Ch Insp"]),
                term("chief constable", &["CC"]),
                term("constable", &["PC", "police constable"]),
                term("special constable", &[]),
                term("councillor", &["Cllr"]),
            ],
            distinct_modifiers: vec![
                ("detective".into(), "detective".into()),
                ("det".into(), "detective".into()),
            ],
            ignored_modifiers: vec!["acting".into(), "former".into()],
        })
    }

    /// (phrase or term, the text it covers), for cues and for terms.
    type Found = Vec<(String, String)>;

    fn scan(table: &PhraseTable, text: &str) -> (Found, Found) {
        let tokens = tokenize(text, 0..text.len());
        let (cues, terms) = table.scan(text, &tokens, 0..tokens.len(), &mut WordCache::default());
        let cover = |r: &Range<usize>| {
            text[tokens[r.start].start as usize..tokens[r.end - 1].end as usize].to_string()
        };
        (
            cues.iter()
                .map(|c| (table.cues[c.cue].phrase.clone(), cover(&c.tokens)))
                .collect(),
            terms
                .iter()
                .map(|t| (t.term.identity(), cover(&t.tokens)))
                .collect(),
        )
    }

    #[test]
    fn cues_match_inflections_and_line_breaks() {
        let table = PhraseTable::new(
            [("breach", 0), ("formal action", 1), ("formal action", 2)],
            &[],
        );
        let (cues, _) = scan(
            &table,
            "Officers breached rules; 300 breaches got formal\nactions.",
        );
        assert_eq!(
            cues,
            [
                ("breach".to_string(), "breached".to_string()),
                ("breach".to_string(), "breaches".to_string()),
                ("formal action".to_string(), "formal\nactions".to_string()),
            ]
        );
        assert_eq!(table.cues[1].slots, [1, 2]);
    }

    #[test]
    fn punctuation_other_than_dots_and_hyphens_breaks_a_phrase() {
        let table = PhraseTable::new([("formal action", 0), ("rank and file", 1)], &[]);
        let (cues, _) = scan(
            &table,
            "It was formal, action followed; rank-and-file officers.",
        );
        assert_eq!(
            cues,
            [("rank and file".to_string(), "rank-and-file".to_string())]
        );
    }

    #[test]
    fn terms_match_longest_alias_first_with_abbreviations() {
        let table = PhraseTable::new([], &[ranks()]);
        let (_, terms) = scan(
            &table,
            "Det. Ch. Insp. April Casburn and a special constable and a police constable",
        );
        assert_eq!(
            terms,
            [
                (
                    "detective chief inspector".to_string(),
                    "Det. Ch. Insp".to_string()
                ),
                (
                    "special constable".to_string(),
                    "special constable".to_string()
                ),
                ("constable".to_string(), "police constable".to_string()),
            ]
        );
    }

    #[test]
    fn distinct_modifiers_make_a_different_term_and_ignored_ones_do_not() {
        let table = PhraseTable::new([], &[ranks()]);
        let (_, terms) = scan(
            &table,
            "a detective chief constable, the former chief constable, Det CC Smith",
        );
        assert_eq!(
            terms,
            [
                (
                    "detective chief constable".to_string(),
                    "detective chief constable".to_string()
                ),
                (
                    "chief constable".to_string(),
                    "former chief constable".to_string()
                ),
                (
                    "detective chief constable".to_string(),
                    "Det CC".to_string()
                ),
            ]
        );
    }

    #[test]
    fn soft_and_non_breaking_hyphens_are_invisible_to_matching() {
        let table = PhraseTable::new([("minimum term", 0), ("two week", 1)], &[]);
        let (cues, _) = scan(&table, "a mini\u{ad}mum term after a two\u{2011}week trial");
        assert_eq!(cues.len(), 2, "{cues:?}");
    }

    #[test]
    fn an_honorific_before_a_name_states_no_role() {
        let table = PhraseTable::new([], &[ranks()]);
        assert!(
            scan(&table, "Council leader Cllr Sarah Pryce said")
                .1
                .is_empty()
        );
        assert_eq!(scan(&table, "Sarah Pryce, a councillor, said").1.len(), 1);
    }

    #[test]
    fn capitalised_aliases_only_match_in_capitals() {
        let table = PhraseTable::new([], &[ranks()]);
        assert_eq!(scan(&table, "PC Smith").1.len(), 1);
        assert!(scan(&table, "a new pc arrived").1.is_empty());
        assert_eq!(scan(&table, "DCIs said").1.len(), 1);
    }

    #[test]
    fn a_whole_phrase_names_a_term_or_nothing() {
        let table = PhraseTable::new([], &[ranks()]);
        assert_eq!(
            table.term_of("DCI").map(|t| t.identity()),
            Some("detective chief inspector".into())
        );
        assert_eq!(
            table
                .term_of("detective chief constable")
                .map(|t| t.identity()),
            Some("detective chief constable".into())
        );
        assert_eq!(table.term_of("chief constable Smith"), None);
        assert_eq!(table.term_of("sergeant"), None);
    }
}
