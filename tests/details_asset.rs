//! `www/details/<code>.json`, `www/guide.json` and the data the page's early
//! scripts carry are generated from the data; this test fails when any is
//! stale, missing or left over. Regenerate with:
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
        for (name, json) in &expected {
            fs::write(dir.join(name), json).expect("writes an asset");
        }
    }
    let mut stale = Vec::new();
    for (name, json) in &expected {
        if fs::read_to_string(dir.join(name)).ok().as_ref() != Some(json) {
            stale.push(name.clone());
        }
    }
    let wanted: BTreeSet<String> = expected.iter().map(|(name, _)| name.clone()).collect();
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

/// `www/composer-redirect.js` preloads a code page's prose file; its list of
/// codes that have one must match `www/details`, or it would ask for a file
/// that is not there (a 404 in the console) or miss one that is.
#[test]
fn the_early_script_knows_which_codes_have_prose() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/composer-redirect.js");
    let script = fs::read_to_string(&path).expect("reads www/composer-redirect.js");
    let codes: Vec<String> = Registry::global()
        .details_files()
        .iter()
        .filter_map(|(name, _)| {
            name.strip_suffix(".json").filter(|stem| !stem.contains('.')).map(str::to_string)
        })
        .collect();
    let line = format!("  var withProse = \" {} \";", codes.join(" "));
    let current =
        script.lines().find(|l| l.trim_start().starts_with("var withProse = ")).unwrap_or_default();
    if std::env::var_os("STATUSLAB_BLESS").is_some() && current != line {
        fs::write(&path, script.replacen(current, &line, 1))
            .expect("writes www/composer-redirect.js");
    } else {
        assert_eq!(current, line, "run STATUSLAB_BLESS=1 cargo test --test details_asset");
    }
}

/// `www/composer-shell.js` paints a preset's description before the wasm
/// arrives: its copy of the descriptions must be the presets' own, or the
/// text would change under the reader when the app takes over.
#[test]
fn the_composer_shell_has_every_presets_description() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/composer-shell.js");
    let script = fs::read_to_string(&path).expect("reads www/composer-shell.js");
    let (begin, end) = ("  // presets:begin\n", "  // presets:end\n");
    let start = script.find(begin).expect("composer-shell.js has `// presets:begin`") + begin.len();
    let stop = script.find(end).expect("composer-shell.js has `// presets:end`");
    let mut block = String::from("  var descriptions = {\n");
    for preset in statuslab::core::presets::all() {
        let json = |text: &str| serde_json::to_string(text).expect("a string serializes");
        block.push_str(&format!("    {}: {},\n", json(&preset.id), json(&preset.description)));
    }
    block.push_str("  };\n");
    if std::env::var_os("STATUSLAB_BLESS").is_some() && script[start..stop] != block {
        fs::write(&path, format!("{}{block}{}", &script[..start], &script[stop..]))
            .expect("writes www/composer-shell.js");
    } else {
        assert_eq!(
            script[start..stop],
            block,
            "run STATUSLAB_BLESS=1 cargo test --test details_asset"
        );
    }
}

/// `www/guide.json`: the decision guide the page fetches when it opens.
#[test]
fn guide_asset_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/guide.json");
    let expected = format!("{}\n", statuslab::core::guide::GUIDE_JSON);
    if std::env::var_os("STATUSLAB_BLESS").is_some() {
        fs::write(&path, &expected).expect("writes www/guide.json");
    }
    assert!(
        fs::read_to_string(&path).ok() == Some(expected),
        "www/guide.json is out of date: run STATUSLAB_BLESS=1 cargo test --test details_asset"
    );
}
