// The map of places: markers from the embedded base map (no network), the
// keyboard reaching and opening a marker, a click filtering the passages
// beside the map, the table agreeing with the map, zoom, and the export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, appReady } from '../support/browser.mjs';
import { appSuite } from '../support/suite.mjs';

const ctx = appSuite();

async function open(hash = '#/map') {
  const page = await newPage(ctx.browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.requests = requests;
  await page.goto(ctx.server.url + hash);
  await appReady(page);
  await page.waitForSelector('[data-testid="marker"]');
  return page;
}

test('the map renders country shapes and sized markers, with nothing fetched', async () => {
  const page = await open();
  assert.ok((await page.locator('svg.map path.country').count()) > 150, 'the base map is drawn');
  const markers = await page.$$eval('[data-testid="marker"]', (ms) => ms.map((m) => ({ id: m.dataset.placeId, n: Number(m.dataset.mentions), r: Number(m.querySelector('circle,rect')?.getAttribute('r') ?? m.querySelector('rect')?.getAttribute('width') ?? 0) })));
  assert.ok(markers.length > 100, `${markers.length} markers`);
  const russia = markers.find((m) => m.id === 'russia');
  const vladivostok = markers.find((m) => m.id === 'vladivostok');
  assert.ok(russia && vladivostok);
  assert.ok(russia.n > vladivostok.n && vladivostok.n > 5);
  const dot = (id) => page.$eval(`[data-testid="marker"][data-place-id="${id}"] circle`, (c) => Number(c.getAttribute('r')));
  assert.ok((await dot('russia')) > (await dot('vladivostok')), 'more mentions, bigger mark');
  assert.ok((await page.locator('path.route-line').count()) >= 3, 'routes are drawn as lines');
  // The default frame is Northeast Asia: Vladivostok is inside it, Oslo is not.
  const inView = await page.evaluate(() => {
    const svg = document.querySelector('svg.map').getBoundingClientRect();
    const at = (id) => document.querySelector(`[data-place-id="${id}"] circle`).getBoundingClientRect();
    const inside = (r) => r.x >= svg.x && r.right <= svg.right && r.y >= svg.y && r.bottom <= svg.bottom;
    return { vladivostok: inside(at('vladivostok')), oslo: inside(at('oslo')) };
  });
  assert.deepEqual(inView, { vladivostok: true, oslo: false });
  const foreign = page.requests.filter((u) => !u.startsWith(ctx.server.url));
  assert.deepEqual(foreign, [], 'no request leaves the site');
  assert.deepEqual(page.problems, []);
});

test('the keyboard reaches a marker, shows its details and opens it', async () => {
  const page = await open();
  await page.focus('svg.map');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.dataset.testid);
  assert.equal(focused, 'marker');
  await page.waitForSelector('[data-testid="map-tip"]');
  const id = await page.evaluate(() => document.activeElement.dataset.placeId);
  const label = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.match(label, /: \d+ mentions? in \d+ documents?/);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => location.hash.includes(`place=${id}`), id);
  await page.waitForSelector(`[data-testid="marker"][data-place-id="${id}"][aria-pressed="true"]`);
  await page.waitForFunction((id) => document.activeElement?.dataset?.placeId === id, id);
  assert.ok((await page.locator('[data-testid="place-passages"] [data-testid="hit"]').count()) > 0);
});

