//! Heads: the noun phrase a count or share quantifies ("300 [such breaches]", "one-fifth of
//! [cases]"), whether it is a generic counting noun that says nothing about what is counted
//! ("[cases]", "[times]"), and whether the count is of part of a group ("one of the
//! [victims]").

use std::ops::Range;

use super::Sentence;
use super::words;

/// Where to look for the head once a value is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum HeadFrom {
    None,
    /// Right after the value: "one in five [officers]".
    Direct(usize),
    /// Right after the value, or after "of (the)" when nothing follows directly: "300 [cases]",
    /// "hundreds of [breaches]", "one of the [officers]". `vague` says the amount is a vague
    /// quantity, for which "of" alone introduces what is counted ("hundreds of breaches") and
    /// only "of" + determiner a group it is part of ("hundreds of the breaches").
    Partitive {
        at: usize,
        vague: bool,
    },
    /// Only after "of (the)": "one-fifth of [cases]"; "two-thirds resulted" has none.
    OfOnly(usize),
    /// After "of (the)" or a determiner: "half of [cases]", "half the [officers]".
    OfOrDeterminer(usize),
}

const MAX_HEAD_WORDS: usize = 4;

/// What `find` learnt about the noun phrase a value quantifies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Head {
    pub range: Option<Range<usize>>,
    pub generic: bool,
    /// The count is of part of the group the head names ("one of the victims").
    pub partitive: bool,
}

/// Determiners after a partitive "of": "one of [the] victims", "two of [his] officers".
fn is_group_determiner(key: &str) -> bool {
    matches!(
        key,
        "the" | "these" | "those" | "their" | "its" | "his" | "her" | "our" | "my" | "your"
    )
}

/// Pronouns that end a partitive without a noun: "three of whom", "both of them".
fn is_group_pronoun(key: &str) -> bool {
    matches!(
        key,
        "whom" | "which" | "them" | "us" | "you" | "these" | "those"
    )
}

pub(super) fn find(s: &Sentence, from: HeadFrom) -> Head {
    if let HeadFrom::Partitive { at, vague } = from
        && run(s, at).is_none()
        && let Some(head) = partitive(s, at, vague)
    {
        return head;
    }
    let run = match from {
        HeadFrom::None => None,
        HeadFrom::Direct(k) => run(s, k),
        HeadFrom::Partitive { at: k, .. } => {
            run(s, k).or_else(|| after_of(s, k).and_then(|k| run(s, k)))
        }
        HeadFrom::OfOnly(k) => after_of(s, k).and_then(|k| run(s, k)),
        HeadFrom::OfOrDeterminer(k) => match after_of(s, k) {
            Some(k) => run(s, k),
            None if matches!(s.key(k), "the" | "their" | "its" | "his" | "her" | "our") => {
                run(s, k + 1)
            }
            None => None,
        },
    };
    let generic = run.clone().is_some_and(|r| is_generic(s, r));
    Head {
        range: run,
        generic,
        partitive: false,
    }
}

/// "one of the victims", "two of his officers", "three of whom", "one of London's biggest
/// forces": a count of part of the group after "of". After a vague quantity "of" alone names
/// what is counted ("hundreds of breaches"), so there the group needs a determiner or a
/// pronoun ("hundreds of the breaches", "dozens of them").
fn partitive(s: &Sentence, k: usize, vague: bool) -> Option<Head> {
    if s.key(k) != "of" {
        return None;
    }
    let mut g = k + 1;
    if s.key(g) == "all" {
        g += 1;
    }
    let determiner = is_group_determiner(s.key(g));
    // "three of those" and "both of these" end there; "three of those officers" goes on.
    if is_group_pronoun(s.key(g)) && (!determiner || run(s, g + 1).is_none()) {
        return Some(Head {
            range: None,
            generic: false,
            partitive: true,
        });
    }
    if determiner {
        g += 1;
    } else if vague {
        return None;
    }
    // "one of the most senior officers": the superlative adverb is not the group.
    if matches!(s.key(g), "most" | "least") && s.is_word(g + 1) {
        g += 1;
    }
    let range = run(s, g)?;
    Some(Head {
        range: Some(range),
        generic: false,
        partitive: true,
    })
}

