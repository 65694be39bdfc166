//! Amounts: numbers in digits ("31,000", "1.2m"), in words ("three hundred and twenty"), and
//! vague quantities ("a few", "hundreds of"), each with the precision it was stated to; plus
//! the gates that keep identifiers, scores and times of day from being read as numbers.

use super::{Found, Sentence, words};

/// How an amount was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    Digits,
    Words,
    /// A quantity word with an inherent range: "a few", "hundreds".
    Vague,
    /// "a"/"an" standing for one, which only means a number before a unit ("a year ago").
    Article,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Amount {
    pub start: usize,
    pub end: usize,
    /// The stated number (for vague quantities, the middle of their range).
    pub n: f64,
    /// Half the unit of precision: 300 → 50, 0.1 → 0.05, "five" → 0.5.
    pub h: f64,
    /// The range of an inherently vague quantity ("a few" = [2, 5]).
    pub range: Option<(f64, f64)>,
    /// A bare count of this amount is exact: integers in digits without a scale, number words.
    pub exact: bool,
    pub form: Form,
    pub integer: bool,
    /// Four plain digits between 1800 and 2100: maybe a year.
    pub year_like: bool,
    /// The multiplier of a scale word or suffix ("million", "bn"), 1 without one.
    pub scale: f64,
    /// "both", which is two unless it introduces "both X and Y".
    pub both: bool,
    /// The scale was a lowercase "m" glued to the digits ("4.3m"), which may also be metres.
    pub glued_m: bool,
}

impl Amount {
    /// A whole amount in digits, stated to `h` either side: "2:05:37" as 7,537 seconds.
    pub(super) fn stated(start: usize, end: usize, n: f64, h: f64) -> Amount {
        Amount {
            exact: false,
            ..Amount::new(start, end, n, h, Form::Digits)
        }
    }

    fn new(start: usize, end: usize, n: f64, h: f64, form: Form) -> Amount {
        Amount {
            start,
            end,
            n,
            h,
            range: None,
            exact: true,
            form,
            integer: n.fract() == 0.0,
            year_like: false,
            scale: 1.0,
            both: false,
            glued_m: false,
        }
    }

    fn vague(start: usize, end: usize, lo: f64, hi: f64) -> Amount {
        Amount {
            range: Some((lo, hi)),
            exact: false,
            ..Amount::new(start, end, (lo + hi) / 2.0, (hi - lo) / 2.0, Form::Vague)
        }
    }

    /// The same amount multiplied by a scale word: stated to the scaled precision, so never
    /// exact ("1.2 million" is [1.15, 1.25] million).
    fn scaled(mut self, scale: f64, end: usize) -> Amount {
        self.n *= scale;
        self.h *= scale;
        self.scale = scale;
        self.exact = false;
        self.year_like = false;
        self.integer = self.n.fract() == 0.0;
        if let Some((lo, hi)) = self.range {
            self.range = Some((lo * scale, hi * scale));
        }
        self.end = end;
        self
    }
}

/// A number in digits: its value and unit of precision.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Digits {
    pub n: f64,
    /// The unit of precision: the last decimal place (0.1 → 0.1), or for integers see
    /// [`precision`] (300 → 10, 31,000 → 1000, 208 → 1, 10 → 1).
    pub u: f64,
    pub integer: bool,
    /// Plain digits only (no separator or decimal point), and how many.
    pub plain_len: usize,
    pub leading_zero: bool,
}

pub(super) fn parse_digits(raw: &str) -> Option<Digits> {
    if raw.is_empty() || raw.len() > 40 {
        return None;
    }
    let (mut int, mut frac) = (0f64, 0f64);
    let (mut int_len, mut frac_len) = (0usize, 0i32);
    let (mut dot, mut comma) = (false, false);
    for b in raw.bytes() {
        match b {
            b'0'..=b'9' => {
                let d = f64::from(b - b'0');
                if dot {
                    frac = frac * 10.0 + d;
                    frac_len += 1;
                } else {
                    int = int * 10.0 + d;
                    int_len += 1;
                }
            }
            b',' if !dot => comma = true,
            b'.' if !dot => dot = true,
            _ => return None,
        }
    }
    if int_len == 0 {
        return None;
    }
    let n = int + frac / 10f64.powi(frac_len);
    let u = if frac_len > 0 {
        10f64.powi(-frac_len)
    } else {
        precision(int)
    };
    if !n.is_finite() {
        return None;
    }
    Some(Digits {
        n,
        u,
        integer: frac_len == 0,
        plain_len: if dot || comma { 0 } else { int_len },
        leading_zero: int_len > 1 && raw.starts_with('0'),
    })
}

