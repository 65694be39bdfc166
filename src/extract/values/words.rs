//! Word tables: the closed vocabularies the value recognisers match on.
//!
//! Every table is a `match` over a token's ASCII-lowercased text (see `Sentence::key`), so a
//! lookup never allocates. Tables that must see the original case (units such as `C` or `m`,
//! currency codes) say so and take the raw token text instead.

use crate::value::DAYS_PER_YEAR;

/// Zero to nineteen, indexed by value: for code that writes numbers out (the synthetic corpus,
/// property tests). Readers use [`small_number`] and [`tens`], which never scan a list.
pub const SMALL_NUMBERS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// The tens by their digit ("" for 0 and 1).
pub const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// One to nineteen, and zero.
pub fn small_number(key: &str) -> Option<u32> {
    Some(match key {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

pub fn tens(key: &str) -> Option<u32> {
    Some(match key {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Scale words that multiply what comes before them, written out.
pub(super) fn scale_word(key: &str) -> Option<f64> {
    Some(match key {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Scale suffixes after a number in digits, separated by a space: "1.2 million", "3 bn".
/// A spaced `m` is metres, not millions, unless a currency precedes (handled by the caller).
pub(super) fn spaced_scale(key: &str) -> Option<f64> {
    Some(match key {
        "bn" | "bln" => 1e9,
        "mn" | "mln" => 1e6,
        "tn" => 1e12,
        _ => return scale_word(key),
    })
}

/// Scale suffixes glued to digits: "1.2m", "2.5bn", "5k". Case matters: `M` and `K` are
/// accepted, but `B` and `G` are not (`4G`, `5B` are names).
pub(super) fn glued_scale(raw: &str) -> Option<f64> {
    Some(match raw {
        "m" | "M" | "mn" | "mln" => 1e6,
        "bn" | "Bn" | "BN" | "bln" => 1e9,
        "k" | "K" => 1e3,
        "tn" => 1e12,
        "million" => 1e6,
        "billion" => 1e9,
        _ => return None,
    })
}

pub fn is_number_word(key: &str) -> bool {
    small_number(key).is_some()
        || tens(key).is_some()
        || scale_word(key).is_some()
        || matches!(key, "hundred" | "dozen")
}

/// Month names and their abbreviations. The flag is true for full names, which may stand
/// alone after a date word ("in January"); abbreviations only count next to a day or year.
pub(super) fn month(key: &str) -> Option<(u8, bool)> {
    Some(match key {
        "january" => (1, true),
        "february" => (2, true),
        "march" => (3, true),
        "april" => (4, true),
        "may" => (5, true),
        "june" => (6, true),
        "july" => (7, true),
        "august" => (8, true),
        "september" => (9, true),
        "october" => (10, true),
        "november" => (11, true),
        "december" => (12, true),
        "jan" => (1, false),
        "feb" => (2, false),
        "mar" => (3, false),
        "apr" => (4, false),
        "jun" => (6, false),
        "jul" => (7, false),
        "aug" => (8, false),
        "sep" | "sept" => (9, false),
        "oct" => (10, false),
        "nov" => (11, false),
        "dec" => (12, false),
        _ => return None,
    })
}

/// Months whose names are also common English words ("may be", "to march", "august body").
pub(super) fn is_trap_month(month: u8) -> bool {
    matches!(month, 3 | 5 | 8)
}

pub(super) fn is_weekday(key: &str) -> bool {
    matches!(
        key,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
    )
}

/// Words after which a four-digit number is a year ("in 2011", "since 2009", "her 2014 book").
/// Strong ones decide alone ("in 2000 officers were hired" is a year); weak ones give way to a
/// plural noun after the number ("a total of 2000 officers", "up to 1800 officers").
pub(super) fn year_word(key: &str) -> Option<bool> {
    match key {
        "in" | "since" | "until" | "till" | "during" | "before" | "after" | "early" | "late"
        | "mid" | "year" | "spring" | "summer" | "autumn" | "winter" | "circa" => Some(true),
        "by" | "from" | "to" | "between" | "of" | "her" | "his" | "their" | "its" | "," => {
            Some(false)
        }
        _ => month(key).map(|_| true),
    }
}

pub(super) fn is_year_word(key: &str) -> bool {
    year_word(key).is_some()
}

/// Words after which a full month name on its own is a month ("in May", "since January").
/// Trap months ("May", "March", "August") additionally refuse `to` and `by` ("told to May",
/// "criticised by May").
pub(super) fn is_month_context(key: &str, trap: bool) -> bool {
    match key {
        "to" | "by" => !trap,
        "in" | "since" | "until" | "till" | "of" | "from" | "between" | "during" | "early"
        | "late" | "mid" | "last" | "next" | "this" | "before" | "after" => true,
        _ => false,
    }
}

/// A unit of time. `days` is its length; `bare_hi` is how far a bare plural ("days later")
/// may reach: twice the next larger unit, since beyond that the writer would have used it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct TimeUnit {
    pub days: f64,
    pub plural: bool,
    pub bare_hi: f64,
    /// Singular forms that are mostly something else ("a second officer"): a unit only after
    /// a number.
    pub needs_number: bool,
}

const MONTH_DAYS: f64 = DAYS_PER_YEAR / 12.0;

pub(super) fn time_unit(key: &str) -> Option<TimeUnit> {
    let unit = |days: f64, plural: bool, bare_hi: f64| TimeUnit {
        days,
        plural,
        bare_hi,
        needs_number: false,
    };
    Some(match key {
        "second" => TimeUnit {
            needs_number: true,
            ..unit(1.0 / 86_400.0, false, 2.0 / 1440.0)
        },
        "seconds" | "secs" => unit(1.0 / 86_400.0, true, 2.0 / 1440.0),
        // "9min 52sec": abbreviations that are only units after a number.
        "sec" => TimeUnit {
            needs_number: true,
            ..unit(1.0 / 86_400.0, false, 2.0 / 1440.0)
        },
        "min" => TimeUnit {
            needs_number: true,
            ..unit(1.0 / 1440.0, false, 2.0 / 24.0)
        },
        "minute" => unit(1.0 / 1440.0, false, 2.0 / 24.0),
        "minutes" | "mins" => unit(1.0 / 1440.0, true, 2.0 / 24.0),
        "hour" | "hr" => unit(1.0 / 24.0, false, 2.0),
        "hours" | "hrs" => unit(1.0 / 24.0, true, 2.0),
        "day" | "night" => unit(1.0, false, 14.0),
        "days" | "nights" => unit(1.0, true, 14.0),
        "week" => unit(7.0, false, 2.0 * MONTH_DAYS),
        "weeks" => unit(7.0, true, 2.0 * MONTH_DAYS),
        "fortnight" => unit(14.0, false, 2.0 * MONTH_DAYS),
        "fortnights" => unit(14.0, true, 2.0 * MONTH_DAYS),
        "month" => unit(MONTH_DAYS, false, 2.0 * DAYS_PER_YEAR),
        "months" => unit(MONTH_DAYS, true, 2.0 * DAYS_PER_YEAR),
        "year" | "yr" => unit(DAYS_PER_YEAR, false, 20.0 * DAYS_PER_YEAR),
        "years" | "yrs" => unit(DAYS_PER_YEAR, true, 20.0 * DAYS_PER_YEAR),
        "decade" => unit(10.0 * DAYS_PER_YEAR, false, 200.0 * DAYS_PER_YEAR),
        "decades" => unit(10.0 * DAYS_PER_YEAR, true, 200.0 * DAYS_PER_YEAR),
        "century" => unit(100.0 * DAYS_PER_YEAR, false, f64::INFINITY),
        "centuries" => unit(100.0 * DAYS_PER_YEAR, true, f64::INFINITY),
        _ => return None,
    })
}

/// Parts of a day that stand for one day in "the previous evening", "the next morning".
pub(super) fn is_day_part(key: &str) -> bool {
    matches!(key, "morning" | "evening" | "afternoon" | "night")
}

/// Words that turn a length of time into a time relative to the event: the sign, and whether
/// the word is a preposition (which after "in"/"for" reads as part of a period instead:
/// "in a single year after passing information").
pub(super) fn relative_marker(key: &str) -> Option<(f64, bool)> {
    Some(match key {
        "before" | "prior" => (-1.0, true),
        "earlier" | "previously" | "beforehand" | "ago" => (-1.0, false),
        "after" | "following" => (1.0, true),
        "later" | "afterwards" | "afterward" => (1.0, false),
        _ => return None,
    })
}

/// Prepositions that introduce a period: after them "a year" is a duration ("for a year").
pub(super) fn is_period_preposition(key: &str) -> bool {
    matches!(
        key,
        "for"
            | "in"
            | "within"
            | "over"
            | "after"
            | "during"
            | "than"
            | "throughout"
            | "across"
            | "spanning"
            | "lasting"
    )
}

/// Fraction words: the denominator, whether the form is plural, and whether the singular is
/// also an ordinal ("a third officer").
pub(super) fn fraction(key: &str) -> Option<(f64, bool, bool)> {
    Some(match key {
        "half" => (2.0, false, false),
        "halves" => (2.0, true, false),
        "third" => (3.0, false, true),
        "thirds" => (3.0, true, true),
        "quarter" => (4.0, false, false),
        "quarters" => (4.0, true, false),
        "fourth" => (4.0, false, true),
        "fourths" => (4.0, true, true),
        "fifth" => (5.0, false, true),
        "fifths" => (5.0, true, true),
        "sixth" => (6.0, false, true),
        "sixths" => (6.0, true, true),
        "seventh" => (7.0, false, true),
        "sevenths" => (7.0, true, true),
        "eighth" => (8.0, false, true),
        "eighths" => (8.0, true, true),
        "ninth" => (9.0, false, true),
        "ninths" => (9.0, true, true),
        "tenth" => (10.0, false, true),
        "tenths" => (10.0, true, true),
        "hundredth" => (100.0, false, true),
        "hundredths" => (100.0, true, true),
        _ => return None,
    })
}

/// Determiners, prepositions, conjunctions, auxiliaries, modals, pronouns and a few adverbs:
/// words that end the noun phrase a count quantifies.
pub(super) fn is_closed(key: &str) -> bool {
    if key.ends_with("n't") || key.ends_with("n’t") {
        return true;
    }
    matches!(
        key,
        // determiners
        "the" | "a" | "an" | "this" | "that" | "these" | "those" | "its" | "his" | "her"
            | "their" | "our" | "my" | "your" | "some" | "any" | "each" | "every" | "no"
            | "all" | "both" | "either" | "neither" | "another" | "what" | "which" | "whose"
            | "whatever" | "whichever" | "many" | "much" | "few" | "most" | "several"
            // prepositions
            | "of" | "in" | "on" | "at" | "by" | "for" | "with" | "from" | "to" | "into"
            | "onto" | "during" | "over" | "under" | "after" | "before" | "between" | "among"
            | "amongst" | "about" | "against" | "through" | "throughout" | "within" | "without"
            | "since" | "until" | "till" | "per" | "than" | "as" | "like" | "across"
            | "including" | "despite" | "towards" | "toward" | "upon" | "via" | "around"
            | "behind" | "beyond" | "near" | "off" | "out" | "up" | "down" | "above" | "below"
            | "along" | "amid" | "beside" | "besides" | "except" | "inside" | "outside" | "past"
            | "plus" | "minus" | "versus" | "v" | "vs" | "unlike" | "concerning" | "regarding"
            // conjunctions and relatives
            | "and" | "or" | "but" | "nor" | "so" | "yet" | "while" | "whilst" | "whereas"
            | "because" | "if" | "when" | "although" | "though" | "unless" | "once" | "where"
            | "who" | "whom" | "how" | "why" | "whether"
            // auxiliaries and modals
            | "was" | "were" | "is" | "are" | "am" | "be" | "been" | "being" | "had" | "have"
            | "has" | "having" | "do" | "does" | "did" | "will" | "would" | "could" | "should"
            | "shall" | "may" | "might" | "must" | "can" | "cannot" | "need" | "ought"
            // pronouns
            | "he" | "she" | "it" | "they" | "we" | "you" | "i" | "him" | "them" | "us" | "me"
            | "himself" | "herself" | "itself" | "themselves" | "ourselves" | "yourself"
            | "someone" | "anyone" | "everyone" | "nobody" | "everybody" | "something"
            | "anything" | "nothing" | "everything" | "there" | "here" | "none"
            // adverbs
            | "also" | "not" | "then" | "still" | "just" | "only" | "even" | "already" | "now"
            | "ever" | "never" | "too" | "very" | "respectively" | "alone" | "again"
            | "instead" | "however" | "altogether" | "apiece" | "overall" | "later"
            | "earlier" | "ago" | "previously" | "recently" | "today" | "yesterday"
            | "thereafter" | "last" | "next" | "aged"
    )
}

/// Words that may precede a number without making it an identifier when capitalised
/// ("Around 300", "In 2011", "Some 300", "May 2014", "GBP 300"): everything closed-class, the
/// qualifiers, date words and number words.
pub(super) fn is_function_like(key: &str) -> bool {
    is_closed(key)
        || is_year_word(key)
        || is_weekday(key)
        || is_number_word(key)
        || month(key).is_some()
        || matches!(
            key,
            "approximately"
                | "roughly"
                | "estimated"
                | "circa"
                | "c"
                | "approx"
                | "exactly"
                | "precisely"
                | "fewer"
                | "less"
                | "more"
                | "least"
                | "last"
                | "next"
                | "top"
                | "total"
                | "aged"
                | "age"
                | "gbp"
                | "usd"
                | "eur"
                | "aud"
                | "cad"
                | "jpy"
                | "chf"
                | "inr"
                | "almost"
                | "nearly"
                | "some"
                | "just"
                | "only"
                | "over"
                | "under"
                | "upwards"
                | "exceeding"
                | "yes"
                | "well"
                | "then"
                | "meanwhile"
                | "overall"
                | "altogether"
                | "another"
                | "further"
                | "additional"
                | "remaining"
                | "perhaps"
                | "maybe"
        )
}

/// Words before the noun that say nothing about what is counted ("300 such breaches",
/// "92 further cases"): skipped when deciding whether the head is a generic counting noun.
pub(super) fn is_pre_modifier(key: &str) -> bool {
    matches!(
        key,
        "such"
            | "other"
            | "more"
            | "further"
            | "additional"
            | "separate"
            | "different"
            | "new"
            | "reported"
            | "recorded"
            | "confirmed"
            | "alleged"
            | "known"
            | "serious"
            | "similar"
            | "individual"
            | "remaining"
            | "distinct"
    )
}

/// Nouns that count occurrences without saying of what.
pub(super) fn is_generic_noun(key: &str) -> bool {
    matches!(
        key,
        "case"
            | "cases"
            | "time"
            | "times"
            | "instance"
            | "instances"
            | "incident"
            | "incidents"
            | "occasion"
            | "occasions"
            | "occurrence"
            | "occurrences"
            | "example"
            | "examples"
            | "count"
            | "counts"
    )
}

/// Plural nouns that do not end in `s`.
fn is_irregular_plural(key: &str) -> bool {
    matches!(
        key,
        "people"
            | "men"
            | "women"
            | "children"
            | "police"
            | "staff"
            | "personnel"
            | "data"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "cattle"
            | "crew"
    )
}

/// A lowercase word that reads as a plural noun ("officers", "people"), for the year rule
/// ("2000 officers" is a count) and for where a head noun phrase ends.
pub(super) fn looks_plural(key: &str) -> bool {
    if is_irregular_plural(key) {
        return true;
    }
    key.len() > 2
        && key.ends_with('s')
        && !key.ends_with("ss")
        && !key.ends_with("us")
        && !key.ends_with("is")
        && !key.ends_with("'s")
        && !key.ends_with("’s")
        && !is_closed(key)
}

/// A verb form that, right after a plural noun, starts the predicate or a participle clause
/// rather than continuing the noun phrase ("92 cases resulted", "two men fighting", "three of
/// the officers quit").
pub(super) fn is_participle(key: &str) -> bool {
    (key.len() >= 5 && key.ends_with("ed") && !key.ends_with("eed"))
        || (key.len() >= 5 && key.ends_with("ing") && !matches!(key, "thing" | "things"))
        || is_irregular_past(key)
}

/// Nouns in "-ing" that end a noun phrase as nouns, not as verbs: "300 council housing",
/// "the 12 staff training".
pub(super) fn is_ing_noun(key: &str) -> bool {
    matches!(
        key,
        "building"
            | "meeting"
            | "hearing"
            | "training"
            | "funding"
            | "housing"
            | "spending"
            | "morning"
            | "evening"
            | "ceiling"
            | "wedding"
            | "clothing"
            | "warning"
            | "crossing"
            | "landing"
            | "opening"
            | "sibling"
            | "string"
            | "spring"
            | "ending"
            | "offspring"
            | "shooting"
            | "stabbing"
            | "bombing"
            | "killing"
            | "beating"
            | "painting"
            | "parking"
            | "planning"
            | "recycling"
            | "screening"
            | "testing"
            | "polling"
            | "policing"
            | "rating"
            | "ranking"
            | "setting"
            | "fishing"
            | "mining"
            | "farming"
            | "shipping"
            | "nursing"
            | "teaching"
            | "learning"
    )
}

/// Common irregular past tenses, which the "-ed" rule misses.
fn is_irregular_past(key: &str) -> bool {
    matches!(
        key,
        "quit"
            | "left"
            | "went"
            | "came"
            | "took"
            | "made"
            | "said"
            | "told"
            | "got"
            | "gave"
            | "found"
            | "saw"
            | "knew"
            | "thought"
            | "became"
            | "began"
            | "kept"
            | "held"
            | "stood"
            | "ran"
            | "won"
            | "lost"
            | "paid"
            | "met"
            | "sent"
            | "spent"
            | "built"
            | "fell"
            | "rose"
            | "grew"
            | "led"
            | "fled"
            | "sought"
            | "brought"
            | "bought"
            | "caught"
            | "fought"
            | "taught"
            | "wrote"
            | "spoke"
            | "broke"
            | "chose"
            | "drove"
            | "died"
            | "felt"
            | "heard"
            | "struck"
            // "hit" is also a noun; it is only read after a head word ("one quake hit").
            | "hit"
            | "shook"
            | "swept"
            | "tore"
            | "sank"
            | "sold"
            | "stole"
            | "threw"
            | "wore"
            | "hid"
            | "sat"
            | "slept"
            | "swore"
    )
}

/// Verbs (and the adverbs "up", "down") of change: a "from" they govern introduces the
/// earlier level ("fell from 64.5%", "up from 300"), and "from 200 to 300" after them is two
/// values, not a range.
pub(super) fn is_change_verb(key: &str) -> bool {
    matches!(
        key,
        "rose"
            | "rise"
            | "rises"
            | "rising"
            | "risen"
            | "fell"
            | "fall"
            | "falls"
            | "falling"
            | "fallen"
            | "grew"
            | "grow"
            | "grows"
            | "growing"
            | "grown"
            | "increased"
            | "increase"
            | "increases"
            | "increasing"
            | "decreased"
            | "decrease"
            | "decreases"
            | "decreasing"
            | "dropped"
            | "drop"
            | "drops"
            | "dropping"
            | "climbed"
            | "climbing"
            | "jumped"
            | "jumping"
            | "soared"
            | "soaring"
            | "slumped"
            | "slumping"
            | "declined"
            | "decline"
            | "declines"
            | "declining"
            | "plunged"
            | "plummeted"
            | "tumbled"
            | "surged"
            | "shrank"
            | "shrunk"
            | "cut"
            | "reduced"
            | "raised"
            | "boosted"
            | "slashed"
            | "doubled"
            | "halved"
            | "tripled"
            | "trebled"
            | "up"
            | "down"
            | "went"
            | "gone"
            | "changed"
            | "moved"
    )
}
