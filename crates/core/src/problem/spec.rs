//! The documents the problem-details checks cite.

use std::borrow::Cow;

use crate::registry::model::{Citation, SpecRef};

fn cite(doc: &'static str, section: &'static str, url: String) -> Citation {
    Citation::from(&SpecRef {
        doc: Cow::Borrowed(doc),
        section: Cow::Borrowed(section),
        url: Cow::Owned(url),
    })
}

/// A section of RFC 9457, e.g. `rfc9457("3.1.2")`; "A" and "B" are the
/// appendices.
pub(crate) fn rfc9457(section: &'static str) -> Citation {
    let anchor = if section.starts_with(|c: char| c.is_ascii_alphabetic()) {
        format!("appendix-{section}")
    } else {
        format!("section-{section}")
    };
    cite("RFC 9457", section, format!("https://www.rfc-editor.org/rfc/rfc9457.html#{anchor}"))
}

/// JSON grammar (RFC 8259 §2).
pub(crate) fn rfc8259_grammar() -> Citation {
    cite("RFC 8259", "2", "https://www.rfc-editor.org/rfc/rfc8259.html#section-2".into())
}
