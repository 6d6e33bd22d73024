use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

use crate::ui::browser;

/// Pressing `key` anywhere outside a text field focuses the element `id`, the
/// shortcut documentation sites use for their search box ("/"). Installed
/// once, before the first render, so a key pressed as soon as the page shows
/// is never missed (a hook's effect would attach it a moment later).
pub fn install_shortcut_focus(key: &'static str, id: &'static str) {
    let Some(document) = browser::document() else { return };
    // Not passive: the handler calls preventDefault.
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&document, "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
        if event.key() != key || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let typing = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if !typing {
            event.prevent_default();
            browser::focus_element(id);
            // Typing then replaces the last search instead of appending to it.
            let input = browser::document()
                .and_then(|d| d.get_element_by_id(id))
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(input) = input {
                input.select();
            }
        }
    })
    // It lives as long as the page.
    .forget();
}
