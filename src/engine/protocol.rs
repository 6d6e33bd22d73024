//! The typed protocol between the page and the engine worker. Every request
//! carries a sequence number chosen by the page; every reply names the
//! request it answers, so the page can drop a reply that a newer request has
//! superseded (a stale analysis never replaces a newer one).
//!
//! Plain serde types, compiled natively too, so the bookkeeping below is
//! tested by `cargo test`.

use serde::{Deserialize, Serialize};

use crate::core::{
    analysis::{Analysis, AnalysisOptions},
    exchange::{Exchange, Header, Headers, Request, Response},
    exercise::{Exercise, Grade, Pack},
    export::Format,
    lint::Severity,
    share::{ShareLink, SharedState},
    time::UnixTime,
};

/// Rows per page of the entries table: the worker analyses only the rows
/// the page shows.
pub const PAGE_SIZE: usize = 50;

/// What the page asks of the engine. File contents travel separately (see
/// `engine::Request`), so this enum stays free of browser types.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Analyse the composer's exchange. A large body that has not changed
    /// since the last request is sent empty and flagged in `reuse`.
    Analyze {
        exchange: Exchange,
        options: AnalysisOptions,
        #[serde(default)]
        reuse: BodyReuse,
        /// The fields the worker holds after the page's rows (see `Held`).
        #[serde(default)]
        held: Held,
    },
    /// Read pasted text (raw HTTP, curl output or HAR) into exchanges.
    LoadText { text: String },
    /// Read a file the user chose or dropped.
    LoadFile { name: String },
    /// Stop the load in progress.
    Cancel,
    /// One page of the loaded entries, each with its worst finding.
    EntriesPage { page: usize, options: AnalysisOptions },
    /// A preset's exchange (only the engine holds their text).
    LoadPreset { id: String },
    /// The exchange written out in another format (with its analysis where
    /// the format carries one).
    Export {
        format: Format,
        exchange: Exchange,
        options: AnalysisOptions,
        include_secrets: bool,
        #[serde(default)]
        held: Held,
    },
    /// Read a shared link's payload (`share`) and the exchange in it.
    OpenLink { payload: String },
    /// The link for `exchange` and the rest of `state` (whose `exchange`
    /// text the engine fills in). `base_len`: the address's length before
    /// the payload, for the chat-length verdict.
    Share {
        exchange: Exchange,
        state: SharedState,
        include_secrets: bool,
        base_len: usize,
        #[serde(default)]
        held: Held,
    },
    /// The next `count` held fields of `side`, to edit on the page; `held`
    /// is what the page believes the worker holds.
    TakeHeld { side: Side, held: Held, count: usize },
    /// Read an exercise pack.
    LoadPack { source: PackSource },
    /// Grade a response (raw HTTP) to an exercise, whose request it answers.
    Grade { exercise: Box<Exercise>, response: String, now: UnixTime },
}

/// Where an exercise pack comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PackSource {
    /// The pack that ships with the product.
    Builtin,
    /// A workshop's pack file, as text.
    Text(String),
    /// A pack shared as a link (`#/exercises/pack/<payload>`).
    Link(String),
}

/// One row of the entries table, with its exchange so that opening a
/// visible row needs no round trip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryRow {
    pub index: usize,
    pub exchange: Exchange,
    pub worst: Option<(Severity, String)>,
}

