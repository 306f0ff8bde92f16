// Starts the board. An external module rather than Trunk's inline script, so the page runs under
// a strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'), and so a portal page
// can embed the board with one <script type="module" src=".../boot.js"> tag: the wasm is found
// next to this file, wherever the host page lives.
import init from './esg-board.js';

// What the reader does with a pre-rendered page's controls before the app is up (see below).
let held = null;
try {
  // Marks that the app is fetching its wasm (board-gate.js, an async script that may run after
  // this, then does not preload it a second time).
  document.documentElement.setAttribute('data-esg-board-boot', '');
  // The reader's first move, watched from the start (a move while the gate's page comes counts).
  const moved = firstMove();
  await gatePage();
  // The wasm is fetched now; it is compiled and started (a few hundred ms of the main thread on
  // a slow phone) only when it is needed: at once when the board must render the state itself,
  // at the reader's first move when a pre-rendered page of the state is on screen (its rows,
  // links and text need no app).
  const wasm = fetch(new URL('esg-board_bg.wasm', import.meta.url));
  wasm.catch(() => {}); // a failure is reported below, once init awaits it
  const host = document.getElementById('esg-board');
  const pageShown = () => document.documentElement.getAttribute('data-esg-board-state') !== 'other'
    && Boolean(host?.querySelector('[data-board-prerendered=""]'));
  if (pageShown()) {
    held = holdUntilTakenOver(host);
    await neededBy(pageShown, moved);
  }
  // Kept for `cargo xtask bench` (wasm memory) and for debugging from the console.
  window.esgBoardWasm = await init({ module_or_path: wasm });
  held?.replay();
} catch (error) {
  // The pre-rendered controls then work as plain HTML again (a search form sent by the browser).
  held?.stop();
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

/// board-gate.js, showing a shared link's state from a page of its own (an article, a list
/// page), asks the app to wait until that is on screen (3 s at most), so its download and start
/// do not hold the paint up.
function gatePage() {
  if (window.esgBoardPage) {
    return Promise.race([window.esgBoardPage, new Promise((r) => { setTimeout(r, 3000); })]);
  }
  return Promise.resolve();
}

/// Resolves at the reader's first move: a pointer moved or pressed, a touch, a key, focus, a
/// wheel turn, or a click, a change or an input that came without any of those (a screen
/// reader's click, a value set by voice control or other assistive software).
function firstMove() {
  const moves = ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'focusin', 'wheel', 'click', 'input', 'change', 'submit'];
  return new Promise((resolve) => {
    const once = () => {
      moves.forEach((type) => window.removeEventListener(type, once, true));
      resolve();
    };
    moves.forEach((type) => window.addEventListener(type, once, { capture: true, passive: true }));
  });
}

/// Resolves when the app is needed: at the reader's first move (`moved`), or as soon as no
/// pre-rendered page of the state is on screen any more (board-gate.js, an async script that
/// can run after this one, found that the URL asks for another state).
async function neededBy(pageShown, moved) {
  let stateChanged = () => {};
  const html = document.documentElement;
  const watch = new MutationObserver(() => stateChanged());
  watch.observe(html, { attributes: true, attributeFilter: ['data-esg-board-state'] });
  try {
    for (;;) {
      await gatePage();
      if (!pageShown()) return;
      const changed = new Promise((resolve) => { stateChanged = () => resolve(true); });
      if (!(await Promise.race([moved.then(() => false), changed]))) return;
    }
  } finally {
    watch.disconnect();
  }
}

/// Keeps what the reader does with the pre-rendered board's controls before the app is up — a
/// search sent, a filter chosen, a button pressed (링크 복사, 검색 초기화) — and does it again on
/// the app's same control once the app has taken over (the board's markup is the app's own: the
/// n-th form or button of a kind, a field of a name, is the same one). Links need nothing: they
/// are real links. Text typed into the search box the app carries over itself.
function holdUntilTakenOver(host) {
  const actions = [];
  const inPage = (target) => target instanceof Element && target.closest('[data-board-prerendered]');
  // A control's kind (its tag, class and text) and its place among the controls of that kind.
  const kind = (e) => `${e.tagName} ${e.className} ${e.tagName === 'BUTTON' ? e.textContent.trim() : ''}`;
  const place = (e, within) => [...within.querySelectorAll(e.tagName)].filter((o) => kind(o) === kind(e));
  const onSubmit = (event) => {
    if (!inPage(event.target)) return;
    // A form sent by the browser itself would drop the host page's own parameters.
    event.preventDefault();
    actions.push({ kind: kind(event.target), tag: 'form', at: place(event.target, host).indexOf(event.target) });
  };
  const onChange = (event) => {
    const field = event.target;
    if (!inPage(field) || !field.name || (field.tagName === 'INPUT' && !['date', 'number'].includes(field.type))) return;
    actions.push({ name: field.name, value: field.value });
  };
  const onClick = (event) => {
    const button = inPage(event.target) && event.target.closest('button');
    if (!button || button.type === 'submit') return;
    actions.push({ kind: kind(button), tag: 'button', at: place(button, host).indexOf(button) });
  };
  const listeners = [['submit', onSubmit], ['change', onChange], ['click', onClick]];
  listeners.forEach(([type, f]) => document.addEventListener(type, f, true));
  const stop = () => listeners.forEach(([type, f]) => document.removeEventListener(type, f, true));
  const takenOver = () => !host.querySelector('[data-board-prerendered]');
  const again = () => {
    stop();
    for (const action of actions) {
      if (action.name) {
        const field = host.querySelector(`[name="${CSS.escape(action.name)}"]`);
        if (!field || field.value === action.value) continue;
        field.value = action.value;
        field.dispatchEvent(new Event('change', { bubbles: true }));
        continue;
      }
      const same = [...host.querySelectorAll(action.tag)].filter((e) => kind(e) === action.kind);
      const control = same[action.at];
      if (action.tag === 'form') control?.requestSubmit();
      else control?.click();
    }
  };
  return {
    stop,
    replay() {
      if (takenOver()) return again();
      const watch = new MutationObserver(() => {
        if (!takenOver()) return;
        watch.disconnect();
        again();
      });
      watch.observe(host, { childList: true, subtree: true });
    },
  };
}
