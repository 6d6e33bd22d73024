// Reference depth (issue 13) as a reader meets it: a vendor code's
// evidence, a code's names in several languages, a snippet copied.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { useSuite, openPage, assertClean, waitForApp } from "./harness.mjs";

const suite = useSuite(before, after);

test("a vendor code page shows its evidence and sources; a doubtful one says so", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(suite.site.url + "#/code/527");
  await waitForApp(page);
  await page.waitForSelector("#evidence");
  assert.match(await page.textContent(".evidence"), /Evidence: verified/);
  assert.match(await page.textContent(".evidence .historical"), /2023-06-01.*2024-01-31/);
  assert.ok((await page.locator(".evidence .sources a[href^='https://']").count()) >= 1);
  await page.goto(suite.site.url + "#/code/598");
  await page.waitForSelector(".evidence-doubtful");
  assert.match(await page.textContent(".evidence"), /Doubtful/);
  await page.goto(suite.site.url + "#/search/railgun");
  await page.waitForSelector(".row-evidence");
  assert.match(await page.textContent(".row-evidence"), /Evidence: verified/);
  assertClean(page);
});

test("a code page names the code in several languages, shows its history, and a snippet copies", async () => {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });
  await page.goto(suite.site.url + "#/code/413");
  await waitForApp(page);
  await page.waitForSelector("#names");
  const python = await page.textContent('tr[data-ecosystem="python"]');
  assert.match(python, /REQUEST_ENTITY_TOO_LARGE/);
  assert.match(python, /Old name/);
  assert.match(await page.textContent('tr[data-ecosystem="go"]'), /StatusRequestEntityTooLarge/);
  assert.match(await page.textContent('tr[data-ecosystem="rust"]'), /PAYLOAD_TOO_LARGE/);
  const timeline = await page.textContent("ol.timeline");
  assert.match(timeline, /Request Entity Too Large[\s\S]*Payload Too Large[\s\S]*Content Too Large/);

  await page.goto(suite.site.url + "#/code/429");
  await page.click("#show-snippets");
  await page.waitForSelector(".snippet");
  const express = page.locator('.snippet[data-framework="express"]');
  await express.locator("summary").click();
  await express.locator(".copy-snippet").click();
  await page.waitForFunction(() => document.querySelector('.snippet[data-framework="express"] .copy-snippet')?.textContent === "Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /429/);
  assert.ok((await page.locator(".snippet").count()) >= 7);
  assertClean(page);
});
