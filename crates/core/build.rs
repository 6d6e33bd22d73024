//! Compiles the reviewable data files in `data/` into Rust `static`s that the
//! library includes. The app therefore parses nothing at start-up (parsing the
//! registry as JSON in wasm cost 40–60 ms on the main thread), the TOML parser
//! stays out of the bundle, and inconsistent data fails the build with every
//! problem listed.

use std::{borrow::Cow, env, fmt::Write as _, fs, path::Path};

#[path = "src/lint/model.rs"]
#[allow(dead_code)]
mod lint_model;
#[path = "src/registry/model.rs"]
#[allow(dead_code)]
mod model;
#[path = "src/registry/text.rs"]
#[allow(dead_code)]
mod text;
#[path = "src/registry/validate.rs"]
#[allow(dead_code)]
mod validate;

#[path = "src/presets/model.rs"]
#[allow(dead_code)]
mod presets_model;

use lint_model::{ProfileNote, RuleText, RulesFile, Severity};
use model::*;
use presets_model::{Preset, PresetsFile};

fn read_toml<T: serde::de::DeserializeOwned>(path: &str) -> T {
    println!("cargo:rerun-if-changed={path}");
    println!("cargo:rerun-if-env-changed=CARGO_CFG_TARGET_ARCH");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path} is not valid registry data:\n{e}"))
}

/// Writes a value as a Rust expression that builds it in static memory.
trait Literal {
    fn write(&self, out: &mut String);
}

impl Literal for str {
    fn write(&self, out: &mut String) {
        // Debug formatting of a str is a valid Rust string literal.
        let _ = write!(out, "{self:?}");
    }
}

impl Literal for String {
    fn write(&self, out: &mut String) {
        self.as_str().write(out);
    }
}

impl Literal for Cow<'static, str> {
    fn write(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(");
        self.as_ref().write(out);
        out.push(')');
    }
}

impl<T: Literal + Clone> Literal for Cow<'static, [T]> {
    fn write(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(");
        self.as_ref().write(out);
        out.push(')');
    }
}

impl<T: Literal> Literal for [T] {
    fn write(&self, out: &mut String) {
        out.push_str("&[");
        for item in self {
            item.write(out);
            out.push(',');
        }
        out.push(']');
    }
}

impl<T: Literal> Literal for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(value) => {
                out.push_str("Some(");
                value.write(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

impl Literal for u16 {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl Literal for u8 {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl Literal for bool {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl Literal for Registration {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "Registration::{self:?}");
    }
}

impl Literal for Severity {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "Severity::{self:?}");
    }
}

impl Literal for Requirement {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "Requirement::{self:?}");
    }
}

/// `Name { field: value, ... }` for a struct whose fields all implement Literal.
macro_rules! struct_literal {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Literal for $ty {
            fn write(&self, out: &mut String) {
                out.push_str(concat!(stringify!($ty), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.write(out);
                    out.push(',');
                )*
                out.push('}');
            }
        }
    };
}

struct_literal!(SpecRef { doc, section, url });
struct_literal!(HeaderAdvice { name, level, note, spec });
struct_literal!(Confusion { versus, text });
struct_literal!(Myth { claim, correction, spec });
struct_literal!(StatusEntry {
    code,
    name,
    former_names,
    registration,
    origin,
    registry_note,
    temporary_until,
    spec,
    summary,
    meaning,
    use_when,
    avoid_when,
    heuristically_cacheable,
    retry,
    related,
    keywords,
    confusions,
    headers,
    myths,
});
struct_literal!(ClassEntry { digit, name, summary, meaning, unknown_code_handling, spec });
struct_literal!(RegistryData { iana_snapshot, classes, codes });
struct_literal!(ProfileNote { severity, note });
struct_literal!(Preset { id, title, group, description, exchange, triggers });
struct_literal!(RuleText { id, severity, title, why, fix, spec, zalando });

/// The precomputed search index row of one entry (see `search.rs`).
struct SearchDoc {
    code: String,
    name: String,
    former_names: Vec<String>,
    keywords: Vec<String>,
    name_words: String,
    keyword_words: String,
    summary_words: String,
    prose_words: String,
}

/// " word1 word2 …": a space before every word, so that a prefix match on a
/// word is a substring search for " token". One string per field keeps the
/// index compact (no pointer per word in the wasm data section).
fn word_field(text: &str) -> String {
    text::words(text).iter().map(|w| format!(" {w}")).collect()
}

struct_literal!(SearchDoc {
    code,
    name,
    former_names,
    keywords,
    name_words,
    keyword_words,
    summary_words,
    prose_words,
});

fn search_doc(e: &StatusEntry) -> SearchDoc {
    let mut prose = String::new();
    let parts =
        [&e.meaning, &e.retry].into_iter().chain(e.use_when.iter()).chain(e.avoid_when.iter());
    for part in parts.chain(e.origin.iter()).chain(e.headers.iter().map(|h| &h.name)) {
        prose.push_str(part);
        prose.push(' ');
    }
    SearchDoc {
        code: e.code.to_string(),
        name: text::normalise(&e.name),
        former_names: e.former_names.iter().map(|n| text::normalise(n)).collect(),
        keywords: e.keywords.iter().map(|k| text::normalise(k)).collect(),
        name_words: word_field(&e.name),
        keyword_words: word_field(&e.keywords.join(" ")),
        summary_words: word_field(&e.summary),
        prose_words: word_field(&prose),
    }
}

