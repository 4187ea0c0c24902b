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

/// A writer process: this test binary again, running only [`stress_writer`] with the
/// article's folder, the tag and the count in its environment.
fn writer(dir: &Path, tag: &str, count: usize) -> std::process::Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "stress_writer", "--ignored", "--nocapture"])
        .args(["--test-threads", "1", "-q"])
        .env(WRITER_DIR, dir)
        .env(WRITER_TAG, tag)
        .env(WRITER_COUNT, count.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn writer")
}

const WRITER_DIR: &str = "QUOTH_STRESS_DIR";
const WRITER_TAG: &str = "QUOTH_STRESS_TAG";
const WRITER_COUNT: &str = "QUOTH_STRESS_COUNT";

/// Adds notes to `story.txt` one at a time, saving after each and printing "saved ID" once
/// the save returned. The tests below kill this process at random moments.
#[test]
#[ignore = "a helper: run as a child process by the tests of this file, which kill it"]
fn stress_writer() {
    use quoth::notes::{Note, Store, Target, model, selectors_for, store};
    use std::io::Write;
    let (Some(dir), Some(tag), Some(count)) = (
        std::env::var_os(WRITER_DIR).map(PathBuf::from),
        std::env::var(WRITER_TAG).ok(),
        std::env::var(WRITER_COUNT)
            .ok()
            .and_then(|c| c.parse::<usize>().ok()),
    ) else {
        return; // run by hand: nothing to do
    };
    let path = dir.join("story.txt");
    let text = std::fs::read_to_string(&path).expect("article");
    let mut st = Store::open(store::sidecar_path(&path), &text).expect("open");
    let end = (0..=text.len().min(40))
        .rev()
        .find(|&e| text.is_char_boundary(e))
        .unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for i in 0..count {
        let t = model::now();
        let id = format!("{tag}-{i}");
        st.doc.notes.push(Note {
            id: id.clone(),
            created: t.clone(),
            modified: t,
            body: format!("note {i} from {tag}"),
            target: Target::from_selectors(&selectors_for(&text, 0..end)),
            deleted: None,
            extra: Default::default(),
        });
        st.save().expect("save");
        writeln!(out, "saved {id}").expect("stdout");
        out.flush().expect("flush");
    }
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
        let mut seen = 0;
        while seen < saves_before_kill {
            match lines.next() {
                Some(Ok(l)) => {
                    if let Some(id) = l.strip_prefix("saved ") {
                        confirmed.insert(id.to_string());
                        seen += 1;
                    }
                }
                _ => break,
            }
        }
        std::thread::sleep(extra_delay);
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        // Saves confirmed before the kill landed may still sit in the pipe.
        for l in lines.map_while(Result::ok) {
            if let Some(id) = l.strip_prefix("saved ") {
                confirmed.insert(id.to_string());
            }
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
