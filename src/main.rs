//! The `quoth` command line: a thin shell over the library.

mod batch;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use quoth::article::{Article, Format, LoadOptions};
use quoth::files::Folders;
use quoth::notes::store::{self, Place};
use quoth::notes::view;
use quoth::{attribution, report};
use std::io::{self, IsTerminal, Write};
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
    #[arg(long, value_name = "FORMAT")]
    format: Option<InputFormat>,
}

#[derive(Subcommand)]
enum Command {
    /// Print every statement in the articles (quoted or reported) and who made it.
    Quotes {
        /// Articles to analyse ("-" or none with a pipe: standard input).
        files: Vec<PathBuf>,
        /// Print one JSON document (one file only): offsets are UTF-8 byte offsets.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Print one JSON object per line per file, with a "file" field; files run in parallel.
        #[arg(long)]
        jsonl: bool,
        /// Read the articles as this format instead of guessing.
        #[arg(long, value_name = "FORMAT")]
        format: Option<InputFormat>,
        /// Which statements: direct (quotations), indirect (reported speech) or all.
        #[arg(long, value_enum, default_value_t = KindArg::All)]
        kind: KindArg,
    },
    /// List the notes on an article, or export them.
    Notes {
        /// The article ("-" for standard input).
        file: PathBuf,
        /// How to print the notes (json: W3C Web Annotations).
        #[arg(long, default_value = "text")]
        format: NotesFormat,
        /// The notes file, if not ARTICLE.quoth.json.
        #[arg(long, value_name = "PATH")]
        notes: Option<PathBuf>,
        /// Read the article as this format instead of guessing.
        #[arg(long, value_name = "FORMAT")]
        input_format: Option<InputFormat>,
    },
}

/// What an article file is, when its name and content should not decide.
#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    Txt,
    Md,
    Html,
}

impl From<InputFormat> for Format {
    fn from(f: InputFormat) -> Format {
        match f {
            InputFormat::Txt => Format::Text,
            InputFormat::Md => Format::Markdown,
            InputFormat::Html => Format::Html,
        }
    }
}

/// `quoth quotes --kind`: which statements to print.
#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    /// Quotations.
    Direct,
    /// Reported speech.
    Indirect,
    /// Both.
    All,
}

impl KindArg {
    /// One kind of statement, or `None` for all.
    fn statement_kind(self) -> Option<attribution::StatementKind> {
        match self {
            KindArg::Direct => Some(attribution::StatementKind::Direct),
            KindArg::Indirect => Some(attribution::StatementKind::Indirect),
            KindArg::All => None,
        }
    }
}

/// How `quoth notes` prints.
#[derive(Clone, Copy, ValueEnum)]
enum NotesFormat {
    Text,
    Markdown,
    Json,
}

/// What every command needs from the environment, read once here: the folders quoth keeps its
/// files in and the size limit for articles. Nothing below `main` reads the environment.
struct Env {
    folders: Folders,
    max_bytes: u64,
    /// `NO_COLOR`, `$BROWSER` and `QUOTH_TRACE_STARTUP`, for the reader.
    no_color: bool,
    browser: Option<String>,
    trace_startup: Option<PathBuf>,
}

impl Env {
    fn read() -> Env {
        let dir = |var: &str, fallback: &str| {
            std::env::var_os(var)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(fallback)))
                .map(|base| base.join("quoth"))
        };
        Env {
            folders: Folders {
                data: dir("XDG_DATA_HOME", ".local/share"),
                state: dir("XDG_STATE_HOME", ".local/state"),
                config: dir("XDG_CONFIG_HOME", ".config"),
            },
            max_bytes: std::env::var("QUOTH_MAX_SIZE")
                .ok()
                .and_then(|v| quoth::article::parse_size(&v))
                .unwrap_or(quoth::article::MAX_ARTICLE_BYTES),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            browser: std::env::var("BROWSER")
                .ok()
                .filter(|b| !b.trim().is_empty()),
            trace_startup: std::env::var_os("QUOTH_TRACE_STARTUP").map(PathBuf::from),
        }
    }

    fn reader_settings(&self) -> quoth::ui::Settings {
        quoth::ui::Settings {
            folders: self.folders.clone(),
            no_color: self.no_color,
            browser: self.browser.clone(),
            trace_startup: self.trace_startup.clone(),
        }
    }

    fn load_options(&self, format: Option<InputFormat>) -> LoadOptions {
        LoadOptions {
            format: format.map(Format::from),
            max_bytes: self.max_bytes,
        }
    }
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

/// mimalloc: attribution allocates many small strings and vectors (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let _ = quoth::ui::STARTED.set(std::time::Instant::now());
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(e),
    };
    match run(cli, &Env::read()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("quoth: {}", one_line(&f.message));
            ExitCode::from(f.code)
        }
    }
}

