// The composer works offline after its first visit: once the page has
// loaded and settled, a service worker keeps this release's files (see
// scripts/write-service-worker.mjs). Registering late keeps the copy off
// the first load's critical path.
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  window.addEventListener("load", function () {
    setTimeout(function () {
      navigator.serviceWorker.register("sw.js").catch(function () {});
    }, 2000);
  });
}
