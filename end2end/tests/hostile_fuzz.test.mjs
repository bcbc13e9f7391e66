// Hostile input at the browser's entry points, swept by a seeded generator
// (support/hostile.mjs): postMessage commands from an allowed and from a
// foreign origin, bursts of 1 000 in one task, and the page API
// (`window.wasmBindings.search/select/passage`) called with values only a
// script can make (throwing getters, proxies, symbols, functions).
//
// After every batch: no uncaught exception or unhandled rejection, no
// console error or warning (a rejected input is logged as `info`), no panic
// panel, and the app still answers a search and a navigation.
//
// Bounded by default (part of `cargo xtask test`); `cargo xtask
// fuzz-browser --minutes N --seed S` sets ATLAS_FUZZ_MINUTES / _SEED and
// runs each sweep for N minutes. A failure names the batch seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, appReady, messagesHandled } from '../support/browser.mjs';
import { appSuite } from '../support/suite.mjs';
import { hostileBatch, rng } from '../support/hostile.mjs';

const ctx = appSuite();
const SEED = Number(process.env.ATLAS_FUZZ_SEED ?? 20261204);
const MINUTES = Number(process.env.ATLAS_FUZZ_MINUTES ?? 0);

/** The app framed as an embed that accepts commands from `origins`. */
async function embedPage(origins) {
  const page = await newPage(ctx.browser);
  page.infos = [];
  page.on('console', (m) => m.type() === 'info' && page.infos.push(m.text()));
  await page.goto(`${ctx.server.url}?embed=1&origins=${encodeURIComponent(origins)}#/`);
  await appReady(page);
  return page;
}

/** The app is alive: it answers a search and a navigation, and said nothing wrong. */
async function assertAlive(page, after) {
  // Posted messages are tasks: wait until they have all been handled.
  await messagesHandled(page);
  const state = await page.evaluate(() => ({
    panicked: !!document.querySelector('[data-testid="panic-panel"]'),
    main: !!document.getElementById('main'),
    searches: JSON.parse(window.wasmBindings.search('Kovykta', '{"limit":1}')).total > 0,
  }));
  assert.deepEqual(state, { panicked: false, main: true, searches: true }, `after ${after}`);
  await page.evaluate(() => {
    location.hash = '#/search?q=Kovykta';
  });
  await page.waitForSelector('[data-testid="hit"]', { timeout: 15000 });
  assert.deepEqual(page.problems, [], `console after ${after}`);
}

/**
 * Runs `batches` batches of `count` inputs (or batches until the
 * ATLAS_FUZZ_MINUTES deadline), checking after each; then one burst.
 */
async function sweep(page, kind, { batches, count, burst, salt }) {
  const deadline = MINUTES > 0 ? Date.now() + MINUTES * 60000 : 0;
  const totals = {};
  let n = 0;
  let b = 0;
  const run = async (seed, size) => {
    const res = await page.evaluate(hostileBatch, { seed, kind, count: size });
    assert.deepEqual(res.broken, [], `${kind} batch seed ${seed}: a promise was broken`);
    for (const [k, v] of Object.entries(res.kinds)) totals[k] = (totals[k] ?? 0) + v;
    n += size;
    await assertAlive(page, `${kind} batch seed ${seed}`);
  };
  while (deadline ? Date.now() < deadline : b < batches) {
    await run(SEED + salt + b * 7919, count);
    b++;
  }
  await run(SEED + salt - 1, burst);
  console.log(`# ${kind} sweep (seed ${SEED}${MINUTES ? `, ${MINUTES} min` : ''}): ${n} inputs in ${b + 1} batches, 0 failures; ${JSON.stringify(totals)}`);
  return n;
}

test('a command whose fields cannot become strings is ignored with a reason, not thrown', async () => {
  // The uncaught `TypeError: Cannot convert object to primitive value`
  // of issue 20: `toString: 1` survives structured clone, and the handler
  // put such a field in a template literal (or used it as a property key).
  const page = await embedPage(new URL(ctx.server.url).origin);
  await page.evaluate(() => {
    const post = (m) => window.postMessage(m, location.origin);
    post({ type: 'atlas:command', version: 1, command: { toString: 1 } });
    post({ type: 'atlas:command', version: { toString: 1, valueOf: 1 }, command: 'setQuery', query: 'x' });
    post({ type: 'atlas:command', version: 1, command: 'setView', view: { toString: 1 } });
    post({ type: 'atlas:command', version: 1, command: 'setFilters', filters: { topic: [{ toString: 1 }] } });
  });
  await assertAlive(page, 'commands with unconvertible fields');
  const reasons = page.infos.filter((t) => t.includes('ignored message')).join('\n');
  for (const words of ['unknown command a value of type object', 'unsupported version a value of type object', 'view must be a string, not a value of type object', 'topic must be strings']) {
    assert.ok(reasons.includes(words), `no "${words}" in:\n${reasons}`);
  }
});

