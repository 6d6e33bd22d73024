//! `www/details/<code>.json` are generated from `data/status-codes.toml`;
//! this test fails when any is stale, missing or left over. Regenerate with:
//!
//!     STATUSLAB_BLESS=1 cargo test --test details_asset
#![cfg(not(target_arch = "wasm32"))]

use std::{collections::BTreeSet, fs, path::Path};

use statuslab::core::registry::Registry;

#[test]
fn status_details_assets_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/details");
    let expected = Registry::global().details_files();
    if std::env::var_os("STATUSLAB_BLESS").is_some() {
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("creates www/details");
        for (code, json) in &expected {
            fs::write(dir.join(format!("{code}.json")), json).expect("writes an asset");
        }
    }
    let mut stale = Vec::new();
    for (code, json) in &expected {
        if fs::read_to_string(dir.join(format!("{code}.json"))).ok().as_ref() != Some(json) {
            stale.push(code.to_string());
        }
    }
    let wanted: BTreeSet<String> =
        expected.iter().map(|(code, _)| format!("{code}.json")).collect();
    let present: BTreeSet<String> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    let extra: Vec<&String> = present.difference(&wanted).collect();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "www/details is out of date (stale: {stale:?}, extra: {extra:?}): run STATUSLAB_BLESS=1 cargo test --test details_asset"
    );
}
