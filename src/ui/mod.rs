//! The terminal reader. The only module that talks to a terminal.

use crate::article::Article;

/// Opens the reader on an article and runs until the user quits.
pub fn run(article: Article) -> std::io::Result<()> {
    let _ = article;
    Ok(())
}
