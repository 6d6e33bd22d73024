// The npm http-cache-semantics package as an oracle for
// tests/cache_differential.rs.
//
// Usage: node oracle.mjs <corpus.json>
// The corpus is an array of
//   { id, method, url, request_headers: [[name, value]...], status,
//     response_headers: [[name, value]...], received_at_ms, now_ms }.
// For each case it prints one JSON line:
//   { id, shared: { storable, ttl_ms }, private: { storable, ttl_ms } }
// with the package's clock fixed: the response is received at
// received_at_ms (the constructor reads now()) and judged at now_ms. The
// package documents now() as the method to monkey-patch for testing.

import { readFileSync } from 'node:fs';

import { clock, FixedClockPolicy, headerObject } from './policy.mjs';

function judge(testCase, shared) {
    const request = {
        method: testCase.method,
        url: testCase.url,
        headers: headerObject(testCase.request_headers),
    };
    const response = {
        status: testCase.status,
        headers: headerObject(testCase.response_headers),
    };
    clock.ms = testCase.received_at_ms;
    const policy = new FixedClockPolicy(request, response, { shared });
    clock.ms = testCase.now_ms;
    return { storable: policy.storable(), ttl_ms: policy.timeToLive() };
}

const file = process.argv[2];
if (!file) {
    console.error('usage: node oracle.mjs <corpus.json>');
    process.exit(2);
}
const corpus = JSON.parse(readFileSync(file, 'utf8'));
const lines = corpus.map((testCase) =>
    JSON.stringify({ id: testCase.id, shared: judge(testCase, true), private: judge(testCase, false) })
);
process.stdout.write(lines.join('\n') + '\n');
