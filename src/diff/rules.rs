//! Word-level equivalences: when two different words are the same word censored, misspelt,
//! spelt the other side of the Atlantic, or written in another house style.
//!
//! Each rule answers for a pair (or a short run) of words only; deciding what a whole run of
//! the diff is lives in `classify`.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::words::{QuoteWord, WordKind};
use crate::extract::values::words as number_words;

/// Longest word the character-level rules look at. Real words are far shorter; the cap keeps
/// the quadratic matchers cheap on whatever a scrape produces.
const MAX_WORD: usize = 64;

/// `a` and `b` are one word with letters hidden behind asterisks on one side: "n*****s" and
/// "niggers", "f**k" and "fuck", "****" and "shit".
pub(super) fn censors(a: &str, b: &str) -> bool {
    a != b && (hides(a, b) || hides(b, a))
}

/// Each run of `*` in `censored` stands for one or more letters of `plain` (or asterisks, when
/// both are censored differently) and every other character is equal. A word of asterisks
/// only hides a word of three letters or more: shorter words are not what gets censored.
fn hides(censored: &str, plain: &str) -> bool {
    let p: Vec<char> = censored.chars().collect();
    let w: Vec<char> = plain.chars().collect();
    if !p.contains(&'*') || p.len() > MAX_WORD || w.len() > MAX_WORD {
        return false;
    }
    let hideable = |c: char| c.is_alphabetic() || c == '*';
    if p.iter().all(|&c| c == '*') {
        return w.len() >= 3 && w.iter().all(|&c| hideable(c));
    }
    // ok[j]: p[..i] matches w[..j], row by row over i.
    let mut ok = vec![false; w.len() + 1];
    ok[0] = true;
    let mut i = 0;
    while let Some(&c) = p.get(i) {
        let mut next = vec![false; w.len() + 1];
        if c == '*' {
            let run_end = p.iter().skip(i).take_while(|&&d| d == '*').count() + i;
            // One or more hideable characters.
            for j in 0..w.len() {
                if (ok[j] || next[j]) && w.get(j).is_some_and(|&d| hideable(d)) {
                    next[j + 1] = true;
                }
            }
            i = run_end;
        } else {
            for j in 0..w.len() {
                if ok[j] && w.get(j) == Some(&c) {
                    next[j + 1] = true;
                }
            }
            i += 1;
        }
        ok = next;
    }
    ok.last().copied().unwrap_or(false)
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Words that deny: dropping or adding one reverses a quote, so no rule may excuse it as a
/// slip of the keyboard.
pub(super) fn is_negation(key: &str) -> bool {
    let bare: String = key.chars().filter(|&c| c != '\'').collect();
    key.ends_with("n't")
        || matches!(
            bare.as_str(),
            "not"
                | "no"
                | "never"
                | "nor"
                | "neither"
                | "none"
                | "nobody"
                | "nothing"
                | "nowhere"
                | "cannot"
                | "dont"
                | "doesnt"
                | "didnt"
                | "cant"
                | "couldnt"
                | "wont"
                | "wouldnt"
                | "shouldnt"
                | "isnt"
                | "arent"
                | "wasnt"
                | "werent"
                | "hasnt"
                | "havent"
                | "hadnt"
                | "mustnt"
                | "neednt"
                | "aint"
        )
}

pub(super) fn negations<'w>(words: impl IntoIterator<Item = &'w QuoteWord>) -> usize {
    words.into_iter().filter(|w| is_negation(&w.key)).count()
}

