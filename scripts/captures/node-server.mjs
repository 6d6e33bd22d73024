// A small HTTP/1.1 origin server used to record real captures for the lint
// false-alarm corpus (see scripts/record-captures.sh). node:http and
// node:zlib only, no npm packages.
//
// It is meant to be CORRECT per RFC 9110/9111/9112: every response below is
// one a careful origin server may send. Any lint warning or error on its
// captures is therefore a false alarm.
//
//   node scripts/captures/node-server.mjs PORT [HOST]
//
// Routes (GET and HEAD unless said otherwise):
//   /                       HTML page with gzip/brotli subresources
//   /encoded.html           same idea, used by the HAR recorder
//   /assets/app.js          gzip if acceptable (Vary: Accept-Encoding)
//   /assets/style.css       br if acceptable (Vary: Accept-Encoding)
//   /assets/pixel.png       1x1 PNG
//   /blocked.html           page whose image the HAR recorder aborts
//   /fetch-fail.html?port=N page that fetch()es a refused port
//   /json                   application/json 200; POST -> 405 with Allow
//   /gzip, /br              gzip / brotli encoded text (negotiated)
//   /chunked                Transfer-Encoding: chunked, several chunks
//   /chunked-trailer        chunked with a declared trailer field
//   /items            POST  201 Created with Location
//   /items/42               the created resource (200); DELETE -> 204
//   /no-content             204 No Content
//   /rate-limited           429 with Retry-After (delay-seconds)
//   /maintenance            503 with Retry-After (HTTP-date)
//   /private                401 with WWW-Authenticate
//   /problem                404 application/problem+json
//   /redirect-chain         302 -> /redirect-chain/2 -> 302 -> /final (200)
//   /etag                   200 with ETag; If-None-Match -> 304
//   /latin1                 text/plain; charset=iso-8859-1
//   /binary                 application/octet-stream (all 256 byte values)
//   anything else           404 text/plain

import http from 'node:http';
import zlib from 'node:zlib';

const port = Number(process.argv[2] || 0);
const host = process.argv[3] || '127.0.0.1';

const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Status Lab capture server</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/style.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<h1>Status Lab capture server</h1>
<p id="out">A page whose subresources are content-coded.</p>
<img src="/assets/pixel.png" alt="" width="1" height="1">
</body>
</html>
`;

const BLOCKED_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>blocked subresource</title><link rel="icon" href="data:,"></head>
<body><p>The image below is aborted by the recorder.</p>
<img src="/assets/pixel.png" alt="" width="1" height="1"></body>
</html>
`;

const FETCH_FAIL_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>fetch to a refused port</title><link rel="icon" href="data:,"></head>
<body><p id="out">pending</p>
<script>
const port = new URLSearchParams(location.search).get('port');
fetch('http://127.0.0.1:' + port + '/api/status')
  .then(r => { document.getElementById('out').textContent = 'status ' + r.status; })
  .catch(e => { document.getElementById('out').textContent = 'failed: ' + e.message; });
