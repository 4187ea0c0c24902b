//! Per-sieve precision: how many statements each sieve (and each way of resolving a mention)
//! attributed over a gold folder, and how many of those had the right speaker, scored with the
//! shared scorer's rules (`quoth_core::gold`). A weak sieve shows itself here.
//!
//!     cargo run --release -p quoth-core --example sieve-report -- GOLD_DIR [direct|indirect|all]

use quoth_core::article::Article;
use quoth_core::attribution::analyse;
use quoth_core::gold::{self, Kind, Outcome, Tally};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

/// Statements of one group: attributed to someone, of those right, found without a speaker,
/// and false detections.
#[derive(Default)]
struct Row {
    attributed: usize,
    right: usize,
    unattributed: usize,
    false_statements: usize,
}

impl Row {
    fn add(&mut self, o: Outcome, has_speaker: bool) {
        match o {
            Outcome::RightSpeaker => {
                self.attributed += 1;
                self.right += 1;
            }
            Outcome::WrongSpeaker => self.attributed += 1,
            Outcome::Unattributed => self.unattributed += 1,
            Outcome::FalseStatement => {
                self.false_statements += 1;
                if has_speaker {
                    self.attributed += 1;
                }
            }
            Outcome::Neutral => {}
        }
    }
}

fn print_table(title: &str, rows: &BTreeMap<String, Row>) {
    println!(
        "{title:<22} {:>10} {:>7} {:>9} {:>12} {:>7}",
        "attributed", "right", "precision", "no speaker", "false"
    );
    for (name, r) in rows {
        let precision = if r.attributed == 0 {
            0.0
        } else {
            r.right as f64 / r.attributed as f64
        };
        println!(
            "{name:<22} {:>10} {:>7} {precision:>9.3} {:>12} {:>7}",
            r.attributed, r.right, r.unattributed, r.false_statements
        );
    }
    println!();
}

fn parse_kind(s: Option<&str>) -> Option<Kind> {
    match s {
        None | Some("direct") => Some(Kind::Direct),
        Some("indirect") => Some(Kind::Indirect),
        Some("all") => Some(Kind::All),
        Some(_) => None,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(kind)) = (args.first(), parse_kind(args.get(1).map(String::as_str)))
    else {
        eprintln!("usage: sieve-report GOLD_DIR [direct|indirect|all]");
        return ExitCode::from(2);
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("sieve-report: cannot read {dir}");
        return ExitCode::from(2);
    };
    let mut anns: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut by_sieve: BTreeMap<String, Row> = BTreeMap::new();
    let mut by_resolution: BTreeMap<String, Row> = BTreeMap::new();
    let mut total = Tally::default();
    for ann_path in &anns {
        let txt_path = ann_path.with_extension("txt");
        let (Ok(text), Ok(ann)) = (
            std::fs::read_to_string(&txt_path),
            std::fs::read_to_string(ann_path),
        ) else {
            eprintln!("sieve-report: skipping {} (unreadable)", ann_path.display());
            continue;
        };
        let Ok(article) = Article::load(Path::new(&txt_path)) else {
            eprintln!(
                "sieve-report: skipping {} (does not load)",
                txt_path.display()
            );
            continue;
        };
        let analysis = analyse(&article);
        let gold = gold::parse_ann(&ann, &text, kind);
        let preds = gold::predictions(&article, &analysis, kind);
        let (t, outcomes) = gold::score(&text, &gold, &preds);
        total.add(&t);
        for (p, o) in preds.iter().zip(outcomes) {
            let has_speaker = p.speaker.is_some();
            by_sieve
                .entry(p.sieve.to_string())
                .or_default()
                .add(o, has_speaker);
            let resolution = p.resolution.map_or("none".to_string(), |r| {
                serde_json::to_value(r)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            });
            by_resolution
                .entry(resolution)
                .or_default()
                .add(o, has_speaker);
        }
    }
    println!("{} articles, {:?} statements\n", anns.len(), kind);
    print_table("sieve", &by_sieve);
    print_table("resolution", &by_resolution);
    println!(
        "detection F1 {:.4}, attributed F1 {:.4}",
        total.detection_f1(),
        total.attributed_f1()
    );
    ExitCode::SUCCESS
}