/// The unit of precision of an integer: the place of its last non-zero digit, but never more
/// than a twentieth of the number (a power of ten at most 5% of it), and at least 1. So 300 →
/// 10, 31,000 → 1000, 2,600 → 100, 10 → 1: "10 weeks" and "nine weeks" must conflict, and a
/// round number is not a licence for a 50% error.
pub(super) fn precision(v: f64) -> f64 {
    let v = v.abs();
    if !v.is_finite() || v < 1.0 || v.fract() != 0.0 {
        return 1.0;
    }
    let cap = v / 20.0;
    let mut u = 1.0;
    while u < 1e15 && (v / (u * 10.0)).fract() == 0.0 && u * 10.0 <= cap {
        u *= 10.0;
    }
    u
}

/// The amount starting at `j`, if any. `money` says a currency sign precedes, which makes a
/// spaced "m" mean million rather than metres.
pub(super) fn amount(s: &Sentence, j: usize, money: bool) -> Option<Amount> {
    if s.is_number(j) {
        return digits_amount(s, j, money);
    }
    if !s.is_word(j) {
        return None;
    }
    vague_amount(s, j)
        .or_else(|| word_amount(s, j))
        .or_else(|| {
            matches!(s.key(j), "a" | "an").then(|| Amount::new(j, j + 1, 1.0, 0.5, Form::Article))
        })
}

fn digits_amount(s: &Sentence, j: usize, money: bool) -> Option<Amount> {
    let d = parse_digits(s.raw(j))?;
    if d.leading_zero || digits_blocked(s, j) {
        return None;
    }
    let mut a = Amount::new(j, j + 1, d.n, d.u / 2.0, Form::Digits);
    a.exact = d.integer;
    a.integer = d.integer;
    a.year_like = d.plain_len == 4 && (1800.0..=2100.0).contains(&d.n);
    let next = j + 1;
    if s.glued(next) && s.is_word(next) {
        if let Some(scale) = words::glued_scale(s.raw(next)) {
            a = a.scaled(scale, next + 1);
            a.glued_m = !money && s.raw(next) == "m";
        }
    } else if s.is_word(next) {
        let scale = words::spaced_scale(s.key(next))
            .or_else(|| (money && s.raw(next) == "m").then_some(1e6));
        if let Some(scale) = scale {
            a = a.scaled(scale, next + 1);
        }
    }
    Some(and_a_half(s, a))
}

/// "three and a half", "2 and a half": stated to the half. Before a scale word ("one and a
/// half million") it is how "1.5 million" is said in words, and stated like it, to the tenth
/// of the scale.
///
/// Hyphenated as a modifier ("a four-and-a-half-year deal", "two-and-a-half hours") it is the
/// same number; the hyphen after "half" is left for the unit to read.
fn and_a_half(s: &Sentence, mut a: Amount) -> Amount {
    if !a.integer || a.scale != 1.0 {
        return a;
    }
    let k = a.end;
    let end = if s.key(k) == "and" && s.key(k + 1) == "a" && s.key(k + 2) == "half" {
        k + 3
    } else if hyphenated_and_a_half(s, k) {
        k + 6
    } else {
        return a;
    };
    a.n += 0.5;
    a.h = 0.25;
    a.exact = false;
    a.integer = false;
    a.year_like = false;
    a.end = end;
    if let Some(scale) = words::spaced_scale(s.key(end)) {
        a = a.scaled(scale, end + 1);
        a.h = 0.05 * scale;
    }
    a
}

