//! Reference depth: what a code is called in each language, how popular
//! frameworks send it correctly, how sure we are of a vendor code, what real
//! clients do with it, and its history. All of it is data
//! (`data/code-names.toml`, `code-history.toml`, `vendor-evidence.toml`,
//! `client-behaviour.toml`, `snippets.toml`), checked by tests against
//! independent sources where they run here (`tests/reference_depth.rs`).
//!
//! The browser's reference build does not carry this data in its wasm: it
//! arrives with each code's details file (`www/details/<code>.json`, a
//! [`DetailsFile`]), fetched when the page opens. Native builds (the CLI)
//! embed it.

mod model;

pub use model::{
    ClientFact, ClientTopic, CodeDepth, Evidence, Historical, HistoryEvent, LanguageName, Meaning,
    SharedNumber, Snippet, Source,
};

use serde::{Deserialize, Serialize};

use crate::registry::StatusDetails;

mod levels {
    include!(concat!(env!("OUT_DIR"), "/evidence_levels.rs"));
}

/// The evidence level of a vendor code ("verified", "secondary",
/// "doubtful") and its first source, for search results; `None` for
/// registered codes.
pub fn evidence_level(code: u16) -> Option<(&'static str, &'static str)> {
    levels::EVIDENCE_LEVELS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, level, source)| (*level, *source))
}

/// One code's details file: the long prose of its entry and its depth.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetailsFile {
    // Two members, not one flattened object: serde's `flatten` buffers the
    // document generically, which costs the page's wasm tens of KB.
    pub details: StatusDetails,
    pub depth: CodeDepth,
}

#[cfg(not(target_arch = "wasm32"))]
mod data {
    use std::sync::OnceLock;

    use super::model::*;

    pub struct Depth {
        pub names: Vec<Ecosystem>,
        pub history: Vec<HistoryCode>,
        pub evidence: EvidenceFile,
        pub clients: Vec<ClientTopic>,
        pub snippets: Vec<Snippet>,
    }

    fn parse<T: serde::de::DeserializeOwned>(name: &str, json: &str) -> T {
        // The files are checked by the tests; a broken one fails them, so
        // this only panics in a build that never passed its tests.
        #[allow(clippy::panic)]
        serde_json::from_str(json).unwrap_or_else(|e| panic!("data/{name}.toml: {e}"))
    }

    pub fn get() -> &'static Depth {
        static DEPTH: OnceLock<Depth> = OnceLock::new();
        DEPTH.get_or_init(|| {
            let names: NamesFile =
                parse("code-names", include_str!(concat!(env!("OUT_DIR"), "/code-names.json")));
            let history: HistoryFile =
                parse("code-history", include_str!(concat!(env!("OUT_DIR"), "/code-history.json")));
            let evidence: EvidenceFile = parse(
                "vendor-evidence",
                include_str!(concat!(env!("OUT_DIR"), "/vendor-evidence.json")),
            );
            let clients: ClientsFile = parse(
                "client-behaviour",
                include_str!(concat!(env!("OUT_DIR"), "/client-behaviour.json")),
            );
            let snippets: SnippetsFile =
                parse("snippets", include_str!(concat!(env!("OUT_DIR"), "/snippets.json")));
            Depth {
                names: names.ecosystem,
                history: history.code,
                evidence,
                clients: clients.topic,
                snippets: snippets.snippet,
            }
        })
    }
}

/// Everything the depth data says about `code`.
#[cfg(not(target_arch = "wasm32"))]
pub fn of(code: u16) -> CodeDepth {
    let data = data::get();
    let registered = crate::registry::Registry::global()
        .entry(code)
        .is_some_and(|e| e.registration.is_in_iana_registry());
    let mut names = Vec::new();
    let mut lacking = Vec::new();
    for ecosystem in &data.names {
        match ecosystem.name.iter().find(|n| n.code == code) {
            Some(name) => names.push(LanguageName {
                ecosystem: ecosystem.id.clone(),
                label: ecosystem.label.clone(),
                constant: name.constant.clone(),
                phrase: name.phrase.clone(),
                outdated: name.outdated.clone(),
                version: ecosystem.version.clone(),
                source: ecosystem.source.clone(),
                verified_by: ecosystem.verified_by.clone(),
                note: ecosystem.note.clone(),
            }),
            None if registered => lacking.push(ecosystem.label.clone()),
            None => {}
        }
    }
    let evidence = data.evidence.code.iter().find(|e| e.code == code).map(|e| Evidence {
        level: e.evidence.clone(),
        vendor: e.vendor.clone(),
        finding: e.finding.clone(),
        historical: e.historical.clone(),
        sources: e.source.clone(),
    });
    CodeDepth {
        names,
        lacking,
        snippets: data.snippets.iter().filter(|s| s.code == code).cloned().collect(),
        snippets_elsewhere: 0,
        evidence,
        shared: data.evidence.shared.iter().find(|s| s.code == code).cloned(),
        clients: data.clients.iter().filter(|t| t.codes.contains(&code)).cloned().collect(),
        history: data
            .history
            .iter()
            .find(|h| h.code == code)
            .map(|h| h.event.clone())
            .unwrap_or_default(),
    }
}

/// Every snippet, for the test that lints them.
#[cfg(not(target_arch = "wasm32"))]
pub fn all_snippets() -> &'static [Snippet] {
    &data::get().snippets
}

/// Every ecosystem's names, as (ecosystem id, code, constant, phrase), for
/// the oracle tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn all_names() -> Vec<(String, u16, Option<String>, Option<String>)> {
    data::get()
        .names
        .iter()
        .flat_map(|e| {
            e.name.iter().map(|n| (e.id.clone(), n.code, n.constant.clone(), n.phrase.clone()))
        })
        .collect()
}

/// Every code with a history, for the tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn all_histories() -> Vec<(u16, Vec<HistoryEvent>)> {
    data::get().history.iter().map(|h| (h.code, h.event.clone())).collect()
}
