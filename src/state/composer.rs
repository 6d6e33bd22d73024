//! The composer: the exchange being edited, and every edit to it.

use std::rc::Rc;

use super::engine::{EntriesView, LoadState};
use crate::core::{
    analysis::Analysis,
    exchange::{BodyCapture, BodyEncoding, Exchange, Headers, HttpVersion},
    export::Format,
    lint::{AutoFix, Edit, Profile},
    presets,
    problem::SchemaInput,
    retry::BackoffSettings,
    share::{ShareLink, SharedState},
    time::UnixTime,
};
use crate::engine::protocol::Held;
use crate::validator::ValidateReply;

/// Which half of the exchange an edit applies to.
pub use crate::engine::protocol::Side;

/// The composer's editable exchange and its inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct ComposerState {
    /// The exchange, except the fields the engine holds (`held`).
    pub exchange: Exchange,
    /// Fields of a very long header section that stay in the engine worker
    /// (see `protocol::Held`); every analysis, export and link adds them.
    pub held: Held,
    /// The status field as typed; the exchange keeps the last valid number.
    pub status_text: String,
    pub profile: Profile,
    /// The preset the exchange started from, if any.
    pub preset: Option<String>,
    /// A preset asked for whose exchange the engine has not sent yet.
    pub pending_preset: Option<String>,
    /// The saved exchange is being read back by the engine.
    pub restoring: bool,
    /// Why the last pasted or opened input could not be read. The text
    /// itself stays in the (uncontrolled) paste box, so nothing is lost.
    pub paste_error: Option<String>,
    /// A load in progress (the engine reads it in the worker).
    pub loading: Option<LoadState>,
    /// What the last load held, e.g. "The input held 3 exchanges".
    pub load_note: Option<String>,
    /// The loaded entries the engine keeps, one table page at a time.
    pub entries: EntriesView,
    /// The engine's latest analysis of `exchange` (shared: it is rendered,
    /// not edited).
    pub analysis: Option<Rc<Analysis>>,
    /// Something the user should know about the engine (it restarted).
    pub engine_note: Option<String>,
    /// Counts changes of `exchange`. Effects that follow the exchange
    /// depend on it rather than on a copy of the exchange: with a 10 MB body,
    /// copying and comparing the exchange on every render would cost more
    /// than the edit itself.
    pub revision: u64,
    /// Counts changes of the bodies that did not come from typing in them
    /// (a load, a fix): the body editors are uncontrolled, because reading a
    /// 10 MB text area back on every render would block the page, and are
    /// refreshed when this changes.
    pub body_revision: u64,
    /// The export format chosen, and the engine's text for it.
    pub export_format: Option<Format>,
    pub export_text: Option<String>,
    /// Credentials stay out of HAR, Markdown and fixture exports unless the
    /// user asks for them.
    pub export_secrets: bool,
    /// The backoff the retry advice draws its schedule with (editable).
    pub backoff: BackoffSettings,
    pub export_redacted: Vec<String>,
    /// The user's own JSON Schema for the response body, when set.
    pub user_schema: Option<SchemaInput>,
    /// The validator worker's latest verdicts, for `schema_revision`.
    pub schema_check: Option<ValidateReply>,
    /// Counts what the schema verdicts depend on: the exchange and the
    /// user's schema. A reply for an older count is stale.
    pub schema_revision: u64,
    /// How long the validator worker took to start (download, compile,
    /// first answer), once it has.
    pub validator_startup_ms: Option<f64>,
    /// The exchange before the last one-click fix, and the fix's label,
    /// until the next edit: what Undo restores.
    pub undo: Option<(Box<Exchange>, String)>,
    /// The last fix applied: its label and the field it changed, for the
    /// focus move and the announcement; counted so the same fix twice is
    /// still noticed.
    pub last_fix: Option<(u64, String, FixTarget)>,
    /// The text of the file or paste being loaded, kept so a loaded set of
    /// exchanges survives a reload; `None` when none was loaded or it was
    /// too large to keep (see `loaded_too_large`).
    pub loaded_source: Option<Rc<str>>,
    /// The size in bytes of a loaded input too large to keep.
    pub loaded_too_large: Option<usize>,
    /// After a reload: the entry to open again once its page arrives.
    pub reopen_entry: Option<usize>,
    /// Loads finished in this visit, so the page knows when what it keeps
    /// for a reload should change (not merely because a page opened).
    pub loads_done: u64,
    /// A shared link's payload the engine has not been asked to open yet.
    pub pending_link: Option<String>,
    /// Links that failed to open in this visit: the page then restores the
    /// user's own saved work instead.
    pub link_failures: u64,
    /// What the user should know about the link just opened (or not).
    pub link_note: Option<LinkNote>,
    /// The cache timeline's moment, seconds after receipt (shared by links).
    pub cache_moment_s: i64,
    /// The analysis moment a link carried, so its ages and Retry-After
    /// dates read as the sender saw them; `None`: the clock.
    pub pinned_now: Option<UnixTime>,
    /// The share panel is open: only then is a link kept up to date.
    pub share_open: bool,
    /// Credentials go into the link only when the user ticks the box.
    pub share_secrets: bool,
    /// The engine's link for the current state.
    pub share_link: Option<ShareLink>,
}

