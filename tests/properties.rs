//! Property tests: the attribution engine on arbitrary text rich in quote marks, new lines and
//! control characters never panics and always returns well-formed spans.

use proptest::prelude::*;
use quoth::article::Article;
use quoth::attribution::analyse;

/// Text built from pieces that stress the quote finder and the sieves.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("''".to_string()),
        Just("``".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" said ".to_string()),
        Just(", he said. ".to_string()),
        Just("According to him, ".to_string()),
        Just("Vladimir Putin".to_string()),
        Just("the Russian President".to_string()),
        Just(" (Moscow):".to_string()),
        Just("<tweet a=\"".to_string()),
        Just(">".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{0}".to_string()),
        Just("\t".to_string()),
        Just("e\u{301}".to_string()),
        Just("漢字".to_string()),
        Just("🙂".to_string()),
        "[a-zA-Z ,.:;!?-]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let article = Article::from_text(text.to_string(), None);
    let a = analyse(&article);
    let valid = |s: usize, e: usize| {
        s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    let mut last_end = 0;
    for q in &a.quotes {
        assert!(valid(q.span.start, q.span.end), "quote {:?}", q.span);
        assert!(q.span.start >= last_end, "quotes overlap at {:?}", q.span);
        last_end = q.span.end;
        for p in &q.parts {
            assert!(valid(p.start, p.end), "part {p:?}");
        }
        for r in q.mention.iter().chain(q.cue.iter()) {
            assert!(valid(r.start, r.end), "mention/cue {r:?}");
        }
        if let Some(s) = q.speaker {
            assert!(s < a.speakers.len());
        }
    }
    for o in &a.other_quoted {
        assert!(valid(o.span.start, o.span.end));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_are_well_formed(text in tricky_text()) {
        check(&text);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        check(&text);
    }
}

#[test]
fn sample_articles_are_well_formed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles");
    for entry in std::fs::read_dir(dir).expect("samples") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            check(&std::fs::read_to_string(&path).expect("read"));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Loading any bytes as any format never panics and maps offsets into the file.
    #[test]
    fn loading_any_bytes(data in prop::collection::vec(any::<u8>(), 0..400), fmt in 0u8..3) {
        use quoth::article::Format;
        let format = [Format::Text, Format::Markdown, Format::Html][fmt as usize];
        if let Ok(article) = Article::from_bytes(&data, None, Some(format)) {
            if article.source_map.refers_to_file() && format == Format::Text {
                for (i, _) in article.text.char_indices() {
                    prop_assert!(article.source_offset(i) <= data.len());
                }
            }
            let _ = analyse(&article);
        }
    }

    /// Re-anchoring any passage in any edit of the text gives a range inside the new text.
    #[test]
    fn anchoring_stays_inside_the_text(text in tricky_text(), edit in tricky_text(), a in 0usize..200, len in 0usize..60) {
        use quoth::notes::{anchor, selectors_for};
        let mut s = a.min(text.len());
        while !text.is_char_boundary(s) { s -= 1; }
        let mut e = (s + len).min(text.len());
        while !text.is_char_boundary(e) { e -= 1; }
        let sel = selectors_for(&text, s..e);
        let edited = format!("{edit}{text}");
        if let Some(r) = anchor(&edited, &sel).range() {
            prop_assert!(r.start <= r.end && r.end <= edited.len());
            prop_assert!(edited.is_char_boundary(r.start) && edited.is_char_boundary(r.end));
        }
    }
}
