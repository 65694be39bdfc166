//! Layout: which tokens form paragraphs, which paragraphs are the article's body and which are
//! page junk, and where sentences end.
//!
//! Scraped pages carry navigation, captions, teasers of other stories and footers around the
//! article. A fact-checker must never see a finding from them, so body detection errs towards
//! leaving text out. It works in three steps, none specific to an outlet:
//! 1. paragraphs: blank lines separate blocks; inside a block a line break is a soft wrap when
//!    the line runs on (no closing punctuation, and a long line or a lower-case continuation);
//! 2. each paragraph is scored: prose (ends like a sentence, has enough words) counts for it,
//!    anything else (headings, captions, menus, teasers cut off mid-sentence) against it;
//! 3. the body is the contiguous run of paragraphs with the highest total score (the classic
//!    body-text-extraction idea), and within it only the prose paragraphs.

use std::ops::Range;

use super::is_any;
use super::token::Token;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub tokens: Range<usize>,
    /// Part of the article's body (not page junk).
    pub body: bool,
    /// Sentences of body paragraphs, as indices into [`Layout::sentences`].
    pub sentences: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Range<usize>,
    pub paragraph: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub paragraphs: Vec<Paragraph>,
    /// Sentences of body paragraphs only, in text order.
    pub sentences: Vec<Sentence>,
}

/// Fewer words than this and a paragraph is not prose, even if it ends with a full stop: menus
/// ("Close."), bylines, one-word captions.
const MIN_PROSE_WORDS: usize = 5;

/// How much a non-prose paragraph weighs against a region beyond its own words.
const JUNK_PENALTY: i64 = 4;

pub fn layout(text: &str, tokens: &[Token]) -> Layout {
    let paragraphs = paragraphs(text, tokens);
    let kinds: Vec<Kind> = paragraphs
        .iter()
        .map(|p| classify(text, &tokens[p.clone()]))
        .collect();
    let region = best_region(&scores(&kinds));
    let mut layout = Layout::default();
    for (i, range) in paragraphs.into_iter().enumerate() {
        let body = region.contains(&i) && matches!(kinds[i], Kind::Prose(_));
        let first_sentence = layout.sentences.len();
        if body {
            for tokens in sentences(text, tokens, range.clone()) {
                layout.sentences.push(Sentence {
                    tokens,
                    paragraph: i,
                });
            }
        }
        let sentences = first_sentence..layout.sentences.len();
        layout.paragraphs.push(Paragraph {
            tokens: range,
            body,
            sentences,
        });
    }
    layout
}

/// Splits tokens into paragraphs: at blank lines, and at single line breaks that are not soft
/// wraps.
fn paragraphs(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut block_start = 0;
    for i in 1..=tokens.len() {
        if i == tokens.len() || tokens[i].starts_block() {
            split_block(text, tokens, block_start..i, &mut out);
            block_start = i;
        }
    }
    out
}

fn split_block(text: &str, tokens: &[Token], block: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut line_start = block.start;
    for (i, token) in tokens
        .iter()
        .enumerate()
        .take(block.end)
        .skip(block.start + 1)
    {
        if token.breaks > 0 {
            lines.push(line_start..i);
            line_start = i;
        }
    }
    lines.push(line_start..block.end);
    let width = |r: &Range<usize>| (tokens[r.end - 1].end - tokens[r.start].start) as usize;
    let longest = lines.iter().map(width).max().unwrap_or(0);
    // Three or more lines that all open with a capital are a list (a menu, teasers), not
    // wrapped prose, whose lines mostly continue a sentence.
    let item = |l: &Range<usize>| is_list_item(text, &tokens[l.clone()]);
    let list = lines.len() >= 3
        && lines
            .iter()
            .all(|l| starts_uppercase(text, &tokens[l.start]) || item(l));
    let mut start = block.start;
    for (n, line) in lines.iter().enumerate() {
        let Some(next) = lines.get(n + 1) else {
            out.push(start..line.end);
            break;
        };
        // Hard-wrapped text breaks a line only when the next word would not fit on it.
        let next_word = (tokens[next.start].end - tokens[next.start].start) as usize;
        let wrapped = longest >= 40 && width(line) + 1 + next_word > longest;
        // A numbered item ("1. Man jailed…", "2) Bus routes…") starts afresh: a "Most read"
        // box, not a sentence that runs on into a number.
        let runs_on = !ends_sentence(text, &tokens[line.clone()])
            && !item(next)
            && (starts_lowercase(text, &tokens[next.start]) || (wrapped && !list));
        if !runs_on {
            out.push(start..line.end);
            start = next.start;
        }
    }
}

