// A shared search link to a 100k-post board: its count and rows come from the title index
// (find/) and the rows files of its page while the hundred list files are held back; once they
// are let through, the list's own search shows exactly the same.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, settled } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Serves the 100k board, holding every list file but the first until `release()`.
function held(dir) {
  let release;
  const gate = new Promise((r) => { release = r; });
  const fetched = [];
  const serve = (p) => p.route('**/data/**', async (r) => {
    const rel = new URL(r.request().url()).pathname.split('/data/')[1];
    fetched.push(rel);
    if (/^list\/[1-9]\d*\.json$/.test(rel)) await gate;
    return r.fulfill({ path: join(dir, rel) }).catch(() => {});
  });
  return { serve, fetched, release };
}

const shown = (page) => page.evaluate(() => ({
  count: document.querySelector('.board-count')?.textContent ?? '',
  rows: [...document.querySelectorAll('tbody tr td.col-no')].map((td) => td.textContent),
}));

const links = [
  ['전체, 정확도순', '?q=임금체불'],
  ['초성, page 3, oldest first', '?q=%E3%85%87%E3%84%B1%E3%85%8A%E3%85%82&page=3&sort=old'],
  ['two terms', '?q=고용노동부%20협력'],
  ['제목 only, a syllable being typed', '?q=수소경' + '&field=title'],
  ['글쓴이', '?q=홍보&field=author&page=2'],
  ['nothing found', '?q=없는말zz'],
];

for (const [what, link] of links) {
  test(`100k posts, a shared search link (${what}): count and rows before the list files, then the same from the list`, async () => {
    const dir = process.env.SYNTH_100K;
    assert.ok(dir, 'SYNTH_100K is set by cargo xtask test');
    const { serve, fetched, release } = held(dir);
    const page = await openPage(browser, link, serve);
    await page.waitForFunction(() => /총 [\d,]+건|없습니다/.test(document.querySelector('.board-count')?.textContent ?? ''), null, { timeout: 30_000 });
    await settled(page);
    const early = await shown(page);
    // Shown while every list file but the first is held back.
    assert.equal(await page.locator('.esg-board[data-board-list="partial"]').count(), 1);
    const found = fetched.filter((f) => f.startsWith('find/'));
    const bytes = found.reduce((n, rel) => n + statSync(join(dir, rel)).size, 0);
    assert.ok(found.length > 0, 'the title index was read');
    // Raw bytes (the budget is for gzip, measured by `cargo xtask bench`): well under the list's 17 MB.
    assert.ok(bytes < 2_000_000, `${bytes} bytes of find/ files`);
    release();
    // The whole list in: the list's own search takes over; nothing on screen changes.
    await page.locator('.esg-board[data-board-list="whole"]').waitFor({ timeout: 60_000 });
    await settled(page);
    assert.deepEqual(await shown(page), early);
    if (!/없는말/.test(link)) assert.ok(early.rows.length > 0, 'rows shown');
    await page.assertClean();
  });
}
