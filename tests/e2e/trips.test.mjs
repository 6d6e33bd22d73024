// What a first-time user trips over (issue 14): each test reproduces a trip
// and checks it is gone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useSuite, openPage, assertClean, waitForApp, waitForDom, generateHar, gotoComposer, pasteExchange } from "./harness.mjs";

const suite = useSuite(before, after);

async function composerWith(raw) {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await gotoComposer(page, suite.site.url);
  await pasteExchange(page, raw);
  return page;
}

const finding = (rule) => `.finding[data-rule="${rule}"]`;

test("changing the status carries the registered reason phrase along", async () => {
  const page = await composerWith("PUT /notes/1 HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 204 No Content\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\n\r\n");
  await waitForDom(page, () => /204/.test(document.querySelector(".meaning h2")?.textContent ?? ""));
  await page.fill("#status", "201");
  await waitForDom(page, () => document.querySelector("#reason")?.value === "Created");
  assertClean(page);
});

test("a reason phrase that names another code is noted, never an error", async () => {
  const page = await composerWith("GET /users/42 HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 404 OK\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nContent-Type: text/plain\r\n\r\nno such user");
  await page.waitForSelector(finding("reason-phrase-names-other-code"));
  const classes = await page.getAttribute(finding("reason-phrase-names-other-code"), "class");
  assert.doesNotMatch(classes, /error/);
  assert.match(await page.textContent(finding("reason-phrase-names-other-code")), /"OK" is 200's/);
  assertClean(page);
});

test("201 to DELETE is a finding, and no Location fix is offered for it", async () => {
  const page = await composerWith("DELETE /users/42 HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 201 Created\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\n\r\n");
  await page.waitForSelector(finding("created-for-delete"));
  assert.equal(await page.locator(finding("created-without-location")).count(), 0);
  assertClean(page);
});

test("the Location fix takes the new id from the response body", async () => {
  const page = await composerWith('POST /users HTTP/1.1\r\nHost: api.example\r\nContent-Type: application/json\r\n\r\n{"name":"Ada"}\r\n\r\nHTTP/1.1 201 Created\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nContent-Type: application/json\r\n\r\n{"id": 42, "name": "Ada"}');
  await page.waitForSelector(finding("created-without-location"));
  assert.match(await page.textContent(`${finding("created-without-location")} button.apply-fix`), /\/users\/42/);
  assertClean(page);
});

test("counts speak English", async () => {
  const page = await composerWith("DELETE /users/42 HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 201 Created\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\n\r\n");
  await page.waitForSelector(finding("created-for-delete"));
  const counts = await page.textContent(".summary-counts");
  assert.doesNotMatch(counts, /\(s\)/);
  assert.match(counts, /\b1 warning\b/);
  assertClean(page);
});

async function reference(path = "") {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(suite.site.url + path);
  await waitForApp(page);
  return page;
}

test("a search from a fresh tab: Back returns to the list, not out of the app", async () => {
  const page = await reference("#/");
  await page.fill("#search", "login");
  await waitForDom(page, () => location.hash.includes("login"));
  await page.goBack();
  await waitForDom(page, () => !location.hash.includes("login"));
  assert.ok(page.url().startsWith(suite.site.url), `still in the app: ${page.url()}`);
  await page.waitForSelector("main#main h1");
  assertClean(page);
});

test("a search from a code page: Back returns to that page, one step", async () => {
  const page = await reference("#/code/404");
  await page.fill("#search", "rate");
  await page.fill("#search", "rate limit");
  await waitForDom(page, () => location.hash.includes("rate"));
  await page.goBack();
  await waitForDom(page, () => location.hash === "#/code/404");
  assert.match(await page.textContent("main h1"), /404/);
  assertClean(page);
});

test("Esc closes a search and returns to the page it started from", async () => {
  const page = await reference("#/code/503");
  await page.fill("#search", "gate");
  await waitForDom(page, () => location.hash.includes("gate"));
  await page.press("#search", "Escape");
  await waitForDom(page, () => location.hash === "#/code/503");
  assert.equal(await page.inputValue("#search"), "");
  assert.match(await page.textContent("main h1"), /503/);
  assertClean(page);
});

test("'/' selects the last search so typing replaces it; a code page reached directly has no stale results link", async () => {
  const page = await reference("#/");
  await page.fill("#search", "login");
  await page.press("#search", "Enter");
  await waitForDom(page, () => location.hash.startsWith("#/code/"));
  assert.match(await page.textContent(".crumbs"), /Results for/);
  assert.equal(await page.inputValue("#search"), "", "the query does not linger on the code page");
  await page.locator("main h1").click();
  await page.keyboard.press("/");
  await page.keyboard.type("gat");
  assert.equal(await page.inputValue("#search"), "gat");
  const direct = await reference("#/code/502");
  assert.match(await direct.textContent(".crumbs"), /All status codes/);
  assertClean(page);
  assertClean(direct);
});

test("an edited preset becomes the user's own: the address and picker say so, and a reload keeps the edit", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(suite.site.url + "compose.html#/compose/rate-limited-429");
  await waitForApp(page);
  await page.waitForSelector(".meaning h2");
  await page.fill("#target", "/mine");
  await waitForDom(page, () => location.hash === "#/compose");
  assert.equal(await page.inputValue("#preset"), "");
  await waitForDom(page, () => (localStorage.getItem("statuslab.exchange.raw.v1") ?? "").includes("/mine"));
  await page.reload();
  await waitForApp(page);
  await waitForDom(page, () => document.querySelector("#target")?.value === "/mine", null, 8000);
  assertClean(page);
});

