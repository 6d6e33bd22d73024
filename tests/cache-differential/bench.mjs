// Cache verdicts per second of the npm package http-cache-semantics on
// Node.js, over the corpus benches/cache.rs wrote, and the ratio of this
// engine's figures (native, and in a browser worker) to it.
//
// Usage: node bench.mjs <corpus.json> [native-figures.json] [worker-figures.json]
// One verdict is one cache's answer (storable and time to live) for one
// exchange, as in benches/cache.rs. Requests and responses are built once,
// before timing, as the Rust side parses its exchanges once.

import { readFileSync, existsSync } from 'node:fs';

import { clock, FixedClockPolicy, headerObject } from './policy.mjs';

const [corpusFile, nativeFile, workerFile] = process.argv.slice(2);
if (!corpusFile) {
    console.error('usage: node bench.mjs <corpus.json> [native-figures.json] [worker-figures.json]');
    process.exit(2);
}
const cases = JSON.parse(readFileSync(corpusFile, 'utf8')).map((c) => ({
    request: { method: c.method, url: c.url, headers: headerObject(c.request_headers) },
    response: { status: c.status, headers: headerObject(c.response_headers) },
    received_at_ms: c.received_at_ms,
    now_ms: c.now_ms,
}));

let sink = 0;
function round() {
    for (const c of cases) {
        for (const shared of [true, false]) {
            clock.ms = c.received_at_ms;
            const policy = new FixedClockPolicy(c.request, c.response, { shared });
            clock.ms = c.now_ms;
            sink += policy.storable() ? policy.timeToLive() : 1;
        }
    }
}

round(); // let the JIT warm up before timing
const rounds = 200;
const start = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) round();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const verdicts = 2 * rounds * cases.length;
const npm = verdicts / seconds;
console.log(
    `cache verdicts, npm http-cache-semantics on Node.js ${process.version}: ${verdicts} in ` +
        `${seconds.toFixed(3)} s = ${npm.toFixed(0)} verdicts/s (checksum ${sink % 997})`
);

function ratio(label, file) {
    if (!file || !existsSync(file)) {
        console.log(`${label}: no figures (${file ?? 'not given'})`);
        return;
    }
    const figures = JSON.parse(readFileSync(file, 'utf8'));
    const ours = figures.verdicts_per_s;
    console.log(
        `${label}: ${ours.toFixed(0)} verdicts/s = ${(ours / npm).toFixed(2)} × npm on Node.js`
    );
}
ratio('Status Lab, native', nativeFile);
ratio('Status Lab, wasm in a browser worker', workerFile);
