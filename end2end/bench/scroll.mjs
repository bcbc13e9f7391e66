// Benchmark (not a test): frame times while scrolling a long result list in
// headless Chromium on the built dist/. Opens the flat list of every
// English passage, presses "Show more" until at least 1 000 hits are on
// the page (timing each append), then scrolls from top to bottom with the
// mouse wheel and records every frame's duration (requestAnimationFrame
// deltas). Budget: no frame over 50 ms.
//   (cd end2end && node bench/scroll.mjs)   or   cargo xtask bench
import { resolve } from 'node:path';
import { serveDist } from '../../tools/serve-dist.mjs';
import { launch, newPage, appReady } from '../support/browser.mjs';

const WANT = Number(process.env.HITS ?? 1000);
const server = await serveDist(process.env.DIST_DIR ?? resolve('../dist'));
const browser = await launch();
const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
// The seed corpus has fewer than 1 000 English passages: run it on a
// synthetic build (cargo xtask synth / bench-scale) with DIST_DIR.
await page.goto(`${server.url}${process.env.ROUTE ?? '#/search?lang=en&view=flat'}`);
await appReady(page);
await page.waitForSelector('[data-testid="hit"]');
const appends = [];
while ((await page.$$('[data-testid="hit"]')).length < WANT && (await page.$('[data-testid="show-more"]'))) {
  const before = (await page.$$('[data-testid="hit"]')).length;
  const ms = await page.evaluate(async (n) => {
    const t0 = performance.now();
    document.querySelector('[data-testid="show-more"]').click();
    while (document.querySelectorAll('[data-testid="hit"]').length === n) await new Promise((ok) => setTimeout(ok, 0));
    await new Promise((ok) => requestAnimationFrame(() => ok()));
    return performance.now() - t0;
  }, before);
  appends.push(ms);
}
const hits = (await page.$$('[data-testid="hit"]')).length;
await page.evaluate(() => {
  window.__frames = [];
  let last = performance.now();
  const tick = (t) => {
    window.__frames.push(t - last);
    last = t;
    if (window.__scrolling) requestAnimationFrame(tick);
  };
  window.__scrolling = true;
  window.scrollTo(0, 0);
  requestAnimationFrame(tick);
});
await page.mouse.move(600, 400);
const height = await page.evaluate(() => document.documentElement.scrollHeight);
for (let y = 0; y < height; y += 400) {
  await page.mouse.wheel(0, 400);
  await page.waitForTimeout(16);
}
const frames = await page.evaluate(() => {
  window.__scrolling = false;
  return window.__frames.slice(1);
});
await browser.close();
await server.close();

const sorted = [...frames].sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const f = (x) => `${x.toFixed(1)} ms`;
console.log(`scrolling ${hits} hits (page height ${height} px), ${frames.length} frames:`);
console.log(`  frame p50 ${f(pct(50))}, p95 ${f(pct(95))}, max ${f(sorted[sorted.length - 1])}, over 50 ms: ${frames.filter((x) => x > 50).length}`);
console.log(`  "Show more" (60 hits each, until painted): ${appends.length} appends, median ${f([...appends].sort((a, b) => a - b)[Math.floor(appends.length / 2)] ?? 0)}, max ${f(Math.max(0, ...appends))}`);
