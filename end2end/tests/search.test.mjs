// Search as you type: highlighted hits, the reader at the paragraph with
// matches to step through, the query in the URL, and the page API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, appReady } from '../support/browser.mjs';
import { appSuite } from '../support/suite.mjs';

const ctx = appSuite();

async function home() {
  const page = await newPage(ctx.browser);
  await page.goto(ctx.server.url);
  await appReady(page);
  return page;
}

test('typing a query shows highlighted hits, grouped by document', async () => {
  const page = await home();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
  await page.keyboard.type('Kovykta', { delay: 20 });
  await page.waitForSelector('[data-testid="hit"] mark');
  assert.match(await page.textContent('[data-testid="result-count"]'), /passages? in \d+ documents?/);
  const marks = await page.$$eval('[data-testid="hit"] mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert.ok(marks.every((m) => m.startsWith('kovykt')), marks.join(','));
  assert.ok(await page.locator('[data-doc-id="002_e63e79a699b4910e"]').count(), 'the Lukin paper is among the results');
  assert.match(page.url(), /#\/search\?q=Kovykta$/);
  assert.deepEqual(page.problems, []);
});

test('opening a hit lands on the paragraph with the matches highlighted and steppable', async () => {
  const page = await home();
  await page.fill('[data-testid="search-input"]', 'pipeline');
  await page.waitForSelector('[data-testid="hit"]');
  const block = await page.getAttribute('[data-testid="hit"] >> nth=0', 'data-block');
  await page.click('[data-testid="hit"] a >> nth=0');
  await page.waitForSelector('[data-testid="reader"]');
  const n = block.split(':').pop();
  await page.waitForSelector(`#b-${n}.target`);
  assert.ok((await page.locator(`#b-${n} mark`).count()) > 0, 'the paragraph has highlights');
  assert.match(await page.textContent('[data-testid="match-count"]'), /\d+ match(es)? for “pipeline”/);
  await page.click('button[aria-label="Next match"]');
  assert.match(await page.textContent('[data-testid="match-count"]'), /Match 1 of \d+/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'm-0');
  await page.click('button[aria-label="Next match"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'm-1');
});

test('Enter in the search box opens the best passage', async () => {
  const page = await home();
  await page.fill('[data-testid="search-input"]', 'Trutnev');
  await page.waitForSelector('[data-testid="hit"]');
  await page.press('[data-testid="search-input"]', 'Enter');
  await page.waitForSelector('[data-testid="reader"] mark');
  assert.match(page.url(), /#\/doc\/[^?]+\?block=\d+&q=Trutnev$/);
});

test('the URL restores the same results after reload, and Back works', async () => {
  const page = await home();
  await page.fill('[data-testid="search-input"]', 'Приморский');
  await page.waitForSelector('[data-testid="hit"]');
  const before = await page.$$eval('[data-testid="hit"]', (hs) => hs.map((h) => h.dataset.block));
  assert.ok(new Set(before.map((b) => b.split(':')[0])).size > 1, 'Cyrillic finds passages in more than one paper');
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid="hit"]');
  assert.deepEqual(await page.$$eval('[data-testid="hit"]', (hs) => hs.map((h) => h.dataset.block)), before);
  assert.equal(await page.inputValue('[data-testid="search-input"]'), 'Приморский');
  await page.goBack();
  await page.waitForSelector('[data-testid="doc-list"]');
});

test('empty and no-result states help', async () => {
  const page = await home();
  await page.goto(`${ctx.server.url}#/search?q=`);
  await page.waitForSelector('[data-testid="search-tips"]');
  await page.goto(`${ctx.server.url}#/search?q=${encodeURIComponent('Kovyktaa')}`);
  const none = await page.locator('[data-testid="no-results"], [data-testid="hit"]').first();
  await none.waitFor();
  if (await page.locator('[data-testid="no-results"]').count()) {
    await page.click('[data-testid="did-you-mean"]');
    await page.waitForSelector('[data-testid="hit"]');
  }
  await page.goto(`${ctx.server.url}#/search?q=${encodeURIComponent('zzzqqqxxx')}`);
  await page.waitForSelector('[data-testid="no-results"]');
  assert.deepEqual(page.problems, []);
});

test('the flat view lists passages by score', async () => {
  const page = await home();
  await page.goto(`${ctx.server.url}#/search?q=energy&view=flat`);
  await page.waitForSelector('[data-testid="hit"]');
  assert.equal(await page.locator('[data-testid="doc-group"]').count(), 0);
  assert.ok((await page.locator('[data-testid="hit"]').count()) > 5);
});

test('window.wasmBindings.search answers with the documented JSON', async () => {
  const page = await home();
  const result = await page.evaluate(() => JSON.parse(window.wasmBindings.search('"energy bridge"', '{"limit": 5}')));
  assert.ok(result.total >= 1);
  const hit = result.hits[0];
  for (const key of ['doc', 'block', 'score', 'snippet', 'spans']) assert.ok(key in hit, key);
  const [s, e] = hit.spans[0];
  assert.ok(e > s);
  const bad = await page.evaluate(() => JSON.parse(window.wasmBindings.search('x', '{not json')));
  assert.ok(bad.error);
  const weird = await page.evaluate(() => JSON.parse(window.wasmBindings.search('"\u0000\u202e🙂'.repeat(2000), '')));
  assert.equal(typeof weird.total, 'number');
});

test('the flat list grows a page at a time, without repeats, keeping focus on "Show more"', async () => {
  const page = await newPage(ctx.browser);
  await page.goto(`${ctx.server.url}#/search?lang=en&view=flat`);
  await appReady(page);
  await page.waitForSelector('[data-testid="show-more"]');
  const total = Number((await page.textContent('[data-testid="result-count"]')).match(/^([\d,]+) passage/)[1].replace(/,/g, ''));
  assert.ok(total > 180, `enough passages to page through (${total})`);
  assert.equal((await page.$$('[data-testid="hit"]')).length, 60);
  await page.focus('[data-testid="show-more"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="hit"]').length === 120);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'show-more', 'focus stays on the button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="hit"]').length === 180);
  const blocks = await page.$$eval('[data-testid="hit"]', (els) => els.map((el) => el.dataset.block));
  assert.equal(new Set(blocks).size, blocks.length, 'no passage shown twice');
  assert.match(await page.textContent('.more'), /Showing 180 of/);
  assert.deepEqual(page.problems, []);
});

