use yew::prelude::*;

use crate::core::registry::SpecRef;

#[derive(Properties, PartialEq)]
pub struct SpecLinkProps {
    pub spec: SpecRef,
}

/// A link to the section of the specification behind a statement.
#[component]
pub fn SpecLink(props: &SpecLinkProps) -> Html {
    html! {
        <a class="spec-link" href={props.spec.url.clone()} rel="noopener" target="_blank">
            { props.spec.label() }
        </a>
    }
}