/// The outcome of opening a shared link, for the note above the composer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkNote {
    Opened,
    Failed(String),
}

/// The field a fix changed, where focus goes after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixTarget {
    Status,
    Reason,
    Body,
    /// A response header, by name.
    Header(String),
    /// A header was removed: the add button of the response headers.
    Headers,
}

impl FixTarget {
    fn of(fix: &AutoFix) -> FixTarget {
        match fix.edits.first() {
            Some(Edit::SetStatus { .. }) => FixTarget::Status,
            Some(Edit::ClearReason) => FixTarget::Reason,
            Some(Edit::SetBody { .. } | Edit::ClearBody) => FixTarget::Body,
            Some(Edit::SetHeader { name, .. }) => FixTarget::Header(name.clone()),
            Some(Edit::RemoveHeader { .. }) | None => FixTarget::Headers,
        }
    }
}

impl ComposerState {
    pub fn new(exchange: Exchange) -> ComposerState {
        ComposerState {
            status_text: exchange.response.status.to_string(),
            exchange,
            held: Held::default(),
            profile: Profile::Rfc,
            preset: None,
            pending_preset: None,
            restoring: false,
            paste_error: None,
            loading: None,
            load_note: None,
            entries: EntriesView::default(),
            analysis: None,
            engine_note: None,
            revision: 0,
            body_revision: 0,
            export_format: None,
            export_text: None,
            export_secrets: false,
            backoff: BackoffSettings::default(),
            export_redacted: Vec::new(),
            user_schema: None,
            schema_check: None,
            schema_revision: 0,
            validator_startup_ms: None,
            undo: None,
            last_fix: None,
            loaded_source: None,
            loaded_too_large: None,
            reopen_entry: None,
            loads_done: 0,
            pending_link: None,
            link_failures: 0,
            link_note: None,
            cache_moment_s: 0,
            pinned_now: None,
            share_open: false,
            share_secrets: false,
            share_link: None,
        }
    }

    /// Waits for a shared link instead of the default preset or the saved
    /// exchange; if the link cannot be opened, the saved work comes back.
    pub fn expect_link(&mut self, payload: String) {
        self.pending_link = Some(payload);
        self.pending_preset = None;
        self.preset = None;
        self.restoring = true;
    }

    /// The state a link carries (its exchange is filled in by the engine).
    pub fn shared_state(&self) -> SharedState {
        SharedState {
            exchange: String::new(),
            profile: self.profile,
            backoff: (self.backoff != BackoffSettings::default()).then_some(self.backoff),
            schema: self.user_schema.clone(),
            cache_moment_s: self.cache_moment_s,
            analysed_at: self.pinned_now,
        }
    }

    /// True once the exchange shown is the user's or a preset's, so saving
    /// it cannot overwrite saved work with a placeholder.
    pub fn settled(&self) -> bool {
        self.pending_preset.is_none() && !self.restoring
    }

    /// Why the status field's text is not usable, if it is not.
    pub fn status_error(&self) -> Option<String> {
        let text = self.status_text.trim();
        if text.is_empty() {
            Some("Enter a status code.".into())
        } else if !text.bytes().all(|b| b.is_ascii_digit()) || text.parse::<u16>().is_err() {
            Some(format!(
                "\"{text}\" is not a status code: the analysis is paused until it is (it still shows {}).",
                self.exchange.response.status
            ))
        } else {
            None
        }
    }

