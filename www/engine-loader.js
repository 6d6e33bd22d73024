// Starts the analysis engine worker (see src/engine/). A file of our own
// rather than gloo's blob: shim, so the Content-Security-Policy can keep
// worker-src 'self', and without the deprecated wasm_bindgen(url) call form.
// The wasm request goes out before importScripts blocks on the glue code, so
// the two downloads overlap: one round trip fewer before the first analysis.
var wasm = fetch("./engine_bg.wasm");
importScripts("./engine.js");
wasm_bindgen({ module_or_path: wasm });
