// Trunk post-build hook. Three steps, in this order:
//
// 0. Release builds only: the library pre-rendered into index.html
//    (prerender.mjs), before the steps below hash and list the files.
// 1. Content-Security-Policy: Trunk injects one inline module script (the
//    wasm loader) whose text changes with every build's file hashes. Its
//    SHA-256 is computed here and a CSP <meta> is added to index.html, so no
//    inline script runs but the one the build produced, and wasm may only be
//    compiled with 'wasm-unsafe-eval' (never 'unsafe-eval').
// 2. Service worker: writes sw.js into the staging folder with the list
//    of every file of this build (Trunk's content-hashed names), so the service
// worker's precache can never go stale. The cache name is a hash of that
// list: a new build means a new cache, and the old one is deleted when the
// new worker activates. Debug builds (`trunk serve`) get a worker that
// caches nothing, so live reload is never served stale files.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { prerender } from './prerender.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build.mjs: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';

// --- 0. Pre-rendered library ---------------------------------------------
if (release) {
  const done = await prerender(staging);
  if (done) console.log('post-build.mjs: library pre-rendered into index.html');
}

// --- 1. CSP ---------------------------------------------------------------
const indexPath = join(staging, 'index.html');
let index = await readFile(indexPath, 'utf8');
const inline = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
if (!index.includes('http-equiv="Content-Security-Policy"')) {
  index = index.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`);
  await writeFile(indexPath, index);
}
console.log(`post-build.mjs: CSP with ${hashes.length} inline script hash(es)`);

// --- 2. Service worker ------------------------------------------------------

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(relative(staging, path).split('\\').join('/'));
  }
  return out;
}

const list = (await files(staging)).filter((f) => f !== 'sw.js' && !f.startsWith('.')).sort();
const hash = createHash('sha256');
for (const file of list) hash.update(file).update(await readFile(join(staging, file)));
const version = hash.digest('hex').slice(0, 16);
const template = await readFile(new URL('./sw.template.js', import.meta.url), 'utf8');
const sw = template
  .replace('__VERSION__', release ? version : `dev-${version}`)
  .replace('__PRECACHE__', JSON.stringify(release ? ['./', ...list] : []));
await writeFile(join(staging, 'sw.js'), sw);
console.log(`post-build.mjs: sw.js ${release ? `precaches ${list.length + 1} URLs` : 'caches nothing (debug build)'}, version ${version}`);
