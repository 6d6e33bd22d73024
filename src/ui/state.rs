//! All of the playground's state and the only way to change it.
//!
//! Persistence and other side effects happen in `use_effect_with` in the
//! components, never in `reduce`.

use std::rc::Rc;

use yew::Reducible;

use crate::core::{
    exchange::{parse_input, Exchange, Headers, HttpVersion},
    lint::{AutoFix, Profile},
    presets,
    route::Route,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<Theme> {
        match text {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn toggled(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// The exchanges of a loaded HAR, shared and compared by identity: a deep
/// comparison of thousands of exchanges on every edit would cost more than
/// the edit itself.
#[derive(Debug, Clone, Default)]
pub struct EntryList(pub Rc<Vec<Exchange>>);

impl PartialEq for EntryList {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for EntryList {
    type Target = Vec<Exchange>;

    fn deref(&self) -> &Vec<Exchange> {
        &self.0
    }
}

/// Which half of the exchange an edit applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Request,
    Response,
}

/// The composer's editable exchange and its inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct ComposerState {
    pub exchange: Exchange,
    /// The status field as typed; the exchange keeps the last valid number.
    pub status_text: String,
    pub profile: Profile,
    /// The preset the exchange started from, if any.
    pub preset: Option<String>,
    /// Why the last pasted or opened input could not be read. The text
    /// itself stays in the (uncontrolled) paste box, so nothing is lost.
    pub paste_error: Option<String>,
    /// HAR entries parsed so far and in all, while a HAR loads.
    pub loading: Option<(usize, usize)>,
    /// How many exchanges the last paste held (a HAR has many).
    pub pasted_count: usize,
    /// Every exchange of the last paste, for the entries table (shared, as
    /// a large HAR is not copied on each edit).
    pub entries: EntryList,
    /// The entry shown in the composer.
    pub selected: usize,
    /// The page of the entries table.
    pub entries_page: usize,
}

impl ComposerState {
    pub fn new(exchange: Exchange) -> ComposerState {
        ComposerState {
            status_text: exchange.response.status.to_string(),
            exchange,
            profile: Profile::Rfc,
            preset: None,
            paste_error: None,
            loading: None,
            pasted_count: 0,
            entries: EntryList::default(),
            selected: 0,
            entries_page: 0,
        }
    }

    /// Why the status field's text is not usable, if it is not.
    pub fn status_error(&self) -> Option<String> {
        let text = self.status_text.trim();
        if text.is_empty() {
            Some("Enter a status code.".into())
        } else if !text.bytes().all(|b| b.is_ascii_digit()) || text.parse::<u16>().is_err() {
            Some(format!(
                "\"{text}\" is not a number; the analysis uses {}.",
                self.exchange.response.status
            ))
        } else {
            None
        }
    }

    fn load(&mut self, exchange: Exchange) {
        self.status_text = exchange.response.status.to_string();
        self.exchange = exchange;
    }

    fn headers_mut(&mut self, side: Side) -> &mut Headers {
        match side {
            Side::Request => &mut self.exchange.request.headers,
            Side::Response => &mut self.exchange.response.headers,
        }
    }
}

impl Default for ComposerState {
    fn default() -> Self {
        let exchange = presets::all().first().map(|p| p.load()).unwrap_or_default();
        let mut state = ComposerState::new(exchange);
        state.preset = presets::all().first().map(|p| p.id.to_string());
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
    /// Read pasted raw HTTP or curl output into the composer (HAR files go
    /// through `har_loader` and `EntriesLoaded`).
    LoadText(String),
    ApplyFix(AutoFix),
    /// A HAR is being read in slices (see `har_loader`).
    EntriesProgress {
        done: usize,
        total: usize,
    },
    /// Every exchange of a HAR, read.
    EntriesLoaded(EntryList),
    /// The input could not be read: why, naming the line.
    LoadFailed(String),
    /// Open entry N of the pasted HAR in the composer.
    OpenEntry(usize),
    SetEntriesPage(usize),
    /// Restore an exchange saved in an earlier visit.
    Restore(Box<Exchange>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub route: Route,
    /// The text in the search box. It survives visits to code pages, so
    /// "Back to results" returns to the same list.
    pub query: String,
    pub theme: Theme,
    pub composer: ComposerState,
}

impl AppState {
    pub fn new(route: Route, theme: Theme) -> AppState {
        let query = match &route {
            Route::Reference { query } => query.clone(),
            _ => String::new(),
        };
        let mut composer = ComposerState::default();
        if let Route::Composer { preset: Some(id) } = &route {
            reduce_composer(&mut composer, ComposerAction::LoadPreset(id.clone()));
        }
        AppState { route, query, theme, composer }
    }
}

fn reduce_composer(c: &mut ComposerState, action: ComposerAction) {
    match action {
        ComposerAction::LoadPreset(id) => {
            if let Some(preset) = presets::find(&id) {
                c.load(preset.load());
                c.preset = Some(id);
            }
        }
        ComposerAction::SetMethod(method) => c.exchange.request.method = method,
        ComposerAction::SetTarget(target) => c.exchange.request.target = target,
        ComposerAction::SetVersion(Side::Request, version) => c.exchange.request.version = version,
        ComposerAction::SetVersion(Side::Response, version) => {
            c.exchange.response.version = version
        }
        ComposerAction::SetStatus(text) => {
            if let Ok(status) = text.trim().parse::<u16>() {
                c.exchange.response.status = status;
            }
            c.status_text = text;
        }
        ComposerAction::SetReason(reason) => {
            c.exchange.response.reason = Some(reason).filter(|r| !r.is_empty());
        }
        ComposerAction::SetBody(Side::Request, body) => c.exchange.request.body = body,
        ComposerAction::SetBody(Side::Response, body) => c.exchange.response.body = body,
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
        ComposerAction::LoadText(text) => match parse_input(&text) {
            Ok(parsed) => {
                c.pasted_count = parsed.exchanges.len();
                if let Some(first) = parsed.exchanges.first() {
                    c.load(first.clone());
                }
                c.entries = EntryList(Rc::new(if parsed.exchanges.len() > 1 {
                    parsed.exchanges
                } else {
                    Vec::new()
                }));
                c.selected = 0;
                c.entries_page = 0;
                c.preset = None;
                c.paste_error = None;
            }
            // The pasted text stays in the box, so nothing the user typed is lost.
            Err(error) => c.paste_error = Some(error.to_string()),
        },
        ComposerAction::ApplyFix(fix) => {
            fix.apply(&mut c.exchange);
            c.status_text = c.exchange.response.status.to_string();
        }
        ComposerAction::EntriesProgress { done, total } => {
            c.loading = Some((done, total));
            c.paste_error = None;
        }
        ComposerAction::EntriesLoaded(EntryList(entries)) => {
            c.loading = None;
            c.pasted_count = entries.len();
            if let Some(first) = entries.first() {
                c.load(first.clone());
            }
            c.entries = EntryList(if entries.len() > 1 { entries } else { Rc::new(Vec::new()) });
            c.selected = 0;
            c.entries_page = 0;
            c.preset = None;
            c.paste_error = None;
        }
        ComposerAction::LoadFailed(error) => {
            c.loading = None;
            c.paste_error = Some(error);
        }
        ComposerAction::OpenEntry(index) => {
            if let Some(exchange) = c.entries.get(index) {
                c.load(exchange.clone());
                c.selected = index;
            }
        }
        ComposerAction::SetEntriesPage(page) => c.entries_page = page,
        ComposerAction::Restore(exchange) => {
            c.load(*exchange);
            c.preset = None;
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The fragment changed (link, Back button, typed address).
    Navigate(Route),
    /// The user typed in the search box.
    Search(String),
    ToggleTheme,
    Composer(ComposerAction),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Navigate(route) => {
                if let Route::Reference { query } = &route {
                    next.query = query.clone();
                }
                if let Route::Composer { preset: Some(id) } = &route {
                    if next.composer.preset.as_deref() != Some(id) {
                        reduce_composer(&mut next.composer, ComposerAction::LoadPreset(id.clone()));
                    }
                }
                next.route = route;
            }
            Action::Search(query) => {
                next.route = Route::Reference { query: query.clone() };
                next.query = query;
            }
            Action::ToggleTheme => next.theme = next.theme.toggled(),
            Action::Composer(action) => reduce_composer(&mut next.composer, action),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
