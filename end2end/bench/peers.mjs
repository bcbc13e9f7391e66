// Benchmark (not a test): our search against two JavaScript peers in the
// same headless Chromium page, over the same passages and the same queries.
//   ours       window.wasmBindings.search(q, '{"limit":20}'): ranking,
//              prefix, typos, transliteration, 20 snippets with highlight
//              ranges, as JSON (the page API an embedder calls);
//   MiniSearch 7.2.0: BM25 ranking, prefix and fuzzy (0.2), AND of terms,
//              the first 20 results (ids and scores, no snippets);
//   FlexSearch 0.8.212: Index with forward (prefix) tokenizing, 20 ids.
// The peers are npm packages pinned in bench/peers/ (never shipped); they
// index the passages `atlas passages --json` lists for the same seed folder
// (PASSAGES=file), i.e. exactly the texts our index holds.
//
// Queries: QUERIES (default 300) drawn from those passages with a fixed
// seed: a third single words, a third pairs of adjacent words, a third
// prefixes (the first 3–5 letters of a word), as a reader types them.
// Timing, over the queries every engine finds something for (stop words
// alone are an empty query for us): ROUNDS rounds; in each, every engine
// runs that query list once, engines in a rotating order (interleaved, so a slow phase of the
// machine hits all three); µs/query is the median round's total ÷ queries
// (batched, because FlexSearch answers faster than the clock's 5 µs
// resolution). Our per-call p50/p95 come from one more, per-call timed
// round. PROFILE=1 also records a Chromium CPU profile of one round of our
// queries and prints the functions with the most self time.
// The last line, `peers: key=value …`, is what `cargo xtask bench-peers`
// reads.
//   DIST_DIR=… PASSAGES=… node bench/peers.mjs          (from end2end/)
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serveDist } from '../../tools/serve-dist.mjs';
import { launch, newPage, appReady } from '../support/browser.mjs';

const DIST = process.env.DIST_DIR ?? resolve('../dist');
const N_QUERIES = Number(process.env.QUERIES ?? 300);
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const SEED = Number(process.env.SEED ?? 20261204);
const PROFILE = process.env.PROFILE === '1';
const passages = JSON.parse(await readFile(process.env.PASSAGES ?? resolve('../target/passages.json'), 'utf8'));
const peers = resolve('bench/peers/node_modules');

