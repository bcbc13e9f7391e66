// Seeded generators of hostile input for the browser fuzz sweep
// (tests/hostile_fuzz.test.mjs, `cargo xtask fuzz-browser`).
//
// The values must be made *inside* the page: getters that throw, proxies,
// functions and symbols cannot cross from Node. So each batch is one
// self-contained function, handed to `page.evaluate` (which runs it over
// the DevTools protocol, whatever the page's script policy), carrying its
// own PRNG and generators. A batch returns what it did and any promise it
// saw broken, so a failure names the seed and batch that reproduce it.

/** Mulberry32, for generators that run in Node (the page batch carries its own copy). */
export function rng(seed) {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs in the page. `kind`: 'message' (postMessage commands to the page
 * itself, `count` of them in one task), 'api' (`count` calls of the page
 * API) or 'records' (the store's content replaced by `count` records of
 * random shapes; a promise). Returns `{ sent, kinds, broken: [descriptions] }`.
 */
export function hostileBatch({ seed, kind, count }) {
  let s = seed | 0;
  const r = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const chance = (p) => r() < p;

  const strings = () =>
    pick([
      '', 'x', ' ', 'Kovykta', 'gas', 'Приморский', '中俄', '🙂', '\u0000', '\ud800', '\udfff', '\u202e', '%', '%ZZ', '%E0%A4%A',
      '<script>window.__pwned=1</script>', '" OR -', '#/doc/x', '?q=a&place=b', '../../', 'javascript:alert(1)',
      '003_e16917e1f304fc4f', '002_e63e79a699b4910e:3', 'note:1', '__proto__', 'constructor', 'toString',
      'a'.repeat(1001), 'b'.repeat(201), 'c'.repeat(chance(0.1) ? 1e6 : 1e5),
    ]);
  const deep = (depth, leaf) => {
    let v = leaf;
    for (let i = 0; i < depth; i++) v = chance(0.5) ? [v] : { v };
    return v;
  };
  // Values structured clone can carry (postMessage) ...
  const cloneable = () =>
    pick([
      () => undefined, () => null, () => true, () => false, () => 0, () => -0, () => NaN, () => Infinity, () => -1,
      () => 2 ** 53 + 2, () => 1e308, () => 1.5, () => 3, () => -7, () => 10n ** 30n, strings, strings, strings,
      () => ({}), () => [], () => ({ toString: 1 }), () => ({ valueOf: {} }), () => ({ toString: 1, valueOf: 1 }),
      () => ({ toString: 'x', valueOf: 'y', [Symbol.toPrimitive]: undefined }),
      () => Object.create(null), () => JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}'),
      () => deep(Math.floor(r() * 2000), strings()), () => new Array(1e5).fill('x'), () => Array.from({ length: 1e5 }, (_, i) => i),
      () => new Date(NaN), () => /re/g, () => new Map([[1, 2]]), () => new Set(['a']), () => new ArrayBuffer(8), () => new Uint8Array(16),
      () => new Error('hostile'), () => [strings(), strings()], () => ({ length: 1e9 }),
    ])();
  // ... and values only a direct caller can pass (the page API).
  const direct = () =>
    pick([
      cloneable, cloneable, cloneable,
      () => Symbol('s'), () => () => 'x',
      () => ({ get toString() { throw new Error('getter'); } }),
      () => ({ toString() { throw new Error('toString'); } }),
      () => ({ [Symbol.toPrimitive]() { throw new Error('toPrimitive'); } }),
      () => new Proxy({}, { get() { throw new Error('trap'); }, has() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } }),
      () => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; },
      () => new String('boxed'), () => Object.freeze({ a: 1 }),
    ])();

  const FIELDS = ['query', 'view', 'doc', 'block', 'filters'];
  const FILTER_KEYS = ['q', 'doc', 'author', 'year', 'topic', 'place', 'person', 'org', 'lang', 'mentioned', '__proto__', 'constructor', 'toString', '', 'x'];
  const sane = {
    command: () => pick(['setQuery', 'setView', 'setFilters']),
    query: () => pick(['gas', 'Kovykta', 'Приморский', '']),
    view: () => pick(['library', 'search', 'document', 'map', 'topics', 'timeline', 'figures', 'people']),
    doc: () => pick(['003_e16917e1f304fc4f', '002_e63e79a699b4910e', 'nope']),
    block: () => pick([0, 3, 12]),
    filters: () => ({ [pick(['topic', 'place', 'year', 'q'])]: pick(['energy', 'sakhalin', 2019, 'gas', ['energy', 'trade']]) }),
  };
  const filters = () => {
    if (chance(0.1)) return cloneable();
    const f = JSON.parse('{}');
    const n = Math.floor(r() * 5);
    for (let i = 0; i < n; i++) {
      const key = pick(FILTER_KEYS);
      const value = chance(0.5) ? cloneable() : pick(['energy', 'sakhalin', 2019, 'gas', ['energy', 'trade'], [1990, 2020]]);
      Object.defineProperty(f, key, { value, enumerable: true, configurable: true, writable: true });
    }
    return f;
  };
  const command = () => {
    if (chance(0.05)) return cloneable();
    const msg = {
      type: chance(0.95) ? 'atlas:command' : cloneable(),
      version: chance(0.95) ? 1 : cloneable(),
      command: chance(0.9) ? sane.command() : cloneable(),
    };
    for (const field of FIELDS) {
      if (chance(0.5)) continue;
      msg[field] = field === 'filters' ? filters() : chance(0.5) ? sane[field]() : cloneable();
    }
    return msg;
  };

  if (kind === 'records') {
    // `count` stored records of random shapes replace the store's content
    // (the app restores them at its next start); resolves to how many.
    const field = () => (chance(0.6) ? strings() : cloneable());
    const record = (i) => {
      const rec = { key: `r${i}` };
      if (chance(0.8)) rec.name = chance(0.6) ? pick(['a.txt', 'b.md', 'c.html', 'noext', 'x.pdf']) : field();
      if (chance(0.8)) rec.text = chance(0.6) ? `${strings()} The port of Vanino. ${strings()}` : field();
      if (chance(0.4)) rec.title = field();
      if (chance(0.5)) rec.added = chance(0.5) ? new Date(Math.floor(r() * 2e12)).toISOString() : field();
      if (chance(0.2)) rec[pick(['id', 'body', '__proto__', 'constructor', 'version'])] = field();
      if (chance(0.05)) rec.self = rec;
      return rec;
    };
    return new Promise((ok, fail) => {
      const open = indexedDB.open('far-east-atlas', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('documents', { keyPath: 'key' });
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('documents', 'readwrite');
        const store = tx.objectStore('documents');
        store.clear();
        for (let i = 0; i < count; i++) store.put(record(i));
        tx.oncomplete = () => {
          open.result.close();
          ok({ sent: count, kinds: { records: count }, broken: [] });
        };
        tx.onerror = () => fail(tx.error);
      };
    });
  }

  const broken = [];
  const kinds = {};
  const count1 = (k) => (kinds[k] = (kinds[k] ?? 0) + 1);
  if (kind === 'message') {
    for (let i = 0; i < count; i++) {
      let msg;
      try {
        msg = command();
        window.postMessage(msg, location.origin);
        count1(typeof msg !== 'object' || msg === null ? 'not an object' : ['setQuery', 'setView', 'setFilters'].includes(msg.command) ? msg.command : 'odd command');
      } catch (e) {
        // The clone itself refused (e.g. nesting too deep for the
        // serializer): the sender's error, never the app's.
        count1(`refused by postMessage: ${e.name}`);
      }
    }
  } else if (kind === 'api') {
    const api = window.wasmBindings;
    for (let i = 0; i < count; i++) {
      const fn = pick(['search', 'search', 'select', 'passage']);
      const args = [chance(0.3) ? strings() : direct()];
      if (fn === 'search' && chance(0.7)) args.push(chance(0.3) ? pick(['{}', '{"limit":2}', '{"limit":"x"}', '[', '{"doc":1}', 'null']) : direct());
      count1(fn);
      try {
        const out = api[fn](...args);
        if (typeof out !== 'string') broken.push(`${fn} returned ${typeof out}`);
        else JSON.parse(out);
      } catch (e) {
        broken.push(`${fn}(${args.map((a) => typeof a).join(', ')}) threw ${e && e.name}: ${e && e.message}`);
      }
    }
  }
  return { sent: count, kinds, broken: broken.slice(0, 10) };
}
