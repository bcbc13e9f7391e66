// Embedding: examples/embed.html (served from another origin) frames the
// explorer, auto-sizes it from its messages, receives selection events and
// drives it; commands from origins that are not allowed have no effect.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { serveDist } from '../../tools/serve-dist.mjs';
import { launch, newPage, appReady, messagesHandled } from '../support/browser.mjs';

let app, hostSite, browser;
before(async () => {
  app = await serveDist();
  hostSite = await serveDist(resolve('../examples'), '/', { index: 'embed.html' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await hostSite?.close();
});

async function openHost(src) {
  const page = await newPage(browser);
  await page.goto(`${hostSite.url}embed.html?src=${encodeURIComponent(src)}`);
  const frame = page.frameLocator('#atlas');
  return { page, frame };
}

test('the host page auto-sizes the frame, receives a selection and drives a query', async () => {
  const { page, frame } = await openHost(`${app.url}?embed=1#/`);
  await frame.locator('[data-testid="doc-card"]').first().waitFor();
  await page.waitForFunction(() => document.getElementById('log').textContent.includes('atlas:ready'));
  const height = await page.$eval('#atlas', (f) => f.getBoundingClientRect().height);
  assert.ok(height > 600, `frame grew to its content (${height}px)`);
  // Compact chrome with a way out.
  assert.equal(await frame.locator('[data-testid="open-full"]').count(), 1);
  assert.equal(await frame.locator('.site-footer').isVisible(), false);
  // The reader selects a document: the host hears about it.
  await frame.locator('[data-doc-id="003_e16917e1f304fc4f"] [data-testid="doc-link"]').click();
  await page.waitForFunction(() => document.getElementById('log').textContent.includes('"kind":"document","doc":"003_e16917e1f304fc4f"'));
  // The host drives the explorer.
  await page.fill('#q', 'Kovykta');
  await page.click('text=Send setQuery');
  const frameUrl = () => page.frames().find((f) => f.url().startsWith(app.url))?.url() ?? '';
  for (let i = 0; i < 50 && !frameUrl().includes('#/search?q=Kovykta'); i++) await page.waitForTimeout(100);
  assert.match(frameUrl(), /#\/search\?q=Kovykta$/);
  await page.click('#library');
  await frame.locator('[data-testid="doc-list"]').waitFor();
  assert.deepEqual(page.problems, []);
});

test('commands from an origin that is not allowed have no effect', async () => {
  const { page, frame } = await openHost(`${app.url}?embed=1&origins=https%3A%2F%2Fallowed.example#/`);
  await frame.locator('[data-testid="doc-card"]').first().waitFor();
  const infos = [];
  // The host sends exactly two commands; the frame logs each refusal as it
  // handles it, so the second refusal says setQuery has been handled.
  let refusals = 0;
  const bothRefused = page.waitForEvent('console', {
    predicate: (m) => m.type() === 'info' && m.text().includes('is not allowed') && ++refusals === 2,
    timeout: 10000,
  });
  page.on('console', (m) => m.type() === 'info' && infos.push(m.text()));
  await page.click('#library'); // setView from the host, whose origin is not on the list
  await page.fill('#q', 'Kovykta');
  await page.click('text=Send setQuery');
  await bothRefused;
  const url = page.frames().find((f) => f.url().startsWith(app.url)).url();
  assert.doesNotMatch(url, /search/);
  assert.equal(infos.filter((t) => t.includes('is not allowed')).length, 2, infos.join('\n'));
});

test('malformed commands are ignored and logged, never crash the app', async () => {
  const page = await newPage(browser);
  await page.goto(`${app.url}?embed=1#/`);
  await appReady(page);
  const infos = [];
  page.on('console', (m) => m.type() === 'info' && infos.push(m.text()));
  // Same-origin posts stand in for the parent (no referrer: allow the page's own origin).
  await page.goto(`${app.url}?embed=1&origins=${encodeURIComponent(new URL(app.url).origin)}#/`);
  await appReady(page);
  for (const bad of [null, 42, 'setQuery', { type: 'atlas:command', version: 2, command: 'setQuery', query: 'x' }, { type: 'atlas:command', version: 1, command: 'setQuery', query: 7 }, { type: 'atlas:command', version: 1, command: 'rmrf' }, { type: 'atlas:command', version: 1, command: 'setView', view: 'document' }, { type: 'atlas:command', version: 1, command: 'setView', view: 'document', doc: 'x', block: -1 }]) {
    await page.evaluate((m) => window.postMessage(m, location.origin), bad);
  }
  await messagesHandled(page);
  assert.equal(new URL(page.url()).hash, '#/');
  // One line per malformed command, one for the marker, and the marker's own.
  assert.equal(infos.filter((t) => t.startsWith('Far East Atlas embed: ignored message')).length, 9, infos.join('\n'));
  assert.equal(await page.locator('[data-testid="doc-card"]').count(), 5, 'the app still works');
  await page.evaluate(() => window.postMessage({ type: 'atlas:command', version: 1, command: 'setView', view: 'document', doc: '002_e63e79a699b4910e', block: 3 }, location.origin));
  await page.waitForSelector('#b-3.target');
});

test('the Embed dialog writes the iframe snippet for the current view', async () => {
  const page = await newPage(browser);
  await page.goto(`${app.url}#/doc/001_6225201a47dae885`);
  await appReady(page);
  await page.click('[data-testid="embed-button"]');
  const snippet = await page.inputValue('[data-testid="embed-snippet"]');
  assert.equal(snippet, `<iframe src="${app.url}?embed=1#/doc/001_6225201a47dae885" title="Far East Atlas" loading="lazy" style="width:100%;height:640px;border:0" allow="clipboard-write"></iframe>`);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-testid="embed-dialog"]').isVisible(), false);
});

test('?theme=dark forces the dark theme in a light browser', async () => {
  const page = await newPage(browser, { colorScheme: 'light' });
  await page.goto(`${app.url}?embed=1&theme=dark#/`);
  await appReady(page);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(21, 24, 29)');
});

test('the host sets the view and filters, and hears which place the reader chose', async () => {
  const { page, frame } = await openHost(`${app.url}?embed=1#/`);
  await frame.locator('[data-testid="doc-card"]').first().waitFor();
  await page.waitForFunction(() => document.getElementById('log').textContent.includes('atlas:ready'));
  await page.click('#energy-map');
  const frameUrl = () => page.frames().find((f) => f.url().startsWith(app.url))?.url() ?? '';
  for (let i = 0; i < 50 && !frameUrl().endsWith('#/map?topic=energy'); i++) await page.waitForTimeout(100);
  assert.match(frameUrl(), /#\/map\?topic=energy$/);
  await frame.locator('[data-testid="marker"]').first().waitFor();
  await frame.locator('[data-testid="place-row"][data-place-id="sakhalin"] a').click();
  await page.waitForFunction(() => document.getElementById('log').textContent.includes('"kind":"place","place":"sakhalin"'));
  assert.deepEqual(page.problems, []);
});
