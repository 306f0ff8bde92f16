// Starts the board. An external module rather than Trunk's inline script, so the page runs under
// a strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'), and so a portal page
// can embed the board with one <script type="module" src=".../boot.js"> tag: the wasm is found
// next to this file, wherever the host page lives.
import init from './esg-board.js';

try {
  // Kept for `cargo xtask bench` (wasm memory) and for debugging from the console.
  window.esgBoardWasm = await init({ module_or_path: new URL('esg-board_bg.wasm', import.meta.url) });
} catch (error) {
  // Never a blank page: say what failed where the board would be.
  const host = document.getElementById('esg-board') || document.body;
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  alert.className = 'esg-board-boot-error';
  alert.textContent = '게시판을 시작하지 못했습니다. 새로 고침하거나 최신 브라우저에서 다시 열어 주세요. (' + error + ')';
  host.replaceChildren(alert);
  throw error;
}