    /// When the status changes to `status`, a reason phrase that was the
    /// old code's registered one (or a former one) becomes the new code's,
    /// so "204 No Content" → 201 reads "201 Created". A phrase the user
    /// wrote themselves is left alone (the lint notes it if it names
    /// another code); HTTP/2 and HTTP/3 have no phrase.
    fn follow_reason(&mut self, status: u16) {
        let response = &mut self.exchange.response;
        if status == response.status || response.version.is_framed() {
            return;
        }
        let registry = crate::core::registry::Registry::global();
        let was_registered = match (response.reason.as_deref(), registry.entry(response.status)) {
            (Some(reason), Some(entry)) => {
                let reason = reason.trim();
                entry.name.eq_ignore_ascii_case(reason)
                    || entry.former_names.iter().any(|n| n.eq_ignore_ascii_case(reason))
            }
            _ => false,
        };
        if was_registered {
            response.reason = registry.entry(status).map(|e| e.name.to_string());
        }
    }

    pub(super) fn load(&mut self, exchange: Exchange) {
        self.status_text = exchange.response.status.to_string();
        self.exchange = exchange;
        // The caller sets what the engine holds of a loaded exchange.
        self.held = Held::default();
        // The analysis of the exchange this one replaces says nothing about
        // it: show none until the engine answers, never the old one.
        self.analysis = None;
        self.revision += 1;
        self.schema_revision += 1;
        self.body_revision += 1;
    }

    pub(super) fn headers_mut(&mut self, side: Side) -> &mut Headers {
        match side {
            Side::Request => &mut self.exchange.request.headers,
            Side::Response => &mut self.exchange.response.headers,
        }
    }
}

impl Default for ComposerState {
    fn default() -> Self {
        // The first preset, whose exchange the engine sends (only the engine
        // holds preset texts: see `build.rs`).
        let mut state = ComposerState::new(Exchange::default());
        state.preset = presets::all().first().map(|p| p.id.to_string());
        state.pending_preset = state.preset.clone();
        state
    }
}

/// An edit in the composer.
#[derive(Debug, Clone, PartialEq)]
pub enum ComposerAction {
    LoadPreset(String),
    SetMethod(String),
    SetTarget(String),
    SetVersion(Side, HttpVersion),
    SetStatus(String),
    SetReason(String),
    SetBody(Side, String),
    SetHeaderName(Side, usize, String),
    SetHeaderValue(Side, usize, String),
    AddHeader(Side, String, String),
    RemoveHeader(Side, usize),
    SetProfile(Profile),
    ApplyFix(AutoFix),
    /// The user asked the engine to read a paste or a file.
    LoadStarted,
    /// Show page N of the entries table (the engine sends its rows).
    SetEntriesPage(usize),
    /// Open entry N (on the page shown) in the composer.
    OpenEntry(usize),
    /// Show the exchange in this export format (the engine writes it).
    ChooseExport(Format),
    /// Include credentials in shared export formats.
    SetExportSecrets(bool),
    /// New backoff settings for the retry schedule.
    SetBackoff(BackoffSettings),
    /// Restore an exchange saved in an earlier visit.
    Restore(Box<Exchange>),
    /// The saved exchange is being read back (by the engine): a default
    /// preset must not replace it.
    RestoreRequested,
    /// Validate the response body against this schema too (`None`: stop).
    SetUserSchema(Option<SchemaInput>),
    /// The validator worker answered for `revision`.
    SchemaChecked {
        revision: u64,
        reply: ValidateReply,
    },
    /// The validator worker is up, after this many milliseconds.
    ValidatorStarted(f64),
    /// Restore the exchange as it was before the last one-click fix.
    UndoFix,
    /// The text of the input being loaded (kept for a reload), or only its
    /// size when it is too large to keep.
    SourceKept {
        text: Option<Rc<str>>,
        bytes: usize,
    },
    /// A set of exchanges from an earlier visit is being read back; reopen
    /// entry `selected` when it arrives.
    RestoreLoaded {
        text: Rc<str>,
        selected: usize,
    },
    /// The engine was asked to open the pending link.
    LinkRequested,
    DismissLinkNote,
    SetCacheMoment(i64),
    /// Analyse at the clock again, not at a link's moment.
    UseCurrentTime,
    SetShareOpen(bool),
    SetShareSecrets(bool),
}

