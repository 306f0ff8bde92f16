// Put at the end of the head by `board-prerender`, beside a pre-rendered first page:
// `async blocking="render"`, so the parser goes on to the rows while the browser paints nothing
// before this has run. When the page was opened on another board state (a shared ?post=… or
// ?page=… link, a search, English), the pre-rendered page 1 is the wrong page: board.css then
// shows "loading" in its place until the app mounts, so no one sees the list flash before their
// article. And when the host page has query parameters of its own (a portal's
// `board.do?menuNo=200123`), the pre-rendered links get them too, as the app's links do, so a
// click before the app is up keeps the portal's state. For those other states it also asks at
// once for the app's code and first data files (`data-preload…`); on a board whose articles and
// list pages have pages of their own, a link to one of those shows it from its page meanwhile.
// An external file, so a strict Content-Security-Policy (no inline script) still holds.
(function () {
  // The board's URL keys: the same list as `board_core::host_url::KEYS` (a test compares them).
  var keys = ['post', 'page', 'size', 'q', 'field', 'dept', 'cat', 'from', 'to', 'sort', 'lang', 'typed'];
  var script = document.currentScript;
  var attr = function (name) { return (script && script.getAttribute(name)) || ''; };
  var prefix = attr('data-param-prefix');
  var owned = function (name) {
    return name.slice(0, prefix.length) === prefix && keys.indexOf(name.slice(prefix.length)) >= 0;
  };
  var nameOf = function (segment) {
    var raw = segment.split('=')[0].replace(/\+/g, ' ');
    try { return decodeURIComponent(raw); } catch (e) { return raw; }
  };
  var valueOf = function (segment) {
    var raw = segment.slice(segment.indexOf('=') + 1).replace(/\+/g, ' ');
    if (segment.indexOf('=') < 0) return '';
    try { return decodeURIComponent(raw); } catch (e) { return raw; }
  };
  // What the pre-rendered page is: page 1 in its language, and in its page size when the host
  // page sets one that the board's links then carry (prerender writes them on this tag).
  var shown = { page: '1', lang: attr('data-lang') || 'ko' };
  if (attr('data-size')) shown.size = attr('data-size');
  var search = window.location.search.replace(/^\?/, '');
  var segments = search ? search.split('&').filter(Boolean) : [];
  // The board's parameters in the address, the first of each name as the app reads them, and
  // the keys whose value is not the pre-rendered page's.
  var asked = {};
  var differ = [];
  segments.forEach(function (s) {
    var name = nameOf(s);
    if (!owned(name)) return;
    var key = name.slice(prefix.length);
    if (key in asked) return;
    asked[key] = valueOf(s);
    if (!(key in shown && shown[key] === asked[key])) differ.push(key);
  });
  var other = differ.length > 0;
  // A state that differs in one key only may have a page of its own, pre-rendered beside the
  // board page (`board-build --post-pages`): an article (`?post=N`; this tag names the folder
  // and the lowest and highest 번호, `data-post-pages="post/ 3390 3410"`, as
  // `board_core::model::post_page` names the files), a page of the list (`?page=N`;
  // `data-list-pages="page/ 12"` names the folder and the last page), or the first page of a
  // 담당부서 or 분류 (`?dept=…`, `?cat=…`; named by the value's UTF-8 bytes in hex, as
  // `list_pages::filter_file` names them). That page is fetched at once and shown in place of
  // page 1 while the app is still on its way; the app takes it over as it does page 1. A number
  // outside the range, or a name too long to have a page, asks for no page that cannot be there.
  var filters = ['dept', 'cat'];
  var nameBytes = 120;
  var inRange = function (v, low, high) {
    return /^[1-9][0-9]{0,9}$/.test(v) && Number(v) >= Number(low) && Number(v) <= Number(high);
  };
  var hex = function (v) {
    var coded;
    try { coded = encodeURIComponent(v); } catch (e) { return ''; }
    return coded.replace(/%([0-9A-F]{2})|[^%]/g, function (c, h) {
      return h ? h.toLowerCase() : ('0' + c.charCodeAt(0).toString(16)).slice(-2);
    });
  };
  var posts = attr('data-post-pages').split(' ');
  var lists = attr('data-list-pages').split(' ');
  var own = null;
  var key = differ.length === 1 ? differ[0] : '';
  var value = asked[key];
  if (key === 'post' && posts.length === 3 && inRange(value, posts[1], posts[2])) {
    own = posts[0] + value + '.html';
  } else if (key === 'page' && lists.length === 2 && inRange(value, 2, lists[1])) {
    own = lists[0] + value + '.html';
  } else if (filters.indexOf(key) >= 0 && lists.length === 2) {
    var name = hex(value);
    if (name && name.length <= 2 * nameBytes) own = lists[0] + key + '-' + name + '.html';
  }
  var ownPage = own && window.URL && window.MutationObserver && window.Promise
    ? new URL(own, document.baseURI).href : null;
  var html = document.documentElement;
  if (other) {
    html.setAttribute('data-esg-board-state', 'other');
    // That state waits for the app: ask now for what it fetches one after another (the app's
    // code, then its data), as prerender named them on this tag. Not for page 1, whose rows
    // are in the page: there the wasm would compete with the page's own first paint — as it
    // would with a state's own page, which asks for the wasm only once that page is shown.
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
    var booted = html.hasAttribute('data-esg-board-boot');
    if (booted) html.setAttribute('data-esg-board-boot', 'before-gate');
    if (!booted) named('data-preload-module').forEach(function (href) { preload(href, 'modulepreload'); });
    var wasm = function (href) { return /\.wasm$/.test(href); };
    // Once the app runs (boot.js sets esgBoardWasm as its code starts), it is fetching its data
    // itself: a preload then would fetch each file a second time.
    if (!window.esgBoardWasm) {
      named('data-preload').forEach(function (href) {
        if (!wasm(href)) preload(href, 'preload');
      });
    }
    var preloadWasm = function () {
      if (html.hasAttribute('data-esg-board-boot')) return;
      named('data-preload').filter(wasm).forEach(function (href) { preload(href, 'preload'); });
    };
    if (!ownPage) preloadWasm();
  }
  var hostParams = segments.filter(function (s) { return !owned(nameOf(s)); });
  // Gives the pre-rendered links the host page's own parameters (none: nothing to do).
  var fix = function () {
    if (!hostParams.length) return;
    var links = document.querySelectorAll('[data-board-prerendered] a[href^="?"]');
    for (var i = 0; i < links.length; i++) {
      var board = links[i].getAttribute('href').slice(1).split('&').filter(Boolean);
      links[i].setAttribute('href', '?' + hostParams.concat(board).join('&'));
    }
  };
  // Once, when the page is parsed; a page shown later gets it when it goes in (a page shown
  // before that waits for this one, so no link gets the parameters twice).
  var fixed = false;
  var fixParsed = function () {
    fixed = true;
    fix();
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', fixParsed);
  } else {
    fixParsed();
  }
  if (!ownPage) return;
  // Puts the state's pre-rendered board from its page in place of page 1, unless the app has
  // taken over meanwhile (it removes both page 1 and the mark on <html>).
  var show = function (doc, url) {
    var board = doc.querySelector('[data-board-prerendered=""]');
    var old = document.querySelector('[data-board-prerendered=""]');
    if (!board || !board.querySelector('.board-main') || !old) return;
    if (html.getAttribute('data-esg-board-state') !== 'other') return;
    // Its links are written against its base, the board page: as links of this page they
    // become `?…` again, so the host page's parameters go on them as on page 1's.
    var baseTag = doc.querySelector('base[href]');
    var base = new URL(baseTag ? baseTag.getAttribute('href') : '', url);
    var boardPage = base.origin + base.pathname;
    var links = board.querySelectorAll('a[href]');
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute('href');
      if (href.charAt(0) === '#') continue;
      var to;
      try { to = new URL(href, base); } catch (e) { continue; }
      if (to.origin + to.pathname === boardPage) links[i].setAttribute('href', (to.search || '?') + to.hash);
    }
    old.parentNode.replaceChild(document.importNode(board, true), old);
    html.setAttribute('data-esg-board-state', key === 'post' ? 'article' : 'list');
    var host = document.getElementById('esg-board');
    if (doc.title && host && host.getAttribute('data-page-title') === 'true') document.title = doc.title;
    if (fixed) fix();
  };
  // Page 1 is wholly parsed once the "loading" line after it is: the page can go in then,
  // before the rest of the page (and the app's code, which boot.js asks for at the end).
  var whenPageParsed = function (then) {
    var ready = function () {
      return document.readyState !== 'loading' || document.querySelector('[data-board-prerendered="loading"]');
    };
    if (ready()) return then();
    var once = function () {
      watch.disconnect();
      document.removeEventListener('DOMContentLoaded', once);
      then();
    };
    var watch = new MutationObserver(function () { if (ready()) once(); });
    watch.observe(html, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', once);
  };
  // boot.js waits for this before it starts the app (a few seconds at most), so the page is
  // painted first: the app's download and start would otherwise hold that paint up.
  var release;
  window.esgBoardPage = new Promise(function (resolve) {
    release = function () {
      preloadWasm();
      resolve();
    };
  });
  var afterPaint = function (then) {
    var done = false;
    var once = function () {
      if (done) return;
      done = true;
      then();
    };
    requestAnimationFrame(function () { setTimeout(once, 0); });
    setTimeout(once, 200);
  };
  // An XMLHttpRequest for a document: the page comes parsed in one step.
  var request = new XMLHttpRequest();
  request.open('GET', ownPage);
  request.responseType = 'document';
  request.timeout = 5000;
  request.onload = function () {
    var doc = request.status >= 200 && request.status < 300 && request.response;
    // Otherwise (no such page: a 담당부서 the board does not have) the app shows the state.
    if (!doc) return release();
    whenPageParsed(function () {
      show(doc, request.responseURL || ownPage);
      afterPaint(release);
    });
  };
  request.onerror = request.ontimeout = request.onabort = function () { release(); };
  // A 담당부서 or 분류 has a page only when the board has it, as page 1's own filters say once
  // it is parsed: a name it does not have asks for no page (that would only be a 404).
  var known = function () {
    var board = document.querySelector('[data-board-prerendered=""]');
    var i;
    if (!board) return false;
    if (key === 'dept') {
      var options = board.querySelectorAll('select[name$="dept"] option');
      for (i = 0; i < options.length; i++) if (options[i].value === value) return true;
      return false;
    }
    var links = board.querySelectorAll('a.board-category-link[href]');
    for (i = 0; i < links.length; i++) {
      try {
        if (new URL(links[i].getAttribute('href'), document.baseURI).searchParams.get(prefix + key) === value) return true;
      } catch (e) { /* not a link to read */ }
    }
    return false;
  };
  if (filters.indexOf(key) < 0) {
    request.send();
  } else {
    whenPageParsed(function () {
      if (known()) request.send();
      else release();
    });
  }
})();
