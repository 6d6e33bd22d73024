#!/usr/bin/env bash
# Refreshes vendor/advisory-db/: the RustSec advisories of every crate named
# in Cargo.lock, copied from a checkout of https://github.com/rustsec/advisory-db
# (this machine cannot fetch it; bring one in and pass its path). Run it after
# a dependency change that adds a crate (the check in scripts/check-deps.sh
# says so) and to take newer advisories; commit the result.
#
#   scripts/vendor-advisories.sh /path/to/advisory-db
set -euo pipefail
source "$(dirname "$0")/ensure-tools.sh"
src="${1:?usage: $0 /path/to/advisory-db checkout}"
[ -d "$src/crates" ] || die "$src has no crates/ folder: not an advisory-db checkout"
out="$STATUSLAB_ROOT/vendor/advisory-db"
rm -rf "$out"
mkdir -p "$out/crates"
sed -n 's/^name = "\(.*\)"$/\1/p' "$STATUSLAB_ROOT/Cargo.lock" | sort -u > "$out/covered-crates.txt"
while read -r name; do
  if [ -d "$src/crates/$name" ]; then cp -r "$src/crates/$name" "$out/crates/"; fi
done < "$out/covered-crates.txt"
{
  echo "commit $(git -C "$src" rev-parse HEAD)"
  echo "date $(git -C "$src" log -1 --format=%cI)"
} > "$out/SNAPSHOT"
cp "$src/LICENSE.txt" "$out/LICENSE.txt"
say "vendored $(find "$out/crates" -name '*.md' | wc -l) advisories for $(wc -l < "$out/covered-crates.txt") crates ($(cat "$out/SNAPSHOT" | tr '\n' ' '))"