/// What the engine answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    Analyzed(Box<Analysis>),
    /// A load is under way: entries read so far and in all (0 while the
    /// file is still being scanned).
    Progress {
        done: usize,
        total: usize,
    },
    /// A load finished. `first` is the exchange to open in the composer.
    Loaded {
        format: String,
        total: usize,
        skipped: Vec<String>,
        first: Option<Box<Exchange>>,
        /// Fields of `first` the worker kept back (see `Held`).
        #[serde(default)]
        held: Held,
    },
    /// The input could not be read: why, naming the line.
    LoadFailed {
        message: String,
    },
    Cancelled,
    Page {
        page: usize,
        total: usize,
        rows: Vec<EntryRow>,
    },
    Exported {
        format: Format,
        text: String,
        /// Fields whose secret values the text leaves out.
        redacted: Vec<String>,
    },
    Preset {
        id: String,
        exchange: Box<Exchange>,
    },
    LinkOpened {
        state: Box<SharedState>,
        exchange: Box<Exchange>,
        #[serde(default)]
        held: Held,
    },
    /// Held fields released to the page, to append to `side`'s rows.
    HeldTaken {
        side: Side,
        source: u64,
        fields: Vec<Header>,
    },
    /// The link could not be opened: why, in words for the user.
    LinkFailed {
        message: String,
    },
    Shared(ShareLink),
    /// A pack was read; `text` is the workshop's TOML (`None` for the
    /// shipped pack), kept for the next visit, with its link payload.
    PackLoaded {
        pack: Box<Pack>,
        text: Option<String>,
        link: Option<String>,
    },
    PackFailed {
        message: String,
    },
    Graded(Grade),
}

/// Which bodies the worker should take from its copy of the last ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyReuse {
    pub request: bool,
    pub response: bool,
}

/// Large bodies cross the worker boundary once. Each keystroke sends the
/// whole exchange to the worker; re-sending an unchanged 10 MB body each
/// time would cost the page tens of milliseconds per keystroke. Both sides
/// keep the last large bodies: the page strips an unchanged one from the
/// message, the worker puts its copy back.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BodyCache {
    request: Option<String>,
    response: Option<String>,
}

/// Bodies below this size are always sent: comparing and caching them
/// would cost more than sending them.
pub const REUSE_FROM_BYTES: usize = 64 * 1024;

fn strip_one(cached: &mut Option<String>, body: &mut String) -> bool {
    if body.len() < REUSE_FROM_BYTES {
        *cached = None;
        return false;
    }
    if cached.as_deref() == Some(body.as_str()) {
        body.clear();
        return true;
    }
    *cached = Some(body.clone());
    false
}

fn restore_one(cached: &mut Option<String>, body: &mut String, reuse: bool) {
    if reuse {
        if let Some(kept) = cached {
            body.clone_from(kept);
        }
    } else {
        *cached = (body.len() >= REUSE_FROM_BYTES).then(|| body.clone());
    }
}

/// A copy of `body` for the message: empty when the cache already holds it.
fn copy_one(cached: &mut Option<String>, body: &str) -> (String, bool) {
    if body.len() >= REUSE_FROM_BYTES && cached.as_deref() == Some(body) {
        return (String::new(), true);
    }
    *cached = (body.len() >= REUSE_FROM_BYTES).then(|| body.to_string());
    (body.to_string(), false)
}

impl BodyCache {
    /// The page's side, from a borrowed exchange: copies it for the message
    /// without copying an unchanged large body first.
    pub fn copy_for_message(&mut self, exchange: &Exchange) -> (Exchange, BodyReuse) {
        let (request_body, request) = copy_one(&mut self.request, &exchange.request.body);
        let (response_body, response) = copy_one(&mut self.response, &exchange.response.body);
        let message = Exchange {
            request: Request { body: request_body, ..request_without_body(&exchange.request) },
            response: Response { body: response_body, ..response_without_body(&exchange.response) },
            request_known: exchange.request_known,
        };
        (message, BodyReuse { request, response })
    }

    /// The page's side: takes unchanged large bodies out of `exchange`.
    pub fn strip(&mut self, exchange: &mut Exchange) -> BodyReuse {
        BodyReuse {
            request: strip_one(&mut self.request, &mut exchange.request.body),
            response: strip_one(&mut self.response, &mut exchange.response.body),
        }
    }

