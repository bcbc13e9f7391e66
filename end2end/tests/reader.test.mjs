// The reader: deep links open a document (and a paragraph); unknown links
// say so instead of breaking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, appReady } from '../support/browser.mjs';
import { appSuite } from '../support/suite.mjs';

const ctx = appSuite();

test('a deep link opens the document in the reader', async () => {
  const page = await newPage(ctx.browser);
  await page.goto(`${ctx.server.url}#/doc/003_e16917e1f304fc4f`);
  await appReady(page);
  await page.waitForSelector('[data-testid="reader"]');
  assert.equal(await page.textContent('[data-testid="reader-title"]'), 'Russia’s Failure in Asia');
  const paras = await page.$$eval('[data-testid="reader-body"] p', (ps) => ps.map((p) => p.textContent));
  assert.ok(paras.length > 40, `paragraphs shown: ${paras.length}`);
  assert.ok(paras.some((p) => p.includes('Kovykta') || p.includes('ESPO')), 'body text is shown');
  assert.match(await page.title(), /Russia’s Failure in Asia/);
  assert.deepEqual(page.problems, []);
});

test('a paragraph permalink scrolls to and marks that paragraph', async () => {
  const page = await newPage(ctx.browser, { viewport: { width: 1000, height: 700 } });
  await page.goto(`${ctx.server.url}#/doc/004_e430e81422721e95?block=40`);
  await appReady(page);
  await page.waitForSelector('#b-40.target');
  const top = await page.$eval('#b-40', (el) => el.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 700, `block 40 is in view (top ${top})`);
});

test('an unknown document id shows a helpful message, not a broken page', async () => {
  const page = await newPage(ctx.browser);
  await page.goto(`${ctx.server.url}#/doc/no-such-paper`);
  await appReady(page);
  await page.waitForSelector('[data-testid="doc-not-found"]');
  assert.match(await page.textContent('[data-testid="doc-not-found"]'), /no-such-paper/);
  await page.click('text=Back to the library');
  await page.waitForSelector('[data-testid="doc-list"]');
  assert.deepEqual(page.problems, []);
});

test('an unknown route shows the not-found view', async () => {
  const page = await newPage(ctx.browser);
  await page.goto(`${ctx.server.url}#/%3Cscript%3Ealert(1)%3C/script%3E`);
  await appReady(page);
  await page.waitForSelector('[data-testid="not-found"]');
  assert.match(await page.textContent('[data-testid="not-found"] code'), /<script>alert\(1\)<\/script>/);
  assert.deepEqual(page.problems, []);
});
