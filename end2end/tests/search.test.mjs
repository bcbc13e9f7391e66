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
  // Two edits from `Kovykta`: too far for the typo tolerance of search
  // (so nothing matches), near enough for "did you mean" (two edits for a
  // word of four letters or more; search_seeds.rs holds the same pair).
  await page.goto(`${ctx.server.url}#/search?q=${encodeURIComponent('Kovktaa')}`);
  await page.waitForSelector('[data-testid="no-results"]');
  assert.equal(await page.locator('[data-testid="hit"]').count(), 0);
  assert.equal(await page.textContent('[data-testid="did-you-mean"]'), 'Kovykta');
  await page.click('[data-testid="did-you-mean"]');
  await page.waitForSelector('[data-testid="hit"]');
  assert.match(page.url(), /#\/search\?q=Kovykta$/);
  assert.equal(await page.inputValue('[data-testid="search-input"]'), 'Kovykta');
  // Nothing near enough: no results and no suggestion.
  await page.goto(`${ctx.server.url}#/search?q=${encodeURIComponent('zzzqqqxxx')}`);
  await page.waitForSelector('[data-testid="no-results"]');
  assert.equal(await page.locator('[data-testid="did-you-mean"]').count(), 0);
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
  const QUERY = '"Russian Far East"';
  const { result, all, selected, passages, docIds } = await page.evaluate((q) => {
    const b = window.wasmBindings;
    const all = JSON.parse(b.search(q, '{"limit": 1000}'));
    return {
      result: JSON.parse(b.search(q, '{"limit": 5}')),
      all,
      // The filter path counts the same query on its own.
      selected: JSON.parse(b.select(`q=${encodeURIComponent(q)}`)),
      passages: Object.fromEntries(all.hits.filter((h) => h.field !== 'meta').map((h) => [h.block, JSON.parse(b.passage(h.block))])),
      docIds: [...document.querySelectorAll('[data-testid="doc-card"]')].map((c) => c.dataset.docId),
    };
  }, QUERY);
  assert.deepEqual(Object.keys(result).sort(), ['did_you_mean', 'docs', 'hits', 'total']);
  assert.equal(result.did_you_mean, null, 'a query with hits gets no suggestion');
  // The phrase is in dozens of passages of four seeds (bodies, notes,
  // metadata), so a limit of 5 shows 5.
  assert.ok(Number.isInteger(result.total) && result.total > 5, `total ${result.total}`);
  assert.equal(result.hits.length, 5);
  // The count is the query's: every matching passage, the same as the
  // unlimited list, the per-document groups and the filter path count.
  assert.ok(all.total <= 1000);
  assert.equal(all.total, result.total);
  assert.equal(all.hits.length, all.total);
  assert.equal(selected.total, all.total, 'select() counts as many passages');
  assert.deepEqual([...selected.passages].sort(), all.hits.map((h) => h.block).sort(), 'select() finds the same passages');
  assert.equal(result.docs.reduce((n, d) => n + d.hits, 0), result.total, 'documents add up to the total');
  assert.deepEqual(result.hits, all.hits.slice(0, 5), 'a page is the head of the ranking');
  for (const d of result.docs) {
    assert.deepEqual(Object.keys(d).sort(), ['best', 'doc', 'hits']);
    assert.ok(docIds.includes(d.doc), `${d.doc} is a document of the library`);
    assert.ok(Number.isInteger(d.hits) && d.hits > 0 && typeof d.best === 'number');
  }
  let last = Infinity;
  for (const hit of all.hits) {
    assert.deepEqual(Object.keys(hit).sort(), ['block', 'doc', 'field', 'score', 'snippet', 'spans', 'spans_utf16']);
    assert.equal(typeof hit.doc, 'string');
    assert.ok(docIds.includes(hit.doc), `${hit.doc} is a document of the library`);
    assert.match(hit.block, /^[^:]+:(\d+|note:\d+|meta:\d+)$/);
    assert.ok(hit.block.startsWith(`${hit.doc}:`), `${hit.block} is in ${hit.doc}`);
    assert.ok(['heading', 'body', 'note', 'meta'].includes(hit.field), hit.field);
    assert.equal(hit.block.includes(':meta:'), hit.field === 'meta', `${hit.block} is a ${hit.field} passage`);
    if (hit.field !== 'meta') {
      // passage() knows blocks and notes (not metadata ids): the id names a
      // passage whose annotations it answers with.
      const ann = passages[hit.block];
      assert.deepEqual(Object.keys(ann).sort(), ['orgs', 'people', 'places', 'topics'], `${hit.block} names a real passage: ${JSON.stringify(ann)}`);
    }
    assert.ok(typeof hit.score === 'number' && Number.isFinite(hit.score) && hit.score <= last, 'best first');
    last = hit.score;
    assert.equal(typeof hit.snippet, 'string');
    assert.ok(hit.spans.length > 0 && hit.spans.length === hit.spans_utf16.length, hit.block);
    for (const [s, e] of hit.spans_utf16) {
      assert.ok(Number.isInteger(s) && Number.isInteger(e) && s < e && e <= hit.snippet.length, `${s}..${e}`);
      // Every span marks the phrase (in any case, possessive or not).
      assert.match(hit.snippet.slice(s, e), /^russian\s+far\s+east(['’]s)?$/i, hit.block);
    }
    for (const [s, e] of hit.spans) assert.ok(Number.isInteger(s) && Number.isInteger(e) && s < e, `${s}..${e}`);
  }
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
