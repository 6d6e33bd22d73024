// Makes every built page safe to serve with a strict Content-Security-Policy:
// Trunk's inline module script (the wasm loader) moves into a file of its
// own, content-hashed like Trunk's other files, and the policy goes into a
// meta tag. Fails if any inline script remains.
//
// Usage: node scripts/harden-site.mjs <dist-dir>
// The policy, for servers that can send it as a header instead (add
// `frame-ancestors` there: browsers ignore it in a meta tag):
export const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join("; ");

import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, basename } from "node:path";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node scripts/harden-site.mjs <dist-dir>");
  process.exit(2);
}

/**
 * The composer page paints its shell before the wasm (www/composer-shell.js):
 * the wasm request and the app's start wait for that first paint on the
 * composer's addresses. So Trunk's wasm preload moves onto the shell
 * script, which adds it back on the page's other addresses, and the boot
 * script awaits the shell's promise (undefined there: no wait).
 */
function deferWasmToShell(page, html) {
  const shellScript = '<script src="compose-head.js"></script>';
  if (!html.includes(shellScript)) return { html, bootPrefix: "" };
  const preload = /<link rel="preload" href="([^"]+_bg\.wasm)"[^>]*>/.exec(html);
  if (!preload) {
    console.error(`${page}: has the composer shell but no wasm preload to hand it`);
    process.exit(1);
  }
  // Without Trunk's integrity attribute: Chromium ignores it on a fetch
  // preload, and says so in the console.
  const [link, href] = preload;
  html = html.replace(link, "").replace(shellScript, `<script src="compose-head.js" data-wasm="${href}"></script>`);
  return { html, bootPrefix: "await window.statuslabShellPainted;\n" };
}

for (const page of readdirSync(dir).filter((name) => name.endsWith(".html"))) {
  const path = join(dir, page);
  const deferred = deferWasmToShell(page, readFileSync(path, "utf8"));
  let html = deferred.html;
  html = html.replace(/<script type="module">([\s\S]*?)<\/script>/g, (_, script) => {
    const body = deferred.bootPrefix + script.trim();
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
    const file = `${basename(page, ".html")}-boot-${hash}.js`;
    writeFileSync(join(dir, file), body.trim() + "\n");
    return `<script type="module" src="./${file}"></script>`;
  });
  const inline = html.match(/<script(?![^>]*\ssrc=)[^>]*>/g);
  if (inline) {
    console.error(`${page}: inline script left: ${inline.join(", ")}`);
    process.exit(1);
  }
  if (!html.includes('http-equiv="Content-Security-Policy"')) {
    html = html.replace(
      /<meta charset="utf-8" \/>/,
      `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${POLICY}" />`,
    );
  }
  writeFileSync(path, html);
}
