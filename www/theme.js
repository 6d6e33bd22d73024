// Apply the saved or preferred theme before the first paint, so a dark page
// never flashes white while the wasm loads. A file, not an inline script, so
// the Content-Security-Policy allows scripts from 'self' only.
(function () {
  var saved = null;
  try { saved = localStorage.getItem("statuslab.theme"); } catch (e) {}
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  document.documentElement.setAttribute("data-theme", saved === "dark" || saved === "light" ? saved : (dark ? "dark" : "light"));
})();
