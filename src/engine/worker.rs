//! The worker side: a gloo `Worker` that answers [`Job`]s.

use std::{cell::RefCell, rc::Rc};

use gloo_worker::{Codec, HandlerId, Registrable, Worker, WorkerScope};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::protocol::{
    BodyCache, EntryRow, Envelope, HeldFields, Job, PackSource, Reply, PAGE_SIZE,
};
use crate::core::{
    analysis::analyze,
    exchange::{parse_bytes, parse_har_entry, parse_input, Exchange, HarScanner},
    exercise::{core_pack, grade_text, Pack},
    export::{export, Format},
    lint::lint,
    presets,
    redact::redact_secrets,
    share,
};

/// Bytes of HAR scanned, and bytes of entries parsed, between two looks at
/// the message queue: small enough that Cancel is honoured within a few
/// tens of milliseconds, large enough that yielding costs little.
const SCAN_SLICE: usize = 4 << 20;
const PARSE_SLICE: usize = 1 << 20;

/// A request on the wire: the job, plus a browser object (the chosen
/// `File`) that crosses by structured clone instead of being copied through
/// wasm memory on the main thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub seq: u64,
    pub job: Job,
    #[serde(with = "serde_wasm_bindgen::preserve", default)]
    pub payload: JsValue,
}

/// Messages cross as plain JavaScript objects (serde-wasm-bindgen), not
/// bincode bytes: cheaper to build and readable in DevTools.
pub struct JsCodec;

impl Codec for JsCodec {
    fn encode<I: Serialize>(input: I) -> JsValue {
        serde_wasm_bindgen::to_value(&input)
            .unwrap_or_else(|error| JsValue::from_str(&format!("unencodable message: {error}")))
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        // Both ends are built from the same source, so this fails only when a
        // stale cached worker meets a newer page. Throwing (not panicking)
        // leaves the wasm instance usable; the page's watchdog restarts the
        // worker when no answer comes.
        serde_wasm_bindgen::from_value(input).unwrap_or_else(|error| {
            wasm_bindgen::throw_str(&format!("Status Lab engine: unreadable message: {error}"))
        })
    }
}

#[derive(Default)]
struct Loaded {
    entries: Rc<Vec<Exchange>>,
    /// The load in progress; a Cancel or a newer load changes it, and the
    /// running load stops at its next slice.
    current: u64,
    /// The fields of the composer's exchange kept here, not on the page.
    held: HeldFields,
}

pub struct EngineWorker {
    loaded: Rc<RefCell<Loaded>>,
    /// The last large bodies the page sent (see `BodyCache`).
    bodies: BodyCache,
}

/// Starts the worker's message loop; called by the `engine` binary.
pub fn register() {
    EngineWorker::registrar().encoding::<JsCodec>().register();
}

