//! What the engine worker reports, folded into the composer's state.

use std::rc::Rc;

use super::composer::{ComposerState, LinkNote};
use crate::engine::protocol::{EntryRow, Held, Reply, PAGE_SIZE};

/// A load under way: entries read so far and in all (0 while scanning).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadState {
    pub done: usize,
    pub total: usize,
}

/// The entries table: the engine holds the entries, the page one page of rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntriesView {
    pub total: usize,
    pub page: usize,
    pub rows: Rc<Vec<EntryRow>>,
    /// The entry shown in the composer.
    pub selected: usize,
    /// Entries the load skipped, with the reason for each.
    pub skipped: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EngineAction {
    Reply(Reply),
    /// The worker stopped answering and was restarted.
    Restarted {
        lost_entries: bool,
    },
}

impl ComposerState {
    pub fn apply_engine(&mut self, action: EngineAction) {
        match action {
            EngineAction::Reply(reply) => self.apply_reply(reply),
            EngineAction::Restarted { lost_entries } => {
                self.loading = None;
                let mut note = String::from(
                    "The analysis engine stopped responding and was restarted. Your exchange is intact.",
                );
                if lost_entries {
                    self.entries = EntriesView::default();
                    note.push_str(
                        " The loaded file's entries were lost with it: open the file again.",
                    );
                }
                if self.held.any() {
                    let lost = self.held.total();
                    self.held = Held::default();
                    self.revision += 1;
                    note.push_str(&format!(
                        " The {lost} header fields it held went with it: the analysis now covers the fields shown. Open the file again for all of them."
                    ));
                }
                self.engine_note = Some(note);
            }
        }
    }

