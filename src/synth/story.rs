//! One story: its plan (type, people, facts, quotes, paragraphs as the wire filed them), its
//! claim file, and its versions, each the wire copy put through one outlet's edits: harmless
//! ones at the rates in docs/performance.md, and in a few versions one planted conflict.

use std::fmt::Write as _;

use super::junk::{self, Page};
use super::manifest::Planted;
use super::pools::{self, BRANDS, COUNTIES, FEMALE, LINES, MALE, PLACES, SURNAMES, WIRES};
use super::quote::{self, QuoteEdit};
use super::rng::Rng;
use super::templates::{FactKind, POLICE_RANKS, StoryType, TYPES};
use super::values::{Style, Value};
use super::words::capitalise;
use crate::value::date::{self, MONTHS};

/// Placeholders and their values for one story.
#[derive(Debug, Default)]
struct Ctx(Vec<(&'static str, String)>);

impl Ctx {
    fn set(&mut self, key: &'static str, value: impl Into<String>) {
        self.0.push((key, value.into()));
    }

    fn get(&self, key: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, v)| v.as_str())
    }

    fn fill(&self, template: &str) -> String {
        let mut out = template.to_string();
        // Values may hold placeholders (`{org}` = "{place} Council"): fill twice.
        for _ in 0..2 {
            for (key, value) in &self.0 {
                out = out.replace(&format!("{{{key}}}"), value);
            }
        }
        out
    }
}

/// A paragraph of the wire copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    Lead,
    Fact(usize),
    Background(usize),
    Official,
    OfficialMore,
    Witness,
    WitnessMore,
}

#[derive(Debug)]
struct Fact {
    value: Value,
    /// Whether the claim file gives the value (`slot = v`) or leaves it to consensus (`= ?`).
    literal: bool,
    wire_phrasing: usize,
    /// A background sentence the wire runs on after the fact (an outlet may trim it).
    tail: Option<String>,
}

/// Where a planted conflict goes.
#[derive(Clone, Copy, Debug)]
enum Plant {
    Value {
        fact: usize,
        value: Value,
    },
    Quote {
        official: bool,
        sentence: usize,
        edit: QuoteEdit,
    },
}

/// One version's edits to the wire copy.
#[derive(Debug)]
struct Edits {
    headline: usize,
    curly: bool,
    phrasing: [usize; 2],
    style: [Style; 2],
    drop: Vec<Block>,
    trim_tail: [bool; 2],
    swap: Option<usize>,
    official_intro: usize,
    witness_intro: usize,
    official_skip_first: bool,
    plant: Option<Plant>,
    middle_junk: Option<usize>,
}

/// A generated story, ready to write.
#[derive(Debug)]
pub struct StoryOut {
    pub slug: String,
    pub claim_file: String,
    /// (file name, contents).
    pub versions: Vec<(String, String)>,
    pub planted: Vec<Planted>,
    pub cues: Vec<String>,
    pub claims: usize,
}

struct Story {
    index: usize,
    ty: &'static StoryType,
    type_index: usize,
    ctx: Ctx,
    slug: String,
    wire: usize,
    facts: [Fact; 2],
    official: Vec<&'static str>,
    official_more: &'static str,
    witness: Vec<&'static str>,
    witness_more: Option<&'static str>,
    background: Vec<Vec<String>>,
    blocks: Vec<Block>,
    official_intro: usize,
    witness_intro: usize,
    witness_pronoun: &'static str,
    day: (u32, u32),
}

