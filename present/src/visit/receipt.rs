//! The address of an enterprise's receipt on the public verification page.

use shuangsuiji::Error;
use shuangsuiji::ModelCode;
use shuangsuiji::model::Uscc;

/// The address that opens the public verification page (`bindings-wasm/page`) on a
/// task's published files and looks up one enterprise's receipt:
/// `<page>?task=<task>&uscc=<uscc>`, each value percent-encoded (UTF-8, everything but
/// RFC 3986's unreserved characters), so that the page's `URLSearchParams` reads back
/// exactly `task` and `uscc`.
///
/// * `page`: the page's absolute `http://` or `https://` address, e.g.
///   `https://example.gov.cn/ssj/` (a placeholder: each platform has its own). A query
///   it already has is kept (`&` joins); a `#fragment` stays last.
/// * `task`: what the page's `task` parameter names — the path of the task's published
///   folder relative to the page, on the page's origin (for example the task id,
///   `2024q3-food/`).
///
/// # Errors
/// `text_invalid` (field `page`) if `page` is not an absolute http(s) address or holds a
/// space or control character; `text_empty` (field `task`) if `task` is empty.
///
/// ```
/// let uscc: shuangsuiji::model::Uscc = "91150581YX018YNJ72".parse()?;
/// let url = shuangsuiji_present::visit::receipt_url("https://example.gov.cn/ssj/", "2024q3 食品/", &uscc)?;
/// assert_eq!(url, "https://example.gov.cn/ssj/?task=2024q3%20%E9%A3%9F%E5%93%81%2F&uscc=91150581YX018YNJ72");
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn receipt_url(page: &str, task: &str, uscc: &Uscc) -> Result<String, Error> {
    let lower = page.to_ascii_lowercase();
    let scheme = ["https://", "http://"]
        .iter()
        .find(|s| lower.starts_with(**s))
        .map(|s| s.len());
    let has_host =
        scheme.is_some_and(|n| page.len() > n && !page[n..].starts_with(['/', '?', '#']));
    if !has_host || page.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::new(
            ModelCode::TextInvalid,
            "the verification page's address must be an absolute http:// or https:// URL without spaces",
        )
        .with_field("page")
        .with_value(page));
    }
    if task.is_empty() {
        return Err(
            Error::new(ModelCode::TextEmpty, "the task's published folder is empty")
                .with_field("task"),
        );
    }
    let (base, fragment) = page.split_at(page.find('#').unwrap_or(page.len()));
    let join = if base.contains('?') {
        if base.ends_with(['?', '&']) { "" } else { "&" }
    } else {
        "?"
    };
    Ok(format!(
        "{base}{join}task={}&uscc={}{fragment}",
        percent_encode(task),
        percent_encode(uscc.as_str())
    ))
}

/// Percent-encodes the UTF-8 bytes of `s`, keeping RFC 3986's unreserved characters
/// (`A–Z a–z 0–9 - . _ ~`).
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uscc() -> Uscc {
        "91150581YX018YNJ72".parse().unwrap()
    }

    #[test]
    fn the_query_is_percent_encoded() {
        let url = receipt_url("https://x.cn/p/", "a&b=c+d #é/", &uscc()).unwrap();
        assert_eq!(
            url,
            "https://x.cn/p/?task=a%26b%3Dc%2Bd%20%23%C3%A9%2F&uscc=91150581YX018YNJ72"
        );
    }

    #[test]
    fn an_existing_query_and_fragment_are_kept() {
        let u = uscc();
        assert_eq!(
            receipt_url("https://x.cn/?lang=en#top", "t/", &u).unwrap(),
            "https://x.cn/?lang=en&task=t%2F&uscc=91150581YX018YNJ72#top"
        );
        assert_eq!(
            receipt_url("http://x.cn/?", "t", &u).unwrap(),
            "http://x.cn/?task=t&uscc=91150581YX018YNJ72"
        );
    }

    #[test]
    fn a_relative_or_spaced_page_or_an_empty_task_is_refused() {
        let u = uscc();
        for page in [
            "",
            "/ssj/",
            "example.gov.cn/ssj/",
            "https://",
            "https:///x",
            "ftp://x.cn/",
            "https://x.cn/a b",
            "https://x.cn/\n",
        ] {
            let e = receipt_url(page, "t", &u).unwrap_err();
            assert_eq!(e.code().as_str(), "text_invalid", "{page:?}");
        }
        assert_eq!(
            receipt_url("https://x.cn/", "", &u)
                .unwrap_err()
                .code()
                .as_str(),
            "text_empty"
        );
    }
}
