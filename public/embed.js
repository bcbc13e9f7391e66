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
  document.documentElement.classList.add('embed');
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;

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
  const ignore = (why, data) => console.info(`Far East Atlas embed: ignored message (${why})`, data);

  const enc = encodeURIComponent;
  const isStr = (v) => typeof v === 'string';
  const COMMANDS = {
    setQuery(msg) {
      if (!isStr(msg.query) || msg.query.length > 1000) return 'query must be a string of at most 1000 characters';
      location.hash = `#/search?q=${enc(msg.query)}`;
    },
    setView(msg) {
      if (msg.view === 'library') location.hash = '#/';
      else if (msg.view === 'search') location.hash = `#/search?q=${enc(isStr(msg.query) ? msg.query : '')}`;
      else if (msg.view === 'document') {
        if (!isStr(msg.doc) || !msg.doc) return 'document view needs a doc id';
        if (msg.block !== undefined && !(Number.isInteger(msg.block) && msg.block >= 0)) return 'block must be a non-negative integer';
        location.hash = `#/doc/${enc(msg.doc)}${msg.block !== undefined ? `?block=${msg.block}` : ''}`;
      } else return 'view must be library, search or document';
    },
    setFilters(msg) {
      if (typeof msg.filters !== 'object' || msg.filters === null || Array.isArray(msg.filters)) return 'filters must be an object';
      return 'filters are not supported by this version yet';
    },
  };

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!allowed.includes(event.origin)) return ignore(`origin ${event.origin} is not allowed`, msg);
    if (typeof msg !== 'object' || msg === null || msg.type !== 'atlas:command') return ignore('not an atlas:command object', msg);
    if (msg.version !== VERSION) return ignore(`unsupported version ${msg.version}`, msg);
    const run = Object.hasOwn(COMMANDS, msg.command) ? COMMANDS[msg.command] : null;
    if (!run) return ignore(`unknown command ${msg.command}`, msg);
    const problem = run(msg);
    if (problem) ignore(problem, msg);
  });

  // Events: what the reader selected, derived from the URL.
  const selection = () => {
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
