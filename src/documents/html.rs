//! Web pages saved from a browser. The article is the smallest part of the
//! page that holds most of its paragraphs' words; inside it, page furniture
//! (menus, captions, share buttons, pull quotes, advertisements, related
//! links, newsletter boxes, author bios) is dropped by what the page's own
//! markup calls it. Headings become `# `, list items `- `, and inline
//! markup is flattened to its words.

use super::{About, DocumentError, Kind, Reading, readable_date};
use scraper::{ElementRef, Html, Node};
use std::collections::HashMap;

/// Beyond this depth a page is walked as plain text: no article nests so
/// deep, and a hostile page must not exhaust the stack.
const MAX_DEPTH: usize = 256;
/// The article is the deepest element holding this share of the words in
/// the page's paragraphs.
const ARTICLE_SHARE: f32 = 0.8;

pub fn read(text: &str) -> Result<Reading, DocumentError> {
    let page = Html::parse_document(text);
    let root = page.root_element();
    let about = about(&page);
    let (article, around) = find_article(root);
    let mut walk = Walk {
        title: about.title.clone(),
        paragraphs: Vec::new(),
        dropped: Vec::new(),
    };
    for outside in around {
        let why = furniture(outside).unwrap_or("the page around the article");
        walk.drop(why, &collapsed_text(outside));
    }
    walk.block(article, 0);
    if walk.paragraphs.is_empty() {
        return Err(DocumentError::NoArticle);
    }
    Ok(Reading {
        kind: Kind::Html,
        about,
        paragraphs: walk.paragraphs,
        dropped: walk.dropped,
    })
}

struct Walk {
    title: String,
    paragraphs: Vec<String>,
    dropped: Vec<String>,
}

impl Walk {
    /// Reads an element that may hold blocks.
    fn block(&mut self, element: ElementRef, depth: usize) {
        let mut inline = String::new();
        for child in element.children() {
            match child.value() {
                Node::Text(text) => inline.push_str(text),
                Node::Element(_) => {
                    let Some(child) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let name = child.value().name();
                    if !is_block(name) && furniture(child).is_none() {
                        inline_text(child, &mut inline);
                        continue;
                    }
                    self.paragraph(&inline, "");
                    inline.clear();
                    self.element(child, depth + 1);
                }
                _ => {}
            }
        }
        self.paragraph(&inline, "");
    }

    fn element(&mut self, element: ElementRef, depth: usize) {
        if let Some(why) = furniture(element) {
            self.drop(why, &collapsed_text(element));
            return;
        }
        let name = element.value().name();
        let has_blocks = element
            .child_elements()
            .any(|c| is_block(c.value().name()) || furniture(c).is_some());
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let text = collapsed_text(element);
                if same_words(&text, &self.title) {
                    self.drop("the title, kept as the source's title", &text);
                } else {
                    self.paragraph(&text, "# ");
                }
            }
            "li" | "dt" | "dd" if !has_blocks || depth >= MAX_DEPTH => {
                self.paragraph(&collapsed_text(element), "- ");
            }
            _ if !has_blocks || depth >= MAX_DEPTH => {
                self.paragraph(&collapsed_text(element), "");
            }
            _ => self.block(element, depth),
        }
    }

    fn paragraph(&mut self, raw: &str, marker: &str) {
        let text = collapse(raw);
        if !text.is_empty() {
            self.paragraphs.push(format!("{marker}{text}"));
        }
    }

    fn drop(&mut self, why: &str, text: &str) {
        if text.is_empty() {
            return;
        }
        let shown: String = text.chars().take(160).collect();
        let more = if shown.len() < text.len() { "…" } else { "" };
        self.dropped.push(format!("{why}: {shown}{more}"));
    }
}

/// Elements that start a new paragraph rather than run within one.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "table"
            | "tbody"
            | "thead"
            | "tr"
            | "td"
            | "th"
            | "form"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "body"
            | "html"
    )
}

/// Why an element is page furniture, or None when it may be the article's.
/// Read from its tag, its ARIA role and the words of its class and id.
fn furniture(element: ElementRef) -> Option<&'static str> {
    let value = element.value();
    let by_tag = match value.name() {
        "script" | "style" | "noscript" | "template" | "link" | "meta" | "title" | "head" => {
            Some("page code")
        }
        "svg" | "img" | "picture" | "video" | "audio" | "iframe" | "canvas" | "object" => {
            Some("embedded media")
        }
        "nav" => Some("navigation"),
        "aside" => Some("a box beside the article"),
        "footer" => Some("footer"),
        "header" => Some("header"),
        "figure" | "figcaption" => Some("a picture and its caption"),
        "form" | "button" | "input" | "select" | "textarea" | "label" => Some("a form"),
        _ => None,
    };
    if by_tag.is_some() {
        return by_tag;
    }
    if value.attr("hidden").is_some() || value.attr("aria-hidden") == Some("true") {
        return Some("hidden text");
    }
    if let Some(role) = value.attr("role") {
        match role {
            "navigation" | "menu" | "menubar" => return Some("navigation"),
            "banner" => return Some("header"),
            "contentinfo" => return Some("footer"),
            "complementary" => return Some("a box beside the article"),
            "dialog" | "alertdialog" => return Some("a pop-up"),
            _ => {}
        }
    }
    let names = format!(
        "{} {}",
        value.attr("class").unwrap_or(""),
        value.id().unwrap_or("")
    )
    .to_ascii_lowercase();
    if names.contains("pullquote") || names.contains("pull-quote") || names.contains("pull_quote") {
        return Some("a pull quote");
    }
    names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find_map(furniture_word)
}