</script></body>
</html>
`;

const APP_JS = `// Served gzip-encoded when the client accepts gzip.
document.addEventListener('DOMContentLoaded', () => {
  const out = document.getElementById('out');
  if (out) out.textContent = 'app.js ran (' + ${JSON.stringify('x'.repeat(8))}.length + ')';
});
`.repeat(4);

const STYLE_CSS = `/* Served brotli-encoded when the client accepts br. */
body { font-family: sans-serif; margin: 2rem; color: #222; background: #fafafa; }
h1 { font-size: 1.4rem; }
p { line-height: 1.5; }
`.repeat(4);

const TEXT = 'Status Lab content-coding test body.\n'.repeat(20);

// 1x1 transparent PNG.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const LATIN1 = Buffer.from('Grüße aus Köln: café crème, naïve façade, 25 °C, ½ price.\n', 'latin1');
const BINARY = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

// RFC 9110 §12.5.3 Accept-Encoding: no field means any coding is acceptable;
// a coding is acceptable when listed (or matched by "*") with q > 0.
function accepts(req, coding) {
  const header = req.headers['accept-encoding'];
  if (header === undefined) return true;
  let star = null;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().split(';');
    let q = 1;
    for (const p of params) {
      const [k, v] = p.trim().split('=');
      if (k.toLowerCase() === 'q') q = Number(v);
    }
    const n = name.trim().toLowerCase();
    if (n === coding) return q > 0;
    if (n === '*') star = q > 0;
  }
  return star === true;
}

function send(req, res, status, headers, body) {
  const buf = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body);
  res.writeHead(status, { ...headers, 'Content-Length': buf.length });
  res.end(req.method === 'HEAD' ? undefined : buf);
}

function sendCoded(req, res, type, body, coding, extra = {}) {
  const headers = { 'Content-Type': type, Vary: 'Accept-Encoding', 'Cache-Control': 'no-cache', ...extra };
  if (coding === 'gzip' && accepts(req, 'gzip')) {
    headers['Content-Encoding'] = 'gzip';
    // mtime 0 / fixed level keeps the bytes stable across runs.
    return send(req, res, 200, headers, zlib.gzipSync(body, { level: 9 }));
  }
  if (coding === 'br' && accepts(req, 'br')) {
    headers['Content-Encoding'] = 'br';
    return send(req, res, 200, headers, zlib.brotliCompressSync(body));
  }
  return send(req, res, 200, headers, body);
}

function methodNotAllowed(req, res, allow) {
  send(req, res, 405, { Allow: allow, 'Content-Type': 'text/plain; charset=utf-8' },
    `${req.method} is not supported here; allowed: ${allow}\n`);
}

function absolute(req, path) {
  return `http://${req.headers.host || `${host}:${port}`}${path}`;
}

const ETAG = '"v1-3f2a"';
const ETAG_BODY = JSON.stringify({ id: 'etag-demo', version: 1 }) + '\n';

function etagMatches(header, etag) {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  // Weak comparison (RFC 9110 §13.1.2): ignore W/ prefixes.
  const strip = t => t.trim().replace(/^W\//, '');
  return header.split(',').some(t => strip(t) === strip(etag));
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://placeholder');
  const path = url.pathname;
  const method = req.method;
  const getLike = method === 'GET' || method === 'HEAD';

  // Drain any request body before answering.
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    route(req, res, url, path, method, getLike, body);
  });
});

