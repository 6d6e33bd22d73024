use wasm_bindgen::{closure::Closure, JsCast};
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
        let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
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
            }
        });
        let document = browser::document();
        if let Some(document) = &document {
            let _ = document
                .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(document) = document {
                let _ = document.remove_event_listener_with_callback(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}
