//! The `quoth` command line: a thin shell over the library.

use clap::{Parser, Subcommand};
use quoth::article::Article;
use quoth::{attribution, report};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A terminal reader for news articles that shows who said what.
#[derive(Parser)]
#[command(name = "quoth", version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The article to read (plain text).
    file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print every quotation in the articles and who said it.
    Quotes {
        /// Articles to analyse.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print one JSON document (one file only): offsets are UTF-8 byte offsets.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Print one JSON object per line per file, with a "file" field; files run in parallel.
        #[arg(long)]
        jsonl: bool,
    },
}

/// A failure with the exit code it deserves: 2 for bad usage or unusable input, 1 otherwise.
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn input(path: &Path, reason: impl std::fmt::Display) -> Failure {
        Failure {
            code: 2,
            message: format!("{}: {reason}", path.display()),
        }
    }
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
    fn runtime(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(e),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("quoth: {}", one_line(&f.message));
            ExitCode::from(f.code)
        }
    }
}

/// Help and version go to stdout as clap prints them; usage errors become one line.
fn clap_exit(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        _ => {
            let text = e.to_string();
            let first = text
                .lines()
                .next()
                .unwrap_or("bad usage")
                .trim_start_matches("error: ");
            eprintln!("quoth: {} (see quoth --help)", one_line(first));
            ExitCode::from(2)
        }
    }
}

fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Some(Command::Quotes { files, json, jsonl }) => quotes(&files, json, jsonl),
        None => match cli.file {
            Some(path) => read(&path),
            None => Err(Failure::usage(
                "no article given (usage: quoth FILE; see quoth --help)",
            )),
        },
    }
}

fn load(path: &Path) -> Result<Article, Failure> {
    Article::load(path).map_err(|e| Failure::input(path, e))
}

fn read(path: &Path) -> Result<(), Failure> {
    let article = load(path)?;
    quoth::ui::run(article).map_err(|e| match e {
        quoth::ui::UiError::Config(m) => Failure::usage(m),
        quoth::ui::UiError::Io(e) => Failure::runtime(format!("{}: {e}", path.display())),
    })
}

fn quotes(files: &[PathBuf], json: bool, jsonl: bool) -> Result<(), Failure> {
    if jsonl {
        return quotes_jsonl(files);
    }
    if json && files.len() > 1 {
        return Err(Failure::usage(
            "--json takes one file; use --jsonl for several",
        ));
    }
    let mut out = io::stdout().lock();
    for path in files {
        let article = load(path)?;
        let analysis = attribution::analyse(&article);
        let written = if json {
            serde_json::to_writer(&mut out, &report::to_json(&article, &analysis, None))
                .map_err(io::Error::from)
                .and_then(|()| writeln!(out))
        } else {
            if files.len() > 1 {
                let _ = writeln!(out, "== {}", path.display());
            }
            out.write_all(report::table(&article, &analysis).as_bytes())
        };
        stdout_result(written)?;
    }
    Ok(())
}

/// Writes one JSON line per file, analysing files on every core, in the order given.
fn quotes_jsonl(files: &[PathBuf]) -> Result<(), Failure> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(files.len().max(1));
    let (tx, rx) = mpsc::channel::<(usize, Result<String, String>)>();
    let mut failed = false;
    std::thread::scope(|scope| -> Result<(), Failure> {
        for _ in 0..workers {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let line = Article::load(path)
                        .map_err(|e| format!("{}: {e}", path.display()))
                        .and_then(|article| {
                            let a = attribution::analyse(&article);
                            serde_json::to_string(&report::to_json(
                                &article,
                                &a,
                                Some(path.display().to_string()),
                            ))
                            .map_err(|e| format!("{}: {e}", path.display()))
                        });
                    if tx.send((i, line)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = std::collections::BTreeMap::new();
        let mut want = 0;
        let mut out = io::stdout().lock();
        for (i, line) in rx {
            pending.insert(i, line);
            while let Some(line) = pending.remove(&want) {
                want += 1;
                match line {
                    Ok(l) => stdout_result(writeln!(out, "{l}"))?,
                    Err(msg) => {
                        failed = true;
                        eprintln!("quoth: {}", one_line(&msg));
                    }
                }
            }
        }
        Ok(())
    })?;
    if failed {
        Err(Failure::usage("some files could not be read"))
    } else {
        Ok(())
    }
}

/// A closed pipe (`quoth quotes … | head`) is not an error worth a message.
fn stdout_result(r: io::Result<()>) -> Result<(), Failure> {
    match r {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Failure::runtime(format!("cannot write output: {e}"))),
    }
}
