// A static file server for dist/ on 127.0.0.1 with the MIME types a static
// host must send (application/wasm in particular), on a free port; serves
// nothing outside the folder. Build tooling, not test code: the release
// build's pre-render step (prerender.mjs) serves its staging folder with it,
// and the browser tests, benchmarks and Lighthouse run (end2end/) serve
// dist/ with it, so what they load is served the same way. Node built-ins
// only, so it runs before any npm install.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

/**
 * Serves `root`, optionally under a sub-path prefix (e.g. `/atlas/`).
 * `gzip: true` compresses responses as a real static host would (for
 * Lighthouse; the tests read the files as they are).
 */
export async function serveDist(root = process.env.DIST_DIR ?? resolve('../dist'), prefix = '/', { index = 'index.html', gzip = false } = {}) {
  const base = resolve(root);
  await stat(join(base, index));
  // file → [mtime, gzip'd bytes]: compressed once, as a static host
  // serves precompressed files (a 20 MB wasm takes a second to gzip).
  const gzipped = new Map();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      if (!url.pathname.startsWith(prefix)) {
        res.writeHead(404).end('not found');
        return;
      }
      let rel = decodeURIComponent(url.pathname.slice(prefix.length));
      if (rel === '' || rel.endsWith('/')) rel += index;
      const file = normalize(join(base, rel));
      if (!file.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
        const { mtimeMs } = await stat(file);
        if (gzipped.get(file)?.[0] !== mtimeMs) gzipped.set(file, [mtimeMs, gzipSync(body)]);
        res.writeHead(200, headers).end(gzipped.get(file)[1]);
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}
