//! Who an attribution phrase names: a person ("Former shadow home secretary David Davis", "Ms
//! Carr"), an organisation or its spokesperson ("the Met", "A spokesman for the force"), a
//! description of someone already named ("The Tory MP for Haltemprice and Howden"), or a
//! pronoun. Only the shape of the phrase is used — capitals, titles, prepositions — so it works
//! for names it has never seen.

use std::ops::Range;

use crate::text::is_any;
use crate::text::token::Token;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Named {
    /// "he", "she": the last person named.
    Pronoun(Pronoun),
    Person {
        /// The name as written, without titles: "David Davis", "Carr".
        name: String,
        /// What the phrase says they are: "Former shadow home secretary".
        role: Option<String>,
    },
    /// An organisation, a group or a spokesperson: "the Met", "A Met spokesman", "Residents".
    Body { name: String },
    /// A definite description that may refer back to someone named: "the spokesman", "The Tory
    /// MP for Haltemprice and Howden".
    Description { name: String, head: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    Person,
    Body,
}

/// Words of a role, besides the [`TITLES`]: a capitalised role word or title ends a name read
/// from the right ("Home Secretary David Davis" names David Davis); see [`is_role_word`].
const ROLE_WORDS: &[&str] = &[
    "baroness",
    "baron",
    "reverend",
    "father",
    "sister",
    "bishop",
    "archbishop",
    "cardinal",
    "rabbi",
    "imam",
    "justice",
    "mayor",
    "secretary",
    "minister",
    "chancellor",
    "president",
    "vice",
    "deputy",
    "chief",
    "executive",
    "director",
    "officer",
    "inspector",
    "ch",
    "superintendent",
    "sergeant",
    "constable",
    "commissioner",
    "commander",
    "assistant",
    "general",
    "colonel",
    "major",
    "lieutenant",
    "admiral",
    "senator",
    "rep",
    "representative",
    "governor",
    "prime",
    "home",
    "foreign",
    "shadow",
    "leader",
    "chair",
    "chairman",
    "chairwoman",
    "speaker",
    "king",
    "queen",
    "prince",
    "princess",
    "duke",
    "duchess",
    "pope",
    "mp",
    "mep",
    "msp",
    "qc",
    "kc",
    "labour",
    "tory",
    "conservative",
    "liberal",
    "democrat",
    "democratic",
    "republican",
    "former",
    "manager",
    "head",
    "headteacher",
    "detective",
    "attorney",
    "solicitor",
    "barrister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "health",
    "education",
    "transport",
];

/// Titles that make the next word a person's name even alone.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "cllr",
    "councillor",
    "rev",
    "judge",
    "det",
    "insp",
    "supt",
    "sgt",
    "pc",
    "dc",
    "ds",
    "di",
    "dci",
    "dcs",
    "capt",
    "captain",
    "gen",
    "col",
    "maj",
    "lt",
    "sen",
    "gov",
    "coach",
];

/// A name's last word that makes it an organisation's: "Network Rail", "Big Brother Watch".
const BODY_WORDS: &[&str] = &[
    "rail",
    "railway",
    "railways",
    "airways",
    "airlines",
    "council",
    "police",
    "constabulary",
    "service",
    "services",
    "office",
    "department",
    "ministry",
    "agency",
    "authority",
    "trust",
    "board",
    "commission",
    "committee",
    "group",
    "watch",
    "association",
    "union",
    "federation",
    "institute",
    "university",
    "college",
    "school",
    "hospital",
    "foundation",
    "society",
    "club",
    "united",
    "city",
    "rovers",
    "county",
    "company",
    "corporation",
    "ltd",
    "limited",
    "plc",
    "inc",
    "bank",
    "court",
    "government",
    "parliament",
    "party",
    "yard",
    "met",
    "news",
    "times",
    "network",
    "partnership",
    "centre",
    "center",
    "charity",
    "fund",
    "council's",
    "nhs",
    "ambulance",
    "brigade",
    "fire",
    "rescue",
    "executive",
    "cabinet",
    "assembly",
    "senate",
    "congress",
    "press",
    "media",
    "team",
    "fc",
];

/// Words that join a phrase to a place or body it belongs to: a capitalised run after them is
/// that place ("The Tory MP for *Haltemprice and Howden*"), not the speaker's name.
const LINKS: &[&str] = &[
    "for", "of", "in", "at", "from", "and", "with", "to", "on", "by", "&",
];

/// Lower-case words inside names: "Ursula von der Leyen", "Carlos de la Torre".
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "bin", "al", "del", "dos",
];

/// Nouns for people, so that "the former minister" may refer back to the person last named.
const PERSON_NOUNS: &[&str] = &[
    "mp",
    "mep",
    "msp",
    "minister",
    "secretary",
    "director",
    "officer",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "executive",
    "professor",
    "councillor",
    "mayor",
    "president",
    "chancellor",
    "commissioner",
    "inspector",
    "superintendent",
    "constable",
    "sergeant",
    "detective",
    "judge",
    "lawyer",
    "barrister",
    "solicitor",
    "prosecutor",
    "manager",
    "captain",
    "coach",
    "striker",
    "player",
    "doctor",
    "surgeon",
    "nurse",
    "scientist",
    "researcher",
    "author",
    "lecturer",
    "teacher",
    "headteacher",
    "governor",
    "senator",
    "politician",
    "campaigner",
    "resident",
    "witness",
    "mother",
    "father",
    "victim",
    "owner",
    "driver",
    "man",
    "woman",
    "boss",
    "founder",
    "head",
    "expert",
    "economist",
    "analyst",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "MP",
    "deputy",
    "veteran",
    "actor",
    "singer",
    "star",
    "chef",
    "pilot",
    "farmer",
    "landlord",
    "landlady",
    "student",
    "pupil",
    "parent",
];

