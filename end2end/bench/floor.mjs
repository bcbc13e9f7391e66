// Benchmark (not a test): where start-up's main-thread time goes, at 4×
// CPU in fresh contexts, by taking the page apart:
//   blank        a page with one list item: the browser's own floor;
//   static       dist/index.html and its CSS with every script removed:
//                the pre-rendered library alone, no wasm;
//   app          dist/ as shipped.
// Per variant, medians over RUNS (default 5) of: first contentful paint,
// main-thread task, layout and style time 2.5 s after navigation
// (CDP Performance.getMetrics), and for the app the wasm functions
// compiled lazily (they compile on first call, on the main thread).
//   (cd end2end && node bench/floor.mjs)
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveDist } from '../../tools/serve-dist.mjs';
import { launch } from '../support/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const dist = process.env.DIST_DIR ?? resolve('../dist');
const scratch = mkdtempSync(join(tmpdir(), 'atlas-floor-'));
const blank = join(scratch, 'blank');
const bare = join(scratch, 'static');
writeFileSync(join(scratch, 'blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><ol><li>Hello</li></ol></body></html>');
cpSync(join(scratch, 'blank.html'), join(blank, 'index.html'), { recursive: true });
cpSync(dist, bare, { recursive: true });
const index = readFileSync(join(bare, 'index.html'), 'utf8').replace(/<script\b[\s\S]*?<\/script>/g, '');
writeFileSync(join(bare, 'index.html'), index);

const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, root] of [['blank', blank], ['static', bare], ['app', dist]]) {
  const server = await serveDist(root, '/', { gzip: true });
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Performance.enable');
    const trace = join(scratch, 'trace.json');
    if (name === 'app') await browser.startTracing(page, { path: trace, categories: ['v8.wasm'] });
    await page.goto(server.url);
    await page.waitForTimeout(2500);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value * 1000]));
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    let lazy = NaN;
    if (name === 'app') {
      await browser.stopTracing();
      const events = JSON.parse(readFileSync(trace, 'utf8')).traceEvents.filter((e) => e.name === 'wasm.CompileLazy');
      lazy = { count: events.length, ms: events.reduce((n, e) => n + (e.dur ?? 0), 0) / 1000 };
    }
    runs.push({ fcp, task: m.TaskDuration, layout: m.LayoutDuration, style: m.RecalcStyleDuration, lazy });
    await context.close();
  }
  await server.close();
  const ms = (k) => `${Math.round(median(runs.map((r) => r[k])))} ms`;
  const lazy = name === 'app' ? `  wasm compiled lazily: ${median(runs.map((r) => r.lazy.count))} functions, ${Math.round(median(runs.map((r) => r.lazy.ms)))} ms` : '';
  console.log(`${name.padEnd(7)} first paint ${ms('fcp')}  main-thread tasks ${ms('task')}  layout ${ms('layout')}  style ${ms('style')}${lazy}`);
}
await browser.close();
rmSync(scratch, { recursive: true, force: true });