    /// The page's side after a worker restart: puts the stripped bodies back
    /// (the new worker has no copy) and forgets them.
    pub fn unstrip(&mut self, exchange: &mut Exchange, reuse: BodyReuse) {
        restore_one(&mut self.request, &mut exchange.request.body, reuse.request);
        restore_one(&mut self.response, &mut exchange.response.body, reuse.response);
        *self = BodyCache::default();
    }

    /// The worker's side: restores reused bodies, keeps new large ones.
    pub fn restore(&mut self, exchange: &mut Exchange, reuse: BodyReuse) {
        restore_one(&mut self.request, &mut exchange.request.body, reuse.request);
        restore_one(&mut self.response, &mut exchange.response.body, reuse.response);
    }
}

fn request_without_body(request: &Request) -> Request {
    Request {
        method: request.method.clone(),
        target: request.target.clone(),
        version: request.version,
        headers: request.headers.clone(),
        body: String::new(),
        body_capture: request.body_capture,
        body_encoding: request.body_encoding,
    }
}

fn response_without_body(response: &Response) -> Response {
    Response {
        version: response.version,
        status: response.status,
        reason: response.reason.clone(),
        headers: response.headers.clone(),
        body: String::new(),
        body_capture: response.body_capture,
        body_encoding: response.body_encoding,
    }
}

/// Which half of the exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    Request,
    Response,
}

/// A header section longer than this is split: the page gets the first
/// `HELD_WINDOW` fields as rows to edit, the worker keeps the rest and adds
/// them back to every analysis, export and link. A message with 100,000
/// fields then never crosses to the page, where copying, comparing and
/// storing it on each render would block for hundreds of milliseconds.
pub const HOLD_FROM: usize = 1_000;
pub const HELD_WINDOW: usize = 200;

/// How many fields the worker holds after the page's rows, per side, and
/// which reply they came with (`source`): a job naming other fields than
/// the worker holds (a newer load replaced them) gets none added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Held {
    pub source: u64,
    pub request: usize,
    pub response: usize,
}

impl Held {
    pub fn any(&self) -> bool {
        self.total() > 0
    }

    pub fn total(&self) -> usize {
        self.request + self.response
    }

    pub fn count(&self, side: Side) -> usize {
        match side {
            Side::Request => self.request,
            Side::Response => self.response,
        }
    }

    fn count_mut(&mut self, side: Side) -> &mut usize {
        match side {
            Side::Request => &mut self.request,
            Side::Response => &mut self.response,
        }
    }

    /// The page's side: `taken` fields arrived from the worker.
    pub fn took(&mut self, side: Side, taken: usize) {
        let count = self.count_mut(side);
        *count = count.saturating_sub(taken);
    }
}

/// The worker's side: the fields it holds back, per side. They never
/// change until the next load replaces them; the page's `Held` counts say
/// how many of the last ones it has not taken yet.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HeldFields {
    source: u64,
    request: Vec<Header>,
    response: Vec<Header>,
}

fn split_long(headers: &mut Headers) -> Vec<Header> {
    if headers.0.len() > HOLD_FROM {
        headers.0.split_off(HELD_WINDOW)
    } else {
        Vec::new()
    }
}

impl HeldFields {
    fn fields(&self, side: Side) -> &[Header] {
        match side {
            Side::Request => &self.request,
            Side::Response => &self.response,
        }
    }

    /// Keeps back the fields past the window of each long side of an
    /// exchange about to be sent to the page (replacing what was held);
    /// `source` names the reply that carries it.
    pub fn hold_back(&mut self, exchange: &mut Exchange, source: u64) -> Held {
        self.source = source;
        self.request = split_long(&mut exchange.request.headers);
        self.response = split_long(&mut exchange.response.headers);
        Held { source, request: self.request.len(), response: self.response.len() }
    }

    /// The last `count` held fields of `side`: those the page has not taken.
    fn remaining(&self, side: Side, count: usize) -> &[Header] {
        let fields = self.fields(side);
        &fields[fields.len().saturating_sub(count)..]
    }

