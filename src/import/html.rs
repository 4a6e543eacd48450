//! Saved job pages: every `<script type="application/ld+json">` block,
//! found with a real HTML parser (html5ever, through `scraper`), so
//! comments, other scripts and odd markup around them do not matter.

use std::borrow::Cow;

use scraper::{Html, Node};

use super::jsonld::{collect, parse_json};
use super::{ImportError, Lines, ParsedFile};

pub fn parse(path: &str, text: &str) -> Result<ParsedFile, ImportError> {
    // html5ever turns CR LF and lone CR into LF before parsing; do the same
    // so the blocks' text can be found in ours (lines count the same).
    let text: Cow<'_, str> = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let doc = Html::parse_document(&text);
    let mut out = ParsedFile::default();
    let mut blocks = 0;
    let mut search_from = 0;
    let lines = Lines::new(&text);
    for node in doc.tree.nodes() {
        let Node::Element(e) = node.value() else {
            continue;
        };
        if e.name() != "script" {
            continue;
        }
        let kind = e.attr("type").unwrap_or("");
        let kind = kind.split(';').next().unwrap_or("").trim();
        if !kind.eq_ignore_ascii_case("application/ld+json") {
            continue;
        }
        blocks += 1;
        let content: String = node
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect();
        // where the block is in the file, for messages
        let offset = text
            .get(search_from..)
            .and_then(|rest| rest.find(content.as_str()))
            .map(|i| i + search_from);
        if let Some(o) = offset {
            search_from = o + content.len();
        }
        let (json, skipped) = unwrap_block(&content);
        if json.trim().is_empty() {
            continue;
        }
        let base = offset.map(|o| lines.line_col(o + skipped));
        let what = match base {
            Some((line, _)) => format!(
                "in JSON-LD block {blocks} (the <script type=\"application/ld+json\"> whose JSON starts at line {line}): "
            ),
            None => format!("in JSON-LD block {blocks}: "),
        };
        let value = parse_json(path, json, base, &what)?;
        collect(&value, &mut out, base.map(|b| b.0));
    }
    if blocks == 0 {
        return Err(ImportError::new(
            path,
            None,
            "this page has no <script type=\"application/ld+json\"> block, so no job posting data: save the page of the job itself (job boards put the posting's JobPosting data there) and import that",
        ));
    }
    Ok(out)
}

/// Strips `<!-- -->` and `<![CDATA[ ]]>` wrappers some pages put around
/// their JSON; returns the JSON and how many bytes were skipped before it.
fn unwrap_block(s: &str) -> (&str, usize) {
    let mut start = s.len() - s.trim_start().len();
    let mut body = s.trim();
    for (open, close) in [
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
        ("<!--", "-->"),
    ] {
        if let Some(rest) = body.strip_prefix(open) {
            start += open.len();
            body = rest.strip_suffix(close).unwrap_or(rest);
            let trimmed = body.trim_start();
            start += body.len() - trimmed.len();
            body = trimmed.trim_end();
        }
    }
    (body, start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_block() {
        let page = r#"<!doctype html><html><head>
<script type="application/ld+json">{"@type":"BreadcrumbList"}</script>
<script>var x = "<script type='application/ld+json'>";</script>
</head><body>
<script type="application/ld+json; charset=utf-8">
<!--
{"@type":"JobPosting","title":"Accounts &amp; Audit Executive","hiringOrganization":{"@type":"Organization","name":"Sahyadri Finserv"}}
-->
</script></body></html>"#;
        let f = parse("p.html", page).expect("parses");
        assert_eq!(f.postings.len(), 1);
        assert_eq!(
            f.postings[0].title.as_deref(),
            Some("Accounts & Audit Executive")
        );
        assert_eq!(f.postings[0].line, Some(7));
        assert_eq!(f.other_types.get("BreadcrumbList"), Some(&1));
    }

    #[test]
    fn a_bad_block_is_located_in_the_page() {
        let page = "<html>\r\n<head>\r\n<script type=\"application/ld+json\">\r\n{\"@type\": \"JobPosting\",\r\n \"title\": \"A\" \"x\"}\r\n</script></head></html>";
        let e = parse("p.html", page).unwrap_err();
        assert_eq!(e.at, Some((5, 15)), "{e}");
        assert!(e.message.contains("block 1"), "{e}");
        assert!(e.message.contains("starts at line 4"), "{e}");
    }

    #[test]
    fn a_page_without_json_ld_is_refused() {
        let e = parse("p.html", "<html><body><h1>Jobs</h1></body></html>").unwrap_err();
        assert!(e.message.contains("no <script"), "{e}");
    }
}
