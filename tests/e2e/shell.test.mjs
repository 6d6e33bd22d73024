// The composer page paints its first lines from the HTML (the shell:
// www/composer-shell.html, shown by composer-shell.js) before its wasm
// arrives; the app then draws the same lines in the same place. On a slow
// network the engine worker, still downloading, is not taken for dead.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { useSuite, openPage, assertClean, waitForApp, waitForDom, APP_WASM, holdAppWasm } from "./harness.mjs";

const suite = useSuite(before, after);


/** Text and position of each element, rounded to the pixel. */
function measure(page, selectors) {
  return page.evaluate((selectors) => Object.fromEntries(Object.entries(selectors).map(([key, selector]) => {
    const element = document.querySelector(selector);
    if (!element) return [key, null];
    const box = element.getBoundingClientRect();
    return [key, { text: element.textContent, x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) }];
  })), selectors);
}

const PARTS = ["header", "title", "description", "current tab", "theme glyph"];
const inShell = {
  header: ".app-shell .site-header",
  title: ".app-shell h1",
  description: ".app-shell .preset-description",
  "current tab": ".app-shell .tabs [aria-current=page]",
  "theme glyph": ".app-shell .theme-toggle",
};
const inApp = {
  header: "#app > .site-header",
  title: "main#main h1",
  description: "main#main .preset-description",
  "current tab": "#app > .site-header .tabs [aria-current=page]",
  "theme glyph": "#app > .site-header .theme-toggle",
};

for (const { width, theme } of [{ width: 1280, theme: "light" }, { width: 390, theme: "dark" }]) {
  test(`${width} px, ${theme}: the shell paints the composer's first lines where the app then draws them`, async () => {
    const page = await openPage(suite.browser, { viewport: { width, height: 900 }, colorScheme: theme });
    const release = await holdAppWasm(page);
    await page.goto(suite.site.url + "compose.html#/compose/rate-limited-429");
    await page.waitForSelector(".app-shell .preset-description", { state: "visible" });
    const shell = await measure(page, inShell);
    // Until the app arrives its controls are disabled, and the page says it is busy.
    assert.deepEqual(
      await page.evaluate(() => [...document.querySelectorAll(".app-shell input, .app-shell button")].map((c) => c.disabled)),
      [true, true],
    );
    assert.equal(await page.getAttribute(".app-shell main", "aria-busy"), "true");
    assert.equal(await page.locator("main#main").count(), 0, "the app has not started");
    // The glyph comes from the stylesheet; the app writes it as text.
    const glyph = await page.evaluate(() => getComputedStyle(document.querySelector(".app-shell .shell-theme-glyph"), "::before").content);
    assert.equal(glyph, theme === "dark" ? '"☀"' : '"☾"');

    release();
    await waitForApp(page);
    await page.waitForSelector("main#main .preset-description");
    assert.equal(await page.locator(".app-shell").count(), 0, "the app replaced the shell");
    const app = await measure(page, inApp);
    for (const part of PARTS) {
      assert.ok(shell[part] && app[part], `${part} is drawn by both`);
      const { text: shellText, ...shellBox } = shell[part];
      const { text: appText, ...appBox } = app[part];
      // The shell's glyph is generated content, not text.
      const glyphText = theme === "dark" ? "☀" : "☾";
      if (part === "theme glyph") assert.equal(appText, glyphText);
      else assert.equal(shellText, part === "header" ? appText.replace(glyphText, "") : appText, `${part}: same text`);
      assert.deepEqual(shellBox, appBox, `${part}: same place and size`);
    }
    assertClean(page);
    await page.context().close();
  });
}

test("the composer with no preset: the shell has the title and no description", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  const release = await holdAppWasm(page);
  await page.goto(suite.site.url + "compose.html#/compose");
  await page.waitForSelector(".app-shell h1", { state: "visible" });
  assert.equal(await page.locator(".app-shell .preset-description").isVisible(), false);
  release();
  await waitForApp(page);
  assertClean(page);
  await page.context().close();
});

test("the guide, exercises and embeds on the same page show no shell and fetch the wasm at once", async () => {
  for (const path of ["#/exercises", "#/guide", "#/embed/code/429"]) {
    const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
    const release = await holdAppWasm(page);
    const wasmAsked = page.waitForRequest(APP_WASM);
    await page.goto(suite.site.url + "compose.html" + path);
    await wasmAsked;
    assert.equal(await page.locator(".app-shell").isVisible(), false, `${path}: no composer shell`);
    assert.equal(await page.locator('link[rel=preload][href$="_bg.wasm"]').count(), 1, `${path}: the wasm preload is back`);
    release();
    await waitForApp(page);
    assertClean(page);
    await page.context().close();
  }
});

test("when the wasm cannot be fetched, the shell says the composer could not start", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await page.route(APP_WASM, (route) => route.fulfill({ status: 503, body: "down for maintenance" }));
  await page.goto(suite.site.url + "compose.html#/compose/rate-limited-429");
  const alert = page.locator(".app-shell .shell-failed[role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /^The composer could not start \(.*503.*\)\. Check the connection and reload the page/);
  assert.equal(await page.getAttribute(".app-shell main", "aria-busy"), null, "no longer busy");
  // Reload tries again: this time the wasm arrives.
  await page.unroute(APP_WASM);
  const problems = [...page.problems];
  await page.click(".app-shell button:has-text('Reload')");
  await waitForApp(page);
  page.problems = problems;
  // What the page reported is the failure itself, nothing else.
  assert.ok(page.problems.length > 0 && page.problems.every((p) => /503|could not start|failed to fetch/i.test(p)), page.problems.join("\n"));
  await page.context().close();
});

test("on a slow mobile network the first analysis arrives, with no engine restart on the way", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 390, height: 844 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  // Slower than Lighthouse's slow 4G: the engine's 430 KB alone take over
  // three seconds, the time a worker that has answered once may stay silent.
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1000 * 1024) / 8,
    uploadThroughput: (500 * 1024) / 8,
  });
  await page.goto(suite.site.url + "compose.html#/compose/rate-limited-429");
  await page.waitForSelector(".app-shell .preset-description", { state: "visible" });
  await page.waitForSelector(".meaning h2", { timeout: 45000 });
  await waitForDom(page, () => document.querySelector(".meaning h2")?.textContent.startsWith("429"));
  assert.equal(await page.locator(".engine-note").count(), 0, "no restart notice");
  assertClean(page);
  await page.context().close();
});
