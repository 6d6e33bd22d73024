// Starts the analysis engine worker (see src/engine/). A file of our own
// rather than gloo's blob: shim, so the Content-Security-Policy can keep
// worker-src 'self', and without the deprecated wasm_bindgen(url) call form.
importScripts("./engine.js");
wasm_bindgen({ module_or_path: "./engine_bg.wasm" });