/// Help and version go to stdout as clap prints them; usage errors become one line that
/// names what is wrong (the missing argument, the accepted values) and the help to read.
fn clap_exit(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        _ => {
            let text = e.to_string();
            // The first paragraph: the error and its details ("<FILE>", "[possible values: …]").
            let what: Vec<&str> = text
                .lines()
                .take_while(|l| !l.trim().is_empty())
                .map(str::trim)
                .collect();
            let what = what.join(" ");
            let what = what.trim_start_matches("error: ");
            eprintln!("quoth: {} (see {} --help)", one_line(what), command_named());
            ExitCode::from(2)
        }
    }
}

/// "quoth quotes" or "quoth notes" when a subcommand was given, else "quoth".
fn command_named() -> String {
    let sub = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .filter(|a| Cli::command().find_subcommand(a).is_some());
    match sub {
        Some(s) => format!("quoth {}", one_line(&s)),
        None => "quoth".into(),
    }
}

/// A message for stderr: one line, every character printable (a hostile file name in an
/// error message is shown, never obeyed).
fn one_line(s: &str) -> String {
    quoth::text::printable(s)
}

/// The one rule for text written for people on stdout: the reader's sanitising when stdout is a
/// terminal; for a file or a pipe the text is kept but terminal controls are dropped.
fn for_stdout(s: &str) -> String {
    if std::io::IsTerminal::is_terminal(&io::stdout()) {
        quoth::text::printable_lines(s)
    } else {
        quoth::text::without_controls(s)
    }
}

fn run(cli: Cli, env: &Env) -> Result<(), Failure> {
    match cli.command {
        Some(Command::Quotes {
            files,
            json,
            jsonl,
            format,
            kind,
        }) => {
            let files = files_or_stdin(files)?;
            let kind = kind.statement_kind();
            quotes(&files, json, jsonl, env.load_options(format), kind, env)
        }
        Some(Command::Notes {
            file,
            format,
            notes,
            input_format,
        }) => list_notes(&file, format, notes, env.load_options(input_format), env),
        None => {
            let options = env.load_options(cli.format);
            match cli.file {
                Some(path) => read(&path, cli.notes, options, env),
                None if !io::stdin().is_terminal() => read(Path::new("-"), cli.notes, options, env),
                None => Err(Failure::usage(
                    "no article given (usage: quoth FILE; see quoth --help)",
                )),
            }
        }
    }
}

/// The files of `quoth quotes`: as given, or standard input when none are and it is a pipe.
fn files_or_stdin(files: Vec<PathBuf>) -> Result<Vec<PathBuf>, Failure> {
    if !files.is_empty() {
        return Ok(files);
    }
    if io::stdin().is_terminal() {
        return Err(Failure::usage(
            "no article given (usage: quoth quotes FILE...; see quoth quotes --help)",
        ));
    }
    Ok(vec![PathBuf::from("-")])
}

/// A web page's notes: in the data folder, keyed by its address (`None` for files).
fn url_notes(arg: &str, folders: &Folders) -> Option<PathBuf> {
    quoth::fetch::is_url(arg)
        .then(|| quoth::fetch::notes_path(arg, folders))
        .flatten()
}

/// Loads an article from a file, from standard input for "-", or from the web for http(s).
fn load(path: &Path, options: LoadOptions) -> Result<Article, Failure> {
    if let Some(url) = path.to_str().filter(|p| quoth::fetch::is_url(p)) {
        return quoth::fetch::load_url(url, options).map_err(|e| Failure::input(path, e));
    }
    if path == Path::new("-") {
        let stdin = Path::new("(stdin)");
        let bytes = quoth::article::read_stdin_bytes(options.max_bytes)
            .map_err(|e| Failure::input(stdin, e))?;
        return Article::from_bytes(&bytes, None, options.format)
            .map_err(|e| Failure::input(stdin, e));
    }
    Article::load_with(path, &options).map_err(|e| Failure::input(path, e))
}

fn read(
    path: &Path,
    notes: Option<PathBuf>,
    options: LoadOptions,
    env: &Env,
) -> Result<(), Failure> {
    // A long plain-text file shows its first screen before the rest is read (a web page is
    // fetched whole, standard input read whole).
    let is_url = path.to_str().is_some_and(quoth::fetch::is_url);
    if path != Path::new("-")
        && !is_url
        && let Some(head) =
            Article::load_head(path, &options).map_err(|e| Failure::input(path, e))?
    {
        return quoth::ui::run_head(head, options, notes, &env.reader_settings())
            .map_err(ui_failure);
    }
    let article = load(path, options)?;
    // A web page's notes live in the data folder, keyed by its address.
    let notes = notes.or_else(|| path.to_str().and_then(|p| url_notes(p, &env.folders)));
    if notes.is_none() && is_url {
        return Err(Failure::usage(
            "no data folder for a web page's notes (HOME unset; or give --notes PATH)",
        ));
    }
    if article.path.is_none() && article.text.trim().is_empty() {
        return Err(Failure::usage(
            "no article given: standard input is empty (usage: quoth FILE; see quoth --help)",
        ));
    }
    quoth::ui::run(article, notes, &env.reader_settings()).map_err(ui_failure)
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
    options: LoadOptions,
    kind: Option<attribution::StatementKind>,
    env: &Env,
) -> Result<(), Failure> {
    if jsonl {
        return quotes_jsonl(files, options, kind, env);
    }
    if json && files.len() > 1 {
        return Err(Failure::usage(
            "--json takes one file; use --jsonl for several",
        ));
    }
    let mut out = io::stdout().lock();
    for path in files {
        let article = load(path, options)?;
        let mut analysis = analyse_corrected(&article, &env.folders);
        analysis.retain_kind(kind);
        let written = if json {
            json_text(&report::to_json(&article, &analysis, None))
                .map_err(io::Error::other)
                .and_then(|j| writeln!(out, "{j}"))
        } else {
            let mut table = String::new();
            if files.len() > 1 {
                table = format!("== {}\n", one_line(&path.display().to_string()));
            }
            table.push_str(&report::table(&article, &analysis));
            out.write_all(for_stdout(&table).as_bytes())
        };
        stdout_result(written)?;
    }
    Ok(())
}

