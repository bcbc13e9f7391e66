// Benchmark (not a test): Lighthouse against the built dist/, served on
// loopback, in Debian Chromium (never a downloaded browser). Prints the
// category scores for Lighthouse's default mobile profile (simulated slow
// 4G and 4x CPU slowdown) and for its desktop profile, and every audit
// that did not pass, so a lost point says why.
//   cargo xtask lighthouse     or   (cd end2end/lighthouse && npm ci && node run.mjs)
// PROFILE=mobile or PROFILE=desktop runs one of the two. THROTTLING=devtools
// slows the real load instead of simulating it from a fast one: the
// simulation cannot see the pre-rendered library, because on loopback the
// app has replaced it before the first paint.
import { resolve } from 'node:path';
import lighthouse from 'lighthouse';
import desktop from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { serveDist } from '../../tools/serve-dist.mjs';

const server = await serveDist(process.env.DIST_DIR ?? resolve('../../dist'), '/', { gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
let failed = false;
try {
  const profiles = [['mobile', undefined], ['desktop', desktop]].filter(([p]) => !process.env.PROFILE || process.env.PROFILE === p);
  for (const [profile, config] of profiles) {
    const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES };
    if (process.env.THROTTLING) flags.throttlingMethod = process.env.THROTTLING;
    const result = await lighthouse(server.url, flags, config);
    const lhr = result.lhr;
    if (lhr.runtimeError) {
      console.error(`lighthouse ${profile}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      failed = true;
      continue;
    }
    const scores = CATEGORIES.map((c) => `${lhr.categories[c].title} ${Math.round(lhr.categories[c].score * 100)}`);
    console.log(`lighthouse ${profile}: ${scores.join(' · ')}`);
    const m = lhr.audits;
    console.log(
      `  FCP ${m['first-contentful-paint'].displayValue} · LCP ${m['largest-contentful-paint'].displayValue} · TBT ${m['total-blocking-time'].displayValue} · CLS ${m['cumulative-layout-shift'].displayValue} · SI ${m['speed-index'].displayValue}`,
    );
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c].auditRefs) {
        const a = m[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) {
          console.log(`  ${c}: ${a.id} (${a.score}) ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`);
        }
      }
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}
process.exit(failed ? 1 : 0);