test('clicking a marker lists its passages with the place marked; the table agrees', async () => {
  const page = await open();
  // Vladivostok and its free port share a point: click that marker itself.
  await page.locator('[data-testid="marker"][data-place-id="vladivostok"]').dispatchEvent('click');
  await page.waitForSelector('[data-testid="place-passages"] [data-testid="hit"]');
  assert.match(page.url(), /#\/map\?place=vladivostok$/);
  assert.match(await page.textContent('[data-testid="place-panel-title"]'), /^Vladivostok · \d+ passages?/);
  const marks = await page.$$eval('[data-testid="place-passages"] mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.length > 0 && marks.every((m) => /Vladivostok|Владивосток/.test(m)), marks.join('|'));
  // Other places stay on the map, at the same sizes.
  const mapCounts = await page.$$eval('[data-testid="marker"]', (ms) => Object.fromEntries(ms.map((m) => [m.dataset.placeId, Number(m.dataset.mentions)])));
  const tableCounts = await page.$$eval('[data-testid="place-row"]', (rs) => Object.fromEntries(rs.map((r) => [r.dataset.placeId, Number(r.dataset.mentions)])));
  assert.deepEqual(tableCounts, mapCounts, 'the table lists the same places with the same counts');
  assert.ok(Object.keys(mapCounts).length > 100);
  // The table's per-document cells add up to its total.
  const sums = await page.$$eval('[data-testid="place-row"]', (rs) => rs.slice(0, 10).map((r) => {
    const cells = [...r.querySelectorAll('td.num')].map((td) => Number(td.textContent || 0));
    const total = cells.pop();
    return [cells.reduce((a, b) => a + b, 0), total];
  }));
  for (const [sum, total] of sums) assert.equal(sum, total);
  // Choosing again removes the filter.
  await page.click('[data-testid="place-row"][data-place-id="vladivostok"] a');
  await page.waitForFunction(() => location.hash === '#/map');
  assert.deepEqual(page.problems, []);
});

test('zoom by buttons, wheel and keys; the world view reaches Oslo', async () => {
  const page = await open();
  const width = () => page.$eval('svg.map', (s) => Number(s.getAttribute('viewBox').split(' ')[2]));
  const start = await width();
  await page.click('[data-testid="zoom-in"]');
  assert.ok((await width()) < start);
  await page.hover('svg.map');
  await page.mouse.wheel(0, 400);
  const afterWheel = await width();
  assert.ok(afterWheel > (await width()) - 1 && afterWheel > start / 1.5 - 1);
  await page.focus('svg.map');
  await page.keyboard.press('0');
  assert.equal(Math.round(await width()), Math.round(start));
  const x0 = await page.$eval('svg.map', (s) => Number(s.getAttribute('viewBox').split(' ')[0]));
  await page.keyboard.press('ArrowRight');
  assert.ok((await page.$eval('svg.map', (s) => Number(s.getAttribute('viewBox').split(' ')[0]))) > x0);
  await page.click('[data-testid="zoom-world"]');
  const oslo = await page.evaluate(() => {
    const svg = document.querySelector('svg.map').getBoundingClientRect();
    const r = document.querySelector('[data-place-id="oslo"] circle').getBoundingClientRect();
    return r.x >= svg.x && r.right <= svg.right;
  });
  assert.ok(oslo, 'the world extent shows Oslo');
  // Drag pans.
  const before = await page.$eval('svg.map', (s) => s.getAttribute('viewBox'));
  const box = await page.locator('svg.map').boundingBox();
  await page.mouse.move(box.x + 200, box.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + 260, box.y + 80, { steps: 5 });
  await page.mouse.up();
  assert.notEqual(await page.$eval('svg.map', (s) => s.getAttribute('viewBox')), before);
});

test('filters size the map: a topic deep link shows fewer mentions; export gives GeoJSON', async () => {
  const page = await open('#/map?topic=energy');
  const total = async () => page.$$eval('[data-testid="marker"]', (ms) => ms.reduce((a, m) => a + Number(m.dataset.mentions), 0));
  const energy = await total();
  await page.click('[data-testid="clear-filters"]');
  await page.waitForFunction(() => location.hash === '#/map');
  await page.waitForSelector('[data-testid="marker"]');
  assert.ok((await total()) > energy, 'clearing the topic shows more mentions');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/map?topic=energy');
  assert.equal(await total(), energy, 'Back restores the filtered map');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-geojson"]')]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const geo = JSON.parse(await readFile(path, 'utf8'));
  assert.equal(geo.type, 'FeatureCollection');
  const sum = geo.features.reduce((a, f) => a + f.properties.mentions, 0);
  assert.equal(sum, energy, 'the export has the mentions under the filter');
});

test('timeline brushing filters every view by the years mentioned', async () => {
  const page = await newPage(ctx.browser);
  await page.goto(ctx.server.url + '#/timeline');
  await appReady(page);
  await page.waitForSelector('[data-testid="year-bar"]');
  assert.ok((await page.locator('[data-testid="pub-mark"]').count()) >= 5, 'each paper’s publication year is marked');
  const box = await page.locator('[data-testid="timeline"]').boundingBox();
  // Drag across the right part of the chart (the recent decades).
  await page.mouse.move(box.x + box.width * 0.80, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.92, box.y + box.height * 0.5, { steps: 6 });
  await page.mouse.up();
  await page.waitForFunction(() => /mentioned=\d{4}-\d{4}/.test(location.hash));
  const [, from, to] = (await page.evaluate(() => location.hash)).match(/mentioned=(\d{4})-(\d{4})/).map(Number);
  assert.ok(from < to, `${from}–${to}`);
  await page.waitForSelector('[data-testid="chip"]');
  // The map follows the range: fewer mentions than unfiltered.
  await page.click('[data-testid="nav-map"]');
  await page.waitForSelector('[data-testid="marker"]');
  assert.match(page.url(), new RegExp(`#/map\\?mentioned=${from}-${to}$`));
  const total = () => page.$$eval('[data-testid="marker"]', (ms) => ms.reduce((a, m) => a + Number(m.dataset.mentions), 0));
  const inRange = await total();
  const api = await page.evaluate((q) => JSON.parse(window.wasmBindings.select(q)), `mentioned=${from}-${to}`);
  const everything = await page.evaluate(() => JSON.parse(window.wasmBindings.select('')));
  assert.ok(api.total > 0 && api.total < everything.total, `${api.total} of ${everything.total} passages`);
  await page.click('[data-testid="clear-filters"]');
  await page.waitForFunction(() => location.hash === '#/map');
  await page.waitForSelector('[data-testid="marker"]');
  assert.ok((await total()) > inRange);
  // The typed range does the same without a pointer.
  await page.goto(ctx.server.url + '#/timeline');
  await page.waitForSelector('[data-testid="year-range"]');
  await page.fill('#year-from', '2000');
  await page.fill('#year-to', '2009');
  await page.press('#year-to', 'Enter');
  await page.waitForFunction(() => location.hash === '#/timeline?mentioned=2000-2009');
  const chosen = await page.$$eval('[data-testid="year-bar"].chosen', (bs) => bs.map((b) => Number(b.dataset.year)));
  assert.ok(chosen.length > 0 && chosen.every((y) => y >= 2000 && y <= 2009), chosen.join(','));
  assert.deepEqual(page.problems, []);
});

test('figures sort by column and follow the filters; people filter every view', async () => {
  const page = await newPage(ctx.browser);
  await page.goto(ctx.server.url + '#/figures');
  await appReady(page);
  await page.waitForSelector('[data-testid="figure-row"]');
  const all = await page.locator('[data-testid="figure-row"]').count();
  assert.ok(all > 50, `${all} figures`);
  await page.click('[data-testid="sort-unit"]');
  const units = await page.$$eval('[data-testid="figure-row"]', (rs) => rs.map((r) => r.dataset.unit));
  assert.deepEqual(units, [...units].sort());
  await page.goto(ctx.server.url + '#/figures?topic=energy');
  await page.waitForSelector('[data-testid="figure-row"]');
  assert.ok((await page.locator('[data-testid="figure-row"]').count()) < all);
  await page.goto(ctx.server.url + '#/people');
  await page.waitForSelector('[data-testid="entity"]');
  await page.click('[data-testid="entity"][data-entity-id="putin"] a >> nth=0');
  await page.waitForFunction(() => location.hash === '#/people?person=putin');
  await page.click('[data-testid="nav-map"]');
  await page.waitForSelector('[data-testid="marker"]');
  assert.match(page.url(), /#\/map\?person=putin$/);
  assert.deepEqual(page.problems, []);
});

test('a passage opened from the map lands in the reader with the place highlighted', async () => {
  const page = await open('#/map?place=vladivostok');
  await page.waitForSelector('[data-testid="place-passages"] [data-testid="hit"]');
  const block = await page.getAttribute('[data-testid="place-passages"] [data-testid="hit"] >> nth=0', 'data-block');
  await page.click('[data-testid="place-passages"] [data-testid="hit"] a >> nth=0');
  await page.waitForSelector('[data-testid="reader"]');
  assert.match(page.url(), /#\/doc\/[^?]+\?block=\d+&place=vladivostok$/);
  const n = block.split(':').pop();
  const marks = await page.$$eval(`#b-${n} mark`, (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.length > 0 && marks.every((m) => m === 'Vladivostok'), marks.join('|'));
  assert.match(await page.textContent('[data-testid="match-count"]'), /^\d+ match(es)? of Vladivostok$/);
  assert.deepEqual(page.problems, []);
});

test('labels stay legible: above every marker, never on another label, and the most mentioned named', async () => {
  const page = await open();
  // The label layer is drawn last, so no marker can cover a word, and it is
  // hidden from assistive technology (each marker's own name says it).
  const layers = await page.$$eval('svg.map > g', (gs) => gs.map((g) => [g.getAttribute('class'), g.getAttribute('aria-hidden')]));
  assert.deepEqual(layers.slice(-2), [['markers', null], ['labels', 'true']]);
  for (const zoom of [0, 1]) {
    if (zoom) {
      // The zoomed frame is drawn when the map's viewBox has changed: check
      // the labels then, not after a guessed delay.
      const before = await page.getAttribute('svg.map', 'viewBox');
      await page.click('[data-testid="zoom-in"]');
      await page.waitForFunction((b) => document.querySelector('svg.map').getAttribute('viewBox') !== b, before);
    }
    const found = await page.evaluate(() => {
      const box = (e) => {
        const r = e.getBoundingClientRect();
        return { l: r.left, t: r.top, r: r.right, b: r.bottom };
      };
      const frame = box(document.querySelector('svg.map'));
      const labels = [...document.querySelectorAll('g.labels text.label')]
        .filter((t) => getComputedStyle(t).display !== 'none')
        .map((t) => ({ id: t.dataset.placeId, ...box(t) }));
      // One pixel of slack: anti-aliased edges that touch do not hide a word.
      const hit = (a, b) => a.l < b.r - 1 && b.l < a.r - 1 && a.t < b.b - 1 && b.t < a.b - 1;
      const problems = [];
      for (const [k, a] of labels.entries()) {
        for (const b of labels.slice(k + 1)) if (hit(a, b)) problems.push(`${a.id} × ${b.id}`);
        if (a.l < frame.l - 1 || a.r > frame.r + 1 || a.t < frame.t - 1 || a.b > frame.b + 1) problems.push(`${a.id} leaves the map`);
      }
      return { ids: labels.map((l) => l.id), problems };
    });
    assert.ok(found.ids.length >= 20, `${found.ids.length} labels drawn at zoom step ${zoom}`);
    assert.deepEqual(found.problems, [], `zoom step ${zoom}`);
    // The places the corpus is most about are named, even in a cluster.
    if (!zoom) for (const id of ['vladivostok', 'sakhalin', 'japan', 'north-korea', 'russian-far-east']) assert.ok(found.ids.includes(id), `${id} labelled: ${found.ids}`);
  }
  assert.deepEqual(page.problems, []);
});
