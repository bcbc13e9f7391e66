// The start-up measurement both bench/startup.mjs and bench/scale.mjs take,
// in one place so they agree on what "shown" and "interactive" mean.
// Injected before the page's own scripts, it records in window.__startup,
// from navigation start (performance.now):
//   shown        — the library's document list is in the DOM and the boot
//                  message is gone;
//   interactive  — the first moment after that when the main thread runs a
//                  task posted then (so a click would be handled);
//   started      — when Trunk's loader had instantiated and started the wasm
//                  (its TrunkApplicationStarted event; window.__wasm is then
//                  the instance's exports, for its memory);
//   painted      — first contentful paint: with the pre-rendered library
//                  (tools/prerender.mjs) the library is on screen from here;
//   longTasks    — [start, duration] of every main-thread task over 50 ms.

/** The init script (runs in the page). */
export function startupProbe() {
  window.__startup = { longTasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__startup.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__startup.painted = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__startup.started = performance.now();
    window.__wasm = e.detail.wasm;
  });
  const check = () => {
    if (window.__startup.shown) return;
    if (document.querySelector('[data-testid="doc-list"]') && !document.getElementById('boot')) {
      window.__startup.shown = performance.now();
      setTimeout(() => (window.__startup.interactive = performance.now()), 0);
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

/** Network profiles for `openMeasured`: Lighthouse's "slow 4G" as applied throttling. */
export const NETWORKS = {
  slow4g: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};

/**
 * Opens `url` in a fresh context (no HTTP cache, no service worker) with
 * the CPU slowed `throttle`× (and the network set to `NETWORKS[network]`,
 * if given), and waits until it is interactive.
 */
export async function openMeasured(browser, url, { throttle = 1, network, timeout = 30000 } = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  if (throttle > 1 || network) {
    const cdp = await context.newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    if (network) {
      if (!NETWORKS[network]) throw new Error(`unknown network profile ${network} (have: ${Object.keys(NETWORKS).join(', ')})`);
      await cdp.send('Network.emulateNetworkConditions', NETWORKS[network]);
    }
  }
  await page.addInitScript(startupProbe);
  await page.goto(url);
  await page.waitForFunction(() => window.__startup?.interactive !== undefined, null, { timeout });
  return { context, page };
}
