// The composer is the full build: go there before loading anything here.
if (location.hash.indexOf("#/compose") === 0) location.replace("compose.html" + location.hash);
