//! Loading HAR files in slices between frames: a DevTools export can hold
//! thousands of entries and tens of megabytes, and parsing it in one go
//! would freeze the page for seconds.

use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use crate::core::exchange::{parse_har_entry, HarScanner};
use crate::ui::{
    browser,
    state::{ComposerAction, EntryList},
};

/// Bytes scanned per slice while finding the entries.
const SCAN_SLICE: usize = 1 << 20;
/// Bytes of entries parsed per slice: a few milliseconds of work.
const PARSE_SLICE: usize = 256 << 10;

/// Lets the browser paint and handle input before the next slice.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = browser::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Parses `text` as HAR slice by slice, reporting progress, then hands the
/// exchanges to the composer (or the error, naming the line).
pub fn load_har(text: Rc<str>, dispatch: Callback<ComposerAction>) {
    wasm_bindgen_futures::spawn_local(async move {
        dispatch.emit(ComposerAction::EntriesProgress { done: 0, total: 0 });
        yield_to_browser().await;
        let mut scanner = HarScanner::new(&text);
        loop {
            match scanner.advance(SCAN_SLICE) {
                Ok(true) => break,
                Ok(false) => yield_to_browser().await,
                Err(error) => return dispatch.emit(ComposerAction::LoadFailed(error.to_string())),
            }
        }
        let total = scanner.entries.len();
        let mut exchanges = Vec::with_capacity(total);
        let mut budget = 0;
        for (index, span) in scanner.entries.iter().enumerate() {
            match parse_har_entry(&text, *span, index) {
                Ok(exchange) => exchanges.push(exchange),
                Err(error) => return dispatch.emit(ComposerAction::LoadFailed(error.to_string())),
            }
            budget += span.end - span.start;
            if budget >= PARSE_SLICE {
                budget = 0;
                dispatch.emit(ComposerAction::EntriesProgress { done: exchanges.len(), total });
                yield_to_browser().await;
            }
        }
        dispatch.emit(ComposerAction::EntriesLoaded(EntryList(Rc::new(exchanges))));
    });
}