/// "-and-a-half" glued after a number at `k`.
fn hyphenated_and_a_half(s: &Sentence, k: usize) -> bool {
    let glued_hyphen = |at: usize| s.raw(at) == "-" && s.glued(at) && s.glued(at + 1);
    glued_hyphen(k)
        && s.key(k + 1) == "and"
        && glued_hyphen(k + 2)
        && s.key(k + 3) == "a"
        && glued_hyphen(k + 4)
        && s.key(k + 5) == "half"
}

fn word_amount(s: &Sentence, j: usize) -> Option<Amount> {
    // "Formula One", "Channel Four", "Police Sack Three": a capitalised number word inside a
    // sentence is a name or a headline, not a quantity.
    if !s.literal && s.capitalised(j) && !s.initial(j) && !matches!(s.key(j), "a" | "an") {
        return None;
    }
    let spelled = parse_words(s, j)?;
    if let Some(decimal) = spoken_decimal(s, j, spelled) {
        return Some(decimal);
    }
    let Spelled {
        value: v,
        end,
        big,
        floor,
    } = spelled;
    if s.key(j) == "one" && end == j + 1 && !one_is_number(s, j) {
        return None;
    }
    let mut a = Amount::new(j, end, v, precision(v).max(floor) / 2.0, Form::Words);
    // Millions written out are as rounded as "3 million".
    a.exact = !big;
    if s.key(end) == "dozen" {
        a = Amount {
            n: v * 12.0,
            h: precision(v * 12.0) / 2.0,
            end: end + 1,
            ..a
        };
    }
    Some(and_a_half(s, a))
}

/// "one point two million", "two point five per cent": a decimal said in words, stated to its
/// last digit as "1.2 million" and "2.5 per cent" are. Read only where a scale word or a
/// percent follows, since "at one point two men were held" is not 1.2; without this, "one
/// point two million" was read as one, then two million.
fn spoken_decimal(s: &Sentence, j: usize, whole: Spelled) -> Option<Amount> {
    if whole.big || s.key(whole.end) != "point" {
        return None;
    }
    let (mut digits, mut places, mut k) = (0f64, 0i32, whole.end + 1);
    while let Some(d) = words::small_number(s.key(k)).filter(|&d| d <= 9) {
        digits = digits * 10.0 + f64::from(d);
        places += 1;
        k += 1;
    }
    if places == 0 {
        return None;
    }
    // As `parse_digits` computes "1.2", so that words and digits give the same bounds.
    let n = whole.value + digits / 10f64.powi(places);
    let mut a = Amount::new(j, k, n, 10f64.powi(-places) / 2.0, Form::Words);
    a.exact = false;
    a.integer = false;
    if let Some(scale) = words::scale_word(s.key(k)) {
        return Some(a.scaled(scale, k + 1));
    }
    super::shares::percent(s, k).map(|_| a)
}

/// "one" is a pronoun in "no one", "the one", "one another", "one could argue".
fn one_is_number(s: &Sentence, j: usize) -> bool {
    let before = matches!(
        s.prev_key(j),
        "the" | "no" | "any" | "every" | "each" | "this" | "that" | "which" | "another" | "anyone"
    );
    let after = matches!(
        s.key(j + 1),
        "another"
            | "could"
            | "would"
            | "should"
            | "might"
            | "must"
            | "can"
            | "may"
            | "cannot"
            | "'s"
            | "’s"
    );
    !before && !after
}

/// Number words from `j`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Spelled {
    pub value: f64,
    pub end: usize,
    /// A million-or-larger scale was used: "three million" is as rounded as "3 million".
    pub big: bool,
    /// The least unit the words can state: the scale when they end on a million or more
    /// ("one million" is stated to the million), else 1.
    pub floor: f64,
}

