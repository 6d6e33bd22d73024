//! The reference prose (`status-details.json`), fetched once on demand and
//! kept for the rest of the visit. See `StatusDetails` for why it is not in
//! the wasm binary.

use std::{cell::RefCell, collections::HashMap, rc::Rc};

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::core::registry::StatusDetails;
use crate::ui::browser;

const ASSET: &str = "status-details.json";

pub type DetailsMap = Rc<HashMap<u16, StatusDetails>>;

/// Where the prose is.
#[derive(Debug, Clone, PartialEq)]
pub enum Details {
    Loading,
    Loaded(DetailsMap),
    /// Why it could not be loaded (offline, blocked), shown to the user.
    Failed(String),
}

thread_local! {
    static CACHE: RefCell<Option<DetailsMap>> = const { RefCell::new(None) };
}

async fn fetch_text(url: &str) -> Result<String, String> {
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

/// Loads the prose (or returns the cached copy).
pub async fn load() -> Result<DetailsMap, String> {
    if let Some(map) = CACHE.with(|c| c.borrow().clone()) {
        return Ok(map);
    }
    let text = fetch_text(ASSET).await?;
    let list: Vec<StatusDetails> =
        serde_json::from_str(&text).map_err(|e| format!("{ASSET} is damaged: {e}"))?;
    let map: DetailsMap = Rc::new(list.into_iter().map(|d| (d.code, d)).collect());
    CACHE.with(|c| *c.borrow_mut() = Some(map.clone()));
    Ok(map)
}

/// Starts loading in the background, so the first reference page opens
/// without a wait.
pub fn preload() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = load().await;
    });
}

/// The prose, loading it if needed.
///
/// ```ignore
/// match &*use_details() { Details::Loaded(map) => …, Details::Loading => …, Details::Failed(why) => … }
/// ```
#[hook]
pub fn use_details() -> UseStateHandle<Details> {
    let state = use_state(|| match CACHE.with(|c| c.borrow().clone()) {
        Some(map) => Details::Loaded(map),
        None => Details::Loading,
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if *state == Details::Loading {
                wasm_bindgen_futures::spawn_local(async move {
                    state.set(match load().await {
                        Ok(map) => Details::Loaded(map),
                        Err(why) => Details::Failed(why),
                    });
                });
            }
        });
    }
    state
}
