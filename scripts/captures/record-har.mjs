// Record one HAR file with Chromium driven by playwright-core.
//
//   node scripts/captures/record-har.mjs OUT.har URL [--content embed|omit] [--abort GLOB]
//
// playwright-core is loaded from $PLAYWRIGHT_CORE_DIR (record-captures.sh
// points it at tests/e2e/node_modules/playwright-core or at a private copy),
// Chromium from $CHROMIUM (default /usr/bin/chromium). The HAR is written by
// Playwright itself when the context closes; this script never edits it.

import { createRequire } from 'node:module';
import path from 'node:path';

const args = process.argv.slice(2);
const positional = [];
const opts = { content: 'embed', abort: [] };
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--content') opts.content = args[++i];
  else if (args[i] === '--abort') opts.abort.push(args[++i]);
  else positional.push(args[i]);
}
const [out, url] = positional;
if (!out || !url) {
  console.error('usage: record-har.mjs OUT.har URL [--content embed|omit] [--abort GLOB]');
  process.exit(2);
}

const pwDir = process.env.PLAYWRIGHT_CORE_DIR;
if (!pwDir) {
  console.error('record-har.mjs: set PLAYWRIGHT_CORE_DIR to a playwright-core package directory');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(pwDir), 'package.json'));
const { chromium } = require(path.resolve(pwDir));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
let status = 0;
try {
  const context = await browser.newContext({ recordHar: { path: out, content: opts.content } });
  const page = await context.newPage();
  for (const glob of opts.abort) await page.route(glob, r => r.abort());
  try {
    const resp = await page.goto(url, { waitUntil: 'networkidle', timeout: 15000 });
    console.error(`record-har: ${url} -> ${resp ? resp.status() : 'no response'}`);
  } catch (e) {
    console.error(`record-har: ${url} failed: ${e.message.split('\n')[0]}`);
  }
  await page.waitForTimeout(300);
  await context.close();
} catch (e) {
  console.error(`record-har: ${e.stack || e}`);
  status = 1;
} finally {
  await browser.close();
}
process.exit(status);
