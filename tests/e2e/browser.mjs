// Shared set-up of the end-to-end tests: Debian's Chromium driven by playwright-core, against the
// built dist/ that `cargo xtask test` serves under a sub-path (BOARD_URL).
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

export const BOARD_URL = process.env.BOARD_URL;
if (!BOARD_URL) {
  throw new Error('BOARD_URL is not set: run the end-to-end tests through `cargo xtask test`');
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
}

/// A fresh page that records every uncaught error, console error and dialog; `assertClean()`
/// fails the test if any appeared (a panic shows up as a console error).
/// Every page records Content-Security-Policy violations (the test server sends a strict CSP).
export async function newContext(browser, options = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return context;
}

/// `wait: false` returns as soon as the page is loaded, before the app has taken over.
export async function openPage(browser, query = '', beforeLoad = () => {}, { wait = true } = {}) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.assertClean = async () => {
    const csp = await page.evaluate(() => window.__csp);
    assert.deepEqual([...problems, ...csp.map((v) => `CSP violation: ${v}`)], [], 'the page reported errors');
  };
  page.problems = problems;
  await beforeLoad(page);
  // The app being up is what the tests wait for (`mounted`), not the load event: a page whose
  // load event is held up by an unrelated subresource must not fail a test that never needed it.
  await page.goto(BOARD_URL + query, { waitUntil: wait ? 'domcontentloaded' : 'load' });
  if (wait) await mounted(page);
  return page;
}

/// Opens the board at `query` with the wasm held back a little, watching every frame until the
/// app has taken over from a pre-rendered page: how often `content` was on screen inside that
/// page (`fromPage`) and at all (`content`), and how often "loading" showed once it had been
/// there (`loadingAfter`). A seamless hand-over has `fromPage` > 0 and `loadingAfter` 0.
export async function watchHandOver(browser, query, content) {
  const page = await openPage(browser, query, async (p) => {
    await p.route('**/*.wasm', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await p.addInitScript((content) => {
      window.__seen = { fromPage: 0, content: 0, loadingAfter: 0 };
      const tick = () => {
        const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => e.checkVisibility());
        if (visible(`[data-board-prerendered] ${content}`)) window.__seen.fromPage++;
        if (visible(content)) window.__seen.content++;
        else if (window.__seen.content && visible('.board-status')) window.__seen.loadingAfter++;
        if (document.querySelector('[data-board-prerendered]') || !window.__seen.content) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, content);
  });
  return { page, seen: await page.evaluate(() => window.__seen) };
}

let moves = 0;

/// The reader's first move, at which boot.js starts the app on a pre-rendered page: the mouse
/// moved (to a new place each time, so that the browser reports it).
export async function firstMove(page) {
  await page.mouse.move(2 + (moves++ % 7), 2);
}

/// Waits until the app has taken over from the first page `board-prerender` put into
/// the HTML (until then the rows on screen are plain HTML, the app not started), after the
/// reader's first move.
export async function mounted(page, timeout = 30_000) {
  await firstMove(page);
  await page.waitForFunction(() => !document.querySelector('[data-board-prerendered]'), null, { timeout });
}

/// Texts of the cells of the list row whose 번호 is `no`.
export async function rowCells(page, no) {
  const row = page.locator('tbody tr', { has: page.locator('td.col-no', { hasText: new RegExp(`^${no}$`) }) });
  return row.locator('td').allInnerTexts();
}

/// Waits until a search has its body hits too (the count line no longer says it is searching
/// the bodies): title hits come at once, body hits when their index files are in.
export async function settled(page) {
  await page.waitForFunction(() => {
    const count = document.querySelector('.board-count')?.textContent ?? '';
    return count !== '' && !count.includes('본문을 검색하는 중') && !count.includes('Searching the article texts');
  });
}
