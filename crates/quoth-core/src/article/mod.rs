//! Articles: reading a file safely, and splitting its text into paragraphs with byte offsets.

mod decode;
mod html;
mod html_clean;
mod html_meta;
mod load;
mod markdown;
mod page;
mod paragraphs;
mod source_map;

pub use decode::decode;
pub use load::{
    LoadError, LoadOptions, MAX_ARTICLE_BYTES, parse_size, read_article_bytes, read_article_head,
    read_stdin_bytes,
};
pub use page::{Link, PageMeta};
pub use paragraphs::split_paragraphs;
pub use source_map::SourceMap;

use std::ops::Range;
use std::path::{Path, PathBuf};

/// How much of a long file the reader reads before its first screen (see
/// [`Article::load_head`]): far more than any screen shows, little enough to read and split
/// in a millisecond.
pub const HEAD_BYTES: usize = 256 * 1024;

/// An article as quoth reads it: its text and where its paragraphs are.
///
/// Offsets everywhere in quoth are UTF-8 byte offsets into [`Article::text`]. For plain UTF-8
/// files the text is the file's bytes unchanged; otherwise [`Article::source_offset`] leads
/// back to the file (see [`SourceMap`]).
#[derive(Debug, Clone)]
pub struct Article {
    /// Where it came from, for messages and the sidecar; `None` for standard input.
    pub path: Option<PathBuf>,
    pub text: String,
    /// Byte ranges of the paragraphs in `text`, trimmed of surrounding white space, in order.
    pub paragraphs: Vec<Range<usize>>,
    pub format: Format,
    /// How offsets in `text` lead back to the file's bytes.
    pub source_map: SourceMap,
    /// Rendering styles of Markdown articles and web pages (headings, emphasis, …), sorted by
    /// start.
    pub styles: Vec<(Range<usize>, TextStyle)>,
    /// Links kept as numbered references ("text [1]"), in order.
    pub links: Vec<Link>,
    /// What a web page says about itself (headline, authors, date, …); `None` for other formats.
    pub meta: Option<PageMeta>,
}

/// What kind of file an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// By file extension, then by content ("<!doctype html", "<html").
    pub fn guess(path: Option<&Path>, text: &str) -> Format {
        let ext = path
            .and_then(|p| p.extension())
            .map(|e| e.to_string_lossy().to_lowercase());
        let by_ext = match ext.as_deref() {
            Some("md" | "markdown" | "mdown") => Some(Format::Markdown),
            Some("html" | "htm" | "xhtml") => Some(Format::Html),
            Some("txt" | "text") => Some(Format::Text),
            _ => None,
        };
        if let Some(f) = by_ext {
            return f;
        }
        let head: String = text
            .trim_start()
            .chars()
            .take(64)
            .collect::<String>()
            .to_lowercase();
        let html = head.starts_with("<!doctype html")
            || head.starts_with("<html")
            || head.starts_with("<?xml") && text.contains("<html");
        if html { Format::Html } else { Format::Text }
    }
}

/// How a piece of rendered Markdown is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextStyle {
    Heading,
    Emphasis,
    Strong,
    Code,
    Url,
    BlockQuote,
}

impl Article {
    /// Builds an article from plain text already in memory.
    pub fn from_text(text: String, path: Option<PathBuf>) -> Article {
        let paragraphs = split_paragraphs(&text);
        Article {
            path,
            text,
            paragraphs,
            format: Format::Text,
            source_map: SourceMap::Identity,
            styles: vec![],
            links: vec![],
            meta: None,
        }
    }

    /// Builds an article from a web page already decoded; `url` is where it was fetched from.
    pub fn from_html(
        html: &str,
        path: Option<PathBuf>,
        url: Option<&str>,
    ) -> Result<Article, LoadError> {
        let page = html::extract(html, url)?;
        Ok(Article {
            source_map: SourceMap::Extracted,
            format: Format::Html,
            styles: page.styles,
            links: page.links,
            meta: Some(page.meta),
            ..Article::from_text(page.text, path)
        })
    }

    /// Builds an article from a file's bytes: decoded, then rendered or extracted by format.
    pub fn from_bytes(
        bytes: &[u8],
        path: Option<PathBuf>,
        format: Option<Format>,
    ) -> Result<Article, LoadError> {
        let (decoded, map) = decode(bytes)?;
        let format = format.unwrap_or_else(|| Format::guess(path.as_deref(), &decoded));
        let article = match format {
            Format::Text => Article {
                source_map: map,
                ..Article::from_text(decoded, path)
            },
            Format::Markdown => {
                let r = markdown::render(&decoded);
                // Markdown offsets lead to the decoded text; compose with the decoding map.
                let source_map = match (r.map, &map) {
                    (SourceMap::Segments(segs), SourceMap::Identity) => SourceMap::Segments(segs),
                    (SourceMap::Segments(segs), m) => SourceMap::Segments(
                        segs.into_iter()
                            .map(|(t, s)| (t, m.to_source(&decoded, s)))
                            .collect(),
                    ),
                    (other, _) => other,
                };
                Article {
                    source_map,
                    styles: r.styles,
                    links: r.links,
                    format,
                    ..Article::from_text(r.text, path)
                }
            }
            Format::Html => Article::from_html(&decoded, path, None)?,
        };
        Ok(article)
    }

