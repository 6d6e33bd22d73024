// Status Lab cards without writing an iframe: put
//   <div class="statuslab" data-code="429"></div>
//   <div class="statuslab" data-exchange="1.…" data-panels="status,cache"></div>
// in a page and load this script (defer). Each element shows a small
// placeholder; the card itself (and the WebAssembly behind it) loads only
// when the element scrolls into view, or when it is clicked if it has
// data-load="click". Optional: data-theme="light|dark", data-edit.
(function () {
  var script = document.currentScript;
  var base = new URL(".", script ? script.src : location.href);

  function cardUrl(element) {
    var params = [];
    if (element.dataset.theme) params.push("theme=" + encodeURIComponent(element.dataset.theme));
    if (element.dataset.panels) params.push("panels=" + element.dataset.panels.replace(/[^a-z,]/g, ""));
    if (element.hasAttribute("data-edit")) params.push("edit=1");
    var query = params.length ? "?" + params.join("&") : "";
    if (element.dataset.code) {
      return new URL("index.html#/embed/code/" + encodeURIComponent(element.dataset.code) + query, base).href;
    }
    return new URL("compose.html#/embed/exchange/" + element.dataset.exchange + query, base).href;
  }

  function open(element) {
    if (element.dataset.statuslabOpen) return;
    element.dataset.statuslabOpen = "1";
    var frame = document.createElement("iframe");
    frame.src = cardUrl(element);
    frame.title = element.dataset.code
      ? "HTTP status " + element.dataset.code + " explained by Status Lab"
      : "An HTTP exchange analysed by Status Lab";
    frame.className = "statuslab-frame";
    frame.setAttribute("width", "100%");
    frame.setAttribute("height", element.dataset.code ? "260" : "480");
    frame.style.border = "0";
    element.replaceChildren(frame);
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "statuslab:height" || typeof data.height !== "number") return;
    var frames = document.querySelectorAll("iframe.statuslab-frame");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].setAttribute("height", String(Math.min(Math.max(data.height, 80), 4000)));
      }
    }
  });

  var observer = "IntersectionObserver" in window
    ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            open(entry.target);
          }
        });
      }, { rootMargin: "200px" })
    : null;

  document.querySelectorAll(".statuslab[data-code], .statuslab[data-exchange]").forEach(function (element) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "statuslab-placeholder";
    button.textContent = element.dataset.code
      ? "HTTP " + element.dataset.code + ": show the Status Lab card"
      : "Show this exchange analysed by Status Lab";
    button.addEventListener("click", function () { open(element); });
    element.replaceChildren(button);
    if (element.dataset.load !== "click" && observer) observer.observe(element);
  });
})();
