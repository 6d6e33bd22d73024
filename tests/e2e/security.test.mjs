// The built site under its Content-Security-Policy: every view loads with
// no violation report (the policy is a meta tag written by
// scripts/harden-site.mjs), and no page carries an inline script.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useSuite, openPage, assertClean, waitForApp, DIST } from "./harness.mjs";

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
    await page.click(".paste summary");
    await page.fill("#paste-text", 'GET /x HTTP/1.1\r\nHost: a.example\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\n\r\n{"title":"Not Found","status":404}');
    await page.click("#load-paste");
    await page.waitForSelector(".schema-standard [class*=verdict]", { timeout: 10000 });
    await page.click('.export-buttons button:has-text("HAR")');
    await page.waitForSelector("#export-text");
  });
});

test("no built page has an inline script", () => {
  for (const page of ["index.html", "compose.html"]) {
    const html = readFileSync(join(DIST, page), "utf8");
    const inline = html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? [];
    assert.deepEqual(inline, [], page);
  }
});
