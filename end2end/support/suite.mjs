// The shared fixture of a browser test file: dist/ served on loopback and
// one headless Chromium, started before the file's tests and closed after.
import { before, after } from 'node:test';
import { serveDist } from '../../tools/serve-dist.mjs';
import { launch } from './browser.mjs';

/**
 * Registers the hooks; `ctx.server` and `ctx.browser` are set once they ran.
 * `root` serves another build than dist/ (e.g. a fixture corpus).
 */
export function appSuite({ root } = {}) {
  const ctx = { server: null, browser: null };
  before(async () => {
    ctx.server = await serveDist(root);
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}
