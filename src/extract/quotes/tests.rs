use super::*;
use crate::source::FileId;
use crate::text::layout::layout;
use crate::text::token::tokenize;

/// (quoted words, speaker name, person?, partial, closed) for every quote of `text`.
fn read(text: &str) -> Vec<(String, Option<String>, bool, bool, bool)> {
    let tokens = tokenize(text, 0..text.len());
    let layout = layout(text, &tokens);
    quotes(text, &tokens, &layout, FileId(0))
        .into_iter()
        .map(|q| {
            let words = q
                .parts
                .iter()
                .map(|s| &text[s.start as usize..s.end as usize])
                .collect::<Vec<_>>()
                .join(" / ");
            let person = q.speaker.as_ref().is_some_and(Speaker::is_person);
            (
                words,
                q.speaker.map(|s| s.name),
                person,
                q.partial,
                q.closed,
            )
        })
        .collect()
}

fn speakers(text: &str) -> Vec<Option<String>> {
    read(text).into_iter().map(|q| q.1).collect()
}

const FILLER: &str =
    "The council approved the budget on Tuesday after a long debate in the chamber.";

#[test]
fn a_quote_over_several_paragraphs_is_one_passage() {
    let text = format!(
        "{FILLER}\n\nHe said: \"The extent to which officers have used confidential police information is astonishing.\n\n\"This directly impacts on the level of trust between the police and the public.\n\n\"The Met needs to review the security control.\"\n\n{FILLER}"
    );
    let q = read(&text);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].0,
        "The extent to which officers have used confidential police information is astonishing. / This directly impacts on the level of trust between the police and the public. / The Met needs to review the security control."
    );
    assert!(q[0].4);
}

#[test]
fn an_unterminated_quote_ends_at_its_paragraph() {
    let text = format!(
        "{FILLER}\n\nA Met spokesman said: \"The MPS treats any allegation about the conduct of its staff extremely seriously.\"\n\n\"The Commissioner has stated he will not tolerate racism and recognises that the Met needs to improve.\n\nClose\n\nWhat's Hot"
    );
    let q = read(&text);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q[1].0.starts_with("The Commissioner"));
    assert!(q[1].0.ends_with("needs to improve."));
    assert!(!q[1].4, "not closed");
    // The paragraph of quote after the spokesman's is the spokesman's.
    assert_eq!(q[1].1.as_deref(), Some("A Met spokesman"));
}

#[test]
fn an_unclosed_paragraph_not_followed_by_a_quote_mark_ends() {
    let text = format!(
        "{FILLER}\n\nShe said: \"We will fight this decision all the way to the High Court.\n\nThe council declined to comment on the case when asked by reporters.\n\n{FILLER}"
    );
    let q = read(&text);
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].0,
        "We will fight this decision all the way to the High Court."
    );
}

#[test]
fn curly_straight_and_wrong_way_round_marks() {
    let text = format!(
        "{FILLER}\n\nEmma Carr, deputy director of civil liberties group Big Brother Watch, said police needed to be more transparent.\n\nShe said: ” It shouldn’t take journalists or campaign groups to ask for that information.\n\n“It’s also important that police do their utmost to ensure people are disciplined.”\n\n{FILLER}"
    );
    let q = read(&text);
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.starts_with("It shouldn’t take"));
    assert_eq!(q[0].1.as_deref(), Some("Emma Carr"));
    assert!(q[0].2);
}

#[test]
fn single_quotes_inside_double_are_part_of_the_quote() {
    let text = format!(
        "{FILLER}\n\nThe mayor said: \"People keep telling me 'this is the worst flood in living memory' and they are right.\"\n\n{FILLER}"
    );
    let q = read(&text);
    assert_eq!(q.len(), 1);
    assert!(
        q[0].0
            .contains("'this is the worst flood in living memory' and")
    );
}

#[test]
fn single_quotes_make_a_quote_where_an_outlet_uses_them() {
    let text = format!(
        "{FILLER}\n\nThe officers’ union said the decision was ‘a disgrace to the force’ and called for a review.\n\n{FILLER}"
    );
    let q = read(&text);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "a disgrace to the force");
    assert!(q[0].3, "partial");
}

#[test]
fn inches_are_not_quote_marks() {
    let text = format!(
        "{FILLER}\n\nThe suspect is described as 6ft 2\" tall and was wearing a dark jacket, police said on Monday.\n\n{FILLER}"
    );
    assert!(read(&text).is_empty());
}

