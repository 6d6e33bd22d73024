#!/usr/bin/env bash
# Installs what is missing, then serves the playground on http://127.0.0.1:8080
# with live rebuilds. Extra arguments go to `trunk serve` (e.g. --release).
set -euo pipefail
source "$(dirname "$0")/ensure-tools.sh"
ensure_build_tools
cd "$STATUSLAB_ROOT"
say "serving on http://127.0.0.1:8080 (Ctrl-C to stop)"
exec trunk serve "$@"
