use yew::prelude::*;

use crate::core::export::Format;
use crate::ui::browser;

#[derive(Properties, PartialEq)]
pub struct ExportPanelProps {
    pub chosen: Option<Format>,
    /// The engine's text for the chosen format, once it has answered.
    pub text: Option<String>,
    pub onchoose: Callback<Format>,
    pub include_secrets: bool,
    /// Fields whose values the shown text leaves out.
    pub redacted: Vec<String>,
    pub onsecrets: Callback<bool>,
}

/// The current exchange in another format, shown and copied to the
/// clipboard. The engine worker writes the text, so the exporters stay out
/// of the page's first load.
#[component]
pub fn ExportPanel(props: &ExportPanelProps) -> Html {
    // "Copied" shows until the text changes (a new format or an edit).
    let copied = use_state(|| None::<(String, bool)>);
    let copy_result = copied.as_ref().filter(|(t, _)| Some(t) == props.text.as_ref()).map(|(_, ok)| *ok);
    html! {
        <section class="export" aria-labelledby="export-title">
            <h2 id="export-title">{ "Export" }</h2>
            <p class="export-buttons">
                { for Format::ALL.iter().map(|&format| {
                    let onchoose = props.onchoose.clone();
                    html! {
                        <button type="button" aria-pressed={(props.chosen == Some(format)).to_string()}
                            onclick={Callback::from(move |_: MouseEvent| onchoose.emit(format))}>{ format.label() }</button>
                    }
                }) }
            </p>
            <label class="export-secrets">
                <input type="checkbox" id="export-secrets" checked={props.include_secrets}
                    onchange={props.onsecrets.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())} />
                { " Include credentials (Authorization, Cookie, Set-Cookie) in HAR, Markdown and fixtures" }
            </label>
            if !props.redacted.is_empty() && props.text.is_some() {
                <p class="hint export-redacted" role="status">
                    { format!("Left out of this export: the values of {}. Tick the box above to include them.", props.redacted.join(", ")) }
                </p>
            }
            if let Some(text) = props.text.clone() {
                <label class="visually-hidden" for="export-text">{ "Exported text" }</label>
                <textarea id="export-text" readonly=true rows="10" spellcheck="false" value={text.clone()} />
                <div class="export-actions">
                    <button type="button" class="copy-export" onclick={{
                        let (text, copied) = (text.clone(), copied.clone());
                        Callback::from(move |_: MouseEvent| {
                            let (copied, copy) = (copied.clone(), text.clone());
                            browser::copy_to_clipboard(&text, move |ok| copied.set(Some((copy, ok))));
                        })
                    }}>{ match copy_result { Some(true) => "Copied", _ => "Copy" } }</button>
                    if let Some(format) = props.chosen {
                        <button type="button" class="download-export" onclick={{
                            let (name, media_type) = format.file();
                            Callback::from(move |_: MouseEvent| browser::download(name, media_type, &text))
                        }}>{ format!("Download {}", format.file().0) }</button>
                    }
                    <span class="copy-result" role="status">{ match copy_result {
                        Some(true) => "Copied to the clipboard.",
                        Some(false) => "The browser refused the clipboard: select the text above and press Ctrl+C.",
                        None => "",
                    } }</span>
                </div>
            } else if props.chosen.is_some() {
                <p class="loading" role="status">{ "Writing the export…" }</p>
            }
        </section>
    }
}
