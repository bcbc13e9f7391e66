// One filter model drives every view: a deep link with a topic and a place
// shows only passages having both; the facet counts, the map and the topics
// grid follow; chips remove filters; Back restores the previous state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, appReady } from '../support/browser.mjs';
import { appSuite } from '../support/suite.mjs';

const ctx = appSuite();

async function open(hash) {
  const page = await newPage(ctx.browser);
  await page.goto(ctx.server.url + hash);
  await appReady(page);
  return page;
}

const annotations = (page, id) => page.evaluate((id) => JSON.parse(window.wasmBindings.passage(id)), id);

test('a topic and a place deep link shows only passages having both', async () => {
  const page = await open('#/search?topic=energy&place=sakhalin&view=flat');
  await page.waitForSelector('[data-testid="hit"]');
  const blocks = await page.$$eval('[data-testid="hit"]', (hs) => hs.map((h) => h.dataset.block));
  assert.ok(blocks.length >= 2, `${blocks.length} passages`);
  for (const b of blocks) {
    const a = await annotations(page, b);
    assert.ok(a.topics.includes('energy'), `${b} is tagged energy: ${JSON.stringify(a)}`);
    assert.ok(a.places.includes('sakhalin'), `${b} mentions Sakhalin: ${JSON.stringify(a)}`);
  }
  const api = await page.evaluate(() => JSON.parse(window.wasmBindings.select('topic=energy&place=sakhalin')));
  assert.match(await page.textContent('[data-testid="result-count"]'), new RegExp(`^${api.total} passages? in ${api.documents} documents?`));
  assert.equal((await page.$$eval('[data-testid="chip"]', (c) => c.map((x) => x.textContent))).length, 2);
  // The facet counts are live: the energy topic's count is what the view shows.
  const energy = await page.$eval('[data-facet="topic"][aria-current="true"] .facet-count', (e) => Number(e.textContent));
  assert.equal(energy, api.total);
  assert.deepEqual(page.problems, []);
});

