// Dedicated web worker: the atlas-core pipeline (the `atlas-worker` crate,
// built by Trunk as a no-modules worker) over a reader's own documents, off
// the page's main thread. Requests come from public/local-docs.js:
//   { id, sources: JSON string of [LocalSource], base: Uint8Array }
// and are answered with
//   { id, ok: true, reports: JSON string, corpus: Uint8Array, index: Uint8Array, ms }
//   { id, ok: false, error: "a sentence for the reader", fatal }
// A panic in the pipeline traps the wasm instance; the answer is then
// `fatal` and the page starts a fresh worker for the next request.
/* global wasm_bindgen */
importScripts('./atlas-worker.js');
const ready = wasm_bindgen({ module_or_path: './atlas-worker_bg.wasm' });

self.onmessage = async (event) => {
  const { id, sources, base } = event.data ?? {};
  try {
    await ready;
    const started = performance.now();
    const [reports, corpus, index] = wasm_bindgen.build_local(String(sources), base);
    const ms = performance.now() - started;
    self.postMessage({ id, ok: true, reports, corpus, index, ms }, [corpus.buffer, index.buffer]);
  } catch (error) {
    const fatal = typeof error !== 'string';
    const message = typeof error === 'string' ? error : `the document pipeline failed (${error?.message ?? error})`;
    self.postMessage({ id, ok: false, error: message, fatal });
  }
};
