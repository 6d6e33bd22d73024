// The composer page's shell (compose.html only). On a slow network the
// composer's wasm takes seconds to arrive; until then the page shows the
// composer's first lines, written in the HTML (composer-shell.html): the
// header, the title and the preset's description, exactly where the app will
// draw them.
//
// Built into compose-head.js after theme.js (scripts/build-site.sh): the
// page's one blocking script, first in the head, so the browser fetches it
// beside the stylesheet and the first paint waits for no extra round trip.
// It fills and shows the shell as the parser inserts it, before that can
// paint. Two things it does not leave to chance:
// - Only the composer's addresses show the shell. The guide, the exercises
//   and embeds load the same build, and get at once the wasm preload Trunk
//   wrote (scripts/harden-site.mjs moved it onto this script's attributes).
// - On the composer's addresses the wasm request (a preload added here) and
//   the app's start (the boot script awaits `statuslabShellPainted`) wait
//   for the shell's first paint. Otherwise, on a fast connection, the app could
//   replace the shell before its first frame, and the page would draw its
//   first lines twice; on a slow one the shell paints long before the wasm
//   could arrive anyway, and the page's first paint never shares the
//   network with 300 KB of it.
(function () {
  var script = document.currentScript;
  // As Route::parse reads it: #/compose, #/compose/<preset>, #/s/<link>.
  var path = location.hash.replace(/^#/, "").replace(/^\//, "");
  var cut = path.indexOf("/");
  var head = cut < 0 ? path : path.slice(0, cut);
  var tail = cut < 0 ? "" : path.slice(cut + 1);
  function preloadWasm() {
    var wasm = script && script.getAttribute("data-wasm");
    if (!wasm) return;
    var link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.type = "application/wasm";
    link.crossOrigin = "anonymous";
    link.href = wasm;
    document.head.appendChild(link);
  }
  if (head !== "compose" && head !== "s") {
    preloadWasm();
    return;
  }

  // Written by `STATUSLAB_BLESS=1 cargo test --test details_asset` from data/presets.toml.
  // presets:begin
  var descriptions = {
    "user-created": "A sign-up form posts a new user and the API answers 201 Created. Location gives the URL of the new user, and the body repeats the stored representation so the client needs no second round trip.",
    "async-job-accepted": "Building the report takes a while, so the server queues it and answers 202 Accepted at once. Location points to a job resource to poll, and Retry-After suggests how long to wait before the first poll.",
    "delete-no-content": "An admin deletes a user and the server confirms with 204 No Content. Nothing follows the header section: a 204 cannot carry content, so there is no body and no Content-Type.",
    "range-request": "A log viewer fetches only the first 16 bytes of a 4096-byte file with a Range request. The 206 response says which bytes it holds and the full length in Content-Range, and the body is exactly those 16 bytes.",
    "conditional-get-304": "The client already holds version \"v7\" of the user and asks again with If-None-Match. The ETag still matches, so the server sends 304 with no body, repeating ETag and Cache-Control so the cache can refresh its stored copy.",
    "post-redirect-get-303": "A browser submits an order form and the server answers 303 See Other pointing at the new order. The browser follows with a GET, so reloading the confirmation page does not place the order twice.",
    "permanent-move-308": "The payments endpoint moved from /v1 to /v2 for good. 308 Permanent Redirect tells the client to send the same POST, with the same body, to the new URL and to use that URL from now on.",
    "validation-failure-400": "The request body has a trailing comma, so it is not JSON at all and the server cannot even read it: 400 Bad Request. The error is an RFC 9457 problem details object whose status member matches the status code.",
    "validation-failure-422": "This body is valid JSON, but two fields break the sign-up rules, so the answer is 422 Unprocessable Content rather than 400. An \"errors\" extension lists each problem with a JSON Pointer to the field, so a form can mark both at once.",
    "missing-token-401": "The client calls /me without credentials. 401 means the server does not know who is calling, and WWW-Authenticate names the scheme to use: a Bearer token for realm \"api\".",
    "wrong-role-403": "A valid token identifies a user whose role is only \"user\", and deleting accounts takes the admin role. The server knows who is asking and says no: 403 Forbidden, since signing in again would not change the answer.",
    "duplicate-email-409": "Someone signs up with an email that already belongs to an account. The body is fine, but it clashes with the current state of the server, so the answer is 409 Conflict rather than 400 or 422.",
    "rate-limited-429": "This API key has used all 100 requests of its 60-second window. 429 comes with Retry-After and the RateLimit and RateLimit-Policy fields, so the client knows the quota, what is left (nothing) and when it resets (in 30 seconds).",
    "unhandled-exception-500-right": "A bug throws while the order is loaded. The client gets 500 with a generic explanation and an id to quote to support; the stack trace and the query stay in the server logs.",
    "unhandled-exception-500-wrong": "Done wrong: the same crash, but the raw exception goes back to the client. Look at what leaks: the SQL statement with table and column names, server file paths, library versions in the stack and the framework in X-Powered-By.",
    "bad-gateway-502": "The API gateway forwarded the checkout request, but the service behind it sent back a response it could not parse. The gateway answers 502 Bad Gateway, and Proxy-Status records which hop failed and how.",
    "maintenance-503": "The order service is down for planned maintenance. 503 Service Unavailable gives Retry-After as an HTTP-date rather than a number of seconds, so clients know when the window ends.",
    "gateway-timeout-504": "The gateway waited 30 seconds for the reporting service and gave up. 504 Gateway Timeout means no answer arrived in time, unlike 502, where a bad answer did; a GET like this one is safe to retry later.",
    "ok-with-error-body": "Done wrong: the user does not exist, but the status says success and only the body admits failure. A cache can keep it like any other 200, error dashboards never see it, and every client has to read the body to find out what happened; the right answer is 404.",
    "html-error-to-json-client": "Done wrong: the client asked for JSON, but the reverse proxy in front of the API sends its stock HTML 404 page. The client's JSON parser fails on the first '<'; the error should be application/problem+json like the rest of the API.",
    "redirect-post-with-301": "Done wrong: an upload endpoint moved and answers 301. Clients are allowed to turn the POST into a GET when they follow a 301, and many do, so the upload is silently lost; 308 keeps the method and the body.",
    "http2-response": "A home page fetched over HTTP/2: the status line is just \"HTTP/2 200\" because HTTP/2 has no reason phrase, and header names arrive in lower case. Cache-Control lets caches reuse the page for five minutes and the ETag allows cheap revalidation after that.",
  };
  // presets:end

  var preset = "";
  if (head === "compose") {
    try {
      preset = decodeURIComponent(tail.replace(/\/+$/, ""));
    } catch (e) {
      preset = "";
    }
  }
  var description = Object.prototype.hasOwnProperty.call(descriptions, preset) ? descriptions[preset] : "";

  // Mutation callbacks run before the browser may render, so the shell is
  // never seen half filled.
  var filler = new MutationObserver(function () {
    var shell = document.querySelector(".app-shell");
    var paragraph = shell && shell.querySelector(".preset-description");
    if (!paragraph) return;
    filler.disconnect();
    if (description) {
      paragraph.textContent = description;
      paragraph.hidden = false;
    }
    shell.hidden = false;
  });
  filler.observe(document.documentElement, { childList: true, subtree: true });
  // Never left watching the app's own changes, whatever the markup.
  document.addEventListener("DOMContentLoaded", function () {
    filler.disconnect();
  });

  window.statuslabShellPainted = new Promise(function (resolve) {
    // A hidden tab paints nothing: never hold the app for it.
    if (document.visibilityState !== "visible") return resolve();
    try {
      new PerformanceObserver(function (list, observer) {
        if (list.getEntriesByName("first-contentful-paint").length) {
          observer.disconnect();
          resolve();
        }
      }).observe({ type: "paint", buffered: true });
    } catch (e) {
      resolve();
    }
    // A browser that reports no paint timing still starts the app.
    setTimeout(resolve, 500);
  });
  // Not left to the boot script: that waits for the app's JavaScript first.
  window.statuslabShellPainted.then(preloadWasm);

  // The app did not start (its wasm failed to download or compile; the boot
  // module reports that as an error, a promise as a rejection): say so where
  // the reader is looking, instead of a page that waits for ever.
  function failed(error) {
    var shell = document.querySelector(".app-shell");
    if (!shell || shell.hidden || shell.querySelector(".shell-failed")) return;
    var main = shell.querySelector("main");
    main.removeAttribute("aria-busy");
    var note = document.createElement("p");
    note.className = "input-error shell-failed";
    note.setAttribute("role", "alert");
    note.textContent =
      "The composer could not start (" + (error && error.message ? error.message : String(error)) + "). " +
      "Check the connection and reload the page; work saved in this browser is kept.";
    var reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = "Reload";
    reload.addEventListener("click", function () {
      location.reload();
    });
    main.querySelector("section").appendChild(note);
    main.querySelector("section").appendChild(reload);
  }
  window.addEventListener("error", function (event) {
    failed(event.error || event.message);
  });
  window.addEventListener("unhandledrejection", function (event) {
    failed(event.reason);
  });
})();
