#![no_main]
//! Sidecar parsing and re-anchoring: the input is a sidecar file and an article text,
//! separated by the first 0xFF byte. No panic; anchors lie inside the text.

use libfuzzer_sys::fuzz_target;
use quoth_core::notes::{store, view};

fuzz_target!(|data: &[u8]| {
    let (json, text) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    let Ok(text) = std::str::from_utf8(text) else { return };
    // The same parsing as the store: version first, then the document.
    let Ok(doc) = store::parse(json) else { return };
    for p in view::place_notes(&doc, text) {
        if let Some(r) = p.anchor.range() {
            assert!(r.start <= r.end && r.end <= text.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
    let _ = view::placed_corrections(&doc, text);
    let _ = serde_json::to_vec(&doc);
});
