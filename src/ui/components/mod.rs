//! Small components, one per file: each renders props and reports user
//! intent through `on<verb>` callbacks.

mod code_link;
mod code_page;
mod composer;
mod entries_table;
mod export_panel;
mod findings_list;
mod footer;
mod header;
mod header_editor;
mod message_page;
mod reference_list;
mod retry_panel;
mod spec_link;

pub use code_link::CodeLink;
pub use code_page::{CodePage, CodePageProps};
pub use composer::Composer;
pub use entries_table::EntriesTable;
pub use export_panel::ExportPanel;
pub use findings_list::FindingsList;
pub use footer::SiteFooter;
pub use header::SiteHeader;
pub use header_editor::HeaderEditor;
pub use message_page::MessagePage;
pub use reference_list::{ReferenceList, ReferenceListProps};
pub use retry_panel::RetryPanel;
pub use spec_link::SpecLink;
