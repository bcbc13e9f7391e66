// The pre-rendered library (tools/prerender.mjs): index.html itself shows
// the library before any script has run, its links lead where the app's
// do, a deep link never flashes it, and the app replaces it cleanly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveDist } from '../../tools/serve-dist.mjs';
import { launch, newPage, appReady } from '../support/browser.mjs';
import { clean } from '../../tools/prerender.mjs';

let server, browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const titles = (page) => page.$$eval('.doc-list .doc-title a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));

test('without JavaScript the page still shows the library, with the app’s titles and links', async () => {
  const html = await readFile(join(process.env.DIST_DIR ?? resolve('../dist'), 'index.html'), 'utf8');
  assert.ok(!/data-testid=/.test(html), 'the snapshot carries no test ids, so tests find only the live app');
  assert.ok(!/ style="/.test(html), 'no inline styles (the CSP forbids them)');

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  const still = await titles(page);
  assert.ok(still.length >= 5, `pre-rendered titles: ${still.length}`);
  assert.ok(await page.locator('.doc-list').isVisible());
  assert.match(await page.locator('noscript').first().textContent(), /needs JavaScript/);
  await context.close();

  const live = await newPage(browser);
  await live.goto(server.url);
  await appReady(live);
  assert.deepEqual(await titles(live), still, 'the app renders the same list the snapshot showed');
  assert.equal(await live.locator('#boot').count(), 0, 'the snapshot is gone once the app is up');
  assert.equal(await live.locator('main').count(), 1);
  assert.deepEqual(live.problems, []);
  await live.close();
});

test('a deep link hides the pre-rendered library until the app shows the right view', async () => {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  // Hold the wasm back, so the snapshot is what is on screen.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${server.url}#/doc/001_6225201a47dae885`);
  await page.locator('#boot').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#boot main').isVisible(), false, 'no library under a reader URL');
  assert.ok(await page.locator('.boot-status').isVisible(), 'a loading line instead');
  // The library's snapshot shows on the library URL, and following one of
  // its links before the app is up hides it too.
  await page.goto(`${server.url}#/`);
  await page.locator('#boot main').waitFor({ state: 'visible' });
  await page.locator('#boot .doc-title a').first().click();
  assert.equal(await page.locator('#boot main').isVisible(), false);
  release();
  await page.locator('[data-testid="reader"]').waitFor();
  assert.equal(await page.locator('#boot').count(), 0);
  await context.close();
});

test('the snapshot cleaning changes tags only, never the text a document shows', () => {
  // Serialized DOM escapes `<` in text but not `"`: a title that quotes an
  // attribute must reach the reader unchanged.
  const text = 'A title with data-testid="x" style="y" role="status" in it';
  const html = `<h2 class="doc-title" data-testid="doc-link"><a href="#/doc/a" style="color: red">${text}</a></h2><p role="status" aria-live="polite">n</p><input id="q"><button type="button">Go</button><!---->`;
  assert.equal(
    clean(html),
    `<h2 class="doc-title"><a href="#/doc/a">${text}</a></h2><p>n</p><input disabled id="q"><button disabled type="button">Go</button>`,
  );
});
