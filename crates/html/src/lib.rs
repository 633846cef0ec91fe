//! Customer HTML is hostile until proven otherwise. This crate is the only door through
//! which customer markup reaches the webview: `sanitize` keeps formatting and drops
//! scripts, handlers, styles, remote images and anything else that could act or track;
//! `to_text` gives the words for search, triage and previews.

use std::collections::HashSet;

/// Largest HTML body kept as HTML; longer bodies are kept as text only.
pub const MAX_HTML_BYTES: usize = 512 * 1024;

/// Returns safe HTML: formatting tags only, links made inert to the page (opened outside,
/// no referrer), no images (they would be trackers), no styles, scripts or forms.
pub fn sanitize(html: &str) -> String {
    let tags: HashSet<&str> = [
        "a", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "hr", "i", "li",
        "ol", "p", "pre", "s", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead",
        "tr", "u", "ul", "bdi", "bdo",
    ]
    .into_iter()
    .collect();
    let mut cleaner = ammonia::Builder::default();
    cleaner
        .tags(tags)
        .clean_content_tags(["script", "style", "title", "head"].into_iter().collect())
        .generic_attributes(["dir", "lang"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["https", "http", "mailto"].into_iter().collect())
        .set_tag_attribute_value("a", "target", "_blank");
    cleaner.clean(html).to_string()
}

/// The readable text of an HTML body: block elements become line breaks, entities decoded.
pub fn to_text(html: &str) -> String {
    // Strip everything (ammonia with no tags keeps only text, escaped), then unescape.
    let mut text_only = ammonia::Builder::empty();
    text_only.clean_content_tags(["script", "style", "title", "head"].into_iter().collect());
    let with_breaks = insert_breaks(html);
    let escaped = text_only.clean(&with_breaks).to_string();
    let text = unescape(&escaped);
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line.trim_start_matches([' ', '\t']));
        out.push('\n');
    }
    out.trim().to_owned()
}

fn insert_breaks(html: &str) -> String {
    let mut s = String::with_capacity(html.len() + 64);
    let lower = html.to_ascii_lowercase();
    let mut last = 0;
    for (i, _) in lower.match_indices('<') {
        let rest = &lower[i + 1..];
        let is_break = ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "blockquote"]
            .iter()
            .any(|t| rest.starts_with(t) && rest[t.len()..].starts_with(['>', ' ', '/', '\n']));
        if is_break {
            s.push_str(&html[last..i]);
            s.push('\n');
            last = i;
        }
    }
    s.push_str(&html[last..]);
    s
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_markup_is_removed() {
        let cases = [
            "<script>alert(1)</script><p>hi</p>",
            "<img src=x onerror=alert(1)><p>hi</p>",
            "<p onclick=\"steal()\">hi</p>",
            "<a href=\"javascript:alert(1)\">hi</a>",
            "<iframe src=\"https://evil.example\"></iframe><p>hi</p>",
            "<style>body{display:none}</style><p>hi</p>",
            "<form action=https://evil.example><input name=pw></form><p>hi</p>",
            "<svg><script>alert(1)</script></svg><p>hi</p>",
            "<p style=\"background:url(https://tracker.example/pixel)\">hi</p>",
        ];
        for html in cases {
            let safe = sanitize(html).to_lowercase();
            for bad in ["<script", "onerror", "onclick", "javascript:", "<iframe", "<style", "<form", "<input", "<img", "<svg", "style=", "alert("] {
                assert!(!safe.contains(bad), "{html:?} kept {bad:?}: {safe}");
            }
            assert!(safe.contains("hi"), "{html:?} lost the text: {safe}");
        }
    }

    #[test]
    fn links_open_outside_without_referrer_and_rtl_survives() {
        let safe = sanitize("<p dir=\"rtl\">مرحبا <a href=\"https://shop.example/t\">تتبع</a></p>");
        assert!(safe.contains("dir=\"rtl\""), "{safe}");
        assert!(safe.contains("rel=\"noopener noreferrer nofollow\""), "{safe}");
        assert!(safe.contains("target=\"_blank\""), "{safe}");
    }

    #[test]
    fn text_keeps_words_and_line_breaks() {
        let text = to_text("<div>Hola,</div><div>¿dónde está mi pedido&nbsp;#1047?</div><script>x()</script><p>Gracias &amp; saludos</p>");
        assert_eq!(text, "Hola,\n¿dónde está mi pedido #1047?\nGracias & saludos");
    }
}
