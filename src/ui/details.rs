//! A reference page's prose (`details/<code>.json`), fetched when the page
//! opens and kept for the rest of the visit. See `StatusDetails` for why it
//! is not in the wasm binary; one small file per code keeps each parse far
//! below a frame.

use std::{cell::RefCell, collections::HashMap, rc::Rc};

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::core::depth::DetailsFile;
use crate::ui::browser;

/// Where one code's prose is.
#[derive(Debug, Clone, PartialEq)]
pub enum Details {
    Loading,
    Loaded(Rc<DetailsFile>),
    /// Why it could not be loaded (offline, blocked), shown to the user.
    Failed(String),
}

thread_local! {
    static CACHE: RefCell<HashMap<u16, Rc<DetailsFile>>> = RefCell::new(HashMap::new());
}

pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = browser::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the network request failed")?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "unexpected fetch result")?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "unreadable response")?)
        .await
        .map_err(|_| "unreadable response")?;
    text.as_string().ok_or_else(|| "the response is not text".to_string())
}

async fn load(code: u16) -> Result<Rc<DetailsFile>, String> {
    if let Some(details) = CACHE.with(|c| c.borrow().get(&code).cloned()) {
        return Ok(details);
    }
    let url = format!("details/{code}.json");
    let text = fetch_text(&url).await?;
    let details: DetailsFile =
        serde_json::from_str(&text).map_err(|e| format!("{url} is damaged: {e}"))?;
    let details = Rc::new(details);
    CACHE.with(|c| c.borrow_mut().insert(code, details.clone()));
    Ok(details)
}

/// The prose of `code`, loading it if needed; `None` (a code without an
/// entry of its own, which has no prose file) loads nothing.
///
/// ```ignore
/// match &*use_details(Some(429)) { Details::Loaded(d) => …, Details::Loading => …, Details::Failed(why) => … }
/// ```
#[hook]
pub fn use_details(code: Option<u16>) -> UseStateHandle<Details> {
    let state = use_state(|| Details::Loading);
    {
        let state = state.clone();
        use_effect_with(code, move |&code| {
            let Some(code) = code else { return };
            if let Some(details) = CACHE.with(|c| c.borrow().get(&code).cloned()) {
                state.set(Details::Loaded(details));
                return;
            }
            state.set(Details::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                state.set(match load(code).await {
                    Ok(details) => Details::Loaded(details),
                    Err(why) => Details::Failed(why),
                });
            });
        });
    }
    state
}
