// Pre-rendered first screen, called by post-build.mjs for release builds.
//
// Why: the library cannot appear before the wasm has downloaded, compiled
// and run (≈700 KB on a slow phone link: Lighthouse put the largest paint at
// 4.7 s). So the build opens its own staging folder in headless Chromium,
// lets the app render the library, and writes that markup into index.html
// in place of the "Loading…" message. A reader sees the real library (and
// can follow its links: they are plain `#/…` fragments the app reads when
// it starts) as soon as the HTML and CSS arrive; the app then replaces it.
//
// The snapshot is the app's own DOM, so there is no second copy of the
// library's markup to keep in step. What is changed in it, and why:
// - `data-testid`s are dropped, so tests only ever find the live app;
// - `style="…"` attributes are dropped (the CSP forbids inline styles, and
//   they would log errors);
// - form controls are disabled: typing into a box the app is about to
//   replace would be lost;
// - Leptos's empty `<!---->` markers are dropped;
// - live regions lose their role: the snapshot has one status line, its own.
// A deep link (`#/doc/…`) must not flash the library: public/boot.js marks
// the document and main.css hides the snapshot's <main> then.
//
// Chromium is found as `$CHROMIUM` or `chromium` on PATH. Without it the
// step is skipped with a warning and the plain loading message stays:
// the page works the same, only its first paint is later.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist } from './serve-dist.mjs';

const BOOT = /<div id="boot" class="boot" role="status">[\s\S]*?<\/noscript>\s*<\/div>/;

/** Replaces the boot message of `staging/index.html` with the rendered library. */
export async function prerender(staging) {
  const chromium = process.env.CHROMIUM || 'chromium';
  const indexPath = join(staging, 'index.html');
  const index = await readFile(indexPath, 'utf8');
  if (!BOOT.test(index)) throw new Error('prerender: index.html has no boot message to replace');
  const server = await serveDist(staging, '/');
  const profile = await mkdtemp(join(tmpdir(), 'atlas-prerender-'));
  let dom;
  try {
    dom = await dumpDom(chromium, profile, server.url);
  } catch (e) {
    if (e.code === 'ENOENT') {
      console.warn(`prerender: ${chromium} not found; index.html keeps its loading message`);
      return false;
    }
    throw e;
  } finally {
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
  const body = dom.match(/<body[^>]*>([\s\S]*)<\/body>/)?.[1] ?? '';
  if (!body.includes('class="doc-list"')) {
    // Not fatal: the page works without the snapshot (a huge corpus may
    // not start within the budget); the browser tests judge the app.
    console.warn('prerender: WARNING the app did not render the library within 20 s of virtual time; index.html keeps its loading message');
    return false;
  }
  const snapshot = clean(body);
  const boot = `<div id="boot" class="boot-snapshot">
    ${snapshot}
    <p class="boot-status loading" role="status">Loading search, map and reader…</p>
    <noscript><p class="boot-status">Far East Atlas needs JavaScript and WebAssembly for search, the map and the reader.</p></noscript>
  </div>`;
  await writeFile(indexPath, index.replace(BOOT, () => boot));
  return true;
}

/** Chromium's serialized DOM once the page has settled. */
function dumpDom(chromium, profile, url) {
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    `--user-data-dir=${profile}`,
    // Virtual time runs the page until it is idle (the wasm has started and
    // rendered), with a real-time cap for a page that never settles.
    '--virtual-time-budget=20000',
    '--dump-dom',
    url,
  ];
  return new Promise((resolve, reject) => {
    execFile(chromium, args, { maxBuffer: 64 << 20, timeout: 120000 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout);
    });
  });
}

/** The changes listed at the top of this file. */
export function clean(html) {
  // Serialized DOM escapes `<` in text (so `<script` and `<!--` can only be
  // markup) and `<`/`>` in attribute values, but not `"` in text: attributes
  // are removed inside start tags only, or a title quoting `style="…"`
  // would lose words.
  const tag = (t) =>
    t
      .replace(/ (?:role="status"|aria-live="[^"]*"|data-testid="[^"]*"|style="[^"]*")/g, '')
      .replace(/^<(input|button|textarea|select)\b/, '<$1 disabled');
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<!---->/g, '')
    .replace(/<[a-zA-Z][^>]*>/g, tag)
    .trim();
}