pub fn generate(seed: u64, index: usize, versions: usize, dodge: bool) -> StoryOut {
    let mut rng = Rng::for_story(seed, index as u64);
    let story = plan(&mut rng, index);
    let mut out = StoryOut {
        slug: story.slug.clone(),
        claim_file: story.claim_file(seed),
        versions: Vec::new(),
        planted: Vec::new(),
        cues: story.cues(),
        claims: 2,
    };

    // Which versions carry a planted conflict: none in a quarter of stories.
    let planted = match rng.below(100) {
        0..25 => 0,
        25..60 => 1,
        60..85 => 2,
        _ => 3,
    }
    .min(versions.saturating_sub(3));
    let plant_at: Vec<usize> = rng
        .sample(versions.saturating_sub(1), planted)
        .into_iter()
        .map(|i| i + 1)
        .collect();

    let outlets = rng.sample(pools::outlet_count(), versions.saturating_sub(1));
    let wire_name = WIRES[story.wire].0;
    let wire_id = format!("000-{}", WIRES[story.wire].1);
    for v in 0..versions {
        let (outlet, id) = if v == 0 {
            (wire_name.to_string(), wire_id.clone())
        } else {
            let name = pools::outlet(outlets[(v - 1) % outlets.len().max(1)]);
            let id = format!("{v:03}-{}", pools::slugify(&name));
            (name, id)
        };
        let plant = if plant_at.contains(&v) {
            story.choose_plant(&mut rng)
        } else {
            None
        };
        // A few outlets run the wire copy untouched and say so.
        let derived = v > 0 && plant.is_none() && rng.chance(8);
        let edits = if v == 0 || derived {
            story.wire_edits()
        } else {
            story.outlet_edits(&mut rng, plant)
        };
        let text = story.render(
            &mut rng,
            v,
            &outlet,
            &edits,
            derived.then_some(&wire_id),
            dodge,
        );
        let path = format!("corpus/{}/{id}.txt", story.slug);
        if let Some(plant) = edits.plant {
            out.planted.push(story.planted(plant, &path, &text));
        }
        out.versions.push((format!("{id}.txt"), text));
    }
    out
}

