use yew::prelude::*;

use crate::core::registry::Citation;

#[derive(Properties, PartialEq)]
pub struct SpecLinkProps {
    pub spec: Citation,
}

/// A link to the section of the specification behind a statement.
#[component]
pub fn SpecLink(props: &SpecLinkProps) -> Html {
    html! {
        <a class="spec-link" href={props.spec.url.to_string()} rel="noopener" target="_blank">
            { props.spec.label.clone() }
        </a>
    }
}

/// A source named in data (ours or a workshop leader's): a link only when
/// the address is http(s), plain text otherwise, so data can never make a
/// `javascript:` link.
pub fn source_link(label: &str, url: &str) -> Html {
    match crate::core::route::web_link(url) {
        Some(url) => html! {
            <a class="spec-link" href={url.to_string()} rel="noopener noreferrer" target="_blank">{ label.to_string() }</a>
        },
        None => html! { <span class="spec-link">{ label.to_string() }</span> },
    }
}
