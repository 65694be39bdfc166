//! Name pools: places, people, outlets and wire services, all invented.

pub const PLACES: &[&str] = &[
    "Ashby",
    "Marbridge",
    "Kellaway",
    "Northfield",
    "Dunmore",
    "Holbrook",
    "Carlton",
    "Easterby",
    "Fenwick",
    "Greystone",
    "Hartwell",
    "Ivybridge",
    "Kingsmere",
    "Langford",
    "Midhurst",
    "Netherby",
    "Oakhampton",
    "Pendleford",
    "Queensbury",
    "Redbourne",
    "Saltmarsh",
    "Thornbury",
    "Upperton",
    "Westcombe",
    "Whitmore",
    "Yarrow",
    "Brackley",
    "Coldwell",
    "Darnford",
    "Elmstead",
];

pub const COUNTIES: &[&str] = &[
    "Marshire",
    "Northshire",
    "Wessex",
    "Eastmoor",
    "Dunshire",
    "Westvale",
    "Holmshire",
];

pub const BRANDS: &[&str] = &[
    "Harlow & Finch",
    "Brightmore",
    "Calloway",
    "Denholm",
    "Everwell",
    "Foxley",
    "Granger",
];

pub const LINES: &[&str] = &[
    "Midland Coast Railway",
    "Northern Valleys Trains",
    "Southern Link",
    "Westway Rail",
];

pub const FEMALE: &[&str] = &[
    "Sarah", "Karen", "Aisha", "Helen", "Rachel", "Priya", "Joanne", "Fiona", "Megan", "Laura",
    "Ruth", "Nadia", "Claire", "Sandra", "Emma", "Grace",
];

pub const MALE: &[&str] = &[
    "David", "Mark", "Simon", "Gary", "Neil", "Tom", "Craig", "Imran", "Martin", "Paul", "Lewis",
    "Colin", "Peter", "Daniel", "Owen", "Rajesh",
];

pub const SURNAMES: &[&str] = &[
    "Hale",
    "Ledger",
    "Crane",
    "Pryor",
    "Boyce",
    "Whitlock",
    "Cardew",
    "Varma",
    "Keeling",
    "Mooney",
    "Ashdown",
    "Rahman",
    "Garside",
    "Okafor",
    "Pennington",
    "Marsh",
    "Thorne",
    "Bellamy",
    "Kowalski",
    "Fairbairn",
    "Doyle",
    "Hughes",
    "Lindqvist",
    "Mensah",
    "Osborne",
    "Radcliffe",
    "Sutcliffe",
    "Tennant",
    "Wainwright",
    "Yeo",
];

/// The three wire services whose copy the outlets take.
pub const WIRES: [(&str, &str); 3] = [
    ("Press Wire", "press-wire"),
    ("National News Agency", "nna"),
    ("Union Press", "union-press"),
];

const PAPER_KINDS: [&str; 5] = ["Evening Post", "Gazette", "Echo", "Herald", "Chronicle"];

const NATIONALS: &[&str] = &[
    "Daily Meridian",
    "The National Post",
    "UK News Today",
    "Newsline Digest",
    "The Morning Star",
    "Britain Live",
    "The Daily Courier",
    "News Roundup",
    "Headline Hub",
    "Local Wire Online",
];

/// The outlet pool: regional papers (place × kind) and national sites. Index 0.. is stable.
pub fn outlet(index: usize) -> String {
    if index < NATIONALS.len() {
        return NATIONALS[index].to_string();
    }
    let i = index - NATIONALS.len();
    format!(
        "{} {}",
        PLACES[i / PAPER_KINDS.len() % PLACES.len()],
        PAPER_KINDS[i % PAPER_KINDS.len()]
    )
}

pub fn outlet_count() -> usize {
    NATIONALS.len() + PLACES.len() * PAPER_KINDS.len()
}

/// "The Daily Courier" → "the-daily-courier".
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
