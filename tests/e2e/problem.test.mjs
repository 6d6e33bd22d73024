// Error bodies as a user meets them: problem details checked in place, and
// a legacy body converted with one click.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { useSuite, openPage, assertClean, waitForApp, waitForDom } from "./harness.mjs";

const suite = useSuite(before, after);

async function paste(page, raw) {
  await page.click(".paste summary");
  await page.fill("#paste-text", raw);
  await page.click("#load-paste");
}

async function composer() {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(suite.site.url + "compose.html#/compose");
  await waitForApp(page);
  await page.waitForSelector(".meaning h2");
  return page;
}

test("a faulty problem body: each fault placed in the body, a click puts the cursor there", async () => {
  const page = await composer();
  await paste(page, 'GET /orders/7 HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\n\r\n{\n  "title": "Not Found",\n  "status": 400\n}');
  await page.waitForSelector(".problem .problem-place");
  const text = await page.textContent(".problem");
  assert.match(text, /Problem details with faults/);
  assert.match(text, /3:\d+/, "the status fault is on line 3");
  await page.locator(".problem-place", { hasText: "/status" }).click();
  const selection = await page.locator("#response-body").evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  assert.match(selection, /400/);
  assertClean(page);
});

test("a legacy error body converts to valid problem details", async () => {
  const page = await composer();
  await paste(page, 'GET /orders/7 HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\n\r\n{"error": "ORDER_NOT_FOUND", "message": "No order 7", "details": {"order": 7}}');
  await page.waitForSelector("#convert-problem");
  await page.click("#convert-problem");
  await waitForDom(page, () => /Valid problem details/.test(document.querySelector(".problem")?.textContent ?? ""));
  assert.match(await page.inputValue("#response-body"), /"detail": "No order 7"/);
  assertClean(page);
});
