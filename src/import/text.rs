//! Text from HTML: descriptions (markup to plain text, with line breaks
//! where blocks end) and plain fields (entities decoded, spaces collapsed).

use scraper::{Html, Node};

/// A plain field from JSON-LD: HTML entities decoded (`&amp;` → `&`),
/// runs of whitespace collapsed to one space, trimmed.
pub fn clean_field(s: &str) -> String {
    let decoded = html_escape::decode_html_entities(s);
    collapse_spaces(&decoded)
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Elements that end a line of text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "tr"
            | "table"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "blockquote"
            | "pre"
            | "hr"
            | "dd"
            | "dt"
    )
}

/// A description as plain text: tags removed (`<script>` and `<style>`
/// with their content), entities decoded, list items as `• ` lines, one
/// line per paragraph, no blank-line runs. Descriptions escaped twice
/// (`&lt;p&gt;`) are unwrapped too.
pub fn html_to_text(s: &str) -> String {
    let once = fragment_text(s);
    if looks_like_markup(&once) && !looks_like_markup(s) {
        // the markup was entity-escaped: the first pass uncovered it
        return fragment_text(&once);
    }
    once
}

fn looks_like_markup(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    [
        "<p>", "<p ", "<br", "<li>", "<ul>", "<div", "<b>", "<strong>", "</",
    ]
    .iter()
    .any(|t| l.contains(t))
}

fn fragment_text(s: &str) -> String {
    if !s.contains('<') && !s.contains('&') {
        return tidy_lines(s, true);
    }
    let doc = Html::parse_fragment(s);
    let mut out = String::with_capacity(s.len());
    // in markup a line break in the text is a space (the tags make the
    // lines); text with only entities keeps its lines
    walk(doc.tree.root(), &mut out, looks_like_markup(s));
    // in markup, line breaks come from the tags: no blank lines
    tidy_lines(&out, false)
}

fn walk(node: ego_tree::NodeRef<'_, Node>, out: &mut String, markup: bool) {
    for child in node.children() {
        match child.value() {
            Node::Text(t) if markup => out.extend(t.chars().map(|c| match c {
                '\n' | '\r' => ' ',
                c => c,
            })),
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if matches!(name, "script" | "style" | "template" | "noscript") {
                    continue;
                }
                let block = is_block(name);
                if block {
                    out.push('\n');
                }
                if name == "li" {
                    out.push_str("• ");
                }
                if name == "pre" {
                    walk(child, out, false);
                } else {
                    walk(child, out, markup);
                }
                if block {
                    out.push('\n');
                }
                if matches!(name, "td" | "th") {
                    out.push(' ');
                }
            }
            _ => walk(child, out, markup),
        }
    }
}

/// Collapses spaces inside lines, trims lines, keeps at most one blank
/// line between paragraphs (none with `keep_blank` false), trims the whole.
fn tidy_lines(s: &str, keep_blank: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = collapse_spaces(line);
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if keep_blank && blank > 0 {
                out.push('\n');
            }
        }
        blank = 0;
        out.push_str(&line);
    }
    out
}

/// A description in whatever form a file gives it, as plain text: HTML
/// (see [`html_to_text`]), Markdown (JobSpy writes its descriptions so;
/// see [`markdown_to_text`]) or plain text (spaces tidied, paragraphs
/// kept).
pub fn description_text(s: &str) -> String {
    if looks_like_markup(s) || looks_like_markup(&html_escape::decode_html_entities(s)) {
        html_to_text(s)
    } else if looks_like_markdown(s) {
        markdown_to_text(s)
    } else {
        html_to_text(s)
    }
}

/// Markdown's tell-tale signs: strong emphasis, backslash escapes, links,
/// headings and list items at the start of a line.
fn looks_like_markdown(s: &str) -> bool {
    if s.contains("**") || s.contains("__") || s.contains("](") {
        return true;
    }
    if ["\\-", "\\*", "\\_", "\\#", "\\.", "\\+", "\\("]
        .iter()
        .any(|e| s.contains(e))
    {
        return true;
    }
    s.lines().any(|l| {
        let l = l.trim_start();
        l.starts_with("# ") || l.starts_with("## ") || l.starts_with("### ") || l.starts_with("* ")
    })
}

