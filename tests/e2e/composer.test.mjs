// The composer as a user drives it: pick a preset, edit headers and watch
// findings come and go, apply a fix, paste curl output and a large HAR.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useSuite, openPage, assertClean, waitForApp, waitForDom, ARTIFACTS, pasteExchange } from "./harness.mjs";

const suite = useSuite(before, after);

/** The response header name input whose current value is `name`. */
async function responseHeaderName(page, name) {
  const values = await page.locator(".pane.response input.header-name").evaluateAll((els) => els.map((e) => e.value));
  const index = values.indexOf(name);
  return index < 0 ? null : page.getByLabel(`response header ${index + 1} name`, { exact: true });
}

const rules = (page) => page.locator(".finding").evaluateAll((els) => els.map((e) => e.dataset.rule));

test("preset, edit a header, see a finding appear, fix it", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1400, height: 1000 } });
  await page.goto(suite.site.url + "#/compose");
  await waitForApp(page);
  assert.equal(await page.textContent("main h1"), "Composer");
  await page.selectOption("#preset", "missing-token-401");
  await page.waitForURL(/#\/compose\/missing-token-401$/);
  assert.equal(await page.inputValue("#status"), "401");
  assert.match(await page.textContent(".meaning h2"), /401 Unauthorized in answer to GET/);
  assert.ok(!(await rules(page)).includes("unauthorized-without-www-authenticate"));

  // Rename WWW-Authenticate away: the finding appears.
  const name = await responseHeaderName(page, "WWW-Authenticate");
  assert.ok(name, "the preset has WWW-Authenticate");
  await name.fill("X-Auth-Hint");
  await page.waitForSelector('.finding[data-rule="unauthorized-without-www-authenticate"]');
  assert.match(await page.textContent('.finding[data-rule="unauthorized-without-www-authenticate"]'), /RFC 9110/);

  // Apply the fix: the finding disappears and the header is back.
  await page.locator('.finding[data-rule="unauthorized-without-www-authenticate"] button.apply-fix').click();
  await page.waitForSelector('.finding[data-rule="unauthorized-without-www-authenticate"]', { state: "detached" });
  assert.ok(await responseHeaderName(page, "WWW-Authenticate"), "the fix adds WWW-Authenticate back");

  // Change the status to something unregistered: the analysis follows.
  await page.fill("#status", "299");
  await page.waitForSelector('.finding[data-rule="status-unregistered"]');
  assert.match(await page.textContent(".meaning h2"), /299: no registered meaning/);
  await page.fill("#status", "4o1");
  assert.match(await page.textContent(".composer .input-error"), /not a status code/);
  // The analysis says it is paused rather than passing off the last valid code as current.
  await page.waitForSelector(".analysis-paused");
  assert.match(await page.textContent(".analysis-paused"), /paused/);
  await page.screenshot({ path: join(ARTIFACTS, "composer-desktop.png"), fullPage: true });
  assertClean(page);
});

test("the exchange survives a reload", async () => {
  const page = await openPage(suite.browser);
  await page.goto(suite.site.url + "#/compose/user-created");
  await waitForApp(page);
  await page.fill("#target", "/accounts");
  // The autosave follows the edit (an effect after the render).
  await waitForDom(page, () => (localStorage.getItem("statuslab.exchange.raw.v1") ?? "").includes("/accounts"));
  await page.goto(suite.site.url + "#/");
  await page.reload();
  await waitForApp(page);
  await page.click('nav.tabs a[href="#/compose"]');
  await page.waitForSelector("#target");
  assert.equal(await page.inputValue("#target"), "/accounts");
  assertClean(page);
});

test("paste curl -i output", async () => {
  const page = await openPage(suite.browser);
  await page.goto(suite.site.url + "#/compose");
  await waitForApp(page);
  await pasteExchange(page, "HTTP/2 503\ncontent-type: text/html\n\n<h1>Down for maintenance</h1>\n");
  await page.waitForFunction(() => document.querySelector("#status")?.value === "503");
  // The findings are the loaded exchange's once its analysis is on screen.
  await page.waitForFunction(() => document.querySelector(".meaning h2")?.textContent.startsWith("503"));
  const found = await rules(page);
  for (const id of ["unavailable-without-retry-after", "error-body-not-problem-details"]) {
    assert.ok(found.includes(id), `${id} not in ${found}`);
  }
  assert.match(await page.textContent(".pane.request"), /request-aware checks are off/);

  await page.fill("#paste-text", "HTTP/1.1 200 OK\nbroken header line\n");
  await page.click("#load-paste");
  assert.match(await page.textContent(".paste .input-error"), /line 2: expected a header field/);
  assert.equal(await page.inputValue("#paste-text"), "HTTP/1.1 200 OK\nbroken header line\n", "the pasted text is kept");
  assertClean(page);
});

