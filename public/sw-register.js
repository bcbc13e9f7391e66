// Registers the service worker and tells the app (through window events)
// when the app is available offline and when a new version is waiting.
// The app answers the prompt with an `atlas:apply-update` event.
(function () {
  if (!('serviceWorker' in navigator)) return;
  const say = (name) => window.dispatchEvent(new CustomEvent(name));
  // Reload only when the reader asked for the new version: the first
  // install also changes the controller (clients.claim) and must not reload.
  let updateRequested = false;
  let refreshing = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!updateRequested || refreshing) return;
    refreshing = true;
    location.reload();
  });
  window.addEventListener('atlas:apply-update', () => {
    updateRequested = true;
    navigator.serviceWorker.getRegistration().then((reg) => {
      if (reg && reg.waiting) reg.waiting.postMessage({ type: 'atlas-skip-waiting' });
    });
  });
  const watch = (reg) => {
    if (reg.waiting && navigator.serviceWorker.controller) say('atlas:update-ready');
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed') say(navigator.serviceWorker.controller ? 'atlas:update-ready' : 'atlas:offline-ready');
      });
    });
  };
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('./sw.js')
      .then((reg) => {
        watch(reg);
        return navigator.serviceWorker.ready;
      })
      .then((reg) => {
        if (reg.active && !reg.waiting) say('atlas:offline-ready');
      })
      .catch((err) => console.info('Far East Atlas: offline mode unavailable:', err.message));
  });
})();
