#!/usr/bin/env bash
# Builds the static site into dist/: index.html, the reference build (what
# docs link to: no composer, no engine worker), and compose.html, the full
# build with the composer, its engine worker and the JSON Schema validator
# worker (started only when a body needs it). Trunk builds one page at a time,
# so the full build goes to target/site-compose first and is merged in; the
# files both share (styles, icon, prose) are identical.
set -euo pipefail
source "$(dirname "$0")/ensure-tools.sh"
ensure_build_tools
cd "$STATUSLAB_ROOT"
# compose.html is index.html with the composer: written from it here, so the
# two pages' shells cannot drift apart. Its #app starts with the composer's
# first lines (www/composer-shell.html), painted before the wasm arrives.
# Its one blocking script, compose-head.js, is theme.js and composer-shell.js
# in one file: the browser fetches a page's blocking scripts one after the
# other on a slow network, and each would cost the first paint a round trip.
cat www/theme.js www/composer-shell.js > www/compose-head.js
sed -e 's|<script data-composer-redirect src="composer-redirect.js"></script>|<script src="compose-head.js"></script>|' \
    -e '/<script src="theme.js"><\/script>/d' \
    -e 's|<link data-trunk rel="css" href="styles.css" />|<link data-trunk rel="css" href="styles.css" />\
    <link data-trunk rel="css" href="composer.css" />|' \
    -e 's|<title>[^<]*</title>|<title>Composer · Status Lab</title>|' \
    -e 's| data-cargo-no-default-features />| />\
    <link data-trunk rel="rust" href="../Cargo.toml" data-bin="engine" data-type="worker" data-wasm-opt="z" data-weak-refs />\
    <link data-trunk rel="copy-file" href="engine-loader.js" />\
    <link data-trunk rel="rust" href="../Cargo.toml" data-bin="validator" data-type="worker" data-cargo-features="validator" data-wasm-opt="z" data-weak-refs />\
    <link data-trunk rel="copy-file" href="validator-loader.js" />\
    <link data-trunk rel="copy-file" href="sw-register.js" />|' \
    -e 's|<script src="embed-frame.js" defer></script>|<script src="embed-frame.js" defer></script>\
    <script src="sw-register.js" defer></script>|' \
    -e 's|<!-- The reference build: no composer, no engine worker (compose.html has them). -->|<!-- The full build: composer and engine worker. Generated from index.html by scripts/build-site.sh. -->\
    <link data-trunk rel="copy-file" href="compose-head.js" />|' \
    -e '/<div id="app">/r www/composer-shell.html' \
    www/index.html > www/compose.html
trunk build www/compose.html --dist target/site-compose --release --locked
trunk build --release --locked
# Trunk names every page it writes index.html.
mv target/site-compose/index.html target/site-compose/compose.html
cp -r target/site-compose/. dist/
# The docs example embeds the site both ways (iframe and data attributes).
mkdir -p dist/examples
cp examples/docs-page.html examples/docs-page.css dist/examples/
# No inline script and a strict Content-Security-Policy on every page.
node scripts/harden-site.mjs dist
# Last: the offline copy lists every file of this release.
node scripts/write-service-worker.mjs dist
