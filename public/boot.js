// Runs before the body is parsed (the one script that blocks it; the others
// are deferred, so the pre-rendered library paints without waiting for them).
//
// Embed mode's compact chrome and ?theme= apply from the first paint.
//
// index.html carries a pre-rendered
// library (tools/prerender.mjs) that shows until the app starts; when the
// URL names another view (a deep link, or a snapshot link the reader
// followed before the app was up) the snapshot's library must not show,
// so the root element is marked and main.css hides it.
(function () {
  const root = document.documentElement;
  // The snapshot's "Loading…" line shows only when something will load.
  root.classList.add('js');
  const params = new URLSearchParams(location.search);
  if (params.get('embed') === '1') {
    root.classList.add('embed');
    const theme = params.get('theme');
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  }
  const mark = () => {
    // The same rule as Route::parse: no path segment means the library.
    const path = location.hash.replace(/^#/, '').split('?')[0];
    root.classList.toggle('deep-link', path.split('/').some((s) => s !== ''));
  };
  mark();
  window.addEventListener('hashchange', mark);
})();
