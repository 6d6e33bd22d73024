#!/usr/bin/env bash
# Records the corpus of real HTTP captures in tests/fixtures/captures/ that the
# lint false-alarm tests read: curl, raw-socket and Chromium HAR captures of
# python3 -m http.server, nginx (Debian package) and a small node:http server
# (scripts/captures/node-server.mjs), all on loopback, on free high ports.
#
#   bash scripts/record-captures.sh
#
# Idempotent: installs what is missing (apt: curl, nginx, chromium; npm:
# playwright-core into scripts/captures/node_modules when tests/e2e has none),
# starts the servers, records everything into a staging directory, stops the
# servers, and only then replaces the capture files, MANIFEST.toml and
# VERSIONS.txt (README.md is left alone). Never runs cargo.
#
# Captures are written by shell redirection of the tool's own output and never
# post-processed. Dates, ports and timings differ between runs; everything
# else is stable (fixed file mtimes, fixed bodies).

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/scripts/captures"
OUT="$ROOT/tests/fixtures/captures"
PLAYWRIGHT_VERSION="1.65.1" # same as tests/e2e/package.json
FIXED_MTIME="2024-01-02 03:04:05 UTC"

# say, die, have and as_root come from the project's tool script.
source "$ROOT/scripts/ensure-tools.sh"

# ---------------------------------------------------------------- tools ----

ensure_tools() {
  local missing=()
  have curl || missing+=(curl)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  have python3 || missing+=(python3)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  have node || die "node not found: install Node.js 20 or newer first"
  have npm || die "npm not found: install Node.js 20 or newer first"

  if [ -f "$ROOT/tests/e2e/node_modules/playwright-core/package.json" ]; then
    PLAYWRIGHT_CORE_DIR="$ROOT/tests/e2e/node_modules/playwright-core"
  else
    PLAYWRIGHT_CORE_DIR="$HERE/node_modules/playwright-core"
    if [ ! -f "$PLAYWRIGHT_CORE_DIR/package.json" ] ||
      ! grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$PLAYWRIGHT_CORE_DIR/package.json"; then
      say "installing playwright-core $PLAYWRIGHT_VERSION into scripts/captures/node_modules"
      npm install --prefix "$HERE" --no-save --no-package-lock --no-audit --no-fund \
        --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null
    fi
  fi
  export PLAYWRIGHT_CORE_DIR
  export CHROMIUM=/usr/bin/chromium
}

# -------------------------------------------------------------- servers ----

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_port() { # wait_port PORT NAME
  local i
  for i in $(seq 1 100); do
    if python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=0.2).close()' "$1" 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  die "$2 did not start listening on 127.0.0.1:$1 (see $WORK/*.log)"
}

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] || continue
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
  if [ -n "${WORK:-}" ] && [ -d "$WORK" ]; then rm -rf "$WORK"; fi
  return 0
}

make_docroots() {
  local py="$WORK/python-root" ng="$WORK/nginx-root"
  mkdir -p "$py/docs" "$ng/static"

  cat >"$py/index.html" <<'EOF'
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>python http.server</title><link rel="icon" href="data:,"></head>
<body><h1>Served by python3 -m http.server</h1>
<p><a href="hello.txt">hello.txt</a> <a href="data.json">data.json</a> <a href="docs/">docs/</a></p>
</body>
</html>
EOF
  printf 'Hello from python3 -m http.server.\nThis file ends with a newline.\n' >"$py/hello.txt"
  printf '{"server": "python", "ok": true, "list": [1, 2, 3]}\n' >"$py/data.json"
  # Latin-1 bytes (0xFC, 0xDF, 0xF6, 0xE9, ...), no charset on the wire.
  printf 'Gr\374\337e aus K\366ln: caf\351 cr\350me, na\357ve fa\347ade.\n' >"$py/latin1.txt"
  printf 'A file inside a directory, so /docs redirects to /docs/.\n' >"$py/docs/readme.txt"

  cat >"$ng/index.html" <<'EOF'
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>nginx static site</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/style.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<h1>Served by nginx</h1>
<p>Static files, gzip on, an expires location, a return 301, ranges and validators.</p>
<p><a href="/hello.txt">hello.txt</a> <a href="/data.json">data.json</a> <a href="/old-page">old-page</a></p>
</body>
</html>
EOF
  {
    printf 'Hello from nginx. This text file is long enough to be gzipped and to be\n'
    printf 'asked for in byte ranges. Line three of the file is here.\n'
    printf 'Line four. Line five follows.\nLine five: the end, with a final newline.\n'
  } >"$ng/hello.txt"
  printf '{"server": "nginx", "ok": true, "list": [1, 2, 3], "note": "gzip applies to application/json above 64 bytes"}\n' >"$ng/data.json"
  printf 'body { font-family: sans-serif; margin: 2rem; }\nh1 { font-size: 1.4rem; color: #333; }\np { line-height: 1.5; }\n' >"$ng/static/style.css"
  printf 'document.addEventListener("DOMContentLoaded", () => { document.title += " (app.js ran)"; });\n' >"$ng/static/app.js"

  # Fixed mtimes: Last-Modified and nginx ETags stay the same on every run.
  find "$py" "$ng" -exec touch -d "$FIXED_MTIME" {} +
  # nginx workers run as "nobody" when started by root.
  chmod -R a+rX "$WORK"
}

