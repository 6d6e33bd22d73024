//! Small components, one per file: each renders props and reports user
//! intent through `on<verb>` callbacks.

#[cfg(feature = "composer")]
mod cache_panel;
mod code_link;
mod code_page;
#[cfg(feature = "composer")]
mod composer;
#[cfg(feature = "composer")]
mod entries_table;
#[cfg(feature = "composer")]
mod export_panel;
#[cfg(feature = "composer")]
mod findings_list;
mod footer;
mod header;
#[cfg(feature = "composer")]
mod header_editor;
mod message_page;
#[cfg(feature = "composer")]
mod problem_panel;
mod reference_list;
#[cfg(feature = "composer")]
mod retry_panel;
mod spec_link;

#[cfg(feature = "composer")]
pub use cache_panel::CachePanel;
pub use code_link::CodeLink;
pub use code_page::{CodePage, CodePageProps};
#[cfg(feature = "composer")]
pub use composer::Composer;
#[cfg(feature = "composer")]
pub use entries_table::EntriesTable;
#[cfg(feature = "composer")]
pub use export_panel::ExportPanel;
#[cfg(feature = "composer")]
pub use findings_list::FindingsList;
pub use footer::SiteFooter;
pub use header::SiteHeader;
#[cfg(feature = "composer")]
pub use header_editor::HeaderEditor;
pub use message_page::MessagePage;
#[cfg(feature = "composer")]
pub use problem_panel::ProblemPanel;
pub use reference_list::{ReferenceList, ReferenceListProps};
#[cfg(feature = "composer")]
pub use retry_panel::RetryPanel;
pub use spec_link::SpecLink;
