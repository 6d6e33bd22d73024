use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::ui::browser;

/// Pressing `key` anywhere outside a text field focuses the element `id`, the
/// shortcut documentation sites use for their search box ("/").
///
/// ```ignore
/// use_shortcut_focus("/", "search");
/// ```
#[hook]
pub fn use_shortcut_focus(key: &'static str, id: &'static str) {
    use_effect_with((), move |_| {
        // Dropping the listener (when the component unmounts) removes it.
        let listener = browser::document().map(|document| {
            // Not passive: the handler calls preventDefault.
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&document, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
                if event.key() != key || event.ctrl_key() || event.meta_key() || event.alt_key() {
                    return;
                }
                let typing =
                    event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(
                        |e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"),
                    );
                if !typing {
                    event.prevent_default();
                    browser::focus_element(id);
                }
            })
        });
        move || drop(listener)
    });
}
