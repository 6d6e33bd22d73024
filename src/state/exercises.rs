//! Exercise mode: the pack in use, the learner's answer, grades and
//! progress. Progress is kept in the browser (see `ui::exercises`).

use std::{collections::BTreeMap, rc::Rc};

use serde::{Deserialize, Serialize};

use crate::core::exercise::{Grade, Pack};
use crate::engine::protocol::Reply;

/// One exercise's record in this browser.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub solved: bool,
    pub attempts: u32,
    /// Hints revealed (the most ever, so reopening keeps them).
    pub hints: usize,
    /// The explanation was opened before solving it.
    pub gave_up: bool,
    /// The learner's last answer, so leaving and returning loses nothing.
    #[serde(default)]
    pub answer: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExerciseState {
    pub pack: Option<Rc<Pack>>,
    /// A workshop's own pack text (`None`: the shipped pack), kept for the
    /// next visit.
    pub pack_text: Option<Rc<str>>,
    /// The workshop pack's link payload (`#/exercises/pack/…`).
    pub pack_link: Option<String>,
    pub pack_error: Option<String>,
    /// A pack was asked of the engine and has not arrived.
    pub loading: bool,
    /// The latest grade, for the exercise it names.
    pub grade: Option<Grade>,
    /// Keyed by "pack-id/exercise-id".
    pub progress: BTreeMap<String, Progress>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExerciseAction {
    PackRequested,
    /// Progress read back from storage.
    ProgressRestored(BTreeMap<String, Progress>),
    /// The learner's answer changed.
    Answer {
        exercise: String,
        text: String,
    },
    Checked {
        exercise: String,
    },
    ShowHint {
        exercise: String,
    },
    GiveUp {
        exercise: String,
    },
    Reset,
}

impl ExerciseState {
    pub fn key(&self, exercise: &str) -> String {
        let pack = self.pack.as_ref().map_or("", |p| p.pack.id.as_str());
        format!("{pack}/{exercise}")
    }

    pub fn progress_of(&self, exercise: &str) -> Progress {
        self.progress.get(&self.key(exercise)).cloned().unwrap_or_default()
    }

    /// Solved exercises of the current pack, and how many it has.
    pub fn score(&self) -> (usize, usize) {
        let Some(pack) = &self.pack else { return (0, 0) };
        let solved = pack.exercises.iter().filter(|e| self.progress_of(&e.id).solved).count();
        (solved, pack.exercises.len())
    }

    pub fn reduce(&mut self, action: ExerciseAction) {
        match action {
            ExerciseAction::PackRequested => {
                self.loading = true;
                self.pack_error = None;
            }
            ExerciseAction::ProgressRestored(progress) => self.progress = progress,
            ExerciseAction::Answer { exercise, text } => {
                let key = self.key(&exercise);
                self.progress.entry(key).or_default().answer = Some(text);
                if self.grade.as_ref().is_some_and(|g| g.exercise == exercise) {
                    self.grade = None;
                }
            }
            ExerciseAction::Checked { exercise } => {
                let key = self.key(&exercise);
                self.progress.entry(key).or_default().attempts += 1;
            }
            ExerciseAction::ShowHint { exercise } => {
                let hints = self
                    .pack
                    .as_ref()
                    .and_then(|p| p.exercise(&exercise))
                    .map_or(0, |e| e.hints.len());
                let key = self.key(&exercise);
                let entry = self.progress.entry(key).or_default();
                entry.hints = (entry.hints + 1).min(hints);
            }
            ExerciseAction::GiveUp { exercise } => {
                let key = self.key(&exercise);
                self.progress.entry(key).or_default().gave_up = true;
            }
            ExerciseAction::Reset => {
                let prefix = self.key("");
                self.progress.retain(|key, _| !key.starts_with(&prefix));
                self.grade = None;
            }
        }
    }

    /// Folds in the engine's exercise replies; returns false for others.
    pub fn apply_reply(&mut self, reply: &Reply) -> bool {
        match reply {
            Reply::PackLoaded { pack, text, link } => {
                self.pack = Some(Rc::new((**pack).clone()));
                self.pack_text = text.as_deref().map(Rc::from);
                self.pack_link = link.clone();
                self.pack_error = None;
                self.loading = false;
                self.grade = None;
            }
            Reply::PackFailed { message } => {
                self.pack_error = Some(message.clone());
                self.loading = false;
            }
            Reply::Graded(grade) => {
                if grade.passed {
                    let key = self.key(&grade.exercise);
                    self.progress.entry(key).or_default().solved = true;
                }
                self.grade = Some(grade.clone());
            }
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exercise::core_pack;

    #[test]
    fn grades_hints_and_score_follow_the_learner() {
        let mut state = ExerciseState::default();
        let pack = core_pack().expect("the shipped pack");
        let first = pack.exercises[0].id.clone();
        let hints = pack.exercises[0].hints.len();
        assert!(state.apply_reply(&Reply::PackLoaded {
            pack: Box::new(pack),
            text: None,
            link: None
        }));
        let total = state.score().1;
        assert_eq!(state.score(), (0, total));
        for _ in 0..10 {
            state.reduce(ExerciseAction::ShowHint { exercise: first.clone() });
        }
        assert_eq!(state.progress_of(&first).hints, hints, "never more hints than there are");
        let failed = Grade { exercise: first.clone(), passed: false, checks: vec![] };
        state.apply_reply(&Reply::Graded(failed));
        assert_eq!(state.score().0, 0);
        let passed = Grade { exercise: first.clone(), passed: true, checks: vec![] };
        state.apply_reply(&Reply::Graded(passed));
        assert_eq!(state.score(), (1, total));
        state.reduce(ExerciseAction::Reset);
        assert_eq!(state.score(), (0, total));
    }
}
