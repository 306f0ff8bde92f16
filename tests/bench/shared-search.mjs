// A shared search link opened cold on a big board: navigation → its count on screen, and the
// data files that answer needed (gzip -9 of each, as a CDN would send them). Used by
// bench.mjs (100k posts) and million.mjs (1M).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = new Map();
const gzipped = (dir, rel) => {
  const key = join(dir, rel);
  if (!gz.has(key)) gz.set(key, gzipSync(readFileSync(key), { level: 9 }).length);
  return gz.get(key);
};

/// For each query: { q, count, ms, needed (gzip bytes of board.json, list/0.json and the
/// find/ and index/ files fetched before the count showed), behind (list files that finished
/// meanwhile, loading behind: not needed by the answer) }.
/// `also` is more of the link (`&field=title`).
export async function sharedSearch(browser, url, dir, queries, also = '') {
  const out = [];
  for (const q of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}?q=${encodeURIComponent(q)}${also}`);
    // The live board's count (not the pre-rendered page 1's, hidden under it).
    const ms = await (await page.waitForFunction(() => {
      const c = document.querySelector('.esg-board[data-board-list] .board-count')?.textContent ?? '';
      return /총 [\d,]+건|없습니다/.test(c) && !c.includes('본문을 검색하는 중') && performance.now();
    }, null, { polling: 'raf', timeout: 300_000 })).jsonValue();
    const done = await page.evaluate((t) => performance.getEntriesByType('resource')
      .filter((e) => e.responseEnd > 0 && e.responseEnd <= t && e.name.includes('/data/'))
      .map((e) => new URL(e.name).pathname.split('/data/')[1]), ms);
    const count = (await page.locator('.esg-board[data-board-list] .board-count').innerText()).match(/총 ([\d,]+)건/)?.[1] ?? '0';
    const needed = done.filter((f) => f === 'board.json' || f === 'list/0.json' || /^(find|index)\//.test(f));
    const behind = done.filter((f) => /^list\/[1-9]/.test(f));
    out.push({
      q, count, ms,
      needed: needed.reduce((n, f) => n + gzipped(dir, f), 0),
      files: needed.length,
      behind: behind.reduce((n, f) => n + gzipped(dir, f), 0),
    });
    await context.close();
  }
  return out;
}

export const table = (rows, kb, ms) => `| query | count | navigation → count on screen | data it needed (gzip) | files | list files finished meanwhile (loading behind) |
|---|---:|---:|---:|---:|---:|
${rows.map((r) => `| ${r.q} | ${r.count} | ${ms(r.ms)} | ${kb(r.needed)} | ${r.files} | ${kb(r.behind)} |`).join('\n')}`;