    fn apply_reply(&mut self, reply: Reply) {
        match reply {
            Reply::Analyzed(analysis) => {
                self.analysis = Some(Rc::new(*analysis));
            }
            Reply::Progress { done, total } => self.loading = Some(LoadState { done, total }),
            Reply::Loaded { format, total, skipped, first, held } => {
                self.loads_done += 1;
                self.loading = None;
                self.restoring = false;
                self.paste_error = None;
                if let Some(first) = first {
                    self.load(*first);
                    self.held = held;
                    self.preset = None;
                }
                self.load_note = match (total, skipped.len()) {
                    (_, 0) if total <= 1 => None,
                    (_, 0) => {
                        Some(format!("The input held {total} exchanges; the first is loaded."))
                    }
                    (_, n) => Some(format!(
                        "The input ({format}) held {total} readable exchanges; {n} entr{} skipped: {}",
                        if n == 1 { "y was" } else { "ies were" },
                        skipped.first().cloned().unwrap_or_default()
                    )),
                };
                self.entries = EntriesView {
                    total: if total > 1 { total } else { 0 },
                    skipped,
                    // Reopening an entry from before a reload: ask for its page.
                    page: self.reopen_entry.filter(|&e| e < total).map_or(0, |e| e / PAGE_SIZE),
                    ..EntriesView::default()
                };
                if total <= 1 {
                    // One exchange: the exchange's own autosave covers it.
                    self.loaded_source = None;
                    self.reopen_entry = None;
                }
                if let Some(bytes) = self.loaded_too_large.filter(|_| total > 1) {
                    let note = self.load_note.get_or_insert_with(String::new);
                    note.push_str(&format!(
                        " At {:.1} MB it is too large to keep in this browser (the limit is 2 MB): after a reload, open it again.",
                        bytes as f64 / 1_048_576.0
                    ));
                }
            }
            Reply::LoadFailed { message } => {
                self.loading = None;
                self.restoring = false;
                self.paste_error = Some(message);
            }
            Reply::Cancelled => {
                self.loading = None;
                self.load_note = Some("Loading cancelled; the composer kept your exchange.".into());
            }
            Reply::Page { page, total, rows } => {
                self.entries.page = page;
                self.entries.total = total;
                let reopened = self
                    .reopen_entry
                    .and_then(|entry| rows.iter().find(|r| r.index == entry))
                    .map(|row| (row.index, row.exchange.clone()));
                if let Some((index, exchange)) = reopened {
                    self.load(exchange);
                    self.entries.selected = index;
                    self.reopen_entry = None;
                }
                self.entries.rows = Rc::new(rows);
            }
            Reply::HeldTaken { side, source, fields } => {
                // Fields of an exchange since replaced are dropped.
                if source == self.held.source && self.held.count(side) >= fields.len() {
                    self.held.took(side, fields.len());
                    self.headers_mut(side).0.extend(fields);
                }
            }
            Reply::Preset { id, exchange } => {
                if self.pending_preset.as_deref() == Some(id.as_str()) {
                    self.load(*exchange);
                    self.pending_preset = None;
                    self.preset = Some(id);
                }
            }
            Reply::LinkOpened { state, exchange, held } => {
                self.load(*exchange);
                self.held = held;
                self.preset = None;
                self.pending_preset = None;
                self.restoring = false;
                self.profile = state.profile;
                if let Some(backoff) = state.backoff {
                    self.backoff = backoff.sanitized();
                }
                if state.schema.is_some() {
                    self.user_schema = state.schema;
                    self.schema_check = None;
                }
                self.cache_moment_s = state.cache_moment_s.max(0);
                self.pinned_now = state.analysed_at;
                self.link_note = Some(LinkNote::Opened);
            }
            Reply::LinkFailed { message } => {
                // The default preset stands in until the saved work (if
                // any) is read back.
                self.restoring = false;
                self.preset = crate::core::presets::all().first().map(|p| p.id.to_string());
                self.pending_preset = self.preset.clone();
                self.link_failures += 1;
                self.link_note = Some(LinkNote::Failed(message));
            }
            Reply::Shared(link) => self.share_link = Some(link),
            // Exercises are the exercise view's business (see `ui::exercises`).
            Reply::PackLoaded { .. } | Reply::PackFailed { .. } | Reply::Graded(_) => {}
            Reply::Exported { format, text, redacted } => {
                if self.export_format == Some(format) {
                    self.export_text = Some(text);
                    self.export_redacted = redacted;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exchange::Exchange;

    fn loaded(total: usize, skipped: Vec<String>) -> Reply {
        let mut first = Exchange::default();
        first.response.status = 201;
        Reply::Loaded {
            format: "HAR".into(),
            total,
            skipped,
            first: Some(Box::new(first)),
            held: Held::default(),
        }
    }

    #[test]
    fn held_rows_arrive_once_and_a_restart_says_they_were_lost() {
        use crate::core::exchange::Header;
        use crate::engine::protocol::Side;
        let mut state = ComposerState::default();
        let mut first = Exchange::default();
        first.response.headers.push("X-Field-0", "0");
        let held = Held { source: 9, request: 0, response: 500 };
        let load = Reply::Loaded {
            format: "raw HTTP".into(),
            total: 1,
            skipped: Vec::new(),
            first: Some(Box::new(first)),
            held,
        };
        state.apply_engine(EngineAction::Reply(load));
        assert_eq!(state.held, held);
        let fields: Vec<Header> =
            (1..=200).map(|i| Header::new(format!("X-Field-{i}"), "v")).collect();
        let taken = Reply::HeldTaken { side: Side::Response, source: 9, fields: fields.clone() };
        state.apply_engine(EngineAction::Reply(taken));
        assert_eq!(state.exchange.response.headers.0.len(), 201);
        assert_eq!(state.held.response, 300);
        // The rows of an older exchange never join this one.
        let stale = Reply::HeldTaken { side: Side::Response, source: 8, fields };
        state.apply_engine(EngineAction::Reply(stale));
        assert_eq!(state.exchange.response.headers.0.len(), 201);

        state.apply_engine(EngineAction::Restarted { lost_entries: false });
        assert!(!state.held.any());
        assert!(state.engine_note.as_deref().is_some_and(|n| n.contains("300 header fields")));
        assert_eq!(state.exchange.response.headers.0.len(), 201, "the rows shown stay");
    }

    #[test]
    fn a_load_opens_the_first_entry_and_sizes_the_table() {
        let mut state = ComposerState::default();
        state.apply_engine(EngineAction::Reply(Reply::Progress { done: 5, total: 10 }));
        assert_eq!(state.loading, Some(LoadState { done: 5, total: 10 }));
        state.apply_engine(EngineAction::Reply(loaded(10, Vec::new())));
        assert_eq!(state.loading, None);
        assert_eq!(state.exchange.response.status, 201);
        assert_eq!(state.entries.total, 10);
        assert_eq!(state.preset, None);
        assert!(state.load_note.as_deref().is_some_and(|n| n.contains("10 exchanges")));
    }

    #[test]
    fn a_loaded_set_comes_back_after_a_reload_with_its_entry_open() {
        use crate::state::ComposerAction;
        let mut state = ComposerState::default();
        state.reduce(ComposerAction::RestoreLoaded { text: "{…}".into(), selected: 57 });
        state.apply_engine(EngineAction::Reply(loaded(60, Vec::new())));
        assert_eq!(state.entries.page, 1, "the page holding entry 58 is asked for");
        let rows = (50..60)
            .map(|index| {
                let mut exchange = Exchange::default();
                exchange.response.status = 200 + index as u16;
                EntryRow { index, exchange, worst: None }
            })
            .collect();
        state.apply_engine(EngineAction::Reply(Reply::Page { page: 1, total: 60, rows }));
        assert_eq!(state.entries.selected, 57);
        assert_eq!(state.exchange.response.status, 257);
        assert_eq!(state.reopen_entry, None);
    }

    #[test]
    fn a_set_too_large_to_keep_says_so() {
        use crate::state::ComposerAction;
        let mut state = ComposerState::default();
        state.reduce(ComposerAction::SourceKept { text: None, bytes: 33 << 20 });
        state.apply_engine(EngineAction::Reply(loaded(50_000, Vec::new())));
        let note = state.load_note.expect("a note");
        assert!(note.contains("33.0 MB it is too large to keep"), "{note}");
    }

    #[test]
    fn skipped_entries_are_counted_and_explained() {
        let mut state = ComposerState::default();
        state.apply_engine(EngineAction::Reply(loaded(3, vec!["entry 2: status 0".into()])));
        let note = state.load_note.expect("a note");
        assert!(note.contains("1 entry was skipped: entry 2: status 0"), "{note}");
    }

    #[test]
    fn a_new_exchange_never_shows_the_old_analysis() {
        let mut state = ComposerState::default();
        let analysis = crate::core::analysis::analyze(
            &state.exchange,
            crate::core::analysis::AnalysisOptions::new(
                crate::core::lint::Profile::Rfc,
                crate::core::time::UnixTime(0),
            ),
        );
        state.apply_engine(EngineAction::Reply(Reply::Analyzed(Box::new(analysis))));
        assert!(state.analysis.is_some());
        state.apply_engine(EngineAction::Reply(loaded(3, Vec::new())));
        assert!(state.analysis.is_none(), "the old analysis is gone until the new one arrives");
    }

    #[test]
    fn a_failed_load_keeps_the_exchange() {
        let mut state = ComposerState::default();
        let before = state.exchange.clone();
        state.apply_engine(EngineAction::Reply(Reply::LoadFailed { message: "line 3: x".into() }));
        assert_eq!(state.exchange, before);
        assert_eq!(state.paste_error.as_deref(), Some("line 3: x"));
    }

    #[test]
    fn a_restart_keeps_the_exchange_and_says_what_was_lost() {
        let mut state = ComposerState::default();
        state.apply_engine(EngineAction::Reply(loaded(4, Vec::new())));
        let exchange = state.exchange.clone();
        state.apply_engine(EngineAction::Restarted { lost_entries: true });
        assert_eq!(state.exchange, exchange);
        assert_eq!(state.entries.total, 0);
        assert!(state.engine_note.as_deref().is_some_and(|n| n.contains("open the file again")));
    }
}
