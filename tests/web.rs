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

/// Renders until `selector` matches, for parts drawn after a fetch settles.
async fn settled(root: &Element, selector: &str) {
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if root.query_selector(selector).ok().flatten().is_some() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("{selector} never appeared");
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
    // The sections under the prose wait for its file (absent from the test
    // server, so they follow its "could not be loaded" notice).
    settled(&root, "table.headers").await;
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

/// The engine protocol crosses the worker boundary as plain JavaScript
/// values: an analysis survives the trip whole, and a File rides along by
/// reference (structured clone), not as bytes copied through wasm.
#[wasm_bindgen_test]
fn engine_messages_cross_as_javascript_values() {
    use gloo_worker::Codec;
    use statuslab::core::{
        analysis::{analyze, AnalysisOptions},
        exchange::parse_input,
        lint::Profile,
        time::UnixTime,
    };
    use statuslab::engine::{
        protocol::{Envelope, Job, Reply},
        JsCodec, Request,
    };
    use wasm_bindgen::JsCast;

    let exchange = parse_input("GET /me HTTP/1.1\nHost: a\n\nHTTP/1.1 401 Unauthorized\n\n")
        .expect("parses")
        .exchanges
        .remove(0);
    let options = AnalysisOptions::new(Profile::Rfc, UnixTime(1_795_910_400));
    let reply = Envelope { seq: 3, body: Reply::Analyzed(Box::new(analyze(&exchange, options))) };
    let value = JsCodec::encode(&reply);
    assert!(value.is_object(), "a plain object, readable in DevTools");
    let back: Envelope<Reply> = JsCodec::decode(value);
    assert_eq!(back, reply);

    let parts = js_sys::Array::of1(&"HTTP/1.1 200 OK\r\n\r\n".into());
    let file = web_sys::File::new_with_str_sequence(&parts, "capture.http").expect("a file");
    let request = Request {
        seq: 4,
        job: Job::LoadFile { name: "capture.http".into() },
        payload: file.into(),
    };
    let back: Request = JsCodec::decode(JsCodec::encode(&request));
    assert_eq!(back.seq, 4);
    let file = back.payload.dyn_into::<web_sys::File>().expect("the File itself arrives");
    assert_eq!(file.name(), "capture.http");
}

/// After a panic the crash notice stands in for the dead app: a reload into
/// the saved draft, the details to copy, and the details as text, never
/// markup (they may quote the user's input).
#[wasm_bindgen_test]
fn the_crash_notice_offers_a_reload_and_the_details_as_text() {
    let details = "panicked at <img src=x onerror=alert(1)>";
    statuslab::ui::panic::show_crash_notice(details).expect("a notice");
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let notice = document.get_element_by_id("crash-notice").expect("the notice is in the page");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alertdialog"));
    assert_eq!(text_of(&notice, ".crash-details"), details);
    assert!(notice.query_selector("img").ok().flatten().is_none(), "no markup from the details");
    assert!(document.get_element_by_id("crash-reload").is_some());
    assert!(document.get_element_by_id("crash-copy").is_some());
    statuslab::ui::panic::show_crash_notice("again").expect("idempotent");
    assert_eq!(document.query_selector_all(".crash-notice").expect("query").length(), 1);
}