/// Number words from `j`: "three hundred and twenty", "two million", "two hundred and six
/// thousand, four hundred".
pub(super) fn parse_words(s: &Sentence, j: usize) -> Option<Spelled> {
    let (mut current, mut k) = if s.key(j) == "a" && words::scale_word(s.key(j + 1)).is_some() {
        (1.0, j + 1)
    } else {
        let (v, k) = below_thousand(s, j, true)?;
        (f64::from(v), k)
    };
    let mut total = 0.0;
    let mut last_scale = f64::INFINITY;
    let mut big = false;
    let mut group_after = true;
    while let Some(scale) = words::scale_word(s.key(k)) {
        if scale >= last_scale {
            break;
        }
        total += current * scale;
        current = 0.0;
        last_scale = scale;
        big |= scale >= 1e6;
        group_after = false;
        k += 1;
        // "two hundred and six thousand, four hundred", "fifty-four million, one hundred": a
        // comma after a scale and before a hundreds group in words continues the number, as it
        // does in digits.
        let comma = s.raw(k) == ",";
        let rest = if s.key(k) == "and" || comma { k + 1 } else { k };
        match below_thousand(s, rest, false) {
            Some((_, after)) if comma && !(rest..after).any(|t| s.key(t) == "hundred") => break,
            // "two thousand and five", "one million two hundred thousand"; but not when the
            // group after "and" starts a new number ("two thousand and three thousand").
            Some((v, after))
                if words::scale_word(s.key(after)).is_none_or(|next| next < scale && rest == k) =>
            {
                current = f64::from(v);
                k = after;
                group_after = true;
            }
            _ => break,
        }
    }
    let floor = if !group_after && last_scale >= 1e6 {
        last_scale
    } else {
        1.0
    };
    Some(Spelled {
        value: total + current,
        end: k,
        big,
        floor,
    })
}

/// One to 999 in words: "three", "twenty-five", "a hundred", "three hundred and twenty".
fn below_thousand(s: &Sentence, j: usize, allow_a: bool) -> Option<(u32, usize)> {
    let (v, k) = if allow_a && s.key(j) == "a" && s.key(j + 1) == "hundred" {
        (1, j + 1)
    } else {
        below_hundred(s, j)?
    };
    if s.key(k) != "hundred" || v == 0 || v > 99 {
        return Some((v, k));
    }
    let hundreds = v * 100;
    let k = k + 1;
    let rest = if s.key(k) == "and" { k + 1 } else { k };
    match below_hundred(s, rest) {
        // Not "two hundred and three hundred": the tail must not start a new hundred.
        Some((tail, after)) if tail > 0 && s.key(after) != "hundred" => {
            Some((hundreds + tail, after))
        }
        _ => Some((hundreds, k)),
    }
}

/// Zero to 99 in words: "seven", "forty", "twenty-five", "twenty five".
fn below_hundred(s: &Sentence, j: usize) -> Option<(u32, usize)> {
    let key = s.key(j);
    if let Some(v) = words::small_number(key) {
        return Some((v, j + 1));
    }
    let t = words::tens(key)?;
    let unit = |k: usize| words::small_number(s.key(k)).filter(|u| (1..=9).contains(u));
    if s.raw(j + 1) == "-" && s.glued(j + 1) && s.glued(j + 2) {
        if let Some(u) = unit(j + 2) {
            return Some((t + u, j + 3));
        }
    } else if s.spaced(j + 1)
        && let Some(u) = unit(j + 1)
    {
        return Some((t + u, j + 2));
    }
    Some((t, j + 1))
}