function route(req, res, url, path, method, getLike, body) {
  const html = 'text/html; charset=utf-8';
  switch (path) {
    case '/':
    case '/encoded.html':
      if (!getLike) return methodNotAllowed(req, res, 'GET, HEAD');
      return send(req, res, 200, { 'Content-Type': html, 'Cache-Control': 'no-cache' }, INDEX_HTML);
    case '/blocked.html':
      if (!getLike) return methodNotAllowed(req, res, 'GET, HEAD');
      return send(req, res, 200, { 'Content-Type': html }, BLOCKED_HTML);
    case '/fetch-fail.html':
      if (!getLike) return methodNotAllowed(req, res, 'GET, HEAD');
      return send(req, res, 200, { 'Content-Type': html }, FETCH_FAIL_HTML);
    case '/assets/app.js':
      if (!getLike) return methodNotAllowed(req, res, 'GET, HEAD');
      return sendCoded(req, res, 'text/javascript; charset=utf-8', APP_JS, 'gzip');
    case '/assets/style.css':
      if (!getLike) return methodNotAllowed(req, res, 'GET, HEAD');
      return sendCoded(req, res, 'text/css; charset=utf-8', STYLE_CSS, 'br');
    case '/assets/pixel.png':
      if (!getLike) return methodNotAllowed(req, res, 'GET, HEAD');
      return send(req, res, 200, { 'Content-Type': 'image/png', 'Cache-Control': 'max-age=3600' }, PIXEL);
    case '/json':
      if (!getLike) return methodNotAllowed(req, res, 'GET, HEAD');
      return send(req, res, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
        JSON.stringify({ ok: true, service: 'status-lab-capture', items: [1, 2, 3] }) + '\n');
    case '/gzip':
      if (!getLike) return methodNotAllowed(req, res, 'GET, HEAD');
      return sendCoded(req, res, 'text/plain; charset=utf-8', TEXT, 'gzip');
    case '/br':
      if (!getLike) return methodNotAllowed(req, res, 'GET, HEAD');
      return sendCoded(req, res, 'text/plain; charset=utf-8', TEXT, 'br');
    case '/chunked':
    case '/chunked-trailer': {
      if (!getLike) return methodNotAllowed(req, res, 'GET, HEAD');
      const trailer = path === '/chunked-trailer';
      const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };
      if (trailer) headers.Trailer = 'Server-Timing';
      res.writeHead(200, headers);
      if (method === 'HEAD') return res.end();
      const parts = ['first chunk\n', 'second chunk, a little longer\n', 'third and last chunk\n'];
      let i = 0;
      const next = () => {
        if (i < parts.length) {
          res.write(parts[i++]);
          setTimeout(next, 20);
        } else {
          if (trailer) res.addTrailers({ 'Server-Timing': 'total;dur=60' });
          res.end();
        }
      };
      return next();
    }
    case '/items':
      if (method !== 'POST') return methodNotAllowed(req, res, 'POST');
      return send(req, res, 201, {
        Location: '/items/42',
        'Content-Type': 'application/json',
      }, JSON.stringify({ id: 42, received_bytes: body.length }) + '\n');
    case '/items/42':
      if (method === 'DELETE') {
        res.writeHead(204);
        return res.end();
      }
      if (!getLike) return methodNotAllowed(req, res, 'GET, HEAD, DELETE');
      return send(req, res, 200, { 'Content-Type': 'application/json' }, JSON.stringify({ id: 42 }) + '\n');
    case '/no-content':
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      return res.end();
    case '/rate-limited':
      return send(req, res, 429, { 'Retry-After': '30', 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
        'Too many requests; retry in 30 seconds.\n');
    case '/maintenance':
      return send(req, res, 503, {
        'Retry-After': new Date(Date.now() + 120_000).toUTCString(),
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
      }, 'Down for maintenance; back in about two minutes.\n');
    case '/private':
      return send(req, res, 401, {
        'WWW-Authenticate': 'Basic realm="status-lab", charset="UTF-8"',
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
      }, 'Authentication required.\n');
    case '/problem':
      return send(req, res, 404, { 'Content-Type': 'application/problem+json', 'Content-Language': 'en' },
        JSON.stringify({
          type: 'https://example.com/probs/no-such-widget',
          title: 'No such widget',
          status: 404,
          detail: 'Widget 7 does not exist.',
          instance: '/problem',
        }) + '\n');
    case '/redirect-chain':
      return send(req, res, 302, { Location: absolute(req, '/redirect-chain/2'), 'Content-Type': html },
        '<p>Moved to <a href="/redirect-chain/2">/redirect-chain/2</a>.</p>\n');
    case '/redirect-chain/2':
      return send(req, res, 302, { Location: '/final', 'Content-Type': html },
        '<p>Moved to <a href="/final">/final</a>.</p>\n');
    case '/final':
      return send(req, res, 200, { 'Content-Type': html }, '<!doctype html><title>final</title><p>End of the redirect chain.</p>\n');
    case '/etag': {
      if (!getLike) return methodNotAllowed(req, res, 'GET, HEAD');
      const headers = { ETag: ETAG, 'Cache-Control': 'max-age=60', Vary: 'Accept-Encoding' };
      if (etagMatches(req.headers['if-none-match'], ETAG)) {
        // RFC 9110 §15.4.5: 304 carries the ETag, Cache-Control and Vary the 200 would have.
        res.writeHead(304, headers);
        return res.end();
      }
      return send(req, res, 200, { ...headers, 'Content-Type': 'application/json' }, ETAG_BODY);
    }
    case '/latin1':
      if (!getLike) return methodNotAllowed(req, res, 'GET, HEAD');
      return send(req, res, 200, { 'Content-Type': 'text/plain; charset=iso-8859-1' }, LATIN1);
    case '/binary':
      if (!getLike) return methodNotAllowed(req, res, 'GET, HEAD');
      return send(req, res, 200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': 'attachment; filename="bytes.bin"',
      }, BINARY);
    default:
      return send(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, `No route for ${path}\n`);
  }
}

server.listen(port, host, () => {
  const a = server.address();
  console.log(`node capture server listening on http://${a.address}:${a.port}/`);
});

for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => { server.close(() => process.exit(0)); server.closeAllConnections(); });
}
