// No address can break the page. 1 000 random URLs — every route, every
// query and filter parameter, with hostile values (broken percent escapes,
// huge and negative numbers, control characters, mixed scripts, markup,
// repeated and empty keys) — are fed to one page through its fragment, and
// a sample through full page loads with random ?embed/theme options.
// After each one, the app must not have panicked (the panic panel would
// replace the page), must still have its main landmark, and must still
// answer a query. The generator is seeded, so a failure names a URL that
// reproduces it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, appReady } from '../support/browser.mjs';
import { appSuite } from '../support/suite.mjs';

const ctx = appSuite();

/** Mulberry32: a small seeded PRNG, so every run feeds the same URLs. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATHS = ['', '/', '/search', '/map', '/topics', '/timeline', '/figures', '/people', '/doc/003_e16917e1f304fc4f', '/doc/004_e430e81422721e95', '/doc/', '/doc/nope', '/doc/%', '/x/y/z', '//search', '/search/', '/MAP', '/doc/003_e16917e1f304fc4f/extra'];
const KEYS = ['q', 'doc', 'author', 'topic', 'place', 'person', 'org', 'lang', 'year', 'mentioned', 'view', 'block', 'places', 'sort', 'zoom', 'embed', 'theme', '', 'Q', 'q[]', '%71'];
const VALUES = [
  '', 'Kovykta', 'sakhalin', 'energy', 'en', 'ru', 'zh', 'flat', '2017', '2017-2019', '2019-2017', '-5', '0', '99999999999999999999', '1e309', 'NaN',
  '%', '%E0%A4%A', '%ZZ', '%00', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '+', '++', '"', '"unclosed', '(', ')(', '-', '--x', '*', '~', 'x~9', 'title:', ':',
  '<script>alert(1)</script>', '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 'Приморский', '中俄', '🙂', '\u202e', 'a'.repeat(3000), '&', '=', '==', '#', '?', '/',
  '003_e16917e1f304fc4f', '003_e16917e1f304fc4f:12', 'note:1', 'vladivostok,khabarovsk', ',,,',
];

function randomUrl(r) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const pairs = [];
  const n = Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    let value = pick(VALUES);
    if (r() < 0.3) value += pick(VALUES);
    if (r() < 0.2) value = encodeURIComponent(value);
    pairs.push(r() < 0.05 ? value : `${pick(KEYS)}=${value}`);
  }
  const query = pairs.length ? `?${pairs.join(pick(['&', '&', '&&', ';']))}` : r() < 0.1 ? '?' : '';
  return `#${pick(PATHS)}${query}`;
}

async function assertAlive(page, url) {
  const state = await page.evaluate(() => ({
    panicked: !!document.querySelector('[data-testid="panic-panel"]'),
    main: !!document.getElementById('main'),
    works: JSON.parse(window.wasmBindings.search('Kovykta', '{"limit":1}')).total > 0,
  }));
  assert.deepEqual(state, { panicked: false, main: true, works: true }, `after ${url}`);
}

test('1 000 random URLs through the fragment never panic the app', async () => {
  const r = rng(20261201);
  const page = await newPage(ctx.browser);
  await page.goto(ctx.server.url);
  await appReady(page);
  assert.equal(await page.evaluate(() => typeof window.wasmBindings.test_panic), 'undefined', 'test hooks never ship');
  for (let i = 0; i < 1000; i++) {
    const url = randomUrl(r);
    await page.evaluate((hash) => {
      location.hash = hash;
    }, url);
    // Let the route change render (hashchange, then a frame).
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
    if (i % 10 === 0 || page.problems.length) await assertAlive(page, url);
    assert.deepEqual(page.problems, [], `console after ${url}`);
  }
  await assertAlive(page, 'the last URL');
});

test('random URLs as full page loads, with embed and theme options, never panic', async () => {
  const r = rng(7);
  const page = await newPage(ctx.browser);
  const search = ['', '?embed=1', '?embed=1&theme=dark', '?theme=light', '?embed=yes', '?theme=%', '?embed=1&view=map', '?reload=1'];
  for (let i = 0; i < 40; i++) {
    const url = `${ctx.server.url}${search[i % search.length]}${randomUrl(r)}`;
    await page.goto(url);
    await appReady(page);
    await assertAlive(page, url);
    assert.deepEqual(page.problems, [], `console after ${url}`);
  }
});
