#![cfg(not(target_arch = "wasm32"))]
//! The core's boundary, proven from the lockfile: `statuslab-core` and
//! everything it depends on, on every target, is free of browser and UI
//! crates. Convention is not enough: one `web-sys` dependency added "just for
//! the wasm build" would make the core untestable natively and couple every
//! shell to the browser.

use std::collections::{BTreeSet, HashMap};

const FORBIDDEN: &[&str] =
    &["yew", "web-sys", "js-sys", "wasm-bindgen", "gloo", "gloo-worker", "yew-agent"];

/// Edges the walk does not follow, each with why it is not a browser
/// dependency of the core. The lockfile records no features, so an edge
/// that another package's feature turns on shows up here as the core's.
const NOT_THE_CORES: &[(&str, &str, &str)] = &[
    (
        "getrandom",
        "js-sys",
        "getrandom's wasm_js randomness backend (boon → ahash → getrandom), enabled only by the \
         validator worker's build (the root package's `validator` feature) and compiled only on wasm32",
    ),
    ("getrandom", "wasm-bindgen", "the same backend"),
];

fn dependency_graph() -> HashMap<String, Vec<String>> {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock"))
        .expect("Cargo.lock is readable");
    let lock: toml::Table = toml::from_str(&lock).expect("Cargo.lock is TOML");
    let packages = lock["package"].as_array().expect("the lockfile lists packages");
    packages
        .iter()
        .map(|package| {
            let name = package["name"].as_str().expect("a package has a name").to_string();
            let deps = package
                .get("dependencies")
                .and_then(|d| d.as_array())
                .map(|deps| {
                    deps.iter()
                        // "name version" when several versions are locked.
                        .filter_map(|d| d.as_str()?.split(' ').next().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            (name, deps)
        })
        .collect()
}

fn closure(graph: &HashMap<String, Vec<String>>, root: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![root.to_string()];
    while let Some(name) = stack.pop() {
        if seen.insert(name.clone()) {
            let followed = graph.get(&name).into_iter().flatten().filter(|dep| {
                !NOT_THE_CORES.iter().any(|(from, to, _)| *from == name && *to == dep.as_str())
            });
            stack.extend(followed.cloned());
        }
    }
    seen
}

#[test]
fn the_core_depends_on_no_browser_crate() {
    let graph = dependency_graph();
    let core = closure(&graph, "statuslab-core");
    assert!(core.contains("serde"), "the walk follows the core's dependencies: {core:?}");
    let leaked: Vec<&String> =
        core.iter().filter(|name| FORBIDDEN.contains(&name.as_str())).collect();
    assert!(leaked.is_empty(), "statuslab-core must not depend on {leaked:?}");
}

#[test]
fn the_check_would_notice_a_browser_crate() {
    // The app does depend on yew: the same walk must find it there.
    let graph = dependency_graph();
    assert!(closure(&graph, "statuslab").contains("yew"));
}
