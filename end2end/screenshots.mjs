// Regenerates the README screenshots from the built dist/:
//   (cd end2end && node screenshots.mjs)
import { resolve } from 'node:path';
import { serveDist } from '../tools/serve-dist.mjs';
import { launch, newPage, appReady } from './support/browser.mjs';

const out = resolve('../docs');
const server = await serveDist(process.env.DIST_DIR ?? resolve('../dist'));
const browser = await launch();
const shots = [
  ['#/', 'screenshot-library.png', { width: 1200, height: 1000 }, null],
  ['#/doc/003_e16917e1f304fc4f?block=12', 'screenshot-reader.png', { width: 1200, height: 900 }, '#ref-14'],
];
for (const [path, file, viewport, click] of shots) {
  const page = await newPage(browser, { viewport });
  await page.goto(server.url + path);
  await appReady(page);
  if (click) await page.click(click);
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/${file}` });
  if (page.problems.length) console.error(file, page.problems);
}
await browser.close();
await server.close();
