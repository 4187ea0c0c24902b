//! Saved web pages: the article is extracted with dom_smoothie (Mozilla Readability's
//! algorithm), dropping navigation, ads, scripts, comments and footers, and kept as plain
//! paragraphs: the title, the byline, then the text.

pub fn extract(html: &str) -> Option<String> {
    let mut r = dom_smoothie::Readability::new(html, None, None).ok()?;
    let article = r.parse().ok()?;
    let mut paragraphs: Vec<String> = Vec::new();
    let body: Vec<String> = article
        .text_content
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    // "Headline | The Herald": the site's name after a separator is not part of the headline.
    let title = article.title.trim();
    let title = [" | ", " – ", " — ", " - "]
        .iter()
        .find_map(|sep| {
            title
                .rsplit_once(sep)
                .filter(|(head, site)| head.len() > site.len())
                .map(|(head, _)| head)
        })
        .unwrap_or(title)
        .to_string();
    // Readability keeps the page title ("Headline | Site"); the article's own heading is
    // usually the first line of the text.
    let heading_first = body
        .first()
        .is_some_and(|first| !title.is_empty() && title.starts_with(first.as_str()));
    if !heading_first && !title.is_empty() {
        paragraphs.push(title);
    }
    let mut body = body.into_iter();
    if heading_first {
        paragraphs.extend(body.next());
    }
    if let Some(byline) = article
        .byline
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty())
    {
        paragraphs.push(byline.to_string());
    }
    paragraphs.extend(body);
    let text = paragraphs.join("\n\n");
    (!text.trim().is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_article_and_drops_the_rest() {
        let html = r#"<html><head><title>Talks Collapse | Herald</title><script>var s = "“no”";</script></head>
            <body><nav><a href="/">Home</a></nav><div class="ad">BUY NOW</div>
            <article><h1>Talks Collapse</h1><p class="byline">By a reporter</p>
            <p>“We are done,” said Marta Kovacs, the union's secretary, after the long meeting ended late on Monday evening in the harbour offices, where delegates had argued over pay and night shifts for three weeks.</p>
            <p>The minister urged both sides to return to the table before the weekend, warning of the cost to exporters, who have already begun to reroute cargo through other ports along the coast.</p>
            <p>Analysts said each day of the stoppage would cost the economy tens of millions of euros, and that smaller firms would be hit first because they cannot afford the longer routes.</p></article>
            <section class="comments"><p>“Great article,” said Bob.</p></section><footer>© Herald</footer></body></html>"#;
        let text = extract(html).expect("article");
        assert!(
            text.starts_with("Talks Collapse\n\nBy a reporter\n\n“We are done,”"),
            "{text}"
        );
        assert!(
            !text.contains("BUY NOW") && !text.contains("Great article") && !text.contains("var s"),
            "{text}"
        );
    }
}
