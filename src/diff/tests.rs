//! Quote diffs on real newsroom sentences, with the near misses each class must not swallow,
//! and the one-line rendering of them.

use super::*;

fn all(text: &str) -> Vec<QuoteWord> {
    words(text, 0..text.len())
}

/// The changes (Equal runs left out) as op, class, expected words and found words, each side's
/// words as written and joined by spaces.
fn changes_with(expected: &str, found: &str, edges: Edges) -> Vec<(Op, Class, String, String)> {
    let (e, f) = (all(expected), all(found));
    let changes = diff(&e, &f, edges, None);
    assert_valid(&e, &f, &changes);
    let join = |ws: &[QuoteWord], text: &str| {
        ws.iter()
            .map(|w| w.text(text))
            .collect::<Vec<_>>()
            .join(" ")
    };
    changes
        .into_iter()
        .filter(|c| c.op != Op::Equal)
        .map(|c| {
            (
                c.op,
                c.class.unwrap(),
                join(&e[c.expected], expected),
                join(&f[c.found], found),
            )
        })
        .collect()
}

fn changes(expected: &str, found: &str) -> Vec<(Op, Class, String, String)> {
    changes_with(expected, found, Edges::default())
}

/// The classes of the changes, in order.
fn classes(expected: &str, found: &str) -> Vec<Class> {
    changes(expected, found).into_iter().map(|c| c.1).collect()
}

fn change(op: Op, class: Class, expected: &str, found: &str) -> (Op, Class, String, String) {
    (op, class, expected.to_string(), found.to_string())
}

/// The changes tile both sequences in order, each op fits its ranges, only Equal lacks a
/// class, Equal runs are equal by key, and applying the changes to `expected` gives `found`.
pub(super) fn assert_valid(expected: &[QuoteWord], found: &[QuoteWord], changes: &[Change]) {
    let (mut e, mut f) = (0, 0);
    let mut rebuilt: Vec<&str> = Vec::new();
    for c in changes {
        assert_eq!(
            (c.expected.start, c.found.start),
            (e, f),
            "gap or overlap at {c:?}"
        );
        assert!(c.expected.end <= expected.len() && c.found.end <= found.len());
        assert!(
            !c.expected.is_empty() || !c.found.is_empty(),
            "empty change {c:?}"
        );
        assert_eq!(c.class.is_none(), c.op == Op::Equal, "{c:?}");
        let (old, new) = (&expected[c.expected.clone()], &found[c.found.clone()]);
        match c.op {
            Op::Equal => {
                assert_eq!(old.len(), new.len());
                assert!(old.iter().zip(new).all(|(a, b)| a.key == b.key), "{c:?}");
                rebuilt.extend(old.iter().map(|w| w.key.as_str()));
            }
            Op::Delete => assert!(new.is_empty() && !old.is_empty(), "{c:?}"),
            Op::Insert => assert!(old.is_empty() && !new.is_empty(), "{c:?}"),
            Op::Replace => assert!(!old.is_empty() && !new.is_empty(), "{c:?}"),
        }
        if c.op != Op::Equal {
            rebuilt.extend(new.iter().map(|w| w.key.as_str()));
        }
        (e, f) = (c.expected.end, c.found.end);
    }
    assert_eq!((e, f), (expected.len(), found.len()), "changes stop short");
    let found_keys: Vec<&str> = found.iter().map(|w| w.key.as_str()).collect();
    assert_eq!(rebuilt, found_keys);
}

// Substantive changes.

#[test]
fn the_met_spells_out_its_name_outside_the_brackets() {
    let found = changes(
        "The MPS treats any allegation about the conduct of its staff extremely seriously",
        "The Metropolitan Police Service (MPS) treats any allegation about the conduct of its \
         staff extremely seriously",
    );
    let substantive: Vec<_> = found.iter().filter(|c| c.1 == Class::Substantive).collect();
    assert_eq!(
        substantive,
        [&change(
            Op::Insert,
            Class::Substantive,
            "",
            "Metropolitan Police Service"
        )]
    );
    assert!(found.iter().all(|c| c.1 != Class::Bracketed), "{found:?}");
    // The brackets around the original "MPS" are typography.
    assert_eq!(
        found
            .iter()
            .filter(|c| c.1 == Class::Typography)
            .map(|c| c.3.as_str())
            .collect::<Vec<_>>(),
        ["(", ")"]
    );
}

#[test]
fn davis_loses_a_police() {
    let (e, f) = (
        "The extent to which police officers have used confidential police information for \
         criminal ends",
        "The extent to which officers have used confidential police information for criminal ends",
    );
    assert_eq!(
        changes(e, f),
        [change(Op::Delete, Class::Substantive, "police", "")]
    );
    let changes = diff(&all(e), &all(f), Edges::default(), None);
    let delete = changes.iter().find(|c| c.op == Op::Delete).unwrap();
    assert_eq!(delete.expected, 4..5);
}