fn furniture_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "ad" | "ads" | "advert" | "advertisement" | "adslot" | "sponsor" | "sponsored"
        | "promo" | "dfp" => "an advertisement",
        "share" | "sharing" | "social" | "sharebar" => "share buttons",
        "newsletter" | "subscribe" | "subscription" | "signup" | "paywall" => "a newsletter box",
        "related" | "recommended" | "recirc" | "trending" | "popular" => "related links",
        "caption" | "credit" | "credits" => "a caption",
        "bio" | "biography" | "contributor" => "an author bio",
        "byline" | "dateline" | "meta" | "timestamp" => "the byline",
        "cookie" | "cookies" | "consent" | "gdpr" => "a cookie banner",
        "banner" | "masthead" | "breadcrumb" | "breadcrumbs" | "menu" | "navbar" | "nav"
        | "toolbar" | "sidebar" => "navigation",
        "comments" | "comment" | "disqus" => "comments",
        "footer" | "colophon" => "footer",
        "tags" | "topics" => "topic tags",
        "modal" | "popup" | "overlay" => "a pop-up",
        "hidden" | "visually" | "sr" => "hidden text",
        _ => return None,
    })
}

/// The element holding the article: walking down from the page, the
/// deepest element that still holds most of the words in paragraphs
/// outside the furniture; and the elements passed over on the way down.
fn find_article(root: ElementRef) -> (ElementRef, Vec<ElementRef>) {
    let mut words = HashMap::new();
    let mut total = 0;
    for element in root.descendent_elements() {
        if element.value().name() != "p" {
            continue;
        }
        let mut ancestors: Vec<ElementRef> =
            element.ancestors().filter_map(ElementRef::wrap).collect();
        if ancestors.iter().any(|a| furniture(*a).is_some()) || furniture(element).is_some() {
            continue;
        }
        let length = collapsed_text(element).chars().count();
        total += length;
        ancestors.push(element);
        for ancestor in ancestors {
            *words.entry(ancestor.id()).or_default() += length;
        }
    }
    let mut article = root
        .child_elements()
        .find(|e| e.value().name() == "body")
        .unwrap_or(root);
    let mut around = Vec::new();
    if total == 0 {
        return (article, around);
    }
    let enough = (total as f32 * ARTICLE_SHARE).ceil() as usize;
    while let Some(child) = article
        .child_elements()
        .find(|c| words.get(&c.id()).copied().unwrap_or(0) >= enough)
    {
        if child.value().name() == "p" {
            break;
        }
        around.extend(
            article
                .child_elements()
                .filter(|c| c.id() != child.id() && furniture(*c) != Some("page code")),
        );
        article = child;
    }
    (article, around)
}

/// An element's words with the furniture inside it left out.
fn inline_text(element: ElementRef, out: &mut String) {
    // Iterative, so a hostile page's nesting cannot exhaust the stack.
    let mut pending: Vec<_> = element.children().rev().collect();
    while let Some(node) = pending.pop() {
        match node.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) => {
                if e.name() == "br" {
                    out.push(' ');
                    continue;
                }
                let Some(child) = ElementRef::wrap(node) else {
                    continue;
                };
                if matches!(
                    e.name(),
                    "script" | "style" | "noscript" | "template" | "button"
                ) || e.attr("aria-hidden") == Some("true")
                {
                    continue;
                }
                // Blocks read as separate words ("Home World", not "HomeWorld").
                if is_block(e.name()) {
                    out.push(' ');
                }
                pending.extend(child.children().rev());
            }
            _ => {}
        }
    }
}

fn collapsed_text(element: ElementRef) -> String {
    let mut text = String::new();
    inline_text(element, &mut text);
    collapse(&text)
}

/// HTML's own rule: runs of ASCII white space are one space. Other spaces
/// (a no-break space) are the author's and stay.
fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    !a.is_empty() && words(a) == words(b)
}

