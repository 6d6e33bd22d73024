// Share, embed, teach (issue 11): links reproduce the state, broken links
// leave the user's work alone, the docs example shows both kinds of card,
// exercises grade and score, the guide ends in the composer, and the
// composer works offline after its first visit.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useSuite, openPage, assertClean, waitForApp, waitForDom, gotoComposer, pasteExchange, shareLink } from "./harness.mjs";

const suite = useSuite(before, after);

const EXCHANGE =
  "GET /v1/reports?page=2&access_token=s3cret HTTP/1.1\r\nHost: api.example\r\nAuthorization: Bearer abc.def\r\n\r\n" +
  "HTTP/1.1 503 Service Unavailable\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nRetry-After: 120\r\nContent-Type: application/problem+json\r\n\r\n" +
  '{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"Maintenance until 10:02."}';

async function composerWith(page, raw) {
  await gotoComposer(page, suite.site.url);
  await pasteExchange(page, raw);
  await waitForDom(page, () => /503/.test(document.querySelector(".meaning h2")?.textContent ?? ""));
}

test("a copied link opens the same state in a fresh browser, without the credentials", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await composerWith(page, EXCHANGE);
  await page.selectOption("#profile", "zalando");
  await waitForDom(page, () => document.querySelector("#profile")?.value === "zalando");
  const link = await shareLink(page);
  assert.match(link, /compose\.html#\/s\/1\./);
  assert.ok(link.length < 2000, `${link.length} characters`);
  assert.match(await page.textContent(".share-redacted"), /Authorization.*access_token/);
  await page.click("#copy-link");
  assertClean(page);

  // A new context: nothing saved, nothing shared but the address.
  const other = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await other.goto(link);
  await waitForApp(other);
  await waitForDom(other, () => /503/.test(document.querySelector(".meaning h2")?.textContent ?? ""), undefined, 10000);
  assert.equal(await other.inputValue("#status"), "503");
  assert.equal(await other.inputValue("#profile"), "zalando");
  assert.match(await other.inputValue("#target"), /page=2&access_token=\[redacted\]/);
  assert.match(await other.textContent(".link-note"), /Opened from a shared link/);
  assert.match(other.url(), /#\/compose$/, "the address names the composer once the link is read");
  assertClean(other);

  // Deliberately including secrets puts them in the link.
  await page.check("#share-secrets");
  await waitForDom(page, () => document.querySelector(".share-redacted") === null);
  const withSecrets = await page.inputValue("#share-link");
  assert.notEqual(withSecrets, link);
});

test("a damaged, future or oversized link says so and leaves the saved work intact", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await composerWith(page, EXCHANGE);
  await page.fill("#status", "504");
  await waitForDom(page, () => /504/.test(document.querySelector(".meaning h2")?.textContent ?? ""));
  const link = await shareLink(page);
  const broken = [
    link.slice(0, link.length - 25),
    link.replace("#/s/1.", "#/s/9."),
    link.replace(/#\/s\/.*/, "#/s/1." + "A".repeat(1 << 20)),
  ];
  for (const address of broken) {
    await page.goto("about:blank");
    const started = Date.now();
    await page.goto(address);
    await waitForApp(page);
    await page.waitForSelector(".link-note.failed", { timeout: 10000 });
    await waitForDom(page, () => document.querySelector("#status")?.value === "504", undefined, 10000);
    assert.ok(Date.now() - started < 10000);
  }
  assert.match(await page.textContent(".link-note.failed"), /could not be opened/);
  assertClean(page);
});

test("the docs example shows an iframe card and a data-attribute card, loading the engine only when asked", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1000, height: 900 } });
  const wasm = [];
  page.on("request", (req) => { if (req.url().endsWith(".wasm")) wasm.push(req.url()); });
  await page.goto(suite.site.url + "examples/docs-page.html");
  const frame = page.frameLocator("#card-429");
  await frame.locator(".embed-title").waitFor({ timeout: 15000 });
  assert.match(await frame.locator(".embed-title").textContent(), /429 Too Many Requests/);
  const card = page.frameLocator("#card-201 iframe");
  await card.locator(".embed-title").waitFor({ timeout: 15000 });
  assert.match(await card.locator(".embed-title").textContent(), /201 Created/);
  // The frame is sized to its card by the height it reports.
  await page.waitForFunction(() => Number(document.querySelector("#card-201 iframe")?.getAttribute("height")) !== 260, undefined, { timeout: 10000 });
  assert.ok(!wasm.some((url) => /engine_bg|validator_bg/.test(url)), "no engine before the exchange card is opened");
  await page.click("#card-exchange button");
  const exchange = page.frameLocator("#card-exchange iframe");
  await exchange.locator(".embed-exchange .meaning h2").waitFor({ timeout: 15000 });
  assert.match(await exchange.locator(".embed-exchange .meaning h2").textContent(), /429/);
  assertClean(page);
});