impl Worker for EngineWorker {
    type Message = ();
    type Input = Request;
    type Output = Envelope<Reply>;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        EngineWorker { loaded: Rc::default(), bodies: BodyCache::default() }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, request: Request, id: HandlerId) {
        let seq = request.seq;
        let respond = |body: Reply| scope.respond(id, Envelope { seq, body });
        match request.job {
            Job::Analyze { mut exchange, options, reuse, held } => {
                self.bodies.restore(&mut exchange, reuse);
                self.loaded.borrow().held.restore(&mut exchange, held);
                respond(Reply::Analyzed(Box::new(analyze(&exchange, options))))
            }
            Job::LoadText { text } => {
                self.loaded.borrow_mut().current = seq;
                let task = LoadTask { scope: scope.clone(), id, seq, loaded: self.loaded.clone() };
                wasm_bindgen_futures::spawn_local(task.run_text(Rc::from(text)));
            }
            Job::LoadFile { name } => {
                self.loaded.borrow_mut().current = seq;
                let task = LoadTask { scope: scope.clone(), id, seq, loaded: self.loaded.clone() };
                wasm_bindgen_futures::spawn_local(task.run_file(name, request.payload));
            }
            Job::Cancel => {
                self.loaded.borrow_mut().current = seq;
                respond(Reply::Cancelled);
            }
            Job::EntriesPage { page, options } => {
                let entries = self.loaded.borrow().entries.clone();
                let rows = entries
                    .iter()
                    .enumerate()
                    .skip(page.saturating_mul(PAGE_SIZE))
                    .take(PAGE_SIZE)
                    .map(|(index, exchange)| EntryRow {
                        index,
                        exchange: exchange.clone(),
                        worst: lint(exchange, options.profile)
                            .into_iter()
                            .next()
                            .map(|f| (f.severity, f.title.to_string())),
                    })
                    .collect();
                respond(Reply::Page { page, total: entries.len(), rows });
            }
            Job::Export { format, mut exchange, options, include_secrets, held } => {
                self.loaded.borrow().held.restore(&mut exchange, held);
                // Formats made for sharing leave credentials out unless asked.
                let shared = matches!(format, Format::Har | Format::Markdown | Format::Fixture);
                let (exchange, redacted) = if shared && !include_secrets {
                    redact_secrets(&exchange)
                } else {
                    (exchange, Vec::new())
                };
                let text = export(format, &exchange, &analyze(&exchange, options));
                respond(Reply::Exported { format, text, redacted });
            }
            Job::LoadPreset { id } => match presets::find(&id) {
                Some(preset) => respond(Reply::Preset { id, exchange: Box::new(preset.load()) }),
                None => respond(Reply::LoadFailed { message: format!("no preset named {id:?}") }),
            },
            Job::OpenLink { payload } => {
                respond(open_link(&payload, &mut self.loaded.borrow_mut().held, seq))
            }
            Job::Share { mut exchange, state, include_secrets, base_len, held } => {
                self.loaded.borrow().held.restore(&mut exchange, held);
                respond(Reply::Shared(share::share(&exchange, state, include_secrets, base_len)))
            }
            Job::TakeHeld { side, held, count } => {
                let fields = self.loaded.borrow().held.take(side, held, count);
                respond(Reply::HeldTaken { side, source: held.source, fields })
            }
            Job::LoadPack { source } => respond(load_pack(source)),
            Job::Grade { exercise, response, now } => {
                respond(Reply::Graded(grade_text(&exercise, &response, now)))
            }
        }
    }
}

/// An exercise pack from wherever the page names, or why it cannot be read.
fn load_pack(source: PackSource) -> Reply {
    let text = match source {
        PackSource::Builtin => {
            return match core_pack() {
                Ok(pack) => Reply::PackLoaded { pack: Box::new(pack), text: None, link: None },
                Err(error) => Reply::PackFailed { message: error.to_string() },
            };
        }
        PackSource::Text(text) => text,
        PackSource::Link(payload) => match share::decode_text(&payload) {
            Ok(text) => text,
            Err(error) => return Reply::PackFailed { message: error.to_string() },
        },
    };
    match Pack::parse(&text) {
        Ok(pack) => {
            let link = Some(share::encode_text(&text));
            Reply::PackLoaded { pack: Box::new(pack), text: Some(text), link }
        }
        Err(error) => {
            Reply::PackFailed { message: format!("The exercise file has a mistake: {error}") }
        }
    }
}

/// A shared link's state and its exchange, or why it cannot be opened.
fn open_link(payload: &str, held: &mut HeldFields, seq: u64) -> Reply {
    let state = match share::decode(payload) {
        Ok(state) => state,
        Err(error) => return Reply::LinkFailed { message: error.to_string() },
    };
    match parse_input(&state.exchange).map(|parsed| parsed.exchanges.into_iter().next()) {
        Ok(Some(mut exchange)) => {
            let held = held.hold_back(&mut exchange, seq);
            Reply::LinkOpened { state: Box::new(state), exchange: Box::new(exchange), held }
        }
        Ok(None) => Reply::LinkFailed { message: "The link holds no exchange.".into() },
        Err(error) => {
            Reply::LinkFailed { message: format!("The link's exchange could not be read: {error}") }
        }
    }
}

/// One load, run as a task that yields between slices.
struct LoadTask {
    scope: WorkerScope<EngineWorker>,
    id: HandlerId,
    seq: u64,
    loaded: Rc<RefCell<Loaded>>,
}

