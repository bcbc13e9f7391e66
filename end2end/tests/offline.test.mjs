// Offline: once loaded, the app keeps working with no network; a new build
// is announced with a quiet "reload" prompt instead of swapping under the
// reader. Each test serves its own copy of dist/ so it can change files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveDist } from '../../tools/serve-dist.mjs';
import { launch, newPage, appReady } from '../support/browser.mjs';

const dist = process.env.DIST_DIR ?? resolve('../dist');
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Serves a private copy of dist/ (tests change its files) to `body`. */
async function withDistCopy(body) {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-dist-'));
  await cp(dist, dir, { recursive: true });
  const server = await serveDist(dir);
  try {
    await body(server, dir);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A new page on `server` once the service worker reports offline-ready. */
async function visitedOnce(server) {
  const page = await newPage(browser);
  await page.goto(server.url);
  await appReady(page);
  await page.waitForSelector('[data-testid="offline-ready"]', { timeout: 20000 });
  return page;
}

test('the precache lists every file of the build', async () => {
  const sw = await readFile(join(dist, 'sw.js'), 'utf8');
  const list = JSON.parse(sw.match(/const PRECACHE = (\[.*\]);/)[1]);
  const { readdir } = await import('node:fs/promises');
  const files = (await readdir(dist)).filter((f) => f !== 'sw.js' && !f.startsWith('.'));
  assert.deepEqual(list.slice(1).sort(), files.sort());
  assert.equal(list[0], './');
  assert.ok(files.some((f) => f.endsWith('_bg.wasm')));
});

test('after one visit, library, reader, notes, search, map and every view work with the network off', async () => {
  await withDistCopy(async (server) => {
    const page = await visitedOnce(server);
    await page.context().setOffline(true);
    await page.reload();
    await appReady(page);
    assert.equal((await page.$$('[data-testid="doc-card"]')).length, 5, 'library offline');
    await page.goto(`${server.url}#/doc/003_e16917e1f304fc4f?block=12`);
    await page.waitForSelector('[data-testid="reader"]');
    await page.click('#ref-13');
    assert.match(await page.locator('.note-pop:popover-open').textContent(), /Vietnam News Agency/);
    // Search, the map (base map embedded, nothing to fetch) and the other views, offline.
    await page.goto(`${server.url}#/search?q=Kovykta`);
    await page.waitForSelector('[data-testid="hit"] mark');
    await page.goto(`${server.url}#/map?place=vladivostok`);
    await page.waitForSelector('[data-testid="place-passages"] [data-testid="hit"]');
    assert.ok((await page.locator('svg.map path.country').count()) > 150, 'the base map draws offline');
    assert.ok((await page.locator('[data-testid="marker"]').count()) > 100);
    for (const [hash, ready] of [['#/topics', '[data-testid="heat-cell"]'], ['#/timeline', '[data-testid="year-bar"]'], ['#/figures', '[data-testid="figure-row"]'], ['#/people', '[data-testid="entity"]']]) {
      await page.goto(server.url + hash);
      await page.waitForSelector(ready);
    }
    // A fresh navigation (not a reload) to a deep link, offline.
    await page.goto('about:blank');
    await page.goto(`${server.url}?from=bookmark#/doc/001_6225201a47dae885`);
    await appReady(page);
    await page.waitForSelector('[data-testid="reader-title"]');
    assert.deepEqual(page.problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
    await page.context().close();
  });
});

test('a new build shows the update prompt, and Reload switches to it', async () => {
  await withDistCopy(async (server, dir) => {
    const page = await visitedOnce(server);
    // "Deploy" a new build: same files, new version.
    const sw = await readFile(join(dir, 'sw.js'), 'utf8');
    await writeFile(join(dir, 'sw.js'), sw.replace(/const VERSION = '([^']*)'/, "const VERSION = '$1-next'"));
    await page.reload();
    await appReady(page);
    await page.waitForSelector('[data-testid="update-prompt"]', { timeout: 20000 });
    await Promise.all([page.waitForEvent('load'), page.click('[data-testid="update-prompt"] button')]);
    await appReady(page);
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, `old caches deleted: ${caches}`);
    assert.match(caches[0], /-next$/);
    await page.context().close();
  });
});
