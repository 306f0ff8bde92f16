// Put at the end of the head by `board-build prerender`, beside a pre-rendered first page:
// `async blocking="render"`, so the parser goes on to the rows while the browser paints nothing
// before this has run. When the page was opened on another board state (a shared ?post=… or
// ?page=… link, a search, English), the pre-rendered page 1 is the wrong page: board.css then
// shows "loading" in its place until the app mounts, so no one sees the list flash before their
// article. An external file, so a strict Content-Security-Policy (no inline script) still holds.
(function () {
  var keys = ['post', 'page', 'size', 'q', 'field', 'dept', 'from', 'to', 'sort', 'lang'];
  var params = new URLSearchParams(window.location.search);
  if (keys.some(function (k) { return params.has(k); })) {
    document.documentElement.setAttribute('data-esg-board-state', 'other');
  }
})();
