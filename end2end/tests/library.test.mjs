// The library view: the built page loads cleanly and lists every seed with
// its curated metadata.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from '../../tools/serve-dist.mjs';
import { newPage, appReady } from '../support/browser.mjs';
import { appSuite } from '../support/suite.mjs';

// From seeds/catalog.toml: the titles a reader must see.
const EXPECTED = {
  '000_daa7ecd4110d9dc4': ['Fostering International Cooperation in the Development of Russia’s Far-East', '2012'],
  '001_6225201a47dae885': ['Developing the Far East and Chinese-Russian Relations: New Perceptions and New Practices', '2019'],
  '002_e63e79a699b4910e': ['Multilateral Cooperation in Northeast Asia and Prospects for Regional Community', '2005'],
  '003_e16917e1f304fc4f': ['Russia’s Failure in Asia', '2010'],
  '004_e430e81422721e95': ['Pivot to the East as a Factor in Strengthening Russian Influence in Asia', '2024'],
};

const ctx = appSuite();

test('the page loads with no console errors or warnings', async () => {
  const page = await newPage(ctx.browser);
  const response = await page.goto(ctx.server.url);
  assert.equal(response.status(), 200);
  await appReady(page);
  await page.waitForSelector('[data-testid="doc-card"]');
  assert.deepEqual(page.problems, []);
  assert.match(await page.title(), /Far East Atlas/);
});

test('the library lists all five documents with curated titles, years and counts', async () => {
  const page = await newPage(ctx.browser);
  await page.goto(ctx.server.url);
  await appReady(page);
  const cards = await page.$$eval('[data-testid="doc-card"]', (els) =>
    els.map((el) => ({
      id: el.dataset.docId,
      title: el.querySelector('[data-testid="doc-link"]').textContent.trim(),
      year: el.querySelector('[data-testid="doc-year"]').textContent.trim(),
      words: Number(el.querySelector('[data-testid="doc-words"]').textContent.replace(/[^0-9]/g, '')),
      paragraphs: Number(el.querySelector('[data-testid="doc-paragraphs"]').textContent.replace(/[^0-9]/g, '')),
    })),
  );
  assert.equal(cards.length, 5);
  for (const card of cards) {
    const [title, year] = EXPECTED[card.id] ?? [];
    assert.equal(card.title, title, `title of ${card.id}`);
    assert.equal(card.year, year, `year of ${card.id}`);
    assert.ok(card.words > 500, `${card.id} has words (${card.words})`);
    assert.ok(card.paragraphs > 5, `${card.id} has paragraphs (${card.paragraphs})`);
  }
  assert.equal(await page.textContent('[data-testid="library-count"]'), '5');
});

test('a document card opens the reader, and Back returns to the library', async () => {
  const page = await newPage(ctx.browser);
  await page.goto(ctx.server.url);
  await appReady(page);
  await page.click('[data-doc-id="002_e63e79a699b4910e"] [data-testid="doc-link"]');
  await page.waitForSelector('[data-testid="reader"]');
  assert.match(page.url(), /#\/doc\/002_e63e79a699b4910e$/);
  await page.goBack();
  await page.waitForSelector('[data-testid="doc-list"]');
  assert.deepEqual(page.problems, []);
});

test('the app works when dist/ is served under a sub-path', async () => {
  const sub = await serveDist(undefined, '/some/sub/path/');
  try {
    const page = await newPage(ctx.browser);
    await page.goto(sub.url);
    await appReady(page);
    await page.waitForSelector('[data-testid="doc-card"]');
    assert.equal((await page.$$('[data-testid="doc-card"]')).length, 5);
    assert.deepEqual(page.problems, []);
  } finally {
    await sub.close();
  }
});

test('a strict Content-Security-Policy is in force and nothing violates it', async () => {
  const page = await newPage(ctx.browser);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${ctx.server.url}#/doc/004_e430e81422721e95`);
  await appReady(page);
  await page.waitForSelector('[data-testid="reader"]');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(page.problems, []);
});

test('each paper shows its topic profile and characteristic terms, linked to passages', async () => {
  const page = await newPage(ctx.browser);
  await page.goto(ctx.server.url);
  await appReady(page);
  await page.waitForSelector('[data-testid="doc-profile"]');
  assert.equal(await page.locator('[data-testid="doc-profile"]').count(), 5);
  assert.equal(await page.locator('[data-testid="doc-terms"]').count(), 5);
  const blank = page.locator('[data-doc-id="003_e16917e1f304fc4f"]');
  assert.equal(await blank.locator('[data-testid="doc-profile"] a').first().textContent(), 'Energy');
  assert.match(await blank.locator('[data-testid="doc-terms"]').textContent(), /Kurile Islands/);
  await blank.locator('[data-testid="doc-profile"] a').first().click();
  await page.waitForSelector('[data-testid="hit"]');
  assert.match(page.url(), /#\/search\?doc=003_e16917e1f304fc4f&topic=energy&view=flat$/);
});
