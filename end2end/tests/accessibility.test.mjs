// axe-core on every view, in light and dark themes and at 360 px: 0 violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, appReady } from '../support/browser.mjs';
import { appSuite } from '../support/suite.mjs';
import { axeViolations } from '../support/axe.mjs';

const ctx = appSuite();

const VIEWS = [
  ['library', '#/', '[data-testid="doc-list"]'],
  ['reader', '#/doc/004_e430e81422721e95', '[data-testid="reader"]'],
  ['reader with notes', '#/doc/003_e16917e1f304fc4f?block=12', '[data-testid="notes"]'],
  ['not found', '#/nowhere', '[data-testid="not-found"]'],
  ['search results', '#/search?q=Sakhalin', '[data-testid="hit"]'],
  ['search tips', '#/search?q=', '[data-testid="search-tips"]'],
  ['reader with highlights', '#/doc/002_e63e79a699b4910e?q=Kovykta&block=30', '[data-testid="match-stepper"]'],
  ['embed', '?embed=1&theme=dark#/doc/002_e63e79a699b4910e', '[data-testid="reader"]'],
  ['filtered search with facets', '#/search?q=gas&topic=energy', '[data-testid="facets"]'],
  ['map', '#/map', '[data-testid="marker"]'],
  ['map with a place chosen', '#/map?place=vladivostok', '[data-testid="place-passages"]'],
  ['topics', '#/topics', '[data-testid="heatmap"]'],
  ['timeline', '#/timeline?mentioned=2000-2010', '[data-testid="timeline"]'],
  ['figures', '#/figures', '[data-testid="figures-table"]'],
  ['people and organisations', '#/people', '[data-testid="people"]'],
  ['your documents', '#/local', '[data-testid="local-page"]'],
];

for (const scheme of ['light', 'dark']) {
  for (const [name, path, ready] of VIEWS) {
    test(`axe: ${name} (${scheme})`, async () => {
      const page = await newPage(ctx.browser, { colorScheme: scheme, bypassCSP: true });
      await page.goto(ctx.server.url + path);
      await appReady(page);
      await page.waitForSelector(ready);
      assert.deepEqual(await axeViolations(page), []);
    });
  }
}

for (const [name, path, ready] of [['map', '#/map?place=sakhalin', '[data-testid="marker"]'], ['topics', '#/topics', '[data-testid="heatmap"]'], ['timeline', '#/timeline', '[data-testid="timeline"]'], ['search with facets', '#/search?q=gas&topic=energy', '[data-testid="facets"]'], ['your documents', '#/local', '[data-testid="local-page"]']]) {
  test(`axe and no sideways scrolling at 360 px: ${name}`, async () => {
    const page = await newPage(ctx.browser, { viewport: { width: 360, height: 740 }, bypassCSP: true });
    await page.goto(ctx.server.url + path);
    await appReady(page);
    await page.waitForSelector(ready);
    assert.deepEqual(await axeViolations(page), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 360 px (overflow ${overflow}px)`);
  });
}

test('axe: reader at 360 px wide, with a note open', async () => {
  const page = await newPage(ctx.browser, { viewport: { width: 360, height: 740 }, bypassCSP: true });
  await page.goto(`${ctx.server.url}#/doc/003_e16917e1f304fc4f?block=12`);
  await appReady(page);
  await page.click('#ref-13');
  assert.deepEqual(await axeViolations(page), []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 360 px (overflow ${overflow}px)`);
});

test('keyboard: skip link, visible focus, and a document opened with Enter', async () => {
  const page = await newPage(ctx.browser);
  await page.goto(ctx.server.url);
  await appReady(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  // Tab forward to the first document link and open it.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.dataset.testid === 'doc-link')) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'doc-link');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="reader"]');
});