/// The token after "of" and one optional determiner, if `k` is "of".
fn after_of(s: &Sentence, k: usize) -> Option<usize> {
    if s.key(k) != "of" {
        return None;
    }
    let mut k = k + 1;
    if s.key(k) == "all" {
        k += 1;
    }
    if matches!(s.key(k), "the" | "their" | "its" | "his" | "her" | "our") {
        k += 1;
    }
    Some(k)
}

/// Up to four open-class words from `start`, hyphenated compounds counting as one, and the
/// numbers that name rather than count inside them ("182 [Year 11 pupils]", "48,120 [999
/// calls]").
fn run(s: &Sentence, start: usize) -> Option<Range<usize>> {
    let mut k = start;
    let mut count = 0;
    let mut last_plural = false;
    while count < MAX_HEAD_WORDS {
        if s.is_number(k) && naming_number(s, k) {
            k += 1;
            continue;
        }
        if !s.is_word(k) {
            break;
        }
        let key = s.key(k);
        if words::is_closed(key) || words::is_number_word(key) {
            break;
        }
        // English compounds put the plural last ("passenger journeys", "fire engines"), so
        // the noun phrase ends at a regular plural: "92 cases resulted in", "21,000 passengers
        // use the line"; only another plural carries on ("sales figures"). Irregular plurals
        // also serve as modifiers ("police staff", "data protection breaches"): after them
        // only a participle ends the phrase ("two men fighting").
        let regular_plural = last_plural && s.key(k - 1).ends_with('s');
        if (regular_plural && !words::looks_plural(key))
            || (last_plural && words::is_participle(key))
            || (count > 0 && !last_plural && verb_after_noun(s, k))
        {
            break;
        }
        count += 1;
        k += 1;
        while s.raw(k) == "-" && s.glued(k) && s.glued(k + 1) && s.is_word(k + 1) {
            k += 2;
        }
        last_plural = words::looks_plural(s.key(k - 1));
    }
    (count > 0).then_some(start..k)
}

/// A number inside a noun phrase that names rather than counts: an identifier after a
/// capitalised word or "Year" ("Year 11 pupils", "Section 60 searches"), or a number right
/// after the count, which the identifier rule already keeps from being a count of its own
/// ("48,120 999 calls"). It belongs to the head only if the phrase goes on after it.
fn naming_number(s: &Sentence, k: usize) -> bool {
    let next = k + 1;
    let continues = s.is_word(next)
        && s.spaced(next)
        && !words::is_closed(s.key(next))
        && !words::is_number_word(s.key(next));
    continues && !s.glued(k) && super::numbers::identifier_before(s, k)
}

/// A participle or past tense at `k` after a singular head word starts the predicate: "A
/// magnitude 6.8 [earthquake] struck", "one [quake] hit the city", "a single [bomb] killed 20".
/// Not after a modifier that is waiting for its noun ("92 further reported cases", "300 newly
/// qualified officers"), nor when an "-ing" word is itself a noun ("council housing") or
/// modifies the plural noun after it ("drink driving offences", "money laundering charges").
fn verb_after_noun(s: &Sentence, k: usize) -> bool {
    let key = s.key(k);
    if !words::is_participle(key) {
        return false;
    }
    let before = s.prev_key(k);
    if words::is_pre_modifier(before) || before.ends_with("ly") || before == "well" {
        return false;
    }
    if key.ends_with("ing") {
        let next = k + 1;
        let plural_noun_follows = s.is_word(next)
            && s.spaced(next)
            && !s.capitalised(next)
            && words::looks_plural(s.key(next))
            && s.key(next).ends_with('s');
        if plural_noun_follows || words::is_ing_noun(key) {
            return false;
        }
    }
    true
}

fn is_generic(s: &Sentence, run: Range<usize>) -> bool {
    run.filter(|&k| s.is_word(k))
        .map(|k| s.key(k))
        .find(|key| !words::is_pre_modifier(key))
        .is_some_and(words::is_generic_noun)
}
