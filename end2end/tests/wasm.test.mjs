// The page's wasm as built: no function so large that Chromium must
// compile a whole app's worth of code for the first screen. wasm-opt would
// inline every single-caller function however large (all pages' views
// ended up in one 110 KB function); index.html caps that at 200 bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = process.env.DIST_DIR ?? resolve('../dist');

/** Byte sizes of every function body in a wasm module's code section. */
function functionSizes(bytes) {
  let at = 8; // magic and version
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 10) {
      const sizes = [];
      for (let n = leb(); n > 0; n--) {
        const body = leb();
        sizes.push(body);
        at += body;
      }
      return sizes;
    }
    at = end;
  }
  throw new Error('no code section');
}

test('no function in the page wasm is over 32 KB', () => {
  const file = readdirSync(dist).find((f) => f.startsWith('far-east-atlas-') && f.endsWith('_bg.wasm'));
  assert.ok(file, `a page wasm in ${dist}`);
  const sizes = functionSizes(readFileSync(join(dist, file)));
  assert.ok(sizes.length > 1000, `${sizes.length} functions`);
  const largest = Math.max(...sizes);
  assert.ok(largest < 32 * 1024, `largest function ${largest} B`);
});