/// Quantity words with an inherent range, plus the fixed ones that read like them ("both",
/// "a dozen", "a single", "half a dozen").
fn vague_amount(s: &Sentence, j: usize) -> Option<Amount> {
    let key = s.key(j);
    let range = |lo: f64, hi: f64, end: usize| Some(Amount::vague(j, end, lo, hi));
    match key {
        "a" => match s.key(j + 1) {
            "few" if s.prev_key(j) != "quite" => with_scale(s, Amount::vague(j, j + 2, 2.0, 5.0)),
            "couple" => {
                let a = with_scale(s, Amount::vague(j, j + 2, 2.0, 3.0))?;
                let next = if s.key(a.end) == "of" {
                    a.end + 1
                } else {
                    a.end
                };
                // "a couple" alone is two people; as a number it needs "of" or a unit.
                (a.scale > 1.0 || s.key(a.end) == "of" || words::time_unit(s.key(next)).is_some())
                    .then_some(a)
            }
            "handful" => range(2.0, 9.0, j + 2),
            "dozen" => Some(Amount::new(j, j + 2, 12.0, 0.5, Form::Words)),
            "single" => Some(Amount::new(j, j + 2, 1.0, 0.5, Form::Words)),
            _ => None,
        },
        "several" => with_scale(s, Amount::vague(j, j + 1, 3.0, 9.0)),
        "dozens" => range(24.0, 199.0, j + 1),
        // "scores of 300" is about scores, not a quantity.
        "scores" if s.key(j + 1) == "of" && !s.is_number(j + 2) => range(40.0, 199.0, j + 1),
        "hundreds" => match (s.key(j + 1), s.key(j + 2)) {
            ("of", "thousands") => range(200e3, 999_999.0, j + 3),
            ("of", "millions") => range(200e6, 999e6, j + 3),
            _ => range(200.0, 999.0, j + 1),
        },
        "thousands" => range(2000.0, 999_999.0, j + 1),
        "tens" => match (s.key(j + 1), s.key(j + 2)) {
            ("of", "thousands") => range(20e3, 99_999.0, j + 3),
            ("of", "millions") => range(20e6, 99e6, j + 3),
            ("of", "billions") => range(20e9, 99e9, j + 3),
            _ => None,
        },
        "millions" => range(2e6, 999e6, j + 1),
        "billions" => range(2e9, 999e9, j + 1),
        "both" => {
            let mut a = Amount::new(j, j + 1, 2.0, 0.5, Form::Words);
            a.both = true;
            Some(a)
        }
        "half" if matches!(s.key(j + 1), "a" | "an") => {
            let next = s.key(j + 2);
            if next == "dozen" {
                Some(Amount::new(j, j + 3, 6.0, 0.5, Form::Words))
            } else {
                let scale = words::scale_word(next).or((next == "hundred").then_some(100.0))?;
                let n = scale / 2.0;
                // Stated like "0.5 million": to a tenth of the scale.
                let u = precision(n).max(scale / 10.0);
                let mut a = Amount::new(j, j + 3, n, u / 2.0, Form::Words);
                a.exact = scale < 1e6;
                Some(a)
            }
        }
        _ => None,
    }
}

/// "a few hundred", "several thousand", "a couple of dozen": the range times the scale.
fn with_scale(s: &Sentence, a: Amount) -> Option<Amount> {
    let k = if s.key(a.end) == "of" {
        a.end + 1
    } else {
        a.end
    };
    let scale = match s.key(k) {
        "hundred" => 100.0,
        "dozen" => 12.0,
        key => match words::scale_word(key) {
            Some(scale) => scale,
            None => return Some(a),
        },
    };
    Some(a.scaled(scale, k + 1))
}

/// Whether the number in digits at `j` cannot be a quantity.
pub(super) fn digits_blocked(s: &Sentence, j: usize) -> bool {
    (!s.literal && identifier_before(s, j)) || glued_junk(s, j) || time_after_at(s, j)
}

/// The number is part of a name or identifier: "Section 55", "No 10", "COVID-19", "#1", or a
/// score between names ("Newcastle 0 Man United 1").
pub(super) fn identifier_before(s: &Sentence, j: usize) -> bool {
    let Some(p) = j.checked_sub(1) else {
        return false;
    };
    match s.raw(p) {
        "#" => return true,
        "/" | ":" if s.glued(j) => return true,
        // "+44 20 7946 0000", "A+1"; but "+0.24" is a signed number.
        "+" if s.glued(j) => return sign(s, p).is_none(),
        // "No.10", but not "c.1900" (circa).
        "." if s.glued(j) => return s.key(p.wrapping_sub(1)) != "c",
        "-" | "–" if s.glued(j) && s.glued(p) && s.is_word(p.wrapping_sub(1)) => {
            let word = s.key(p.wrapping_sub(1));
            return !matches!(word, "mid" | "early" | "late" | "pre" | "post")
                && words::month(word).is_none();
        }
        _ => {}
    }
    let key = s.key(p);
    if matches!(key, "no" | "nos" | "number") || (key == "." && s.key(p.wrapping_sub(1)) == "no") {
        return true;
    }
    if school_year(s, p) {
        return true;
    }
    // "020 7946 0000": a number right after another is part of a code or a phone number.
    if s.is_number(p) {
        return true;
    }
    // A capitalised content word right before a number names it, at the start of a sentence
    // as much as inside one ("Figure 3", "Apollo 11", "Newcastle 0"). Capitalised function
    // words ("In 2011", "Around 300", "Only 300") and adverbs ("Roughly") do not, nor does a
    // possessive, which owns the number rather than naming it ("Tom Ashdown's 9,611").
    s.is_word(p)
        && s.capitalised(p)
        && !words::is_function_like(key)
        && !key.ends_with("ly")
        && !is_possessive(key)
}

