// Starts the JSON Schema validator worker (see src/validator/). Loaded only
// when a JSON body needs a schema verdict; a file of our own so the
// Content-Security-Policy can keep worker-src 'self'. The wasm request goes
// out before importScripts blocks on the glue code, so the two overlap.
var wasm = fetch("./validator_bg.wasm");
importScripts("./validator.js");
wasm_bindgen({ module_or_path: wasm });
