// What bench.mjs and million.mjs share: the queries, waiting for the whole list, and timing an
// interaction inside the page (the event, capture phase → the board's DOM changed).

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
