#!/usr/bin/env bash
# cargo deny, offline: known advisories (RustSec, from the snapshot in
# vendor/advisory-db), licenses, banned or duplicate crates and sources, as
# deny.toml sets them. Part of scripts/test.sh.
set -euo pipefail
source "$(dirname "$0")/ensure-tools.sh"
ensure_deny
cd "$STATUSLAB_ROOT"
vendored=vendor/advisory-db

# A crate new to Cargo.lock has had no advisory looked up for it.
uncovered=$(comm -23 <(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.lock | sort -u) "$vendored/covered-crates.txt")
[ -z "$uncovered" ] || die "no advisory snapshot for: $(echo $uncovered) — run scripts/vendor-advisories.sh with a current advisory-db checkout"

# cargo deny reads its database from a git checkout under db-path, in a
# folder named after the database's URL; the snapshot becomes one, dated
# as the snapshot is.
db=target/advisory-db/advisory-db-3157b0e258782691
stamp=target/advisory-db/.snapshot
if ! cmp -s "$vendored/SNAPSHOT" "$stamp" 2>/dev/null || ! diff -rq "$vendored/crates" "$db/crates" >/dev/null 2>&1; then
  rm -rf "$db"
  mkdir -p "$db"
  cp -r "$vendored/." "$db/"
  date=$(sed -n 's/^date //p' "$vendored/SNAPSHOT")
  (cd "$db" && git init -q && git add -A \
    && GIT_AUTHOR_DATE="$date" GIT_COMMITTER_DATE="$date" \
       git -c user.name=statuslab -c user.email=statuslab@localhost commit -qm "advisory-db snapshot")
  cp "$vendored/SNAPSHOT" "$stamp"
fi
say "cargo deny (advisories as of $(sed -n 's/^date //p' "$vendored/SNAPSHOT"), licenses, bans, sources)"
cargo deny --offline check --disable-fetch
