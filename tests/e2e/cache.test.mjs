// Caching as a user reads it: verdicts for a shared and a private cache,
// and a time slider that moves the moment.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useSuite, openPage, assertClean, waitForApp, waitForDom, ARTIFACTS, pasteExchange } from "./harness.mjs";

const suite = useSuite(before, after);

async function composer(preset = "") {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(suite.site.url + "compose.html#/compose/" + preset);
  await waitForApp(page);
  await page.waitForSelector(".cache .verdict");
  return page;
}

const verdicts = (page) => page.locator(".cache-side .verdict").allTextContents();

test("a private, max-age=600 response: browser only, and stale after ten minutes", async () => {
  const page = await composer();
  await pasteExchange(page, "GET /me HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 200 OK\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nCache-Control: private, max-age=600\r\nContent-Type: application/json\r\n\r\n{\"id\":1}");
  await waitForDom(page, () => /fresh for 10 min/.test(document.querySelector(".cache")?.textContent ?? ""));
  const [shared, browser] = await verdicts(page);
  assert.match(shared, /go to the origin/);
  assert.match(browser, /serve from cache/);
  // Past max-age the browser must ask the origin first.
  await page.locator("#cache-moment").evaluate((slider) => {
    slider.value = "700";
    slider.dispatchEvent(new InputEvent("input", { bubbles: true }));
  });
  await waitForDom(page, () => /revalidate first/.test(document.querySelectorAll(".cache-side .verdict")[1]?.textContent ?? ""));
  assert.match((await verdicts(page))[1], /t \+ 11 min/);
  await page.locator(".cache").screenshot({ path: join(ARTIFACTS, "cache-private.png") });
  assertClean(page);
});

test("the conditional GET preset names its validators and the conditional request", async () => {
  const page = await composer("conditional-get-304");
  const text = await page.textContent(".cache");
  assert.match(text, /If-None-Match|If-Modified-Since/);
  assert.equal((await verdicts(page)).length, 2);
  assertClean(page);
});

test("what CDNs and browsers would do is computed from their documented defaults", async () => {
  const page = await composer();
  await pasteExchange(page, "GET /missing HTTP/1.1\r\nHost: shop.example\r\n\r\nHTTP/1.1 404 Not Found\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nContent-Type: text/html\r\n\r\n<p>gone</p>");
  await waitForDom(page, () => document.querySelector(".cache-defaults") !== null);
  await page.click(".cache-defaults summary");
  const text = await page.textContent(".cache-defaults");
  // Cloudflare keeps a 404 without explicit freshness for 3 minutes.
  assert.match(text, /Cloudflare \(CDN\): Without explicit freshness it keeps a 404 for 3 min/);
  assert.match(text, /departs from the RFC/);
  const sources = await page.locator(".cache-defaults a").evaluateAll((links) => links.map((a) => a.href));
  assert.ok(sources.length > 0 && sources.every((href) => href.startsWith("https://")), "every fact links its https source");
  await page.locator(".cache").screenshot({ path: join(ARTIFACTS, "cache-defaults.png") });
  assertClean(page);
});
