// The reader's own documents (#/local): pasted text and dropped files go
// through the same atlas-core pipeline in a web worker, join search, the
// map and the reader marked "Local", survive a reload with the network off
// (IndexedDB + the service worker's precache of the worker), and go away
// when removed. Bad files are named with their reason; a storage refusal
// says so and loses nothing already stored; export and import round-trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newPage, appReady } from '../support/browser.mjs';
import { appSuite } from '../support/suite.mjs';

const ctx = appSuite();

// Kholmsk and Tynda are in the gazetteer but no seed mentions them, so the
// map can only show them because of this document.
const PAPER = [
  'The port of Kholmsk handles coal bound for Japan, and the Quokkaville corridor study links it to Tynda.',
  '',
  'A second paragraph: Quokkaville freight rates rose in 2021.',
].join('\n');

async function openLocal(page) {
  await page.goto(`${ctx.server.url}#/local`);
  await appReady(page);
  await page.waitForSelector('[data-testid="local-page"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="local-empty"]')?.textContent.includes('Reading'));
}

async function addPasted(page, title, text) {
  await page.fill('[data-testid="local-title"]', title);
  await page.fill('[data-testid="local-text"]', text);
  await page.click('[data-testid="local-add"]');
  await page.waitForFunction((t) => document.querySelector('[data-testid="local-status"]')?.textContent.includes(`Added “${t}”`), title, { timeout: 30000 });
}

async function searchHits(page, q) {
  await page.goto(`${ctx.server.url}#/search?q=${encodeURIComponent(q)}`);
  await page.waitForSelector('[data-testid="hit"], [data-testid="no-results"]');
  return page.$$eval('[data-testid="hit"]', (els) => els.map((el) => el.dataset.block));
}

test('a pasted document joins search, the map and the reader; survives an offline reload; is removed', async () => {
  const page = await newPage(ctx.browser);
  await openLocal(page);
  assert.match(await page.textContent('[data-testid="local-empty"]'), /No documents of your own yet/);
  assert.deepEqual(await searchHits(page, 'Quokkaville'), [], 'not there before');
  await page.goto(`${ctx.server.url}#/map`);
  await page.waitForSelector('[data-testid="place-row"]');
  const before = await page.$$eval('[data-testid="place-row"]', (rows) => rows.map((r) => r.textContent));
  assert.ok(!before.some((p) => /^(Kholmsk|Tynda)(?![- ])/.test(p)), 'no seed mentions Kholmsk or Tynda');

  await openLocal(page);
  await addPasted(page, 'Kholmsk Corridor Notes', PAPER);
  const row = await page.textContent('[data-testid="local-row"]');
  assert.match(row, /Kholmsk Corridor Notes/);
  const places = Number(row.match(/(\d+) places mentioned/)?.[1]);
  assert.ok(places >= 2, `Kholmsk and Tynda at least: ${row}`);

  const hits = await searchHits(page, 'Quokkaville');
  assert.ok(hits.length >= 2 && hits.every((b) => b.startsWith('local-kholmsk-corridor-notes:')), hits.join(', '));
  await page.click('[data-testid="hit"] a');
  await page.waitForSelector('[data-testid="reader-body"]');
  assert.equal(await page.textContent('[data-testid="reader-title"]'), 'Kholmsk Corridor Notes');
  assert.ok(await page.isVisible('[data-testid="local-badge"]'), 'marked as local');

  await page.goto(`${ctx.server.url}#/map`);
  await page.waitForSelector('[data-testid="place-row"]');
  const mapped = await page.$$eval('[data-testid="place-row"]', (rows) => rows.map((r) => r.textContent));
  assert.ok(mapped.some((p) => /^Kholmsk(?![- ])/.test(p)), 'Kholmsk is on the map');
  assert.ok(mapped.some((p) => /^Tynda(?![- ])/.test(p)), 'Tynda is on the map');

  await page.goto(`${ctx.server.url}#/`);
  assert.equal((await page.$$('[data-testid="doc-card"]')).length, 6, 'the library lists it');

  // Offline: wait for the service worker, cut the network, reload.
  await page.waitForSelector('[data-testid="offline-ready"]', { timeout: 20000 });
  await page.context().setOffline(true);
  await page.reload();
  await appReady(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="doc-card"]').length === 6, null, { timeout: 30000 });
  const offlineHits = await searchHits(page, 'Quokkaville');
  assert.ok(offlineHits.length >= 2, 'still found offline, after a reload');

  await openLocal(page);
  await page.waitForSelector('[data-testid="local-open"]');
  await page.click('[data-testid="local-remove"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="local-status"]')?.textContent.includes('Removed'));
  await page.waitForSelector('[data-testid="local-empty"]');
  assert.deepEqual(await searchHits(page, 'Quokkaville'), [], 'gone from search');
  await page.goto(`${ctx.server.url}#/map`);
  await page.waitForSelector('[data-testid="place-row"]');
  const after = await page.$$eval('[data-testid="place-row"]', (rows) => rows.map((r) => r.textContent));
  assert.ok(!after.some((p) => /^Kholmsk(?![- ])/.test(p)), 'gone from the map');
  // Reload where the app says it has read the store: a (wrongly) stored copy
  // would be listed there, and joined the library, once reading finished.
  await page.reload();
  await openLocal(page);
  assert.match(await page.textContent('[data-testid="local-empty"]'), /No documents of your own yet/, 'nothing restored after a reload');
  await page.goto(`${ctx.server.url}#/`);
  await page.waitForSelector('[data-testid="doc-card"]');
  assert.equal((await page.$$('[data-testid="doc-card"]')).length, 5, 'still gone after a reload');
  await page.context().setOffline(false);
  assert.deepEqual(page.problems, []);
});

