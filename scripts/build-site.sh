#!/usr/bin/env bash
# Builds the static site into dist/: index.html, the reference build (what
# docs link to: no composer, no engine worker), and compose.html, the full
# build with the composer and its worker. Trunk builds one page at a time,
# so the full build goes to target/site-compose first and is merged in; the
# files both share (styles, icon, prose) are identical.
set -euo pipefail
source "$(dirname "$0")/ensure-tools.sh"
ensure_build_tools
cd "$STATUSLAB_ROOT"
trunk build www/compose.html --dist target/site-compose --release --locked
trunk build --release --locked
# Trunk names every page it writes index.html.
mv target/site-compose/index.html target/site-compose/compose.html
cp -r target/site-compose/. dist/