test("after a one-click fix: focus on the changed field, an announcement, and undo", async () => {
  const page = await composerWith("GET /me HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 401 Unauthorized\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nContent-Type: text/plain\r\n\r\nlog in first");
  const rule = finding("unauthorized-without-www-authenticate");
  await page.waitForSelector(`${rule} button.apply-fix`);
  await page.click(`${rule} button.apply-fix`);
  await waitForDom(page, () => document.activeElement?.classList.contains("header-value"));
  assert.match(await page.evaluate(() => document.activeElement.value), /Bearer/);
  assert.ok(await page.evaluate(() => document.activeElement.classList.contains("just-fixed")));
  assert.match(await page.textContent(".fix-note"), /Applied: /);
  await page.keyboard.press("Control+z");
  await page.waitForSelector(rule);
  assert.equal(await page.locator(".pane.response input.header-name").evaluateAll((inputs) => inputs.filter((i) => /www-authenticate/i.test(i.value)).length), 0);
  assertClean(page);
});

test("every export downloads with a sensible name, and Copy says when it worked", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true, permissions: ["clipboard-read", "clipboard-write"] });
  await page.goto(suite.site.url + "compose.html#/compose/rate-limited-429");
  await waitForApp(page);
  await page.waitForSelector(".meaning h2");
  await page.click('.export-buttons button:has-text("HAR")');
  await page.waitForSelector(".download-export");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(".download-export")]);
  assert.equal(download.suggestedFilename(), "exchange.har");
  const har = JSON.parse(await page.inputValue("#export-text"));
  assert.match(har.log.entries[0].request.url, /^https:\/\//, "HAR URLs are absolute");
  assert.notEqual(har.log.entries[0].startedDateTime, "1970-01-01T00:00:00.000Z");
  await page.click(".copy-export");
  await waitForDom(page, () => document.querySelector(".copy-export")?.textContent === "Copied");
  assert.match(await page.textContent(".copy-result"), /Copied/);
  await page.click('.export-buttons button:has-text("curl")');
  await waitForDom(page, () => document.querySelector(".copy-export")?.textContent === "Copy");
  assert.match(await page.textContent(".download-export"), /request\.sh/);
  assertClean(page);
});

test("reference pages: field names never break mid-word, unofficial codes say each thing once, search says why a row matched", async () => {
  const page = await reference("#/code/429");
  await page.waitForSelector("table.headers th code");
  const broken = await page.locator("table.headers th code, table.headers .req").evaluateAll((els) => els.filter((el) => el.getClientRects().length > 1).map((el) => el.textContent));
  assert.deepEqual(broken, [], "no field name or strength wraps");

  const unofficial = await reference("#/code/599");
  await unofficial.waitForSelector(".entry-header");
  const header = await unofficial.textContent(".entry-header");
  assert.equal((header.match(/Not in the IANA registry/g) ?? []).length, 1, header);
  assert.doesNotMatch(header, /defined by no document/);
  assert.match(header, /Also called: Internal Exception/);
  assert.doesNotMatch(header, /Formerly/);

  const search = await reference("#/search/teapot");
  await search.waitForSelector(".code-row");
  assert.match(await search.textContent(".code-row"), /formerly “I'm a teapot”/);
  assertClean(page);
  assertClean(unofficial);
  assertClean(search);
});

test("on a phone a HAR's entries are cards with status first; opening one brings it into view and says so", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 390, height: 844 } });
  await page.goto(suite.site.url + "compose.html#/compose");
  await waitForApp(page);
  await page.waitForSelector(".meaning h2");
  await page.click(".paste summary");
  const entry = (i, status) => ({
    startedDateTime: "2026-11-23T10:00:00.000Z", time: 1,
    request: { method: "GET", url: `https://shop.example/items/${i}`, httpVersion: "HTTP/1.1", headers: [{ name: "Host", value: "shop.example" }], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: { status, statusText: "", httpVersion: "HTTP/1.1", headers: [{ name: "Date", value: "Mon, 23 Nov 2026 10:00:00 GMT" }], cookies: [], content: { size: 0, mimeType: "" }, redirectURL: "", headersSize: -1, bodySize: 0 },
    cache: {}, timings: { send: 0, wait: 1, receive: 0 },
  });
  const har = { log: { version: "1.2", creator: { name: "test", version: "1" }, entries: [entry(1, 200), entry(2, 404), entry(3, 503)] } };
  await page.fill("#paste-text", JSON.stringify(har));
  await page.click("#load-paste");
  await page.waitForSelector(".entries-table tbody tr");
  // The status is visible without scrolling sideways.
  const status = await page.locator(".entries-table td.status").nth(1).boundingBox();
  assert.ok(status && status.x + status.width <= 390, `status at ${JSON.stringify(status)}`);
  assert.match(await page.textContent(".entries-table td.url"), /^\/items\/1$/, "the path without the repeated host");
  await page.locator(".entries-table td.url button").nth(2).click();
  await waitForDom(page, () => /Entry 3 of 3 open/.test(document.querySelector(".entries [role=status]")?.textContent ?? ""));
  await waitForDom(page, () => { const top = document.getElementById("workbench")?.getBoundingClientRect().top; return top !== undefined && top >= -1 && top < innerHeight; });
  assertClean(page);
});

