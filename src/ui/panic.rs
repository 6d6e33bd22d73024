//! When the page's wasm panics, Yew is gone: nothing it rendered will
//! respond again. The hook puts a plain DOM notice over the page that says
//! so, offers a reload into the saved draft (every edit is saved as it is
//! made, so the draft survives) and copies the details for a report.
//! It uses the DOM directly because the app that would render it is dead.

use gloo_events::EventListener;
use wasm_bindgen::JsValue;

/// Installs the hook; later panics show [`show_crash_notice`].
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let details = format!("Status Lab {} panicked: {info}", env!("CARGO_PKG_VERSION"));
        web_sys::console::error_1(&JsValue::from_str(&details));
        show_crash_notice(&details);
    }));
}

/// Puts the crash notice in the page (once). Public for the browser test.
pub fn show_crash_notice(details: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    if document.get_element_by_id("crash-notice").is_some() {
        return Some(());
    }
    let notice = document.create_element("div").ok()?;
    notice.set_id("crash-notice");
    notice.set_class_name("crash-notice");
    notice.set_attribute("role", "alertdialog").ok()?;
    notice.set_attribute("aria-labelledby", "crash-title").ok()?;
    let title = document.create_element("h2").ok()?;
    title.set_id("crash-title");
    title.set_text_content(Some("Something went wrong in Status Lab"));
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(
        "This page stopped working. Your exchange was saved as you typed: reload to get it back. Copying the details helps us fix it.",
    ));
    let pre = document.create_element("pre").ok()?;
    pre.set_class_name("crash-details");
    pre.set_attribute("tabindex", "0").ok()?;
    // Text, never markup: the message may quote the user's input.
    pre.set_text_content(Some(details));
    let reload = document.create_element("button").ok()?;
    reload.set_id("crash-reload");
    reload.set_text_content(Some("Reload with my saved work"));
    let copy = document.create_element("button").ok()?;
    copy.set_id("crash-copy");
    copy.set_text_content(Some("Copy the details"));
    let actions = document.create_element("p").ok()?;
    actions.set_class_name("crash-actions");
    actions.append_child(&reload).ok()?;
    actions.append_child(&copy).ok()?;
    for child in [&title, &text, &pre, &actions] {
        notice.append_child(child).ok()?;
    }
    document.body()?.append_child(&notice).ok()?;
    EventListener::new(&reload, "click", |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    })
    .forget();
    let (copy_button, details) = (copy.clone(), details.to_string());
    EventListener::new(&copy, "click", move |_| {
        let button = copy_button.clone();
        super::browser::copy_to_clipboard(&details, move |ok| {
            button.set_text_content(Some(if ok {
                "Copied"
            } else {
                "Copy failed: select the text"
            }));
        });
    })
    .forget();
    let _ = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&reload).map(|b| b.focus());
    Some(())
}
