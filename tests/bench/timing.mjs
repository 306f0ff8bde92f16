// What bench.mjs and million.mjs share: the browser, the first rows of a page, the queries,
// waiting for the whole list, timing an interaction inside the page (the event, capture phase
// → the board's DOM changed), and how numbers are written.
import { chromium } from 'playwright-core';

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
export const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
export const ms = (x) => `${x.toFixed(1)} ms`;
export const kb = (x) => `${(x / 1000).toFixed(1)} kB`;

export const launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
});

/// Navigation start → first `tbody tr` in the DOM, cold cache (a fresh context per run); and
/// → the app live (its own rows in, the pre-rendered page gone); and the files whose download
/// had finished when the first row appeared (the first screen's bytes).
/// A browser context whose pages make the reader's first move as soon as they are parsed: on a
/// pre-rendered page boot.js starts the app at that move, so "the app live" is timed from the
/// navigation as for a reader who moves at once.
export async function movingContext(browser, options = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => window.dispatchEvent(new PointerEvent('pointermove')));
  });
  return context;
}

export async function firstRows(browser, url) {
  const context = await movingContext(browser);
  await context.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (window.__firstRow === undefined && document.querySelector('tbody tr')) {
        window.__firstRow = performance.now();
        window.__firstFiles = performance.getEntriesByType('resource').filter((e) => e.responseEnd > 0).map((e) => e.name);
      }
      if (document.querySelector('tbody tr') && !document.querySelector('[data-board-prerendered]')) {
        window.__live = performance.now(); obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__live !== undefined, null, { timeout: 120_000 });
  const t = await page.evaluate(() => ({ first: window.__firstRow, live: window.__live, files: window.__firstFiles }));
  await context.close();
  return t;
}

export const queries = ['탄소', '임금체불', 'ㅇㄱㅊㅂ', '고용노동부 협력', '화학제푸', '수소경제', '청년', 'ㄱㅇ', '없는말zz', '녹색'];

/// Waits until the app has every list file in (not only the first: a search would then be
/// answered by the title index instead of the list).
export async function whole(page, timeout) {
  await page.locator('.esg-board[data-board-list="whole"]').waitFor({ timeout });
}

/// Starts timing in the page: each keydown, click or change starts a clock, the next change
/// of the board's DOM stops it. Returns `timed(action)`: the time the action took to change
/// the DOM, or undefined when it changed nothing (not counted).
export async function timer(page, { changeTimeout = 3_000, settle = 50 } = {}) {
  await page.evaluate(() => {
    window.__marks = [];
    const start = () => { window.__t0 = performance.now(); };
    for (const ev of ['keydown', 'click', 'change']) document.addEventListener(ev, start, true);
    new MutationObserver(() => {
      if (window.__t0 !== undefined) { window.__marks.push(performance.now() - window.__t0); window.__t0 = undefined; }
    }).observe(document.querySelector('.esg-board'), { childList: true, subtree: true, characterData: true });
  });
  return async (action) => {
    await page.evaluate(() => { window.__marks = []; });
    await action();
    const changed = await page.waitForFunction(() => window.__marks.length > 0, null, { timeout: changeTimeout }).then(() => true, () => false);
    if (!changed) return undefined;
    const t = await page.evaluate(() => window.__marks[0]);
    await page.waitForTimeout(settle);
    return t;
  };
}
