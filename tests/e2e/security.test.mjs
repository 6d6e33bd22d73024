// The built site under its Content-Security-Policy: every view loads with
// no violation report (the policy is a meta tag written by
// scripts/harden-site.mjs), and no page carries an inline script.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useSuite, openPage, assertClean, waitForApp, DIST, pasteExchange, gotoComposer } from "./harness.mjs";

const suite = useSuite(before, after);

async function underPolicy(path, act) {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto(suite.site.url + path);
  await waitForApp(page);
  if (act) await act(page);
  await page.waitForTimeout(300);
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(policy ?? "", /script-src 'self' 'wasm-unsafe-eval'/);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], path);
  assertClean(page);
}

test("every view runs under the strict policy without a violation", async () => {
  await underPolicy("#/");
  await underPolicy("#/search/login");
  await underPolicy("#/code/429");
  // The composer with both workers (engine and validator) running.
  await underPolicy("compose.html#/compose", async (page) => {
    await page.waitForSelector(".meaning h2");
    await pasteExchange(page, 'GET /x HTTP/1.1\r\nHost: a.example\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\n\r\n{"title":"Not Found","status":404}');
    await page.waitForSelector(".schema-standard [class*=verdict]", { timeout: 10000 });
    await page.click('.export-buttons button:has-text("HAR")');
    await page.waitForSelector("#export-text");
  });
});

test("sharing, the guide, exercises, the answer sheet and embeds run under the policy too", async () => {
  await underPolicy("#/code/429", (page) => page.click("#show-snippets").then(() => page.waitForSelector(".snippet")));
  await underPolicy("compose.html#/guide/created-post", (page) => page.waitForSelector(".guide-answer"));
  await underPolicy("compose.html#/exercises/duplicate-email", async (page) => {
    await page.click("#check-answer");
    await page.waitForSelector(".grade");
  });
  await underPolicy("compose.html#/exercises/answers", (page) => page.waitForSelector(".answer"));
  await underPolicy("#/embed/code/451?theme=dark", (page) => page.waitForSelector(".embed-title"));
  await underPolicy("compose.html#/compose/rate-limited-429", async (page) => {
    await page.waitForSelector(".meaning h2");
    await page.click(".share summary");
    await page.waitForSelector("#share-link");
    const link = await page.inputValue("#share-link");
    const payload = link.split("#/s/")[1];
    await page.goto(suite.site.url + "compose.html#/embed/exchange/" + payload + "?panels=status,lint");
    await page.waitForSelector(".embed-exchange .meaning h2");
  });
});

test("hostile text in a pasted exchange, its shared link and its embed is shown, never run", async () => {
  const payloads = [
    "<img src=x onerror=window.__pwned=1>",
    "</textarea><script>window.__pwned=1</script>",
    "javascript:window.__pwned=1",
    "`${window.__pwned=1}` [x](javascript:window.__pwned=1)",
  ];
  const raw = `GET /${encodeURIComponent(payloads[0])} HTTP/1.1\r\nHost: a.example\r\nX-Note: ${payloads[1]}\r\n\r\nHTTP/1.1 302 Found\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nLocation: ${payloads[2]}\r\nContent-Type: application/problem+json\r\n\r\n{"type":"${payloads[2]}","title":"${payloads[3].replace(/"/g, "'")}","status":302}`;
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await gotoComposer(page, suite.site.url);
  await pasteExchange(page, raw);
  await page.waitForFunction(() => document.querySelector("#status")?.value === "302");
  await page.click(".share summary");
  await page.waitForSelector("#share-link");
  const link = await page.inputValue("#share-link");
  for (const format of ["HAR", "Markdown"]) {
    await page.click(`.export-buttons button:has-text("${format}")`);
    await page.waitForSelector("#export-text");
  }
  // Opened as a link and as an embed: the text shows, nothing runs, and
  // no link built from it is clickable unless it is http(s).
  const other = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await other.goto(link);
  await waitForApp(other);
  await other.waitForFunction(() => document.querySelector("#status")?.value === "302", undefined, { timeout: 10000 });
  await other.goto(link.replace("#/s/", "#/embed/exchange/"));
  await other.waitForSelector(".embed-raw", { timeout: 10000 });
  assert.match(await other.textContent(".embed-raw"), /onerror/);
  for (const p of [page, other]) {
    assert.equal(await p.evaluate(() => window.__pwned), undefined);
    assert.equal(await p.locator('a[href^="javascript:"]').count(), 0);
    assert.equal(await p.locator("img[src=x]").count(), 0);
  }
  assertClean(page);
  assertClean(other);
});

test("no built page has an inline script", () => {
  for (const page of ["index.html", "compose.html"]) {
    const html = readFileSync(join(DIST, page), "utf8");
    const inline = html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? [];
    assert.deepEqual(inline, [], page);
  }
});