/// The line opens with a list number: digits, then "." or ")", then a word ("1. Man jailed").
fn is_list_item(text: &str, line: &[Token]) -> bool {
    match line {
        [number, mark, word, ..] => {
            number.text(text).len() <= 2
                && number.text(text).bytes().all(|b| b.is_ascii_digit())
                && matches!(mark.text(text), "." | ")")
                && mark.start == number.end
                && word.start > mark.end
        }
        _ => false,
    }
}

fn starts_uppercase(text: &str, token: &Token) -> bool {
    token
        .text(text)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

fn starts_lowercase(text: &str, token: &Token) -> bool {
    token
        .text(text)
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// Closing quotes and brackets that may follow a sentence's final punctuation.
fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

/// The tokens end the way a sentence or a list item does. A trailing ellipsis does not count:
/// teasers are cut off with one.
fn ends_sentence(text: &str, tokens: &[Token]) -> bool {
    let last = tokens
        .iter()
        .rev()
        .map(|t| t.text(text))
        .find(|s| !is_closer(s));
    matches!(last, Some("." | "!" | "?" | ";" | ":"))
}

/// Words that mark the furniture of a web page rather than journalism, whatever the outlet.
const BOILERPLATE: &[&str] = &[
    "cookie",
    "cookies",
    "subscribe",
    "newsletter",
    "newsletters",
    "advertisement",
    "advertisment",
    "copyright",
    "©",
    "sign",
    "login",
    "javascript",
    "browser",
];

/// What a paragraph looks like, with its word count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Ends like a sentence, enough words, mostly lower case: article text.
    Prose(i64),
    /// Short and not prose: a heading, caption, promo or menu item.
    Aside(i64),
    /// Web-page furniture (cookies, subscriptions), or long text that is not prose.
    Furniture(i64),
    /// Labelled furniture inside an article ("Read more: …", "Listen: …", a correction).
    Label,
}

/// Asides this short may sit inside an article (captions, subheadings, "Listen: …").
const MAX_ASIDE_WORDS: usize = 12;

fn classify(text: &str, tokens: &[Token]) -> Kind {
    // One pass: layout runs over every token of every version.
    let (mut words, mut lowercase_words, mut boilerplate) = (0, 0, false);
    for token in tokens {
        let s = token.text(text);
        words += usize::from(!token.is_punct());
        lowercase_words +=
            usize::from(token.is_word() && s.chars().next().is_some_and(char::is_lowercase));
        boilerplate = boilerplate || is_any(s, BOILERPLATE);
    }
    let labelled = is_labelled(text, tokens);
    let prose = words >= MIN_PROSE_WORDS
        && ends_sentence(text, tokens)
        && lowercase_words * 3 >= words
        && !boilerplate
        && !labelled;
    let count = i64::try_from(words).unwrap_or(i64::MAX);
    if labelled {
        // A teaser or correction inside the body: skipped, but it does not end the article.
        Kind::Label
    } else if prose {
        Kind::Prose(count)
    } else if !boilerplate && words <= MAX_ASIDE_WORDS {
        Kind::Aside(count)
    } else {
        Kind::Furniture(count)
    }
}

/// Each paragraph's weight for or against a region being the body: prose counts its words,
/// anything else weighs against, except a lone aside between two prose paragraphs (a caption
/// inside the article), which must not split the body in two. Furniture always weighs in full:
/// a subscription box marks the article's end.
fn scores(kinds: &[Kind]) -> Vec<i64> {
    let mut out: Vec<i64> = kinds
        .iter()
        .map(|k| match *k {
            Kind::Prose(words) => words,
            Kind::Label => -JUNK_PENALTY,
            Kind::Aside(words) | Kind::Furniture(words) => -(words.min(25) + JUNK_PENALTY),
        })
        .collect();
    // Between two prose paragraphs, a caption, a promo or a "Read more" link (with at most one
    // unlabelled line: two would be a menu) weighs next to nothing.
    let mut i = 0;
    while i < kinds.len() {
        let in_run = |k: &Kind| matches!(k, Kind::Aside(_) | Kind::Label);
        let run_end = (i..kinds.len())
            .find(|&j| !in_run(&kinds[j]))
            .unwrap_or(kinds.len());
        let plain = kinds[i..run_end]
            .iter()
            .filter(|k| matches!(k, Kind::Aside(_)))
            .count();
        let prose_before = i
            .checked_sub(1)
            .is_some_and(|p| matches!(kinds[p], Kind::Prose(_)));
        let prose_after = kinds
            .get(run_end)
            .is_some_and(|k| matches!(k, Kind::Prose(_)));
        if run_end > i && prose_before && prose_after && plain <= 1 {
            out[i..run_end].iter_mut().for_each(|s| *s = -1);
        }
        i = run_end.max(i + 1);
    }
    out
}

/// Labels that mark page furniture placed inside an article: teasers and links to other
/// stories, media promos, and correction notices (which quote the wrong figure on purpose).
const LABELS: &[&[&str]] = &[
    &["read", "more"],
    &["also", "read"],
    &["related"],
    &["see", "also"],
    &["watch"],
    &["listen"],
    &["pictured"],
    &["picture"],
    &["photo"],
    &["photograph"],
    &["image"],
    &["video"],
    &["advertisement"],
    &["sponsored"],
    &["correction"],
    &["clarification"],
    &["update"],
    &["more", "on", "this", "story"],
    &["most", "read"],
    &["top", "stories"],
    &["share", "this"],
];

/// The paragraph opens with a furniture label followed by a colon ("Read more: …", "[9]Listen:
/// …") or written in capitals ("READ MORE Man jailed…"), or is a correction footnote ("* This
/// article was amended…", "An earlier version of this article said…").
fn is_labelled(text: &str, tokens: &[Token]) -> bool {
    // Labels and correction notices open the paragraph: its first words are enough.
    let words: Vec<(usize, &str)> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_word())
        .map(|(i, t)| (i, t.text(text)))
        .take(12)
        .collect();
    let first_word = words.first().map_or(tokens.len(), |(i, _)| *i);
    // Skip a leading marker such as "[9]", "*" or "•".
    if tokens[..first_word].iter().any(|t| t.text(text) == "*") && first_word <= 2 {
        return true;
    }
    for label in LABELS {
        let Some(matched) = words.get(..label.len()) else {
            continue;
        };
        if !matched
            .iter()
            .zip(label.iter())
            .all(|((_, w), l)| w.eq_ignore_ascii_case(l))
        {
            continue;
        }
        let after = matched.last().map_or(0, |(i, _)| i + 1);
        let colon = tokens
            .get(after)
            .is_some_and(|t| matches!(t.text(text), ":" | "|"));
        let capitals = matched
            .iter()
            .all(|(_, w)| w.chars().all(|c| !c.is_lowercase()));
        if colon || capitals {
            return true;
        }
    }
    let has = |phrase: &[&str]| {
        words.windows(phrase.len()).any(|w| {
            w.iter()
                .zip(phrase)
                .all(|((_, w), p)| w.eq_ignore_ascii_case(p))
        })
    };
    has(&["this", "article", "was", "amended"]) || has(&["an", "earlier", "version", "of", "this"])
}

