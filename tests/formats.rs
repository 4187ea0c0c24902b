//! Real-world inputs: Markdown, saved web pages and legacy encodings give the same quotations
//! and speakers as the plain UTF-8 text.

use quoth::article::{Article, Format};
use quoth::attribution::analyse;
use std::path::{Path, PathBuf};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-articles")
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

fn speakers(a: &Article) -> Vec<String> {
    let mut s: Vec<String> = analyse(a).speakers.into_iter().map(|s| s.name).collect();
    s.sort();
    s
}

#[test]
fn markdown_and_html_match_the_plain_text() {
    let txt = Article::load(&sample("harbour-strike.txt")).expect("txt");
    let md = Article::load(&sample("harbour-strike.md")).expect("md");
    let html = Article::load(&sample("harbour-strike.html")).expect("html");
    assert_eq!(md.format, Format::Markdown);
    assert_eq!(html.format, Format::Html);
    assert_eq!(statements(&md), statements(&txt));
    assert_eq!(statements(&html), statements(&txt));
    assert_eq!(speakers(&md), speakers(&txt));
    assert_eq!(speakers(&html), speakers(&txt));
    // Navigation, ads, scripts and comments are gone from the page.
    for junk in [
        "Subscribe now",
        "Harbourfan",
        "Related stories",
        "dataLayer",
        "All rights reserved",
    ] {
        assert!(
            !html.text.contains(junk),
            "{junk} left in the extracted article"
        );
    }
    assert_eq!(
        html.title(),
        Some("Dockers Walk Out as Harbour Talks Collapse")
    );
}

#[test]
fn markdown_offsets_point_into_the_file() {
    let path = sample("harbour-strike.md");
    let md = Article::load(&path).expect("md");
    let bytes = std::fs::read(&path).expect("read");
    for q in analyse(&md).quotes {
        let (s, e) = (md.source_offset(q.span.start), md.source_offset(q.span.end));
        // A reported statement may hold inline emphasis ("would cost **40 million euros**"):
        // the file has the markers, the text does not.
        let source: Vec<u8> = bytes[s..e]
            .iter()
            .copied()
            .filter(|&b| b != b'*' && b != b'_')
            .collect();
        assert_eq!(source, md.text[q.span.clone()].as_bytes());
    }
}

fn seed_text() -> String {
    std::fs::read_to_string(sample("putin-lukashenko-minsk.txt")).expect("seed")
}

fn check_same_as_seed(bytes: Vec<u8>, what: &str) {
    let plain = Article::load(&sample("putin-lukashenko-minsk.txt")).expect("seed");
    let other = Article::from_bytes(&bytes, Some(PathBuf::from("seed.txt")), None).expect(what);
    let norm = |v: Vec<(String, Option<String>)>| -> Vec<(String, Option<String>)> {
        v.into_iter()
            .map(|(t, s)| (t.replace("\r\n", "\n").replace('\r', "\n"), s))
            .collect()
    };
    assert_eq!(norm(statements(&other)), norm(statements(&plain)), "{what}");
    assert_eq!(speakers(&other), speakers(&plain), "{what}");
    // Offsets lead back into the file's bytes.
    let analysis = analyse(&other);
    for q in &analysis.quotes {
        let s = other.source_offset(q.span.start);
        let e = other.source_offset(q.span.end);
        assert!(
            s < e && e <= bytes.len(),
            "{what}: {s}..{e} of {}",
            bytes.len()
        );
    }
}

#[test]
fn crlf_and_cr_line_endings() {
    check_same_as_seed(seed_text().replace('\n', "\r\n").into_bytes(), "CRLF");
    check_same_as_seed(seed_text().replace('\n', "\r").into_bytes(), "CR");
}

#[test]
fn utf8_bom() {
    let mut b = b"\xEF\xBB\xBF".to_vec();
    b.extend_from_slice(seed_text().as_bytes());
    check_same_as_seed(b, "BOM");
}

#[test]
fn utf16_with_bom() {
    for le in [true, false] {
        let mut b = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in seed_text().encode_utf16() {
            b.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let article = Article::from_bytes(&b, None, None).expect("utf-16");
        let q = &analyse(&article).quotes[0];
        let s = article.source_offset(q.span.start);
        // The first quotation's opening mark, as UTF-16 in the file.
        let mark = if le { [0x1C, 0x20] } else { [0x20, 0x1C] };
        assert_eq!(&b[s..s + 2], &mark);
        check_same_as_seed(b, "UTF-16");
    }
}

#[test]
fn windows_1252() {
    let seed = seed_text();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&seed);
    assert!(!unmappable, "the seed fits Windows-1252");
    check_same_as_seed(bytes.into_owned(), "Windows-1252");
}

#[test]
fn form_feeds_separate_paragraphs() {
    let text = "Title\x0c“We won,” said Ana Ruiz.\x0cThe end.";
    let a = Article::from_bytes(text.as_bytes(), None, None).expect("text");
    assert_eq!(a.paragraphs.len(), 3);
    assert_eq!(statements(&a)[0].1.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn binary_input_is_refused() {
    let e = Article::from_bytes(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", None, None)
        .expect_err("refused");
    assert!(e.to_string().contains("not text"), "{e}");
}
