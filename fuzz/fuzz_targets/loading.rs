#![no_main]
//! Decoding, Markdown rendering and HTML extraction on arbitrary bytes: no panic, and every
//! text offset maps back inside the file.

use libfuzzer_sys::fuzz_target;
use quoth_core::article::{Article, Format};

fuzz_target!(|data: &[u8]| {
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let Ok(article) = Article::from_bytes(data, None, Some(format)) else { continue };
        for p in &article.paragraphs {
            assert!(p.start <= p.end && p.end <= article.text.len());
        }
        if article.source_map.refers_to_file() && format == Format::Text {
            for (i, _) in article.text.char_indices().step_by(97) {
                assert!(article.source_offset(i) <= data.len());
            }
            assert!(article.source_offset(article.text.len()) <= data.len());
        }
        let _ = quoth_core::attribution::analyse(&article);
    }
});
