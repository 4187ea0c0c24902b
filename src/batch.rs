//! Work over many files for the command line: an ordered worker pool (results come out in
//! the order the files were given, whatever order they finish in) and a progress bar.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Runs `work` on every item on all cores and hands each result to `emit` in the items'
/// order, as soon as it and all before it are done. `emit` returning an error stops the run.
pub fn ordered_map<T: Sync, R: Send, E>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(usize, R) -> Result<(), E>,
) -> Result<(), E> {
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(items.len().max(1));
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if tx.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut want = 0;
        for (i, result) in rx {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&want) {
                emit(want, result)?;
                want += 1;
            }
        }
        Ok(())
    })
}

/// A progress bar on stderr for long runs over many files — only when stderr is a terminal
/// (nothing when piped or redirected), at most ten updates a second.
pub struct Progress {
    total: usize,
    on: bool,
    last: Option<std::time::Instant>,
}

impl Progress {
    pub fn new(total: usize) -> Progress {
        Progress {
            total,
            on: total > 1 && io::stderr().is_terminal(),
            last: None,
        }
    }

    pub fn show(&mut self, done: usize) {
        let recent = self.last.is_some_and(|t| t.elapsed().as_millis() < 100);
        if !self.on || recent && done < self.total {
            return;
        }
        self.last = Some(std::time::Instant::now());
        let width = 30;
        let filled = done * width / self.total.max(1);
        let bar: String = "#".repeat(filled) + &".".repeat(width - filled);
        eprint!("\r[{bar}] {done}/{} files", self.total);
    }

    /// Clears the bar (before a message, and at the end).
    pub fn clear(&mut self) {
        if self.on && self.last.is_some() {
            eprint!("\r\x1b[K");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_out_in_the_order_given() {
        let items: Vec<u64> = (0..200).collect();
        let mut seen = vec![];
        let r: Result<(), ()> = ordered_map(
            &items,
            |&n| {
                // Early items take longest, so they finish last.
                std::thread::sleep(std::time::Duration::from_micros((200 - n) * 20));
                n * 2
            },
            |i, r| {
                seen.push((i, r));
                Ok(())
            },
        );
        assert!(r.is_ok());
        let want: Vec<(usize, u64)> = (0..200).map(|i| (i as usize, i * 2)).collect();
        assert_eq!(seen, want);
    }
}
