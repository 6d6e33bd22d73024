// Shared pieces of the end-to-end tests and the benchmark: a static server
// for the built site (brotli when the browser asks, as production should),
// and a Chromium page that records every console error and wasm panic.
import { createServer } from "node:http";
import { readFile, readdir, stat, writeFile, rename } from "node:fs/promises";
import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlib } from "node:zlib";
import { join, extname, resolve } from "node:path";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

export const ROOT = resolve(new URL("../..", import.meta.url).pathname);
export const DIST = process.env.STATUSLAB_DIST ?? join(ROOT, "dist");
export const ARTIFACTS = join(ROOT, "tests/e2e/artifacts");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".json": "application/json",
};

// Brotli at quality 11 takes about 8 s over the whole site; every test file
// and the benchmark load the site, so each distinct file is compressed once
// and kept under its content hash, in the build folder the test command uses.
const BROTLI_CACHE = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"), "e2e-brotli");

async function brotli(body) {
  const path = join(BROTLI_CACHE, createHash("sha256").update(body).digest("hex") + ".br");
  try {
    return await readFile(path);
  } catch {
    const br = brotliCompressSync(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    mkdirSync(BROTLI_CACHE, { recursive: true });
    // Written under a temporary name first, so a test file started in
    // parallel never reads half a file.
    const partial = `${path}.${process.pid}.tmp`;
    await writeFile(partial, br);
    await rename(partial, path);
    return br;
  }
}

/** Every file of the built site, with its brotli-compressed form. */
export async function loadSite(dir = DIST) {
  const files = new Map();
  async function walk(sub) {
    for (const name of await readdir(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if ((await stat(join(dir, rel))).isDirectory()) await walk(rel);
      else {
        const body = await readFile(join(dir, rel));
        const br = await brotli(body);
        files.set("/" + rel, { body, br, type: TYPES[extname(rel)] ?? "application/octet-stream" });
      }
    }
  }
  await walk("");
  if (!files.has("/index.html")) throw new Error(`no index.html in ${dir}: run trunk build --release first`);
  return files;
}

/** Serves the site on 127.0.0.1 (a free port unless given); resolves to { url, close }. */
export async function serveSite(files, port = 0) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = files.get(path === "/" ? "/index.html" : path);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const brotli = /\bbr\b/.test(req.headers["accept-encoding"] ?? "");
    res.writeHead(200, {
      "content-type": file.type,
      "cache-control": "no-cache",
      ...(brotli ? { "content-encoding": "br", vary: "Accept-Encoding" } : {}),
    });
    res.end(brotli ? file.br : file.body);
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const address = server.address();
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Headless system Chromium; `extraArgs` adds switches (Lighthouse's DevTools port). */
export async function launchBrowser(extraArgs = []) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, ...extraArgs],
    headless: true,
  });
}

/**
 * A new page that records problems: console errors, uncaught exceptions,
 * wasm panics ("panicked at", "RuntimeError: unreachable") and failed
 * requests. Tests end with `assertClean(page)`.
 */
