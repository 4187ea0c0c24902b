//! The sidecar never loses a saved note: writers killed with SIGKILL in the middle of saving,
//! and two writers at once.
//!
//! 200 kills take a few seconds, so they run with every `cargo test`.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn workdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("quoth-crash-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("dir");
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles/harbour-strike.txt");
    std::fs::copy(article, d.join("story.txt")).expect("copy article");
    d
}

fn writer(dir: &Path, tag: &str, count: usize) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args([
            "__stress-notes",
            "story.txt",
            "--count",
            &count.to_string(),
            "--tag",
            tag,
        ])
        .current_dir(dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn writer")
}

/// The ids in the sidecar; panics if the file is not a valid sidecar.
fn ids_on_disk(dir: &Path) -> HashSet<String> {
    let path = dir.join("story.txt.quoth.json");
    let doc = match quoth::notes::store::read(&path).expect("read sidecar") {
        Ok(Some(doc)) => doc,
        Ok(None) => return HashSet::new(),
        Err(p) => panic!("sidecar invalid after a kill: {p:?}"),
    };
    doc.notes.into_iter().map(|n| n.id).collect()
}

fn kill_while_saving(rounds: usize) {
    let dir = workdir(&format!("kill{rounds}"));
    let mut confirmed: HashSet<String> = HashSet::new();
    let mut seed = 0x9e3779b97f4a7c15u64;
    for round in 0..rounds {
        // A different number of saves before each kill, some kills very early.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let saves_before_kill = (seed % 6) as usize;
        let extra_delay = Duration::from_micros(seed % 3000);
        let mut child = writer(&dir, &format!("r{round}"), 1000);
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        for _ in 0..saves_before_kill {
            match lines.next() {
                Some(Ok(l)) => {
                    confirmed.insert(l.trim_start_matches("saved ").to_string());
                }
                _ => break,
            }
        }
        std::thread::sleep(extra_delay);
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        // Saves confirmed before the kill landed may still sit in the pipe.
        for l in lines.map_while(Result::ok) {
            confirmed.insert(l.trim_start_matches("saved ").to_string());
        }
        let on_disk = ids_on_disk(&dir);
        let lost: Vec<&String> = confirmed
            .iter()
            .filter(|id| !on_disk.contains(*id))
            .collect();
        assert!(lost.is_empty(), "round {round}: saved notes lost: {lost:?}");
    }
    assert!(!confirmed.is_empty());
}

#[test]
fn killed_writers_lose_nothing_200_times() {
    kill_while_saving(200);
}

#[test]
fn two_concurrent_writers_lose_nothing() {
    let dir = workdir("two");
    let start = Instant::now();
    let mut a = writer(&dir, "a", 40);
    let mut b = writer(&dir, "b", 40);
    assert!(a.wait().expect("a").success());
    assert!(b.wait().expect("b").success());
    let on_disk = ids_on_disk(&dir);
    for tag in ["a", "b"] {
        for i in 0..40 {
            assert!(on_disk.contains(&format!("{tag}-{i}")), "{tag}-{i} lost");
        }
    }
    assert!(start.elapsed() < Duration::from_secs(60));
}
