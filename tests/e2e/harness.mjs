// Shared pieces of the end-to-end tests and the benchmark: a static server
// for the built site (brotli when the browser asks, as production should),
// and a Chromium page that records every console error and wasm panic.
import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
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
  ".json": "application/json",
};

/** Every file of the built site, with its brotli-compressed form. */
export async function loadSite(dir = DIST) {
  const files = new Map();
  async function walk(sub) {
    for (const name of await readdir(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if ((await stat(join(dir, rel))).isDirectory()) await walk(rel);
      else {
        const body = await readFile(join(dir, rel));
        const br = brotliCompressSync(body, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
        });
        files.set("/" + rel, { body, br, type: TYPES[extname(rel)] ?? "application/octet-stream" });
      }
    }
  }
  await walk("");
  if (!files.has("/index.html")) throw new Error(`no index.html in ${dir}: run trunk build --release first`);
  return files;
}

/** Serves the site on 127.0.0.1 (a free port); resolves to { url, close }. */
export async function serveSite(files) {
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
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
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

export async function launchBrowser() {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/**
 * A new page that records problems: console errors, uncaught exceptions,
 * wasm panics ("panicked at", "RuntimeError: unreachable") and failed
 * requests. Tests end with `assertClean(page)`.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (msg) => {
    const text = msg.text();
    if (msg.type() === "error" || /panicked at|RuntimeError: unreachable/.test(text)) {
      page.problems.push(`console ${msg.type()}: ${text}`);
    }
  });
  page.on("pageerror", (err) => page.problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => page.problems.push(`request failed: ${req.url()}`));
  page.on("response", (res) => {
    if (res.status() >= 400) page.problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  return page;
}

export function assertClean(page) {
  if (page.problems.length) throw new Error("the page reported problems:\n" + page.problems.join("\n"));
}

/** Waits until the Yew app has rendered its first content. */
export async function waitForApp(page) {
  await page.waitForSelector("main#main h1", { timeout: 15000 });
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