test('dropped files: html and markdown join, a bad file is named with its reason', async () => {
  const page = await newPage(ctx.browser);
  await openLocal(page);
  const dir = await mkdtemp(join(tmpdir(), 'atlas-local-'));
  const html = join(dir, 'saved-page.html');
  await writeFile(
    html,
    '<!doctype html><html><head><title>Ignored</title><script>window.__pwned=1</script></head><body><nav>Home | About</nav><article><h1>Harbin Rail Links</h1><p>Harbin and Suifenhe &amp; the <b>border</b> crossing.</p></article></body></html>',
  );
  const md = join(dir, 'notes.md');
  await writeFile(md, '# Amur Bridge Notes\n\nBlagoveshchensk faces Heihe across the Amur.\n');
  const pdf = join(dir, 'scan.pdf');
  await writeFile(pdf, '%PDF-1.4 binary');
  await page.setInputFiles('[data-testid="local-files"]', [html, md, pdf]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="local-row"]').length === 2, null, { timeout: 30000 });
  const rows = await page.$$eval('[data-testid="local-row"]', (els) => els.map((el) => el.textContent));
  assert.ok(rows.some((r) => r.includes('Harbin Rail Links')), rows.join(' | '));
  assert.ok(rows.some((r) => r.includes('Amur Bridge Notes')), rows.join(' | '));
  const problems = await page.textContent('[data-testid="local-problems"]');
  assert.match(problems, /scan\.pdf: unsupported file type "\.pdf"/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a script in an html file never runs');
  const hits = await searchHits(page, 'Suifenhe');
  assert.ok(hits.some((b) => b.startsWith('local-saved-page:')), hits.join(', '));

  // Export, remove everything, import the export: both come back.
  await openLocal(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="local-export"]')]);
  const exported = join(dir, 'export.json');
  await download.saveAs(exported);
  const parsed = JSON.parse(await readFile(exported, 'utf8'));
  assert.equal(parsed.documents.length, 2);
  for (let i = 0; i < 2; i++) {
    await page.click('[data-testid="local-remove"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="local-row"]').length === n, 1 - i);
    await page.waitForFunction(() => !document.querySelector('[data-testid="local-remove"]:disabled'));
  }
  await page.setInputFiles('[data-testid="local-files"]', [exported]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="local-row"] [data-testid="local-open"]').length === 2, null, { timeout: 30000 });
  // Clean up for the next test.
  for (let i = 0; i < 2; i++) {
    await page.waitForFunction(() => !document.querySelector('[data-testid="local-remove"]:disabled'));
    await page.click('[data-testid="local-remove"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="local-row"]').length === n, 1 - i);
  }
  assert.deepEqual(page.problems, []);
});

test('a storage refusal says so and loses nothing already stored', async () => {
  const page = await newPage(ctx.browser);
  await openLocal(page);
  await addPasted(page, 'Kept Paper', 'Chita lies on the Trans-Siberian line.');
  // From now on the browser refuses every write, as when the quota is full.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function refuse() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.fill('[data-testid="local-title"]', 'Too Much');
  await page.fill('[data-testid="local-text"]', 'Vanino again.');
  await page.click('[data-testid="local-add"]');
  await page.waitForSelector('[data-testid="local-problems"]', { timeout: 30000 });
  assert.match(await page.textContent('[data-testid="local-problems"]'), /storage quota exceeded\)\. Nothing already stored was lost/);
  const rows = await page.$$eval('[data-testid="local-row"]', (els) => els.map((el) => el.textContent));
  assert.equal(rows.length, 1);
  assert.match(rows[0], /Kept Paper/);
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid="local-row"] [data-testid="local-open"]', { timeout: 30000 });
  assert.equal((await page.$$('[data-testid="local-row"]')).length, 1, 'what was stored is still stored');
  await page.click('[data-testid="local-remove"]');
  await page.waitForSelector('[data-testid="local-empty"]');
});

