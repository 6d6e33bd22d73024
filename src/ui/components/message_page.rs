use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MessagePageProps {
    pub title: AttrValue,
    pub message: AttrValue,
}

/// A page for addresses that lead nowhere: says what was wrong and offers a
/// way back, instead of a blank screen.
#[component]
pub fn MessagePage(props: &MessagePageProps) -> Html {
    html! {
        <section class="message-page" role="alert">
            <h1>{ props.title.clone() }</h1>
            <p>{ props.message.clone() }</p>
            <p><a href="#/">{ "Browse all status codes" }</a></p>
        </section>
    }
}