export async function openPage(browser, options = {}) {
  // The offline copy (service worker) downloads the whole release in the
  // background; tests other than the offline one keep it out, so it does
  // not compete for the CPU or the network they measure.
  const context = await browser.newContext({ serviceWorkers: "block", ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (msg) => {
    const text = msg.text();
    if (msg.type() === "error" || /panicked at|RuntimeError: unreachable/.test(text)) {
      page.problems.push(`console ${msg.type()}: ${text}`);
    }
  });
  page.on("pageerror", (err) => page.problems.push(`page error: ${err.message}`));
  // The analysis engine runs in a web worker: its panics count too.
  page.on("worker", (worker) => {
    worker.on("console", (msg) => {
      if (msg.type() === "error" || /panicked at|RuntimeError: unreachable/.test(msg.text())) {
        page.problems.push(`worker console ${msg.type()}: ${msg.text()}`);
      }
    });
  });
  page.on("requestfailed", (req) => {
    // A request the browser dropped because the page navigated away (the
    // reference build hands #/compose over to compose.html) is not a fault.
    if (req.failure()?.errorText === "net::ERR_ABORTED") return;
    page.problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) page.problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  return page;
}

export function assertClean(page) {
  if (page.problems.length) throw new Error("the page reported problems:\n" + page.problems.join("\n"));
}

/**
 * Resolves when `predicate()` (run in the page) holds after a DOM change
 * under #main, or rejects after `timeout` ms. A MutationObserver rather than
 * polling, so timings taken around it are not rounded up to a frame.
 */
export function waitForDom(page, predicate, arg, timeout = 5000) {
  return page.evaluate(
    ([source, arg, timeout]) =>
      new Promise((resolve, reject) => {
        const test = new Function("arg", `return (${source})(arg);`);
        if (test(arg)) return resolve(performance.now());
        const obs = new MutationObserver(() => {
          if (test(arg)) { obs.disconnect(); resolve(performance.now()); }
        });
        obs.observe(document.getElementById("main"), { childList: true, subtree: true, characterData: true, attributes: true });
        setTimeout(() => { obs.disconnect(); reject(new Error(`timed out waiting for ${source}`)); }, timeout);
      }),
    [predicate.toString(), arg, timeout],
  );
}

/** A HAR 1.2 document of `count` GET entries (every tenth a 404). */
export function generateHar(count) {
  const entries = Array.from({ length: count }, (_, i) => ({
    startedDateTime: "2026-11-23T10:00:00Z",
    time: 10,
    request: { method: "GET", url: `https://api.example/items/${i}`, httpVersion: "h2", headers: [{ name: "accept", value: "application/json" }], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: {
      status: i % 10 === 0 ? 404 : 200, statusText: "", httpVersion: "h2",
      headers: [{ name: "content-type", value: "application/json" }, { name: "date", value: "Mon, 23 Nov 2026 10:00:00 GMT" }], cookies: [],
      content: { size: 20, mimeType: "application/json", text: JSON.stringify({ id: i, name: "item " + i }) },
      redirectURL: "", headersSize: -1, bodySize: 20,
    },
    cache: {}, timings: { send: 0, wait: 9, receive: 1 },
  }));
  return JSON.stringify({ log: { version: "1.2", creator: { name: "e2e", version: "1" }, entries } });
}

/** Starts collecting main-thread tasks of 50 ms or more (run before navigation). */
export async function recordLongTasks(page) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    window.__longTaskStarts = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => {
      window.__longTasks.push(Math.round(e.duration));
      window.__longTaskStarts.push(e.startTime);
    })).observe({ type: "longtask", buffered: true });
  });
}

/** Waits until the Yew app has rendered its first content. */
export async function waitForApp(page) {
  await page.waitForSelector("main#main h1", { timeout: 15000 });
}

/** The full build's page wasm (compose.html's app), as requested. */
export const APP_WASM = /\/app-[0-9a-f]+_bg\.wasm$/;

/**
 * Holds the page's wasm back until the returned `release()` is called (or
 * for ever): the composer's shell is all the page shows meanwhile.
 */
export async function holdAppWasm(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(APP_WASM, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Goes to the composer at `hash` (a preset's, or none) and waits for its first analysis. */
export async function gotoComposer(page, siteUrl, hash = "#/compose") {
  await page.goto(siteUrl + "compose.html" + hash);
  await waitForApp(page);
  await page.waitForSelector(".meaning h2");
}

/** Pastes raw HTTP, curl output or a HAR into the composer's paste box and loads it. */
export async function pasteExchange(page, raw) {
  await page.click(".paste summary");
  await page.fill("#paste-text", raw);
  await page.click("#load-paste");
}

/** Opens the composer's share panel and returns the link it offers. */
export async function shareLink(page) {
  await page.click(".share summary");
  await page.waitForSelector("#share-link");
  return page.inputValue("#share-link");
}

/**
 * Serves the built site and starts Chromium around a test file:
 * `const suite = useSuite(before, after);` then `suite.site.url`, `suite.browser`.
 */
export function useSuite(before, after) {
  const suite = {};
  before(async () => {
    suite.site = await serveSite(await loadSite());
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.site?.close();
  });
  return suite;
}