test("a HAR with 1,000 entries loads without freezing the page", async () => {
  const entries = Array.from({ length: 1000 }, (_, i) => ({
    startedDateTime: "2026-11-23T10:00:00Z",
    time: 10,
    request: { method: "GET", url: `https://api.example/items/${i}`, httpVersion: "h2", headers: [{ name: "accept", value: "application/json" }], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: {
      status: i % 10 === 0 ? 404 : 200, statusText: "", httpVersion: "h2",
      headers: [{ name: "content-type", value: "application/json" }], cookies: [],
      content: { size: 20, mimeType: "application/json", text: JSON.stringify({ id: i, name: "item " + i }) },
      redirectURL: "", headersSize: -1, bodySize: 20,
    },
    cache: {}, timings: { send: 0, wait: 9, receive: 1 },
  }));
  const har = JSON.stringify({ log: { version: "1.2", creator: { name: "e2e", version: "1" }, entries } });
  const page = await openPage(suite.browser);
  await page.goto(suite.site.url + "#/compose");
  await waitForApp(page);
  await page.click(".paste summary");
  await page.locator("#paste-text").evaluate((el, text) => {
    el.value = text;
    el.dispatchEvent(new InputEvent("input", { bubbles: true }));
  }, har);
  const started = Date.now();
  await page.click("#load-paste");
  await page.waitForSelector("text=The input held 1000 exchanges");
  const took = Date.now() - started;
  assert.ok(took < 5000, `loading took ${took} ms`);
  assert.equal(await page.inputValue("#target"), "https://api.example/items/0");
  assert.equal(await page.textContent("#entries-title"), "1000 exchanges");
  assert.equal(await page.locator(".entries-table tbody tr").count(), 50);
  // Entry 11 is a 404 with a JSON body that is not problem details.
  assert.match(await page.textContent(".entries-table tbody tr:nth-child(11)"), /404.*info/s);
  await page.getByRole("button", { name: "Open entry 11" }).click();
  await page.waitForFunction(() => document.querySelector("#status")?.value === "404");
  assert.equal(await page.inputValue("#target"), "https://api.example/items/10");
  await page.getByRole("button", { name: "Next →" }).click();
  await page.waitForSelector("text=Page 2 of 20");
  assertClean(page);
});

test("open a HAR file and export the exchange", async () => {
  const page = await openPage(suite.browser);
  await page.goto(suite.site.url + "#/compose");
  await waitForApp(page);
  await page.click(".paste summary");
  const har = JSON.stringify({ log: { version: "1.2", creator: { name: "e2e", version: "1" }, entries: [
    { request: { method: "DELETE", url: "https://api.example/users/7", httpVersion: "HTTP/1.1", headers: [] },
      response: { status: 403, statusText: "Forbidden", httpVersion: "HTTP/1.1", headers: [{ name: "Content-Type", value: "application/problem+json" }], content: { text: "{\"status\":403}" } } },
  ] } });
  await page.setInputFiles("#open-file", { name: "session.har", mimeType: "application/json", buffer: Buffer.from(har) });
  await page.waitForFunction(() => document.querySelector("#status")?.value === "403");
  // The findings are the loaded exchange's once its analysis is on screen.
  await page.waitForFunction(() => document.querySelector(".meaning h2")?.textContent.startsWith("403"));
  assert.ok((await rules(page)).includes("forbidden-without-credentials"));

  await page.getByRole("button", { name: "curl" }).click();
  assert.match(await page.inputValue("#export-text"), /^curl -i -X 'DELETE' 'https:\/\/api\.example\/users\/7'$/);
  await page.getByRole("button", { name: "Markdown" }).click();
  assert.match(await page.inputValue("#export-text"), /`forbidden-without-credentials`/);
  await page.getByRole("button", { name: "Test fixture" }).click();
  const fixture = JSON.parse(await page.inputValue("#export-text"));
  assert.equal(fixture.expected.status.code, 403);
  assertClean(page);
});

test("composer on a 390 px phone", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  await page.goto(suite.site.url + "#/compose/ok-with-error-body");
  await waitForApp(page);
  await page.waitForSelector('.finding[data-rule="success-with-error-body"]');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  await page.screenshot({ path: join(ARTIFACTS, "composer-mobile.png"), fullPage: true });
  assertClean(page);
});
