use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SiteFooterProps {
    pub snapshot: String,
}

#[component]
pub fn SiteFooter(props: &SiteFooterProps) -> Html {
    html! {
        <footer class="site-footer">
            <p>
                { "Runs entirely in your browser: nothing you type leaves this page. " }
                { format!("Status codes checked against the IANA registry as of {}. ", props.snapshot) }
                <a href="https://www.iana.org/assignments/http-status-codes/" rel="noopener">{ "IANA registry" }</a>
                { " · " }
                <a href="https://www.rfc-editor.org/rfc/rfc9110.html#section-15" rel="noopener">{ "RFC 9110 §15" }</a>
            </p>
        </footer>
    }
}