/// Markdown as plain text (with pulldown-cmark): emphasis and escapes
/// gone, each paragraph and heading a line, list items as `• ` lines
/// (numbered lists keep their numbers), line breaks inside a paragraph
/// kept, links as their text.
pub fn markdown_to_text(s: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut out = String::with_capacity(s.len());
    // the next number of each open list (None: a bullet list)
    let mut lists: Vec<Option<u64>> = Vec::new();
    for event in Parser::new_ext(s, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_)) => {
                out.push('\n');
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::TableRow,
            )
            | Event::SoftBreak
            | Event::HardBreak
            | Event::Rule => out.push('\n'),
            Event::Start(Tag::List(start)) => lists.push(start),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                out.push('\n');
            }
            Event::Start(Tag::Item) => {
                out.push('\n');
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("• "),
                }
            }
            Event::End(TagEnd::TableCell) => out.push(' '),
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::Html(h) | Event::InlineHtml(h) => {
                let l = h.to_ascii_lowercase();
                if l.starts_with("<br") || l.starts_with("<p") || l.starts_with("</p") {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
    tidy_lines(&out, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_decode_entities() {
        assert_eq!(
            clean_field("  Accounts &amp; Finance\n Executive &#8211; GST "),
            "Accounts & Finance Executive – GST"
        );
        assert_eq!(clean_field("R&amp;D &nbsp;Co"), "R&D Co");
    }

    #[test]
    fn descriptions_lose_markup() {
        let html = "<p>We are hiring an <b>Accounts Executive</b> for our Pune office.</p>\
                    <ul><li>Tally &amp; GST</li><li>Bank reconciliation</li></ul>\
                    <script>alert(1)</script><p>Salary: &#8377;25,000</p>";
        assert_eq!(
            html_to_text(html),
            "We are hiring an Accounts Executive for our Pune office.\n• Tally & GST\n• Bank reconciliation\nSalary: ₹25,000"
        );
    }

    #[test]
    fn line_breaks_in_markup_source_are_spaces() {
        // schema.org's microdata example breaks its description's source line
        assert_eq!(
            html_to_text(
                "<strong>Description:</strong> ABC Company Inc.\n    seeks an engineer.<br>Apply"
            ),
            "Description: ABC Company Inc. seeks an engineer.\nApply"
        );
        // text with entities only keeps its lines
        assert_eq!(
            html_to_text("Tally &amp; GST\nNight shift"),
            "Tally & GST\nNight shift"
        );
    }

    #[test]
    fn double_escaped_descriptions() {
        let html = "&lt;p&gt;Data entry &amp;amp; MIS&lt;/p&gt;&lt;br&gt;Night shift";
        assert_eq!(html_to_text(html), "Data entry & MIS\nNight shift");
    }

    #[test]
    fn plain_text_is_kept() {
        assert_eq!(
            html_to_text("Line one\n\n\n\nLine  two"),
            "Line one\n\nLine two"
        );
        assert_eq!(html_to_text("5 < 10 years"), "5 < 10 years");
    }

    #[test]
    fn markdown_descriptions() {
        // the way JobSpy writes a description
        let md = "**Role : Python Developer**  \n**Job Type** : Contractual\n\n### **Job Information**\n\n\n* Health insurance\n* Provident Fund\n\n1. Educational qualification: Any degree\n2. Experience: 2\\-3 Years\n\nSee [our page](https://example.com) \\- apply";
        assert_eq!(
            markdown_to_text(md),
            "Role : Python Developer\nJob Type : Contractual\nJob Information\n• Health insurance\n• Provident Fund\n1. Educational qualification: Any degree\n2. Experience: 2-3 Years\nSee our page - apply"
        );
        assert_eq!(description_text(md), markdown_to_text(md));
        // HTML stays HTML; plain text keeps its paragraphs
        assert_eq!(description_text("<p>A</p><p>B</p>"), "A\nB");
        assert_eq!(
            description_text("Line one\n\nLine two"),
            "Line one\n\nLine two"
        );
    }
}