start_servers() {
  PY_PORT=$(free_port)
  NGX_PORT=$(free_port)
  H2_PORT=$(free_port)
  NODE_PORT=$(free_port)
  REFUSED_PORT=$(free_port) # nothing listens here
  local ports="$PY_PORT $NGX_PORT $H2_PORT $NODE_PORT $REFUSED_PORT"
  [ "$(tr ' ' '\n' <<<"$ports" | sort -u | wc -l)" = 5 ] || die "free_port returned duplicates: $ports"

  say "python3 -m http.server on 127.0.0.1:$PY_PORT"
  (cd "$WORK" && exec python3 -m http.server "$PY_PORT" --bind 127.0.0.1 --directory "$WORK/python-root") \
    >"$WORK/python.log" 2>&1 &
  PIDS+=($!)

  say "nginx on 127.0.0.1:$NGX_PORT (HTTP/1.x) and 127.0.0.1:$H2_PORT (h2c prior knowledge)"
  mkdir -p "$WORK/nginx/tmp"
  sed -e "s|@PREFIX@|$WORK/nginx|g" -e "s|@ROOT@|$WORK/nginx-root|g" \
    -e "s|@PORT@|$NGX_PORT|g" -e "s|@H2PORT@|$H2_PORT|g" \
    "$HERE/nginx.conf" >"$WORK/nginx/nginx.conf"
  /usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" -t \
    >"$WORK/nginx-test.log" 2>&1 || { cat "$WORK/nginx-test.log" >&2; die "nginx -t failed"; }
  /usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" \
    >"$WORK/nginx.log" 2>&1 &
  PIDS+=($!)

  say "node capture server on 127.0.0.1:$NODE_PORT"
  node "$HERE/node-server.mjs" "$NODE_PORT" 127.0.0.1 >"$WORK/node.log" 2>&1 &
  PIDS+=($!)

  wait_port "$PY_PORT" "python http.server"
  wait_port "$NGX_PORT" nginx
  wait_port "$H2_PORT" "nginx (h2c)"
  wait_port "$NODE_PORT" "node server"
}

# ------------------------------------------------------------ recording ----

# Command templates use @PY@ @NGX@ @H2@ @NODE@ @REFUSED@ for ports and @FILE@
# for an output path (HAR only). The manifest gets the same command with every
# port written as PORT and @FILE@ as the capture's file name. Commands run
# from the repository root.
MANIFEST_ROWS=()
COUNT=0

toml_str() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