test("two exercises, one wrong and one right, and the score follows", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(suite.site.url + "compose.html#/exercises");
  await waitForApp(page);
  await page.waitForSelector(".exercise-list li");
  const total = await page.locator(".exercise-list li").count();
  assert.ok(total >= 30, `${total} exercises`);
  assert.equal(await page.textContent(".exercise-score"), `Solved: 0 of ${total}`);

  await page.goto(suite.site.url + "compose.html#/exercises/duplicate-email");
  await page.waitForSelector("#exercise-answer");
  await page.fill("#exercise-answer", "HTTP/1.1 200 OK\nDate: Mon, 23 Nov 2026 10:00:00 GMT\nContent-Type: application/json\n\n{\"ok\":true}");
  await page.click("#check-answer");
  await page.waitForSelector(".grade.failed");
  assert.match(await page.textContent(".grade"), /Not yet/);
  await page.click("#show-hint");
  await page.waitForSelector(".hints li");

  await page.goto(suite.site.url + "compose.html#/exercises/user-created");
  await page.waitForSelector("#exercise-answer");
  await page.fill(
    "#exercise-answer",
    "HTTP/1.1 201 Created\nDate: Mon, 23 Nov 2026 10:00:00 GMT\nLocation: /users/42\nContent-Type: application/json\n\n{\"id\":42,\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
  );
  await page.click("#check-answer");
  await page.waitForSelector(".grade.passed");
  await page.waitForSelector(".explanation pre");
  await page.goto(suite.site.url + "compose.html#/exercises");
  await waitForDom(page, (t) => document.querySelector(".exercise-score")?.textContent === `Solved: 1 of ${t}`, total);
  // Progress stays in the browser.
  await page.reload();
  await waitForApp(page);
  await waitForDom(page, (t) => document.querySelector(".exercise-score")?.textContent === `Solved: 1 of ${t}`, total, 10000);
  assertClean(page);
});

test("a malformed exercise file names its line and field; a good one opens and becomes a link", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(suite.site.url + "compose.html#/exercises");
  await page.waitForSelector(".exercise-list li");
  const dir = mkdtempSync(join(tmpdir(), "statuslab-pack-"));
  const bad = join(dir, "bad.toml");
  writeFileSync(bad, 'format = 1\n[pack]\nid = "w"\ntitle = "W"\ndescription = "D"\n\n[[exercise]]\nid = "one"\ntitle = "One"\nlevel = "expert"\n');
  await page.setInputFiles("#open-pack", bad);
  await page.waitForSelector(".exercises .input-error");
  assert.match(await page.textContent(".exercises .input-error"), /line 10.*expert/s);
  const good = join(dir, "good.toml");
  writeFileSync(good, [
    "format = 1", "[pack]", 'id = "workshop"', 'title = "Friday workshop"', 'description = "One exercise."', "",
    "[[exercise]]", 'id = "gone"', 'title = "A retired endpoint"', 'level = "beginner"', 'scenario = "The v1 API was retired for good."',
    'request = "GET /v1/users HTTP/1.1\\nHost: api.example\\n"', 'hints = ["It will not come back."]', 'explanation = "410 says it is gone for good."',
    'spec = { doc = "RFC 9110", section = "15.5.11", url = "javascript:alert(1)" }',
    'reference = "HTTP/1.1 410 Gone\\nDate: Mon, 23 Nov 2026 10:00:00 GMT\\nContent-Type: text/plain\\n\\nRetired."',
    "[exercise.expect]", "status = [410]",
  ].join("\n"));
  await page.setInputFiles("#open-pack", good);
  await waitForDom(page, () => document.querySelector("#exercises-title")?.textContent === "Friday workshop");
  const link = await page.inputValue("#pack-link");
  assert.match(link, /#\/exercises\/pack\/1\./);
  const learner = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await learner.goto(link);
  await waitForApp(learner);
  await waitForDom(learner, () => document.querySelector("#exercises-title")?.textContent === "Friday workshop", undefined, 10000);
  await learner.goto(suite.site.url + "compose.html#/exercises/gone");
  await learner.click("#give-up");
  await learner.waitForSelector(".explanation .spec-link");
  assert.equal(await learner.locator(".explanation a.spec-link").count(), 0, "a javascript: source is never a link");
  assertClean(page);
  assertClean(learner);
});

test("the guide ends at a code and opens its example in the composer", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(suite.site.url + "index.html#/guide");
  await page.waitForSelector(".guide-choices .choice", { timeout: 15000 });
  for (let step = 0; step < 8 && (await page.locator(".guide-answer").count()) === 0; step++) {
    // Wait for the next step to render, not merely for the old one to be
    // there still: clicking a choice of a page on its way out times out.
    const question = await page.textContent(".guide-question h2");
    await page.locator(".guide-choices .choice").first().click();
    await page.waitForFunction(
      (before) => document.querySelector(".guide-answer") || document.querySelector(".guide-question h2")?.textContent !== before,
      question,
      { timeout: 10000 },
    );
  }
  await page.waitForSelector(".guide-answer");
  const code = (await page.textContent(".guide-code")).slice(0, 3);
  await page.click("#open-guide-example");
  await waitForDom(page, (c) => (document.querySelector(".meaning h2")?.textContent ?? "").includes(c), code, 10000);
  assertClean(page);
});

test("after a first visit the composer works offline", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 }, serviceWorkers: "allow" });
  await page.goto(suite.site.url + "compose.html#/compose");
  await page.waitForSelector(".meaning h2");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await waitForDom(page, () => navigator.serviceWorker.controller !== null || true);
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector(".meaning h2", { timeout: 15000 });
  await page.fill("#status", "418");
  await waitForDom(page, () => /418/.test(document.querySelector(".meaning h2")?.textContent ?? ""));
  await page.context().setOffline(false);
  assertClean(page);
});