test("the composer lines up with the header", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1600, height: 900 } });
  await page.goto(suite.site.url + "compose.html#/compose");
  await waitForApp(page);
  const brand = await page.locator(".site-header .brand").boundingBox();
  const title = await page.locator("#composer-title").boundingBox();
  assert.ok(Math.abs(brand.x - title.x) <= 4, `brand at ${brand.x}, composer at ${title.x}`);
  assertClean(page);
});

test("the status panel does not talk about repeating a POST on a GET", async () => {
  const page = await composerWith("GET /report HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 504 Gateway Timeout\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\n\r\n");
  await waitForDom(page, () => /504/.test(document.querySelector(".meaning h2")?.textContent ?? ""));
  await page.waitForSelector(".retry .verdict");
  assert.doesNotMatch(await page.textContent(".meaning"), /POST/);
  assert.match(await page.textContent(".retry .verdict"), /Retry automatically/);
  assertClean(page);
});

test("a fix's example is the case at hand: a 405 example on a 405", async () => {
  const page = await composerWith("DELETE /orders/7 HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 405 Method Not Allowed\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nAllow: GET\r\n\r\n");
  await page.waitForSelector(finding("error-without-body"));
  const text = await page.textContent(finding("error-without-body"));
  assert.match(text, /"status":405/);
  assert.doesNotMatch(text, /"status":404/);
  assertClean(page);
});

test("a loaded HAR and its open entry survive a reload; one too large to keep says so", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(suite.site.url + "compose.html#/compose");
  await waitForApp(page);
  await page.waitForSelector(".meaning h2");
  const dir = mkdtempSync(join(tmpdir(), "statuslab-trips-"));
  const small = join(dir, "small.har");
  writeFileSync(small, generateHar(120));
  await page.setInputFiles("#open-file", small);
  await page.waitForSelector(".pager");
  await page.click('.pager button:has-text("Next")');
  await waitForDom(page, () => /Page 2 of 3/.test(document.querySelector(".pager")?.textContent ?? ""));
  await page.locator(".entries-table td.url button").nth(7).click(); // entry 58
  await waitForDom(page, () => document.querySelector("#target")?.value.endsWith("/items/57"));
  await waitForDom(page, () => (localStorage.getItem("statuslab.loaded.v1") ?? "").includes('"selected":57'));
  await page.reload();
  await waitForApp(page);
  await waitForDom(page, () => document.querySelector("#target")?.value.endsWith("/items/57"), null, 10000);
  assert.match(await page.textContent(".entries h2"), /120 exchanges/);
  assert.match(await page.textContent(".pager"), /Page 2 of 3/);

  const big = join(dir, "big.har");
  writeFileSync(big, generateHar(6000));
  await page.setInputFiles("#open-file", big);
  await waitForDom(page, () => /too large to keep/.test(document.querySelector(".paste")?.textContent ?? ""), null, 20000);
  await waitForDom(page, () => localStorage.getItem("statuslab.loaded.v1") === null);
  assertClean(page);
});

test("keyboard alone: tab from the address bar to a fix and apply it", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(suite.site.url + "compose.html#/compose/redirect-post-with-301");
  await waitForApp(page);
  await page.waitForSelector(".apply-fix");
  const before = await page.inputValue("#status");
  let reached = false;
  for (let i = 0; i < 400 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.classList.contains("apply-fix"));
    // Focus must always be visible where it lands.
    const outlined = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return true;
      const style = getComputedStyle(el);
      return style.outlineStyle !== "none" || style.boxShadow !== "none";
    });
    assert.ok(outlined, `focus is not visible on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`);
  }
  assert.ok(reached, "a fix button is reachable with Tab");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#undo-fix");
  assert.ok((await page.inputValue("#status")) !== before || (await page.locator(".just-fixed").count()) > 0);
  assertClean(page);
});

test("reduced motion: nothing animates when the reader asks for less motion", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 }, reducedMotion: "reduce" });
  await page.goto(suite.site.url + "#/");
  await waitForApp(page);
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll("*")].filter((el) => {
      const style = getComputedStyle(el);
      return (style.transitionDuration.split(",").some((d) => parseFloat(d) > 0)) || style.animationName !== "none";
    }).map((el) => el.className).slice(0, 5),
  );
  assert.deepEqual(moving, []);
  assertClean(page);
});