test('an empty paste and an oversized file get clear messages', async () => {
  const page = await newPage(ctx.browser);
  await openLocal(page);
  await page.click('[data-testid="local-add"]');
  assert.match(await page.textContent('[data-testid="local-problems"]'), /Paste some text first/);
  const dir = await mkdtemp(join(tmpdir(), 'atlas-big-'));
  const big = join(dir, 'huge.txt');
  await writeFile(big, 'Vanino. '.repeat(Math.ceil((5 * 1024 * 1024 + 10) / 8)));
  await page.setInputFiles('[data-testid="local-files"]', [big]);
  await page.waitForFunction(() => document.querySelector('[data-testid="local-problems"]')?.textContent.includes('huge.txt'));
  assert.match(await page.textContent('[data-testid="local-problems"]'), /huge\.txt: 5\.0 MB is over the 5 MB limit/);
  assert.equal((await page.$$('[data-testid="local-row"]')).length, 0);
});

test('a large collection: the library and figures render a page at a time', async () => {
  const page = await newPage(ctx.browser);
  await openLocal(page);
  const dir = await mkdtemp(join(tmpdir(), 'atlas-many-'));
  const documents = Array.from({ length: 51 }, (_, i) => ({
    key: `k${i}`,
    name: `paper-${i}.md`,
    title: `Port Paper ${i}`,
    text: `# Port Paper ${i}\n\nIn 2019 Vanino shipped $${i + 1} billion of coal, 12% more than in 2018, and Nakhodka 7.5 million tonnes.\n\nBy 2020 the share reached 30% and investment $${i + 2} billion.\n`,
  }));
  const file = join(dir, 'many.json');
  await writeFile(file, JSON.stringify({ format: 'far-east-atlas-local-documents', version: 1, documents }));
  await page.setInputFiles('[data-testid="local-files"]', [file]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="local-open"]').length === 51, null, { timeout: 60000 });

  await page.goto(`${ctx.server.url}#/`);
  await page.waitForSelector('[data-testid="doc-card"]');
  assert.equal((await page.$$('[data-testid="doc-card"]')).length, 50, 'the first page of cards');
  assert.equal(await page.textContent('[data-testid="library-count"]'), '56');
  await page.click('[data-testid="show-more"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="doc-card"]').length === 56);
  assert.equal(await page.$('[data-testid="show-more"]'), null, 'no more to show');

  await page.goto(`${ctx.server.url}#/figures`);
  await page.waitForSelector('[data-testid="figure-row"]');
  const total = Number((await page.textContent('[data-testid="figures-count"]')).match(/^(\d+)/)[1]);
  assert.ok(total > 300, `${total} figures`);
  assert.equal((await page.$$('[data-testid="figure-row"]')).length, 200);
  await page.click('[data-testid="show-more"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="figure-row"]').length === Math.min(n, 400), total);

  assert.deepEqual(page.problems, []);
});

// Issue 16: a reader's paper is geoparsed with the generated gazetteer (Tiksi
// and Pevek are GeoNames towns no curated row or seed names), and a bare
// name that a town and a river share with nothing to choose between them
// (Zeya) is an uncertain place the map keeps behind a switch.
test('a pasted paper finds generated places, and the map hides uncertain ones behind a switch', async () => {
  const page = await newPage(ctx.browser);
  await openLocal(page);
  await addPasted(page, 'Arctic Ports Notes', 'Icebreakers reached Tiksi and Pevek in July.\n\nZeya was also discussed.\n');
  await page.goto(`${ctx.server.url}#/map`);
  await page.waitForSelector('[data-testid="place-row"]');
  const rows = () => page.$$eval('[data-testid="place-row"]', (rs) => rs.map((r) => r.dataset.placeId));
  const before = await rows();
  assert.ok(before.includes('tiksi') && before.includes('pevek'), `generated towns on the map: ${before.length} rows`);
  const zeya = (ids) => ids.filter((id) => id.startsWith('zeya'));
  assert.deepEqual(zeya(before), [], 'the uncertain Zeya is hidden by default');
  const label = await page.textContent('label.uncertain-switch');
  assert.match(label, /Show \d+ uncertain place/);
  await page.check('[data-testid="show-uncertain"]');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="place-row"]')].some((r) => r.dataset.placeId.startsWith('zeya')));
  const after = await rows();
  assert.ok(after.length > before.length, 'the switch shows more places');
  assert.ok(await page.locator('[data-testid="marker"][data-place-id^="zeya"]').count() >= 1, 'and marks them on the map');
  // GeoNames' licence asks for attribution: the footer gives it.
  assert.match(await page.textContent('footer.site-footer'), /GeoNames.*CC BY 4\.0.*Natural Earth/s);
});
