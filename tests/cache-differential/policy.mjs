// The npm package http-cache-semantics with its clock fixed, and request
// and response objects in the shape it expects; shared by oracle.mjs (the
// differential test) and bench.mjs (the benchmark).

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const CachePolicy = require('http-cache-semantics');

/** The moment the package reads through now(), in milliseconds. */
export const clock = { ms: 0 };

/** The package documents now() as the method to replace for testing. */
export class FixedClockPolicy extends CachePolicy {
    now() {
        return clock.ms;
    }
}

// Node's http module joins repeated fields with ", " (Set-Cookie stays an
// array); the package expects the same shape.
export function headerObject(pairs) {
    const out = {};
    for (const [name, value] of pairs) {
        const key = name.toLowerCase();
        if (key === 'set-cookie') {
            (out[key] ??= []).push(value);
        } else if (key in out) {
            out[key] = `${out[key]}, ${value}`;
        } else {
            out[key] = value;
        }
    }
    return out;
}