test('a hit found in a note opens the reader at that note', async () => {
  const page = await newPage(ctx.browser, { viewport: { width: 1000, height: 700 } });
  await page.goto(`${ctx.server.url}#/search?q=Vedomosti&view=flat`);
  await appReady(page);
  const hit = page.locator('[data-testid="hit"][data-block*=":note:"]').first();
  await hit.waitFor();
  const n = (await hit.getAttribute('data-block')).split(':').pop();
  assert.match(await hit.locator('a').getAttribute('href'), new RegExp(`\\?note=${n}&q=Vedomosti$`));
  await hit.locator('a').click();
  await page.waitForSelector(`#note-${n}.target`);
  const top = await page.$eval(`#note-${n}`, (el) => el.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 700, `note ${n} is in view (top ${top})`);
  assert.deepEqual(page.problems, []);
});

test('the search box hints at its / shortcut only where there is a keyboard and a mouse', async () => {
  const desk = await home();
  assert.equal(await desk.getAttribute('#search-input', 'placeholder'), 'Search  ( / )');
  assert.equal(await desk.getAttribute('#search-input', 'aria-keyshortcuts'), '/');
  await desk.context().close();
  const phone = await newPage(ctx.browser, { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  await phone.goto(ctx.server.url);
  await appReady(phone);
  assert.equal(await phone.getAttribute('#search-input', 'placeholder'), 'Search the papers');
  assert.deepEqual(phone.problems, []);
  await phone.context().close();
});
