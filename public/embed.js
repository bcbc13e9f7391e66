// Far East Atlas embed protocol, version 1 (documented in README.md).
//
// Active only when the page is framed with ?embed=1. Commands from the host
// become URL fragment changes, so embedding drives the same URL model as a
// reader clicking around; events to the host are derived from that URL.
// Messages are validated (shape and types) and accepted only from allowed
// origins: ?origins=<comma-separated list> if the host gives one, otherwise
// the embedding parent's origin. Anything else is ignored and logged.
(function () {
  const params = new URLSearchParams(location.search);
  if (params.get('embed') !== '1') return;
  // The `embed` class and ?theme= are set by boot.js, before the first paint.

  const VERSION = 1;
  const parentOrigin = (() => {
    try {
      return document.referrer ? new URL(document.referrer).origin : null;
    } catch {
      return null;
    }
  })();
  const allowed = params.get('origins')
    ? params.get('origins').split(',').map((o) => o.trim()).filter(Boolean)
    : parentOrigin ? [parentOrigin] : [];
  const host = window.parent !== window ? window.parent : null;
  const send = (message) => {
    if (!host) return;
    host.postMessage({ ...message, source: 'far-east-atlas', version: VERSION }, parentOrigin && allowed.includes(parentOrigin) ? parentOrigin : '*');
  };
  // The reason only, not the message itself: a console that keeps every
  // logged object (DevTools open, a test harness) would keep a hostile
  // host's megabyte payloads alive, burst after burst.
  const ignore = (why) => console.info(`Far East Atlas embed: ignored message (${why})`);

  const enc = encodeURIComponent;
  const isStr = (v) => typeof v === 'string';
  // A field as words for a rejection message. Never converts the value
  // itself: a cloned object may carry `toString: 1`, and `${value}` would
  // throw a TypeError out of the message handler.
  const shown = (v) => {
    if (isStr(v)) return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (v === null) return 'null';
    if (v === undefined) return 'nothing';
    return Array.isArray(v) ? 'an array' : `a value of type ${typeof v}`;
  };
  const FACETS = ['doc', 'author', 'year', 'topic', 'place', 'person', 'org', 'lang'];
  const VIEWS = { map: 'map', topics: 'topics', timeline: 'timeline', figures: 'figures', people: 'people' };
  const currentFilters = () => {
    const m = location.hash.match(/^#\/(?:search|map|topics|timeline|figures|people)(\?[^#]*)?$/);
    return m && m[1] ? m[1].replace(/&?view=flat/, '') : '';
  };
  const COMMANDS = {
    setQuery(msg) {
      if (!isStr(msg.query) || msg.query.length > 1000) return 'query must be a string of at most 1000 characters';
      location.hash = `#/search?q=${enc(msg.query)}`;
    },
    setView(msg) {
      if (!isStr(msg.view)) return `view must be a string, not ${shown(msg.view)}`;
      if (msg.view === 'library') location.hash = '#/';
      else if (msg.view === 'search') location.hash = `#/search?q=${enc(isStr(msg.query) ? msg.query : '')}`;
      else if (Object.hasOwn(VIEWS, msg.view)) location.hash = `#/${VIEWS[msg.view]}${currentFilters()}`;
      else if (msg.view === 'document') {
        if (!isStr(msg.doc) || !msg.doc || msg.doc.length > 200) return 'document view needs a doc id (a string of at most 200 characters)';
        if (msg.block !== undefined && !(Number.isInteger(msg.block) && msg.block >= 0)) return 'block must be a non-negative integer';
        location.hash = `#/doc/${enc(msg.doc)}${msg.block !== undefined ? `?block=${msg.block}` : ''}`;
      } else return 'view must be library, search, document, map, topics, timeline, figures or people';
    },
    setFilters(msg) {
      const f = msg.filters;
      if (typeof f !== 'object' || f === null || Array.isArray(f)) return 'filters must be an object';
      const params = [];
      for (const [key, value] of Object.entries(f)) {
        if (key === 'q') {
          if (!isStr(value) || value.length > 1000) return 'q must be a string of at most 1000 characters';
          if (value) params.push(`q=${enc(value)}`);
        } else if (key === 'mentioned') {
          if (!Array.isArray(value) || value.length !== 2 || !value.every(Number.isInteger)) return 'mentioned must be [from, to] years';
          params.push(`mentioned=${value[0]}-${value[1]}`);
        } else if (FACETS.includes(key)) {
          const values = Array.isArray(value) ? value : [value];
          const ok = values.length <= 50 && (key === 'year' ? values.every(Number.isInteger) : values.every((v) => isStr(v) && v.length <= 200));
          if (!ok) return `${key} must be ${key === 'year' ? 'integers' : 'strings of at most 200 characters'} (at most 50)`;
          for (const v of values) params.push(`${key}=${enc(String(v))}`);
        } else return `unknown filter ${shown(key)}`;
      }
      // Filters apply to the current view when it takes them, else to search results.
      const m = location.hash.match(/^#\/(search|map|topics|timeline|figures|people)(?:\?|$)/);
      const view = m ? m[1] : 'search';
      location.hash = `#/${view}${params.length ? `?${params.join('&')}` : ''}`;
    },
  };

  const handle = (event) => {
    const msg = event.data;
    if (!allowed.includes(event.origin)) return ignore(`origin ${shown(event.origin)} is not allowed`);
    if (typeof msg !== 'object' || msg === null || msg.type !== 'atlas:command') return ignore('not an atlas:command object');
    if (msg.version !== VERSION) return ignore(`unsupported version ${shown(msg.version)}`);
    const run = isStr(msg.command) && Object.hasOwn(COMMANDS, msg.command) ? COMMANDS[msg.command] : null;
    if (!run) return ignore(`unknown command ${shown(msg.command)}`);
    const problem = run(msg);
    if (problem) ignore(problem);
  };
  window.addEventListener('message', (event) => {
    // The checks above convert nothing they have not type-checked; this is
    // the last line for a shape they did not foresee: a message must never
    // throw out of the handler (the host cannot see it, the reader's
    // console fills with errors).
    try {
      handle(event);
    } catch (e) {
      ignore(`malformed command (${e && typeof e.message === 'string' ? e.message : 'unreadable'})`);
    }
  });

  // Events: what the reader selected, derived from the URL.
  const selection = () => {
    const place = location.hash.match(/^#\/map\?(.*)$/);
    if (place) {
      const chosen = new URLSearchParams(place[1]).getAll('place');
      return chosen.length ? { kind: 'place', place: chosen[chosen.length - 1], places: chosen } : null;
    }
    const m = location.hash.match(/^#\/doc\/([^?]+)(?:\?(.*))?$/);
    if (!m) return null;
    const query = new URLSearchParams(m[2] || '');
    const doc = decodeURIComponent(m[1]);
    return query.has('block') ? { kind: 'passage', doc, block: Number(query.get('block')) } : { kind: 'document', doc };
  };
  const announce = () => {
    const sel = selection();
    send({ type: 'atlas:navigate', hash: location.hash || '#/' });
    if (sel) send({ type: 'atlas:select', ...sel });
  };
  window.addEventListener('hashchange', announce);
  // replaceState (permalinks, contents) does not fire hashchange: watch it too.
  const replace = history.replaceState.bind(history);
  history.replaceState = (...args) => {
    replace(...args);
    announce();
  };
  // The search box pushes its first keystroke's URL: announce that too.
  const push = history.pushState.bind(history);
  history.pushState = (...args) => {
    push(...args);
    announce();
  };

  // Height, for auto-sizing frames.
  let lastHeight = 0;
  const height = () => Math.ceil(document.documentElement.scrollHeight);
  const resize = () => {
    const h = height();
    if (h !== lastHeight) {
      lastHeight = h;
      send({ type: 'atlas:resize', height: h });
    }
  };
  window.addEventListener('TrunkApplicationStarted', () => {
    requestAnimationFrame(() => {
      lastHeight = height();
      send({ type: 'atlas:ready', height: lastHeight, hash: location.hash || '#/' });
      new ResizeObserver(resize).observe(document.body);
    });
  });
})();