fn plan(rng: &mut Rng, index: usize) -> Story {
    let type_index = rng.below(TYPES.len());
    let ty = &TYPES[type_index];
    let places = rng.sample(PLACES.len(), 2);
    let (place, place2) = (PLACES[places[0]], PLACES[places[1]]);
    let surnames = rng.sample(SURNAMES.len(), 5);
    let person = |i: usize, rng: &mut Rng| -> (String, &'static str) {
        let female = rng.chance(50);
        let first = if female {
            rng.pick(FEMALE)
        } else {
            rng.pick(MALE)
        };
        (
            format!("{first} {}", SURNAMES[surnames[i]]),
            if female { "She" } else { "He" },
        )
    };
    let (subject, _) = person(0, rng);
    let (judge, _) = person(1, rng);
    let (officer, _) = person(2, rng);
    let (name1, _) = person(3, rng);
    let (name2, witness_pronoun) = person(4, rng);

    let mut ctx = Ctx::default();
    ctx.set("org", ty.org);
    ctx.set("place", place);
    ctx.set("place2", place2);
    ctx.set("court", format!("{place} Crown Court"));
    ctx.set("force", format!("{} Police", rng.pick(COUNTIES)));
    ctx.set("brand", *rng.pick(BRANDS));
    ctx.set("line", *rng.pick(LINES));
    ctx.set("subsur", SURNAMES[surnames[0]]);
    ctx.set("subject", subject);
    ctx.set("judge", judge);
    ctx.set("officer", officer);
    ctx.set("name1", name1);
    ctx.set("role1", *rng.pick(ty.roles));
    ctx.set("name2", name2);
    ctx.set("desc2", *rng.pick(ty.witness));
    ctx.set("age2", rng.between(24, 78).to_string());
    ctx.set(
        "weekday",
        *rng.pick(&["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
    );
    ctx.set(
        "month",
        *rng.pick(&["January", "March", "April", "June", "September", "November"]),
    );
    let rival = loop {
        let p = *rng.pick(PLACES);
        if p != place {
            break format!("{p} Town");
        }
    };
    ctx.set("rival", rival);

    let slug = format!("{index:05}-{}-{}", ty.key, pools::slugify(place));

    // Background: four sentences in three paragraphs, and one run on after a fact.
    let picks = rng.sample(ty.background.len(), 10);
    let mut sentences: Vec<String> = picks.iter().map(|&i| ctx.fill(ty.background[i])).collect();
    rng.shuffle(&mut sentences);
    let tail = sentences.pop();
    let background = vec![
        sentences[0..2].to_vec(),
        sentences[2..4].to_vec(),
        sentences[4..6].to_vec(),
        sentences[6..9].to_vec(),
    ];

    let literal = if ty.facts[0].kind == FactKind::Rank {
        0
    } else {
        rng.below(2)
    };
    let tail_fact = rng.below(2);
    let facts = [0, 1].map(|i| Fact {
        value: Value::draw(ty.facts[i].kind, rng),
        literal: i == literal,
        wire_phrasing: rng.below(5),
        tail: if i == tail_fact { tail.clone() } else { None },
    });

    let official: Vec<&str> = rng
        .sample(4, 3)
        .iter()
        .map(|&i| ty.official_quotes[i])
        .collect();
    let witness_picks = rng.sample(4, 3);
    let witness: Vec<&str> = witness_picks[..2]
        .iter()
        .map(|&i| ty.witness_quotes[i])
        .collect();
    let witness_more = rng.chance(60).then(|| ty.witness_quotes[witness_picks[2]]);

    // The wire's order: lead and first fact, then the rest in units that keep a quote's
    // paragraphs together.
    let first = rng.below(2);
    let mut units: Vec<Vec<Block>> = vec![
        vec![Block::Fact(1 - first)],
        vec![Block::Background(0)],
        vec![Block::Official, Block::OfficialMore],
        vec![Block::Background(1)],
        vec![Block::Background(2)],
        if witness_more.is_some() {
            vec![Block::Witness, Block::WitnessMore]
        } else {
            vec![Block::Witness]
        },
    ];
    rng.shuffle(&mut units);
    let mut blocks = vec![Block::Lead, Block::Fact(first)];
    blocks.extend(units.into_iter().flatten());
    blocks.push(Block::Background(3));

    Story {
        index,
        ty,
        type_index,
        ctx,
        slug,
        wire: rng.below(WIRES.len()),
        facts,
        official: official.clone(),
        official_more: official[2],
        witness,
        witness_more,
        background,
        blocks,
        official_intro: rng.below(3),
        witness_intro: rng.below(3),
        witness_pronoun,
        day: {
            let doy = (index * 7 % 365) as u32;
            (doy, 6 * 60 + rng.below(120) as u32)
        },
    }
}

impl Story {
    fn claim_file(&self, seed: u64) -> String {
        let mut y = String::new();
        let _ = writeln!(
            y,
            "# Synthetic story {} ({}), generated by `wirecheck synth generate --seed {seed}`.",
            self.index, self.ty.key
        );
        let _ = writeln!(y, "story: {}", self.slug);
        let _ = writeln!(
            y,
            "title: {}",
            yaml_str(&self.ctx.fill(self.ty.headlines[0]))
        );
        let _ = writeln!(
            y,
            "source: {}",
            yaml_str(&format!(
                "{} copy, {}",
                WIRES[self.wire].0,
                self.date_short()
            ))
        );
        if self.ty.facts.iter().any(|f| f.kind == FactKind::Rank) {
            let _ = writeln!(y, "lexicons: [lexicon/uk-police-ranks.yaml]");
        }
        let _ = writeln!(y, "\nslots:");
        for f in &self.ty.facts {
            let cues: Vec<String> = f.phrasings.iter().map(|(c, _)| yaml_str(c)).collect();
            let of = if f.of.is_empty() {
                String::new()
            } else {
                let of: Vec<String> = f.of.iter().map(|o| yaml_str(o)).collect();
                format!(", of: [{}]", of.join(", "))
            };
            let _ = writeln!(
                y,
                "  {}: {{ kind: {}, near: [{}]{of} }}",
                f.slot,
                f.kind.slot_kind(),
                cues.join(", ")
            );
        }
        let _ = writeln!(y, "\nclaims:");
        for (i, f) in self.ty.facts.iter().enumerate() {
            let fact = &self.facts[i];
            let _ = writeln!(y, "  - id: {}", claim_id(f.slot));
            if fact.literal {
                let _ = writeln!(y, "    claim: {} = {}", f.slot, fact.value.literal());
            } else {
                let _ = writeln!(y, "    claim: {} = ?", f.slot);
            }
        }
        y
    }

    fn cues(&self) -> Vec<String> {
        let mut cues: Vec<String> = self
            .ty
            .facts
            .iter()
            .flat_map(|f| f.phrasings.iter().map(|(c, _)| c.to_string()))
            .collect();
        if self.ty.facts.iter().any(|f| f.kind == FactKind::Rank) {
            for (_, full, short) in POLICE_RANKS {
                cues.push(full.to_string());
                cues.push(short.to_string());
            }
        }
        cues
    }

    fn date_short(&self) -> String {
        let (m, d) = month_day(self.day.0);
        format!("{d:02}/{m:02}/2024")
    }

    fn timestamp(&self, minutes: u32) -> String {
        let (m, d) = month_day(self.day.0);
        let minutes = minutes.min(23 * 60 + 59);
        format!(
            "2024-{m:02}-{d:02}T{:02}:{:02}:00+00:00",
            minutes / 60,
            minutes % 60
        )
    }

    fn wire_edits(&self) -> Edits {
        Edits {
            headline: 0,
            curly: false,
            phrasing: [self.facts[0].wire_phrasing, self.facts[1].wire_phrasing],
            style: [Style::Exact; 2],
            drop: Vec::new(),
            trim_tail: [false; 2],
            swap: None,
            official_intro: self.official_intro,
            witness_intro: self.witness_intro,
            official_skip_first: false,
            plant: None,
            middle_junk: None,
        }
    }

    fn choose_plant(&self, rng: &mut Rng) -> Option<Plant> {
        let literal = usize::from(!self.facts[0].literal);
        let consensus = 1 - literal;
        for _ in 0..8 {
            let plant = match rng.below(100) {
                0..25 => Plant::Value {
                    fact: literal,
                    value: self.facts[literal].value.planted(rng),
                },
                25..45 => Plant::Value {
                    fact: consensus,
                    value: self.facts[consensus].value.planted(rng),
                },
                r => {
                    let edit = match r {
                        45..60 => QuoteEdit::Drop,
                        60..72 => QuoteEdit::Change,
                        72..82 => QuoteEdit::Insert,
                        82..92 => QuoteEdit::Bracket,
                        _ => QuoteEdit::Censor,
                    };
                    let official = rng.chance(50);
                    let sentences = self.quote_sentences(official);
                    let sentence = rng.below(sentences.len());
                    if !edit.applies(sentences[sentence]) {
                        continue;
                    }
                    Plant::Quote {
                        official,
                        sentence,
                        edit,
                    }
                }
            };
            return Some(plant);
        }
        None
    }

    /// The quote's sentences in wire order (the official's run on into a second paragraph).
    fn quote_sentences(&self, official: bool) -> Vec<&'static str> {
        if official {
            self.official.clone()
        } else {
            let mut s = self.witness.clone();
            s.extend(self.witness_more);
            s
        }
    }

    fn outlet_edits(&self, rng: &mut Rng, plant: Option<Plant>) -> Edits {
        let mut edits = self.wire_edits();
        edits.plant = plant;
        edits.headline = if rng.chance(50) {
            rng.below(self.ty.headlines.len())
        } else {
            0
        };
        edits.curly = rng.chance(50);
        for i in 0..2 {
            if rng.chance(40) {
                edits.phrasing[i] = rng.below(5);
            }
            let styles = self.facts[i].value.styles();
            edits.style[i] = match rng.below(100) {
                0..70 => Style::Exact,
                _ => styles[rng.below(styles.len())],
            };
            edits.trim_tail[i] = rng.chance(30);
            let planted_here = matches!(plant, Some(Plant::Value { fact, .. }) if fact == i);
            if planted_here {
                edits.style[i] = Style::Exact;
            } else if rng.chance(4) {
                edits.drop.push(Block::Fact(i));
            }
        }
        for b in 0..4 {
            if rng.chance(20) {
                edits.drop.push(Block::Background(b));
            }
        }
        let quote_planted = |official: bool| matches!(plant, Some(Plant::Quote { official: o, .. }) if o == official);
        if !quote_planted(true) {
            if rng.chance(20) {
                edits.drop.push(Block::OfficialMore);
            } else if rng.chance(12) {
                edits.official_skip_first = true;
            }
        }
        if !quote_planted(false) && rng.chance(20) {
            edits.drop.push(Block::WitnessMore);
        }
        if rng.chance(30) {
            edits.official_intro = rng.below(3);
        }
        if rng.chance(30) {
            edits.witness_intro = rng.below(3);
        }
        if rng.chance(20) {
            edits.swap = Some(2 + rng.below(self.blocks.len().saturating_sub(3)));
        }
        if rng.chance(25) {
            edits.middle_junk = Some(2 + rng.below(self.blocks.len().saturating_sub(3)));
        }
        edits
    }

    /// The blocks a version prints, in its order.
    fn version_blocks(&self, edits: &Edits) -> Vec<Block> {
        let mut blocks: Vec<Block> = self.blocks.clone();
        if let Some(i) = edits.swap {
            // Swap two neighbouring background paragraphs with their neighbours only when
            // neither is part of a quote, so attributions still read the same.
            let movable = |b: Block| matches!(b, Block::Background(_) | Block::Fact(_));
            if i + 1 < blocks.len() && movable(blocks[i]) && movable(blocks[i + 1]) {
                blocks.swap(i, i + 1);
            }
        }
        blocks.retain(|b| !edits.drop.contains(b));
        blocks
    }

    fn render(
        &self,
        rng: &mut Rng,
        v: usize,
        outlet: &str,
        edits: &Edits,
        derived_from: Option<&String>,
        dodge: bool,
    ) -> String {
        let ctx = &self.ctx;
        let (open, close) = if edits.curly {
            ("“", "”")
        } else {
            ("\"", "\"")
        };
        let style = if v == 0 { 3 } else { (v * 7 + self.index) % 4 };
        let byline = if v == 0 || rng.chance(70) {
            WIRES[self.wire].0.to_string()
        } else {
            format!(
                "{} {}, {}",
                rng.pick(FEMALE),
                rng.pick(SURNAMES),
                WIRES[self.wire].0
            )
        };
        let headline = ctx.fill(self.ty.headlines[edits.headline]);
        let (month, dayn) = month_day(self.day.0);
        let date_long = format!("{dayn} {} 2024", MONTHS[month as usize - 1]);
        let caption = ctx.fill(match self.ty.key {
            "court" => "{subject} outside {court}",
            "sport" => "{place} Rovers players after the final whistle",
            _ => "A file picture of {place} (Photo: {place2} Picture Agency)",
        });
        let page = Page {
            outlet,
            headline: &headline,
            byline: &byline,
            date_long: &date_long,
            date_short: &self.date_short(),
            caption: &caption,
            topic: self.ty.key,
            place: ctx.get("place"),
            type_index: self.type_index,
        };

        let mut text = String::from("---\n");
        let _ = writeln!(text, "outlet: {}", yaml_str(outlet));
        let host = pools::slugify(outlet);
        let _ = writeln!(text, "url: https://www.{host}.example/news/{}", self.slug);
        let _ = writeln!(
            text,
            "published: {}",
            self.timestamp(self.day.1 + v as u32 * 11)
        );
        let (rm, rd) = month_day((self.day.0 + 1) % 365);
        let _ = writeln!(text, "retrieved: 2024-{rm:02}-{rd:02}");
        let _ = writeln!(text, "byline: {}", yaml_str(&byline));
        if let Some(from) = derived_from {
            let _ = writeln!(text, "derived_from: {from}");
        }
        text.push_str("---\n");
        junk::top(&mut text, style, &page);

        let plant = edits.plant;
        for (n, block) in self.version_blocks(edits).into_iter().enumerate() {
            if edits.middle_junk == Some(n) {
                text.push_str(&junk::middle(rng, &page));
                text.push_str("\n\n");
            }
            let para = match block {
                Block::Lead => ctx.fill(rng_pick_fixed(self.ty.leads, self.index)),
                Block::Fact(i) => {
                    let (value, style) = match plant {
                        Some(Plant::Value { fact, value }) if fact == i => (value, Style::Exact),
                        _ => (self.facts[i].value, edits.style[i]),
                    };
                    let mut s = self.fact_sentence(i, edits.phrasing[i], value, style);
                    if let (Some(tail), false) = (&self.facts[i].tail, edits.trim_tail[i]) {
                        s.push(' ');
                        s.push_str(tail);
                    }
                    s
                }
                Block::Background(b) => self.background[b].join(" "),
                Block::Official | Block::Witness => {
                    let official = block == Block::Official;
                    let mut sentences = self.quote_sentences(official);
                    let first_para = if official { 2 } else { 2.min(sentences.len()) };
                    sentences.truncate(first_para);
                    let skip = usize::from(official && edits.official_skip_first);
                    let q = self.quote_text(official, &sentences, skip, plant);
                    let more_printed = if official {
                        !edits.drop.contains(&Block::OfficialMore)
                    } else {
                        false
                    };
                    self.attribute(official, edits, &q, open, close, more_printed)
                }
                Block::OfficialMore => {
                    let q = self.quote_more(true, plant);
                    format!("{open}{q}{close}")
                }
                Block::WitnessMore => {
                    let q = self.quote_more(false, plant);
                    format!("{} added: {open}{q}{close}", self.witness_pronoun)
                }
            };
            text.push_str(&para);
            text.push_str("\n\n");
        }
        junk::bottom(&mut text, style, rng, &page, dodge);
        text
    }

    fn fact_sentence(&self, i: usize, phrasing: usize, value: Value, style: Style) -> String {
        let template = self.ty.facts[i].phrasings[phrasing].1;
        let mut v = value.render(style);
        if template.starts_with("{v}") {
            v = capitalise(&v);
        }
        self.ctx.fill(&template.replace("{v}", &v))
    }

    /// The first paragraph's quote text: sentences `skip..`, with any planted edit.
    fn quote_text(
        &self,
        official: bool,
        sentences: &[&str],
        skip: usize,
        plant: Option<Plant>,
    ) -> String {
        let mut out: Vec<String> = Vec::new();
        for (i, s) in sentences.iter().enumerate().skip(skip) {
            out.push(self.quote_sentence(official, i, s, plant));
        }
        out.join(" ")
    }

    fn quote_more(&self, official: bool, plant: Option<Plant>) -> String {
        let (i, s) = if official {
            (2, self.official_more)
        } else {
            (2, self.witness_more.unwrap_or_default())
        };
        self.quote_sentence(official, i, s, plant)
    }

    fn quote_sentence(&self, official: bool, i: usize, s: &str, plant: Option<Plant>) -> String {
        let edit = match plant {
            Some(Plant::Quote {
                official: o,
                sentence,
                edit,
            }) if o == official && sentence == i => Some((edit, self.ty.bracket)),
            _ => None,
        };
        self.ctx.fill(&quote::render(s, edit).0)
    }

    fn attribute(
        &self,
        official: bool,
        edits: &Edits,
        q: &str,
        open: &str,
        close: &str,
        more_follows: bool,
    ) -> String {
        let ctx = &self.ctx;
        // A quote that runs on into the next paragraph leaves its first paragraph open.
        let end = if more_follows { "" } else { close };
        let comma = comma_form(q);
        if official {
            let (name, role, org) = (ctx.get("name1"), ctx.get("role1"), ctx.fill("{org}"));
            match edits.official_intro {
                0 => format!("{name}, {role} of {org}, said: {open}{q}{end}"),
                1 => format!("{open}{comma}{close} said {name}, {role} of {org}."),
                _ => format!("{org} {role} {name} said: {open}{q}{end}"),
            }
        } else {
            let (name, desc) = (ctx.get("name2"), ctx.get("desc2"));
            match edits.witness_intro {
                0 => format!(
                    "{name}, {}, from {}, said: {open}{q}{close}",
                    ctx.get("age2"),
                    ctx.get("place2")
                ),
                1 => format!(
                    "{open}{comma}{close} said {name}, a {desc} from {}.",
                    ctx.get("place2")
                ),
                _ => format!("{} {name} said: {open}{q}{close}", capitalise(desc)),
            }
        }
    }

    /// The manifest entry for a planted conflict in the version at `path`.
    fn planted(&self, plant: Plant, path: &str, text: &str) -> Planted {
        match plant {
            Plant::Value { fact, value } => {
                let f = &self.ty.facts[fact];
                let literal = self.facts[fact].literal;
                let found = value.render(Style::Exact);
                Planted {
                    story: self.slug.clone(),
                    path: path.to_string(),
                    code: if literal {
                        "wirecheck::value_conflict"
                    } else {
                        "wirecheck::consensus_conflict"
                    }
                    .to_string(),
                    severity: if literal { "error" } else { "warning" }.to_string(),
                    claim: Some(claim_id(f.slot)),
                    edit: if f.kind == FactKind::Rank {
                        "rank swapped"
                    } else {
                        "value changed"
                    }
                    .to_string(),
                    text: found,
                    expected: self.facts[fact].value.render(Style::Exact),
                    line: line_of(text, &value.render(Style::Exact)),
                }
            }
            Plant::Quote {
                official,
                sentence,
                edit,
            } => {
                let s = self.quote_sentences(official)[sentence];
                let (edited, what) = quote::render(s, Some((edit, self.ty.bracket)));
                let edited = self.ctx.fill(&edited);
                let substantive = matches!(
                    edit,
                    QuoteEdit::Drop | QuoteEdit::Change | QuoteEdit::Insert
                );
                let found = edited;
                Planted {
                    story: self.slug.clone(),
                    path: path.to_string(),
                    code: if substantive {
                        "wirecheck::quote_altered"
                    } else {
                        "wirecheck::quote_edited"
                    }
                    .to_string(),
                    severity: if substantive { "warning" } else { "note" }.to_string(),
                    claim: None,
                    edit: format!("{}: {what}", edit.name()),
                    line: line_of(text, found.trim_end_matches(['.', ','])),
                    text: found,
                    expected: self.ctx.fill(&quote::render(s, None).0),
                }
            }
        }
    }
}

fn comma_form(q: &str) -> String {
    match q.strip_suffix('.') {
        Some(stem) => format!("{stem},"),
        None => q.to_string(),
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    text.find(needle)
        .map_or(0, |at| text[..at].matches('\n').count() + 1)
}

/// The same lead for every version of a story (outlets keep the wire's intro).
fn rng_pick_fixed<'a>(items: &'a [&'a str], index: usize) -> &'a str {
    items[index % items.len()]
}

pub fn claim_id(slot: &str) -> String {
    slot.replace(' ', "-")
}

fn yaml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Day of 2024 (0-based) → (month, day).
fn month_day(doy: u32) -> (u32, u32) {
    let first = date::day_number(2024, 1, 1).unwrap_or_default();
    date::from_day_number(first + f64::from(doy % 366)).map_or((12, 31), |d| {
        (
            d.month().unsigned_abs().into(),
            d.day().unsigned_abs().into(),
        )
    })
}
