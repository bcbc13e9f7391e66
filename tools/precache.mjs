// Trunk post-build hook: writes sw.js into the staging folder with the list
// of every file of this build (Trunk's content-hashed names), so the service
// worker's precache can never go stale. The cache name is a hash of that
// list: a new build means a new cache, and the old one is deleted when the
// new worker activates. Debug builds (`trunk serve`) get a worker that
// caches nothing, so live reload is never served stale files.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('precache.mjs: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(relative(staging, path).split('\\').join('/'));
  }
  return out;
}

const list = (await files(staging)).filter((f) => f !== 'sw.js' && !f.startsWith('.')).sort();
const hash = createHash('sha256');
for (const file of list) hash.update(file).update(await readFile(join(staging, file)));
const version = hash.digest('hex').slice(0, 16);
const template = await readFile(new URL('./sw.template.js', import.meta.url), 'utf8');
const sw = template
  .replace('__VERSION__', release ? version : `dev-${version}`)
  .replace('__PRECACHE__', JSON.stringify(release ? ['./', ...list] : []));
await writeFile(join(staging, 'sw.js'), sw);
console.log(`precache.mjs: sw.js ${release ? `precaches ${list.length + 1} URLs` : 'caches nothing (debug build)'}, version ${version}`);
