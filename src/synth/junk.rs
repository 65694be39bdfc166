//! Page furniture around an article, as scrapes carry it: site names, menus, datelines,
//! captions, share buttons, sidebars of other stories' headlines, cookie and newsletter
//! banners, footers. Four house styles; none of it may ever produce a finding.

use super::pools::PLACES;
use super::rng::Rng;
use super::templates::TYPES;

/// What the furniture around one version needs to know.
#[derive(Debug)]
pub struct Page<'a> {
    pub outlet: &'a str,
    pub headline: &'a str,
    pub byline: &'a str,
    pub date_long: &'a str,
    pub date_short: &'a str,
    pub caption: &'a str,
    pub topic: &'a str,
    pub place: &'a str,
    /// The story type's index, so sidebars carry related stories.
    pub type_index: usize,
}

/// A headline of another story: the same kind of story half the time, as "Related" boxes do.
pub fn teaser(rng: &mut Rng, type_index: usize, sentence_ok: bool) -> String {
    let ty = if rng.chance(50) {
        &TYPES[type_index]
    } else {
        rng.pick(&TYPES)
    };
    let mut text = rng
        .pick(ty.teasers)
        .replace("{n}", &rng.between(2, 90).to_string())
        .replace("{place}", rng.pick::<&str>(PLACES));
    if !sentence_ok {
        text = text.trim_end_matches('.').to_string();
    }
    text
}

pub fn top(out: &mut String, style: usize, page: &Page) {
    match style {
        0 => {
            out.push_str(&format!(
                "{}\nHome | News | Sport | Business | Opinion | Lifestyle | Travel | Puzzles | Newsletters\nUK | World | Politics | Crime | Health | Education | Environment | Money\n{}\n\n{}\n\nBy {} | {} | Comments\n\nShare on Facebook\nShare on Twitter\nShare by email\n\n",
                page.outlet, page.date_long, page.headline, page.byline, page.date_short
            ));
        }
        1 => {
            out.push_str(&format!(
                "{}\nHomeAll ArticlesNews: {}\n\n{}\n\n{}\n\n",
                page.date_long, page.headline, page.headline, page.caption
            ));
        }
        2 => {
            out.push_str(&format!(
                "Skip to main content\n{} | Subscribe | Sign in\n\n{}\n\n{}\n\n{}\n{}\n\nShare\n\n",
                page.outlet, page.headline, page.caption, page.byline, page.date_short
            ));
        }
        _ => {
            out.push_str(&format!("{}\n\n", page.headline));
        }
    }
}

/// Furniture inside the body: an advert slot or a link to another story (never a sentence).
pub fn middle(rng: &mut Rng, page: &Page) -> String {
    if rng.chance(50) {
        "Advertisement".to_string()
    } else {
        format!("Read more: {}", teaser(rng, page.type_index, false))
    }
}

/// `dodge`: print the "Most read" list without its numbers, which wirecheck does not yet
/// recognise as a list (docs/synth-findings.md, case 1).
pub fn bottom(out: &mut String, style: usize, rng: &mut Rng, page: &Page, dodge: bool) {
    let n = |i: usize| {
        if dodge {
            String::new()
        } else {
            format!("{i}. ")
        }
    };
    let mut teasers = Vec::new();
    for _ in 0..3 {
        teasers.push(teaser(rng, page.type_index, true));
    }
    match style {
        0 => out.push_str(&format!(
            "Share this article\nFacebook Twitter WhatsApp Email\n\nRelated stories\n{}\n{}\n{}\n\nTerms and conditions | Privacy policy | Cookie settings | Contact us | Advertise with us | Complaints\n\nWe use cookies to give you the best experience on our website. By continuing to browse you agree to our cookie policy.\n\n© 2024 {}. All rights reserved.\n",
            teasers[0], teasers[1], teasers[2], page.outlet
        )),
        1 => out.push_str(&format!(
            "Posted in UK News | Tags: {}, {}\n\nMORE FROM UK NEWS\n{}\n{}\n{}\n",
            page.topic, page.place, teasers[0], teasers[1], teasers[2]
        )),
        2 => out.push_str(&format!(
            "Sign up to our daily newsletter for the latest {} news, free to your inbox.\n\nMost read\n{}{}\n{}{}\n{}{}\n\nCopyright {} 2024\n",
            page.place,
            n(1),
            teasers[0],
            n(2),
            teasers[1],
            n(3),
            teasers[2],
            page.outlet
        )),
        _ => out.push_str(&format!("Read more: {}\n", teasers[0].trim_end_matches('.'))),
    }
}
