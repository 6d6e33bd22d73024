use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::thousands;
use crate::core::exchange::Headers;

#[derive(Properties, PartialEq)]
pub struct HeaderEditorProps {
    /// "request" or "response": used in ids and labels.
    pub side: AttrValue,
    pub headers: Headers,
    pub onname: Callback<(usize, String)>,
    pub onvalue: Callback<(usize, String)>,
    pub onadd: Callback<()>,
    pub onremove: Callback<usize>,
    /// Fields after these rows that the engine holds (see `protocol::Held`).
    #[prop_or_default]
    pub held: usize,
    /// Asks the engine for the next held fields.
    #[prop_or_default]
    pub ontake: Callback<()>,
}

/// Rows rendered at first, and added per "Show more": a message with
/// 100,000 fields must not put 300,000 inputs in the page at once.
const ROWS_STEP: usize = 200;

/// Editable header rows; names autocomplete from registered field names
/// (the `<datalist id="field-names">` rendered once by the composer).
#[component]
pub fn HeaderEditor(props: &HeaderEditorProps) -> Html {
    let side = props.side.clone();
    let shown = use_state(|| ROWS_STEP);
    let total = props.headers.0.len();
    html! {
        <fieldset class="headers-editor">
            <legend>{ "Headers" }</legend>
            { for props.headers.iter().take(*shown).enumerate().map(|(index, header)| {
                let onname = {
                    let onname = props.onname.clone();
                    Callback::from(move |e: InputEvent| onname.emit((index, e.target_unchecked_into::<HtmlInputElement>().value())))
                };
                let onvalue = {
                    let onvalue = props.onvalue.clone();
                    Callback::from(move |e: InputEvent| onvalue.emit((index, e.target_unchecked_into::<HtmlInputElement>().value())))
                };
                let onremove = {
                    let onremove = props.onremove.clone();
                    Callback::from(move |_: MouseEvent| onremove.emit(index))
                };
                let row = index + 1;
                html! {
                    <div class="header-row" key={format!("{side}-{index}")}>
                        <input class="header-name" list="field-names" value={header.name.clone()}
                            aria-label={format!("{side} header {row} name")} spellcheck="false" oninput={onname} />
                        <input class="header-value" value={header.value.clone()}
                            aria-label={format!("{side} header {row} value")} spellcheck="false" oninput={onvalue} />
                        <button type="button" class="icon-button" aria-label={format!("Remove {side} header {row} ({})", header.name)} onclick={onremove}>{ "×" }</button>
                    </div>
                }
            }) }
            if total + props.held > *shown {
                <p class="hint headers-hidden" role="status">
                    { format!("{} fields: the first {} are shown to edit; the analysis covers all of them. ", thousands(total + props.held), thousands(total.min(*shown))) }
                    <button type="button" class="link-button" onclick={{
                        let (shown, ontake) = (shown.clone(), props.ontake.clone());
                        let wanted = *shown + ROWS_STEP;
                        let held = props.held;
                        Callback::from(move |_: MouseEvent| {
                            shown.set(wanted);
                            // The rows past the page's own come from the engine.
                            if held > 0 && wanted > total {
                                ontake.emit(());
                            }
                        })
                    }}>{ format!("Show {} more", ROWS_STEP.min(total + props.held - *shown)) }</button>
                </p>
            }
            <button type="button" class="add-header" onclick={props.onadd.reform(|_: MouseEvent| ())}>
                { format!("+ Add {side} header") }
            </button>
        </fieldset>
    }
}