/// Title, authors, publication and date from the page's meta tags (Open
/// Graph, article:, Dublin Core, schema.org) and its byline.
fn about(page: &Html) -> About {
    let mut meta: HashMap<String, String> = HashMap::new();
    let mut page_title = String::new();
    let mut byline_authors = Vec::new();
    let mut time = String::new();
    for node in page.tree.nodes() {
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        let value = element.value();
        match value.name() {
            "meta" => {
                let key = value
                    .attr("property")
                    .or_else(|| value.attr("name"))
                    .or_else(|| value.attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if let Some(content) = value.attr("content")
                    && !key.is_empty()
                    && !content.trim().is_empty()
                {
                    meta.entry(key).or_insert_with(|| collapse(content));
                }
            }
            "title" if page_title.is_empty() => page_title = collapsed_text(element),
            "time" if time.is_empty() => {
                time = value
                    .attr("datetime")
                    .map(str::to_owned)
                    .unwrap_or_else(|| collapsed_text(element));
            }
            _ => {
                let rel_author = value.attr("rel") == Some("author");
                let prop_author = value.attr("itemprop") == Some("author");
                if (rel_author || prop_author) && byline_authors.is_empty() {
                    byline_authors = split_authors(&collapsed_text(element));
                }
            }
        }
    }
    let get = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| meta.get(*k).cloned())
            .unwrap_or_default()
    };
    let publication = get(&[
        "og:site_name",
        "application-name",
        "dc.publisher",
        "publisher",
    ]);
    let mut title = get(&[
        "og:title",
        "twitter:title",
        "dc.title",
        "citation_title",
        "title",
    ]);
    if title.is_empty() {
        title = strip_site(&page_title, &publication);
    }
    let named = get(&[
        "author",
        "article:author",
        "dc.creator",
        "citation_author",
        "byl",
    ]);
    let authors = if !named.is_empty() && !named.contains("://") {
        split_authors(&named)
    } else {
        byline_authors
    };
    let date = get(&[
        "article:published_time",
        "datepublished",
        "date",
        "dc.date",
        "citation_publication_date",
        "pubdate",
    ]);
    let date = if date.is_empty() { time } else { date };
    About {
        title,
        authors,
        publication,
        date: readable_date(&date),
    }
}

/// "The Title | Site" or "The Title - Site": the title without the site.
fn strip_site(title: &str, site: &str) -> String {
    for separator in [" | ", " - ", " — ", " – "] {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && (site.is_empty() || same_words(tail, site))
        {
            return head.trim().to_owned();
        }
    }
    title.trim().to_owned()
}

/// "By Jane Roe and John Doe" or "Jane Roe, John Doe": one name each.
fn split_authors(text: &str) -> Vec<String> {
    let text = text.trim();
    let text = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("by "))
        .unwrap_or(text);
    text.split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_is_kept_and_the_page_around_it_dropped() {
        let page = r#"<!doctype html><html><head>
            <title>Talks With Moscow | The Review</title>
            <meta property="og:site_name" content="The Review">
            <meta name="author" content="Jane Roe and John Doe">
            <meta property="article:published_time" content="2019-03-02T10:00:00Z">
            </head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <div class="cookie-banner">We use cookies. <button>Accept</button></div>
            <main><article>
              <header><h1>Talks With Moscow</h1><p class="byline">By Jane Roe</p></header>
              <p>Diplomacy with <em>Moscow</em> has never&nbsp;been
                 easy, and it is &ldquo;harder&rdquo; now.</p>
              <figure><img src="x.jpg"><figcaption>Leaders meet in 2018.</figcaption></figure>
              <div class="share-tools"><a>Share on Twitter</a></div>
              <h2>What comes next</h2>
              <blockquote class="pullquote">It is harder now.</blockquote>
              <ul><li>Keep talking.</li><li>Keep sanctions.</li></ul>
              <div class="ad-slot">Buy now</div>
              <p>A second paragraph that continues the argument at some length.</p>
              <aside class="newsletter">Sign up for our newsletter</aside>
            </article></main>
            <section class="related"><p>Another story you may like, with many words in it.</p></section>
            <footer>© The Review</footer>
            </body></html>"#;
        let reading = read(page).unwrap();
        assert_eq!(
            reading.paragraphs,
            [
                "Diplomacy with Moscow has never\u{a0}been easy, and it is \u{201c}harder\u{201d} now.",
                "# What comes next",
                "- Keep talking.",
                "- Keep sanctions.",
                "A second paragraph that continues the argument at some length.",
            ]
        );
        assert_eq!(reading.about.title, "Talks With Moscow");
        assert_eq!(reading.about.authors, ["Jane Roe", "John Doe"]);
        assert_eq!(reading.about.publication, "The Review");
        assert_eq!(reading.about.date, "2 March 2019");
        let dropped = reading.dropped.join("\n");
        for furniture in [
            "Leaders meet",
            "Share on Twitter",
            "It is harder now.",
            "Buy now",
            "newsletter",
        ] {
            assert!(
                dropped.contains(furniture),
                "{furniture} not listed in {dropped}"
            );
        }
    }

    #[test]
    fn a_page_of_links_has_no_article() {
        let page = "<html><body><nav><a>Home</a></nav><footer>About us</footer></body></html>";
        assert_eq!(read(page), Err(DocumentError::NoArticle));
    }

    #[test]
    fn deep_nesting_is_read_without_exhausting_the_stack() {
        let page = format!("{}<p>Deep words.</p>", "<div>".repeat(20_000));
        let reading = read(&page).unwrap();
        assert_eq!(reading.paragraphs, ["Deep words."]);
    }
}
