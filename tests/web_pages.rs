//! Saved web pages in the styles of three kinds of site (JSON-LD metadata; in-body ads and a
//! pull quote in a legacy encoding; a live blog with timestamps) read as their plain-text
//! versions do: the same statements and speakers, no ad text, and a header block with the
//! headline, standfirst, authors and date.

use quoth::article::{Article, Format};
use quoth::attribution::analyse;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/web")
        .join(name)
}

/// (quoted text, speaker) of every statement.
fn statements(a: &Article) -> Vec<(String, Option<String>)> {
    let analysis = analyse(a);
    analysis
        .quotes
        .iter()
        .map(|q| {
            (
                a.text[q.span.clone()].to_string(),
                q.speaker.map(|s| analysis.speakers[s].name.clone()),
            )
        })
        .collect()
}

struct Expected<'a> {
    page: &'a str,
    title: &'a str,
    subtitle: &'a str,
    authors: &'a [&'a str],
    date: &'a str,
    site: &'a str,
    junk: &'a [&'a str],
}

fn check(e: &Expected) {
    let html = Article::load(&fixture(&format!("{}.html", e.page))).expect("html");
    let txt = Article::load(&fixture(&format!("{}.txt", e.page))).expect("txt");
    assert_eq!(html.format, Format::Html);
    let statements_html = statements(&html);
    assert!(!statements_html.is_empty());
    assert_eq!(statements_html, statements(&txt), "{}", e.page);
    for junk in e.junk {
        assert!(!html.text.contains(junk), "{junk:?} left in {}", e.page);
    }
    let meta = html.meta.clone().expect("a web page has metadata");
    assert_eq!(meta.title.as_deref(), Some(e.title));
    assert_eq!(meta.subtitle.as_deref(), Some(e.subtitle));
    assert_eq!(meta.authors, e.authors);
    assert_eq!(meta.date.as_deref(), Some(e.date));
    assert_eq!(meta.site.as_deref(), Some(e.site));
    // The header block comes first: headline, standfirst, byline with the date.
    let header: Vec<&str> = (0..3).map(|i| html.paragraph(i)).collect();
    assert_eq!(header[0], e.title);
    assert_eq!(header[1], e.subtitle);
    let byline = header[2];
    assert!(
        e.authors.iter().all(|a| byline.contains(a)) && byline.contains(&e.date[..10]),
        "{byline}"
    );
    assert_eq!(html.title(), Some(e.title));
}

#[test]
fn json_ld_news_page() {
    check(&Expected {
        page: "valley-bridge",
        title: "Orlen Bridge to Open Two Months Late, Engineers Say",
        subtitle: "A frozen riverbed and a shortage of steel have pushed the opening to July",
        authors: &["Ana Lind", "Tomas Berg"],
        date: "2026-05-04T09:30:00+02:00",
        site: "The Valley Post",
        junk: &[
            "cookies",
            "Accept all",
            "Share",
            "Morning Brief",
            "best five minutes",
            "More on this story",
            "Ferry timetable",
            "analytics",
            "©",
        ],
    });
}

#[test]
fn page_with_ads_and_a_pull_quote() {
    check(&Expected {
        page: "coast-ferry",
        title: "Island Ferry Fares to Rise by a Tenth",
        subtitle: "Operator blames fuel and repairs; islanders say the service is already too dear",
        authors: &["Rosa Mertens", "Jonas Aalto"],
        date: "2026-02-11T07:00:00Z",
        site: "Coastal Times",
        junk: &[
            "Advertisement",
            "LoanCo",
            "Sponsored",
            "WarmCo",
            "Mastodon",
            "Read more",
            "Ferry crews vote",
            "Fuel prices",
            "Islander77",
            "Transport\n",
        ],
    });
    // The pull quote repeats the body: its words appear once, as the body's statement.
    let html = Article::load(&fixture("coast-ferry.html")).expect("html");
    assert_eq!(html.text.matches("cannot hold them any longer").count(), 1);
}

#[test]
fn live_blog_keeps_its_timestamps() {
    check(&Expected {
        page: "live-floods",
        title: "River Dunmere floods: latest updates",
        subtitle: "Hundreds of homes evacuated as the river reaches a record height",
        authors: &["Kirsty Bellamy"],
        date: "2026-10-19T06:45:00+01:00",
        site: "Northern Daily",
        junk: &[
            "app for live alerts",
            "SafeHome",
            "Share this update",
            "newsletter",
            "Menu",
        ],
    });
    let html = Article::load(&fixture("live-floods.html")).expect("html");
    let times: Vec<&str> = (0..html.paragraphs.len())
        .map(|i| html.paragraph(i))
        .filter(|p| ["11:20", "09:05", "06:45"].contains(p))
        .collect();
    assert_eq!(times, ["11:20", "09:05", "06:45"]);
}

#[test]
fn links_are_numbered_references_with_their_text_and_address() {
    let html = Article::load(&fixture("coast-ferry.html")).expect("html");
    assert_eq!(html.links.len(), 1, "{:?}", html.links);
    let link = &html.links[0];
    assert_eq!(
        (link.number, link.text.as_str(), link.url.as_str()),
        (1, "Lotte Brandvold", "https://region.example/commissioner")
    );
    assert_eq!(&html.text[link.marker.clone()], "[1]");
}

#[test]
fn figure_captions_are_kept_as_captions() {
    let html = Article::load(&fixture("valley-bridge.html")).expect("html");
    assert!(
        (0..html.paragraphs.len()).any(|i| html.paragraph(i)
            == "Caption: Workers on the last pier of the Orlen bridge in April."),
        "{}",
        html.text
    );
}

#[test]
fn quotes_json_carries_the_page_metadata() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(["quotes", "--json"])
        .arg(fixture("valley-bridge.html"))
        .output()
        .expect("run quoth");
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let meta = &doc["meta"];
    assert_eq!(
        meta["title"],
        "Orlen Bridge to Open Two Months Late, Engineers Say"
    );
    assert_eq!(
        meta["authors"],
        serde_json::json!(["Ana Lind", "Tomas Berg"])
    );
    assert_eq!(meta["date"], "2026-05-04T09:30:00+02:00");
    assert_eq!(meta["site"], "The Valley Post");
    assert_eq!(
        meta["url"],
        "https://valleypost.example/news/orlen-bridge-late"
    );
    assert!(meta["subtitle"].is_string());
}
