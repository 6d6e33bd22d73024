use yew::prelude::*;

use crate::core::{registry::Registry, route::Route};

#[derive(Properties, PartialEq)]
pub struct CodeLinkProps {
    pub code: u16,
}

/// A link to a code's page, labelled "404 Not Found".
#[component]
pub fn CodeLink(props: &CodeLinkProps) -> Html {
    let label = match Registry::global().entry(props.code) {
        Some(entry) => format!("{} {}", entry.code, entry.name),
        None => props.code.to_string(),
    };
    html! {
        <a class="code-link" href={Route::Code(props.code).to_fragment()}>{ label }</a>
    }
}
