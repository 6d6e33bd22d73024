//! Browser tests (wasm-bindgen-test in headless Chromium): the core works
//! compiled to wasm, and the components render what the core says.
#![cfg(all(target_arch = "wasm32", not(target_os = "wasi")))]

use statuslab::core::registry::{Lookup, Registry};
use statuslab::ui::components::{CodePage, ReferenceList};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to render into, attached to the document.
fn fixture() -> Element {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let element = document.create_element("div").expect("create div");
    document.body().expect("a body").append_child(&element).expect("append");
    element
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

#[wasm_bindgen_test]
fn registry_loads_and_searches_in_wasm() {
    let registry = Registry::global();
    assert!(registry.entries().len() >= 90);
    assert!(matches!(registry.lookup(429), Ok(Lookup::Known(e)) if e.name == "Too Many Requests"));
    assert_eq!(registry.search("rate limit").first().map(|h| h.entry.code), Some(429));
    assert!(registry.lookup(600).is_err());
}

#[wasm_bindgen_test]
async fn code_page_renders_the_entry() {
    let root = fixture();
    yew::Renderer::<CodePage>::with_root_and_props(
        root.clone(),
        statuslab::ui::components::CodePageProps { code: 401, back_query: "login".into() },
    )
    .render();
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "h1"), "401 Unauthorized");
    assert!(text_of(&root, "table.headers").contains("WWW-Authenticate"));
    assert!(text_of(&root, "table.headers").contains("MUST"));
    assert!(text_of(&root, ".crumbs").contains("Results for “login”"));
    let spec = root.query_selector(".defined-in a").ok().flatten().expect("spec link");
    assert_eq!(
        spec.get_attribute("href").as_deref(),
        Some("https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2")
    );
}

#[wasm_bindgen_test]
async fn code_page_explains_unregistered_codes_by_class() {
    let root = fixture();
    yew::Renderer::<CodePage>::with_root_and_props(
        root.clone(),
        statuslab::ui::components::CodePageProps { code: 599, back_query: String::new() },
    )
    .render();
    yew::scheduler::flush().await;
    // 599 is an unofficial entry; 589 has none and falls back to 500.
    assert!(text_of(&root, "h1").starts_with("599"));
    let root = fixture();
    yew::Renderer::<CodePage>::with_root_and_props(
        root.clone(),
        statuslab::ui::components::CodePageProps { code: 589, back_query: String::new() },
    )
    .render();
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "h1"), "589 No registered meaning");
    assert!(text_of(&root, ".summary").contains("500 Internal Server Error"));
}

#[wasm_bindgen_test]
async fn reference_list_shows_hits_for_a_query() {
    let root = fixture();
    yew::Renderer::<ReferenceList>::with_root_and_props(
        root.clone(),
        statuslab::ui::components::ReferenceListProps { query: "too big".into() },
    )
    .render();
    yew::scheduler::flush().await;
    assert!(text_of(&root, ".code-row").contains("413"));
    assert!(text_of(&root, ".result-count").contains("“too big”"));

    let root = fixture();
    yew::Renderer::<ReferenceList>::with_root_and_props(
        root.clone(),
        statuslab::ui::components::ReferenceListProps { query: String::new() },
    )
    .render();
    yew::scheduler::flush().await;
    let rows = root.query_selector_all(".code-row").expect("rows").length();
    assert_eq!(rows as usize, Registry::global().entries().len());
}
