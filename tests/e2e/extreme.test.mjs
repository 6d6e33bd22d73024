// Extreme inputs (issue 12): each gives a result or a clear message, never
// a frozen or crashed tab. Each test records the longest main-thread task
// from the moment the input is given and prints it beside the 100 ms
// budget. The test fails on a task over one second (a frozen tab); the
// inputs still over 100 ms are named in the output ("OVER") and tracked in
// the issue rather than hidden.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useSuite, openPage, assertClean, waitForApp, waitForDom, recordLongTasks, pasteExchange } from "./harness.mjs";

const suite = useSuite(before, after);
const BUDGET_MS = 100;
const FROZEN_MS = 1000;

async function composer() {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await recordLongTasks(page);
  await page.goto(suite.site.url + "compose.html#/compose");
  await waitForApp(page);
  await page.waitForSelector(".meaning h2");
  return page;
}

const now = (page) => page.evaluate(() => performance.now());

async function longestSince(page, from, what) {
  const tasks = await page.evaluate((t) => window.__longTasks.filter((_, i) => window.__longTaskStarts[i] >= t), from);
  const longest = tasks.length ? Math.max(...tasks) : 0;
  const verdict = longest <= BUDGET_MS ? "ok" : "OVER";
  console.log(`EXTREME ${what}: longest main-thread task ${longest} ms (budget ${BUDGET_MS} ms) ${verdict}`);
  assert.ok(longest < FROZEN_MS, `${what}: a ${longest} ms task froze the tab`);
}

async function openFile(page, name, text) {
  const path = join(mkdtempSync(join(tmpdir(), "statuslab-extreme-")), name);
  writeFileSync(path, text);
  await page.setInputFiles("#open-file", path);
}

test("100,000 header fields", async () => {
  const page = await composer();
  const fields = Array.from({ length: 100_000 }, (_, i) => `X-Field-${i}: value ${i}`).join("\r\n");
  const from = await now(page);
  // The last field is malformed: only an analysis of the whole section,
  // which the engine holds, can find it.
  await openFile(page, "many-fields.http", `GET / HTTP/1.1\r\nHost: a.example\r\n\r\nHTTP/1.1 200 OK\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\n${fields}\r\nCache-Control: max-age="600"\r\n\r\nok`);
  await page.waitForSelector(".headers-hidden", { timeout: 60000 });
  await page.waitForSelector('.finding[data-rule="cache-control-syntax"]', { timeout: 60000 });
  assert.match(await page.textContent(".pane.response .headers-hidden"), /100,002 fields: the first 200 are shown/);
  assert.equal(await page.locator(".pane.response .header-row").count(), 200);
  // A fix could not reach the held rows: fixes say they are off, and why.
  assert.match(await page.textContent(".fixes-off"), /engine holds 99,802 /);
  assert.equal(await page.locator(".apply-fix").count(), 0);
  await longestSince(page, from, "100,000 header fields");

  // The next rows come from the engine, in order; edits to them count.
  const more = await now(page);
  await page.click(".pane.response .headers-hidden button");
  await waitForDom(page, () => document.querySelectorAll(".pane.response .header-row").length === 400, undefined, 30000);
  assert.equal(await page.locator(".pane.response .header-row").nth(200).locator("input.header-name").inputValue(), "X-Field-199");
  assert.match(await page.textContent(".pane.response .headers-hidden"), /100,002 fields: the first 400 are shown/);
  await longestSince(page, more, "100,000 header fields: 200 more rows");
  // The analysis still covers the held tail after an edit on the page.
  await page.locator(".pane.response .header-row").nth(1).locator("input.header-value").fill("edited");
  await page.waitForSelector('.finding[data-rule="cache-control-syntax"]', { timeout: 30000 });
  assertClean(page);
});

test("a 64 KiB field value", async () => {
  const page = await composer();
  const from = await now(page);
  await openFile(page, "long-value.http", `GET / HTTP/1.1\r\nHost: a.example\r\n\r\nHTTP/1.1 200 OK\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nX-Long: ${"a".repeat(65_536)}\r\n\r\nok`);
  await waitForDom(page, () => document.querySelector(".pane.response input.header-name")?.value === "Date" && /200/.test(document.querySelector(".meaning h2")?.textContent ?? ""), undefined, 30000);
  await longestSince(page, from, "64 KiB field value");
  assertClean(page);
});

test("a 10 MB body", async () => {
  const page = await composer();
  const from = await now(page);
  await openFile(page, "big.http", `GET / HTTP/1.1\r\nHost: a.example\r\n\r\nHTTP/1.1 200 OK\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nContent-Type: text/plain\r\n\r\n${"x".repeat(10_000_000)}`);
  await waitForDom(page, () => document.querySelector(".body-hint")?.textContent.startsWith("10000000 bytes"), undefined, 60000);
  await longestSince(page, from, "10 MB body");
  // Analysed in full, held out of the editor until asked for.
  assert.match(await page.textContent(".large-body"), /10\.0 MB/);
  assert.equal(await page.inputValue("#response-body"), "");
  assertClean(page);
});

test("a JSON body nested 10,000 deep", async () => {
  const page = await composer();
  const from = await now(page);
  await openFile(page, "deep.http", `GET / HTTP/1.1\r\nHost: a.example\r\n\r\nHTTP/1.1 400 Bad Request\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nContent-Type: application/problem+json\r\n\r\n${"[".repeat(10_000)}${"]".repeat(10_000)}`);
  await waitForDom(page, () => /400/.test(document.querySelector(".meaning h2")?.textContent ?? ""), undefined, 30000);
  await page.waitForSelector(".problem", { timeout: 30000 });
  await longestSince(page, from, "JSON nested 10,000 deep");
  assertClean(page);
});

test("a schema with a recursive $ref", async () => {
  const page = await composer();
  await pasteExchange(page, 'GET /x HTTP/1.1\r\nHost: a.example\r\n\r\nHTTP/1.1 404 Not Found\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nContent-Type: application/problem+json\r\n\r\n{"title":"Not Found","status":404,"next":{"next":{}}}');
  await page.waitForSelector(".user-schema summary", { timeout: 15000 });
  await page.click(".user-schema summary");
  const from = await now(page);
  await page.fill("#user-schema", '{"$ref":"#/$defs/node","$defs":{"node":{"type":"object","properties":{"next":{"$ref":"#/$defs/node"}}}}}');
  await page.click("#apply-schema");
  await page.waitForSelector(".schema-verdict.user .verdict, .user-schema-error", { timeout: 15000 });
  await longestSince(page, from, "recursive $ref schema");
  assertClean(page);
});

test("a 1 MB URL fragment", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await recordLongTasks(page);
  await page.goto(suite.site.url + "compose.html#/s/1." + "A".repeat(1 << 20));
  await waitForApp(page);
  await page.waitForSelector(".link-note.failed", { timeout: 15000 });
  await longestSince(page, 0, "1 MB URL fragment (whole load)");
  assertClean(page);
});
