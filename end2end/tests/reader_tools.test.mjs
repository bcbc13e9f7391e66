// Reading aids: contents, note pop-overs with a way back, the language
// switch and paragraph permalinks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, appReady } from '../support/browser.mjs';
import { appSuite } from '../support/suite.mjs';

const ctx = appSuite();

async function open(path, options) {
  const page = await newPage(ctx.browser, options);
  await page.goto(`${ctx.server.url}${path}`);
  await appReady(page);
  await page.waitForSelector('[data-testid="reader"]');
  return page;
}

test('at every width a jumped-to heading is uncovered: the header never sits on it', async () => {
  for (const width of [320, 390, 800, 1280]) {
    const page = await open('#/doc/001_6225201a47dae885', { viewport: { width, height: 700 } });
    await page.locator('[data-testid="toc"] a', { hasText: 'Third Stage: Strategic Conjunction' }).click();
    const seen = await page.evaluate(() => {
      const target = document.activeElement;
      const r = target.getBoundingClientRect();
      // What a reader sees at the heading's first line: the heading itself.
      const at = document.elementFromPoint(r.left + 4, r.top + 4);
      const header = document.querySelector('.site-header').getBoundingClientRect();
      return { top: Math.round(r.top), covered: !target.contains(at), headerBottom: Math.round(header.bottom) };
    });
    assert.ok(seen.top >= 0 && seen.top < 700, `${width} px: heading in view (${JSON.stringify(seen)})`);
    assert.equal(seen.covered, false, `${width} px: heading covered (${JSON.stringify(seen)})`);
    await page.context().close();
  }
});

test('the table of contents jumps to a heading and leaves a permalink', async () => {
  const page = await open('#/doc/001_6225201a47dae885', { viewport: { width: 1000, height: 700 } });
  const link = page.locator('[data-testid="toc"] a', { hasText: 'Third Stage: Strategic Conjunction' });
  await link.click();
  const id = await page.evaluate(() => document.activeElement.id);
  assert.match(id, /^b-\d+$/);
  const top = await page.$eval(`#${id}`, (el) => el.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 700, `heading in view (top ${top})`);
  assert.match(await page.textContent(`#${id}`), /Third Stage/);
  assert.ok(page.url().endsWith(`?block=${id.slice(2)}`), page.url());
  assert.deepEqual(page.problems, []);
});

test('a note marker opens its note, and the note leads back to the text', async () => {
  const page = await open('#/doc/003_e16917e1f304fc4f');
  const marker = page.locator('#ref-3');
  await marker.click();
  const pop = page.locator('.note-pop:popover-open');
  await pop.waitFor();
  assert.match(await pop.textContent(), /Medvedev, Dmitry/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.note-pop:popover-open').count(), 0);
  await page.click('#note-3 .back');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ref-3');
  assert.deepEqual(page.problems, []);
});

test('a marker whose note text the source lost says so', async () => {
  const page = await open('#/doc/003_e16917e1f304fc4f');
  await page.click('#ref-100');
  assert.match(await page.locator('.note-pop:popover-open').textContent(), /Note text not in the source/);
  assert.match(await page.textContent('#note-100'), /Note text not in the source/);
});

test('the language switch hides and shows text not in English', async () => {
  const page = await open('#/doc/004_e430e81422721e95');
  const russian = page.locator('[lang="ru"]').first();
  assert.ok(await russian.isVisible(), 'Russian text visible by default');
  await page.uncheck('[data-testid="lang-switch"] input');
  assert.equal(await page.locator('[lang="ru"]:visible').count(), 0);
  assert.ok((await page.locator('[data-testid="para"]:visible').count()) > 20, 'English paragraphs stay');
  await page.check('[data-testid="lang-switch"] input');
  assert.ok(await russian.isVisible());
});

test('the permalink button copies the paragraph link and updates the address bar', async () => {
  const page = await open('#/doc/002_e63e79a699b4910e');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(ctx.server.url).origin });
  const para = page.locator('[data-testid="para"]').nth(3);
  const id = await para.getAttribute('id');
  await para.hover();
  await para.locator('.permalink').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent.length > 0);
  assert.ok(page.url().endsWith(`#/doc/002_e63e79a699b4910e?block=${id.slice(2)}`), page.url());
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());
  // The copied link opens the same paragraph.
  const again = await open(new URL(copied).hash);
  await again.waitForSelector(`#${id}.target`);
});

test('abstracts, keywords and the DOI are shown as metadata, not body text', async () => {
  const page = await open('#/doc/004_e430e81422721e95');
  const head = await page.textContent('.reader-head');
  assert.match(head, /10\.22363\/2313-0660-2024-24-2-181-191/);
  assert.ok((await page.locator('[data-testid="abstract"]').count()) >= 2, 'English and Russian abstracts');
  const body = await page.textContent('[data-testid="reader-body"]');
  assert.doesNotMatch(body, /For citation:|Creative Commons|Key words:/);
});
