//! Small components, one per file: each renders props and reports user
//! intent through `on<verb>` callbacks.

mod code_link;
mod code_page;
mod footer;
mod header;
mod message_page;
mod reference_list;
mod spec_link;

pub use code_link::CodeLink;
pub use code_page::{CodePage, CodePageProps};
pub use footer::SiteFooter;
pub use header::SiteHeader;
pub use message_page::MessagePage;
pub use reference_list::{ReferenceList, ReferenceListProps};
pub use spec_link::SpecLink;
