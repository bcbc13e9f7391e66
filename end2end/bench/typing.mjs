// Benchmark (not a test): keystroke-to-results-painted latency in headless
// Chromium on the built dist/. Types scripted queries one character at a
// time; each sample is the time from the input event to the first animation
// frame after the results list changed. Prints p50/p95/max.
//   (cd end2end && node bench/typing.mjs)      or   cargo xtask bench
import { resolve } from 'node:path';
import { serveDist } from '../support/server.mjs';
import { launch, newPage, appReady } from '../support/browser.mjs';

const QUERIES = ['Kovykta', 'Primorskiy krai', 'labour migration', 'Приморский', 'Trutnev', 'pipeline Sakhalin', 'energy bridge', 'Vladivostok port', 'North Korea nuclear', 'investment China'];
const server = await serveDist(process.env.DIST_DIR ?? resolve('../dist'));
const browser = await launch();
const page = await newPage(browser);
await page.goto(server.url);
await appReady(page);
const samples = await page.evaluate(async (queries) => {
  const input = document.getElementById('search-input');
  const main = document.getElementById('main');
  const out = [];
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  for (const q of queries) {
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 1; i <= q.length; i++) {
      const expected = q.slice(0, i);
      const changed = new Promise((r) => {
        const done = () => document.querySelector('[data-rendered-query]')?.dataset.renderedQuery === expected;
        const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); r(); } });
        mo.observe(main, { childList: true, subtree: true, attributes: true });
        setTimeout(() => { mo.disconnect(); r(); }, 2000);
      });
      const t0 = performance.now();
      input.value = q.slice(0, i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await changed;
      await frame();
      out.push(performance.now() - t0);
    }
  }
  return out;
}, QUERIES);
await browser.close();
await server.close();
samples.sort((a, b) => a - b);
const pct = (p) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))];
console.log(`keystroke → results painted, ${samples.length} keystrokes over ${QUERIES.length} queries:`);
console.log(`  p50 ${pct(50).toFixed(1)} ms   p95 ${pct(95).toFixed(1)} ms   max ${samples[samples.length - 1].toFixed(1)} ms`);
