#![no_main]
//! Quote finding and attribution on arbitrary text: no panic, well-formed spans.

use libfuzzer_sys::fuzz_target;
use quoth_core::article::Article;
use quoth_core::attribution::analyse;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let article = Article::from_text(text.to_string(), None);
    let a = analyse(&article);
    let ok = |s: usize, e: usize| s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e);
    let mut last = 0;
    for q in &a.quotes {
        assert!(ok(q.span.start, q.span.end));
        assert!(q.span.start >= last, "overlapping quotations");
        last = q.span.end;
        for r in q.mention.iter().chain(q.cue.iter()) {
            assert!(ok(r.start, r.end));
        }
        assert!(q.speaker.is_none_or(|s| s < a.speakers.len()));
    }
});
