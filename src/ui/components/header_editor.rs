use web_sys::HtmlInputElement;
use yew::prelude::*;

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
}

/// Editable header rows; names autocomplete from registered field names
/// (the `<datalist id="field-names">` rendered once by the composer).
#[component]
pub fn HeaderEditor(props: &HeaderEditorProps) -> Html {
    let side = props.side.clone();
    html! {
        <fieldset class="headers-editor">
            <legend>{ "Headers" }</legend>
            { for props.headers.iter().enumerate().map(|(index, header)| {
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
            <button type="button" class="add-header" onclick={props.onadd.reform(|_: MouseEvent| ())}>
                { format!("+ Add {side} header") }
            </button>
        </fieldset>
    }
}
