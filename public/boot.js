// Starts the board. An external module rather than Trunk's inline script, so the page runs under
// a strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'), and so a portal page
// can embed the board with one <script type="module" src=".../boot.js"> tag: the wasm is found
// next to this file, wherever the host page lives.
import init from './esg-board.js';

try {
  // Marks that the app is fetching its wasm (board-gate.js, an async script that may run after
  // this, then does not preload it a second time).
  document.documentElement.setAttribute('data-esg-board-boot', '');
  // board-gate.js, showing a shared link's state from a page of its own (an article, a list
  // page), asks the app to wait until that is on screen (3 s at most), so its download and
  // start do not hold the paint up.
  if (window.esgBoardPage) {
    await Promise.race([window.esgBoardPage, new Promise((r) => { setTimeout(r, 3000); })]);
  }
  // Kept for `cargo xtask bench` (wasm memory) and for debugging from the console.
  window.esgBoardWasm = await init({ module_or_path: new URL('esg-board_bg.wasm', import.meta.url) });
} catch (error) {
  // Never a blank page: say what failed where the board would be, in the board's language (the
  // URL's lang=, else the element's data-lang). The app's message table is not loaded yet, so
  // this one sentence is kept here in both languages.
  const host = document.getElementById('esg-board');
  if (host) {
    const prefix = host.getAttribute('data-param-prefix') || '';
    const lang = new URLSearchParams(window.location.search).get(prefix + 'lang') || host.getAttribute('data-lang');
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    alert.className = 'esg-board-boot-error';
    alert.lang = lang === 'en' ? 'en' : 'ko';
    alert.textContent = (lang === 'en'
      ? 'The board could not start. Reload the page, or open it in an up-to-date browser. ('
      : '게시판을 시작하지 못했습니다. 새로 고침하거나 최신 브라우저에서 다시 열어 주세요. (') + error + ')';
    // A pre-rendered page on screen (page 1, or the page board-gate.js put in its place)
    // stays readable under the sentence; "loading" (board-gate.js marks <html> with "other")
    // gives way to it.
    const shown = document.documentElement.getAttribute('data-esg-board-state') !== 'other'
      && host.querySelector('[data-board-prerendered=""]');
    if (shown) {
      host.querySelectorAll('[data-board-prerendered="loading"]').forEach((e) => e.remove());
      host.prepend(alert);
    } else {
      host.replaceChildren(alert);
    }
  }
  throw error;
}
