use yew::prelude::*;

use crate::engine::protocol::PAGE_SIZE;
use crate::state::EntriesView;

#[derive(Properties, PartialEq)]
pub struct EntriesTableProps {
    pub entries: EntriesView,
    pub onopen: Callback<usize>,
    pub onpage: Callback<usize>,
}

/// Every entry of a loaded HAR (or multi-exchange paste) with its status and
/// worst finding, one page at a time: the engine worker holds the entries
/// and analyses only the rows shown; a row opens its entry in the composer.
#[component]
pub fn EntriesTable(props: &EntriesTableProps) -> Html {
    let total = props.entries.total;
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = props.entries.page.min(pages - 1);
    let nav = |target: usize, label: &'static str, disabled: bool| {
        let onpage = props.onpage.clone();
        html! {
            <button type="button" {disabled} onclick={Callback::from(move |_: MouseEvent| onpage.emit(target))}>{ label }</button>
        }
    };
    html! {
        <section class="entries" aria-labelledby="entries-title">
            <h2 id="entries-title">{ format!("{total} exchanges") }</h2>
            <p class="visually-hidden" role="status" aria-live="polite">
                { props.entries.rows.iter().find(|r| r.index == props.entries.selected).map(|r| format!(
                    "Entry {} of {total} open: {} {} → {}",
                    r.index + 1, r.exchange.request.method, r.exchange.request.target, r.exchange.response.status
                )).unwrap_or_default() }
            </p>
            <div class="table-scroll">
                <table class="entries-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "#" }</th>
                            <th scope="col">{ "Method" }</th>
                            <th scope="col">{ "URL" }</th>
                            <th scope="col">{ "Status" }</th>
                            <th scope="col">{ "Worst finding" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.entries.rows.iter().map(|row| {
                            let onopen = props.onopen.clone();
                            let index = row.index;
                            let selected = index == props.entries.selected;
                            html! {
                                <tr class={classes!(selected.then_some("selected"))} aria-selected={selected.to_string()}>
                                    <td class="index">{ index + 1 }</td>
                                    <td class="method">{ row.exchange.request.method.clone() }</td>
                                    <td class="url">
                                        <button type="button" class="link-button" aria-label={format!("Open entry {}", index + 1)}
                                            onclick={Callback::from(move |_: MouseEvent| onopen.emit(index))}>
                                            { row.exchange.request.target.clone() }
                                        </button>
                                    </td>
                                    <td class="status">{ row.exchange.response.status }</td>
                                    <td class="worst">
                                        { match &row.worst {
                                            Some((severity, title)) => html! {
                                                <><span class={classes!("severity", severity.label())}>{ severity.label() }</span>{ title.clone() }</>
                                            },
                                            None => html! { <span class="muted">{ "none" }</span> },
                                        } }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if pages > 1 {
                <p class="pager">
                    { nav(page.saturating_sub(1), "← Previous", page == 0) }
                    <span>{ format!("Page {} of {pages}", page + 1) }</span>
                    { nav(page + 1, "Next →", page + 1 >= pages) }
                </p>
            }
        </section>
    }
}