/** mulberry32: a small seeded PRNG, so every run draws the same queries. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function drawQueries(n) {
  const rand = rng(SEED);
  const runs = passages
    .filter((p) => p.field === 'body')
    .map((p) => p.text.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => w.length >= 2);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const out = [];
  for (let i = 0; out.length < n && i < n * 50; i++) {
    const words = pick(runs);
    const at = Math.floor(rand() * (words.length - 1));
    const w = words[at];
    if (w.length < 3 || /^\p{N}+$/u.test(w)) continue;
    const kind = out.length % 3;
    if (kind === 0) out.push(w);
    else if (kind === 1) {
      const next = words[at + 1];
      if (next.length < 2) continue;
      out.push(`${w} ${next}`);
    } else {
      if (w.length < 4) continue;
      out.push(w.slice(0, 3 + Math.floor(rand() * Math.min(3, w.length - 3))));
    }
  }
  return out;
}

const queries = drawQueries(N_QUERIES);
const server = await serveDist(DIST);
const browser = await launch();
// The page's CSP allows only its own scripts; the peers are injected.
const page = await newPage(browser, { bypassCSP: true });
await page.goto(server.url);
await appReady(page);
await page.addScriptTag({ path: `${peers}/minisearch/dist/umd/index.js` });
await page.addScriptTag({ path: `${peers}/flexsearch/dist/flexsearch.bundle.min.js` });

const built = await page.evaluate((passages) => {
  const t0 = performance.now();
  const mini = new window.MiniSearch({ fields: ['text'], idField: 'id' });
  mini.addAll(passages.map((p, i) => ({ id: i, text: p.text })));
  const t1 = performance.now();
  const flex = new window.FlexSearch.Index({ tokenize: 'forward' });
  passages.forEach((p, i) => flex.add(i, p.text));
  const t2 = performance.now();
  window.__peers = { mini, flex };
  return { mini: t1 - t0, flex: t2 - t1 };
}, passages);

// Wait for the app's deferred start-up work (index decode, facet table).
await page.waitForTimeout(1500);

const result = await page.evaluate(({ queries, rounds }) => {
  const { mini, flex } = window.__peers;
  const engines = {
    ours: (q) => window.wasmBindings.search(q, '{"limit":20}'),
    minisearch: (q) => mini.search(q, { prefix: true, fuzzy: 0.2, combineWith: 'AND' }).slice(0, 20),
    flexsearch: (q) => flex.search(q, 20),
  };
  const names = Object.keys(engines);
  const hits = {};
  for (const name of names) {
    hits[name] = queries.map((q) => {
      const r = engines[name](q);
      return name === 'ours' ? JSON.parse(r).total : r.length;
    });
  }
  // Timed: the queries every engine answers. A query of stop words only
  // ('and', 'not only') is empty for us (stop words are not indexed) and
  // would flatter us against peers that match every passage for it.
  const timed = queries.filter((_, i) => names.every((n) => hits[n][i] > 0));
  const totals = Object.fromEntries(names.map((n) => [n, []]));
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      const f = engines[name];
      const t = performance.now();
      for (const q of timed) sink += f(q).length;
      totals[name].push(performance.now() - t);
    }
  }
  const perCall = timed.map((q) => {
    const t = performance.now();
    sink += engines.ours(q).length;
    return performance.now() - t;
  });
  return { totals, hits, perCall, sink, timed: timed.length };
}, { queries, rounds: ROUNDS });

let profile = null;
if (PROFILE) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.evaluate((queries) => {
    for (let r = 0; r < 3; r++) for (const q of queries) window.wasmBindings.search(q, '{"limit":20}');
  }, queries);
  ({ profile } = await cdp.send('Profiler.stop'));
}
await browser.close();
await server.close();

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const pct = (a, p) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.round((a.length - 1) * p))];
const us = (ms) => (ms * 1000).toFixed(1);
const per = Object.fromEntries(Object.entries(result.totals).map(([n, t]) => [n, median(t) / result.timed]));
const zero = Object.fromEntries(Object.entries(result.hits).map(([n, h]) => [n, h.filter((x) => x === 0).length]));

console.log(`peers: ${passages.length} passages, ${queries.length} queries (seed ${SEED}: words, pairs, prefixes), ${ROUNDS} interleaved rounds`);
console.log(`indexing in the page: MiniSearch ${built.mini.toFixed(0)} ms, FlexSearch ${built.flex.toFixed(0)} ms (ours is built at compile time)`);
console.log(`timed: the ${result.timed} queries every engine finds something for`);
console.log('| engine | µs/query (median round) | queries with no hit | ratio to ours |');
console.log('| --- | ---: | ---: | ---: |');
for (const n of Object.keys(per)) {
  console.log(`| ${n} | ${us(per[n])} | ${zero[n]} | ${(per[n] / per.ours).toFixed(2)} |`);
}
const missed = queries.filter((_, i) => result.hits.ours[i] === 0);
if (missed.length) console.log(`ours found nothing for ${missed.length} queries, e.g. ${missed.slice(0, 8).map((q) => JSON.stringify(q)).join(', ')}`);
console.log(`ours per call: p50 ${us(pct(result.perCall, 0.5))} µs, p95 ${us(pct(result.perCall, 0.95))} µs, max ${us(pct(result.perCall, 1))} µs`);
console.log(`ours / MiniSearch = ${(per.ours / per.minisearch).toFixed(2)}; ours / FlexSearch = ${(per.ours / per.flexsearch).toFixed(1)}`);

if (profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  let all = 0;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').pop() : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
    all += dt[i] ?? 0;
  });
  console.log('\nCPU profile of our queries (3 rounds), top self time:');
  console.log('| function | self % |');
  console.log('| --- | ---: |');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`| ${k.replaceAll('|', '/')} | ${((100 * v) / all).toFixed(1)} |`);
  }
}

console.log(
  `peers: passages=${passages.length} queries=${queries.length} timed=${result.timed} ours_us=${us(per.ours)} minisearch_us=${us(per.minisearch)} flexsearch_us=${us(per.flexsearch)} ours_p50_us=${us(pct(result.perCall, 0.5))} ours_p95_us=${us(pct(result.perCall, 0.95))} ratio_minisearch=${(per.ours / per.minisearch).toFixed(3)} ratio_flexsearch=${(per.ours / per.flexsearch).toFixed(3)}`,
);