test('postMessage commands from an allowed origin: a seeded sweep and a burst of 1 000', async () => {
  const page = await embedPage(new URL(ctx.server.url).origin);
  const n = await sweep(page, 'message', { batches: 12, count: 60, burst: 1000, salt: 0 });
  assert.ok(page.infos.length > n / 4, `rejections are logged as info (${page.infos.length} for ${n} messages)`);
});

test('postMessage commands from an origin not on the allow-list change nothing', async () => {
  const page = await embedPage('https://allowed.example');
  await page.evaluate(() => {
    location.hash = '#/topics';
  });
  await page.waitForFunction(() => location.hash === '#/topics');
  const deadline = MINUTES > 0 ? Date.now() + MINUTES * 60000 : 0;
  let batches = 0;
  do {
    const seed = SEED + 1 + batches * 7919;
    const res = await page.evaluate(hostileBatch, { seed, kind: 'message', count: 1000 });
    assert.deepEqual(res.broken, []);
    await messagesHandled(page);
    assert.equal(new URL(page.url()).hash, '#/topics', `no command from a foreign origin ran (seed ${seed})`);
    batches++;
  } while (deadline && Date.now() < deadline);
  assert.ok(page.infos.filter((t) => t.includes('is not allowed')).length >= 900 * batches, `${page.infos.length} infos`);
  await assertAlive(page, 'foreign-origin bursts');
  console.log(`# foreign-origin messages (seed ${SEED}${MINUTES ? `, ${MINUTES} min` : ''}): ${batches * 1000} messages in ${batches} bursts, none ran, 0 failures`);
});

test('the page API answers hostile arguments with an error object, never a throw', async () => {
  const page = await newPage(ctx.browser);
  await page.goto(ctx.server.url);
  await appReady(page);
  const named = await page.evaluate(() => {
    const api = window.wasmBindings;
    const thrower = { toString() { throw new Error('x'); } };
    return {
      nullQuery: JSON.parse(api.search(null, '{}')).error,
      noOptions: JSON.parse(api.search('Kovykta')).total > 0,
      badOptions: typeof JSON.parse(api.search('gas', 7)).error,
      selectAll: JSON.parse(api.select()).total > 0,
      selectSymbol: JSON.parse(api.select(Symbol('s'))).error,
      passageThrower: JSON.parse(api.passage(thrower)).error,
      passageMissing: JSON.parse(api.passage('nope:1')).error,
    };
  });
  assert.deepEqual(named, {
    nullQuery: 'search: the query must be a string, not null',
    noOptions: true,
    badOptions: 'string',
    selectAll: true,
    selectSymbol: 'select: the query string must be a string, not a symbol',
    passageThrower: 'passage: the passage id must be a string, not an object',
    passageMissing: 'no passage "nope:1"',
  });
  await sweep(page, 'api', { batches: 8, count: 200, burst: 1000, salt: 1000003 });
});

// --- the local collection: dropped files and imports ----------------------

const EXPORT = 'far-east-atlas-local-documents';

