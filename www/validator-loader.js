// Starts the JSON Schema validator worker (see src/validator/). Loaded only
// when a JSON body needs a schema verdict; a file of our own so the
// Content-Security-Policy can keep worker-src 'self'.
importScripts("./validator.js");
wasm_bindgen({ module_or_path: "./validator_bg.wasm" });
