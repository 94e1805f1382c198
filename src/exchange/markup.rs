//! Text that other tools write with markup in it (OVA's and AIFdb's node
//! text): the HTML elements they use are dropped and every HTML entity is
//! decoded; anything else stays exactly as written, so "a < b" is left
//! alone.

/// HTML elements OVA and AIFdb put in node text. Only these are taken for
/// markup: node text is otherwise plain, so "a < b and c > d" stays as it is.
const HTML_TAGS: &[&str] = &[
    "a", "b", "br", "div", "em", "font", "i", "li", "mark", "ol", "p", "small", "span", "strong",
    "sub", "sup", "u", "ul",
];

/// The length of the HTML tag that `rest` opens with (`<b>`, `</span>`,
/// `<br/>`, `<span class="x">`), if it is one.
fn html_tag(rest: &str) -> Option<usize> {
    let body = rest.strip_prefix('<')?;
    let body = body.strip_prefix('/').unwrap_or(body);
    let name_len = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let name = body[..name_len].to_ascii_lowercase();
    if !HTML_TAGS.contains(&name.as_str()) {
        return None;
    }
    let after = &body[name_len..];
    if !(after.starts_with('>') || after.starts_with(' ') || after.starts_with('/')) {
        return None;
    }
    let close = after.find('>')?;
    if after[..close].contains('<') {
        return None;
    }
    Some(rest.len() - after.len() + close + 1)
}

/// The text an HTML entity at the start of `rest` stands for (any of
/// HTML's named entities, or a numbered one), with the entity's length.
fn html_entity(rest: &str) -> Option<(String, usize)> {
    // The longest entity name HTML has is 31 letters.
    let end = rest.find(';').filter(|&e| (2..=33).contains(&e))?;
    let entity = &rest[..=end];
    let decoded = html_escape::decode_html_entities(entity);
    (decoded != entity).then(|| (decoded.into_owned(), end + 1))
}

/// Node text as a reader sees it: HTML elements dropped and entities
/// decoded, everything else exactly as written. Files Argmap wrote hold plain
/// text and are read as they are.
pub fn clean_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    let mut markup = false;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(len) = html_tag(rest)
        {
            markup = true;
            rest = &rest[len..];
            continue;
        }
        if c == '&'
            && let Some((decoded, len)) = html_entity(rest)
        {
            out.push_str(&decoded);
            rest = &rest[len..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    // Markup breaks lines with tags; its own line breaks are layout.
    if markup {
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::clean_text;

    #[test]
    fn every_named_entity_is_decoded_and_plain_text_is_left_alone() {
        assert_eq!(
            clean_text("Kramer&rsquo;s point&hellip; &ldquo;no&rdquo; &amp; &#8212; &#x2014;"),
            "Kramer’s point… “no” & — —"
        );
        assert_eq!(clean_text("<p>One <b>claim</b></p>"), "One claim");
        assert_eq!(
            clean_text("a < b and c > d; &unknownthing; & so on"),
            "a < b and c > d; &unknownthing; & so on"
        );
    }
}