    /// Reads an article from a file, refusing what is not readable text.
    pub fn load(path: &Path) -> Result<Article, LoadError> {
        Article::load_as(path, None)
    }

    /// Reads an article from a file as the given format (or as its name and content say).
    pub fn load_as(path: &Path, format: Option<Format>) -> Result<Article, LoadError> {
        Article::load_with(
            path,
            &LoadOptions {
                format,
                ..LoadOptions::default()
            },
        )
    }

    /// Reads an article from a file with these options (format, size limit).
    pub fn load_with(path: &Path, options: &LoadOptions) -> Result<Article, LoadError> {
        let bytes = read_article_bytes(path, options.max_bytes)?;
        Article::from_bytes(&bytes, Some(path.to_path_buf()), options.format)
    }

    /// The start of a long plain-text file, to show while the whole file is read: its first
    /// [`HEAD_BYTES`] cut after the last line break, as an article of its own. `None` when
    /// the file should simply be read whole: it is short, or not plain UTF-8 text (another
    /// format, a byte order mark, a legacy encoding, binary data in the head).
    ///
    /// The head's text is a prefix of the whole article's text whenever the rest of the file
    /// is UTF-8 too, so offsets into it stay valid once the whole article replaces it.
    pub fn load_head(path: &Path, options: &LoadOptions) -> Result<Option<Article>, LoadError> {
        let (mut bytes, len) = read_article_head(path, HEAD_BYTES, options.max_bytes)?;
        if len <= HEAD_BYTES as u64 || bytes.starts_with(b"\xEF\xBB\xBF") || bytes.contains(&0) {
            return Ok(None);
        }
        let Some(cut) = memchr::memrchr(b'\n', &bytes) else {
            return Ok(None);
        };
        bytes.truncate(cut + 1);
        let Ok(text) = String::from_utf8(bytes) else {
            return Ok(None);
        };
        let plain = options
            .format
            .unwrap_or_else(|| Format::guess(Some(path), &text))
            == Format::Text;
        // The same refusal of control-code soup as a whole read (cheap: the head is small).
        if !plain || decode(text.as_bytes()).is_err() {
            return Ok(None);
        }
        Ok(Some(Article::from_text(text, Some(path.to_path_buf()))))
    }

    /// The byte offset in the file (as read) of a byte offset in `text`.
    pub fn source_offset(&self, t: usize) -> usize {
        self.source_map.to_source(&self.text, t)
    }

    /// The text of paragraph `i`.
    pub fn paragraph(&self, i: usize) -> &str {
        &self.text[self.paragraphs[i].clone()]
    }

    /// The article's title: its first paragraph when that is short and has no final full stop.
    pub fn title(&self) -> Option<&str> {
        let first = self.paragraphs.first()?;
        let t = self.text[first.clone()].trim();
        let looks_like_title = t.chars().count() <= 200 && !t.ends_with('.') && !t.contains('\n');
        looks_like_title.then_some(t)
    }

    /// A short name for messages and the status line.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            None => "(stdin)".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_file(tag: &str, bytes: &[u8]) -> PathBuf {
        let p = std::env::temp_dir().join(format!("quoth-head-{}-{tag}", std::process::id()));
        std::fs::write(&p, bytes).expect("write");
        p
    }

    /// A long article of numbered paragraphs.
    fn long_text() -> String {
        (0..20_000)
            .map(|i| format!("Paragraph {i} says “something, number {i},” said Ana Ruiz.\n\n"))
            .collect()
    }

    #[test]
    fn head_of_a_long_text_file_is_a_prefix_of_the_whole() {
        let text = long_text();
        let p = temp_file("long.txt", text.as_bytes());
        let head = Article::load_head(&p, &LoadOptions::default())
            .expect("read")
            .expect("a head");
        let whole = Article::load(&p).expect("whole");
        assert!(head.text.len() <= HEAD_BYTES && head.text.ends_with('\n'));
        assert!(whole.text.starts_with(&head.text));
        // Its paragraphs are the whole article's first ones.
        assert_eq!(
            head.paragraphs[..],
            whole.paragraphs[..head.paragraphs.len()]
        );
        let _ = std::fs::remove_file(p);
    }

    #[test]
    fn short_or_special_files_have_no_head() {
        let text = long_text();
        let cases: [(&str, Vec<u8>); 4] = [
            ("short.txt", b"A short article.\n".to_vec()),
            ("page.html", text.as_bytes().to_vec()),
            ("bom.txt", [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat()),
            ("nul.txt", [b"Title\n\0", text.as_bytes()].concat()),
        ];
        for (name, bytes) in cases {
            let p = temp_file(name, &bytes);
            let head = Article::load_head(&p, &LoadOptions::default()).expect("read");
            assert!(head.is_none(), "{name}");
            let _ = std::fs::remove_file(p);
        }
    }

    #[test]
    fn head_refuses_what_a_whole_read_refuses() {
        let dir = std::env::temp_dir();
        assert!(matches!(
            Article::load_head(&dir, &LoadOptions::default()),
            Err(LoadError::IsDirectory)
        ));
        let missing = dir.join("quoth-head-missing-file.txt");
        assert!(matches!(
            Article::load_head(&missing, &LoadOptions::default()),
            Err(LoadError::NotFound)
        ));
    }
}
