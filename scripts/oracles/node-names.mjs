#!/usr/bin/env node
// Oracle: print the reason phrases Node's http.STATUS_CODES gives each code.
// Output: one JSON object on stdout, {"<code>": {"phrase": "..."}}, read from
// the running Node (no hard-coded list). Node has no named constants.
import http from 'node:http';

const out = {};
for (const [code, phrase] of Object.entries(http.STATUS_CODES)) {
  out[String(Number(code))] = { phrase };
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
