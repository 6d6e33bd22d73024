mod use_hash_route;
mod use_shortcut_focus;

pub use use_hash_route::use_hash_route;
pub use use_shortcut_focus::use_shortcut_focus;