#[test]
fn two_separate_cuts_are_two_changes() {
    assert_eq!(
        changes(
            "the security control for confidential information that the police hold on members \
             of the public.",
            "the security control for confidential information the police hold on the public."
        ),
        [
            change(Op::Delete, Class::Substantive, "that", ""),
            change(Op::Delete, Class::Substantive, "members of", ""),
        ]
    );
}

#[test]
fn an_unmarked_cut_is_substantive() {
    assert_eq!(
        changes(
            "The Met needs to review, as a matter of urgency, the security control",
            "The Met needs to review the security control"
        ),
        [change(
            Op::Delete,
            Class::Substantive,
            ", as a matter of urgency ,",
            ""
        )]
    );
}

#[test]
fn near_misses_of_a_typo_are_substantive() {
    for (e, f) in [
        ("not", "now"),
        ("officer", "officers"),
        ("treat", "treats"),
        ("in 2011", "in 2012"),
        ("cannot", "cannon"),
        ("four", "for"),
        ("form", "from"),
        ("he did", "he didn't"),
    ] {
        assert_eq!(classes(e, f), [Class::Substantive], "{e} / {f}");
    }
}

#[test]
fn dropping_a_negation_is_never_typography_or_a_typo() {
    assert_eq!(
        changes("we will not act", "we will act"),
        [change(Op::Delete, Class::Substantive, "not", "")]
    );
    assert_eq!(
        classes("we do not know", "we do now know"),
        [Class::Substantive]
    );
}

// Censorship.

#[test]
fn asterisks_for_letters_are_censorship() {
    assert_eq!(
        changes("damn n*****s", "damn niggers"),
        [change(Op::Replace, Class::Censorship, "n*****s", "niggers")]
    );
    assert_eq!(
        changes(
            "Merry Christmas... Keep calm and fuck off.",
            "Merry Christmas… Keep calm and f**k off."
        ),
        [change(Op::Replace, Class::Censorship, "fuck", "f**k")]
    );
    assert_eq!(classes("**** off", "fuck off"), [Class::Censorship]);
    assert_eq!(classes("f**k", "f***"), [Class::Censorship]);
}

#[test]
fn asterisks_that_hide_another_word_are_not_censorship() {
    for (e, f) in [
        ("f**k", "duck"),
        ("f**k", "fuel"),
        ("****", "no"),
        ("f**k", "fk"),
    ] {
        assert_eq!(classes(e, f), [Class::Substantive], "{e} / {f}");
    }
}

#[test]
fn a_replaced_pair_splits_where_the_class_changes() {
    assert_eq!(
        changes("damn fucking idiots", "darn f***ing idiots"),
        [
            change(Op::Replace, Class::Substantive, "damn", "darn"),
            change(Op::Replace, Class::Censorship, "fucking", "f***ing"),
        ]
    );
}

#[test]
fn curly_and_straight_apostrophes_are_equal() {
    assert!(changes("we shouldn't have", "we shouldn’t have").is_empty());
    assert!(changes("“We will act”", "\"We will act\"").is_empty());
}

// Typos.

#[test]
fn a_split_word_is_a_typo() {
    assert_eq!(
        changes(
            "searched details of a cab driver",
            "s earched details of a cab driver"
        ),
        [change(Op::Replace, Class::Typo, "searched", "s earched")]
    );
    assert_eq!(classes("any more", "anymore"), [Class::Typo]);
    assert_eq!(classes("can not", "cannot"), [Class::Typo]);
    // Digits never: "20 11" is not "2011".
    assert_eq!(classes("in 2011", "in 20 11"), [Class::Substantive]);
}

#[test]
fn one_slip_in_a_long_word_is_a_typo() {
    for (e, f) in [
        ("allegation", "allegaton"),
        ("seriously", "sreiously"),
        ("confidential", "confidental"),
        // Both real words, but one edit apart: treated as the slip it usually is.
        ("causal", "casual"),
        ("it's", "its"),
    ] {
        assert_eq!(classes(e, f), [Class::Typo], "{e} / {f}");
    }
}

#[test]
fn british_and_american_spellings_are_typos() {
    for (e, f) in [
        ("organise", "organize"),
        ("organisation", "organization"),
        ("travelled", "traveled"),
        ("colour", "color"),
        ("odour", "odor"),
        ("centre", "center"),
        ("defence", "defense"),
        ("analyse", "analyze"),
        ("programme", "program"),
        ("grey", "gray"),
        ("manoeuvre", "maneuver"),
    ] {
        assert_eq!(classes(e, f), [Class::Typo], "{e} / {f}");
    }
}

