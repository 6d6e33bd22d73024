use yew::prelude::*;

use crate::core::lint::{lint, Profile, Severity};
use crate::ui::state::EntryList;

/// Rows per page: linting is per visible row, so a HAR with thousands of
/// entries costs no more than this many analyses per render.
pub const PAGE_SIZE: usize = 50;

#[derive(Properties, PartialEq)]
pub struct EntriesTableProps {
    pub entries: EntryList,
    pub selected: usize,
    pub page: usize,
    pub profile: Profile,
    pub onopen: Callback<usize>,
    pub onpage: Callback<usize>,
}

/// Every entry of a pasted HAR (or multi-exchange paste) with its status and
/// worst finding; a row opens the entry in the composer.
#[component]
pub fn EntriesTable(props: &EntriesTableProps) -> Html {
    let total = props.entries.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = props.page.min(pages - 1);
    let start = page * PAGE_SIZE;
    // The composer re-renders on every keystroke; the visible rows' analyses
    // change only with the file, the page or the profile.
    let worst =
        use_memo((props.entries.clone(), page, props.profile), |(entries, page, profile)| {
            entries
                .iter()
                .skip(page * PAGE_SIZE)
                .take(PAGE_SIZE)
                .map(|exchange| lint(exchange, *profile).first().map(|f| (f.severity, f.title)))
                .collect::<Vec<Option<(Severity, &'static str)>>>()
        });
    let rows = props.entries.iter().enumerate().skip(start).take(PAGE_SIZE).zip(worst.iter());
    let nav = |target: usize, label: &'static str, disabled: bool| {
        let onpage = props.onpage.clone();
        html! {
            <button type="button" {disabled} onclick={Callback::from(move |_: MouseEvent| onpage.emit(target))}>{ label }</button>
        }
    };
    html! {
        <section class="entries" aria-labelledby="entries-title">
            <h2 id="entries-title">{ format!("{total} exchanges") }</h2>
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
                        { for rows.map(|((index, exchange), worst)| {
                            let onopen = props.onopen.clone();
                            let selected = index == props.selected;
                            html! {
                                <tr class={classes!(selected.then_some("selected"))} aria-selected={selected.to_string()}>
                                    <td>{ index + 1 }</td>
                                    <td>{ exchange.request.method.clone() }</td>
                                    <td class="url">
                                        <button type="button" class="link-button" aria-label={format!("Open entry {}", index + 1)}
                                            onclick={Callback::from(move |_: MouseEvent| onopen.emit(index))}>
                                            { exchange.request.target.clone() }
                                        </button>
                                    </td>
                                    <td>{ exchange.response.status }</td>
                                    <td>
                                        { match worst {
                                            Some((severity, title)) => html! {
                                                <><span class={classes!("severity", severity.label())}>{ severity.label() }</span>{ *title }</>
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
