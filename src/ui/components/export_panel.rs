use yew::prelude::*;

use std::rc::Rc;

use crate::core::{analysis::Analysis, exchange::Exchange, export};
use crate::ui::browser;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Raw,
    Curl,
    Har,
    Markdown,
    Fixture,
}

const FORMATS: &[(Format, &str)] = &[
    (Format::Raw, "Raw HTTP"),
    (Format::Curl, "curl"),
    (Format::Har, "HAR"),
    (Format::Markdown, "Markdown"),
    (Format::Fixture, "Test fixture"),
];

#[derive(Properties, PartialEq)]
pub struct ExportPanelProps {
    pub exchange: Exchange,
    pub analysis: Rc<Analysis>,
}

/// The current exchange in another format, shown and copied to the clipboard.
#[component]
pub fn ExportPanel(props: &ExportPanelProps) -> Html {
    let format = use_state(|| None::<Format>);
    let text = format.map(|f| match f {
        Format::Raw => export::to_raw(&props.exchange),
        Format::Curl => export::to_curl(&props.exchange),
        Format::Har => export::to_har(std::slice::from_ref(&props.exchange)),
        Format::Markdown => export::to_markdown(&props.exchange, &props.analysis),
        Format::Fixture => export::to_fixture(&props.exchange, &props.analysis),
    });
    html! {
        <section class="export" aria-labelledby="export-title">
            <h2 id="export-title">{ "Export" }</h2>
            <p class="export-buttons">
                { for FORMATS.iter().map(|(f, label)| {
                    let state = format.clone();
                    let f = *f;
                    html! {
                        <button type="button" aria-pressed={(*format == Some(f)).to_string()}
                            onclick={Callback::from(move |_: MouseEvent| state.set(Some(f)))}>{ *label }</button>
                    }
                }) }
            </p>
            if let Some(text) = text {
                <label class="visually-hidden" for="export-text">{ "Exported text" }</label>
                <textarea id="export-text" readonly=true rows="10" spellcheck="false" value={text.clone()} />
                <button type="button" class="copy-export" onclick={Callback::from(move |_: MouseEvent| browser::copy_to_clipboard(&text))}>{ "Copy" }</button>
            }
        </section>
    }
}