impl ComposerAction {
    /// True for the actions that may change the exchange.
    fn edits_exchange(&self) -> bool {
        !matches!(
            self,
            ComposerAction::SetProfile(_)
                | ComposerAction::LoadStarted
                | ComposerAction::SetEntriesPage(_)
                | ComposerAction::ChooseExport(_)
                | ComposerAction::SetExportSecrets(_)
                | ComposerAction::SetBackoff(_)
                | ComposerAction::RestoreRequested
                | ComposerAction::LoadPreset(_)
                | ComposerAction::SetUserSchema(_)
                | ComposerAction::SchemaChecked { .. }
                | ComposerAction::ValidatorStarted(_)
                | ComposerAction::SourceKept { .. }
                | ComposerAction::RestoreLoaded { .. }
                | ComposerAction::LinkRequested
                | ComposerAction::DismissLinkNote
                | ComposerAction::SetCacheMoment(_)
                | ComposerAction::UseCurrentTime
                | ComposerAction::SetShareOpen(_)
                | ComposerAction::SetShareSecrets(_)
        )
    }

    /// Whether the schema verdicts may change: the response (its body,
    /// status or fields) or the user's schema. Request edits do not, so a
    /// keystroke there does not send the body to the validator again.
    fn affects_schema_check(&self) -> bool {
        match self {
            ComposerAction::SetMethod(_)
            | ComposerAction::SetTarget(_)
            | ComposerAction::SetVersion(Side::Request, _)
            | ComposerAction::SetBody(Side::Request, _)
            | ComposerAction::SetHeaderName(Side::Request, ..)
            | ComposerAction::SetHeaderValue(Side::Request, ..)
            | ComposerAction::AddHeader(Side::Request, ..)
            | ComposerAction::RemoveHeader(Side::Request, _) => false,
            ComposerAction::SetUserSchema(_) => true,
            other => other.edits_exchange(),
        }
    }

    /// An edit the user made to the exchange in the editors (not a load).
    fn is_users_edit(&self) -> bool {
        self.edits_exchange()
            && !matches!(
                self,
                ComposerAction::Restore(_) | ComposerAction::OpenEntry(_) | ComposerAction::UndoFix
            )
    }
}

