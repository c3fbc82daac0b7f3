//! Markdown as people write it in sheets, rendered to HTML with pulldown-cmark and cleaned with
//! ammonia: no script, no event handler, no `javascript:` link, no raw HTML of consequence.

use pulldown_cmark::{Options, Parser, html};

/// Safe HTML for `markdown`.
pub fn to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&out)
        .to_string()
}

/// The text of `markdown` as a reader sees it, without its marks (`*`, `#`, links' addresses,
/// raw HTML): one line per paragraph, heading, list item or table row, for snippets.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut out = String::with_capacity(markdown.len());
    for event in parser {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => out.push('\n'),
            Event::End(TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_the_words_and_drops_the_marks() {
        let text = plain_text("### Titre\n\nDu **gras** et <b>du HTML</b>.\n\n- un\n- deux");
        assert_eq!(text, "Titre\nDu gras et du HTML.\nun\ndeux\n");
    }

    #[test]
    fn script_and_javascript_links_are_neutralised() {
        let html = to_html(
            "**gras** <script>alert(1)</script>\n\n[lien](javascript:alert(2)) <img src=x onerror=alert(3)>",
        );
        assert!(html.contains("<strong>gras</strong>"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
    }

    #[test]
    fn lists_and_emphasis_render() {
        let html = to_html("1. un\n2. *deux*");
        assert!(
            html.contains("<ol>") && html.contains("<em>deux</em>"),
            "{html}"
        );
    }
}