// Typography.

#[test]
fn punctuation_only_is_typography() {
    assert_eq!(
        changes("the public.", "the public;"),
        [change(Op::Replace, Class::Typography, ".", ";")]
    );
    assert_eq!(
        changes("He said: ‘We will act’", "He said, “We will act”"),
        [
            change(Op::Replace, Class::Typography, ": ‘", ", “"),
            change(Op::Replace, Class::Typography, "’", "”"),
        ]
    );
    // A cut shown where nothing was cut.
    assert_eq!(
        changes("calm and carry on", "calm … and carry on"),
        [change(Op::Insert, Class::Typography, "", "…")]
    );
}

#[test]
fn house_style_is_typography() {
    for (e, f) in [
        ("five per cent of officers", "5% of officers"),
        ("5 per cent", "5%"),
        ("5 percent", "5pc"),
        ("five officers", "5 officers"),
        ("twenty-one", "21"),
        ("the first time", "the 1st time"),
        ("31,000 officers", "31000 officers"),
        ("£4m", "£4 million"),
        ("police & crime", "police and crime"),
        ("off-duty officers", "off duty officers"),
        ("e-mail", "email"),
    ] {
        assert_eq!(classes(e, f), [Class::Typography], "{e} / {f}");
    }
    // Different numbers are not a matter of style.
    assert_eq!(classes("five officers", "6 officers"), [Class::Substantive]);
    assert_eq!(classes("5%", "5 officers"), [Class::Substantive]);
}

// Elision.

#[test]
fn a_marked_cut_is_an_elision() {
    let expected = "The Met needs to review, as a matter of urgency, the security control";
    for cut in ["[...]", "…", "...", "(...)"] {
        let found = format!("The Met needs to review {cut} the security control");
        assert_eq!(
            changes(expected, &found),
            [change(
                Op::Replace,
                Class::Elision,
                ", as a matter of urgency ,",
                cut
            )],
            "{found}"
        );
    }
    // The cut next to the deletion rather than in its place.
    assert_eq!(
        changes("we will act quickly and firmly", "we will act … firmly"),
        [change(Op::Replace, Class::Elision, "quickly and", "…")]
    );
    assert_eq!(
        changes("Keep calm... and carry on", "Keep calm... carry on"),
        [change(Op::Delete, Class::Elision, "and", "")]
    );
}

#[test]
fn a_cut_both_versions_show_is_no_change() {
    assert!(
        changes(
            "Merry Christmas... Keep calm",
            "Merry Christmas [...] Keep calm"
        )
        .is_empty()
    );
}

// Bracketed.

#[test]
fn words_in_brackets_are_an_editors_expansion() {
    assert_eq!(
        changes("We will act", "We will [the council will] act"),
        [change(
            Op::Insert,
            Class::Bracketed,
            "",
            "[ the council will ]"
        )]
    );
    assert_eq!(
        changes(
            "The council will act",
            "The council (and its partners) will act"
        ),
        [change(
            Op::Insert,
            Class::Bracketed,
            "",
            "( and its partners )"
        )]
    );
    assert_eq!(
        changes("he said", "[Davis] said"),
        [change(Op::Replace, Class::Bracketed, "he", "[ Davis ]")]
    );
}

#[test]
fn words_added_inside_an_original_aside_are_not_bracketed() {
    assert_eq!(
        changes(
            "The council (and partners) will act",
            "The council (and its partners) will act"
        ),
        [change(Op::Insert, Class::Substantive, "", "its")]
    );
    // Brackets dropped by the version are not an insertion at all.
    assert_eq!(
        classes(
            "The council (and its partners) will act",
            "The council will act"
        ),
        [Class::Substantive]
    );
}

// Excerpt.

#[test]
fn quoting_less_at_an_edge_is_an_excerpt() {
    let expected = "of a significant level to a prominent criminal with links to firearms";
    let found = "significant level to a prominent criminal with links to firearms";
    let start = Edges {
        start: true,
        end: false,
    };
    assert_eq!(
        changes_with(expected, found, start),
        [change(Op::Delete, Class::Excerpt, "of a", "")]
    );
    assert_eq!(
        changes(expected, found),
        [change(Op::Delete, Class::Substantive, "of a", "")]
    );
    // Only the edge that is the quote's edge.
    let end = Edges {
        start: false,
        end: true,
    };
    assert_eq!(
        changes_with(expected, found, end),
        [change(Op::Delete, Class::Substantive, "of a", "")]
    );
}