/** Seeded hostile files for the local page, as Playwright file payloads. */
function hostileFiles(seed) {
  const r = rng(seed);
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
  const file = (name, content, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
  const exportOf = (documents, extra = {}) => JSON.stringify({ format: EXPORT, version: 1, documents, ...extra });
  const all = [
    () => file('broken.json', '{"format": "far-east-atlas-local-documents", "documents": [', 'application/json'),
    () => file('shape.json', JSON.stringify([1, 2, { documents: 3 }]), 'application/json'),
    () => file('wrong-types.json', exportOf('none'), 'application/json'),
    () => file('newer.json', exportOf([], { version: 2 }), 'application/json'),
    () => file('proto.json', `{"format":"${EXPORT}","version":1,"documents":[{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"key":"p","name":"proto.txt","text":"A note on the port of Nakhodka and its trade."}]}`, 'application/json'),
    () => file('dupes.json', exportOf([1, 2].map(() => ({ key: 'same', name: 'same.txt', text: 'Twice the same key: Vladivostok and Harbin.' }))), 'application/json'),
    () => file('big.txt', Buffer.alloc(5 * 1024 * 1024 + 1, 0x61)),
    () => file('binary.txt', bytes(2000 + Math.floor(r() * 4000)), 'application/octet-stream'),
    () => file('empty.txt', ''),
    () => file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('The Amur river at Blagoveshchensk.', 'utf16le')])),
    () => file('nested.html', `<html><body>${'<div>'.repeat(1e5)}Deep text about Sakhalin.${'</div>'.repeat(1e5)}</body></html>`, 'text/html'),
    () => file('unclosed.html', `<p>${'<b><i>'.repeat(2e4)}Tag soup on Kamchatka`, 'text/html'),
    () => file('control.md', `# Title\u0000\u0001\u202e\n\n${'\ud83d'.repeat(10)} text on Magadan.`),
    () => file('scan.pdf', bytes(500), 'application/pdf'),
    () => file('no-extension', 'Plain words about Chita.'),
  ];
  // The bounded sweep takes them all; a long run draws seeded subsets.
  if (seed === 0) return all.map((f) => f());
  return Array.from({ length: 3 + Math.floor(r() * 5) }, () => all[Math.floor(r() * all.length)]());
}

async function localPage() {
  const page = await newPage(ctx.browser);
  await page.goto(`${ctx.server.url}#/local`);
  await appReady(page);
  await page.waitForSelector('[data-testid="local-page"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="local-empty"]')?.textContent.includes('Reading'));
  return page;
}

/** Waits until the local page is idle again (nothing being added). */
async function localIdle(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid="local-files"]')?.disabled, null, { timeout: 120000 });
}

test('hostile files and imports are refused by name, and nothing stored is lost', async () => {
  const page = await localPage();
  await page.fill('[data-testid="local-title"]', 'Kept Before');
  await page.fill('[data-testid="local-text"]', 'A study of the port of Vanino and its railway to Komsomolsk.');
  await page.click('[data-testid="local-add"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="local-status"]')?.textContent.includes('Added'), null, { timeout: 60000 });

  const files = hostileFiles(0);
  await page.setInputFiles('[data-testid="local-files"]', files);
  await page.waitForSelector('[data-testid="local-problems"]', { timeout: 120000 });
  await localIdle(page);
  const problems = await page.textContent('[data-testid="local-problems"]');
  for (const [name, why] of [
    ['broken.json', /not a Far East Atlas export/],
    ['shape.json', /not a Far East Atlas export/],
    ['wrong-types.json', /not a Far East Atlas export/],
    ['newer.json', /version 2, newer than this app understands/],
    ['big.txt', /over the 5 MB limit/],
    ['empty.txt', /the file is empty/],
    ['binary.txt', /looks binary/],
    ['control.md', /looks binary/],
    ['scan.pdf', /unsupported file type/],
  ]) {
    assert.match(problems, new RegExp(`${name.replace('.', '\\.')}: [^\\n]*${why.source}`), `${name} in:\n${problems}`);
  }
  const rows = await page.$$eval('[data-testid="local-row"]', (els) => els.map((el) => el.textContent));
  assert.ok(rows.some((t) => t.includes('Kept Before')), `the stored document is kept: ${rows.join(' | ')}`);
  assert.ok(rows.some((t) => t.includes('proto')), `an export with __proto__ keys imports its document: ${rows.join(' | ')}`);
  assert.equal(rows.filter((t) => t.includes('same.txt')).length, 2, 'duplicate keys in an import become two documents');
  for (const name of ['utf16.txt', 'nested.html', 'unclosed.html', 'no-extension']) {
    assert.ok(rows.some((t) => t.includes(name)), `${name} is read: ${rows.join(' | ')}`);
  }
  // Nothing vanishes: every file is either a document now or named with a
  // reason (an import becomes the documents it holds, checked above).
  for (const { name } of files.filter((f) => !f.name.endsWith('.json'))) {
    assert.ok(rows.some((t) => t.includes(name)) || problems.includes(`${name}: `), `${name} neither added nor refused`);
  }
  assert.equal(await page.evaluate(() => ({}).polluted), undefined, 'no prototype was polluted');
  await assertAlive(page, 'the hostile files');
  console.log(`# local files (seed 0): ${files.length} files, ${rows.length} documents kept, 0 failures`);

  // Long runs: seeded subsets until the deadline.
  if (MINUTES > 0) {
    const deadline = Date.now() + MINUTES * 60000;
    let batches = 0;
    let sent = 0;
    while (Date.now() < deadline) {
      await page.goto(`${ctx.server.url}#/local`);
      await localIdle(page);
      const batch = hostileFiles(SEED + batches);
      await page.setInputFiles('[data-testid="local-files"]', batch);
      await page.waitForFunction(() => document.querySelector('[data-testid="local-problems"], [data-testid="local-status"]'), null, { timeout: 120000 });
      await localIdle(page);
      await assertAlive(page, `local files batch seed ${SEED + batches}`);
      batches++;
      sent += batch.length;
    }
    console.log(`# local files sweep (seed ${SEED}, ${MINUTES} min): ${sent} files in ${batches} batches, 0 failures`);
  }
});

