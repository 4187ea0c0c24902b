#![no_main]
//! Wrapping any text at any width: lines cover each paragraph exactly, in order.

use libfuzzer_sys::fuzz_target;
use quoth_core::article::split_paragraphs;
use quoth_core::layout::wrap;

fuzz_target!(|data: &[u8]| {
    let Some((&w, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    for p in split_paragraphs(text) {
        let lines = wrap(text, p.clone(), w as usize);
        assert_eq!(lines.first().map(|l| l.start), Some(p.start));
        assert_eq!(lines.last().map(|l| l.end), Some(p.end));
        for pair in lines.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
    }
});