#[test]
fn an_excerpt_may_end_on_its_own_full_stop() {
    let end = Edges {
        start: false,
        end: true,
    };
    assert_eq!(
        changes_with(
            "links to firearms and drugs, he said.",
            "links to firearms.",
            end
        ),
        [change(
            Op::Delete,
            Class::Excerpt,
            "and drugs , he said",
            ""
        )]
    );
}

#[test]
fn a_replacement_at_the_edge_is_not_an_excerpt() {
    let start = Edges {
        start: true,
        end: true,
    };
    assert_eq!(
        changes_with("of a significant level", "the significant level", start),
        [change(Op::Replace, Class::Substantive, "of a", "the")]
    );
}

// The whole diff.

#[test]
fn identical_quotes_are_one_equal_run() {
    let ws = all("We will act, and act firmly.");
    let changes = diff(&ws, &ws, Edges::default(), None);
    assert_eq!(
        changes,
        [Change {
            op: Op::Equal,
            class: None,
            expected: 0..ws.len(),
            found: 0..ws.len(),
        }]
    );
    assert!(diff(&[], &[], Edges::default(), None).is_empty());
}

#[test]
fn a_run_slid_off_the_end_leaves_the_words_it_crossed_equal() {
    // The raw diff deletes "said", keeps the first "the" and inserts the second; sliding the
    // insertion back to join the deletion must keep a "the" equal after it.
    assert_eq!(
        changes("said the", "the the"),
        [change(Op::Replace, Class::Substantive, "said", "the")]
    );
}

#[test]
fn a_passed_deadline_still_gives_a_valid_diff() {
    let e = all("the security control for confidential information that the police hold");
    let f = all("the security control [for] information the police hold on the public");
    let changes = diff(&e, &f, Edges::default(), Some(std::time::Instant::now()));
    assert_valid(&e, &f, &changes);
}

#[test]
fn classes_are_ordered_and_named() {
    assert!(Class::Excerpt < Class::Typography && Class::Bracketed < Class::Substantive);
    for class in Class::ALL {
        assert_eq!(Class::from_name(class.name()), Some(class));
        assert_eq!(
            serde_json::to_value(class).unwrap(),
            serde_json::json!(class.name())
        );
        assert_eq!(class.is_alteration(), class == Class::Substantive);
    }
}

// Inline.

fn inline_of(expected: &str, found: &str, context: usize, min: Class) -> String {
    let (e, f) = (all(expected), all(found));
    let changes = diff(&e, &f, Edges::default(), None);
    inline(&e, expected, &f, found, &changes, context, min)
}

#[test]
fn inline_marks_changes_and_cuts_long_context() {
    assert_eq!(
        inline_of(
            "The extent to which police officers have used confidential police information",
            "The extent to which officers have used confidential police information",
            2,
            Class::Typography
        ),
        "… to which [-police-] officers have …"
    );
    assert_eq!(
        inline_of("he said it", "[Davis] said it", 5, Class::Typography),
        "[-he-]{+[Davis]+} said it"
    );
    assert_eq!(
        inline_of(
            "the information that the police hold on members of the public.",
            "the information the police hold on the public.",
            1,
            Class::Typography
        ),
        "… information [-that-] the … on [-members of-] the …"
    );
}

#[test]
fn inline_prints_lesser_changes_plainly() {
    let expected = "The MPS treats any allegation about the conduct of its staff";
    let found = "The Metropolitan Police Service (MPS) treats any allegation about the conduct";
    assert_eq!(
        inline_of(expected, found, 2, Class::Substantive),
        "The {+Metropolitan Police Service+} (MPS) treats … the conduct [-of its staff-]"
    );
    assert_eq!(
        inline_of(expected, found, 1, Class::Typography),
        "The {+Metropolitan Police Service+} {+(+}MPS{+)+} treats … conduct [-of its staff-]"
    );
    // Nothing at or above `min`: the found quote as it is.
    assert_eq!(
        inline_of(
            "off-duty officers",
            "off duty officers",
            0,
            Class::Censorship
        ),
        "off duty officers"
    );
}

#[test]
fn inline_keeps_the_spacing_of_each_text() {
    assert_eq!(
        inline_of("off-duty officers", "off duty officers", 3, Class::Excerpt),
        "off [---] duty officers"
    );
    assert_eq!(
        inline_of(
            "to review, as a matter of urgency, the security",
            "to review [...] the security",
            3,
            Class::Excerpt
        ),
        "to review [-, as a matter of urgency,-]{+[...]+} the security"
    );
    // A cut word keeps the space it had before it; the comma after stays glued.
    assert_eq!(
        inline_of(
            "worked hard through difficult years, and",
            "worked hard, and",
            3,
            Class::Substantive
        ),
        "worked hard [-through difficult years-], and"
    );
}
