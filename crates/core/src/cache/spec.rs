//! The documents the cache verdict cites, as [`Citation`]s.

use std::borrow::Cow;

use crate::registry::model::{Citation, SpecRef};

fn cite(doc: &'static str, section: &'static str, url: String) -> Citation {
    Citation::from(&SpecRef {
        doc: Cow::Borrowed(doc),
        section: Cow::Borrowed(section),
        url: Cow::Owned(url),
    })
}

fn rfc(doc: &'static str, number: u16, section: &'static str) -> Citation {
    let url = if section.is_empty() {
        format!("https://www.rfc-editor.org/rfc/rfc{number}.html")
    } else {
        format!("https://www.rfc-editor.org/rfc/rfc{number}.html#section-{section}")
    };
    cite(doc, section, url)
}

/// HTTP Caching.
pub(crate) fn rfc9111(section: &'static str) -> Citation {
    rfc("RFC 9111", 9111, section)
}

/// HTTP Semantics.
pub(crate) fn rfc9110(section: &'static str) -> Citation {
    rfc("RFC 9110", 9110, section)
}

/// stale-while-revalidate and stale-if-error.
pub(crate) fn rfc5861(section: &'static str) -> Citation {
    rfc("RFC 5861", 5861, section)
}

/// The immutable directive.
pub(crate) fn rfc8246(section: &'static str) -> Citation {
    rfc("RFC 8246", 8246, section)
}

/// Targeted Cache-Control fields (CDN-Cache-Control).
pub(crate) fn rfc9213(section: &'static str) -> Citation {
    rfc("RFC 9213", 9213, section)
}

/// The Cache-Status field.
pub(crate) fn rfc9211(section: &'static str) -> Citation {
    rfc("RFC 9211", 9211, section)
}
