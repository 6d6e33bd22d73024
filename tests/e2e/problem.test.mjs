// Error bodies as a user meets them: problem details checked in place, and
// a legacy body converted with one click.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useSuite, openPage, assertClean, waitForApp, waitForDom, ARTIFACTS, pasteExchange } from "./harness.mjs";

const suite = useSuite(before, after);

const paste = pasteExchange;

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

/** Records the URLs a page asks for, to prove what it does not load. */
function recordRequests(page) {
  const urls = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}
const validatorLoaded = (urls) => urls.some((url) => /validator(-loader\.js|\.js|_bg\.wasm)/.test(url));

test("the validator worker loads only when a body needs it", async () => {
  const reference = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  const referenceUrls = recordRequests(reference);
  await reference.goto(suite.site.url + "#/code/404");
  await waitForApp(reference);
  await reference.waitForSelector("h1");
  assert.ok(!validatorLoaded(referenceUrls), "a reference page never loads the validator");
  assertClean(reference);

  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  const urls = recordRequests(page);
  // The 304 preset has no body.
  await page.goto(suite.site.url + "compose.html#/compose/conditional-get-304");
  await waitForApp(page);
  await waitForDom(page, () => /304/.test(document.querySelector(".meaning h2")?.textContent ?? ""));
  await page.waitForTimeout(300);
  assert.ok(!validatorLoaded(urls), "a bodiless exchange does not load the validator");
  await paste(page, 'GET /orders/7 HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\n\r\n{\n  "type": "not a uri",\n  "status": "404"\n}');
  await waitForDom(page, () => /Appendix A schema: \d+ error/.test(document.querySelector(".schema-standard")?.textContent ?? ""), undefined, 10000);
  assert.ok(validatorLoaded(urls), "a problem body loads it");
  const standard = await page.textContent(".schema-standard");
  assert.match(standard, /\/status/);
  // The excerpt shows the faulty line with a caret under the value.
  assert.match(await page.locator(".schema-standard .problem-excerpt").first().textContent(), /"type": "not a uri"|"status": "404"/);
  assertClean(page);
});

test("the user's own schema from an OpenAPI document: chosen, applied, errors placed, remembered", async () => {
  const page = await composer();
  await paste(page, 'POST /orders HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 422 Unprocessable Content\r\nContent-Type: application/problem+json\r\n\r\n{\n  "title": "Invalid order",\n  "status": 422,\n  "code": "42"\n}');
  await page.waitForSelector(".user-schema summary");
  await page.click(".user-schema summary");
  const openapi = JSON.stringify({
    openapi: "3.1.0",
    info: { title: "Orders", version: "1" },
    components: { schemas: {
      Problem: { type: "object", required: ["title", "code"], properties: { title: { type: "string" }, code: { $ref: "#/components/schemas/Code" } } },
      Code: { type: "string", pattern: "^E[0-9]+$" },
    } },
  }, null, 2);
  await page.fill("#user-schema", openapi);
  await page.waitForSelector("select#user-schema-pointer");
  await page.selectOption("#user-schema-pointer", "#/components/schemas/Problem");
  await page.click("#apply-schema");
  await waitForDom(page, () => /Your schema: 1 error/.test(document.querySelector(".schema-verdict.user")?.textContent ?? ""), undefined, 10000);
  const verdict = await page.textContent(".schema-verdict.user");
  assert.match(verdict, /4:\d+ \/code/, "the error is placed at /code, line 4");
  await page.locator(".schema-verdict.user .problem-place").first().click();
  const selection = await page.locator("#response-body").evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  assert.match(selection, /"42"/);
  await page.screenshot({ path: join(ARTIFACTS, "problem-user-schema.png"), fullPage: true });
  // A reload brings the schema back.
  await page.reload();
  await waitForApp(page);
  await page.waitForSelector(".user-schema summary");
  assert.match(await page.textContent(".user-schema summary"), /in use/);
  await waitForDom(page, () => /Your schema: 1 error/.test(document.querySelector(".schema-verdict.user")?.textContent ?? ""), undefined, 10000);
  assertClean(page);
});

test("a schema that is not JSON gets a readable message, and the page keeps working", async () => {
  const page = await composer();
  await paste(page, 'GET / HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{"error": "BAD"}');
  await page.waitForSelector(".user-schema summary");
  await page.click(".user-schema summary");
  await page.fill("#user-schema", "type: object\n");
  await page.click("#apply-schema");
  await waitForDom(page, () => /not a JSON document/.test(document.querySelector(".user-schema-error")?.textContent ?? ""), undefined, 10000);
  await page.click("#remove-schema");
  await waitForDom(page, () => document.querySelector(".user-schema-error") === null);
  assertClean(page);
});
