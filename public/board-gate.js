// Put at the end of the head by `board-prerender`, beside a pre-rendered first page:
// `async blocking="render"`, so the parser goes on to the rows while the browser paints nothing
// before this has run. When the page was opened on another board state (a shared ?post=… or
// ?page=… link, a search, English), the pre-rendered page 1 is the wrong page: board.css then
// shows "loading" in its place until the app mounts, so no one sees the list flash before their
// article. And when the host page has query parameters of its own (a portal's
// `board.do?menuNo=200123`), the pre-rendered links get them too, as the app's links do, so a
// click before the app is up keeps the portal's state. For those other states it also asks at
// once for the app's code and first data files (`data-preload…`). An external file, so a strict
// Content-Security-Policy (no inline script) still holds.
(function () {
  // The board's URL keys: the same list as `board_core::host_url::KEYS` (a test compares them).
  var keys = ['post', 'page', 'size', 'q', 'field', 'dept', 'cat', 'from', 'to', 'sort', 'lang', 'typed'];
  var script = document.currentScript;
  var prefix = (script && script.getAttribute('data-param-prefix')) || '';
  var owned = function (name) {
    return name.slice(0, prefix.length) === prefix && keys.indexOf(name.slice(prefix.length)) >= 0;
  };
  var nameOf = function (segment) {
    var raw = segment.split('=')[0].replace(/\+/g, ' ');
    try { return decodeURIComponent(raw); } catch (e) { return raw; }
  };
  // What the pre-rendered page is: page 1 in its language (prerender writes it on this tag).
  var shown = { page: '1', lang: (script && script.getAttribute('data-lang')) || 'ko' };
  var valueOf = function (segment) {
    var raw = segment.slice(segment.indexOf('=') + 1).replace(/\+/g, ' ');
    if (segment.indexOf('=') < 0) return '';
    try { return decodeURIComponent(raw); } catch (e) { return raw; }
  };
  var search = window.location.search.replace(/^\?/, '');
  var segments = search ? search.split('&').filter(Boolean) : [];
  var other = segments.some(function (s) {
    var name = nameOf(s);
    if (!owned(name)) return false;
    var key = name.slice(prefix.length);
    return !(key in shown && shown[key] === valueOf(s));
  });
  if (other) {
    document.documentElement.setAttribute('data-esg-board-state', 'other');
    // That state waits for the app: ask now for what it fetches one after another (the app's
    // code, then its data), as prerender named them on this tag. Not for page 1, whose rows
    // are in the page: there the wasm would compete with the page's own first paint.
    var preload = function (href, rel) {
      var link = document.createElement('link');
      link.rel = rel;
      link.href = href;
      if (rel === 'preload') {
        link.as = 'fetch';
        link.crossOrigin = 'anonymous';
        if (/\.wasm$/.test(href)) link.type = 'application/wasm';
      }
      document.head.appendChild(link);
    };
    var named = function (attr) {
      return ((script && script.getAttribute(attr)) || '').split(' ').filter(Boolean);
    };
    // This script is async: when boot.js ran first, the app is already fetching its code (a
    // preload now would fetch the wasm twice); its data it asks for only once the wasm runs.
    var booted = document.documentElement.hasAttribute('data-esg-board-boot');
    if (booted) document.documentElement.setAttribute('data-esg-board-boot', 'before-gate');
    if (!booted) named('data-preload-module').forEach(function (href) { preload(href, 'modulepreload'); });
    named('data-preload').forEach(function (href) {
      if (!(booted && /\.wasm$/.test(href))) preload(href, 'preload');
    });
  }
  var hostParams = segments.filter(function (s) { return !owned(nameOf(s)); });
  if (!hostParams.length) return;
  var fix = function () {
    var links = document.querySelectorAll('[data-board-prerendered] a[href^="?"]');
    for (var i = 0; i < links.length; i++) {
      var board = links[i].getAttribute('href').slice(1).split('&').filter(Boolean);
      links[i].setAttribute('href', '?' + hostParams.concat(board).join('&'));
    }
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', fix);
  } else {
    fix();
  }
})();
