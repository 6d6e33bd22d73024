//! The few browser calls the shell makes, each failing soft: a missing
//! `window` or a storage quota error must never take the page down.

use wasm_bindgen::JsValue;
use web_sys::{Document, Window};

pub fn window() -> Option<Window> {
    web_sys::window()
}

pub fn document() -> Option<Document> {
    window()?.document()
}

/// The current `location.hash`, e.g. "#/code/429".
pub fn hash() -> String {
    window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The address of the site's `page` ("compose.html", "index.html"), next
/// to the current page.
pub fn sibling_address(page: &str) -> String {
    let here = page_address();
    match here.rfind('/') {
        Some(slash) => format!("{}{page}", &here[..=slash]),
        None => page.to_string(),
    }
}

/// Replaces the fragment without adding a history entry (used while typing).
pub fn replace_hash(fragment: &str) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(fragment));
    }
}

/// Navigates to a fragment, adding a history entry (Back returns here).
pub fn push_hash(fragment: &str) {
    if let Some(location) = window().map(|w| w.location()) {
        let _ = location.set_hash(fragment);
    }
}

/// Goes one step back in history, as the Back button does.
pub fn history_back() {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}

// Settings are stored as plain strings (`raw()`), not gloo's JSON: the
// keys predate gloo-storage here, and a raw value reads back everywhere.
pub fn load_setting(key: &str) -> Option<String> {
    use gloo_storage::{LocalStorage, Storage};
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Storage may be full or disabled (private mode): the setting is then not
/// kept, which costs the user a preference, never the page.
pub fn save_setting(key: &str, value: &str) {
    use gloo_storage::{LocalStorage, Storage};
    let _ = LocalStorage::raw().set_item(key, value);
}

#[cfg(feature = "composer")]
pub fn remove_setting(key: &str) {
    use gloo_storage::{LocalStorage, Storage};
    let _ = LocalStorage::raw().remove_item(key);
}

/// Whether the operating system asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|query| query.matches())
}

/// Sets `data-theme` on `<html>`, which the style sheet keys its colours on.
pub fn apply_theme(theme: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", theme);
    }
}

pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

/// Copies text to the clipboard; failures (no permission, insecure context)
/// are ignored because the permalink is also shown as selectable text.
pub fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(window) = window() else { return done(false) };
    let promise = window.navigator().clipboard().write_text(text);
    // Say "Copied" only once the browser has said so: it refuses without
    // focus or permission.
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Offers `text` as a file download named `name`. Nothing leaves the
/// machine: the file is made from a Blob in the page.
#[cfg(feature = "composer")]
pub fn download(name: &str, media_type: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let anchor = document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(anchor) = anchor {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The page's address without its fragment, to build shareable links.
pub fn page_address() -> String {
    let Some(location) = window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The current time for the core, which never reads a clock itself.
pub fn now() -> crate::core::time::UnixTime {
    crate::core::time::UnixTime::from_millis(js_sys::Date::now())
}

#[cfg(feature = "composer")]
/// Brings the element with `id` into view. In-page `#id` links would change
/// the hash route, so jumps within a page go through here.
pub fn scroll_to(id: &str) {
    if let Some(element) = document().and_then(|d| d.get_element_by_id(id)) {
        element.scroll_into_view();
    }
}

/// Scrolls element `id` to the top of the view when its top is out of view.
#[cfg(feature = "composer")]
pub fn reveal(id: &str) {
    let Some(element) = document().and_then(|d| d.get_element_by_id(id)) else { return };
    let top = element.get_bounding_client_rect().top();
    let height =
        window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(0.0);
    if top < 0.0 || top > height * 0.8 {
        element.scroll_into_view();
    }
}

/// Leaves the reference build for the full one (compose.html), keeping the
/// address's fragment, without a history entry for the hop.
#[cfg(not(feature = "composer"))]
pub fn open_composer_page() {
    if let Some(location) = window().map(|w| w.location()) {
        let hash = location.hash().unwrap_or_default();
        let _ = location.replace(&format!("compose.html{hash}"));
    }
}

/// Opens the browser's print dialog (the answer sheet has print styles).
#[cfg(feature = "composer")]
pub fn print() {
    if let Some(window) = window() {
        let _ = window.print();
    }
}
