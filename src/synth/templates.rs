//! The story types: for each, the two facts a claim file names (each with five phrasings, one
//! cue each), background sentences, the quotes of an official and a member of the public, leads,
//! headlines and teaser headlines for other pages' sidebars.
//!
//! Placeholders in braces are filled per story ([`super::story`]). Quote sentences carry edit
//! marks the generator strips: `~word` may be dropped, `word^alt` may become `alt`, `*word` may
//! get "really" inserted before it, `@word` may get an editor's bracketed expansion after it.
//! No cue of a fact appears in any other sentence of its type (a unit test checks, after
//! stemming, as wirecheck compares cues).

/// The kind of value a fact holds, with the range the generator draws it from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactKind {
    /// A count in `lo..=hi`.
    Count { lo: u64, hi: u64 },
    /// Pounds in tenths of a million (`£12.4m`), `lo..=hi` tenths.
    MoneyMillions { lo: u64, hi: u64 },
    /// Pounds in whole thousands (`£184,000`), `lo..=hi` thousands.
    MoneyThousands { lo: u64, hi: u64 },
    /// A percentage in hundredths of a point (`4.99%`), `lo..=hi`.
    Percent { lo: u64, hi: u64 },
    /// Whole years (`seven years`).
    Years { lo: u64, hi: u64 },
    /// Millimetres of rain.
    Millimetres { lo: u64, hi: u64 },
    /// A rank from the UK police lexicon.
    Rank,
}

impl FactKind {
    /// The slot's `kind:` in the claim file.
    pub fn slot_kind(self) -> &'static str {
        match self {
            FactKind::Count { .. } => "count",
            FactKind::MoneyMillions { .. } | FactKind::MoneyThousands { .. } => "money",
            FactKind::Percent { .. } => "share",
            FactKind::Years { .. } => "duration",
            FactKind::Millimetres { .. } => "measure",
            FactKind::Rank => "rank",
        }
    }
}

#[derive(Debug)]
pub struct FactType {
    pub slot: &'static str,
    pub kind: FactKind,
    /// The nouns a count must quantify (`of:`), when the cue does not say what is counted.
    pub of: &'static [&'static str],
    /// (cue, sentence with `{v}`): one phrasing per cue.
    pub phrasings: [(&'static str, &'static str); 5],
}

#[derive(Debug)]
pub struct StoryType {
    pub key: &'static str,
    /// The organisation at the centre of the story.
    pub org: &'static str,
    /// What an editor writes in brackets for "it"/"we"/"they" in the official's quote.
    pub bracket: &'static str,
    pub roles: &'static [&'static str],
    /// What the member of the public is, after "a".
    pub witness: &'static [&'static str],
    pub headlines: &'static [&'static str],
    pub leads: &'static [&'static str],
    pub facts: [FactType; 2],
    pub background: &'static [&'static str],
    pub official_quotes: &'static [&'static str],
    pub witness_quotes: &'static [&'static str],
    /// Headlines of other stories of the kind, for sidebars (numbers drawn at random).
    pub teasers: &'static [&'static str],
}

pub const POLICE_RANKS: [(&str, &str, &str); 5] = [
    ("detective sergeant", "Detective Sergeant", "Det Sgt"),
    ("detective inspector", "Detective Inspector", "Det Insp"),
    (
        "detective chief inspector",
        "Detective Chief Inspector",
        "Det Chief Insp",
    ),
    (
        "detective superintendent",
        "Detective Superintendent",
        "Det Supt",
    ),
    (
        "detective chief superintendent",
        "Detective Chief Superintendent",
        "Det Chief Supt",
    ),
];