/// The contiguous run of paragraphs with the largest total score (Kadane's algorithm).
fn best_region(scores: &[i64]) -> Range<usize> {
    let (mut best, mut best_sum) = (0..0, 0);
    let (mut start, mut sum) = (0, 0);
    for (i, &s) in scores.iter().enumerate() {
        if sum <= 0 {
            start = i;
            sum = 0;
        }
        sum += s;
        if sum > best_sum {
            best_sum = sum;
            best = start..i + 1;
        }
    }
    best
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sgt", "det", "insp", "supt", "ch", "con", "cmdr",
    "commr", "asst", "dep", "gen", "col", "lt", "capt", "maj", "rev", "gov", "sen", "rep", "hon",
    "no", "nos", "co", "ltd", "inc", "corp", "jr", "sr", "vs", "v", "etc", "approx", "est", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig",
];

/// Sentence boundaries inside one paragraph: after `.`, `!` or `?` (and any closing quotes)
/// when the next token opens a sentence, unless the full stop ends an abbreviation or an
/// initial.
fn sentences(text: &str, tokens: &[Token], paragraph: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = paragraph.start;
    let mut i = paragraph.start;
    while i < paragraph.end {
        let s = tokens[i].text(text);
        if matches!(s, "." | "!" | "?") && !(s == "." && ends_abbreviation(text, tokens, i)) {
            let mut end = i + 1;
            while end < paragraph.end && !tokens[end].spaced && is_closer(tokens[end].text(text)) {
                end += 1;
            }
            if end == paragraph.end || opens_sentence(text, &tokens[end]) {
                out.push(start..end);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < paragraph.end {
        out.push(start..paragraph.end);
    }
    out
}

fn ends_abbreviation(text: &str, tokens: &[Token], dot: usize) -> bool {
    let Some(prev) = dot.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    if tokens[dot].spaced || !prev.is_word() {
        return false;
    }
    let word = prev.text(text);
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_capital || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn opens_sentence(text: &str, token: &Token) -> bool {
    token.spaced
        && token
            .text(text)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(-–—".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn body_paragraphs(text: &str) -> Vec<String> {
        let tokens = tokenize(text, 0..text.len());
        let layout = layout(text, &tokens);
        layout
            .paragraphs
            .iter()
            .filter(|p| p.body)
            .map(|p| {
                text[tokens[p.tokens.start].start as usize..tokens[p.tokens.end - 1].end as usize]
                    .to_string()
            })
            .collect()
    }

    fn sentence_texts(text: &str) -> Vec<String> {
        let tokens = tokenize(text, 0..text.len());
        let layout = layout(text, &tokens);
        layout
            .sentences
            .iter()
            .map(|s| {
                text[tokens[s.tokens.start].start as usize..tokens[s.tokens.end - 1].end as usize]
                    .to_string()
            })
            .collect()
    }

    const ARTICLE: &str = "Most Popular\n\nHome | News | Sport\n\nCouncil approves new bridge\n\nThe council approved a new bridge over the river on Tuesday, after three years of debate.\n\nCouncillors voted 31 to 12 in favour of the £4m scheme, officials said.\n\nPhoto: the old bridge at dusk\n\nWork will start in the spring and last around 18 months, the council said.\n\nRelated stories\n\nThree arrested after a brawl outside a pub in the town centre\nFirefighters tackle a blaze at a derelict mill, as 60 crews attend\nWhy the river keeps flooding every winter?\n\nCookies help us deliver our services. By using them you agree.\n";

    #[test]
    fn the_body_excludes_headers_captions_and_teasers() {
        assert_eq!(
            body_paragraphs(ARTICLE),
            [
                "The council approved a new bridge over the river on Tuesday, after three years of debate.",
                "Councillors voted 31 to 12 in favour of the £4m scheme, officials said.",
                "Work will start in the spring and last around 18 months, the council said.",
            ]
        );
    }

    #[test]
    fn soft_wrapped_lines_join_into_one_paragraph() {
        let text = "A detective chief\ninspector received formal action after committing offences, the force said.\n\nThe Met said the breaches were serious and that it would review its procedures.";
        let body = body_paragraphs(text);
        assert_eq!(body.len(), 2);
        assert!(body[0].starts_with("A detective chief\ninspector"));
    }

    #[test]
    fn lines_of_a_menu_stay_separate() {
        let text = "The council approved a new bridge over the river on Tuesday, after years of debate.\nLife and Style\nLatest stories from the region\nWhy the river floods every winter?";
        assert_eq!(
            body_paragraphs(text),
            ["The council approved a new bridge over the river on Tuesday, after years of debate."]
        );
    }

    #[test]
    fn sentences_split_at_full_stops_but_not_abbreviations_or_decimals() {
        let text = "Det. Ch. Insp. April Casburn was jailed. Just over 0.1 per cent were disciplined, Mr. Smith said! \"It is astonishing.\" He added: \"Merry Christmas... Keep calm.\"";
        assert_eq!(
            sentence_texts(text),
            [
                "Det. Ch. Insp. April Casburn was jailed.",
                "Just over 0.1 per cent were disciplined, Mr. Smith said!",
                "\"It is astonishing.\"",
                "He added: \"Merry Christmas... Keep calm.\"",
            ]
        );
    }

    #[test]
    fn a_numbered_most_read_box_is_not_joined_to_the_body() {
        // Found by the synthetic corpus: "Most read" with numbered teasers under it ran on as
        // one prose paragraph, and a teaser's "jailed for 67 years" was read as the story's.
        let text = "Ruth Mooney, of Carlton, was jailed for four years at Dunmore Crown Court on Friday.\n\nThe offences came to light when an auditor noticed irregular payments in January 2022.\n\nMost read\n1. Man jailed for 67 years over Ivybridge burglary spree\n2. Bus routes cut as operator loses money\n3. Carer who stole from pensioners is sentenced.";
        let body = body_paragraphs(text);
        assert_eq!(body.len(), 2, "{body:?}");
        assert!(body.iter().all(|p| !p.contains("67 years")));
        // A sentence that runs on to a number on the next line is still one paragraph, and a
        // decimal opening a line is not a list number.
        let text = "The council said the cost of the scheme had risen to\n2.5 million pounds over the past two years, far more than planned.\n\nThe final figure was published on Monday by the finance committee.";
        assert_eq!(body_paragraphs(text).len(), 2);
    }

    #[test]
    fn a_paragraph_is_always_a_sentence_boundary() {
        let text = "The first paragraph has no final stop but is long enough to be prose;\n\nThe second one begins here and ends properly.";
        assert_eq!(sentence_texts(text).len(), 2);
    }

    #[test]
    fn a_caption_between_paragraphs_does_not_cut_off_the_first_one() {
        let text = "Menu\nNews\nSport\n\nAround 80 firefighters were called to a fire at a warehouse.\n\nListen: the station manager speaks to the radio station\n\nThe fire started at the warehouse on the quay on Monday night.\n\nFourteen fire engines were sent to the scene, and crews battled the flames.";
        let body = body_paragraphs(text);
        assert_eq!(body.len(), 3, "{body:?}");
        assert!(body[0].starts_with("Around 80"));
    }

    #[test]
    fn labelled_teasers_and_corrections_inside_the_body_are_skipped() {
        let text = "The jury found him guilty of murder after a two-week trial at the crown court.\n\nREAD MORE: Man jailed for life with minimum term of 21 years for Carlford stabbing.\n\nHe was jailed for life with a minimum term of 24 years, the judge said.\n\n[9]Listen: the detective speaks to our reporter\n\nThe victim's family said they were relieved at the verdict and the sentence.\n\n* This article was amended on 3 May. An earlier version said the minimum term was 21 years.";
        assert_eq!(
            body_paragraphs(text),
            [
                "The jury found him guilty of murder after a two-week trial at the crown court.",
                "He was jailed for life with a minimum term of 24 years, the judge said.",
                "The victim's family said they were relieved at the verdict and the sentence.",
            ]
        );
    }

    #[test]
    fn best_region_bridges_short_junk_inside_the_body() {
        assert_eq!(best_region(&[-5, 20, -8, 30, -6, 3, -9, -9]), 1..4);
        assert_eq!(best_region(&[-1, -2]), 0..0);
    }
}
