// Retry advice as a user meets it: the verdict follows the status, the
// method and Idempotency-Key as they are edited, with the schedule drawn.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useSuite, openPage, assertClean, waitForApp, waitForDom, ARTIFACTS } from "./harness.mjs";

const suite = useSuite(before, after);
const verdict = (page) => page.textContent(".retry .verdict");

async function open(preset) {
  const page = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(suite.site.url + "compose.html#/compose/" + preset);
  await waitForApp(page);
  await page.waitForSelector(".retry .verdict");
  return page;
}

test("a 429 with Retry-After shows the delay, the schedule and the clients", async () => {
  const page = await open("rate-limited-429");
  assert.match(await verdict(page), /Retry automatically · after 30 s/);
  assert.equal(await page.locator(".schedule-chart .draw").count(), await page.locator(".schedule-table tbody tr").count());
  assert.ok((await page.locator(".schedule-table tbody tr").count()) >= 1);
  assert.match(await page.textContent(".schedule-table caption"), /worst case/);
  assert.ok((await page.locator(".clients-table tbody tr").count()) >= 10, "the client table lists real clients");
  assert.match(await page.textContent(".clients-table"), /urllib3/);
  assert.match(await page.textContent(".analysis-summary"), /retry after 30 s/);
  await page.locator(".retry").screenshot({ path: join(ARTIFACTS, "retry-429.png") });
  assertClean(page);
});

test("a 502's verdict follows the method and Idempotency-Key", async () => {
  const page = await open("bad-gateway-502");
  assert.match(await verdict(page), /Retry automatically/);
  await page.fill("#method", "POST");
  await waitForDom(page, () => /Do not retry/.test(document.querySelector(".retry .verdict")?.textContent ?? ""));
  await page.click('button:has-text("+ Add request header")');
  await page.locator(".pane.request input.header-name").last().fill("Idempotency-Key");
  await page.locator(".pane.request input.header-value").last().fill("8e03978e-40d5-43e8-bc93-6894a57f9324");
  await waitForDom(page, () => /Retry automatically/.test(document.querySelector(".retry .verdict")?.textContent ?? ""));
  assertClean(page);
});

test("the schedule follows the backoff settings the user types", async () => {
  const page = await open("bad-gateway-502");
  await page.waitForSelector(".schedule-table tbody tr");
  await page.fill("#backoff-attempts", "2");
  await waitForDom(page, () => document.querySelectorAll(".schedule-table tbody tr").length === 2);
  assert.equal(await page.locator(".schedule-chart .draw").count(), 2);
  assertClean(page);
});

test("a retry budget cuts the schedule where its tokens run out, and can be undone", async () => {
  const page = await open("bad-gateway-502");
  await page.waitForSelector(".schedule-table tbody tr");
  await page.selectOption("#retry-budget", "grpc");
  // gRFC A6's example bucket: 10 tokens, this failure takes one, and each
  // failing retry another until 5 (half) is left: 4 retries.
  await waitForDom(page, () => document.querySelector(".schedule-table thead")?.textContent.includes("Budget left") && document.querySelectorAll(".schedule-table tbody tr").length === 4, null, 10000);
  assert.match(await page.textContent(".retry-steps"), /Retry budget: gRPC retry throttling/);
  await page.fill("#budget-tokens", "6");
  // Leaving the field commits it, as a user's Tab or click elsewhere does.
  await page.press("#budget-tokens", "Tab");
  await waitForDom(page, () => document.querySelector(".schedule-table") === null && /No retry is sent/.test(document.querySelector(".retry-steps")?.textContent ?? ""), null, 10000);
  assert.match(await page.textContent(".retry-steps"), /No retry is sent/);
  await page.selectOption("#retry-budget", "none");
  await waitForDom(page, () => document.querySelectorAll(".schedule-table tbody tr").length === 4, null, 10000);
  await page.locator(".retry").screenshot({ path: join(ARTIFACTS, "retry-budget.png") });
  assertClean(page);
});