/// A slip of the keyboard or a spelling variant between two single words: an apostrophe
/// dropped or added ("its"/"it's"), a British/American spelling, or one Damerau-Levenshtein
/// edit between words of five letters or more that do not share a stem (shared stems are
/// inflections: "officer"/"officers" says something else). Never for numbers, censored words
/// or a negation gained or lost.
pub(super) fn typo(a: &QuoteWord, b: &QuoteWord) -> bool {
    let (x, y) = (a.key.as_str(), b.key.as_str());
    let plain = |k: &str| !k.chars().any(|c| c.is_numeric() || c == '*');
    if a.kind != WordKind::Word || b.kind != WordKind::Word || x == y || !plain(x) || !plain(y) {
        return false;
    }
    if is_negation(x) != is_negation(y) {
        return false;
    }
    let bare = |k: &str| k.chars().filter(|&c| c != '\'').collect::<String>();
    if bare(x) == bare(y) || british_american(x, y) {
        return true;
    }
    let letters = |k: &str| k.chars().filter(|c| c.is_alphabetic()).count();
    letters(x) >= 5
        && letters(y) >= 5
        && x.chars().count().abs_diff(y.chars().count()) <= 1
        && x.len().max(y.len()) <= MAX_WORD
        && strsim::damerau_levenshtein(x, y) == 1
        && stemmer().stem(x) != stemmer().stem(y)
}

/// The same word in British and American spelling: -ise/-ize, -isation/-ization, -yse/-yze,
/// -our/-or, -re/-er after a consonant, -ence/-ense, -ogue/-og, a doubled l before -ed, -ing
/// or -er, ae/oe, and a few words of their own (grey, tyre, programme...).
pub(super) fn british_american(a: &str, b: &str) -> bool {
    a != b && a.chars().count() >= 4 && b.chars().count() >= 4 && american(a) == american(b)
}

/// British word starts and their American forms.
const WORDS: &[(&str, &str)] = &[
    ("grey", "gray"),
    ("tyre", "tire"),
    ("programme", "program"),
    ("cheque", "check"),
    ("mould", "mold"),
    ("sceptic", "skeptic"),
    ("aluminium", "aluminum"),
    ("jewellery", "jewelry"),
    ("kerb", "curb"),
    ("plough", "plow"),
    ("pyjama", "pajama"),
    ("cosy", "cozy"),
];

/// British endings and their American forms, longest first within a family.
const ENDINGS: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("isers", "izers"),
    ("iser", "izer"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("yse", "yze"),
    ("ourites", "orites"),
    ("ourite", "orite"),
    ("ourable", "orable"),
    ("ouring", "oring"),
    ("oured", "ored"),
    ("ourers", "orers"),
    ("ourer", "orer"),
    ("ourful", "orful"),
    ("ours", "ors"),
    ("our", "or"),
    ("ences", "enses"),
    ("ence", "ense"),
    ("ogues", "ogs"),
    ("ogue", "og"),
    ("elling", "eling"),
    ("elled", "eled"),
    ("ellers", "elers"),
    ("eller", "eler"),
    ("allings", "alings"),
    ("alling", "aling"),
    ("alled", "aled"),
];

/// A spelling with British conventions rewritten the American way; other words unchanged.
fn american(word: &str) -> String {
    let mut w = word.to_string();
    for (british, us) in WORDS {
        if let Some(rest) = w.strip_prefix(british) {
            w = format!("{us}{rest}");
            break;
        }
    }
    // An ending needs two letters before it, so "four", "your" and "fence" keep theirs.
    for (british, us) in ENDINGS {
        if let Some(stem) = w.strip_suffix(british)
            && stem.chars().count() >= 2
        {
            w = format!("{stem}{us}");
            break;
        }
    }
    // "-re" after a consonant: centre, fibre, litre, manoeuvre (not "here", "more", "sure").
    for (british, us) in [("res", "ers"), ("re", "er")] {
        if let Some(stem) = w.strip_suffix(british)
            && stem.chars().count() >= 3
            && stem.ends_with(|c: char| c.is_alphabetic() && !"aeiouy".contains(c))
        {
            w = format!("{stem}{us}");
            break;
        }
    }
    if w.chars().count() >= 6 {
        w = w.replace("ae", "e").replace("oe", "e");
    }
    w
}

/// The ordinals to twentieth, indexed by value.
const ORDINALS: [&str; 21] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

fn position(table: &[&str], key: &str) -> Option<usize> {
    table.iter().position(|&k| k == key)
}

