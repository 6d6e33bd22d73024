// The composer, the guide, exercises, shared links and exchange embeds are
// the full build: go there before loading anything here.
(function () {
  var hash = location.hash;
  var full = ["#/compose", "#/s/", "#/guide", "#/exercises", "#/embed/exchange/"];
  for (var i = 0; i < full.length; i++) {
    if (hash.indexOf(full[i]) === 0) {
      location.replace("compose.html" + hash);
      return;
    }
  }
})();
