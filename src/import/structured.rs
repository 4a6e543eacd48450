//! Microdata (`itemscope itemtype=".../JobPosting"`, `itemprop`) and RDFa
//! (`vocab` / `typeof="JobPosting"`, `property`): the two forms besides
//! JSON-LD in which schema.org publishes each example, and in which many
//! career sites and ATS pages mark up their postings. Each `JobPosting`
//! item is read into the JSON shape JSON-LD gives the same data, then
//! mapped by [`job_posting`], so all three forms import alike.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};
use serde_json::{Map, Value};

use super::posting::job_posting;
use super::{Posting, line_col};

/// The postings a page's markup holds.
#[derive(Debug, Default)]
pub struct Items {
    pub postings: Vec<Posting>,
}

impl Items {
    pub fn found(&self) -> usize {
        self.postings.len()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Microdata,
    Rdfa,
}

/// `https://schema.org/JobPosting`, `schema:title` → `JobPosting`, `title`.
fn short(name: &str) -> &str {
    name.rsplit(['/', ':', '#']).next().unwrap_or(name).trim()
}

impl Syntax {
    /// The types of the item this element starts, if it starts one.
    fn scope(self, e: &scraper::node::Element) -> Option<Vec<String>> {
        let types = match self {
            Syntax::Microdata => {
                e.attr("itemscope")?;
                e.attr("itemtype").unwrap_or("")
            }
            Syntax::Rdfa => e.attr("typeof")?,
        };
        Some(
            types
                .split_whitespace()
                .map(|t| short(t).to_string())
                .collect(),
        )
    }