impl LoadTask {
    fn respond(&self, body: Reply) {
        self.scope.respond(self.id, Envelope { seq: self.seq, body });
    }

    fn superseded(&self) -> bool {
        self.loaded.borrow().current != self.seq
    }

    /// Lets the worker take the next message (a Cancel) before going on.
    async fn yield_now(&self) -> bool {
        gloo_timers::future::TimeoutFuture::new(0).await;
        !self.superseded()
    }

    async fn run_file(self, name: String, payload: JsValue) {
        let Ok(blob) = payload.dyn_into::<web_sys::Blob>() else {
            return self
                .respond(Reply::LoadFailed { message: format!("{name} could not be read") });
        };
        self.respond(Reply::Progress { done: 0, total: 0 });
        let bytes = match JsFuture::from(blob.array_buffer()).await {
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(_) => {
                return self
                    .respond(Reply::LoadFailed { message: format!("{name} could not be read") })
            }
        };
        if self.superseded() {
            return;
        }
        let is_har = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        if !is_har {
            // A capture may hold bodies that are not UTF-8 (gzip bytes,
            // Latin-1 text): the parser keeps them as bytes.
            return match parse_bytes(&bytes) {
                Ok(parsed) => self.finish(parsed.format.label(), parsed.exchanges, parsed.skipped),
                Err(error) => self.respond(Reply::LoadFailed { message: error.to_string() }),
            };
        }
        match String::from_utf8(bytes) {
            Ok(text) => self.run_text(Rc::from(text)).await,
            Err(error) => self.respond(Reply::LoadFailed {
                message: format!(
                    "{name} is not UTF-8, so it is not a HAR file (invalid byte at offset {})",
                    error.utf8_error().valid_up_to()
                ),
            }),
        }
    }

    async fn run_text(self, text: Rc<str>) {
        if !text.trim_start().starts_with('{') {
            return match parse_input(&text) {
                Ok(parsed) => self.finish(parsed.format.label(), parsed.exchanges, parsed.skipped),
                Err(error) => self.respond(Reply::LoadFailed { message: error.to_string() }),
            };
        }
        self.respond(Reply::Progress { done: 0, total: 0 });
        let mut scanner = HarScanner::new(&text);
        loop {
            match scanner.advance(SCAN_SLICE) {
                Ok(true) => break,
                Ok(false) => {
                    if !self.yield_now().await {
                        return;
                    }
                }
                Err(error) => {
                    return self.respond(Reply::LoadFailed { message: error.to_string() })
                }
            }
        }
        let total = scanner.entries.len();
        let mut exchanges = Vec::with_capacity(total);
        let mut skipped = Vec::new();
        let mut budget = 0;
        for (index, span) in scanner.entries.iter().enumerate() {
            match parse_har_entry(&text, *span, index) {
                Ok(exchange) => exchanges.push(exchange),
                Err(error) if error.is_not_an_exchange() => skipped.push(error.to_string()),
                Err(error) => {
                    return self.respond(Reply::LoadFailed { message: error.to_string() })
                }
            }
            budget += span.end - span.start;
            if budget >= PARSE_SLICE {
                budget = 0;
                self.respond(Reply::Progress { done: index + 1, total });
                if !self.yield_now().await {
                    return;
                }
            }
        }
        if exchanges.is_empty() && !skipped.is_empty() {
            let message = format!("no entry of the HAR could be read: {}", skipped[0]);
            return self.respond(Reply::LoadFailed { message });
        }
        self.finish("HAR", exchanges, skipped);
    }

    fn finish(&self, format: &str, exchanges: Vec<Exchange>, skipped: Vec<String>) {
        let mut first = exchanges.first().cloned();
        let total = exchanges.len();
        let held = {
            let mut loaded = self.loaded.borrow_mut();
            loaded.entries = Rc::new(exchanges);
            first.as_mut().map(|first| loaded.held.hold_back(first, self.seq)).unwrap_or_default()
        };
        let first = first.map(Box::new);
        self.respond(Reply::Loaded { format: format.to_string(), total, skipped, first, held });
    }
}
