use yew::prelude::*;

use crate::core::share::{secret_fields, ShareLink, CHAT_LINK_LIMIT};
use crate::ui::browser;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub link: Option<ShareLink>,
    pub include_secrets: bool,
    pub onsecrets: Callback<bool>,
    /// The panel was opened or closed: the link is kept current only while
    /// it is open.
    pub onopen: Callback<bool>,
    /// Where an embed's iframe points (the embed view of this state).
    pub embed: bool,
}

/// "Copy link" and "Embed": the composer's whole state as an address, with
/// secrets left out unless the user ticks the box, and an iframe snippet
/// for docs.
#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let copied = use_state(|| None::<(String, bool)>);
    let link = props.link.as_ref();
    let address = link.map(|l| format!("{}#/s/{}", browser::page_address(), l.payload));
    let embed_snippet = link.map(|l| {
        format!(
            "<iframe src=\"{}#/embed/exchange/{}\" title=\"HTTP exchange analysed by Status Lab\" width=\"100%\" height=\"480\" loading=\"lazy\" style=\"border:0\"></iframe>",
            browser::page_address(),
            l.payload
        )
    });
    let copy_button = |id: &'static str, label: &'static str, text: Option<String>| {
        let shown = match (&*copied, &text) {
            (Some((t, true)), Some(current)) if t == current => "Copied",
            (Some((t, false)), Some(current)) if t == current => "Copy failed: select the text",
            _ => label,
        };
        let copied = copied.clone();
        html! {
            <button type="button" {id} disabled={text.is_none()} onclick={Callback::from(move |_: MouseEvent| {
                if let Some(text) = text.clone() {
                    let (copied, done_text) = (copied.clone(), text.clone());
                    browser::copy_to_clipboard(&text, move |ok| copied.set(Some((done_text, ok))));
                }
            })}>{ shown }</button>
        }
    };
    let ontoggle = {
        let onopen = props.onopen.clone();
        Callback::from(move |e: Event| {
            onopen.emit(e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open())
        })
    };
    html! {
        <details class="share" {ontoggle}>
            <summary id="share-title">{ "Share or embed this exchange" }</summary>
            <p class="subtle">{ "The link carries the exchange, the rules, the backoff settings, your schema and the cache moment, compressed into the address. Nothing is uploaded: whoever opens it decodes it in their browser." }</p>
            <label class="share-secrets">
                <input type="checkbox" id="share-secrets" checked={props.include_secrets}
                    onchange={props.onsecrets.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())} />
                { format!(" Include credentials ({} and token-like query parameters)", secret_fields().join(", ")) }
            </label>
            if let Some(link) = link {
                if !link.redacted.is_empty() {
                    <p class="hint share-redacted" role="status">
                        { format!("Left out of the link: the values of {}. Tick the box above to include them.", link.redacted.join(", ")) }
                    </p>
                }
                <label class="field" for="share-link"><span>{ "Link" }</span>
                    <input id="share-link" readonly=true value={address.clone().unwrap_or_default()} />
                </label>
                if link.too_long_for_chat {
                    <p class="hint share-too-long" role="status">
                        { format!("This link is {} characters long; many chat tools cut links after {CHAT_LINK_LIMIT}. Export a HAR or raw file below and send that instead.", address.as_ref().map_or(0, String::len)) }
                    </p>
                }
                <div class="share-actions">
                    { copy_button("copy-link", "Copy link", address.clone()) }
                    if props.embed {
                        { copy_button("copy-embed", "Copy embed code", embed_snippet.clone()) }
                    }
                </div>
                if props.embed {
                    <label class="field" for="embed-code"><span>{ "Embed code (an iframe for your docs)" }</span>
                        <textarea id="embed-code" readonly=true rows="3" spellcheck="false" value={embed_snippet.unwrap_or_default()} />
                    </label>
                }
            } else {
                <p class="loading" role="status">{ "Making the link…" }</p>
            }
        </details>
    }
}