    /// The property names this element gives a value for.
    fn props(self, e: &scraper::node::Element) -> Vec<String> {
        let attr = match self {
            Syntax::Microdata => "itemprop",
            Syntax::Rdfa => "property",
        };
        e.attr(attr)
            .unwrap_or("")
            .split_whitespace()
            .map(|p| short(p).to_string())
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// Where the opening tags of `JobPosting` items are in the page's text,
    /// in order: an occurrence of `JobPosting` inside a tag, after the
    /// attribute this syntax types items with.
    fn posting_tags(self, text: &str) -> Vec<usize> {
        let attr = match self {
            Syntax::Microdata => "itemtype",
            Syntax::Rdfa => "typeof",
        };
        let mut out = Vec::new();
        for (at, _) in text.match_indices("JobPosting") {
            let before = &text[..at];
            let Some(open) = before.rfind('<') else {
                continue;
            };
            let tag = &before[open..];
            if !tag.contains('>') && tag.to_ascii_lowercase().contains(attr) {
                out.push(open);
            }
        }
        out
    }
}

fn is_posting(types: &[String]) -> bool {
    types.iter().any(|t| t.eq_ignore_ascii_case("JobPosting"))
}

/// Every microdata item and RDFa resource of type `JobPosting` in `doc`,
/// whose text is `text` (for the line each starts on).
pub fn read(doc: &Html, text: &str) -> Items {
    let mut items = Items::default();
    for syntax in [Syntax::Microdata, Syntax::Rdfa] {
        let mut found: Vec<Map<String, Value>> = Vec::new();
        for node in doc.tree.nodes() {
            let Node::Element(e) = node.value() else {
                continue;
            };
            if syntax.scope(e).is_some_and(|t| is_posting(&t)) {
                found.push(item(node, syntax));
            }
        }
        let tags = syntax.posting_tags(text);
        // lines only when every item was found in the text, in order
        let lines = (tags.len() == found.len()).then_some(tags);
        for (k, map) in found.iter().enumerate() {
            let line = lines
                .as_ref()
                .and_then(|l| l.get(k))
                .map(|&o| line_col(text, o).0);
            let number = items.postings.len() + 1;
            items.postings.push(job_posting(map, number, line));
        }
    }
    items
}

/// An item as a JSON-LD object: its `@type` and its properties.
fn item(node: NodeRef<'_, Node>, syntax: Syntax) -> Map<String, Value> {
    let mut map = Map::new();
    if let Node::Element(e) = node.value() {
        let types = syntax.scope(e).unwrap_or_default();
        let t = match types.as_slice() {
            [] => None,
            [one] => Some(Value::String(one.clone())),
            many => Some(Value::Array(
                many.iter().cloned().map(Value::String).collect(),
            )),
        };
        if let Some(t) = t {
            map.insert("@type".into(), t);
        }
    }
    properties(node, syntax, &mut map);
    map
}

/// The properties found under `node`, down to the next item: a property
/// inside an element that is not an item belongs to the same item (as
/// schema.org's example nests `hiringOrganization` inside `description`).
fn properties(node: NodeRef<'_, Node>, syntax: Syntax, map: &mut Map<String, Value>) {
    for child in node.children() {
        let Some(el) = ElementRef::wrap(child) else {
            continue;
        };
        let e = el.value();
        let names = syntax.props(e);
        let scoped = syntax.scope(e).is_some();
        if !names.is_empty() {
            let v = if scoped {
                Value::Object(item(child, syntax))
            } else {
                value(el, &names, syntax)
            };
            for n in names {
                add(map, n, v.clone());
            }
        }
        if !scoped {
            properties(child, syntax, map);
        }
    }
}

fn add(map: &mut Map<String, Value>, name: String, v: Value) {
    match map.get_mut(&name) {
        None => {
            map.insert(name, v);
        }
        Some(Value::Array(a)) => a.push(v),
        Some(old) => {
            let first = std::mem::take(old);
            *old = Value::Array(vec![first, v]);
        }
    }
}

/// A property's value, the way microdata and RDFa define it: `content`,
/// then a link's `href` or a media element's `src`, a `<time>`'s
/// `datetime`, a `<data>` / `<meter>`'s `value`, else the text. A
/// description keeps its markup (it is turned into text like JSON-LD's
/// HTML descriptions); a list gives one value per item.
fn value(el: ElementRef<'_>, names: &[String], syntax: Syntax) -> Value {
    let e = el.value();
    if names.iter().any(|n| n == "description") {
        return Value::String(el.inner_html());
    }
    if let Some(c) = e.attr("content") {
        return Value::String(c.to_string());
    }
    let attr = match (e.name(), syntax) {
        ("a" | "area" | "link", _) => e.attr("href"),
        ("img" | "audio" | "video" | "source" | "iframe" | "embed" | "track", _) => e.attr("src"),
        ("object", Syntax::Microdata) => e.attr("data"),
        ("data" | "meter", _) => e.attr("value"),
        ("time", _) => e.attr("datetime"),
        (_, Syntax::Rdfa) => e.attr("resource").or_else(|| e.attr("href")),
        _ => None,
    };
    if let Some(a) = attr {
        return Value::String(a.to_string());
    }
    if matches!(e.name(), "ul" | "ol") {
        let items: Vec<Value> = el
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|li| li.value().name() == "li")
            .map(|li| Value::String(li.text().collect()))
            .collect();
        if !items.is_empty() {
            return Value::Array(items);
        }
    }
    Value::String(el.text().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn postings(page: &str) -> Vec<Posting> {
        read(&Html::parse_document(page), page).postings
    }

    #[test]
    fn microdata_nested_items_and_lists() {
        let page = r#"<html><body>
<div itemscope itemtype="https://schema.org/JobPosting">
  <h1 itemprop="title">Accounts Assistant</h1>
  <p itemprop="description">Join <span itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Godavari Traders</span></span> in Nashik.</p>
  <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">
    <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
      <span itemprop="addressLocality">Nashik</span>, <span itemprop="addressRegion">MH</span>
    </div>
  </div>
  <div itemprop="baseSalary" itemscope itemtype="https://schema.org/MonetaryAmount">
    <meta itemprop="currency" content="INR">
    <div itemprop="value" itemscope itemtype="https://schema.org/QuantitativeValue">
      <meta itemprop="minValue" content="18000"><meta itemprop="maxValue" content="22000">
      <meta itemprop="unitText" content="MONTH">
    </div>
  </div>
  <ul itemprop="skills"><li>Tally</li><li>GST returns</li></ul>
  Posted <time itemprop="datePosted" datetime="2025-04-02">2 April</time>
</div></body></html>"#;
        let ps = postings(page);
        assert_eq!(ps.len(), 1);
        let p = &ps[0];
        assert_eq!(p.title.as_deref(), Some("Accounts Assistant"));
        assert_eq!(p.company.as_deref(), Some("Godavari Traders"));
        assert_eq!(p.description, "Join Godavari Traders in Nashik.");
        assert_eq!(p.places[0].locality.as_deref(), Some("Nashik"));
        assert_eq!(p.places[0].region.as_deref(), Some("MH"));
        let s = p.salary.as_ref().expect("salary");
        assert_eq!(
            (s.min, s.max, s.currency.as_str()),
            (Some(18_000), Some(22_000), "INR")
        );
        assert_eq!(p.skills, ["Tally", "GST returns"]);
        assert_eq!(p.posted, Some(jiff::civil::date(2025, 4, 2)));
        assert_eq!(p.line, Some(2));
    }

    #[test]
    fn rdfa_with_prefixes_and_links() {
        let page = r#"<div vocab="https://schema.org/" typeof="JobPosting">
<span property="title">MIS Executive</span>
<span property="hiringOrganization" typeof="Organization"><span property="name">Rewa Logistics</span></span>
<a property="url" href="https://jobs.example.com/mis-12">Apply</a>
<span property="salaryCurrency">INR</span> <span property="baseSalary">24000</span>
</div>
<div prefix="schema: https://schema.org/" typeof="schema:JobPosting">
<span property="schema:title">Payroll Executive</span>
<span property="schema:hiringOrganization">Rewa Logistics</span>
</div>"#;
        let ps = postings(page);
        assert_eq!(ps.len(), 2);
        assert_eq!(
            ps[0].url.as_deref(),
            Some("https://jobs.example.com/mis-12")
        );
        assert_eq!(ps[0].company.as_deref(), Some("Rewa Logistics"));
        assert_eq!(
            ps[0].salary.as_ref().map(|s| (s.min, s.currency.as_str())),
            Some((Some(24_000), "INR"))
        );
        assert_eq!(ps[1].title.as_deref(), Some("Payroll Executive"));
        assert_eq!(ps[1].company.as_deref(), Some("Rewa Logistics"));
        assert_eq!(
            ps.iter().map(|p| p.line).collect::<Vec<_>>(),
            [Some(1), Some(7)]
        );
    }

    #[test]
    fn other_items_are_not_postings() {
        let page = r#"<div itemscope itemtype="https://schema.org/Organization"><span itemprop="name">X</span></div>"#;
        assert!(postings(page).is_empty());
    }
}
