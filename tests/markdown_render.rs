//! A Markdown article with a table, nested ordered lists and footnotes, rendered as the reader
//! lays it out at 80 columns (each paragraph wrapped, a blank row between paragraphs).

use quoth::article::{Article, Format};
use quoth::layout::wrap;
use std::path::Path;

fn screen_text(article: &Article, width: usize) -> String {
    let mut rows: Vec<&str> = Vec::new();
    for (i, p) in article.paragraphs.iter().enumerate() {
        if i > 0 {
            rows.push("");
        }
        for line in wrap(&article.text, p.clone(), width) {
            rows.push(article.text[line].trim_end());
        }
    }
    rows.join("\n")
}

fn transit_plan() -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web/transit-plan.md");
    Article::load(&path).expect("fixture")
}

#[test]
fn markdown_renders_tables_lists_and_footnotes_at_80_columns() {
    let article = transit_plan();
    assert_eq!(article.format, Format::Markdown);
    insta::assert_snapshot!(screen_text(&article, 80));
}

#[test]
fn the_quotation_after_the_table_is_attributed() {
    let article = transit_plan();
    let analysis = quoth::attribution::analyse(&article);
    let speakers: Vec<&str> = analysis
        .quotes
        .iter()
        .filter_map(|q| q.speaker.map(|s| analysis.speakers[s].name.as_str()))
        .collect();
    assert_eq!(speakers, ["Odile Parnell"]);
    assert_eq!(article.links.len(), 1);
    assert_eq!(article.links[0].url, "https://council.example/transit");
}