fn without_prose(mut data: RegistryData) -> RegistryData {
    for entry in data.codes.to_mut() {
        entry.meaning = Cow::Borrowed("");
        entry.use_when = Cow::Borrowed(&[]);
        entry.avoid_when = Cow::Borrowed(&[]);
        entry.confusions = Cow::Borrowed(&[]);
        entry.myths = Cow::Borrowed(&[]);
        entry.registry_note = None;
        for header in entry.headers.to_mut() {
            header.note = Cow::Borrowed("");
        }
    }
    data
}

fn main() {
    let codes: CodesFile = read_toml("../../data/status-codes.toml");
    let classes: ClassesFile = read_toml("../../data/classes.toml");
    let data = RegistryData {
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

    // The browser build leaves the long prose out of the binary; it is served
    // as www/status-details.json and fetched when a reference page needs it.
    let data = if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        without_prose(data)
    } else {
        data
    };
    let mut out = String::from("// Generated by build.rs from data/*.toml. Do not edit.\n");
    out.push_str("pub static DATA: RegistryData = ");
    data.write(&mut out);
    out.push_str(";\npub static SEARCH_DOCS: &[SearchDoc] = ");
    let docs: Vec<SearchDoc> = data.codes.iter().map(search_doc).collect();
    docs.write(&mut out);
    out.push_str(";\n");

    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    fs::write(Path::new(&out_dir).join("registry_data.rs"), out).expect("OUT_DIR is writable");

    // The catalogue is split by theme; together the files are one list.
    let mut rules: RulesFile = read_toml("../../data/lint-rules.toml");
    let fields: RulesFile = read_toml("../../data/lint-rules-fields.toml");
    rules.rule.extend(fields.rule);
    let mut problems = Vec::new();
    for (i, rule) in rules.rule.iter().enumerate() {
        let text = &rule.text;
        if rules.rule[..i].iter().any(|r| r.text.id == text.id) {
            problems.push(format!("{}: duplicate id", text.id));
        }
        for (field, value) in [("title", &text.title), ("why", &text.why), ("fix", &text.fix)] {
            if value.trim().is_empty() {
                problems.push(format!("{}: `{field}` is empty", text.id));
            }
        }
        if !text.spec.url.starts_with("https://") {
            problems.push(format!("{}: spec link must be https", text.id));
        }
    }
    if !problems.is_empty() {
        panic!("data/lint-rules*.toml have problems:\n{}", problems.join("\n"));
    }
    let texts: Vec<RuleText> = rules.rule.into_iter().map(|r| r.text).collect();
    let mut out =
        String::from("// Generated by build.rs from data/lint-rules.toml. Do not edit.\n");
    out.push_str("pub static RULES: &[RuleText] = ");
    texts.write(&mut out);
    out.push_str(";\n");
    fs::write(Path::new(&out_dir).join("lint_rules.rs"), out).expect("OUT_DIR is writable");

    // The decision guide is checked by the library's tests (its model lives
    // there); here it only becomes JSON, so no TOML parser ships in the page.
    let guide: toml::Value = read_toml("../../data/guide.toml");
    let guide = serde_json::to_string(&guide).expect("TOML values are JSON values");
    fs::write(Path::new(&out_dir).join("guide.json"), guide).expect("OUT_DIR is writable");

    // The reference's depth (names in languages, history, vendor evidence,
    // client behaviour, framework snippets) becomes JSON for the native
    // builds and the details files; its model and checks are the library's.
    for name in ["code-names", "code-history", "vendor-evidence", "client-behaviour", "snippets"] {
        let value: toml::Value = read_toml(&format!("../../data/{name}.toml"));
        let json = serde_json::to_string(&value).expect("TOML values are JSON values");
        fs::write(Path::new(&out_dir).join(format!("{name}.json")), json)
            .expect("OUT_DIR is writable");
    }
    // The evidence level of each vendor code is small and shown in search
    // results, so every build carries it.
    let evidence: toml::Value = read_toml("../../data/vendor-evidence.toml");
    let mut levels = String::from("pub static EVIDENCE_LEVELS: &[(u16, &str, &str)] = &[");
    for code in evidence.get("code").and_then(|c| c.as_array()).into_iter().flatten() {
        let number = code.get("code").and_then(|c| c.as_integer()).unwrap_or_default();
        let level = code.get("evidence").and_then(|c| c.as_str()).unwrap_or_default();
        let source = code
            .get("source")
            .and_then(|s| s.as_array())
            .and_then(|s| s.first())
            .and_then(|s| s.get("url"))
            .and_then(|u| u.as_str())
            .unwrap_or_default();
        levels.push_str(&format!("({number}, {level:?}, {source:?}),"));
    }
    levels.push_str("];\n");
    fs::write(Path::new(&out_dir).join("evidence_levels.rs"), levels).expect("OUT_DIR is writable");

    let presets: PresetsFile = read_toml("../../data/presets.toml");
    let mut out = String::from("// Generated by build.rs from data/presets.toml. Do not edit.\n");
    // The exchanges go into a static of their own: the page lists presets
    // but only the engine worker reads their text, so in the page's wasm
    // that static is unreferenced and dropped.
    let texts: Vec<String> = presets.preset.iter().map(|p| p.exchange.to_string()).collect();
    let listed: Vec<Preset> =
        presets.preset.into_iter().map(|p| Preset { exchange: Cow::Borrowed(""), ..p }).collect();
    out.push_str("pub static PRESETS: &[Preset] = ");
    listed.write(&mut out);
    out.push_str(";\npub static PRESET_EXCHANGES: &[&str] = ");
    texts.write(&mut out);
    out.push_str(";\n");
    fs::write(Path::new(&out_dir).join("presets.rs"), out).expect("OUT_DIR is writable");
}
