//! A made-up article with a hand-built analysis, for the reader's tests: what the reader does
//! with statements is tested apart from what the attribution finds (which changes often).
//!
//! Every paragraph holds one quotation and one reported statement; speakers take turns.

#![allow(dead_code)]

use quoth::article::Article;
use quoth::attribution::{Analysis, EntityKind, Quote, Sieve, Speaker, StatementKind};
use quoth::ui::app::{App, Event, update};
use quoth::ui::keymap::Keymap;
use quoth::ui::theme::Theme;

pub const SPEAKERS: [&str; 3] = ["Mara Lindqvist", "Tomas Reyes", "Ines Okafor"];
pub const TITLE: &str = "Harbour Council Backs the Ferry Plan";

/// The text of paragraph `i` and where its two statements are in it (quotation first).
fn paragraph(i: usize) -> (String, [std::ops::Range<usize>; 2], [usize; 2]) {
    let (a, b) = (i % 3, (i + 1) % 3);
    let lead = format!("Meeting {i} of the council’s ferry committee went on late. ");
    let quote = format!("“The boats on route {i} will run on time,”");
    let cue = format!(" said {}. ", SPEAKERS[a]);
    let cue2 = format!("{} said that ", SPEAKERS[b]);
    let reported = format!("the pier at berth {i} needed new timber before the winter storms");
    let q0 = lead.len();
    let q1 = q0 + quote.len();
    let r0 = q1 + cue.len() + cue2.len();
    let text = format!("{lead}{quote}{cue}{cue2}{reported}.");
    let r1 = r0 + reported.len();
    (text, [q0..q1, r0..r1], [a, b])
}

/// The article (a title and `n` paragraphs) and its analysis.
pub fn harbour(n: usize) -> (Article, Analysis) {
    let mut text = format!("{TITLE}\n\n");
    let mut quotes = Vec::new();
    for i in 0..n {
        let (p, spans, who) = paragraph(i);
        let base = text.len();
        for (k, span) in spans.iter().enumerate() {
            let span = base + span.start..base + span.end;
            quotes.push(Quote {
                kind: if k == 0 {
                    StatementKind::Direct
                } else {
                    StatementKind::Indirect
                },
                parts: vec![span.clone()],
                span,
                speaker: Some(who[k]),
                mention: None,
                cue: None,
                sieve: Sieve::AdjacentCue,
                resolution: None,
                unclosed: false,
            });
        }
        text.push_str(&p);
        text.push_str("\n\n");
    }
    let speakers = SPEAKERS
        .iter()
        .enumerate()
        .map(|(s, name)| Speaker {
            name: name.to_string(),
            aliases: vec![],
            descriptor: None,
            kind: EntityKind::Person,
            quotes: (0..quotes.len())
                .filter(|&q| quotes[q].speaker == Some(s))
                .collect(),
        })
        .collect();
    let analysis = Analysis {
        quotes,
        speakers,
        other_quoted: vec![],
    };
    (Article::from_text(text, None), analysis)
}

/// The reader on the made-up article, sized `w`×`h`.
pub fn harbour_app(n: usize, w: u16, h: u16, color: bool) -> App {
    let (article, analysis) = harbour(n);
    let mut app = App::new(
        article,
        analysis,
        Keymap::default(),
        Theme::new(!color, None),
    );
    update(&mut app, Event::Resize(w, h));
    app
}

/// Links as an HTML or Markdown article keeps them (number, text, address); the markers are
/// not needed by the link list.
pub fn links() -> Vec<quoth::article::Link> {
    [
        ("the ferry plan", "https://harbour.example/ferry-plan"),
        ("council minutes", "https://harbour.example/minutes?id=7"),
        ("berth survey", "https://harbour.example/berths"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (text, url))| quoth::article::Link {
        number: i + 1,
        text: text.to_string(),
        url: url.to_string(),
        marker: 0..0,
    })
    .collect()
}
