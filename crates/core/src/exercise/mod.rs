//! Workshop exercises: a scenario, a fixed request, and a response the
//! learner writes, graded by the same analysis every other shell shows.
//!
//! Packs are TOML written by workshop leaders (`docs/exercises.md`); a
//! mistake in one is reported with its line and the field at fault.

mod grade;
mod model;

pub use grade::{grade, grade_text, Check, Grade};
pub use model::{
    CacheExpect, CacheScope, Exercise, Expect, FieldExpect, Level, Pack, PackInfo, RetryExpect,
    Source, PACK_FORMAT,
};

use crate::exchange::{parse_input, Exchange};

/// The pack that ships with the product.
pub const CORE_PACK_TOML: &str = include_str!("../../../../data/exercises/core.toml");

/// Why a pack could not be read: where, and what to change.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PackError {
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// The field at fault, as written in the file ("exercise.expect.status").
    pub field: Option<String>,
    pub message: String,
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for PackError {}

/// Exercise files are text a person writes; anything larger is not one.
pub const MAX_PACK_BYTES: usize = 1 << 20;

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(0, |before| before.matches('\n').count() + 1)
}

/// The line where exercise `id` is declared, for messages about it.
fn line_of_exercise(text: &str, id: &str) -> usize {
    let needle = format!("\"{id}\"");
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            line.starts_with("id") && line.contains(&needle)
        })
        .map_or(0, |index| index + 1)
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Pack {
    /// Reads and checks a pack.
    pub fn parse(text: &str) -> Result<Pack, PackError> {
        if text.len() > MAX_PACK_BYTES {
            return Err(PackError {
                line: 0,
                field: None,
                message: format!(
                    "the file is {} KB; an exercise pack is at most {} KB",
                    text.len() / 1024,
                    MAX_PACK_BYTES / 1024
                ),
            });
        }
        let pack: Pack = toml::from_str(text).map_err(|error| {
            let line = error.span().map_or(0, |span| line_of(text, span.start));
            PackError { line, field: None, message: error.message().trim().to_string() }
        })?;
        pack.check(text)?;
        Ok(pack)
    }

    fn check(&self, text: &str) -> Result<(), PackError> {
        let whole = |field: &str, message: String| PackError {
            line: 0,
            field: Some(field.to_string()),
            message,
        };
        if self.format != PACK_FORMAT {
            return Err(whole(
                "format",
                format!(
                    "format {} is not one this version reads (it reads {PACK_FORMAT})",
                    self.format
                ),
            ));
        }
        if !valid_id(&self.pack.id) {
            return Err(whole("pack.id", "use lower-case letters, digits and hyphens".into()));
        }
        if self.exercises.is_empty() {
            return Err(whole("exercise", "the pack has no [[exercise]] table".into()));
        }
        let mut seen = std::collections::BTreeSet::new();
        for exercise in &self.exercises {
            let at = |field: &str, message: String| PackError {
                line: line_of_exercise(text, &exercise.id),
                field: Some(format!("exercise.{field}")),
                message: format!("exercise \"{}\": {message}", exercise.id),
            };
            if !valid_id(&exercise.id) {
                return Err(at("id", "use lower-case letters, digits and hyphens".into()));
            }
            if !seen.insert(exercise.id.as_str()) {
                return Err(at("id", "another exercise has the same id".into()));
            }
            let expect = &exercise.expect;
            if expect.status.is_empty() {
                return Err(at("expect.status", "list at least one acceptable status".into()));
            }
            if let Some(code) = expect.status.iter().find(|c| !(100..=599).contains(*c)) {
                return Err(at("expect.status", format!("{code} is not a status code (100–599)")));
            }
            if exercise.hints.is_empty() || exercise.hints.len() > 5 {
                return Err(at("hints", "give one to five hints, gentlest first".into()));
            }
            if let Err(error) = exercise.exchange_with(&exercise.reference) {
                return Err(at(
                    "reference",
                    format!("the request and this answer do not read as one exchange: {error}"),
                ));
            }
            if let Some(cache) = &expect.cache {
                if let (Some(min), Some(max)) = (cache.min_lifetime_s, cache.max_lifetime_s) {
                    if min > max {
                        return Err(at(
                            "expect.cache",
                            "min_lifetime_s is above max_lifetime_s".into(),
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }
}

impl Exercise {
    /// The exercise's request answered by `response` (raw HTTP).
    pub fn exchange_with(&self, response: &str) -> Result<Exchange, String> {
        let text = format!("{}\n\n{}", self.request.trim_end(), response.trim_start());
        let parsed = parse_input(&text).map_err(|error| error.to_string())?;
        let mut exchanges = parsed.exchanges.into_iter();
        match (exchanges.next(), exchanges.next()) {
            (Some(exchange), None) if exchange.request_known => Ok(exchange),
            _ => Err("write one HTTP response, starting with its status line".into()),
        }
    }
}

/// The shipped pack, parsed (it is tested, so it always parses).
pub fn core_pack() -> Result<Pack, PackError> {
    Pack::parse(CORE_PACK_TOML)
}

#[cfg(test)]
mod tests;