/// "Year 11", "year 9": a school year, which names a group of pupils. "Year" takes one or two
/// digits (a capitalised "Year" any such number, a lowercase one at most 13) that do not
/// start the next part of a length ("1 year 6 months").
pub(super) fn school_year(s: &Sentence, k: usize) -> bool {
    let n = k + 1;
    if s.key(k) != "year" || !s.is_number(n) || !s.spaced(n) {
        return false;
    }
    let Some(d) = parse_digits(s.raw(n)) else {
        return false;
    };
    let small = d.integer && (1..=2).contains(&d.plain_len) && !d.leading_zero;
    let glued_after = s.glued(n + 1) && !s.is_punct(n + 1);
    small
        && !glued_after
        && (s.capitalised(k) || d.n <= 13.0)
        && words::time_unit(s.key(n + 1)).is_none()
}

/// A sign before a number: "-5C", "−0.42" (U+2212), "+0.24", "minus 0.42", "plus 1.5".
#[derive(Clone, Copy, Debug)]
pub(super) struct Sign {
    pub negative: bool,
    /// The token where the number starts.
    pub at: usize,
    /// The sign may make a count or a percentage signed.
    pub count: bool,
    /// The sign may make a temperature or a difference negative.
    pub measure: bool,
}

/// The sign at `j`, if the number after it takes one. A symbol must touch the number and
/// not the word before it ("2009-2013" is a range); an ASCII dash at the start of a line is a
/// bullet for counts ("-5 officers were hurt") though still a minus for temperatures; a "+"
/// before a number followed by more digits is a telephone number ("+44 20 7946 0000").
/// "minus" and "plus" are signs for counts only where no left operand precedes them ("a
/// score of minus 0.42", but not "300 minus 20").
pub(super) fn sign(s: &Sentence, j: usize) -> Option<Sign> {
    let next = j + 1;
    let after_open = j > 0 && matches!(s.raw(j - 1), "(" | "[") && s.glued(j);
    match s.raw(j) {
        // An en dash often stands in for the minus sign ("–0.42").
        "-" | "−" | "–" | "+"
            if (s.spaced(j) || after_open) && s.is_number(next) && s.glued(next) =>
        {
            let raw = s.raw(j);
            let line_start = j == 0 || s.toks.get(j).is_some_and(|t| t.breaks > 0);
            let bullet = matches!(raw, "-" | "–") && line_start && !s.literal;
            let phone = raw == "+"
                && (s.is_number(next + 1)
                    || s.raw(next + 1) == "("
                    || (s.raw(next + 1) == ")" && s.is_number(next + 2)));
            if phone {
                return None;
            }
            Some(Sign {
                negative: raw != "+",
                at: next,
                count: !bullet,
                measure: raw != "+",
            })
        }
        _ => {
            let key = s.key(j);
            if !matches!(key, "minus" | "plus") || !s.spaced(next) {
                return None;
            }
            let number = s.is_number(next)
                || (s.is_word(next) && words::is_number_word(s.key(next)) && s.key(next) != "one");
            if !number {
                return None;
            }
            let before = s.prev_key(j);
            let operand_free = j == 0
                || s.is_punct(j - 1)
                || matches!(
                    before,
                    "of" | "at"
                        | "was"
                        | "is"
                        | "are"
                        | "were"
                        | "be"
                        | "been"
                        | "to"
                        | "from"
                        | "between"
                        | "and"
                        | "or"
                        | "by"
                        | "with"
                        | "reached"
                        | "scored"
                        | "stood"
                        | "recorded"
                );
            Some(Sign {
                negative: key == "minus",
                at: next,
                count: operand_free,
                measure: key == "minus",
            })
        }
    }
}

