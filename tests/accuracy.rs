//! Attribution accuracy inside `cargo test`: the sample articles' gold (`sample-articles/*.ann`)
//! scored in Rust with the shared scorer's rules (`quoth_core::gold`), held above floors, so a
//! change that loses statements or speakers fails here before anyone runs the scorer.
//!
//! The kind is a parameter: floors for reported speech (indirect, all) join the direct ones
//! once the engine reports it.

use quoth_core::article::Article;
use quoth_core::attribution::analyse;
use quoth_core::gold::{self, Kind, Tally};
use std::path::Path;

/// Scores every article of a gold folder.
fn score_folder(dir: &Path, kind: Kind) -> Tally {
    let mut total = Tally::default();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("gold folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no .ann files in {}", dir.display());
    for ann_path in names {
        let txt_path = ann_path.with_extension("txt");
        let text = std::fs::read_to_string(&txt_path).expect("article text");
        let ann = std::fs::read_to_string(&ann_path).expect("gold");
        let article = Article::load(&txt_path).expect("article loads");
        let analysis = analyse(&article);
        let gold = gold::parse_ann(&ann, &text, kind);
        let preds = gold::predictions(&article, &analysis, kind);
        let (t, _) = gold::score(&text, &gold, &preds);
        total.add(&t);
    }
    total
}

fn samples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles")
}

#[test]
fn sample_articles_direct_quotations_hold_their_floors() {
    let t = score_folder(&samples(), Kind::Direct);
    let (detection, attributed) = (t.detection_f1(), t.attributed_f1());
    eprintln!("samples direct: detection F1 {detection:.3}, attributed F1 {attributed:.3} ({t:?})");
    assert!(
        t.gold >= 50,
        "the samples hold at least 50 gold quotations: {t:?}"
    );
    assert!(
        detection >= 0.98,
        "detection F1 {detection:.3} fell below 0.98"
    );
    assert!(
        attributed >= 0.95,
        "attributed F1 {attributed:.3} fell below 0.95"
    );
}

/// Floors for one kind: (kind, least detection F1, least attributed F1), a little under what
/// the engine scores on the samples today (see the README's accuracy table).
const FLOORS: &[(Kind, f64, f64)] = &[(Kind::Indirect, 0.92, 0.86), (Kind::All, 0.96, 0.92)];

#[test]
fn sample_articles_reported_speech_and_all_statements_hold_their_floors() {
    assert_floors("samples", &samples(), FLOORS);
}

/// Scores `dir` for each kind of `floors` and fails below either floor.
fn assert_floors(name: &str, dir: &Path, floors: &[(Kind, f64, f64)]) {
    for &(kind, min_detection, min_attributed) in floors {
        let t = score_folder(dir, kind);
        let (detection, attributed) = (t.detection_f1(), t.attributed_f1());
        eprintln!("{name} {kind:?}: detection F1 {detection:.3}, attributed F1 {attributed:.3}");
        assert!(
            detection >= min_detection,
            "{name} {kind:?}: detection F1 {detection:.3} fell below {min_detection}"
        );
        assert!(
            attributed >= min_attributed,
            "{name} {kind:?}: attributed F1 {attributed:.3} fell below {min_attributed}"
        );
    }
}

/// The pattern sentences (`tools/patterns/generate.py`): everyday news patterns with invented
/// people from many countries, including must-not-fire beliefs and hypotheticals. Floors a
/// little under today's scores.
const PATTERN_FLOORS: &[(Kind, f64, f64)] = &[
    (Kind::Direct, 0.99, 0.98),
    (Kind::Indirect, 0.99, 0.99),
    (Kind::All, 0.99, 0.98),
];

#[test]
fn pattern_sentences_hold_their_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/patterns");
    assert_floors("patterns", &dir, PATTERN_FLOORS);
}
