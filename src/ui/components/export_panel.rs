use yew::prelude::*;

use crate::core::export::Format;
use crate::ui::browser;

#[derive(Properties, PartialEq)]
pub struct ExportPanelProps {
    pub chosen: Option<Format>,
    /// The engine's text for the chosen format, once it has answered.
    pub text: Option<String>,
    pub onchoose: Callback<Format>,
}

/// The current exchange in another format, shown and copied to the
/// clipboard. The engine worker writes the text, so the exporters stay out
/// of the page's first load.
#[component]
pub fn ExportPanel(props: &ExportPanelProps) -> Html {
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
            if let Some(text) = props.text.clone() {
                <label class="visually-hidden" for="export-text">{ "Exported text" }</label>
                <textarea id="export-text" readonly=true rows="10" spellcheck="false" value={text.clone()} />
                <button type="button" class="copy-export" onclick={Callback::from(move |_: MouseEvent| browser::copy_to_clipboard(&text))}>{ "Copy" }</button>
            } else if props.chosen.is_some() {
                <p class="loading" role="status">{ "Writing the export…" }</p>
            }
        </section>
    }
}
