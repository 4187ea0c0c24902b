//! The `quoth` command line: a thin shell over the library.

use clap::{Parser, Subcommand};
use quoth::article::{Article, Format};
use quoth::notes::{store, view};
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
    /// The article to read: text, Markdown or a saved web page; "-" (or a pipe) reads stdin.
    file: Option<PathBuf>,
    /// Keep notes in this file instead of ARTICLE.quoth.json.
    #[arg(long, value_name = "PATH")]
    notes: Option<PathBuf>,
    /// Read the article as this format instead of guessing from its name and content.
    #[arg(long, value_name = "FORMAT", value_parser = ["txt", "md", "html"])]
    format: Option<String>,
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
        /// Read the articles as this format instead of guessing.
        #[arg(long, value_name = "FORMAT", value_parser = ["txt", "md", "html"])]
        format: Option<String>,
    },
    /// List the notes on an article, or export them.
    Notes {
        /// The article.
        file: PathBuf,
        /// text (default), markdown or json (W3C Web Annotations).
        #[arg(long, default_value = "text", value_parser = ["text", "markdown", "json"])]
        format: String,
        /// The notes file, if not ARTICLE.quoth.json.
        #[arg(long, value_name = "PATH")]
        notes: Option<PathBuf>,
        /// Read the article as this format instead of guessing.
        #[arg(long, value_name = "FORMAT", value_parser = ["txt", "md", "html"])]
        input_format: Option<String>,
    },
    /// Test helper: adds notes one by one, saving each, and reports each save.
    #[command(name = "__stress-notes", hide = true)]
    StressNotes {
        file: PathBuf,
        #[arg(long, default_value_t = 1000)]
        count: usize,
        #[arg(long, default_value = "w")]
        tag: String,
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
    let _ = quoth::ui::STARTED.set(std::time::Instant::now());
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
        Some(Command::Quotes {
            files,
            json,
            jsonl,
            format,
        }) => quotes(&files, json, jsonl, input_format(format)),
        Some(Command::Notes {
            file,
            format,
            notes,
            input_format: f,
        }) => list_notes(&file, &format, notes, input_format(f)),
        Some(Command::StressNotes { file, count, tag }) => stress_notes(&file, count, &tag),
        None => {
            let format = input_format(cli.format);
            match cli.file {
                Some(path) => read(&path, cli.notes, format),
                None if !std::io::IsTerminal::is_terminal(&io::stdin()) => {
                    read(Path::new("-"), cli.notes, format)
                }
                None => Err(Failure::usage(
                    "no article given (usage: quoth FILE; see quoth --help)",
                )),
            }
        }
    }
}

fn input_format(f: Option<String>) -> Option<Format> {
    f.as_deref().and_then(Format::parse)
}

/// Loads an article from a file, or from standard input for "-".
fn load(path: &Path, format: Option<Format>) -> Result<Article, Failure> {
    if path == Path::new("-") {
        let bytes = quoth::article::read_stdin_bytes()
            .map_err(|e| Failure::input(Path::new("(stdin)"), e))?;
        return Article::from_bytes(&bytes, None, format)
            .map_err(|e| Failure::input(Path::new("(stdin)"), e));
    }
    Article::load_as(path, format).map_err(|e| Failure::input(path, e))
}

fn read(path: &Path, notes: Option<PathBuf>, format: Option<Format>) -> Result<(), Failure> {
    // A long plain-text file shows its first screen before the rest is read.
    if path != Path::new("-")
        && let Some(head) = Article::load_head(path, format).map_err(|e| Failure::input(path, e))?
    {
        return quoth::ui::run_head(head, format, notes).map_err(ui_failure);
    }
    let article = load(path, format)?;
    if article.path.is_none() && article.text.trim().is_empty() {
        return Err(Failure::usage(
            "no article given: standard input is empty (usage: quoth FILE; see quoth --help)",
        ));
    }
    quoth::ui::run(article, notes).map_err(ui_failure)
}

fn ui_failure(e: quoth::ui::UiError) -> Failure {
    match e {
        quoth::ui::UiError::Config(m) => Failure::usage(m),
        quoth::ui::UiError::Io(e) => {
            let why = e.to_string();
            let why = why.split(" (os error").next().unwrap_or(&why).to_string();
            Failure::runtime(format!("cannot use the terminal: {why}"))
        }
    }
}

