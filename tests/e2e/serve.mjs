// Serves the built site (dist/) on a port, brotli-compressed like the tests.
// Usage: node tests/e2e/serve.mjs [port]
import { loadSite, serveSite } from "./harness.mjs";

const port = Number(process.argv[2] ?? 8080);
const site = await serveSite(await loadSite(), port);
console.log(`Status Lab at ${site.url} (reference) and ${site.url}compose.html (composer)`);
