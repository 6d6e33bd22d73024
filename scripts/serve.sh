#!/usr/bin/env bash
# Installs what is missing, builds the site (both pages, see build-site.sh)
# and serves dist/ on http://127.0.0.1:8080 with brotli, as production should.
# Rebuild with `bash scripts/build-site.sh` after a change.
set -euo pipefail
source "$(dirname "$0")/ensure-tools.sh"
ensure_test_tools
cd "$STATUSLAB_ROOT"
bash scripts/build-site.sh
say "serving dist/ on http://127.0.0.1:8080 (Ctrl-C to stop)"
exec node tests/e2e/serve.mjs 8080