fn is_role_word(word: &str) -> bool {
    is_any(word, TITLES) || is_any(word, ROLE_WORDS)
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// "spokeswoman" and "spokesperson" are one role for matching.
pub fn fold_head(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.starts_with("spokes") {
        "spokesperson".into()
    } else {
        lower
    }
}

/// Reads a phrase (token range) that names a speaker. `sentence_start` says whether it opens
/// its sentence, where every word is capitalised.
pub fn read(
    text: &str,
    tokens: &[Token],
    phrase: Range<usize>,
    sentence_start: bool,
) -> Option<Named> {
    let words: Vec<usize> = phrase
        .clone()
        .filter(|&i| !tokens[i].is_punct() || is_name_joiner(text, tokens, i))
        .collect();
    let first_word = words.iter().position(|&i| !tokens[i].is_punct())?;
    let word = |i: usize| tokens[i].text(text);
    if let [only] = words[first_word..] {
        match word(only).to_lowercase().as_str() {
            "he" | "she" => return Some(Named::Pronoun(Pronoun::Person)),
            "they" | "it" => return Some(Named::Pronoun(Pronoun::Body)),
            "i" | "we" | "you" | "who" | "which" | "that" | "this" => return None,
            _ => {}
        }
    }
    let written = |r: Range<usize>| -> String {
        if r.is_empty() {
            return String::new();
        }
        squash(&text[tokens[r.start].start as usize..tokens[r.end - 1].end as usize])
    };
    // The name: capitalised words read from the right, up to a role word or a lower-case word.
    let mut run_start = phrase.end;
    let mut k = words.len();
    while k > first_word {
        let i = words[k - 1];
        let w = word(i);
        let joiner = tokens[i].is_punct();
        let name_word = joiner
            || (capitalised(w) && !is_role_word(w) && !is_any(w, PERSON_NOUNS))
            || (is_any(w, PARTICLES) && run_start < phrase.end);
        if !name_word {
            break;
        }
        run_start = i;
        k -= 1;
    }
    // A joiner cannot start a name.
    while run_start < phrase.end && tokens[run_start].is_punct() {
        run_start += 1;
    }
    let before = words[first_word..]
        .iter()
        .copied()
        .filter(|&i| i < run_start)
        .collect::<Vec<_>>();
    let description = written(phrase.start..phrase.end);
    let last_before = before.last().map(|&i| word(i));
    if run_start >= phrase.end || last_before.is_some_and(|w| is_any(w, LINKS)) {
        return Some(describe(text, tokens, &words[first_word..], description));
    }
    let name = written(run_start..phrase.end);
    let name_words: Vec<&str> = (run_start..phrase.end)
        .filter(|&i| !tokens[i].is_punct())
        .map(word)
        .collect();
    let last = name_words.last().copied().unwrap_or_default();
    let acronym = last.chars().count() >= 2 && last.chars().all(|c| c.is_uppercase());
    if last_before.is_some_and(|w| w.eq_ignore_ascii_case("the"))
        || name_words.iter().any(|w| is_any(w, BODY_WORDS))
        || acronym
    {
        return Some(Named::Body { name: description });
    }
    // "Residents said", "Police said": a lone capitalised plural opening the sentence.
    let titled = last_before.is_some_and(|w| is_any(w, TITLES));
    if name_words.len() == 1
        && !titled
        && before.is_empty()
        && sentence_start
        && last.ends_with('s')
    {
        return Some(Named::Body { name: description });
    }
    let role = before
        .iter()
        .map(|&i| word(i))
        .skip_while(|w| is_any(w, &["the", "a", "an"]))
        .filter(|w| !is_any(w, TITLES))
        .collect::<Vec<_>>()
        .join(" ");
    Some(Named::Person {
        name,
        role: (!role.is_empty()).then_some(role),
    })
}

/// A phrase without a name: a definite description may refer back ("the spokesman"), anything
/// else names a body or an unnamed person ("A Met spokesman", "a spokeswoman for the council").
fn describe(text: &str, tokens: &[Token], words: &[usize], description: String) -> Named {
    let word = |i: usize| tokens[i].text(text);
    let definite = words
        .first()
        .is_some_and(|&i| is_any(word(i), &["the", "this", "that"]));
    // The head noun: the last word before the phrase links to something else.
    let head = words
        .iter()
        .map(|&i| word(i))
        .take_while(|w| !is_any(w, LINKS))
        .last()
        .map(fold_head)
        .unwrap_or_default();
    if definite && !head.is_empty() {
        Named::Description {
            name: description,
            head,
        }
    } else {
        Named::Body { name: description }
    }
}

pub fn is_person_noun(head: &str) -> bool {
    is_any(head, PERSON_NOUNS)
}

/// A hyphen or apostrophe glued inside a name: "Smith-Jones", "O'Brien".
fn is_name_joiner(text: &str, tokens: &[Token], i: usize) -> bool {
    matches!(tokens[i].text(text), "-" | "'" | "’")
        && !tokens[i].spaced
        && tokens.get(i + 1).is_some_and(|t| !t.spaced && t.is_word())
}

/// A phrase on one line.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key a person is known by: the surname, lower-cased, without a possessive.
pub fn surname_key(name: &str) -> String {
    let last = name.split_whitespace().last().unwrap_or(name);
    let last = last
        .strip_suffix("'s")
        .or_else(|| last.strip_suffix("’s"))
        .unwrap_or(last);
    last.to_lowercase()
}
