// Inside an iframe showing an embed card (#/embed/...), tells the parent
// page how tall the card is, so the docs page can size the frame to fit.
// Message: {type: "statuslab:height", height, href}. Nothing runs on a page
// that is not framed.
(function () {
  if (window.parent === window) return;
  var last = 0;
  function report() {
    if (location.hash.indexOf("#/embed/") !== 0) return;
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "statuslab:height", height: height, href: location.href }, "*");
  }
  new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener("hashchange", report);
})();
