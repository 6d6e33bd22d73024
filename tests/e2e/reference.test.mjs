// The reference as a user meets it: search, open, follow links, switch the
// theme, load a permalink, use the keyboard, on a desktop and a phone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useSuite, openPage, assertClean, waitForApp, waitForDom, ARTIFACTS } from "./harness.mjs";

const suite = useSuite(before, after);

test("search 'rate', open 429, follow a related code", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(suite.site.url);
  await waitForApp(page);
  assert.equal(await page.textContent("main h1"), "HTTP status codes");
  assert.ok((await page.locator(".code-row").count()) >= 90, "the full list shows every code");

  await page.getByLabel("Search status codes").fill("rate");
  await page.waitForSelector(".result-count");
  const first = page.locator(".code-row").first();
  assert.match(await first.textContent(), /429\s*Too Many Requests/);
  assert.match(page.url(), /#\/search\/rate$/);

  // Each page renders just after its address changes: wait for the page, not the URL.
  const heading = (text) => waitForDom(page, (t) => document.querySelector("main h1")?.textContent === t, text);
  await first.locator("a").click();
  await page.waitForURL(/#\/code\/429$/);
  await heading("429 Too Many Requests");
  assert.match(await page.textContent("table.headers"), /Retry-After/);
  assert.match(await page.textContent(".defined-in"), /RFC 6585 §4/);
  assert.equal(await page.title(), "429 Too Many Requests · Status Lab");

  await page.locator("#related").locator("xpath=..").getByRole("link", { name: /^503 / }).click();
  await page.waitForURL(/#\/code\/503$/);
  await heading("503 Service Unavailable");

  await page.goBack();
  await page.waitForURL(/#\/code\/429$/);
  await heading("429 Too Many Requests");
  await page.getByRole("link", { name: /Results for “rate”/ }).click();
  await page.waitForURL(/#\/search\/rate$/);
  // The results come back with their query in the box (rendered after the address changes).
  await waitForDom(page, () => document.querySelector("#search")?.value === "rate" && document.querySelector(".result-count") !== null);
  assert.equal(await page.inputValue("#search"), "rate");
  await page.screenshot({ path: join(ARTIFACTS, "desktop-search.png") });
  assertClean(page);
});

test("a permalink to #/code/418 opens directly", async () => {
  const page = await openPage(suite.browser);
  await page.goto(suite.site.url + "#/code/418");
  await waitForApp(page);
  assert.match(await page.textContent("main h1"), /^418 /);
  assert.match(await page.textContent(".badges"), /unused/i);
  assert.match(await page.textContent(".defined-in"), /RFC 9110 §15\.5\.19/);
  assert.match(await page.textContent(".permalink code"), /#\/code\/418$/);
  await page.screenshot({ path: join(ARTIFACTS, "desktop-418.png"), fullPage: true });
  assertClean(page);
});

test("switching the theme applies and survives a reload", async () => {
  const page = await openPage(suite.browser, { colorScheme: "light" });
  await page.goto(suite.site.url + "#/code/404");
  await waitForApp(page);
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await theme(), "light");
  const lightBackground = await background();
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  assert.equal(await theme(), "dark");
  assert.notEqual(await background(), lightBackground);
  await page.reload();
  await waitForApp(page);
  assert.equal(await theme(), "dark");
  await page.screenshot({ path: join(ARTIFACTS, "desktop-404-dark.png") });
  await page.getByRole("button", { name: "Switch to light theme" }).click();
  assert.equal(await theme(), "light");
  assertClean(page);
});

test("keyboard: '/' focuses search, Enter opens the code", async () => {
  const page = await openPage(suite.browser);
  await page.goto(suite.site.url);
  await waitForApp(page);
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "search");
  await page.keyboard.type("304");
  await page.keyboard.press("Enter");
  await page.waitForURL(/#\/code\/304$/);
  assert.equal(await page.textContent("main h1"), "304 Not Modified");
  // Words work too: Enter opens the best match.
  await page.click("main h1");
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "search");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("too big");
  await page.keyboard.press("Enter");
  await page.waitForURL(/#\/code\/413$/);
  // Every control can be reached with Tab and has a name.
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll("a, button, input")]
      .filter((el) => !(el.getAttribute("aria-label") || el.labels?.length || el.textContent.trim()))
      .map((el) => el.outerHTML),
  );
  assert.deepEqual(unnamed, []);
  assertClean(page);
});

test("codes without an entry and bad addresses explain themselves", async () => {
  const page = await openPage(suite.browser);
  await page.goto(suite.site.url + "#/code/299");
  await waitForApp(page);
  assert.equal(await page.textContent("main h1"), "299 No registered meaning");
  assert.match(await page.textContent(".summary"), /treats it as 200 OK/);

  await page.goto(suite.site.url + "#/code/abc");
  await page.waitForSelector("text=Not a status code");
  assert.match(await page.textContent("main"), /expected a status code .* got "abc"/);

  await page.goto(suite.site.url + "#/code/700");
  await page.waitForSelector("text=Not a status code");
  assert.match(await page.textContent("main"), /700 is not an HTTP status code/);

  await page.goto(suite.site.url + "#/nowhere");
  await page.waitForSelector("text=Page not found");
  assertClean(page);
});

test("unofficial codes are marked with their origin", async () => {
  const page = await openPage(suite.browser);
  await page.goto(suite.site.url + "#/search/cloudflare");
  await waitForApp(page);
  const rows = await page.locator(".code-row").allTextContents();
  assert.ok(rows.some((r) => /^\s*520/.test(r) && /unofficial · Cloudflare/.test(r)), rows.join("\n"));
  await page.goto(suite.site.url + "#/code/499");
  await page.waitForSelector("text=Not in the IANA registry");
  assertClean(page);
});

test("readable on a 390 px phone, no sideways scrolling", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  for (const hash of ["", "#/code/401", "#/search/redirect"]) {
    await page.goto(suite.site.url + hash);
    await waitForApp(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${hash || "home"} overflows by ${overflow}px`);
  }
  await page.goto(suite.site.url + "#/code/401");
  await waitForApp(page);
  await page.screenshot({ path: join(ARTIFACTS, "mobile-401.png"), fullPage: true });
  assertClean(page);
});

test("nothing the page or its manifest names answers an error (the icon included)", async () => {
  const page = await openPage(suite.browser);
  const failed = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(suite.site.url + "#/code/429");
  await waitForApp(page);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    const response = await fetch(link.href);
    const json = await response.json();
    const icons = await Promise.all(json.icons.map(async (icon) => (await fetch(new URL(icon.src, link.href))).status));
    return { status: response.status, icons };
  });
  assert.equal(manifest.status, 200);
  assert.deepEqual(manifest.icons, manifest.icons.map(() => 200), "every manifest icon exists");
  assert.deepEqual(failed, []);
  assertClean(page);
});