/// Writes one JSON line per file, analysing files on every core, in the order given.
fn quotes_jsonl(
    files: &[PathBuf],
    options: LoadOptions,
    kind: Option<attribution::StatementKind>,
    env: &Env,
) -> Result<(), Failure> {
    let mut failed = false;
    let mut out = io::stdout().lock();
    let mut progress = batch::Progress::new(files.len());
    let analyse = |path: &PathBuf| -> Result<String, String> {
        let article = load(path, options).map_err(|f| f.message)?;
        let mut analysis = analyse_corrected(&article, &env.folders);
        analysis.retain_kind(kind);
        let file = Some(path.display().to_string());
        json_text(&report::to_json(&article, &analysis, file))
            .map_err(|e| format!("{}: {e}", path.display()))
    };
    batch::ordered_map(files, analyse, |i, line| {
        match line {
            Ok(l) => stdout_result(writeln!(out, "{l}"))?,
            Err(msg) => {
                failed = true;
                progress.clear();
                eprintln!("quoth: {}", one_line(&msg));
            }
        }
        progress.show(i + 1);
        Ok(())
    })?;
    progress.clear();
    if failed {
        Err(Failure::usage("some files could not be read"))
    } else {
        Ok(())
    }
}

/// JSON for stdout: exact, with C1 controls and bidi overrides escaped too.
fn json_text(value: &impl serde::Serialize) -> serde_json::Result<String> {
    serde_json::to_string(value).map(|j| quoth::text::json_escaped(&j))
}

/// A closed pipe (`quoth quotes … | head`) is not an error worth a message.
fn stdout_result(r: io::Result<()>) -> Result<(), Failure> {
    match r {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Failure::runtime(format!("cannot write output: {e}"))),
    }
}

/// The analysis with the reader's corrections, wherever the notes live (beside the article or
/// in the data folder). Read only: a missing or unreadable notes file means no corrections.
fn analyse_corrected(article: &Article, folders: &Folders) -> attribution::Analysis {
    let url_notes = article
        .path
        .as_deref()
        .and_then(Path::to_str)
        .and_then(|p| url_notes(p, folders));
    let corrections = Place::of(article.path.as_deref(), &article.text, url_notes, folders)
        .and_then(|place| store::peek(&place, &article.text).ok()?.ok())
        .map(|doc| view::placed_corrections(&doc, &article.text))
        .unwrap_or_default();
    view::analyse_with(&article.text, &article.paragraphs, &corrections)
}

fn list_notes(
    path: &Path,
    format: NotesFormat,
    notes: Option<PathBuf>,
    options: LoadOptions,
    env: &Env,
) -> Result<(), Failure> {
    let article = load(path, options)?;
    let notes = notes.or_else(|| path.to_str().and_then(|p| url_notes(p, &env.folders)));
    let place = Place::of(article.path.as_deref(), &article.text, notes, &env.folders)
        .ok_or_else(|| Failure::usage("no data folder for notes on stdin (HOME unset)"))?;
    // Listing never changes anything on disk: read the files as they are.
    let doc = match store::peek(&place, &article.text) {
        Ok(Ok(doc)) => doc,
        Ok(Err(problem)) => {
            return Err(Failure::input(
                &place.sidecar,
                format!("notes file is {problem}"),
            ));
        }
        Err(e) => return Err(Failure::input(&place.sidecar, e)),
    };
    let corrections = view::placed_corrections(&doc, &article.text);
    let analysis = view::analyse_with(&article.text, &article.paragraphs, &corrections);
    let placed = view::place_notes(&doc, &article.text);
    let out = match format {
        NotesFormat::Markdown => {
            for_stdout(&report::notes::markdown(&article, &analysis, &doc, &placed))
        }
        NotesFormat::Json => quoth::text::json_escaped(&format!(
            "{:#}\n",
            report::notes::json(&article, &doc, &placed)
        )),
        NotesFormat::Text => for_stdout(&report::notes::text(&article, &analysis, &doc, &placed)),
    };
    stdout_result(io::stdout().lock().write_all(out.as_bytes()))
}