# rec FILE SERVER FORMAT NOTES DEFECTS COMMAND
#   DEFECTS: real RFC defects in the capture, separated by '|' ('' for none).
rec() {
  local file=$1 server=$2 format=$3 notes=$4 defects=$5 cmd=$6
  local real=$cmd shown=$cmd
  real=${real//@PY@/$PY_PORT}
  real=${real//@NGX@/$NGX_PORT}
  real=${real//@H2@/$H2_PORT}
  real=${real//@NODE@/$NODE_PORT}
  real=${real//@REFUSED@/$REFUSED_PORT}
  real=${real//@FILE@/$STAGE/$file}
  local p
  for p in @PY@ @NGX@ @H2@ @NODE@ @REFUSED@; do shown=${shown//$p/PORT}; done
  shown=${shown//@FILE@/tests/fixtures/captures/$file}

  local rc=0
  if [ "$format" = har ]; then
    (cd "$ROOT" && eval "$real") >>"$WORK/har.log" 2>&1 || rc=$?
  else
    # stdout is the capture; stderr (curl's progress meter for -i) goes to a log
    # unless the command itself says 2>&1.
    (cd "$ROOT" && eval "$real") >"$STAGE/$file" 2>>"$WORK/stderr.log" || rc=$?
  fi
  [ -s "$STAGE/$file" ] || die "$file is empty or missing (exit $rc): $real"
  printf '  %-48s %6s bytes%s\n' "$file" "$(wc -c <"$STAGE/$file")" "$([ $rc = 0 ] || echo " (exit $rc)")" >&2
  COUNT=$((COUNT + 1))

  local defects_toml="" d
  if [ -n "$defects" ]; then
    local IFS='|'
    for d in $defects; do defects_toml+="${defects_toml:+, }$(toml_str "$d")"; done
  fi
  MANIFEST_ROWS+=("$(
    printf '[[capture]]\n'
    printf 'file = %s\n' "$(toml_str "$file")"
    printf 'server = %s\n' "$(toml_str "$server")"
    printf 'tool = %s\n' "$(toml_str "$shown")"
    printf 'format = %s\n' "$(toml_str "$format")"
    printf 'notes = %s\n' "$(toml_str "$notes")"
    printf 'real_defects = [%s]\n' "$defects_toml"
  )")
}

RAW="python3 scripts/captures/raw-request.py 127.0.0.1"
HAR="node scripts/captures/record-har.mjs @FILE@"
NGINX_405="RFC 9110 §15.5.6: 405 response without an Allow header field (origin server MUST generate Allow)"
NGINX_304_VARY="RFC 9110 §15.4.5: 304 omits Vary: Accept-Encoding, which the 200 to the same request carries (server MUST generate Vary that a 200 would have; gzip_vary does not apply to 304; compare the 200 captures of the same file)"

record_python() {
  say "recording python3 -m http.server"
  local u="http://127.0.0.1:@PY@"
  rec python-index-curl-i.http python curl-i "HTTP/1.0 status line for an HTTP/1.1 request; lower-case 'Content-type' field name; text/html without charset; Last-Modified but no ETag" "" \
    "curl -i $u/"
  rec python-txt-curl-i.http python curl-i "text/plain with no charset parameter; body ends with a newline; Content-Length matches" "" \
    "curl -i $u/hello.txt"
  rec python-json-curl-i.http python curl-i "application/json from mimetypes" "" \
    "curl -i $u/data.json"
  rec python-latin1-curl-i.http python curl-i "Latin-1 bytes (0xFC 0xDF 0xE9 ...) in a text/plain body with no charset parameter; not valid UTF-8" "" \
    "curl -i $u/latin1.txt"
  rec python-404-curl-i.http python curl-i "send_error 404 with an HTML body, Connection: close" "" \
    "curl -i $u/missing.html"
  rec python-dir-redirect-curl-i.http python curl-i "301 for a directory without a trailing slash; relative Location /docs/; Content-Length: 0" "" \
    "curl -i $u/docs"
  rec python-dir-redirect-curl-il.http python curl-i "two responses: the 301 (empty body) then the 200 directory listing" "" \
    "curl -iL $u/docs"
  rec python-dir-listing-curl-i.http python curl-i "generated directory listing, text/html; charset=utf-8" "" \
    "curl -i $u/docs/"
  rec python-txt-curl-head.http python curl-i "HEAD response without body; Content-Length is that of the GET" "" \
    "curl -I $u/hello.txt"
  rec python-ims-304-curl-i.http python curl-i "304 from If-Modified-Since later than the file's mtime; no ETag because the 200 has none" "" \
    "curl -i -H 'If-Modified-Since: Wed, 01 Jan 2025 00:00:00 GMT' $u/hello.txt"
  rec python-post-501-curl-post.http python curl-i "POST is not implemented by SimpleHTTPRequestHandler: 501 with an HTML error body (501 needs no Allow)" "" \
    "curl -i -X POST -d 'name=value' $u/hello.txt"
  rec python-txt-curl-http10.http python curl-i "HTTP/1.0 request and response" "" \
    "curl --http1.0 -i $u/hello.txt"
  rec python-txt-curl-compressed.http python curl-i "--compressed sends Accept-Encoding but http.server never encodes: identity body, no Vary" "" \
    "curl --compressed -i $u/hello.txt"
  rec python-index-curl-v.txt python curl-v "curl -v with stderr merged: '*' info lines, '>' request, '<' response, body, progress meter with CR (stdout was not a terminal)" "" \
    "curl -v $u/ 2>&1"
  rec python-404-curl-v.txt python curl-v "curl -v of a 404; curl notes the connection is closed by the HTTP/1.0 server" "" \
    "curl -v $u/missing.html 2>&1"
  rec python-txt-socket.raw.http python raw "HTTP/1.1 request without Connection: close; server answers HTTP/1.0 and closes" "" \
    "printf 'GET /hello.txt HTTP/1.1\\r\\nHost: 127.0.0.1:@PY@\\r\\nUser-Agent: raw-socket\\r\\n\\r\\n' | $RAW @PY@"
  rec python-head-socket.raw.http python raw "HEAD over HTTP/1.0: headers only, Content-Length of the GET, no body" "" \
    "printf 'HEAD /data.json HTTP/1.0\\r\\nHost: 127.0.0.1:@PY@\\r\\n\\r\\n' | $RAW @PY@"
  rec python-404-socket.raw.http python raw "404 error page exactly as on the wire" "" \
    "printf 'GET /nope HTTP/1.1\\r\\nHost: 127.0.0.1:@PY@\\r\\nConnection: close\\r\\n\\r\\n' | $RAW @PY@"
}

record_nginx() {
  say "recording nginx"
  local u="http://127.0.0.1:@NGX@"
  local etag lm
  etag=$(curl -sI "http://127.0.0.1:$NGX_PORT/index.html" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
  lm=$(curl -sI "http://127.0.0.1:$NGX_PORT/hello.txt" | tr -d '\r' | sed -n 's/^[Ll]ast-[Mm]odified: //p')
  [ -n "$etag" ] && [ -n "$lm" ] || die "could not read ETag/Last-Modified from nginx"

  rec nginx-index-curl-i.http nginx curl-i "static index.html, identity (curl -i sends no Accept-Encoding); ETag and Last-Modified from the file; Accept-Ranges" "" \
    "curl -i $u/"
  rec nginx-txt-curl-i.http nginx curl-i "text/plain static file without charset" "" \
    "curl -i $u/hello.txt"
  rec nginx-json-curl-i.http nginx curl-i "application/json static file" "" \
    "curl -i $u/data.json"
  rec nginx-404-curl-i.http nginx curl-i "default nginx 404 HTML page" "" \
    "curl -i $u/missing.html"
  rec nginx-405-curl-post.http nginx curl-i "POST to a static file: nginx answers '405 Not Allowed' (non-IANA reason phrase, which is allowed) WITHOUT an Allow header" "$NGINX_405" \
    "curl -i -X POST -d 'name=value' $u/index.html"
  rec nginx-405-curl-v.txt nginx curl-v "the same 405 without Allow, seen with curl -v" "$NGINX_405" \
    "curl -v -d 'name=value' $u/hello.txt 2>&1"
  rec nginx-return301-curl-i.http nginx curl-i "'return 301' from a location: absolute Location built from Host, small HTML body" "" \
    "curl -i $u/old-page"
  rec nginx-return301-curl-il.http nginx curl-i "curl -L prints the 301's headers but not its body, then the final 200" "" \
    "curl -iL $u/old-page"
  rec nginx-return301-curl-vl.txt nginx curl-v "curl -vL: both exchanges, curl's 'Issue another request' line; body of the 301 not printed" "" \
    "curl -vL $u/old-page 2>&1"
  rec nginx-gzip-curl-compressed.http nginx curl-i "gzip body decoded by --compressed; headers still say Content-Encoding: gzip with chunked framing (no Content-Length); Vary: Accept-Encoding" "" \
    "curl --compressed -i $u/hello.txt"
  rec nginx-gzip-curl-i.http nginx curl-i "Accept-Encoding: gzip sent by hand, so the gzip bytes are printed raw (binary body), chunked" "" \
    "curl -i -H 'Accept-Encoding: gzip' $u/data.json"
  rec nginx-expires-curl-i.http nginx curl-i "'expires 1h' location: Expires plus Cache-Control: max-age=3600" "" \
    "curl -i $u/static/style.css"
  rec nginx-head-curl-head.http nginx curl-i "HEAD response without body; Content-Length of the GET" "" \
    "curl -I $u/hello.txt"
  rec nginx-range-206-curl-i.http nginx curl-i "206 Partial Content with Content-Range bytes 0-49/len and a 50-byte body" "" \
    "curl -i -r 0-49 $u/hello.txt"
  rec nginx-multirange-206-curl-i.http nginx curl-i "multiple ranges: 206 multipart/byteranges with boundary parts" "" \
    "curl -i -r 0-9,20-29 $u/hello.txt"
  rec nginx-range-416-curl-i.http nginx curl-i "unsatisfiable range: 416 with Content-Range: bytes */len and an HTML body" "" \
    "curl -i -r 5000-6000 $u/hello.txt"
  rec nginx-etag-304-curl-i.http nginx curl-i "If-None-Match with the current ETag: 304 with ETag and Last-Modified, no body; no Vary although the 200 has Vary: Accept-Encoding" "$NGINX_304_VARY" \
    "curl -i -H 'If-None-Match: $etag' $u/index.html"
  rec nginx-ims-304-curl-i.http nginx curl-i "If-Modified-Since equal to Last-Modified (nginx compares exactly): 304 without Vary although the 200 has Vary: Accept-Encoding" "$NGINX_304_VARY" \
    "curl -i -H 'If-Modified-Since: $lm' $u/hello.txt"
  rec nginx-index-curl-v.txt nginx curl-v "curl -v of the index page with merged stderr" "" \
    "curl -v $u/ 2>&1"
  rec nginx-txt-curl-http10.http nginx curl-i "HTTP/1.0 request; nginx answers HTTP/1.1 (its version) with Connection: close" "" \
    "curl --http1.0 -i $u/hello.txt"
  rec nginx-index-curl-h2c.http nginx curl-i "HTTP/2 cleartext with prior knowledge: status line 'HTTP/2 200' without reason phrase, lower-case field names" "" \
    "curl --http2-prior-knowledge -i http://127.0.0.1:@H2@/"
  rec nginx-404-curl-h2c.http nginx curl-i "HTTP/2 404 with lower-case field names" "" \
    "curl --http2-prior-knowledge -i http://127.0.0.1:@H2@/missing.html"
  rec nginx-gzip-curl-h2c-v.txt nginx curl-v "curl -v over h2c with --compressed: curl's h2h3 pseudo-header lines, 'HTTP/2 200 ' status line, lower-case fields, no content-length, decoded gzip body" "" \
    "curl -v --http2-prior-knowledge --compressed http://127.0.0.1:@H2@/data.json 2>&1"
  rec nginx-upgrade-h2c-curl-v.txt nginx curl-v "curl --http2 over cleartext offers Upgrade: h2c with HTTP2-Settings; nginx ignores it (RFC 9110 §7.8 allows) and answers HTTP/1.1" "" \
    "curl -v --http2 $u/hello.txt 2>&1"
  rec nginx-index-socket.raw.http nginx raw "GET with Connection: close exactly as on the wire" "" \
    "printf 'GET / HTTP/1.1\\r\\nHost: 127.0.0.1:@NGX@\\r\\nConnection: close\\r\\n\\r\\n' | $RAW @NGX@"
  rec nginx-405-socket.raw.http nginx raw "POST with a body to a static file: 405 without Allow" "$NGINX_405" \
    "printf 'POST /hello.txt HTTP/1.1\\r\\nHost: 127.0.0.1:@NGX@\\r\\nContent-Type: text/plain\\r\\nContent-Length: 5\\r\\nConnection: close\\r\\n\\r\\nhello' | $RAW @NGX@"
  rec nginx-gzip-socket.raw.http nginx raw "Accept-Encoding: gzip: chunked gzip body bytes exactly as sent" "" \
    "printf 'GET /hello.txt HTTP/1.1\\r\\nHost: 127.0.0.1:@NGX@\\r\\nAccept-Encoding: gzip\\r\\nConnection: close\\r\\n\\r\\n' | $RAW @NGX@"
  rec nginx-no-host-400-socket.raw.http nginx raw "HTTP/1.1 request without Host: 400 Bad Request (required by RFC 9112 §3.2)" "" \
    "printf 'GET / HTTP/1.1\\r\\nConnection: close\\r\\n\\r\\n' | $RAW @NGX@"
  rec nginx-http10-socket.raw.http nginx raw "HTTP/1.0 request without Host; HTTP/1.1 response, connection closed" "" \
    "printf 'GET /hello.txt HTTP/1.0\\r\\n\\r\\n' | $RAW @NGX@"
}

record_node() {
  say "recording the node server"
  local u="http://127.0.0.1:@NODE@"
  rec node-json-curl-i.http node curl-i "application/json 200 with Content-Length, Keep-Alive header" "" \
    "curl -i $u/json"
  rec node-json-curl-head.http node curl-i "HEAD response without body" "" \
    "curl -I $u/json"
  rec node-json-405-curl-post.http node curl-i "correct 405 for POST with Allow: GET, HEAD" "" \
    "curl -i -X POST -d '{\"a\":1}' -H 'Content-Type: application/json' $u/json"
  rec node-gzip-curl-i.http node curl-i "no Accept-Encoding sent, so any coding is acceptable (RFC 9110 §12.5.3): gzip bytes printed raw; Vary: Accept-Encoding" "" \
    "curl -i $u/gzip"
  rec node-gzip-curl-compressed.http node curl-i "gzip body decoded by --compressed; Content-Length is the encoded length, not the printed one" "" \
    "curl --compressed -i $u/gzip"
  rec node-gzip-curl-v.txt node curl-v "curl -v with merged stderr, binary gzip body inline" "" \
    "curl -v $u/gzip 2>&1"
  rec node-gzip-identity-curl-i.http node curl-i "Accept-Encoding: identity: the server falls back to an unencoded body with Vary" "" \
    "curl -i -H 'Accept-Encoding: identity' $u/gzip"
  rec node-brotli-curl-i.http node curl-i "brotli bytes printed raw (no Accept-Encoding sent)" "" \
    "curl -i $u/br"
  rec node-brotli-curl-compressed.http node curl-i "br body decoded by --compressed" "" \
    "curl --compressed -i $u/br"
  rec node-chunked-curl-i.http node curl-i "Transfer-Encoding: chunked, no Content-Length; curl prints the de-chunked body" "" \
    "curl -i $u/chunked"
  rec node-chunked-curl-http10.http node curl-i "HTTP/1.0 client: node answers HTTP/1.1 without chunking and closes the connection (no Content-Length, close-delimited)" "" \
    "curl --http1.0 -i $u/chunked"
  rec node-chunked-trailer-curl-i.http node curl-i "chunked with Trailer: Server-Timing; curl -i prints the trailer field after the body" "" \
    "curl -i $u/chunked-trailer"
  rec node-created-201-curl-post.http node curl-i "201 Created with a relative Location and a JSON body" "" \
    "curl -i -X POST -d 'name=widget' $u/items"
  rec node-created-201-curl-v.txt node curl-v "curl -v of the POST, request body size noted by curl" "" \
    "curl -v -d 'name=widget' $u/items 2>&1"
  rec node-delete-204-curl-i.http node curl-i "204 No Content for DELETE: no body, no Content-Length" "" \
    "curl -i -X DELETE $u/items/42"
  rec node-no-content-204-curl-i.http node curl-i "204 for GET with Cache-Control: no-store" "" \
    "curl -i $u/no-content"
  rec node-429-curl-i.http node curl-i "429 with Retry-After in delay-seconds" "" \
    "curl -i $u/rate-limited"
  rec node-503-curl-i.http node curl-i "503 with Retry-After as an HTTP-date" "" \
    "curl -i $u/maintenance"
  rec node-401-curl-i.http node curl-i "401 with WWW-Authenticate: Basic realm and charset" "" \
    "curl -i $u/private"
  rec node-401-curl-v.txt node curl-v "curl -v of the 401" "" \
    "curl -v $u/private 2>&1"
  rec node-problem-404-curl-i.http node curl-i "404 application/problem+json (RFC 9457) with Content-Language" "" \
    "curl -i $u/problem"
  rec node-404-curl-i.http node curl-i "plain text 404 for an unknown route" "" \
    "curl -i $u/does-not-exist"
  rec node-redirect-302-curl-i.http node curl-i "302 with an absolute Location and a short HTML note" "" \
    "curl -i $u/redirect-chain"
  rec node-redirect-chain-curl-il.http node curl-i "302 (absolute Location) -> 302 (relative Location) -> 200; curl -L prints the three header blocks, only the last body" "" \
    "curl -iL $u/redirect-chain"
  rec node-redirect-chain-curl-vl.txt node curl-v "curl -vL of the two-hop redirect chain on one reused connection" "" \
    "curl -vL $u/redirect-chain 2>&1"
  rec node-etag-200-curl-i.http node curl-i "200 with a strong ETag, Cache-Control: max-age=60, Vary" "" \
    "curl -i $u/etag"
  rec node-etag-304-curl-i.http node curl-i "304 for a matching If-None-Match: ETag, Cache-Control and Vary repeated, no body" "" \
    "curl -i -H 'If-None-Match: \"v1-3f2a\"' $u/etag"
  rec node-latin1-curl-i.http node curl-i "text/plain; charset=iso-8859-1 with Latin-1 bytes (not UTF-8)" "" \
    "curl -i $u/latin1"
  rec node-binary-curl-i.http node curl-i "application/octet-stream with all 256 byte values, including CR, LF and NUL" "" \
    "curl -i $u/binary"
  rec node-json-curl-http10.http node curl-i "HTTP/1.0 request: HTTP/1.1 response with Connection: close" "" \
    "curl --http1.0 -i $u/json"
  rec node-upgrade-h2c-curl-v.txt node curl-v "curl --http2 over cleartext offers Upgrade: h2c; node:http ignores it (RFC 9110 §7.8 allows) and answers HTTP/1.1" "" \
    "curl -v --http2 $u/json 2>&1"
  rec node-json-socket.raw.http node raw "GET with Connection: close exactly as on the wire" "" \
    "printf 'GET /json HTTP/1.1\\r\\nHost: 127.0.0.1:@NODE@\\r\\nAccept: application/json\\r\\nConnection: close\\r\\n\\r\\n' | $RAW @NODE@"
  rec node-chunked-socket.raw.http node raw "chunk-size lines and the last-chunk exactly as on the wire" "" \
    "printf 'GET /chunked HTTP/1.1\\r\\nHost: 127.0.0.1:@NODE@\\r\\nConnection: close\\r\\n\\r\\n' | $RAW @NODE@"
  rec node-chunked-trailer-socket.raw.http node raw "chunked body followed by a trailer section (Server-Timing), request says TE: trailers" "" \
    "printf 'GET /chunked-trailer HTTP/1.1\\r\\nHost: 127.0.0.1:@NODE@\\r\\nTE: trailers\\r\\nConnection: TE, close\\r\\n\\r\\n' | $RAW @NODE@"
  rec node-204-socket.raw.http node raw "204: header section then nothing" "" \
    "printf 'GET /no-content HTTP/1.1\\r\\nHost: 127.0.0.1:@NODE@\\r\\nConnection: close\\r\\n\\r\\n' | $RAW @NODE@"
  rec node-head-socket.raw.http node raw "HEAD: Content-Length of the GET, no body" "" \
    "printf 'HEAD /json HTTP/1.1\\r\\nHost: 127.0.0.1:@NODE@\\r\\nConnection: close\\r\\n\\r\\n' | $RAW @NODE@"
  rec node-304-socket.raw.http node raw "conditional GET answered 304, exactly as on the wire" "" \
    "printf 'GET /etag HTTP/1.1\\r\\nHost: 127.0.0.1:@NODE@\\r\\nIf-None-Match: \"v1-3f2a\"\\r\\nConnection: close\\r\\n\\r\\n' | $RAW @NODE@"
  rec node-pipelined-socket.raw.http node raw "two pipelined requests (the second with Connection: close) and two responses back to back" "" \
    "printf 'GET /json HTTP/1.1\\r\\nHost: 127.0.0.1:@NODE@\\r\\n\\r\\nGET /no-content HTTP/1.1\\r\\nHost: 127.0.0.1:@NODE@\\r\\nConnection: close\\r\\n\\r\\n' | $RAW @NODE@"
  rec node-post-201-socket.raw.http node raw "POST with a JSON body and Content-Length, 201 with Location" "" \
    "printf 'POST /items HTTP/1.1\\r\\nHost: 127.0.0.1:@NODE@\\r\\nContent-Type: application/json\\r\\nContent-Length: 17\\r\\nConnection: close\\r\\n\\r\\n{\"name\":\"widget\"}' | $RAW @NODE@"
  rec node-chunked-http10-socket.raw.http node raw "HTTP/1.0 request to a streamed route: close-delimited body, no chunking" "" \
    "printf 'GET /chunked HTTP/1.0\\r\\nHost: 127.0.0.1:@NODE@\\r\\n\\r\\n' | $RAW @NODE@"
}

record_none() {
  say "recording failures without a server"
  rec none-refused-curl-v.txt none curl-v "nothing listens on the port: only curl's connect error lines and exit 7, no HTTP message at all" "" \
    "curl -v http://127.0.0.1:@REFUSED@/ 2>&1"
}

record_har() {
  say "recording HAR files with Chromium (playwright-core)"
  rec chromium-python-index.har python har "HAR content.text is the page as received (identity); Chromium's request headers (HeadlessChrome UA, Accept-Encoding: gzip, deflate, br, zstd); response httpVersion written lower-case 'http/1.0' by Chromium" "" \
    "$HAR http://127.0.0.1:@PY@/ --content embed"
  rec chromium-python-dir-redirect.har python har "301 directory redirect (relative Location, redirectURL absolute) then 200 listing; content: omit, so no content.text; httpVersion 'http/1.0'" "" \
    "$HAR http://127.0.0.1:@PY@/docs --content omit"
  rec chromium-nginx-index.har nginx har "index.html and subresources gzip-encoded by nginx (chunked, no Content-Length); HAR content.text is decoded, content.size is the decoded size, bodySize the encoded one" "" \
    "$HAR http://127.0.0.1:@NGX@/ --content embed"
  rec chromium-nginx-redirect.har nginx har "nginx 'return 301' followed to index.html" "" \
    "$HAR http://127.0.0.1:@NGX@/old-page --content embed"
  rec chromium-node-brotli.har node har "page whose subresources are gzip (app.js) and br (style.css) encoded; HAR content.text is decoded (content.size decoded, bodySize and Content-Length encoded); PNG embedded as base64" "" \
    "$HAR http://127.0.0.1:@NODE@/encoded.html --content embed"
  rec chromium-node-encoded-omit.har node har "same encoded page recorded with content: omit (sizes and headers only, no content.text)" "" \
    "$HAR http://127.0.0.1:@NODE@/ --content omit"
  rec chromium-node-redirect-chain.har node har "302 (absolute Location) -> 302 (relative Location) -> 200: one entry per hop, redirectURL set, no content.text for the 302s (size -1)" "" \
    "$HAR http://127.0.0.1:@NODE@/redirect-chain --content embed"
  rec chromium-node-blocked.har node har "image request aborted with page.route(..., r => r.abort()): entry with response status -1, empty statusText, no headers, _wasAborted" "" \
    "$HAR http://127.0.0.1:@NODE@/blocked.html --content embed --abort '**/assets/pixel.png'"
  rec chromium-node-fetch-refused.har node har "cross-origin fetch() to a port where nothing listens: connection refused, entry with response status -1, empty statusText and no response headers" "" \
    "$HAR 'http://127.0.0.1:@NODE@/fetch-fail.html?port=@REFUSED@' --content embed"
}

write_versions() {
  {
    echo "# Tool versions used to record this corpus (written by scripts/record-captures.sh)."
    echo "recorded: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "os: $(. /etc/os-release && echo "$PRETTY_NAME") ($(uname -m))"
    echo "curl: $(curl --version | head -1)"
    echo "nginx: $(/usr/sbin/nginx -v 2>&1 | sed 's/^nginx version: //') (Debian package $(dpkg-query -W -f='${Version}' nginx 2>/dev/null || echo '?'))"
    echo "python: $(python3 --version 2>&1) ($(command -v python3))"
    echo "node: $(node --version)"
    echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
    echo "playwright-core: $(node -p "require('$PLAYWRIGHT_CORE_DIR/package.json').version")"
  } >"$STAGE/VERSIONS.txt"
}

write_manifest() {
  {
    echo "# One [[capture]] per file in this directory, written by scripts/record-captures.sh."
    echo "# server: python | nginx | node | none"
    echo "# tool: the exact command line, run from the repository root, with every port written as PORT"
    echo "#       (its stdout, redirected by the shell, is the capture; curl's stderr only when the command says 2>&1)"
    echo "# format: raw (request then response bytes as on the wire) | curl-i | curl-v | har"
    echo "# real_defects: RFC MUST/SHOULD violations really present in the capture; anything a lint"
    echo "#               reports beyond these is a false alarm."
    local row
    for row in "${MANIFEST_ROWS[@]}"; do
      printf '\n%s\n' "$row"
    done
  } >"$STAGE/MANIFEST.toml"
}

install_stage() {
  mkdir -p "$OUT"
  # Drop captures of earlier runs (a renamed capture must not linger), keep README.md.
  find "$OUT" -maxdepth 1 -type f ! -name README.md -delete
  cp "$STAGE"/* "$OUT"/
}

main() {
  ensure_tools
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/statuslab-captures.XXXXXX")"
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  STAGE="$WORK/stage"
  mkdir -p "$STAGE"
  make_docroots
  start_servers
  record_python
  record_nginx
  record_node
  record_none
  record_har
  write_versions
  write_manifest
  say "stopping servers"
  local pids=("${PIDS[@]}")
  cleanup_servers_only "${pids[@]}"
  install_stage
  say "wrote $COUNT captures, MANIFEST.toml and VERSIONS.txt to ${OUT#"$ROOT"/}"
  rm -rf "$WORK"
}

cleanup_servers_only() {
  local pid
  for pid in "$@"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}

main "$@"
