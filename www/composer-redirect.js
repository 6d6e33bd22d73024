// Runs first, before anything else loads. Two jobs that cannot wait for the
// wasm:
// - The composer, the guide, exercises, shared links and exchange embeds are
//   the full build: go there before loading anything here.
// - A code page's prose (details/<code>.json) is fetched now, beside the
//   wasm, instead of after it starts: the page shows it in its first render.
(function () {
  var hash = location.hash;
  var full = ["#/compose", "#/s/", "#/guide", "#/exercises", "#/embed/exchange/"];
  for (var i = 0; i < full.length; i++) {
    if (hash.indexOf(full[i]) === 0) {
      location.replace("compose.html" + hash);
      return;
    }
  }
  // Codes with a prose file; written by `STATUSLAB_BLESS=1 cargo test --test details_asset`.
  var withProse = " 100 101 102 103 104 200 201 202 203 204 205 206 207 208 218 226 300 301 302 303 304 305 306 307 308 400 401 402 403 404 405 406 407 408 409 410 411 412 413 414 415 416 417 418 419 420 421 422 423 424 425 426 428 429 430 431 440 444 449 450 451 460 463 464 494 495 496 497 498 499 500 501 502 503 504 505 506 507 508 509 510 511 520 521 522 523 524 525 526 527 530 561 598 599 ";
  var code = /^#\/code\/(\d{3})(?:[?/]|$)/.exec(hash);
  if (code && withProse.indexOf(" " + code[1] + " ") >= 0) {
    var link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    // What `fetch(url)` asks for by default, so the page's request reuses this one.
    link.crossOrigin = "anonymous";
    link.href = "details/" + code[1] + ".json";
    document.head.appendChild(link);
  }
})();