    /// Whether `held` describes these fields.
    fn matches(&self, held: Held) -> bool {
        held.source == self.source
            && held.request <= self.request.len()
            && held.response <= self.response.len()
    }

    /// Adds back, after the page's rows, the fields the page has not taken.
    pub fn restore(&self, exchange: &mut Exchange, held: Held) {
        if !held.any() || !self.matches(held) {
            return;
        }
        exchange.request.headers.0.extend_from_slice(self.remaining(Side::Request, held.request));
        exchange
            .response
            .headers
            .0
            .extend_from_slice(self.remaining(Side::Response, held.response));
    }

    /// The next `count` fields of `side` for the page to take.
    pub fn take(&self, side: Side, held: Held, count: usize) -> Vec<Header> {
        if !self.matches(held) {
            return Vec::new();
        }
        self.remaining(side, held.count(side)).iter().take(count).cloned().collect()
    }
}

/// How long a request may go unanswered before the page counts the worker
/// as dead and starts another. A worker that has never answered may still be
/// downloading and compiling its wasm: on a slow mobile network (1.6 Mbit/s)
/// its 430 KB of brotli alone take over two seconds, and a restart would only
/// start that download again, for ever. A worker that has answered gets the
/// short limit: from then on, silence means it died or hangs. A long load
/// keeps it alive with progress replies.
pub fn watchdog_ms(answered_before: bool) -> u32 {
    if answered_before {
        3_000
    } else {
        30_000
    }
}

/// A reply with the sequence number of the request it answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub seq: u64,
    pub body: T,
}

/// The page's side of the bookkeeping: which request is the latest of each
/// kind, so an older answer is recognised and dropped.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Sequencer {
    next: u64,
    latest_analysis: u64,
    latest_load: u64,
    latest_page: u64,
    latest_export: u64,
    latest_preset: u64,
    latest_link: u64,
    latest_share: u64,
    latest_pack: u64,
    latest_grade: u64,
    latest_take: u64,
}

/// What the page should do with a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    Current,
    Superseded,
}

impl Sequencer {
    /// Numbers a new request; it supersedes earlier ones of its kind.
    pub fn issue(&mut self, job: &Job) -> u64 {
        self.next += 1;
        let seq = self.next;
        match job {
            Job::Analyze { .. } => self.latest_analysis = seq,
            Job::LoadText { .. } | Job::LoadFile { .. } => self.latest_load = seq,
            // Cancelling ends the current load: its late replies are stale.
            Job::Cancel => self.latest_load = seq,
            Job::EntriesPage { .. } => self.latest_page = seq,
            Job::Export { .. } => self.latest_export = seq,
            Job::LoadPreset { .. } => self.latest_preset = seq,
            Job::OpenLink { .. } => self.latest_link = seq,
            Job::Share { .. } => self.latest_share = seq,
            Job::LoadPack { .. } => self.latest_pack = seq,
            Job::Grade { .. } => self.latest_grade = seq,
            Job::TakeHeld { .. } => self.latest_take = seq,
        }
        seq
    }

