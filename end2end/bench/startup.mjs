// Benchmark (not a test): start-up time of the built dist/ in headless
// Chromium with the CPU slowed 4x (DevTools CPU throttling), each run a
// fresh browser context (no HTTP cache, no service worker, no code cache).
// Per run, measured in the page from navigation start (performance.now):
//   first paint  — first contentful paint: the pre-rendered library;
//   shown        — the library's document list is in the DOM and the
//                  boot message is gone;
//   interactive  — the first moment after that when the main thread runs
//                  a task posted then (so a click would be handled);
//   long tasks   — main-thread tasks over 50 ms in the first 3 s
//                  (including the deferred index warm-up).
//   (cd end2end && node bench/startup.mjs)   or   cargo xtask bench
// RUNS=N changes the number of runs (default 7); THROTTLE=K the slowdown;
// NETWORK=slow4g also throttles the network (150 ms, 1.6 Mbit/s).
import { resolve } from 'node:path';
import { serveDist } from '../../tools/serve-dist.mjs';
import { launch } from '../support/browser.mjs';
import { openMeasured } from './startup-probe.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const THROTTLE = Number(process.env.THROTTLE ?? 4);
// NETWORK=slow4g adds applied network throttling (default: loopback).
const NETWORK = process.env.NETWORK || undefined;
const server = await serveDist(process.env.DIST_DIR ?? resolve('../dist'), '/', { gzip: true });
const browser = await launch();

const runs = [];
for (let i = 0; i < RUNS; i++) {
  const { context, page } = await openMeasured(browser, server.url, { throttle: THROTTLE, network: NETWORK, timeout: 60000 });
  await page.waitForTimeout(3000);
  const r = await page.evaluate(() => window.__startup);
  const transfer = await page.evaluate(() =>
    performance.getEntriesByType('resource').reduce((n, e) => n + e.transferSize, performance.getEntriesByType('navigation')[0].transferSize),
  );
  runs.push({ ...r, transfer });
  await context.close();
}
await browser.close();
await server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;
console.log(`start-up, ${THROTTLE}x CPU throttling, ${RUNS} fresh contexts, gzip over ${NETWORK ?? 'loopback'} (${Math.round(runs[0].transfer / 1024)} KB transferred):`);
console.log(`  first paint          median ${ms(median(runs.map((r) => r.painted)))}  (the pre-rendered library)`);
console.log(`  library shown        median ${ms(median(runs.map((r) => r.shown)))}  (min ${ms(Math.min(...runs.map((r) => r.shown)))}, max ${ms(Math.max(...runs.map((r) => r.shown)))})`);
console.log(`  library interactive  median ${ms(median(runs.map((r) => r.interactive)))}  (max ${ms(Math.max(...runs.map((r) => r.interactive)))})`);
const last = runs[runs.length - 1];
console.log(`  long tasks (start ms, duration ms) in the last run: ${last.longTasks.map(([s, d]) => `${s}+${d}`).join(', ') || 'none'}`);