pub static TYPES: [StoryType; 9] = [
    StoryType {
        key: "court",
        org: "{place} Family Support Trust",
        bracket: "the trust",
        roles: &["chief executive", "chair of trustees"],
        witness: &["volunteer", "former trustee"],
        headlines: &[
            "Bookkeeper who stole from {place} charity is locked up",
            "{subsur} sentenced over {place} charity fraud",
            "Charity worker's fraud: {subsur} faces years in prison",
        ],
        leads: &[
            "A bookkeeper who took money meant for struggling families from a {place} charity has been sent to prison.",
            "A charity finance manager who used false invoices to fund holidays and home improvements has been sentenced.",
        ],
        facts: [
            FactType {
                slot: "jail term",
                kind: FactKind::Years { lo: 2, hi: 9 },
                of: &[],
                phrasings: [
                    (
                        "jailed for",
                        "{subject}, of {place2}, was jailed for {v} at {court} on {weekday}.",
                    ),
                    (
                        "was sentenced to",
                        "{subject} was sentenced to {v} in prison after admitting fraud by abuse of position.",
                    ),
                    (
                        "prison term of",
                        "Judge {judge} handed {subsur} a prison term of {v}.",
                    ),
                    (
                        "behind bars",
                        "{subsur} will spend {v} behind bars, {court} heard.",
                    ),
                    (
                        "custodial sentence",
                        "{subject} received a custodial sentence of {v} when {subsur} appeared at {court} on {weekday}.",
                    ),
                ],
            },
            FactType {
                slot: "amount taken",
                kind: FactKind::MoneyThousands { lo: 60, hi: 900 },
                of: &[],
                phrasings: [
                    (
                        "stole",
                        "Over several years {subsur} stole {v} from the charity's accounts.",
                    ),
                    (
                        "siphoned off",
                        "The court heard {subsur} siphoned off {v} from the charity.",
                    ),
                    (
                        "took a total of",
                        "{subsur} took a total of {v} through false invoices, the court heard.",
                    ),
                    (
                        "defrauded",
                        "Prosecutors said {subsur} defrauded the charity of {v}.",
                    ),
                    (
                        "losses of",
                        "The fraud left the charity with losses of {v}.",
                    ),
                ],
            },
        ],
        background: &[
            "The offences came to light when an auditor noticed irregular payments in {month} 2022.",
            "{subsur}, who had worked for the charity for 11 years, spent the money on holidays and home improvements.",
            "The charity, which supports families across {place}, said it had since changed its financial controls.",
            "A confiscation hearing is due to take place later this year.",
            "{subsur} admitted 14 counts of fraud at an earlier hearing.",
            "The payments were disguised as invoices from suppliers, the court was told.",
            "The court heard {subsur} had been trusted with the charity's accounts because of her long service, and that no second signature was needed for payments.",
            "Trustees first raised concerns after a supplier asked why it had never been paid for work the charity believed it had settled.",
            "In mitigation, the court was told {subsur} had run up debts after a relative fell ill and had been too ashamed to ask for help.",
            "Judge {judge} said the offending had been sophisticated and sustained, and had caused real harm to a small organisation.",
            "The charity was forced to cut back its summer activities for children while the police investigation was carried out.",
        ],
        official_quotes: &[
            "We are ~deeply shocked^saddened that someone we trusted could betray the families we *exist to help.",
            "The money was ~always meant^intended for children and parents who *need our support most.",
            "@We have worked ~closely with the police and *changed the way our finances^accounts are checked.",
            "Our priority now is to ~rebuild trust^confidence with the *people who fund our work.",
        ],
        witness_quotes: &[
            "I ~honestly *could^did not believe it when I heard what had happened.",
            "People gave their ~own money to help^support local families, and it was *simply taken.",
            "It is a ~bloody disgrace^scandal and I *hope the charity can recover.",
            "@They should never have let^allowed one person ~control so much of the *money.",
        ],
        teasers: &[
            "Man jailed for {n} years over {place} burglary spree",
            "Solicitor struck off after taking £{n},000 from clients",
            "Carer who stole from pensioners is sentenced.",
        ],
    },
    StoryType {
        key: "council",
        org: "{place} Council",
        bracket: "the council",
        roles: &["leader", "cabinet member for finance"],
        witness: &["resident", "library campaigner"],
        headlines: &[
            "{place} Council sets out budget plans",
            "Libraries and bins in firing line as {place} balances books",
            "{place} residents face higher bills",
        ],
        leads: &[
            "Libraries could close and bin collections be cut under budget plans published by {place} Council.",
            "Households in {place} are being warned that services will shrink as the council draws up its budget.",
        ],
        facts: [
            FactType {
                slot: "savings needed",
                kind: FactKind::MoneyMillions { lo: 21, hi: 480 },
                of: &[],
                phrasings: [
                    (
                        "must save",
                        "The authority says it must save {v} over the next financial year.",
                    ),
                    (
                        "budget gap",
                        "Officers have identified a budget gap of {v} for the coming year.",
                    ),
                    (
                        "shortfall",
                        "The council faces a shortfall of {v} in its spending plans.",
                    ),
                    (
                        "savings of",
                        "Cabinet members will be asked to approve savings of {v} next month.",
                    ),
                    ("funding gap", "Finance chiefs put the funding gap at {v}."),
                ],
            },
            FactType {
                slot: "council tax rise",
                kind: FactKind::Percent { lo: 199, hi: 499 },
                of: &[],
                phrasings: [
                    (
                        "council tax",
                        "Council tax is set to rise by {v} from April.",
                    ),
                    (
                        "precept",
                        "The plans include an increase of {v} in the council's precept.",
                    ),
                    (
                        "bills will go up",
                        "Band D bills will go up by {v} if the plans are approved.",
                    ),
                    ("tax increase", "A tax increase of {v} is also proposed."),
                    (
                        "householders will pay",
                        "Householders will pay {v} more from April under the proposals.",
                    ),
                ],
            },
        ],
        background: &[
            "A public consultation on the plans opens on {weekday} and runs for six weeks.",
            "The proposals will be debated by the full council in {month}.",
            "Opposition councillors said the plans would hit the most vulnerable residents hardest.",
            "Three libraries and two children's centres are among the buildings under review.",
            "The authority blamed rising demand for adult social care and children's services.",
            "Garden waste collections would move to a fortnightly charge under the plans.",
            "The authority's reserves have fallen sharply over the past three years, according to a report by its chief finance officer.",
            "Councillors from all parties have written to the government asking for a fairer funding settlement for the area.",
            "Other proposals include reducing the opening hours of two leisure centres and switching off some street lights after midnight.",
            "The report warns that the authority could be forced to issue a section 114 notice if it does not balance its books.",
            "Unions representing council staff said they would oppose any compulsory redundancies.",
        ],
        official_quotes: &[
            "These are the ~hardest^toughest decisions this council has *ever had to make.",
            "@We have protected the services that ~vulnerable people *rely^depend on most.",
            "Nobody came into local government to close^shut libraries, but the *money is ~simply not there.",
            "We will listen ~carefully to what^everything residents tell us before *anything is decided.",
        ],
        witness_quotes: &[
            "The library is the ~only warm^safe place some people here *have to go.",
            "It feels like @they have ~already made^taken the decision and the consultation is *just for show.",
            "It is a ~bloody shambles^mess and ordinary families are *paying for it.",
            "My children ~learned^learnt to read in that building and I will *fight to keep it open.",
        ],
        teasers: &[
            "Council approves £{n}m cut to road repairs",
            "Bin strike called off after {n}-day walkout",
            "Plans for {n} new homes on former depot site approved.",
        ],
    },
    StoryType {
        key: "health",
        org: "{place} Hospitals NHS Trust",
        bracket: "the trust",
        roles: &["chief executive", "medical director"],
        witness: &["patient", "retired nurse"],
        headlines: &[
            "Waits grow at {place} hospitals",
            "{place} hospital trust under pressure as demand soars",
            "Patients in {place} face longer waits for operations",
        ],
        leads: &[
            "Patients in {place} are waiting longer for planned operations than at any time since records began, new figures show.",
            "Hospitals in {place} are struggling to keep up with demand for planned surgery, according to official data.",
        ],
        facts: [
            FactType {
                slot: "waiting list",
                kind: FactKind::Count {
                    lo: 8000,
                    hi: 95000,
                },
                of: &["patients", "people"],
                phrasings: [
                    (
                        "waiting list",
                        "The trust's waiting list now stands at {v} patients.",
                    ),
                    (
                        "awaiting treatment",
                        "{v} patients are awaiting treatment at the trust's hospitals.",
                    ),
                    (
                        "waiting for planned care",
                        "In total {v} people are waiting for planned care.",
                    ),
                    ("backlog of", "The figures show a backlog of {v} patients."),
                    (
                        "on the list",
                        "There are {v} patients on the list, the trust's board was told.",
                    ),
                ],
            },
            FactType {
                slot: "nursing vacancies",
                kind: FactKind::Count { lo: 60, hi: 700 },
                of: &[],
                phrasings: [
                    ("nursing vacancies", "The trust has {v} nursing vacancies."),
                    (
                        "unfilled nursing posts",
                        "There are {v} unfilled nursing posts across its sites.",
                    ),
                    (
                        "vacant nursing roles",
                        "Board papers list {v} vacant nursing roles.",
                    ),
                    (
                        "nurses short",
                        "The trust says it is {v} nurses short of its planned staffing.",
                    ),
                    (
                        "nursing posts are empty",
                        "In all, {v} nursing posts are empty, the report says.",
                    ),
                ],
            },
        ],
        background: &[
            "The figures were presented to the trust's board on {weekday}.",
            "Orthopaedic and eye surgery have the longest waits.",
            "The trust said a new surgical hub due to open in {month} would help to reduce waits.",
            "Patient groups said some people had been left in pain for more than a year.",
            "Emergency departments across the region have also reported record attendances this winter.",
            "The trust runs hospitals in {place} and {place2}.",
            "The hospitals have been operating at close to full capacity for much of the winter, with long delays in discharging patients.",
            "Health leaders in the region say a shortage of social care places is leaving medically fit patients stuck on wards.",
            "Local MPs have called for a meeting with health ministers to discuss the pressures facing the trust.",
            "The trust said it had cut the use of expensive agency staff over the past year.",
            "A report to the board warned that the financial position of the trust remained extremely challenging.",
        ],
        official_quotes: &[
            "We are ~truly sorry^apologetic to every patient who is waiting *longer than they should.",
            "@We are running extra clinics at weekends and ~our staff are *working incredibly^extremely hard.",
            "Recruiting^Hiring nurses remains our ~biggest challenge, and we are *looking overseas as well as locally.",
            "We expect waits to ~start^begin falling by the *end of the year.",
        ],
        witness_quotes: &[
            "I have been in ~constant pain^agony and I *cannot sleep at night.",
            "@They keep telling me it will be soon, but ~nobody can give^tell me a *date.",
            "It is a ~bloody disgrace^scandal that people are *treated like this.",
            "The nurses are ~wonderful^brilliant, but there are *simply not enough of them.",
        ],
        teasers: &[
            "A&E waits hit record high at {place} hospital",
            "GP surgery to close with {n} patients moved to other practices",
            "New cancer unit opens after £{n}m fundraising drive.",
        ],
    },
    StoryType {
        key: "transport",
        org: "{line}",
        bracket: "the operator",
        roles: &["managing director", "operations director"],
        witness: &["commuter", "season ticket holder"],
        headlines: &[
            "Rail chaos as signal failure hits {place}",
            "Commuters stranded after {place} line shutdown",
            "Travel misery for {place} passengers",
        ],
        leads: &[
            "Commuters faced a day of disruption after a signalling failure shut the main line through {place}.",
            "Rail passengers in {place} were left stranded when a fault closed the line during the morning rush hour.",
        ],
        facts: [
            FactType {
                slot: "services cancelled",
                kind: FactKind::Count { lo: 40, hi: 600 },
                of: &[],
                phrasings: [
                    (
                        "were cancelled",
                        "{v} trains were cancelled during the day.",
                    ),
                    (
                        "cancellations",
                        "The operator recorded {v} cancellations by the evening.",
                    ),
                    (
                        "services were axed",
                        "In all {v} services were axed as engineers worked on the fault.",
                    ),
                    (
                        "trains did not run",
                        "{v} trains did not run, according to the operator.",
                    ),
                    (
                        "services were called off",
                        "{v} services were called off across the network.",
                    ),
                ],
            },
            FactType {
                slot: "passengers affected",
                kind: FactKind::Count {
                    lo: 5000,
                    hi: 90000,
                },
                of: &["passengers", "people", "travellers"],
                phrasings: [
                    (
                        "passengers were affected",
                        "The operator estimated that {v} passengers were affected.",
                    ),
                    (
                        "journeys were disrupted",
                        "Journeys were disrupted for {v} passengers.",
                    ),
                    (
                        "travellers were hit",
                        "It said {v} travellers were hit by the problems.",
                    ),
                    (
                        "passengers faced disruption",
                        "{v} passengers faced disruption, the operator said.",
                    ),
                    (
                        "were caught up in the delays",
                        "A total of {v} people were caught up in the delays.",
                    ),
                ],
            },
        ],
        background: &[
            "The fault was found near {place2} shortly after 6am on {weekday}.",
            "Replacement buses ran between {place} and {place2} for most of the day.",
            "Tickets were accepted on local bus services and on other routes.",
            "Network Rail said a damaged cable was to blame.",
            "Passengers were advised to check before they travelled.",
            "The line reopened late in the evening after repairs.",
            "Engineers had to replace a section of cable before the signals could be tested and brought back into use.",
            "Some passengers reported being stuck on stationary trains for long periods with little information from staff.",
            "The disruption came a week after strike action by drivers caused problems across the same routes.",
            "Local MPs said the line had suffered repeated failures and called for urgent investment in the signalling system.",
            "Station car parks were full by mid-morning as people tried to find other ways to travel.",
        ],
        official_quotes: &[
            "We are ~truly sorry^apologetic to everyone whose journey was *disrupted today.",
            "@We had engineers on site within the hour and they ~worked through the day to *fix^repair the fault.",
            "We ~fully understand^know how frustrating this has been for *our customers.",
            "Anyone whose journey was delayed^disrupted can ~still *claim compensation.",
        ],
        witness_quotes: &[
            "I have ~already missed^lost a morning's work and *nobody has told us anything.",
            "@They packed us onto a ~single bus and it took^needed two hours to get *home.",
            "It is a ~bloody joke^farce, and it *happens every few weeks.",
            "We pay a ~fortune^lot for these tickets and the *service just gets worse.",
        ],
        teasers: &[
            "Bus routes cut as operator loses £{n}m",
            "Motorway closed for {n} hours after lorry fire",
            "Fares to rise by {n}% in January.",
        ],
    },
    StoryType {
        key: "company",
        org: "{brand} Group",
        bracket: "the company",
        roles: &["chief executive", "finance director"],
        witness: &["shop worker", "union representative"],
        headlines: &[
            "{brand} profits slide as shoppers cut back",
            "{brand} to shut stores after tough year",
            "Jobs blow at {place} retailer {brand}",
        ],
        leads: &[
            "The {place}-based retailer {brand} has announced store closures after a difficult year of trading.",
            "{brand}, the high street chain founded in {place}, has unveiled a restructuring plan.",
        ],
        facts: [
            FactType {
                slot: "pre-tax profit",
                kind: FactKind::MoneyMillions { lo: 15, hi: 900 },
                of: &[],
                phrasings: [
                    (
                        "pre-tax profit",
                        "The group reported a pre-tax profit of {v} for the year.",
                    ),
                    ("profit before tax", "Profit before tax came in at {v}."),
                    (
                        "annual profits",
                        "Annual profits stood at {v}, the company said.",
                    ),
                    ("bottom line", "Its bottom line showed earnings of {v}."),
                    (
                        "made a profit",
                        "The chain made a profit of {v} in the twelve months to {month}.",
                    ),
                ],
            },
            FactType {
                slot: "job losses",
                kind: FactKind::Count { lo: 40, hi: 900 },
                of: &[],
                phrasings: [
                    (
                        "jobs will go",
                        "The company said {v} jobs will go as part of the plan.",
                    ),
                    ("redundancies", "The plan involves {v} redundancies."),
                    (
                        "roles are at risk",
                        "{v} roles are at risk under the plans.",
                    ),
                    (
                        "posts will be cut",
                        "{v} posts will be cut over the coming months.",
                    ),
                    (
                        "staff will lose their",
                        "{v} staff will lose their jobs, the firm confirmed.",
                    ),
                ],
            },
        ],
        background: &[
            "Shares in the group fell sharply in early trading on {weekday}.",
            "The company blamed weaker consumer spending and higher energy bills.",
            "It currently runs stores across the Midlands and the north of England.",
            "Online sales grew over the year, it said.",
            "Analysts had expected a difficult set of results.",
            "The firm will set out its plans to investors in {month}.",
            "The chain, which was founded as a single shop in {place} in 1962, has been hit by a shift towards online shopping.",
            "It said stores in town centres had been hardest hit, while retail park outlets had performed better.",
            "The company is also reviewing its distribution network and may consolidate its warehouses.",
            "Chief executive {name1} took over last year with a brief to turn the business around.",
            "Retail analysts said the group had been slow to modernise its stores and its website.",
        ],
        official_quotes: &[
            "This has been a ~very difficult^challenging year for the *whole retail sector.",
            "@We have taken tough but ~necessary decisions to *protect^secure the future of the business.",
            "We will do ~everything we can^must to support colleagues *affected by these changes.",
            "I am ~confident^sure that we will come out of this a *stronger business.",
        ],
        witness_quotes: &[
            "People here have ~given^devoted years to this company and they *deserve better.",
            "@They told us by email, which is a ~pretty cold^harsh way to *treat loyal staff.",
            "It is a ~bloody disgrace^scandal and we will *fight for every job.",
            "Nobody saw this ~coming^happening and we are all *worried about the future.",
        ],
        teasers: &[
            "Supermarket chain to create {n} jobs",
            "Factory closure puts {n} jobs at risk",
            "Brewer reports £{n}m loss as costs soar.",
        ],
    },
    StoryType {
        key: "weather",
        org: "{place} Borough Council",
        bracket: "the council",
        roles: &["emergency planning officer", "leader"],
        witness: &["shop owner", "resident"],
        headlines: &[
            "Storm batters {place} leaving trail of damage",
            "Clean-up begins in {place} after torrential rain",
            "{place} counts cost of storm",
        ],
        leads: &[
            "A clean-up operation is under way in {place} after torrential rain left streets under water.",
            "Residents in {place} have begun counting the cost after a storm swept across the region overnight.",
        ],
        facts: [
            FactType {
                slot: "homes flooded",
                kind: FactKind::Count { lo: 30, hi: 800 },
                of: &[],
                phrasings: [
                    (
                        "homes were flooded",
                        "{v} homes were flooded, according to the council.",
                    ),
                    (
                        "properties flooded",
                        "The council said {v} properties flooded overnight.",
                    ),
                    (
                        "houses were left under water",
                        "{v} houses were left under water.",
                    ),
                    (
                        "homes were swamped",
                        "{v} homes were swamped as the river burst its banks.",
                    ),
                    (
                        "homes took in water",
                        "Officials said {v} homes took in water.",
                    ),
                ],
            },
            FactType {
                slot: "rainfall",
                kind: FactKind::Millimetres { lo: 40, hi: 160 },
                of: &[],
                phrasings: [
                    (
                        "of rain fell",
                        "Forecasters said {v} of rain fell in 24 hours.",
                    ),
                    (
                        "rain gauge",
                        "A rain gauge in {place2} recorded {v} in a single day.",
                    ),
                    (
                        "rainfall total",
                        "The Met Office gave a rainfall total of {v}.",
                    ),
                    (
                        "downpour dumped",
                        "The downpour dumped {v} of rain on the town.",
                    ),
                    (
                        "rain was recorded",
                        "In total {v} of rain was recorded at the nearest weather station.",
                    ),
                ],
            },
        ],
        background: &[
            "Roads into the town centre were closed on {weekday} morning.",
            "Schools in {place2} were shut as a precaution.",
            "The Environment Agency issued flood warnings for the area.",
            "Volunteers handed out sandbags at the leisure centre.",
            "Insurers have set up a helpline for residents.",
            "Further wet weather is forecast later in the week.",
            "Firefighters used boats to reach some residents who had become trapped by the rising water.",
            "A rest centre was opened at the community hall for people who had been forced to leave their homes.",
            "Power was cut to parts of the town for several hours after a substation was damaged.",
            "Residents said drains had been unable to cope with the volume of water running off the hills.",
            "Engineers will inspect bridges in the area before they are reopened to traffic.",
        ],
        official_quotes: &[
            "Our ~thoughts^sympathies are with everyone whose *home has been damaged.",
            "@We had crews out ~all night and they *did everything^all they could.",
            "We will ~support^help residents for as long as it *takes to recover.",
            "The ~sheer^huge amount of water was *beyond anything we have seen before.",
        ],
        witness_quotes: &[
            "The water came in ~so fast^quickly we *could not save anything.",
            "@They promised us flood defences ~years ago and *nothing has been built^done.",
            "It is a ~bloody nightmare^disaster and we have *lost everything downstairs.",
            "Neighbours have been ~amazing^incredible, *helping each other all night.",
        ],
        teasers: &[
            "Storm brings {n}mph winds to the coast",
            "Yellow weather warning issued for weekend",
            "River defences to get £{n}m upgrade.",
        ],
    },
    StoryType {
        key: "sport",
        org: "{place} Rovers",
        bracket: "the club",
        roles: &["manager", "chairman"],
        witness: &["season ticket holder", "supporter"],
        headlines: &[
            "{place} Rovers sink deeper into trouble",
            "Rovers beaten again as pressure mounts",
            "Defeat leaves {place} facing relegation fight",
        ],
        leads: &[
            "{place} Rovers slipped further into relegation trouble after a home defeat by {rival} on {weekday}.",
            "Pressure is growing on the {place} Rovers manager after another defeat, this time against {rival}.",
        ],
        facts: [
            FactType {
                slot: "attendance",
                kind: FactKind::Count {
                    lo: 2100,
                    hi: 29000,
                },
                of: &[],
                phrasings: [
                    (
                        "crowd of",
                        "The match was played in front of a crowd of {v}.",
                    ),
                    ("attendance of", "An attendance of {v} saw the defeat."),
                    ("watched by", "The game was watched by {v} fans."),
                    (
                        "spectators saw",
                        "{v} spectators saw the visitors take the lead before half-time.",
                    ),
                    (
                        "fans packed into",
                        "{v} fans packed into the ground for the match.",
                    ),
                ],
            },
            FactType {
                slot: "points from safety",
                kind: FactKind::Count { lo: 2, hi: 11 },
                of: &[],
                phrasings: [
                    (
                        "points from safety",
                        "The result leaves the club {v} points from safety.",
                    ),
                    (
                        "points adrift",
                        "Rovers are now {v} points adrift at the bottom.",
                    ),
                    (
                        "points off safety",
                        "They sit {v} points off safety going into the final weeks of the season.",
                    ),
                    (
                        "points behind the",
                        "The club are {v} points behind the teams above them.",
                    ),
                    (
                        "points short of safety",
                        "Rovers are {v} points short of safety.",
                    ),
                ],
            },
        ],
        background: &[
            "{rival} scored twice in the second half to seal the win.",
            "Rovers have won only once since {month}.",
            "The club's board is due to meet on {weekday}.",
            "Supporters chanted against the owners at the final whistle.",
            "Rovers travel to the league leaders next weekend.",
            "The home side had a goal disallowed for offside in the first half.",
            "The home side started brightly and created several chances in the opening quarter of an hour.",
            "But the visitors grew into the game and were the better side for long spells after the break.",
            "The defeat was the club's fourth in a row at home, a run that has left supporters increasingly frustrated.",
            "The manager made three changes to the starting line-up, handing a first start to a young midfielder from the academy.",
            "There was a minute's applause before kick-off in memory of a former club captain who died last week.",
        ],
        official_quotes: &[
            "We were ~simply not good^sharp enough and we *need to be better.",
            "@We have to take responsibility, ~all of us, and *start picking up results^points.",
            "The players ~gave^put everything, but we made too many *mistakes at the back.",
            "I still ~believe^think this squad is good enough to *stay up.",
        ],
        witness_quotes: &[
            "That was the ~worst^poorest performance I have *seen in years.",
            "@They have ~totally lost the dressing room^fans and *something has to change.",
            "It was a ~bloody disgrace^shambles from start to *finish.",
            "We keep ~turning^coming up every week and we *deserve better than this.",
        ],
        teasers: &[
            "Striker signs {n}-year deal with Rovers rivals",
            "Cup run ends with {n}-goal defeat",
            "Ground to host international match.",
        ],
    },
    StoryType {
        key: "education",
        org: "{place} Academy",
        bracket: "the school",
        roles: &["headteacher", "chair of governors"],
        witness: &["parent", "former pupil"],
        headlines: &[
            "{place} Academy celebrates turnaround",
            "Inspectors praise {place} school",
            "{place} school on the up, say inspectors",
        ],
        leads: &[
            "A secondary school in {place} that was once among the weakest in the county has been praised by inspectors.",
            "Inspectors have found a {place} school transformed three years after it was placed in special measures.",
        ],
        facts: [
            FactType {
                slot: "pupils",
                kind: FactKind::Count { lo: 400, hi: 1900 },
                of: &[],
                phrasings: [
                    ("pupils on roll", "The school has {v} pupils on roll."),
                    (
                        "students attend",
                        "{v} students attend the school, which opened in 1974.",
                    ),
                    (
                        "pupils are enrolled",
                        "{v} pupils are enrolled at the academy.",
                    ),
                    ("school roll", "Its school roll has grown to {v}."),
                    (
                        "young people are taught",
                        "In all, {v} young people are taught at the site.",
                    ),
                ],
            },
            FactType {
                slot: "pass rate",
                kind: FactKind::Percent { lo: 3500, hi: 8500 },
                of: &[],
                phrasings: [
                    (
                        "standard pass",
                        "Last summer {v} of pupils achieved a standard pass in English and maths.",
                    ),
                    (
                        "passed English and maths",
                        "{v} of students passed English and maths at GCSE.",
                    ),
                    (
                        "pass rate",
                        "The school's pass rate in the core subjects rose to {v}.",
                    ),
                    (
                        "achieved a pass",
                        "{v} of the year group achieved a pass in both subjects.",
                    ),
                    (
                        "got a pass",
                        "Inspectors noted that {v} of pupils got a pass in English and maths.",
                    ),
                ],
            },
        ],
        background: &[
            "The school was placed in special measures in {month} 2021.",
            "Inspectors visited over two days in {month}.",
            "The report praised behaviour in lessons and the range of clubs on offer.",
            "Attendance has improved, although inspectors said it was still below the national average.",
            "The academy is part of a trust that runs schools across {place} and {place2}.",
            "A new sixth form block opened last year.",
            "Inspectors said leaders had a clear vision for the school and had raised expectations of what pupils could achieve.",
            "The report said pupils with special educational needs were well supported and made good progress.",
            "Parents who responded to the inspectors' survey were overwhelmingly positive about the changes.",
            "The school has invested in a new library and reading programme for younger pupils.",
            "Inspectors said the school should continue its work to improve attendance among disadvantaged pupils.",
        ],
        official_quotes: &[
            "I am ~incredibly proud^pleased of our staff and *students.",
            "@We have worked ~hard to raise expectations^standards in *every classroom.",
            "There is ~still^always more to do, and we will not *stand still.",
            "This report ~reflects^shows the commitment of the *whole community.",
        ],
        witness_quotes: &[
            "My son ~actually^really enjoys going to school now, which *never used to happen.",
            "@They have ~completely turned^transformed the place *around.",
            "It used to be a ~bloody nightmare^mess at the gates every *morning.",
            "The teachers ~know^understand every child and they *really care.",
        ],
        teasers: &[
            "Primary school to expand by {n} places",
            "Teachers strike over pay for {n} days",
            "University opens new campus building.",
        ],
    },
    StoryType {
        key: "police",
        org: "{place} Residents' Association",
        bracket: "the police",
        roles: &["chair", "secretary"],
        witness: &["neighbour", "shop owner"],
        headlines: &[
            "Arrests after {place} shop raid",
            "Police make arrests over armed robbery in {place}",
            "{place} robbery: suspects held",
        ],
        leads: &[
            "Police investigating an armed robbery at a jewellery shop in {place} have made arrests.",
            "Detectives have made a breakthrough in the inquiry into a raid on a {place} jeweller.",
        ],
        facts: [
            FactType {
                slot: "senior officer",
                kind: FactKind::Rank,
                of: &[],
                phrasings: [
                    (
                        "leading the investigation",
                        "{v} {officer}, who is leading the investigation, appealed for witnesses.",
                    ),
                    (
                        "senior investigating officer",
                        "The senior investigating officer, {v} {officer}, said the raid had been planned.",
                    ),
                    (
                        "heading the inquiry",
                        "{v} {officer} is heading the inquiry for {force}.",
                    ),
                    (
                        "in charge of the case",
                        "{force} said {v} {officer} was in charge of the case.",
                    ),
                    (
                        "leads the team",
                        "{v} {officer}, who leads the team of detectives, said more arrests were likely.",
                    ),
                ],
            },
            FactType {
                slot: "arrests",
                kind: FactKind::Count { lo: 2, hi: 6 },
                of: &[],
                phrasings: [
                    (
                        "have been arrested",
                        "{v} men have been arrested on suspicion of robbery.",
                    ),
                    (
                        "were held on suspicion",
                        "{v} men were held on suspicion of robbery.",
                    ),
                    ("remain in custody", "{v} suspects remain in custody."),
                    (
                        "have been detained",
                        "{v} people have been detained in connection with the raid.",
                    ),
                    (
                        "were taken into custody",
                        "{v} men were taken into custody on {weekday}.",
                    ),
                ],
            },
        ],
        background: &[
            "Staff were threatened with a hammer during the raid on {weekday} afternoon.",
            "Watches and rings worth thousands of pounds were taken.",
            "No one was seriously hurt.",
            "A car believed to have been used in the raid was found burnt out in {place2}.",
            "Officers have been carrying out house-to-house inquiries.",
            "Anyone with information is asked to contact {force} or Crimestoppers anonymously.",
            "Forensic officers spent several hours at the scene, which was cordoned off until the evening.",
            "Shoppers described seeing two men in dark clothing and balaclavas leave the shop carrying bags.",
            "The shop, which has traded in the town for more than 40 years, reopened the following day.",
            "Police have increased patrols in the area and are reviewing footage from nearby cameras.",
            "Local traders said they were worried about a rise in shoplifting and anti-social behaviour.",
        ],
        official_quotes: &[
            "People here are ~really shaken^shocked by what happened on their *doorstep.",
            "@We want^need to see ~more officers on the streets and *visible in the town centre.",
            "This is a ~close^tight community and it has *pulled together.",
            "We ~hope^trust the people responsible are *brought to justice.",
        ],
        witness_quotes: &[
            "I heard ~shouting^screaming and saw two men *running down the street.",
            "@They were in and out in ~less than a minute, it was *terrifying^frightening.",
            "It is a ~bloody disgrace^outrage that this can *happen in broad daylight.",
            "The staff are ~lovely^kind people and they did *nothing to deserve this.",
        ],
        teasers: &[
            "Man charged after {n} cars vandalised",
            "Police seize drugs worth £{n},000 in raid",
            "Woman arrested after crash on bypass.",
        ],
    },
];