fn ordinal_suffix(n: usize) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// A run's words as house style does not tell them apart: punctuation dropped, number words
/// as digits ("five" and "5", "twenty-one" and "21", "first" and "1st"), digits without
/// grouping ("31,000" and "31000"), "per cent", "percent" and "pc" as "%", "&" as "and", and
/// scale suffixes spelt out ("£4m" and "£4 million").
pub(super) fn house_style(words: &[QuoteWord]) -> Vec<String> {
    let keys: Vec<&str> = words
        .iter()
        .filter(|w| !w.is_mark())
        .map(|w| w.key.as_str())
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(keys.len());
    let mut i = 0;
    while let Some(&key) = keys.get(i) {
        let next = keys.get(i + 1).copied();
        let after_number = out
            .last()
            .is_some_and(|k| k.starts_with(|c: char| c.is_ascii_digit()));
        i += 1;
        if let Some(tens) = number_words::tens(key) {
            match next.and_then(number_words::small_number) {
                Some(unit @ 1..=9) => {
                    out.push((tens + unit).to_string());
                    i += 1;
                }
                _ => out.push(tens.to_string()),
            }
        } else if let Some(n) = number_words::small_number(key) {
            out.push(n.to_string());
        } else if let Some(n) = position(&ORDINALS, key) {
            out.push(format!("{n}{}", ordinal_suffix(n)));
        } else if key == "per" && next == Some("cent") {
            out.push("%".to_string());
            i += 1;
        } else if key == "percent" || (key == "pc" && after_number) {
            out.push("%".to_string());
        } else if key == "&" {
            out.push("and".to_string());
        } else if after_number && let Some(scale) = scale(key) {
            out.push(scale.to_string());
        } else if key.starts_with(|c: char| c.is_ascii_digit()) {
            let split = key
                .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
                .unwrap_or(key.len());
            let (digits, suffix) = key.split_at(split);
            out.push(digits.replace(',', ""));
            match suffix {
                "" => {}
                "st" | "nd" | "rd" | "th" => {
                    if let Some(last) = out.last_mut() {
                        last.push_str(suffix);
                    }
                }
                "pc" => out.push("%".to_string()),
                _ => out.push(scale(suffix).unwrap_or(suffix).to_string()),
            }
        } else {
            out.push(key.to_string());
        }
    }
    out
}

fn scale(key: &str) -> Option<&'static str> {
    Some(match key {
        "k" | "thousand" => "thousand",
        "m" | "mn" | "mln" | "million" => "million",
        "bn" | "bln" | "billion" => "billion",
        "tn" | "trillion" => "trillion",
        _ => return None,
    })
}

/// The runs say the same in different house styles: equal once punctuation is dropped and
/// numbers, percentages and symbols are written one way; or equal but for a hyphen joining or
/// splitting words ("e-mail" ↔ "email").
pub(super) fn same_house_style(xs: &[QuoteWord], ys: &[QuoteWord]) -> bool {
    let (a, b) = (house_style(xs), house_style(ys));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let hyphen = xs.iter().chain(ys).any(|w| w.key == "-");
    a == b || (hyphen && a.concat() == b.concat())
}

/// The same letters with the spaces in other places: "s earched" ↔ "searched", "any more" ↔
/// "anymore". Not for numbers ("20 11" is not "2011"), nor when a negation comes or goes.
pub(super) fn split_or_joined(xs: &[QuoteWord], ys: &[QuoteWord]) -> bool {
    let words = |s: &'_ [QuoteWord]| s.iter().filter(|w| !w.is_mark()).count();
    let text = |s: &[QuoteWord]| -> String {
        s.iter()
            .filter(|w| !w.is_mark())
            .map(|w| w.key.as_str())
            .collect()
    };
    let (a, b) = (text(xs), text(ys));
    words(xs) != words(ys)
        && !a.is_empty()
        && a == b
        && !a.chars().any(char::is_numeric)
        && negations(xs) == negations(ys)
}
