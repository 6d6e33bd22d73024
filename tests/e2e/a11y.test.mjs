// axe-core on every view a user reaches, in both themes and at phone width:
// any violation fails, and so does a colour-contrast "needs review" whose
// reason is not explained in EXPLAINED_CONTRAST_REVIEWS. (axe-core is pinned in package.json and injected
// from node_modules; nothing is fetched.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { useSuite, openPage, assertClean, waitForApp, pasteExchange, holdAppWasm } from "./harness.mjs";

const suite = useSuite(before, after);
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// axe marks a contrast check "needs review" when it cannot compute the
// colours behind a text. Each reason it gives is handled here, or fails the
// test like a violation:
// - nonBmp: the text is a symbol glyph (the brand mark ◆, the theme toggle's
//   ☾/☀), decorative and aria-hidden; its meaning is in the control's label.
// - elmPartiallyObscured / elmPartiallyObscuring: another box overlaps it
//   (the sticky header or summary bar over content scrolled beneath it, a
//   wrapped badge touching its neighbour). The test then measures the
//   contrast itself, from the element's colour and the first opaque
//   background among its ancestors, and requires WCAG AA (4.5:1; 3:1 for
//   large text).
async function violations(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations", "incomplete"] });
    const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
    const rgba = (text) => (text.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]) => {
      const channel = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const ownContrast = (element) => {
      let background = null;
      for (let e = element; e && !background; e = e.parentElement) {
        const [r, g, b, a = 1] = rgba(getComputedStyle(e).backgroundColor);
        if (a >= 1) background = [r, g, b];
      }
      background ??= rgba(getComputedStyle(document.documentElement).backgroundColor).slice(0, 3);
      const [l1, l2] = [luminance(rgba(getComputedStyle(element).color)), luminance(background)].sort((x, y) => y - x);
      return (l1 + 0.05) / (l2 + 0.05);
    };
    for (const check of result.incomplete.filter((r) => r.id === "color-contrast")) {
      for (const node of check.nodes) {
        const reasons = node.any.map((a) => a.data?.messageKey ?? a.message);
        const where = node.target.join(" ");
        if (reasons.every((r) => r === "nonBmp")) continue;
        if (reasons.every((r) => r === "elmPartiallyObscured" || r === "elmPartiallyObscuring")) {
          const element = document.querySelector(where);
          const style = element && getComputedStyle(element);
          const large = style && (parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700));
          const ratio = element ? ownContrast(element) : 0;
          if (ratio >= (large ? 3 : 4.5)) continue;
          found.push(`color-contrast, overlapped, measured ${ratio.toFixed(2)}:1: ${where}`);
          continue;
        }
        found.push(`color-contrast needs review (${reasons.join(", ")}), unexplained: ${where}`);
      }
    }
    return found;
  });
}

async function audit(path, { width = 1280, dark = false, prepare } = {}) {
  // bypassCSP: axe is injected as an inline script, which the page's policy (rightly) refuses.
  const page = await openPage(suite.browser, { viewport: { width, height: 900 }, colorScheme: dark ? "dark" : "light", bypassCSP: true });
  await page.goto(suite.site.url + path);
  await waitForApp(page);
  if (prepare) await prepare(page);
  await page.waitForTimeout(300);
  const found = await violations(page);
  assert.deepEqual(found, [], `${path} at ${width}px${dark ? ", dark" : ""}`);
  assertClean(page);
}

const problemBody = 'POST /orders HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 422 Unprocessable Content\r\nContent-Type: application/problem+json\r\n\r\n{\n  "title": "Invalid order",\n  "status": 400\n}';

async function composerWithEverything(page) {
  await page.waitForSelector(".meaning h2");
  await pasteExchange(page, problemBody);
  await page.waitForSelector(".schema-standard [class*=verdict]", { timeout: 10000 });
  await page.click(".user-schema summary");
  await page.click(".cache-defaults summary").catch(() => {});
  await page.click('.export-buttons button:has-text("HAR")');
  await page.waitForSelector("#export-text");
}

for (const dark of [false, true]) {
  test(`reference list, search results and a code page have no axe violations${dark ? " (dark)" : ""}`, async () => {
    await audit("#/", { dark });
    await audit("#/search/rate%20limit", { dark });
    await audit("#/code/429", { dark });
    await audit("#/code/599", { dark });
  });

  test(`the composer with every panel open has no axe violations${dark ? " (dark)" : ""}`, async () => {
    await audit("compose.html#/compose/rate-limited-429", { dark, prepare: (page) => page.waitForSelector(".retry .verdict").then(() => page.selectOption("#retry-budget", "grpc")) });
    await audit("compose.html#/compose", { dark, prepare: composerWithEverything });
  });
}

test("phone width: code page and composer have no axe violations", async () => {
  await audit("#/code/404", { width: 390 });
  await audit("compose.html#/compose/rate-limited-429", { width: 390, prepare: (page) => page.waitForSelector(".retry .verdict") });
});

test("the composer's shell, shown before its wasm arrives, has no axe violations", async () => {
  for (const { width, dark } of [{ width: 1280, dark: false }, { width: 390, dark: true }]) {
    const page = await openPage(suite.browser, { viewport: { width, height: 900 }, colorScheme: dark ? "dark" : "light", bypassCSP: true });
    // The wasm never arrives in this test: the shell is all there is.
    await holdAppWasm(page);
    await page.goto(suite.site.url + "compose.html#/compose/rate-limited-429");
    await page.waitForSelector(".app-shell .preset-description", { state: "visible" });
    assert.deepEqual(await violations(page), [], `the shell at ${width}px${dark ? ", dark" : ""}`);
    assertClean(page);
    await page.context().close();
  }
});

const openSnippets = async (page) => {
  await page.waitForSelector("#names");
  await page.click("#show-snippets");
  await page.locator(".snippet summary").first().click();
};

for (const dark of [false, true]) {
  test(`depth sections, the guide, exercises, the answer sheet and embeds have no axe violations${dark ? " (dark)" : ""}`, async () => {
    await audit("#/code/429", { dark, prepare: openSnippets });
    await audit("#/code/451", { dark, prepare: (page) => page.waitForSelector("#meanings") });
    await audit("#/code/527", { dark, prepare: (page) => page.waitForSelector("#evidence") });
    await audit("#/search/nginx", { dark });
    await audit("compose.html#/guide", { dark, prepare: (page) => page.waitForSelector(".guide-choices") });
    await audit("compose.html#/guide/created-post", { dark, prepare: (page) => page.waitForSelector(".guide-answer") });
    await audit("compose.html#/exercises", { dark, prepare: (page) => page.waitForSelector(".exercise-list li") });
    await audit("compose.html#/exercises/duplicate-email", {
      dark,
      prepare: async (page) => {
        await page.waitForSelector("#check-answer");
        await page.click("#check-answer");
        await page.waitForSelector(".grade");
        await page.click("#show-hint");
        await page.click("#give-up");
      },
    });
    await audit("compose.html#/exercises/answers", { dark, prepare: (page) => page.waitForSelector(".answer") });
    await audit("#/embed/code/429", { dark, prepare: (page) => page.waitForSelector(".embed-title") });
  });
}

test("phone width: the guide, an exercise and a depth-rich code page have no axe violations", async () => {
  await audit("#/code/429", { width: 390, prepare: openSnippets });
  await audit("compose.html#/guide/created-post", { width: 390, prepare: (page) => page.waitForSelector(".guide-answer") });
  await audit("compose.html#/exercises/user-created", { width: 390, prepare: (page) => page.waitForSelector("#check-answer") });
});