#[test]
fn partial_quotes_inside_a_sentence() {
    let text = format!(
        "{FILLER}\n\nFormer shadow home secretary David Davis said the breaches undermined public trust in the police and were \"astonishing\".\n\nAnother officer was arrested for leaking intelligence \"of a significant level to a prominent criminal\", the Met said.\n\n{FILLER}"
    );
    let q = read(&text);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].0, "astonishing");
    assert!(q[0].3);
    assert_eq!(q[0].1.as_deref(), Some("David Davis"));
    assert_eq!(q[1].1.as_deref(), Some("the Met"));
    assert!(!q[1].2, "an organisation, not a person");
}

#[test]
fn attribution_after_the_quote() {
    let text = format!(
        "{FILLER}\n\n“The public must be able to trust the police. Leaking confidential data is wrong,” said the shadow Police minister Jack Dromey.\n\n\"We are reviewing the figures,\" a council spokeswoman said.\n\n\"It was terrifying,\" he added.\n\n{FILLER}"
    );
    assert_eq!(
        speakers(&text),
        [
            Some("Jack Dromey".to_string()),
            Some("a council spokeswoman".to_string()),
            Some("Jack Dromey".to_string()),
        ]
    );
}

#[test]
fn attribution_before_the_quote() {
    let text = format!(
        "{FILLER}\n\nThe former shadow Home Secretary David Davis said: “The extent of it is astonishing.”\n\nA spokesman for the force said: “The MPS treats any allegation extremely seriously.”\n\nCivil liberties group Big Brother Watch deputy director Emma Carr said: \"It looks like they are hiding something.\"\n\nIn a statement the council said: \"We will appeal against the ruling.\"\n\nAccording to the Metropolitan Police, criminals used an officer to \"obtain data from police indices\".\n\n{FILLER}"
    );
    assert_eq!(
        speakers(&text),
        [
            Some("David Davis".to_string()),
            Some("A spokesman for the force".to_string()),
            Some("Emma Carr".to_string()),
            Some("the council".to_string()),
            Some("the Metropolitan Police".to_string()),
        ]
    );
}

#[test]
fn pronouns_and_descriptions_refer_back() {
    let text = format!(
        "{FILLER}\n\nFormer shadow home secretary David Davis said the breaches undermined public trust in the police.\n\nThe Tory MP for Haltemprice and Howden said: “The extent of it is astonishing.”\n\nA Met spokesman said: “We recognise that protecting data is critical.”\n\nAsked about racism, the spokesman added: “The Commissioner will not tolerate racism.”\n\nMs Carr said: \"It is one rule for police and one for the rest of us.\"\n\n{FILLER}"
    );
    let tokens = tokenize(&text, 0..text.len());
    let layout = layout(&text, &tokens);
    let q = quotes(&text, &tokens, &layout, FileId(0));
    let s: Vec<&Speaker> = q.iter().filter_map(|q| q.speaker.as_ref()).collect();
    assert_eq!(s.len(), 4);
    assert_eq!(s[0].name, "David Davis");
    assert_eq!(s[0].key, SpeakerKey::Person("davis".into()));
    assert!(s[0].resolved);
    assert_eq!(
        s[0].role.as_deref(),
        Some("The Tory MP for Haltemprice and Howden")
    );
    assert_eq!(s[1].name, "A Met spokesman");
    assert_eq!(s[2].name, "A Met spokesman");
    assert!(s[2].resolved);
    // "Ms Carr" with no earlier full name is still a person known by surname.
    assert_eq!(s[3].key, SpeakerKey::Person("carr".into()));
}

#[test]
fn titles_fold_into_the_surname() {
    let text = format!(
        "{FILLER}\n\nEmma Carr, deputy director of Big Brother Watch, said: \"It should not take journalists to ask.\"\n\nMs Carr added: \"It looks like they are hiding something.\"\n\n{FILLER}"
    );
    let tokens = tokenize(&text, 0..text.len());
    let layout = layout(&text, &tokens);
    let q = quotes(&text, &tokens, &layout, FileId(0));
    let a = q[0].speaker.as_ref().unwrap();
    let b = q[1].speaker.as_ref().unwrap();
    assert_eq!(a.key, b.key);
    assert_eq!(b.name, "Emma Carr");
    assert_eq!(
        a.role.as_deref(),
        Some("deputy director of Big Brother Watch")
    );
}

