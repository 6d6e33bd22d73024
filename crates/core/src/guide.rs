//! "Which code should I return?": a decision tree from `data/guide.toml`,
//! the source articles' tree corrected against RFC 9110 and extended. Each
//! answer ends at a status code with why, and an example exchange that
//! opens in the composer.

#[cfg(not(target_arch = "wasm32"))]
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The guide as JSON: natively compiled in; the browser fetches the same
/// document (`www/guide.json`, kept current by `tests/details_asset.rs`)
/// when the guide opens, so the composer's page does not carry it.
#[cfg(not(target_arch = "wasm32"))]
pub const GUIDE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/guide.json"));

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub start: String,
    #[serde(rename = "question")]
    pub questions: Vec<Question>,
    #[serde(rename = "leaf")]
    pub leaves: Vec<Leaf>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub help: Option<String>,
    #[serde(rename = "choice")]
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub label: String,
    pub next: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideSpec {
    pub doc: String,
    pub section: String,
    pub url: String,
}

impl GuideSpec {
    pub fn label(&self) -> String {
        format!("{} §{}", self.doc, self.section)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leaf {
    pub id: String,
    pub code: u16,
    pub why: String,
    pub spec: GuideSpec,
    /// Where a source article says otherwise, and what the RFC says.
    #[serde(default)]
    pub correction: Option<String>,
    /// A correct example, raw HTTP, opened in the composer.
    pub exchange: String,
}

/// A step of the guide: a question to answer, or where the answers led.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    Question(&'a Question),
    Leaf(&'a Leaf),
}

impl Guide {
    /// Reads the guide's JSON document.
    pub fn parse(json: &str) -> Result<Guide, String> {
        serde_json::from_str(json).map_err(|e| format!("the guide is damaged: {e}"))
    }

    /// The shipped guide (checked by tests; an unreadable one is empty).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn global() -> &'static Guide {
        static GUIDE: OnceLock<Guide> = OnceLock::new();
        GUIDE.get_or_init(|| {
            Guide::parse(GUIDE_JSON).unwrap_or(Guide {
                start: String::new(),
                questions: Vec::new(),
                leaves: Vec::new(),
            })
        })
    }

    pub fn step(&self, id: &str) -> Option<Step<'_>> {
        if let Some(question) = self.questions.iter().find(|q| q.id == id) {
            return Some(Step::Question(question));
        }
        self.leaves.iter().find(|l| l.id == id).map(Step::Leaf)
    }

    /// The questions on the way from the start to `id` (the first path
    /// found), each with the choice taken: the trail shown above a step.
    pub fn path_to(&self, id: &str) -> Vec<(&Question, &Choice)> {
        fn walk<'a>(
            guide: &'a Guide,
            at: &str,
            target: &str,
            trail: &mut Vec<(&'a Question, &'a Choice)>,
        ) -> bool {
            if at == target {
                return true;
            }
            let Some(Step::Question(question)) = guide.step(at) else {
                return false;
            };
            for choice in &question.choices {
                trail.push((question, choice));
                if walk(guide, &choice.next, target, trail) {
                    return true;
                }
                trail.pop();
            }
            false
        }
        let mut trail = Vec::new();
        if !walk(self, &self.start, id, &mut trail) {
            trail.clear();
        }
        trail
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::{
        analysis::{analyze, AnalysisOptions},
        exchange::parse_input,
        lint::{Profile, Severity},
        time::UnixTime,
    };

    #[test]
    fn the_guide_is_a_tree_every_step_of_which_is_reachable() {
        let guide = Guide::global();
        assert!(guide.step(&guide.start).is_some(), "the start exists");
        assert!((35..=60).contains(&guide.leaves.len()), "{} leaves", guide.leaves.len());
        for question in &guide.questions {
            assert!((2..=5).contains(&question.choices.len()), "{}: choices", question.id);
            for choice in &question.choices {
                assert!(guide.step(&choice.next).is_some(), "{} → {}", question.id, choice.next);
            }
        }
        let ids: Vec<&str> = guide
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .chain(guide.leaves.iter().map(|l| l.id.as_str()))
            .collect();
        for (i, id) in ids.iter().enumerate() {
            assert!(!ids[..i].contains(id), "{id} is declared twice");
            let trail = guide.path_to(id);
            assert!(*id == guide.start || !trail.is_empty(), "{id} is unreachable");
            assert!(trail.len() <= 6, "{id} is {} questions deep", trail.len());
        }
    }

    #[test]
    fn every_answer_opens_an_exchange_without_an_error() {
        for leaf in &Guide::global().leaves {
            let parsed = parse_input(&leaf.exchange)
                .unwrap_or_else(|e| panic!("{}: the exchange does not parse: {e}", leaf.id));
            let exchange = &parsed.exchanges[0];
            // An interim 100 is shown before the final response it precedes.
            if leaf.code != 100 {
                assert_eq!(exchange.response.status, leaf.code, "{}", leaf.id);
            }
            let analysis =
                analyze(exchange, AnalysisOptions::new(Profile::Rfc, UnixTime(1_795_428_000)));
            let errors: Vec<_> =
                analysis.findings.iter().filter(|f| f.severity == Severity::Error).collect();
            assert!(errors.is_empty(), "{}: {errors:?}", leaf.id);
            assert!(leaf.spec.url.starts_with("https://"), "{}", leaf.id);
        }
    }
}