impl ComposerState {
    /// Applies one edit.
    pub fn reduce(&mut self, action: ComposerAction) {
        if action.affects_schema_check() {
            self.schema_revision += 1;
        }
        if action.edits_exchange() {
            self.revision += 1;
        }
        if action.is_users_edit() {
            // Edited, a preset's exchange is the user's own: the address and
            // the preset picker say so, and a reload restores it, not the preset.
            self.preset = None;
            if !matches!(action, ComposerAction::ApplyFix(_)) {
                self.undo = None;
            }
        }
        let c = self;

        match action {
            ComposerAction::LoadPreset(id) => {
                if presets::find(&id).is_some() {
                    c.preset = Some(id.clone());
                    c.pending_preset = Some(id);
                }
            }
            ComposerAction::RestoreRequested => {
                c.pending_preset = None;
                c.preset = None;
                c.restoring = true;
            }
            ComposerAction::SetMethod(method) => c.exchange.request.method = method,
            ComposerAction::SetTarget(target) => c.exchange.request.target = target,
            ComposerAction::SetVersion(Side::Request, version) => {
                c.exchange.request.version = version
            }
            ComposerAction::SetVersion(Side::Response, version) => {
                c.exchange.response.version = version
            }
            ComposerAction::SetStatus(text) => {
                if let Ok(status) = text.trim().parse::<u16>() {
                    c.follow_reason(status);
                    c.exchange.response.status = status;
                }
                c.status_text = text;
            }
            ComposerAction::SetReason(reason) => {
                c.exchange.response.reason = Some(reason).filter(|r| !r.is_empty());
            }
            // A typed body is exactly what it says: complete, and UTF-8.
            ComposerAction::SetBody(Side::Request, body) => {
                let request = &mut c.exchange.request;
                request.body = body;
                request.body_capture = BodyCapture::Complete;
                request.body_encoding = BodyEncoding::Utf8;
            }
            ComposerAction::SetBody(Side::Response, body) => {
                let response = &mut c.exchange.response;
                response.body = body;
                response.body_capture = BodyCapture::Complete;
                response.body_encoding = BodyEncoding::Utf8;
            }
            ComposerAction::SetHeaderName(side, index, name) => {
                if let Some(header) = c.headers_mut(side).0.get_mut(index) {
                    header.name = name;
                }
            }
            ComposerAction::SetHeaderValue(side, index, value) => {
                if let Some(header) = c.headers_mut(side).0.get_mut(index) {
                    header.value = value;
                }
            }
            ComposerAction::AddHeader(side, name, value) => c.headers_mut(side).push(name, value),
            ComposerAction::RemoveHeader(side, index) => {
                let headers = c.headers_mut(side);
                if index < headers.0.len() {
                    headers.0.remove(index);
                }
            }
            ComposerAction::SetProfile(profile) => c.profile = profile,
            ComposerAction::ApplyFix(fix) => {
                c.undo = Some((Box::new(c.exchange.clone()), fix.label.clone()));
                let count = c.last_fix.as_ref().map_or(0, |(n, _, _)| n + 1);
                c.last_fix = Some((count, fix.label.clone(), FixTarget::of(&fix)));
                c.body_revision += 1;
                fix.apply(&mut c.exchange);
                c.status_text = c.exchange.response.status.to_string();
            }
            ComposerAction::UndoFix => {
                if let Some((before, _)) = c.undo.take() {
                    c.exchange = *before;
                    c.status_text = c.exchange.response.status.to_string();
                    c.body_revision += 1;
                    c.last_fix = None;
                }
            }
            ComposerAction::LoadStarted => {
                c.loading = Some(LoadState::default());
                c.paste_error = None;
            }
            ComposerAction::SetEntriesPage(page) => c.entries.page = page,
            ComposerAction::OpenEntry(index) => {
                let row = c.entries.rows.iter().find(|row| row.index == index);
                if let Some(exchange) = row.map(|row| row.exchange.clone()) {
                    c.load(exchange);
                    c.entries.selected = index;
                    c.preset = None;
                }
            }
            ComposerAction::SetBackoff(settings) => c.backoff = settings.sanitized(),
            ComposerAction::LinkRequested => c.pending_link = None,
            ComposerAction::DismissLinkNote => c.link_note = None,
            ComposerAction::SetCacheMoment(moment) => c.cache_moment_s = moment.max(0),
            ComposerAction::UseCurrentTime => c.pinned_now = None,
            ComposerAction::SetShareOpen(open) => c.share_open = open,
            ComposerAction::SetShareSecrets(include) => {
                c.share_secrets = include;
                c.share_link = None;
            }
            ComposerAction::SetExportSecrets(include) => {
                c.export_secrets = include;
                c.export_text = None;
            }
            ComposerAction::ChooseExport(format) => {
                c.export_format = Some(format);
                c.export_text = None;
            }
            ComposerAction::Restore(exchange) => {
                c.load(*exchange);
                c.preset = None;
                c.pending_preset = None;
            }
            ComposerAction::SetUserSchema(schema) => {
                c.user_schema = schema;
                c.schema_check = None;
            }
            // Only the answer for what is on screen now is kept.
            ComposerAction::SchemaChecked { revision, reply } => {
                if revision == c.schema_revision {
                    c.schema_check = Some(reply);
                }
            }
            ComposerAction::ValidatorStarted(ms) => c.validator_startup_ms = Some(ms),
            ComposerAction::SourceKept { text, bytes } => {
                c.loaded_too_large = text.is_none().then_some(bytes);
                c.loaded_source = text;
            }
            ComposerAction::RestoreLoaded { text, selected } => {
                c.pending_preset = None;
                c.preset = None;
                c.restoring = true;
                c.loaded_source = Some(text);
                c.reopen_entry = Some(selected);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exchange::Header;

    #[test]
    fn a_stale_schema_verdict_is_dropped() {
        let mut state = ComposerState::new(Exchange::default());
        let reply =
            |id| ValidateReply { id, standard: None, user: None, elapsed_ms: 1.0, body_bytes: 2 };
        let asked = state.schema_revision;
        state.reduce(ComposerAction::SetBody(Side::Response, "{}".into()));
        state.reduce(ComposerAction::SchemaChecked { revision: asked, reply: reply(1) });
        assert_eq!(state.schema_check, None, "the body changed since");
        state.reduce(ComposerAction::SchemaChecked {
            revision: state.schema_revision,
            reply: reply(2),
        });
        assert_eq!(state.schema_check.as_ref().map(|r| r.id), Some(2));
        let schema = SchemaInput { text: "{}".into(), pointer: None };
        state.reduce(ComposerAction::SetUserSchema(Some(schema)));
        assert_eq!(state.schema_check, None, "a new schema clears the old verdict");
        assert_eq!(state.revision, 1, "a schema is not an edit of the exchange");
        let before = state.schema_revision;
        state.reduce(ComposerAction::Restore(Box::default()));
        assert!(state.schema_revision > before, "a loaded exchange is validated again");
    }

    #[test]
    fn the_reason_phrase_follows_the_status_only_when_it_was_the_registered_one() {
        let mut state = ComposerState::new(Exchange::default());
        state.exchange.response.status = 204;
        state.exchange.response.reason = Some("No Content".into());
        state.reduce(ComposerAction::SetStatus("201".into()));
        assert_eq!(state.exchange.response.reason.as_deref(), Some("Created"));
        state.reduce(ComposerAction::SetReason("All good".into()));
        state.reduce(ComposerAction::SetStatus("200".into()));
        assert_eq!(
            state.exchange.response.reason.as_deref(),
            Some("All good"),
            "the user's own words stay"
        );
    }

    #[test]
    fn an_edited_preset_is_the_users_own_and_a_fix_can_be_undone() {
        let mut state = ComposerState::new(Exchange::default());
        state.preset = Some("rate-limited-429".into());
        state.reduce(ComposerAction::SetTarget("/mine".into()));
        assert_eq!(state.preset, None);
        let before = state.exchange.clone();
        let fix = AutoFix::new("use 204", vec![crate::core::lint::Edit::SetStatus { status: 204 }]);
        state.reduce(ComposerAction::ApplyFix(fix));
        assert_eq!(state.last_fix.as_ref().map(|(_, _, t)| t), Some(&FixTarget::Status));
        assert_eq!(state.exchange.response.status, 204);
        state.reduce(ComposerAction::UndoFix);
        assert_eq!(state.exchange, before);
        assert_eq!(state.undo, None);
        // A typed edit after a fix ends the chance to undo it.
        let fix = AutoFix::new("use 204", vec![crate::core::lint::Edit::SetStatus { status: 204 }]);
        state.reduce(ComposerAction::ApplyFix(fix));
        state.reduce(ComposerAction::SetTarget("/other".into()));
        assert_eq!(state.undo, None);
    }

    #[test]
    fn status_text_keeps_the_last_valid_number() {
        let mut state = ComposerState::default();
        state.reduce(ComposerAction::SetStatus("4x".into()));
        assert!(state.status_error().is_some_and(|e| e.contains("paused")));
        state.reduce(ComposerAction::SetStatus("418".into()));
        assert_eq!(state.exchange.response.status, 418);
        assert_eq!(state.status_error(), None);
    }

    #[test]
    fn header_edits_address_rows_by_index_and_ignore_stale_ones() {
        let mut state = ComposerState::new(Exchange::default());
        state.reduce(ComposerAction::AddHeader(Side::Response, "Allow".into(), "GET".into()));
        state.reduce(ComposerAction::SetHeaderValue(Side::Response, 0, "GET, HEAD".into()));
        state.reduce(ComposerAction::SetHeaderName(Side::Response, 5, "ignored".into()));
        assert_eq!(state.exchange.response.headers.0, vec![Header::new("Allow", "GET, HEAD")]);
        state.reduce(ComposerAction::RemoveHeader(Side::Response, 3));
        state.reduce(ComposerAction::RemoveHeader(Side::Response, 0));
        assert!(state.exchange.response.headers.0.is_empty());
    }

    #[test]
    fn a_fix_updates_the_status_field_too() {
        let mut state = ComposerState::new(Exchange::default());
        let fix = AutoFix::new("use 204", vec![crate::core::lint::Edit::SetStatus { status: 204 }]);
        state.reduce(ComposerAction::ApplyFix(fix));
        assert_eq!(state.status_text, "204");
        assert_eq!(state.exchange.response.reason.as_deref(), Some("No Content"));
    }

    #[test]
    fn restoring_leaves_the_preset() {
        let mut state = ComposerState::default();
        assert!(state.preset.is_some());
        let mut saved = Exchange::default();
        saved.response.status = 410;
        state.reduce(ComposerAction::Restore(Box::new(saved)));
        assert_eq!(state.preset, None);
        assert_eq!(state.status_text, "410");
    }
}