#[test]
fn no_speaker_where_the_article_names_none() {
    let text = format!(
        "{FILLER}\n\nA special constable received formal action for making the comment \"damn n*****s\" on a Facebook photo of two men fighting, while one officer was captioned with the words \"Merry Christmas... Keep calm and fuck off.\"\n\nAnother \"searched details of a cab driver he had refused to pay a few nights before\".\n\n{FILLER}"
    );
    assert_eq!(speakers(&text), [None, None, None]);
}

#[test]
fn quotes_in_page_junk_are_not_read() {
    let text = format!(
        "Home | News | Sport\n\n'We were robbed' says manager\n\n{FILLER}\n\nThe leader said: \"This budget protects the services people rely on every day.\"\n\n{FILLER}\n\nMost read\n\n\"I thought I was going to die\": survivor tells of crash"
    );
    let q = read(&text);
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.starts_with("This budget"));
}

#[test]
#[ignore = "prints the quotes of the bundled corpus, for eyeballing"]
fn dump_bundled_corpus() {
    for entry in std::fs::read_dir("corpus/met-police-data-breaches").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let tokens = tokenize(&text, 0..text.len());
        let layout = layout(&text, &tokens);
        println!("== {}", path.display());
        for q in quotes(&text, &tokens, &layout, FileId(0)) {
            let words: Vec<&str> = q
                .parts
                .iter()
                .map(|s| &text[s.start as usize..s.end as usize])
                .collect();
            let w = words.join(" / ");
            println!(
                "  [{}{}] {:?} <- {:?}",
                if q.partial { "partial " } else { "" },
                if q.closed { "closed" } else { "open" },
                w.chars().take(90).collect::<String>(),
                q.speaker.map(|s| format!(
                    "{} {:?} role={:?} resolved={}",
                    s.name, s.key, s.role, s.resolved
                ))
            );
        }
    }
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Text built from the pieces quotes are made of: marks of every shape, attributions,
    /// pronouns, full stops, blank lines, numbers glued to marks.
    fn article() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "\"",
            "“",
            "”",
            "‘",
            "’",
            "'",
            "„",
            "«",
            "»",
            " said: ",
            ", said ",
            " he added. ",
            "She said: ",
            "According to the council, ",
            "Ms Carr",
            "David Davis",
            "the force",
            "A spokesman for the force",
            "6'2\"",
            ". ",
            "\n\n",
            "\n",
            "officers' union",
            "We will ",
            "not ",
            "appeal against it",
            "…",
            "...",
            "[the council]",
            "(MPS) ",
            "The ",
            "a ",
        ]);
        prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
    }

    /// The generator is worth something only if its texts hold quotes.
    #[test]
    fn generated_articles_do_hold_quotes() {
        use proptest::strategy::ValueTree;
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let with_quotes = (0..200)
            .filter(|_| {
                let text = article().new_tree(&mut runner).unwrap().current();
                let tokens = tokenize(&text, 0..text.len());
                let layout = layout(&text, &tokens);
                !quotes(&text, &tokens, &layout, FileId(0)).is_empty()
            })
            .count();
        assert!(with_quotes >= 20, "{with_quotes} of 200");
    }

    proptest! {
        #[test]
        fn quotes_are_ordered_disjoint_and_inside_the_text(text in article()) {
            let tokens = tokenize(&text, 0..text.len());
            let layout = layout(&text, &tokens);
            let found = quotes(&text, &tokens, &layout, FileId(0));
            let mut last_end = 0u32;
            for quote in &found {
                prop_assert!(!quote.parts.is_empty());
                for part in &quote.parts {
                    prop_assert!(part.start < part.end);
                    prop_assert!(part.start >= last_end, "{:?} overlaps", part);
                    prop_assert!((part.end as usize) <= text.len());
                    prop_assert!(text.is_char_boundary(part.start as usize));
                    prop_assert!(text.is_char_boundary(part.end as usize));
                    last_end = part.end;
                }
                if let Some(speaker) = &quote.speaker {
                    prop_assert!((speaker.written.end as usize) <= text.len());
                    prop_assert!(!speaker.name.is_empty());
                }
            }
        }

        #[test]
        fn any_text_at_all_is_read_without_panicking(text in "\\PC{0,300}") {
            let tokens = tokenize(&text, 0..text.len());
            let layout = layout(&text, &tokens);
            let _ = quotes(&text, &tokens, &layout, FileId(0));
        }
    }
}
