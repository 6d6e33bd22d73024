//! Compiles the reviewable data files in `data/` into compact JSON that the
//! library embeds with `include_str!`. The TOML parser stays out of the wasm
//! bundle, and inconsistent data fails the build with every problem listed.

use std::{env, fs, path::Path};

#[path = "src/core/registry/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "src/core/registry/validate.rs"]
#[allow(dead_code)]
mod validate;

fn read_toml<T: serde::de::DeserializeOwned>(path: &str) -> T {
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path} is not valid registry data:\n{e}"))
}

fn main() {
    let codes: model::CodesFile = read_toml("data/status-codes.toml");
    let classes: model::ClassesFile = read_toml("data/classes.toml");
    let data = model::RegistryData {
        iana_snapshot: codes.iana_snapshot,
        classes: classes.class,
        codes: codes.code,
    };
    let problems = validate::problems(&data);
    if !problems.is_empty() {
        panic!(
            "data/status-codes.toml has {} problem(s):\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
    let json = serde_json::to_string(&data).expect("registry data serialises to JSON");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    fs::write(Path::new(&out_dir).join("registry.json"), json).expect("OUT_DIR is writable");
}
