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
