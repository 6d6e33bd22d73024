//! `www/status-details.json` is generated from `data/status-codes.toml`; this
//! test fails when it is stale. Regenerate with:
//!
//!     STATUSLAB_BLESS=1 cargo test --test details_asset
#![cfg(not(target_arch = "wasm32"))]

use statuslab::core::registry::Registry;

#[test]
fn status_details_asset_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/status-details.json");
    let expected = Registry::global().details_json();
    if std::env::var_os("STATUSLAB_BLESS").is_some() {
        std::fs::write(path, &expected).expect("writes the asset");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == expected,
        "www/status-details.json is stale: run STATUSLAB_BLESS=1 cargo test --test details_asset"
    );
}
