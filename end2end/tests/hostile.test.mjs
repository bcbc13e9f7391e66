// Document text is data, never markup. A build over the fixture seeds in
// end2end/fixtures/hostile-seeds/ — a text seed with script, img onerror,
// javascript: links, style and iframe tags in its title, body and footnote,
// and a saved web page with real and escaped ones — must show every tag of
// the text literally, in every view that shows text, and run none of it.
// `cargo xtask test` builds that corpus into target/fixture-dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { newPage, appReady } from '../support/browser.mjs';
import { appSuite } from '../support/suite.mjs';

const root = process.env.HOSTILE_DIST_DIR ?? resolve('../target/fixture-dist/hostile-seeds');
const ctx = appSuite({ root });

/** A page that fails the test if anything in the seed ever runs. */
async function guardedPage() {
  const page = await newPage(ctx.browser);
  page.dialogs = [];
  page.on('dialog', async (d) => {
    page.dialogs.push(d.message());
    await d.dismiss();
  });
  return page;
}

async function assertInert(page) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no seed code ran');
  // Nothing from the seed became an element: the only images and frames
  // are the app's own.
  const injected = await page.evaluate(() =>
    [...document.querySelectorAll('#main img, #main iframe, #main script, #main style, #main a[href^="javascript:"], #main [onerror], #main [onmouseover]')].map(
      (el) => el.outerHTML.slice(0, 80),
    ),
  );
  assert.deepEqual(injected, []);
  assert.deepEqual(page.dialogs, []);
  assert.deepEqual(page.problems, []);
}

test('the library shows a title with a <script> tag as text', async () => {
  const page = await guardedPage();
  await page.goto(ctx.server.url);
  await appReady(page);
  await page.waitForSelector('[data-testid="doc-card"]');
  const card = await page.textContent('[data-testid="doc-card"][data-doc-id="hostile"]');
  assert.match(card, /<script>window\.__pwned = 1<\/script> A Hostile Paper on Sakhalin/);
  await assertInert(page);
});

test('the reader shows body and footnote markup literally and runs none of it', async () => {
  const page = await guardedPage();
  await page.goto(`${ctx.server.url}#/doc/hostile`);
  await appReady(page);
  await page.waitForSelector('[data-testid="reader-body"]');
  assert.match(await page.textContent('[data-testid="reader-title"]'), /^<script>window\.__pwned = 1<\/script>/);
  const body = await page.textContent('[data-testid="reader-body"]');
  assert.ok(body.includes('<img src="x" onerror="window.__pwned = 4">'), body);
  assert.ok(body.includes('<a href="javascript:window.__pwned=5">click me</a>'), body);
  assert.ok(body.includes('<style>body{display:none}</style>'), body);
  assert.ok(body.includes('&lt;i&gt;'), 'entities are not decoded into markup either');
  const note = await page.textContent('[data-testid="note"]');
  assert.ok(note.includes('<img src=x onerror=window.__pwned=7>'), note);
  assert.ok(note.includes('<iframe src="javascript:window.__pwned=8"></iframe>'), note);
  assert.ok(await page.isVisible('[data-testid="reader-body"]'), 'the <style> text hid nothing');
  await assertInert(page);
});

test('search hits and their highlights keep the markup as text', async () => {
  const page = await guardedPage();
  await page.goto(`${ctx.server.url}#/search?q=onerror`);
  await appReady(page);
  await page.waitForSelector('[data-testid="hit"]');
  const hits = await page.$$eval('[data-testid="hit"]', (els) => els.map((el) => el.textContent));
  assert.ok(hits.some((h) => h.includes('<img src="x" onerror=')), hits.join('\n'));
  const marks = await page.$$eval('[data-testid="hit"] mark', (els) => els.map((el) => el.textContent.toLowerCase()));
  assert.ok(marks.includes('onerror'), `highlighted: ${marks}`);
  await assertInert(page);
});

test('a saved web page loses its tags, keeps its escaped markup as text, and runs nothing', async () => {
  const page = await guardedPage();
  await page.goto(`${ctx.server.url}#/doc/hostile-page`);
  await appReady(page);
  await page.waitForSelector('[data-testid="reader-body"]');
  assert.equal(await page.textContent('[data-testid="reader-title"]'), 'A Saved Web Page on Khabarovsk');
  const body = await page.textContent('[data-testid="reader-body"]');
  assert.ok(body.includes('<script>window.__pwned = 23</script>'), body);
  assert.ok(body.includes('<img src=x onerror=window.__pwned=24>'), body);
  assert.ok(body.includes('the text around them stays'), body);
  assert.ok(!body.includes('__pwned = 25') && !body.includes('__pwned = 27') && !body.includes('Menu'), body);
  await assertInert(page);
});

test('the map and the other views work with a two-document corpus', async () => {
  const page = await guardedPage();
  for (const view of ['map', 'topics', 'timeline', 'figures', 'people']) {
    await page.goto(`${ctx.server.url}#/${view}`);
    await appReady(page);
    await page.waitForSelector('#main h1');
  }
  await page.goto(`${ctx.server.url}#/map`);
  await page.waitForSelector('[data-testid="marker"]');
  const places = await page.$$eval('[data-testid="place-row"]', (rows) => rows.map((r) => r.textContent));
  assert.ok(places.some((p) => p.includes('Sakhalin')), places.join(' | '));
  assert.ok(places.some((p) => p.includes('Vladivostok')), places.join(' | '));
  await assertInert(page);
});

test('a panic shows the error panel with a working reload link, not a dead page', async () => {
  const page = await guardedPage();
  await page.goto(`${ctx.server.url}#/doc/hostile`);
  await appReady(page);
  // Only fixture builds export this hook (ATLAS_TEST_HOOKS=1).
  assert.equal(await page.evaluate(() => typeof window.wasmBindings.test_panic), 'function');
  await page.evaluate(() => {
    try {
      window.wasmBindings.test_panic();
    } catch {
      // The wasm instance aborts after the hook ran; that is the point.
    }
  });
  const panel = page.locator('[data-testid="panic-panel"]');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('role'), 'alert');
  assert.match(await panel.textContent(), /Something went wrong/);
  assert.match(await panel.locator('pre').textContent(), /test panic requested/);
  await page.click('text=Reload the page');
  await page.waitForSelector('[data-testid="reader-body"]');
  assert.match(page.url(), /\?reload=\d+#\/doc\/hostile$/);
  assert.equal(await page.locator('[data-testid="panic-panel"]').count(), 0);
});

test('the pre-rendered library of a hostile corpus is inert too', async () => {
  // The snapshot in index.html is serialized DOM: the seed's tags must be
  // there as escaped text, and showing it must run nothing, before and
  // after the app takes over.
  const { readFile } = await import('node:fs/promises');
  const html = await readFile(resolve(root, 'index.html'), 'utf8');
  const snapshot = html.slice(html.indexOf('<div id="boot"'));
  assert.ok(snapshot.includes('class="doc-list"'), 'the fixture build has a pre-rendered library');
  assert.ok(snapshot.includes('&lt;script'), 'the title’s <script> is text');
  assert.deepEqual(snapshot.match(/<(script|img|iframe|style)\b|\son\w+=|href="javascript:/gi), null);
  const page = await guardedPage();
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto(ctx.server.url);
  assert.ok(await page.locator('#boot .doc-list').isVisible());
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no seed code ran');
  assert.deepEqual(page.dialogs, []);
  await page.close();
});