    pub fn judge(&self, reply: &Envelope<Reply>) -> Freshness {
        let latest = match reply.body {
            Reply::Analyzed(_) => self.latest_analysis,
            Reply::Progress { .. }
            | Reply::Loaded { .. }
            | Reply::LoadFailed { .. }
            | Reply::Cancelled => self.latest_load,
            Reply::Page { .. } => self.latest_page,
            Reply::Exported { .. } => self.latest_export,
            Reply::Preset { .. } => self.latest_preset,
            Reply::LinkOpened { .. } | Reply::LinkFailed { .. } => self.latest_link,
            Reply::Shared(_) => self.latest_share,
            Reply::PackLoaded { .. } | Reply::PackFailed { .. } => self.latest_pack,
            Reply::Graded(_) => self.latest_grade,
            Reply::HeldTaken { .. } => self.latest_take,
        };
        if reply.seq == latest {
            Freshness::Current
        } else {
            Freshness::Superseded
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{analysis::analyze, exchange::Exchange, lint::Profile, time::UnixTime};

    fn options() -> AnalysisOptions {
        AnalysisOptions::new(Profile::Rfc, UnixTime(0))
    }

    fn analyzed(seq: u64) -> Envelope<Reply> {
        let analysis = analyze(&Exchange::default(), options());
        Envelope { seq, body: Reply::Analyzed(Box::new(analysis)) }
    }

    #[test]
    fn an_older_analysis_never_replaces_a_newer_one() {
        let mut sequencer = Sequencer::default();
        let job = Job::Analyze {
            exchange: Exchange::default(),
            options: options(),
            reuse: BodyReuse::default(),
            held: Held::default(),
        };
        let first = sequencer.issue(&job);
        let second = sequencer.issue(&job);
        assert_eq!(sequencer.judge(&analyzed(first)), Freshness::Superseded);
        assert_eq!(sequencer.judge(&analyzed(second)), Freshness::Current);
    }

    #[test]
    fn kinds_do_not_supersede_each_other() {
        let mut sequencer = Sequencer::default();
        let analysis = sequencer.issue(&Job::Analyze {
            exchange: Exchange::default(),
            options: options(),
            reuse: BodyReuse::default(),
            held: Held::default(),
        });
        let load = sequencer.issue(&Job::LoadText { text: "HTTP/1.1 200 OK\n\n".into() });
        assert_eq!(sequencer.judge(&analyzed(analysis)), Freshness::Current);
        let progress = Envelope { seq: load, body: Reply::Progress { done: 1, total: 2 } };
        assert_eq!(sequencer.judge(&progress), Freshness::Current);
    }

    #[test]
    fn a_cancelled_load_reports_nothing_more() {
        let mut sequencer = Sequencer::default();
        let load = sequencer.issue(&Job::LoadFile { name: "big.har".into() });
        let cancel = sequencer.issue(&Job::Cancel);
        let late = Envelope { seq: load, body: Reply::Progress { done: 9, total: 10 } };
        assert_eq!(sequencer.judge(&late), Freshness::Superseded);
        let done = Envelope { seq: cancel, body: Reply::Cancelled };
        assert_eq!(sequencer.judge(&done), Freshness::Current);
    }

    #[test]
    fn an_unchanged_large_body_crosses_once() {
        let mut page = BodyCache::default();
        let mut worker = BodyCache::default();
        let mut exchange = Exchange::default();
        exchange.response.body = "x".repeat(REUSE_FROM_BYTES + 1);
        let original = exchange.clone();

        let mut first = exchange.clone();
        let reuse = page.strip(&mut first);
        assert_eq!(reuse, BodyReuse::default(), "a new body is sent whole");
        worker.restore(&mut first, reuse);
        assert_eq!(first, original);

        let mut second = exchange.clone();
        second.response.status = 503;
        let reuse = page.strip(&mut second);
        assert!(reuse.response && second.response.body.is_empty(), "unchanged: not sent again");
        worker.restore(&mut second, reuse);
        assert_eq!(second.response.body, original.response.body);
        assert_eq!(second.response.status, 503);

        // The same from a borrowed exchange, without copying the body.
        let (message, reuse) = page.copy_for_message(&exchange);
        assert!(reuse.response && message.response.body.is_empty());
        assert_eq!(message.response.status, original.response.status);

        // After a restart the page puts the body back for the new worker.
        let mut third = exchange.clone();
        let reuse = page.strip(&mut third);
        page.unstrip(&mut third, reuse);
        assert_eq!(third, original);
        assert_eq!(page, BodyCache::default());
    }

    #[test]
    fn small_bodies_are_always_sent() {
        let mut page = BodyCache::default();
        let mut exchange = Exchange::default();
        exchange.response.body = "small".into();
        assert_eq!(page.strip(&mut exchange.clone()), BodyReuse::default());
        assert_eq!(page.strip(&mut exchange), BodyReuse::default());
        assert_eq!(exchange.response.body, "small");
    }

    fn many_fields(n: usize) -> Exchange {
        let mut exchange = Exchange::default();
        for i in 0..n {
            exchange.response.headers.push(format!("X-Field-{i}"), format!("value {i}"));
        }
        exchange.request.headers.push("Host", "a.example");
        exchange
    }

    #[test]
    fn a_long_header_section_stays_in_the_worker_and_every_analysis_gets_it_back() {
        let full = many_fields(100_000);
        let mut worker = HeldFields::default();
        let mut sent = full.clone();
        let held = worker.hold_back(&mut sent, 7);
        assert_eq!(held, Held { source: 7, request: 0, response: 100_000 - HELD_WINDOW });
        assert_eq!(sent.response.headers.0.len(), HELD_WINDOW);
        assert_eq!(sent.request.headers, full.request.headers, "a short side is sent whole");

        // The page edits a row and sends its window back: the analysis sees
        // the edit and every held field, in order.
        let mut edited = sent.clone();
        edited.response.headers.0[3].value = "edited".into();
        let mut restored = edited.clone();
        worker.restore(&mut restored, held);
        assert_eq!(restored.response.headers.0.len(), 100_000);
        assert_eq!(restored.response.headers.0[3].value, "edited");
        assert_eq!(
            restored.response.headers.0[HELD_WINDOW..],
            full.response.headers.0[HELD_WINDOW..]
        );

        // The page takes 200 more rows to edit: nothing is lost or doubled.
        let taken = worker.take(Side::Response, held, HELD_WINDOW);
        assert_eq!(taken[..], full.response.headers.0[HELD_WINDOW..2 * HELD_WINDOW]);
        let mut page_held = held;
        page_held.took(Side::Response, taken.len());
        let mut window = edited.clone();
        window.response.headers.0.extend(taken);
        worker.restore(&mut window, page_held);
        assert_eq!(window.response.headers.0.len(), 100_000);
        assert_eq!(
            window.response.headers.0[HELD_WINDOW..],
            full.response.headers.0[HELD_WINDOW..]
        );
    }

    #[test]
    fn held_fields_of_another_load_are_never_added() {
        let mut worker = HeldFields::default();
        let held = worker.hold_back(&mut many_fields(5_000), 1);
        // A newer load replaced them with a short message.
        worker.hold_back(&mut many_fields(10), 2);
        let mut window = many_fields(HELD_WINDOW);
        worker.restore(&mut window, held);
        assert_eq!(window.response.headers.0.len(), HELD_WINDOW);
        assert!(worker.take(Side::Response, held, 10).is_empty());
    }

    #[test]
    fn short_sections_are_not_held() {
        let mut worker = HeldFields::default();
        let mut exchange = many_fields(HOLD_FROM);
        assert!(!worker.hold_back(&mut exchange, 3).any());
        assert_eq!(exchange.response.headers.0.len(), HOLD_FROM);
    }

    #[test]
    fn the_protocol_round_trips_through_json() {
        let reply = analyzed(7);
        let json = serde_json::to_string(&reply).expect("serialises");
        let back: Envelope<Reply> = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, reply);
    }

    #[test]
    fn a_worker_still_starting_gets_time_to_download_and_compile() {
        // Slow 4G: 430 KB at 1.6 Mbit/s is over 2 s before the first reply.
        let download_ms = 430 * 1024 * 8 / 1_600;
        assert!(watchdog_ms(false) > 10 * download_ms);
        assert!(watchdog_ms(true) < watchdog_ms(false));
        assert!(watchdog_ms(true) >= 1_000, "a busy worker must not count as dead");
    }
}