/// "Ashdown's", "Britain’s".
fn is_possessive(key: &str) -> bool {
    key.ends_with("'s") || key.ends_with("’s")
}

/// Something glued after the number makes it a time, a chain or a code: "05:07", "24/7",
/// "1.2.3", "3D", "15th" (ordinals are read only by the date recogniser), "5pm".
fn glued_junk(s: &Sentence, j: usize) -> bool {
    let n = j + 1;
    if !s.glued(n) {
        return false;
    }
    match s.raw(n) {
        ":" | "/" | "." => return s.is_number(n + 1) && s.glued(n + 1),
        _ => {}
    }
    s.is_word(n) && !is_known_suffix(s.raw(n))
}

/// Words that may be glued to digits: scales and units.
fn is_known_suffix(raw: &str) -> bool {
    words::glued_scale(raw).is_some()
        || matches!(
            raw,
            "km" | "kg"
                | "g"
                | "cm"
                | "mm"
                | "ft"
                | "in"
                | "ins"
                | "lb"
                | "lbs"
                | "oz"
                | "mph"
                | "kph"
                | "C"
                | "F"
                | "GB"
                | "MB"
                | "TB"
                | "KB"
                | "p"
                | "pc"
                | "ml"
                | "yd"
                | "kmh"
                // "2hr 5min 37sec"
                | "hr"
                | "hrs"
                | "min"
                | "mins"
                | "sec"
                | "secs"
        )
}

/// A time of day: "5 pm", "05:07 BST", "at 10.30".
fn time_after_at(s: &Sentence, j: usize) -> bool {
    let next = s.raw(j + 1);
    // "5 p.m." reaches us as [p][.][m][.].
    let dotted = matches!(s.key(j + 1), "a" | "p") && s.raw(j + 2) == "." && s.key(j + 3) == "m";
    // "1700 hrs" is a time of day; "2 hrs" and "24hrs" are hours.
    let military =
        s.key(j + 1) == "hrs" && parse_digits(s.raw(j)).is_some_and(|d| d.plain_len == 4);
    if dotted
        || military
        || matches!(s.key(j + 1), "am" | "pm" | "o'clock" | "o’clock")
        || matches!(
            next,
            "GMT" | "BST" | "UTC" | "CET" | "CEST" | "EST" | "EDT" | "PST" | "PDT"
        )
    {
        return true;
    }
    // "at 10.30", "until 9.45": hours and minutes after a word of time.
    if matches!(s.prev_key(j), "at" | "until" | "till")
        && let Some((h, m)) = s.raw(j).split_once('.')
    {
        let hour_ok = h.len() <= 2 && h.parse::<u32>().is_ok_and(|h| h <= 24);
        let minute_ok = m.len() == 2 && m.parse::<u32>().is_ok_and(|m| m < 60);
        return hour_ok && minute_ok;
    }
    false
}

/// Claims a number that nothing else could read, with whatever is glued to it (":07",
/// "/2014", "pm", "th"), and a time zone or am/pm after it: so that the pieces of "05:07 BST",
/// "24/7" or "Section 55" are never read as counts.
pub(super) fn junk(s: &Sentence, i: usize) -> Option<Found> {
    if !s.is_number(i) {
        return None;
    }
    let mut end = i + 1;
    while matches!(s.raw(end), ":" | "/" | "." | "-" | "–")
        && s.glued(end)
        && s.is_number(end + 1)
        && s.glued(end + 1)
    {
        end += 2;
    }
    if s.is_word(end) && s.glued(end) {
        end += 1;
    }
    if matches!(s.key(end), "am" | "pm")
        || matches!(
            s.raw(end),
            "GMT" | "BST" | "UTC" | "CET" | "CEST" | "EST" | "EDT"
        )
    {
        end += 1;
    }
    Some(Found::skip(end))
}
