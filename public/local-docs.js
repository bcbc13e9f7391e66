// The reader's own documents, for src/local.rs: storage in IndexedDB and
// the pipeline worker. Plain browser APIs behind a small promise-based
// surface on window.atlasLocal; every failure becomes an Error whose
// message is a sentence the app can show as it is.
//
// Only *sources* are stored ({key, name, title, text, added}); the pipeline
// rebuilds documents from them on each visit, so a stored document always
// goes through the current pipeline. One transaction per change: if the
// browser refuses a write (quota, private mode), the transaction aborts and
// what was already stored stays as it was.
(() => {
  const DB_NAME = 'far-east-atlas';
  const STORE = 'documents';
  const OPEN_TIMEOUT_MS = 5000;
  let opening = null;

  function readable(error) {
    if (error?.name === 'QuotaExceededError') {
      return new Error('The browser has no storage space left for this document (storage quota exceeded). Nothing already stored was lost.');
    }
    return new Error(`The browser could not store this (${error?.message ?? error}). Nothing already stored was lost.`);
  }

  function db() {
    if (!opening) {
      opening = new Promise((resolve, reject) => {
        if (!self.indexedDB) {
          reject(new Error('This browser offers no storage for documents (IndexedDB is unavailable, e.g. in some private windows).'));
          return;
        }
        let request;
        try {
          request = indexedDB.open(DB_NAME, 1);
        } catch (error) {
          reject(readable(error));
          return;
        }
        // An open waits behind another tab's upgrade or deletion for as
        // long as that tab keeps it: give up after a while, so start-up can
        // say so instead of "Reading…" for ever.
        let timedOut = false;
        const timer = setTimeout(
          () => (timedOut = true) && reject(new Error(`Your stored documents could not be opened: storage did not answer within ${OPEN_TIMEOUT_MS / 1000} s (another tab of this site may be upgrading or deleting it; close it and reload). The papers that come with the app are unaffected.`)),
          OPEN_TIMEOUT_MS,
        );
        request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
        request.onsuccess = () => {
          clearTimeout(timer);
          const database = request.result;
          if (timedOut) {
            database.close();
            return;
          }
          // Another tab wants to upgrade or delete: let it, and reopen next time.
          database.onversionchange = () => {
            database.close();
            opening = null;
          };
          resolve(database);
        };
        request.onerror = () => {
          clearTimeout(timer);
          reject(new Error(`Your stored documents could not be opened (${request.error?.message ?? 'unknown error'}); the papers that come with the app are unaffected.`));
        };
        request.onblocked = () => reject(new Error('Storage is busy in another tab of this site; close it and try again.'));
      });
      opening.catch(() => {
        opening = null;
      });
    }
    return opening;
  }

  /** Runs `work(store)` in one transaction; resolves with what it returns once committed. */
  async function transaction(mode, work) {
    const database = await db();
    return new Promise((resolve, reject) => {
      let tx;
      let result;
      try {
        tx = database.transaction(STORE, mode);
        result = work(tx.objectStore(STORE));
      } catch (error) {
        try {
          tx?.abort();
        } catch {
          // Already finished.
        }
        reject(readable(error));
        return;
      }
      tx.oncomplete = () => resolve(typeof result === 'object' && result && 'result' in result ? result.result : undefined);
      tx.onerror = (event) => {
        event.preventDefault();
        reject(readable(tx.error ?? event.target?.error));
      };
      tx.onabort = () => reject(readable(tx.error));
    });
  }

  // --- the pipeline worker -------------------------------------------------
  let worker = null;
  let next = 0;
  const pending = new Map();

  function pipeline() {
    if (!worker) {
      worker = new Worker(new URL('pipeline-worker.js', document.baseURI));
      worker.onmessage = (event) => {
        const answer = event.data ?? {};
        const waiting = pending.get(answer.id);
        if (!waiting) return;
        pending.delete(answer.id);
        if (answer.ok) {
          waiting.resolve([answer.reports, answer.corpus, answer.index, answer.ms]);
        } else {
          if (answer.fatal) stop();
          waiting.reject(new Error(answer.error));
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        const message = `The document pipeline could not start (${event.message || 'worker error'}).`;
        for (const waiting of pending.values()) waiting.reject(new Error(message));
        pending.clear();
        stop();
      };
    }
    return worker;
  }

  function stop() {
    worker?.terminate();
    worker = null;
  }

  window.atlasLocal = {
    /**
     * Every stored record, oldest first, as a JSON array of each record's
     * own JSON text. A record JSON
     * cannot write (a value from another app or a damaged store: a BigInt,
     * a cycle) becomes {key, unreadable: why}, so src/local.rs can name it
     * and restore the rest; nothing here converts a field it has not
     * type-checked.
     */
    list: () =>
      transaction('readonly', (store) => store.getAll()).then((records) => {
        const added = (r) => (r && typeof r.added === 'string' ? r.added : '');
        // A lone surrogate (only a damaged store holds one: the app writes
        // what Rust wrote) becomes U+FFFD rather than costing the record.
        const heal = (k, v) => (typeof v === 'string' && !v.isWellFormed() ? v.toWellFormed() : v);
        const rows = (Array.isArray(records) ? records : []).map((record) => {
          try {
            return JSON.stringify(record, heal) ?? JSON.stringify({ unreadable: 'it is empty' });
          } catch (error) {
            const key = record && typeof record.key === 'string' ? record.key : undefined;
            return JSON.stringify({ key, unreadable: `it holds data this app cannot read back${error?.name ? `: ${error.name}` : ''}` });
          }
        });
        const order = rows.map((row, i) => [added(records[i]), i]).sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
        // Each record's JSON as a string of its own, so one that Rust
        // cannot read costs only itself.
        return JSON.stringify(order.map(([, i]) => rows[i]));
      }),
    /** Stores the sources of a JSON array (all or none). */
    put: (json) =>
      transaction('readwrite', (store) => {
        for (const record of JSON.parse(json)) store.put(record);
      }),
    /** Removes the source stored under `key`. */
    remove: (key) => transaction('readwrite', (store) => store.delete(String(key))),
    /** Runs the pipeline worker: resolves to [reportsJson, corpusBytes, indexBytes, ms]. */
    build: (sourcesJson, base) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve, reject });
        try {
          pipeline().postMessage({ id, sources: sourcesJson, base }, [base.buffer]);
        } catch (error) {
          pending.delete(id);
          reject(new Error(`The document pipeline could not be reached (${error?.message ?? error}).`));
        }
      }),
  };
})();
