// `cargo xtask bench-1m`: a board of 1,000,000 synthetic posts in headless Chromium on 127.0.0.1 —
// first rows against the static floor, the whole list in, search, page change, memory, bytes —
// written as its own section of BENCHMARKS.md (after the others). Numbers, not pass/fail.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { writeSection } from './sections.mjs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sharedSearch, table as searchTable } from './shared-search.mjs';
import { firstRows, kb, launch, median, ms, pct, queries, timer, whole } from './timing.mjs';

const ORIGIN = process.env.SERVER_ORIGIN;
const DIST = process.env.DIST_1M;
const browser = await launch();
const firstRow = async (path) => (await firstRows(browser, ORIGIN + path));

const app = [], floor = [];
for (let i = 0; i < 5; i++) {
  app.push((await firstRow('/app1m/')).first);
  floor.push((await firstRow('/floor/')).first);
}

// The whole list: every list file fetched and decoded.
const context = await browser.newContext();
const page = await context.newPage();
const t0 = Date.now();
await page.goto(ORIGIN + '/app1m/');
await page.getByRole('searchbox', { name: '검색어' }).waitFor({ timeout: 120_000 });
await page.waitForFunction(() => !document.querySelector('[data-board-prerendered]'), null, { timeout: 120_000 });
await whole(page, 600_000);
const wholeList = Date.now() - t0;
// The search keys are built a moment after the list is whole.
await page.waitForTimeout(3_000);
const timed = await timer(page, { changeTimeout: 10_000, settle: 100 });
const box = page.getByRole('searchbox', { name: '검색어' });
const search = [], pageChange = [];
for (const q of [...queries, ...queries, ...queries]) {
  await box.fill('');
  await box.press('Enter');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
  await page.waitForTimeout(500);
  await box.fill(q);
  search.push(await timed(() => box.press('Enter')));
}
await box.fill('');
await box.press('Enter');
await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
await page.waitForTimeout(500);
for (let i = 0; i < 20; i++) {
  pageChange.push(await timed(() => page.locator('nav[aria-label="페이지 이동"] a.page-number:not([aria-current])').first().click()));
}
const memory = await page.evaluate(() => ({
  js: performance.memory?.usedJSHeapSize ?? 0,
  wasm: window.esgBoardWasm?.memory?.buffer?.byteLength ?? 0,
}));
await context.close();
const shared = await sharedSearch(browser, ORIGIN + '/app1m/', join(DIST, 'data'), queries);
await browser.close();

const size = (p) => (existsSync(p) ? statSync(p).size : 0);
const listDir = join(DIST, 'data/list');
const lists = readdirSync(listDir).filter((f) => f.endsWith('.json'));
const listGz = lists.reduce((n, f) => n + gzipSync(readFileSync(join(listDir, f)), { level: 9 }).length, 0);
const firstGz = ['board.json', 'list/0.json'].reduce((n, f) => n + gzipSync(readFileSync(join(DIST, 'data', f)), { level: 9 }).length, 0);
const got = (xs) => xs.filter((x) => x !== undefined);
const s = got(search), pc = got(pageChange);
const mem = memory.wasm ? `${((memory.js + memory.wasm) / 2 ** 20).toFixed(1)} MiB (JS ${(memory.js / 2 ** 20).toFixed(1)} MiB + wasm ${(memory.wasm / 2 ** 20).toFixed(1)} MiB)` : `JS heap ${(memory.js / 2 ** 20).toFixed(1)} MiB (wasm memory not exposed)`;

const md = `<!-- million benchmark: written by \`cargo xtask bench-1m\` (tests/bench/million.mjs) -->
## 1,000,000 synthetic posts (\`cargo xtask bench-1m\`, ${new Date().toISOString().slice(0, 10)})

The same app and method as above, on \`board-build synth --posts 1000000\`.

| measure | measured | target |
|---|---:|---|
| first rows (5 runs, median) | ${ms(median(app))} (floor ${ms(median(floor))}): **${(median(app) / median(floor)).toFixed(2)}×** | ≤ 1.3× the static page |
| the whole list in (navigation → "불러오는 중" gone, 1 run) | ${(wholeList / 1000).toFixed(1)} s | — |
| search p50 / p95 (${s.length} runs, Enter → list changed) | ${ms(pct(s, 0.5))} / ${ms(pct(s, 0.95))} | p95 ≤ 50 ms |
| page change p50 / p95 (${pc.length} runs) | ${ms(pct(pc, 0.5))} / ${ms(pct(pc, 0.95))} | p95 ≤ 16 ms |
| memory after the runs | ${mem} | ≤ 300 MB |
| data before the first rows | ${kb(firstGz)} gzip (\`board.json\` + \`list/0.json\`) | — |
| the whole list (every list file) | ${kb(listGz)} gzip in ${lists.length} files | — |

A shared search link, cold (target: the first result ≤ 400 kB gzip; see 4b above for the method):

${searchTable(shared, kb, ms)}

`;
writeSection('<!-- million benchmark', md);
console.log(md);
