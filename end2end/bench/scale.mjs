// Benchmark (not a test): how one build copes with the size of its corpus;
// `cargo xtask bench-scale` runs it on the dist/ of each synthetic corpus
// (`cargo xtask synth`). In headless Chromium, DIST_DIR served gzip'd on
// loopback (so network time is left out: add transfer size ÷ bandwidth):
//   start-up — as in bench/startup.mjs: "shown" (the library's list is in
//              the DOM, the boot message gone) and "interactive" (the first
//              task posted then has run), median of RUNS fresh contexts (no
//              HTTP cache, no service worker), CPU slowed THROTTLE× (default
//              1: not at all); also when the wasm finished downloading, when
//              Trunk's loader had instantiated and started it, and the
//              longest main-thread task (the deferred index decode and
//              facet table run 250 ms after start-up);
//   queries  — every query of crates/atlas-core/benches/queries.txt through
//              the page API, window.wasmBindings.search(q, '{"limit":20}')
//              and select('q=…') (the facet counts the results page shows),
//              REPEAT timed calls each after one untimed, in the last run's
//              page once start-up has settled;
//   memory   — the wasm instance's linear memory (its exported `memory`,
//              from Trunk's TrunkApplicationStarted event) after start-up
//              and after the queries, and the JS heap.
// The last line, `scale: key=value …`, is what xtask reads.
//   DIST_DIR=… node bench/scale.mjs          (from end2end/)
import { readFile, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serveDist } from '../../tools/serve-dist.mjs';
import { launch } from '../support/browser.mjs';
import { openMeasured } from './startup-probe.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const THROTTLE = Number(process.env.THROTTLE ?? 1);
const REPEAT = Number(process.env.REPEAT ?? 10);
const DIST = process.env.DIST_DIR ?? resolve('../dist');
const QUERIES = (await readFile(resolve('../crates/atlas-core/benches/queries.txt'), 'utf8'))
  .split('\n')
  .filter((l) => l.includes('\t'))
  .map((l) => l.split('\t')[1]);

const server = await serveDist(DIST, '/', { gzip: true });
// Let the server compress every file once before the timed runs, as a
// static host serves files compressed ahead of time.
for (const file of await readdir(DIST)) {
  await fetch(server.url + file, { headers: { 'accept-encoding': 'gzip' } }).then((r) => r.arrayBuffer());
}
const browser = await launch();

const runs = [];
let page;
for (let i = 0; i < RUNS; i++) {
  const opened = await openMeasured(browser, server.url, { throttle: THROTTLE, timeout: 300000 });
  const context = opened.context;
  page = opened.page;
  // The deferred warm-up starts 250 ms after start-up; evaluate waits for
  // the main thread, so it returns only once that is done.
  await page.waitForTimeout(3000);
  runs.push(
    await page.evaluate(() => ({
      ...window.__startup,
      longest: Math.max(0, ...window.__startup.longTasks.map(([, d]) => d)),
      wasmFetched: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd,
      transfer: performance.getEntriesByType('resource').reduce((n, e) => n + e.transferSize, performance.getEntriesByType('navigation')[0].transferSize),
      memory: window.__wasm.memory.buffer.byteLength,
    })),
  );
  if (i < RUNS - 1) await context.close();
}

const timed = await page.evaluate(
  ({ queries, repeat }) => {
    const time = (f) => {
      const t = performance.now();
      f();
      return performance.now() - t;
    };
    const search = [];
    const select = [];
    const perQuery = [];
    for (const q of queries) {
      const options = '{"limit":20}';
      const answer = JSON.parse(window.wasmBindings.search(q, options));
      if (answer.error) throw new Error(`search ${JSON.stringify(q)}: ${answer.error}`);
      const own = [];
      for (let i = 0; i < repeat; i++) own.push(time(() => window.wasmBindings.search(q, options)));
      search.push(...own);
      perQuery.push([own.sort((a, b) => a - b)[Math.floor(own.length / 2)], q, answer.total]);
      const filters = `q=${encodeURIComponent(q)}`;
      window.wasmBindings.select(filters);
      for (let i = 0; i < repeat; i++) select.push(time(() => window.wasmBindings.select(filters)));
    }
    return { search, select, perQuery, memory: window.__wasm.memory.buffer.byteLength, heap: performance.memory?.usedJSHeapSize ?? 0 };
  },
  { queries: QUERIES, repeat: REPEAT },
);
await browser.close();
await server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const r = {
  shown: median(runs.map((x) => x.shown)),
  interactive: median(runs.map((x) => x.interactive)),
  wasm_fetched: median(runs.map((x) => x.wasmFetched)),
  started: median(runs.map((x) => x.started)),
  longest_task: median(runs.map((x) => x.longest)),
  search_p50: pct(timed.search, 50),
  search_p95: pct(timed.search, 95),
  search_max: pct(timed.search, 100),
  select_p50: pct(timed.select, 50),
  select_p95: pct(timed.select, 95),
  mem_start: runs[runs.length - 1].memory,
  mem_after: timed.memory,
  js_heap: timed.heap,
  transfer: runs[0].transfer,
};
const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (x) => `${(x / 2 ** 20).toFixed(1)} MB`;
console.log(`start-up, ${THROTTLE}x CPU, ${RUNS} fresh contexts, gzip over loopback (${Math.round(r.transfer / 1024)} KB transferred), medians:`);
console.log(`  wasm downloaded ${ms(r.wasm_fetched)}, started ${ms(r.started)}, library shown ${ms(r.shown)}, interactive ${ms(r.interactive)}; longest task ${ms(r.longest_task)}`);
console.log(`  per run shown/interactive: ${runs.map((x) => `${Math.round(x.shown)}/${Math.round(x.interactive)}`).join(', ')} ms`);
console.log(`queries (${QUERIES.length} × ${REPEAT}): search p50 ${ms(r.search_p50)} p95 ${ms(r.search_p95)} max ${ms(r.search_max)}; select p50 ${ms(r.select_p50)} p95 ${ms(r.select_p95)}`);
console.log(`  slowest queries (median ms, query, total hits): ${[...timed.perQuery].sort((a, b) => b[0] - a[0]).slice(0, 8).map(([t, q, n]) => `${t.toFixed(1)} ${JSON.stringify(q)} ${n}`).join('; ')}`);
console.log(`  long tasks (start ms+duration ms) in the last run: ${runs[runs.length - 1].longTasks.map(([t, d]) => `${t}+${d}`).join(', ') || 'none'}`);
console.log(`memory: wasm ${mb(r.mem_start)} after start-up, ${mb(r.mem_after)} after the queries; JS heap ${mb(r.js_heap)}`);
console.log(`scale: ${Object.entries(r).map(([k, v]) => `${k}=${Math.round(v * 1000) / 1000}`).join(' ')}`);