test('every view follows the filters, and Back restores the previous state', async () => {
  const page = await open('#/map?topic=energy');
  await page.waitForSelector('[data-testid="marker"]');
  const mentions = () => page.$$eval('[data-testid="marker"]', (ms) => ms.reduce((a, m) => a + Number(m.dataset.mentions), 0));
  const energyMap = await mentions();
  // Add a place from the map: the passages narrow to both.
  await page.click('[data-testid="place-row"][data-place-id="sakhalin"] a');
  await page.waitForFunction(() => location.hash === '#/map?topic=energy&place=sakhalin');
  await page.waitForSelector('[data-testid="place-passages"] [data-testid="hit"]');
  const api = await page.evaluate(() => JSON.parse(window.wasmBindings.select('topic=energy&place=sakhalin')));
  assert.match(await page.textContent('[data-testid="place-panel-title"]'), new RegExp(`· ${api.total} passages?`));
  // The topics view keeps the filters (its link carries them) and its grid follows.
  await page.click('[data-testid="nav-topics"]');
  await page.waitForSelector('[data-testid="heatmap"]');
  assert.match(page.url(), /#\/topics\?topic=energy&place=sakhalin$/);
  const filtered = await page.$eval('[data-topic-id="energy"]', (t) => Number(t.dataset.count));
  // So does the timeline: fewer year mentions than without the filters.
  await page.click('[data-testid="nav-timeline"]');
  await page.waitForSelector('[data-testid="year-bar"]');
  assert.match(page.url(), /#\/timeline\?topic=energy&place=sakhalin$/);
  const bars = () => page.$$eval('[data-testid="year-bar"]', (bs) => bs.reduce((a, b) => a + Number(b.dataset.count), 0));
  const filteredYears = await bars();
  await page.goto(ctx.server.url + '#/timeline');
  await page.waitForSelector('[data-testid="year-bar"]');
  assert.ok((await bars()) > filteredYears, 'the timeline narrows with the filters');
  await page.goBack();
  await page.waitForSelector('[data-testid="year-bar"]');
  await page.goBack();
  await page.waitForSelector('[data-testid="heatmap"]');
  await page.goBack();
  await page.waitForSelector('[data-testid="marker"]');
  assert.match(page.url(), /#\/map\?topic=energy&place=sakhalin$/);
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/map?topic=energy');
  await page.waitForSelector('[data-testid="marker"]');
  assert.equal(await mentions(), energyMap, 'Back restores the map under the earlier filters');
  // Unfiltered, the energy topic counts more passages than with the place.
  await page.goto(ctx.server.url + '#/topics');
  await page.waitForSelector('[data-testid="heatmap"]');
  const all = await page.$eval('[data-topic-id="energy"]', (t) => Number(t.dataset.count));
  assert.ok(all > filtered, `${all} > ${filtered}`);
  assert.equal(filtered, api.total);
  assert.deepEqual(page.problems, []);
});

test('a heat-map cell opens exactly that document’s passages on that topic', async () => {
  const page = await open('#/topics');
  const cell = page.locator('[data-testid="heat-cell"]').first();
  const n = Number(await cell.textContent());
  await cell.click();
  await page.waitForSelector('[data-testid="hit"]');
  const hash = await page.evaluate(() => location.hash);
  const m = hash.match(/topic=([^&]+)/);
  assert.ok(m && /doc=/.test(hash), hash);
  assert.equal(await page.locator('[data-testid="hit"]').count(), n);
  for (const b of await page.$$eval('[data-testid="hit"]', (hs) => hs.map((h) => h.dataset.block))) {
    assert.ok((await annotations(page, b)).topics.includes(decodeURIComponent(m[1])));
  }
});

test('hostile filter URLs never break the page', async () => {
  const page = await open('#/search?topic=%ZZ&place=&year=99999999999&mentioned=a-b&doc=<script>&q=%22');
  await page.waitForSelector('#main');
  await page.goto(ctx.server.url + '#/map?place=nowhere&lang=xx');
  await page.waitForSelector('[data-testid="map-empty"], [data-testid="marker"]');
  assert.deepEqual(page.problems, []);
});

test('on a phone the filters are one tap away from the results, and back', async () => {
  const page = await newPage(ctx.browser, { viewport: { width: 390, height: 844 } });
  await page.goto(ctx.server.url + '#/search?q=Russia');
  await appReady(page);
  const top = (sel) => page.$eval(sel, (e) => Math.round(e.getBoundingClientRect().top));
  // The count and the view toggle wrap onto two lines, without a blank one between.
  const gap = await page.evaluate(() => document.querySelector('.view-toggle').getBoundingClientRect().top - document.querySelector('[data-testid="result-count"]').getBoundingClientRect().bottom);
  assert.ok(gap >= 0 && gap < 24, `count to toggle: ${gap} px`);
  // Stacked below a long result list, the filters start screens away.
  assert.ok((await top('#filters')) > 2 * 844, `filters at ${await top('#filters')} px`);
  await page.click('[data-testid="to-filters"]');
  // At the top of the view and not under the header (on a phone it
  // scrolls away; the scroll padding is 0.75rem).
  const atTop = async (sel) => {
    const y = await top(sel);
    const covered = await page.$eval(sel, (e) => {
      const r = e.getBoundingClientRect();
      return !e.contains(document.elementFromPoint(r.left + 4, r.top + 4));
    });
    return y >= 0 && y <= 12 + 2 && !covered;
  };
  assert.ok(await atTop('#filters'), `filters scrolled to the top: ${await top('#filters')} px`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'filters');
  // Choose a filter, then go back up to its results, which follow it.
  await page.click('[data-facet="topic"]:has-text("Energy")');
  await page.waitForFunction(() => location.hash.includes('topic=energy'));
  await page.click('[data-testid="to-results"]');
  assert.ok(await atTop('#results'), `results scrolled to the top: ${await top('#results')} px`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'results');
  assert.match(await page.textContent('[data-testid="filter-chips"]'), /Energy/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('when nothing matches there is no empty filter panel to jump to', async () => {
  const page = await newPage(ctx.browser, { viewport: { width: 390, height: 844 } });
  await page.goto(ctx.server.url + '#/search?q=zzzzqqq&topic=energy');
  await appReady(page);
  await page.waitForSelector('[data-testid="no-results"]');
  assert.equal(await page.locator('[data-testid="facets"], [data-testid="to-filters"], [data-testid="to-results"]').count(), 0);
  // The chip still removes the filter.
  assert.equal(await page.locator('[data-testid="filter-chips"] a', { hasText: 'Energy' }).count(), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('beside the results, on a wide screen, the two jump buttons are not shown', async () => {
  const page = await open('#/search?q=Russia');
  assert.equal(await page.isVisible('[data-testid="to-filters"]'), false);
  assert.equal(await page.isVisible('[data-testid="to-results"]'), false);
  await page.context().close();
});