test('an import of 10 000 documents adds what fits and refuses the rest in one sentence', async () => {
  const page = await localPage();
  const documents = Array.from({ length: 1e4 }, (_, i) => ({ key: `k${i}`, name: `n${i}.txt`, text: `Document ${i} on the Kuril Islands.` }));
  await page.setInputFiles('[data-testid="local-files"]', [{ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: EXPORT, version: 1, documents })) }]);
  await page.waitForSelector('[data-testid="local-problems"]', { timeout: 120000 });
  await localIdle(page);
  const problems = await page.textContent('[data-testid="local-problems"]');
  assert.match(problems, /9800 documents were not added: only 200 local documents can be kept/);
  assert.equal(await page.locator('[data-testid="local-row"]').count(), 200);
  await assertAlive(page, 'a 10 000-document import');
});

// --- stored state at start-up ---------------------------------------------

test('damaged and old stored records are named at start-up; the readable ones are restored', async () => {
  const page = await newPage(ctx.browser);
  await page.goto(ctx.server.url);
  await appReady(page);
  await page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('far-east-atlas', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('documents', { keyPath: 'key' });
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('documents', 'readwrite');
          const store = tx.objectStore('documents');
          const cycle = { key: 'cycle', name: 'c.txt', text: 'x' };
          cycle.self = cycle;
          store.put({ key: 'good', name: 'good.txt', text: 'The port of Vanino faces Sakhalin across the Tatar Strait.', added: '2026-01-01T00:00:00Z' });
          store.put({ key: 'old-format', id: 'x', body: 'Stored by an older version.' });
          store.put({ key: 'bigint', name: 'b.txt', text: 'Has a BigInt.', extra: 10n });
          store.put({ key: 'odd-fields', name: { toString: 1 }, text: 7, added: { toString: 1 } });
          store.put(cycle);
          tx.oncomplete = () => {
            open.result.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
  // A fresh start (a hash change alone would not restore again).
  await page.goto(`${ctx.server.url}#/local`);
  await page.reload();
  await appReady(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="local-row"]').length === 1, null, { timeout: 60000 });
  await localIdle(page);
  const problems = await page.textContent('[data-testid="local-problems"]');
  for (const key of ['old-format', 'bigint', 'odd-fields', 'cycle']) {
    assert.match(problems, new RegExp(`stored document "${key}" could not be restored \\(.+?\\); it was left in storage as it was`), `${key} in:\n${problems}`);
  }
  assert.match(await page.textContent('[data-testid="local-row"]'), /Vanino|good/);
  await assertAlive(page, 'a damaged store');
  const kept = await page.evaluate(
    () =>
      new Promise((ok) => {
        const open = indexedDB.open('far-east-atlas', 1);
        open.onsuccess = () => {
          const req = open.result.transaction('documents').objectStore('documents').getAllKeys();
          req.onsuccess = () => ok(req.result.sort());
        };
      }),
  );
  assert.deepEqual(kept, ['bigint', 'cycle', 'good', 'odd-fields', 'old-format'], 'nothing unreadable was deleted');
});

test('stored records of random shapes: each one is restored or named, none deleted', async () => {
  const page = await newPage(ctx.browser);
  await page.goto(ctx.server.url);
  await appReady(page);
  const deadline = MINUTES > 0 ? Date.now() + MINUTES * 60000 : 0;
  let batches = 0;
  let records = 0;
  do {
    const seed = SEED + 77 + batches * 7919;
    const { sent } = await page.evaluate(hostileBatch, { seed, kind: 'records', count: 6 });
    await page.goto(`${ctx.server.url}#/local`);
    await page.reload();
    await appReady(page);
    await page.waitForFunction(() => !document.querySelector('[data-testid="local-empty"]')?.textContent.includes('Reading'), null, { timeout: 30000 });
    await localIdle(page);
    const rows = await page.locator('[data-testid="local-row"]').count();
    const problems = (await page.locator('[data-testid="local-problems"]').count()) ? await page.textContent('[data-testid="local-problems"]') : '';
    const named = (problems.match(/could not be restored/g) ?? []).length;
    assert.equal(rows + named, sent, `records seed ${seed}: ${rows} restored + ${named} named of ${sent}\n${problems}`);
    assert.deepEqual(page.problems, [], `console after records seed ${seed}`);
    const stored = await page.evaluate(
      () =>
        new Promise((ok) => {
          const open = indexedDB.open('far-east-atlas', 1);
          open.onsuccess = () => {
            const req = open.result.transaction('documents').objectStore('documents').count();
            req.onsuccess = () => {
              open.result.close();
              ok(req.result);
            };
          };
        }),
    );
    assert.equal(stored, sent, `records seed ${seed}: a stored record was deleted`);
    batches++;
    records += sent;
  } while (deadline && Date.now() < deadline);
  await assertAlive(page, 'random stored records');
  console.log(`# stored records (seed ${SEED}${MINUTES ? `, ${MINUTES} min` : ''}): ${records} records in ${batches} start-ups, 0 failures`);
});

test('a store from a newer version, or deleted, leaves the app on the embedded corpus and says why', async () => {
  const page = await newPage(ctx.browser);
  await page.goto(ctx.server.url);
  await appReady(page);
  await page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const del = indexedDB.deleteDatabase('far-east-atlas');
        del.onsuccess = () => {
          const open = indexedDB.open('far-east-atlas', 7);
          open.onupgradeneeded = () => open.result.createObjectStore('other');
          open.onsuccess = () => {
            open.result.close();
            ok();
          };
          open.onerror = () => fail(open.error);
        };
        del.onerror = () => fail(del.error);
      }),
  );
  await page.goto(`${ctx.server.url}#/local`);
  await page.reload();
  await appReady(page);
  await page.waitForSelector('[data-testid="local-problems"]', { timeout: 30000 });
  assert.match(await page.textContent('[data-testid="local-problems"]'), /stored documents could not be opened/i);
  assert.equal(await page.locator('[data-testid="local-row"]').count(), 0);
  await assertAlive(page, 'a store of a newer version');
  await page.evaluate(() => new Promise((ok) => { const d = indexedDB.deleteDatabase('far-east-atlas'); d.onsuccess = d.onerror = d.onblocked = () => ok(); }));
  await page.goto(`${ctx.server.url}#/`);
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('[data-testid="doc-card"]').count(), 5, 'the embedded corpus, nothing else');
  assert.deepEqual(page.problems, []);
});

test('a store held by another tab mid-deletion: start-up says so within seconds, the app works', async () => {
  const context = await ctx.browser.newContext();
  const holder = await context.newPage();
  await holder.goto(ctx.server.url);
  await appReady(holder);
  // The holder keeps a connection open and starts a deletion that this
  // connection blocks: every later open in this origin waits behind it.
  await holder.evaluate(
    () =>
      new Promise((ok) => {
        const open = indexedDB.open('far-east-atlas-holder', 1);
        open.onsuccess = () => {
          window.__held = open.result;
          const other = indexedDB.open('far-east-atlas', 1);
          other.onsuccess = () => {
            window.__heldMain = other.result;
            other.result.onversionchange = null;
            indexedDB.deleteDatabase('far-east-atlas');
            ok();
          };
        };
      }),
  );
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && page.problems.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  await page.goto(`${ctx.server.url}#/local`);
  await appReady(page);
  await page.waitForSelector('[data-testid="local-problems"]', { timeout: 20000 });
  assert.match(await page.textContent('[data-testid="local-problems"]'), /could not be opened: storage did not answer within 5 s/);
  await assertAlive(page, 'a blocked store');
  await context.close();
});
