//! Articles: reading a file safely, and splitting its text into paragraphs with byte offsets.

mod load;
mod paragraphs;

pub use load::{LoadError, MAX_ARTICLE_BYTES, read_article_bytes};
pub use paragraphs::split_paragraphs;

use std::ops::Range;
use std::path::{Path, PathBuf};

/// An article as quoth reads it: its text and where its paragraphs are.
///
/// Offsets everywhere in quoth are UTF-8 byte offsets into [`Article::text`]. For plain UTF-8
/// files the text is the file's bytes unchanged, so the offsets are also file offsets.
#[derive(Debug, Clone)]
pub struct Article {
    /// Where it came from, for messages and the sidecar; `None` for standard input.
    pub path: Option<PathBuf>,
    pub text: String,
    /// Byte ranges of the paragraphs in `text`, trimmed of surrounding white space, in order.
    pub paragraphs: Vec<Range<usize>>,
}

impl Article {
    /// Builds an article from text already in memory.
    pub fn from_text(text: String, path: Option<PathBuf>) -> Article {
        let paragraphs = split_paragraphs(&text);
        Article {
            path,
            text,
            paragraphs,
        }
    }

    /// Reads an article from a file, refusing what is not readable text.
    pub fn load(path: &Path) -> Result<Article, LoadError> {
        let bytes = read_article_bytes(path)?;
        let text = String::from_utf8(bytes).map_err(|_| LoadError::NotText("not valid UTF-8"))?;
        Ok(Article::from_text(text, Some(path.to_path_buf())))
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

    /// The 1-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        1 + self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    }
}
