//! Saved job pages: every `<script type="application/ld+json">` block,
//! found with a real HTML parser (html5ever, through `scraper`), so
//! comments, other scripts and odd markup around them do not matter; and
//! every microdata item and RDFa resource typed `JobPosting` (see
//! `structured`), the other two forms schema.org publishes.

use std::borrow::Cow;

use scraper::{ElementRef, Html};

use super::jsonld::{PostingLines, collect, parse_json};
use super::{ImportError, Lines, ParsedFile, Posting};

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
    for element in doc.tree.nodes().filter_map(ElementRef::wrap) {
        let Some(content) = json_ld_script(element) else {
            continue;
        };
        blocks += 1;
        // where the block is in the file, for messages
        let offset = text
            .get(search_from..)
            .and_then(|rest| rest.find(content.as_str()))
            .map(|i| i + search_from);
        if let Some(o) = offset {
            search_from = o + content.len();
        }
        read_block(path, &text, &lines, &content, offset, blocks, &mut out)?;
    }
    let items = super::structured::read(&doc, &text);
    if blocks == 0 && items.found() == 0 {
        return Err(ImportError::new(
            path,
            None,
            "this page has no job posting data: no <script type=\"application/ld+json\"> block, no microdata item (itemscope itemtype=\"https://schema.org/JobPosting\") and no RDFa resource (typeof=\"JobPosting\"); save the page of the job itself (job boards put the posting's JobPosting data there) and import that",
        ));
    }
    add_unless_given(&mut out, items.postings);
    Ok(out)
}

/// The text of a `<script type="application/ld+json">` element; `None`
/// for any other element.
fn json_ld_script(element: ElementRef<'_>) -> Option<String> {
    let e = element.value();
    if e.name() != "script" {
        return None;
    }
    let kind = e.attr("type").unwrap_or("");
    let kind = kind.split(';').next().unwrap_or("").trim();
    if !kind.eq_ignore_ascii_case("application/ld+json") {
        return None;
    }
    Some(
        element
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect(),
    )
}

/// Reads JSON-LD block number `blocks`, found at `offset` of the page's
/// `text` (`None`: not found there), into `out`.
fn read_block(
    path: &str,
    text: &str,
    lines: &Lines,
    content: &str,
    offset: Option<usize>,
    blocks: usize,
    out: &mut ParsedFile,
) -> Result<(), ImportError> {
    let (json, skipped) = unwrap_block(content);
    if json.trim().is_empty() {
        return Ok(());
    }
    let base = offset.map(|o| lines.line_col(o + skipped));
    let what = match base {
        Some((line, _)) => format!(
            "in JSON-LD block {blocks} (the <script type=\"application/ld+json\"> whose JSON starts at line {line}): "
        ),
        None => format!("in JSON-LD block {blocks}: "),
    };
    match offset {
        Some(o) => {
            let base = o + skipped;
            let value = parse_json(path, text, base, json, &what)?;
            collect(&value, out, &PostingLines::of(lines, base, json));
        }
        None => {
            // not found in the page's text (entities in the script?):
            // errors and lines are relative to the block
            let value = parse_json(path, json, 0, json, &what)?;
            collect(
                &value,
                out,
                &PostingLines::of(&super::Lines::new(json), 0, ""),
            );
        }
    }
    Ok(())
}

/// Adds the postings read from markup, but not those the JSON-LD already
/// gave (a page may give the same posting twice, as JSON-LD and as markup).
fn add_unless_given(out: &mut ParsedFile, items: Vec<Posting>) {
    let seen: Vec<(Option<String>, Option<String>)> = out
        .postings
        .iter()
        .map(|p| (lower(&p.title), lower(&p.company)))
        .collect();
    for mut p in items {
        if seen.contains(&(lower(&p.title), lower(&p.company))) {
            continue;
        }
        p.number = out.postings.len() + 1;
        out.postings.push(p);
    }
}

fn lower(s: &Option<String>) -> Option<String> {
    s.as_ref().map(|s| s.to_lowercase())
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
    fn a_page_without_job_posting_data_is_refused() {
        let e = parse("p.html", "<html><body><h1>Jobs</h1></body></html>").unwrap_err();
        assert!(e.message.contains("no <script"), "{e}");
        assert!(e.message.contains("no microdata"), "{e}");
    }

    #[test]
    fn a_bad_block_after_wide_text_counts_characters() {
        let page = "<html><head><title>会计助理 招聘</title>\n<script type=\"application/ld+json\">{\"title\": \"会计\" \"x\"}</script></head></html>";
        let e = parse("p.html", page).unwrap_err();
        // line 2: `<script type="application/ld+json">` is 35 characters,
        // then `{"title": "会计" ` is 15 more: the stray `"` is character 51
        assert_eq!(e.at, Some((2, 51)), "{e}");
    }
}
