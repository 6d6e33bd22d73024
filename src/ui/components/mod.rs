//! Small components, one per file: each renders props and reports user
//! intent through `on<verb>` callbacks.

mod code_link;
mod code_page;
mod embed;
mod footer;
mod header;
mod message_page;
mod reference_list;
mod spec_link;

pub use code_link::CodeLink;
pub use code_page::{CodePage, CodePageProps};
pub use embed::Embed;
pub use footer::SiteFooter;
pub use header::SiteHeader;
pub use message_page::MessagePage;
pub use reference_list::{ReferenceList, ReferenceListProps};
pub use spec_link::{source_link, SpecLink};

/// Declares the composer's components, which exist only in the full build
/// (the `composer` feature): the reference build leaves them out.
macro_rules! composer_components {
    ($($module:ident :: $component:ident),* $(,)?) => {
        $(
            #[cfg(feature = "composer")]
            mod $module;
            #[cfg(feature = "composer")]
            pub use $module::$component;
        )*
    };
}

composer_components!(
    cache_panel::CachePanel,
    composer::Composer,
    embed_exchange::EmbedExchange,
    entries_table::EntriesTable,
    exercises::Exercises,
    guide::GuidePage,
    export_panel::ExportPanel,
    findings_list::FindingsList,
    header_editor::HeaderEditor,
    problem_panel::ProblemPanel,
    retry_panel::RetryPanel,
    share_panel::SharePanel,
);

/// "100001" → "100,001" (the composer's counts of fields).
#[cfg(feature = "composer")]
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
