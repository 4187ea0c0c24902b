//! Inputs the fuzzers found crashes with, kept as regression tests.

use quoth::article::{Article, Format};

/// `loading`: a legacy-encoded file whose malformed bytes decode to U+FFFD; mapping offsets
/// back to the file used to count U+FFFD as a numeric character reference and run past the
/// end of the file.
#[test]
fn legacy_decoding_offsets_stay_inside_the_file() {
    let data = include_bytes!("data/fuzz-loading-source-offset.bin");
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let Ok(article) = Article::from_bytes(data, None, Some(format)) else {
            continue;
        };
        if article.source_map.refers_to_file() {
            for (i, _) in article.text.char_indices() {
                assert!(article.source_offset(i) <= data.len());
            }
        }
    }
}

/// `attribution`: a name run at the very end of the text ("… of the") looked ahead past the
/// last token.
#[test]
fn name_runs_at_the_end_of_the_text() {
    let data = include_bytes!("data/fuzz-attribution-lookahead.bin");
    let text = String::from_utf8_lossy(data).into_owned();
    let _ = quoth::attribution::analyse(&Article::from_text(text, None));
    for t in [
        "Secretary of",
        "Secretary of the",
        "Lieutenant General of the Armed",
        "“No,” said the",
    ] {
        let _ = quoth::attribution::analyse(&Article::from_text(format!("“Yes,” said {t}"), None));
    }
}

/// Found in review: two commas side by side after a name ("Ivo Lind, , said") read an
/// appositive backwards; an unclosed quotation full of commas; a transcript of one-off names.
#[test]
fn odd_punctuation_around_speakers() {
    for t in [
        "“We waited,” Ivo Lind, , said the plan failed.",
        "Ivo Lind, , said the plan failed.",
        "“a,a,a,a,a,a,a,a, she said, and more",
        "AB: one.\n\nCD: two.\n\nAB: three.\n\nEF:",
    ] {
        let _ = quoth::attribution::analyse(&Article::from_text(t.to_string(), None));
    }
}

/// `properties`: a closing cue clause whose subject ends the text ("…, Vladimir Putin said ")
/// asked whether a clause opens one token past the last.
#[test]
fn a_cue_clause_at_the_very_end_of_the_text() {
    for t in [
        "““ said According to him, Vladimir Putin said ",
        "The pier will close, said Vladimir Putin",
    ] {
        let _ = quoth::attribution::analyse(&Article::from_text(t.to_string(), None));
    }
}

/// A random cut of a training article (a fuzz run over text windows): a "that" as the text's
/// last token, after a gap the long-gap reader steps over, asked whether a subject opens one
/// token past the last.
#[test]
fn a_that_at_the_very_end_of_the_text() {
    for t in [
        "The mayor said the long delays the crews faced that",
        "Ada Brenn told the board on Monday that",
        "Ada Brenn said that",
    ] {
        let _ = quoth::attribution::analyse(&Article::from_text(t.to_string(), None));
    }
}
