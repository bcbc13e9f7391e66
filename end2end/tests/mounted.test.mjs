// A filtered view stays mounted while only its filters change (issue 17):
// typing in the search box updates the results in place, and the page is
// built again only when the reader moves to another view. Each page root
// carries the number of its build (`data-build`, counted by the app), so
// the tests count page builds, not DOM nodes: Leptos reuses elements of
// the same shape even when it rebuilds a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, appReady } from '../support/browser.mjs';
import { appSuite } from '../support/suite.mjs';

const ctx = appSuite();

async function open(hash) {
  const page = await newPage(ctx.browser);
  await page.goto(`${ctx.server.url}${hash}`);
  await appReady(page);
  await page.waitForSelector('main > .page');
  return page;
}

/** The page root on screen: which view, and which build. */
const root = (page) =>
  page.$eval('main > .page', (el) => ({ page: el.dataset.page, build: Number(el.dataset.build) }));

const rendered = (page, q) =>
  page.waitForSelector(`[data-rendered-query="${q}"]`, { state: 'attached' });

test('typing a query updates the results without building the page again', async () => {
  const page = await open('#/search?q=');
  const before = await root(page);
  assert.equal(before.page, 'search');
  await page.click('[data-testid="search-input"]');
  await page.keyboard.type('Vladivostok', { delay: 30 });
  await rendered(page, 'Vladivostok');
  await page.waitForSelector('[data-testid="hit"]');
  assert.deepEqual(await root(page), before, 'eleven keystrokes, no page build');
  // A facet link changes only the filters too.
  await page.click('[data-testid="facet-value"] >> nth=0');
  await page.waitForSelector('[data-testid="chip"]');
  assert.deepEqual(await root(page), before);
  assert.deepEqual(page.problems, []);
});

test('moving to another view builds its page, once', async () => {
  const page = await open('#/search?q=Harbin');
  await rendered(page, 'Harbin');
  const search = await root(page);
  await page.evaluate(() => { location.hash = '#/map?q=Harbin'; });
  await page.waitForSelector('[data-testid="map-summary"]');
  const map = await root(page);
  assert.deepEqual(map, { page: 'map', build: search.build + 1 });
  await page.evaluate(() => { location.hash = '#/map?q=Harbin&place=harbin'; });
  await page.waitForSelector('[data-testid="place-panel-title"]');
  assert.deepEqual(await root(page), map, 'choosing a place keeps the map page');
  assert.deepEqual(page.problems, []);
});
