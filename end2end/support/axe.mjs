// Runs axe-core (the npm package, injected from node_modules) in the page
// and returns its violations in a form that reads well in a failed assert.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';

const require = createRequire(import.meta.url);
const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.x A/AA rules plus best practices; returns [] when clean. */
export async function axeViolations(page) {
  await page.addScriptTag({ content: source }).catch(async () => {
    // A strict CSP blocks inline scripts: evaluate the source instead.
    await page.evaluate(source);
  });
  const results = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