fn quotes(
    files: &[PathBuf],
    json: bool,
    jsonl: bool,
    format: Option<Format>,
) -> Result<(), Failure> {
    if jsonl {
        return quotes_jsonl(files, format);
    }
    if json && files.len() > 1 {
        return Err(Failure::usage(
            "--json takes one file; use --jsonl for several",
        ));
    }
    let mut out = io::stdout().lock();
    for path in files {
        let article = load(path, format)?;
        let analysis = analyse_corrected(&article);
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
fn quotes_jsonl(files: &[PathBuf], format: Option<Format>) -> Result<(), Failure> {
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
                    let line = Article::load_as(path, format)
                        .map_err(|e| format!("{}: {e}", path.display()))
                        .and_then(|article| {
                            let a = analyse_corrected(&article);
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
        let mut progress = Progress::new(files.len());
        for (i, line) in rx {
            pending.insert(i, line);
            while let Some(line) = pending.remove(&want) {
                want += 1;
                match line {
                    Ok(l) => stdout_result(writeln!(out, "{l}"))?,
                    Err(msg) => {
                        failed = true;
                        progress.clear();
                        eprintln!("quoth: {}", one_line(&msg));
                    }
                }
                progress.show(want);
            }
        }
        progress.clear();
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

/// The analysis with the reader's corrections from the sidecar applied (read only: a missing
/// or unreadable sidecar just means no corrections).
fn analyse_corrected(article: &Article) -> attribution::Analysis {
    let mut analysis = attribution::analyse(article);
    if let Some(path) = &article.path
        && let Ok(Ok(Some(doc))) = store::read(&store::sidecar_path(path))
    {
        analysis.apply_corrections(&view::placed_corrections(&doc, &article.text));
    }
    analysis
}

fn open_store(
    article: &Article,
    path: &Path,
    notes: Option<PathBuf>,
) -> Result<store::Store, Failure> {
    let sidecar = notes.unwrap_or_else(|| store::sidecar_path(path));
    store::Store::open(sidecar.clone(), &article.text).map_err(|e| Failure::input(&sidecar, e))
}

fn list_notes(
    path: &Path,
    format: &str,
    notes: Option<PathBuf>,
    input: Option<Format>,
) -> Result<(), Failure> {
    let article = load(path, input)?;
    let sidecar = notes
        .or_else(|| store::sidecar_for(article.path.as_deref(), &article.text))
        .ok_or_else(|| Failure::usage("no data folder for notes on stdin (HOME unset)"))?;
    // Listing never changes anything on disk: read the file as it is.
    let doc = match store::read(&sidecar) {
        Ok(Ok(Some(doc))) => doc,
        Ok(Ok(None)) => quoth::notes::Sidecar::new(store::fingerprint(&article.text)),
        Ok(Err(store::ReadProblem::Corrupt(why))) => {
            return Err(Failure::input(
                &sidecar,
                format!(
                    "unreadable notes file ({})",
                    why.lines().next().unwrap_or("")
                ),
            ));
        }
        Ok(Err(store::ReadProblem::Future(v))) => {
            return Err(Failure::input(
                &sidecar,
                format!("notes file from a newer quoth (version {v})"),
            ));
        }
        Err(e) => return Err(Failure::input(&sidecar, e)),
    };
    let mut analysis = attribution::analyse(&article);
    analysis.apply_corrections(&view::placed_corrections(&doc, &article.text));
    let placed = view::place_notes(&doc, &article.text);
    let out = match format {
        "markdown" => report::notes::markdown(&article, &analysis, &doc, &placed),
        "json" => format!("{:#}\n", report::notes::json(&article, &doc, &placed)),
        _ => report::notes::text(&article, &analysis, &doc, &placed),
    };
    stdout_result(io::stdout().lock().write_all(out.as_bytes()))
}

/// Adds `count` notes one at a time, saving after each and printing "saved ID" once the
/// save returned. The crash test kills this process at random moments.
fn stress_notes(path: &Path, count: usize, tag: &str) -> Result<(), Failure> {
    use quoth::notes::{Note, Target, model, selectors_for};
    let article = load(path, None)?;
    let mut st = open_store(&article, path, None)?;
    let end = article.text.len().min(40);
    let mut end = end;
    while !article.text.is_char_boundary(end) {
        end -= 1;
    }
    let mut out = io::stdout().lock();
    for i in 0..count {
        let t = model::now();
        let id = format!("{tag}-{i}");
        st.doc.notes.push(Note {
            id: id.clone(),
            created: t.clone(),
            modified: t,
            body: format!("note {i} from {tag}"),
            target: Target::from_selectors(&selectors_for(&article.text, 0..end)),
            deleted: None,
            extra: Default::default(),
        });
        st.save()
            .map_err(|e| Failure::runtime(format!("{}: {e}", st.path.display())))?;
        stdout_result(writeln!(out, "saved {id}").and_then(|()| out.flush()))?;
    }
    Ok(())
}

/// A progress bar on stderr for long runs over many files — only when stderr is a terminal
/// (nothing when piped or redirected), at most ten updates a second.
struct Progress {
    total: usize,
    on: bool,
    last: Option<std::time::Instant>,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let on = total > 1 && std::io::IsTerminal::is_terminal(&io::stderr());
        Progress {
            total,
            on,
            last: None,
        }
    }

    fn show(&mut self, done: usize) {
        if !self.on || self.last.is_some_and(|t| t.elapsed().as_millis() < 100) && done < self.total
        {
            return;
        }
        self.last = Some(std::time::Instant::now());
        let width = 30;
        let filled = done * width / self.total.max(1);
        let bar: String = "#".repeat(filled) + &".".repeat(width - filled);
        eprint!("\r[{bar}] {done}/{} files", self.total);
    }

    fn clear(&mut self) {
        if self.on && self.last.is_some() {
            eprint!("\r\x1b[K");
        }
    }
}
