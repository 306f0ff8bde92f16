// `cargo xtask bench-search [--posts N]`: our Korean search against MiniSearch, FlexSearch and
// Fuse.js over the same synthetic titles (100k unless told), and against Pagefind over the same
// bodies, in headless Chromium on 127.0.0.1. The same queries, alternating runs, one page per engine.
// Correctness is judged by an oracle written here from the search rules the README states (regular
// expressions built by syllable arithmetic), independent of the Rust engine. Writes the
// "Search" section of BENCHMARKS.md. Numbers, not pass/fail.
import { chromium } from 'playwright-core';
import { readFileSync, statSync, readdirSync, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { writeSection } from '../sections.mjs';
import { sharedSearch } from '../shared-search.mjs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import os from 'node:os';

const ORIGIN = process.env.SERVER_ORIGIN;
const CORPUS = process.env.CORPUS; // titles.json, bodies.ndjson, pagefind/
const APP = process.env.APP; // the app with the synthetic dataset in data/
const POSTS = Number(process.env.POSTS || 100000);
// At 1M, Fuse.js takes seconds a query: one run of each query there.
const RUNS = Number(process.env.RUNS || (POSTS > 100000 ? 1 : 5));
const n = POSTS.toLocaleString('en-US');

// ---- the oracle: the search rules as regular expressions -------------------------------------
const S = 0xac00;
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
// Finals 0…27 as [initial index of the consonant, initial index of a compound's second part].
const FINALS = [[-1, -1], [0, -1], [1, -1], [0, 9], [2, -1], [2, 12], [2, 18], [3, -1], [5, -1], [5, 0], [5, 6],
  [5, 7], [5, 9], [5, 16], [5, 17], [5, 18], [6, -1], [7, -1], [7, 9], [9, -1], [10, -1], [11, -1], [12, -1],
  [14, -1], [15, -1], [16, -1], [17, -1], [18, -1]];
const fold = (s) => s.normalize('NFC')
  .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  .toLowerCase().replace(/\s+/g, '');
const syl = (l, v, t) => String.fromCharCode(S + (l * 21 + v) * 28 + t);
const initialClass = (l) => `[${syl(l, 0, 0)}-${syl(l, 20, 27)}]`;
const escape = (c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function charRe(c, last) {
  const j = INITIALS.indexOf(c);
  if (j >= 0) return `(?:${c}|${initialClass(j)})`;
  const s = c.charCodeAt(0) - S;
  if (!last || s < 0 || s >= 11172) return escape(c);
  const [l, v, t] = [Math.floor(s / 588), Math.floor((s % 588) / 28), s % 28];
  if (t === 0) return `[${syl(l, v, 0)}-${syl(l, v, 27)}]`; // 고요 → 고용
  const alts = [c];
  const [first, second] = FINALS[t];
  if (second < 0) {
    for (let t2 = 1; t2 < 28; t2++) if (FINALS[t2][0] === first && FINALS[t2][1] >= 0) alts.push(syl(l, v, t2)); // 달 → 닭
    alts.push(syl(l, v, 0) + initialClass(first)); // 개울 → 개우+ㄹ…
  } else {
    const t1 = FINALS.findIndex(([a, b]) => a === first && b < 0);
    alts.push(syl(l, v, t1) + initialClass(second)); // 앉 → 안+ㅈ…
  }
  return `(?:${alts.join('|')})`;
}
const compiled = new Map();
const seqRe = (q) => {
  if (!compiled.has(q)) { const cs = [...fold(q)]; compiled.set(q, new RegExp(cs.map((c, i) => charRe(c, i === cs.length - 1)).join(''))); }
  return compiled.get(q);
};
function oracleMatch(q, text) {
  const t = fold(text);
  if (seqRe(q).test(t)) return true;
  const terms = q.trim().split(/\s+/);
  return terms.length >= 2 && terms.every((term) => seqRe(term).test(t));
}

// ---- the queries ----------------------------------------------------------------------------
const TITLE_QUERIES = [
  // substring anywhere
  ['substring', '탄소'], ['substring', '임금체불'], ['substring', '노동부'], ['substring', '순환경제'], ['substring', '녹색'],
  ['substring', '수소'], ['substring', '공시'], ['substring', '실사'], ['substring', '협약'], ['substring', '재활용'],
  // spacing, both ways
  ['spaced', '임금 체불'], ['spaced', '탄소 중립'], ['spaced', '순환 경제'], ['spaced', '업무 협약'], ['spaced', '재생 에너지'],
  ['spaced', '녹색금융강화'], ['spaced', '청년일자리'], ['spaced', '기후변화대응'],
  // several terms, all must match
  ['terms', '환경부 강화'], ['terms', '수소경제 토론회'], ['terms', '탄소중립 현장'], ['terms', '교육부 협력'],
  // 초성
  ['초성', 'ㅇㄱㅊㅂ'], ['초성', 'ㅌㅅㅈㄹ'], ['초성', 'ㄱㅇㄴㄷㅂ'], ['초성', 'ㅅㅎㅈㄱㅊ'], ['초성', 'ㄴㅅㄱㅇ'],
  ['초성', 'ㅈㄷㅈㅎ'], ['초성', 'ㅅㅎㄱㅈ'], ['초성', 'ㅎㄱㅂ'], ['초성', 'ㄱㅇ'], ['초성', 'ㄷㅂㅅㅈ'],
  // the syllable being typed
  ['typing', '화학무'], ['typing', '고요'], ['typing', '탄소주'], ['typing', '임금체부'], ['typing', '수소겨'],
  ['typing', '순환겨'], ['typing', '동반서'], ['typing', '지역규'], ['typing', '청녀'], ['typing', '플라스틱 가'],
  // mixed
  ['mixed', '고용ㄴㄷ'], ['mixed', '탄소ㅈㄹ'], ['mixed', '임금ㅊㅂ'],
  // no match
  ['none', '없는말zz'], ['none', '우주항공'], ['none', 'ㅋㅋㅋ'], ['none', '반도체'], ['none', 'xyz'],
];
const BODY_QUERIES = ['전문가 자문단', '컨설팅', '협의체', '우수 사례', '실태조사', '정보공개', '지방자치단체', '누리집', '분기마다', '보완하기'];

const titles = JSON.parse(readFileSync(join(CORPUS, 'titles.json'), 'utf8'));
const expected = new Map(TITLE_QUERIES.map(([, q]) => [q, new Set(titles.filter(([, t]) => oracleMatch(q, t)).map(([n]) => n))]));
// The bodies a line at a time (a million of them are more than one JavaScript string holds).
const expectedBody = new Map(BODY_QUERIES.map((q) => [q, new Set()]));
for await (const line of createInterface({ input: createReadStream(join(CORPUS, 'bodies.ndjson')) })) {
  if (!line) continue;
  const [no, body] = JSON.parse(line);
  for (const q of BODY_QUERIES) if (oracleMatch(q, body)) expectedBody.get(q).add(no);
}

// ---- helpers --------------------------------------------------------------------------------
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]; };
const ms = (x) => (x === undefined ? '—' : `${x.toFixed(1)} ms`);
const kb = (x) => `${(x / 1000).toFixed(1)} kB`;
const gz = (path) => gzipSync(readFileSync(path)).length;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/// A page that counts the bytes (file sizes, raw and gzip) of every response it gets.
async function countingPage(dirFor) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  page.fetched = [];
  page.on('requestfinished', (r) => {
    const path = new URL(r.url()).pathname;
    const file = dirFor(path);
    if (file) { try { const st = statSync(file); if (st.isFile()) page.fetched.push([path, st.size, gz(file)]); } catch { /* not a file */ } }
  });
  return page;
}
const bytesOf = (list) => [list.reduce((n, f) => n + f[1], 0), list.reduce((n, f) => n + f[2], 0)];
const nm = (p) => join('tests/bench/search/node_modules', p);
const fileFor = (path) => {
  if (path.startsWith('/nm/')) return nm(decodeURIComponent(path.slice(4)));
  if (path.startsWith('/corpus/')) return join(CORPUS, decodeURIComponent(path.slice(8)));
  if (path.startsWith('/app/')) return join(APP, decodeURIComponent(path.slice(5)) || 'index.html');
  return null;
};

// ---- the JavaScript engines over titles -----------------------------------------------------
const ENGINES = {
  MiniSearch: {
    lib: '/nm/minisearch/dist/es/index.js',
    setup: `const { default: MiniSearch } = await import(lib);
      const ms = new MiniSearch({ fields: ['title'], idField: 'no' });
      ms.addAll(docs.map(([no, title]) => ({ no, title })));
      window.search = (q) => ms.search(q, { prefix: true, combineWith: 'AND' }).map((r) => r.id);
      window.indexSize = JSON.stringify(ms).length;`,
  },
  FlexSearch: {
    lib: '/nm/flexsearch/dist/flexsearch.bundle.module.min.mjs',
    setup: `const { default: FlexSearch } = await import(lib);
      const idx = new FlexSearch.Index({ tokenize: 'forward' });
      for (const [no, title] of docs) idx.add(no, title);
      window.search = (q) => idx.search(q, { limit: 200000 });
      let size = 0; await idx.export((key, data) => { size += (data || '').length; });
      window.indexSize = size;`,
  },
  'Fuse.js': {
    lib: '/nm/fuse.js/dist/fuse.min.mjs',
    setup: `const { default: Fuse } = await import(lib);
      const list = docs.map(([no, title]) => ({ no, title }));
      const fuse = new Fuse(list, { keys: ['title'], ignoreLocation: true, threshold: 0.3 });
      window.search = (q) => fuse.search(q).map((r) => r.item.no);
      window.indexSize = JSON.stringify(fuse.getIndex().toJSON()).length;`,
  },
};

const results = {};
const pages = {};
for (const [name, e] of Object.entries(ENGINES)) {
  const page = await countingPage(fileFor);
  await page.goto(`${ORIGIN}/corpus/blank.html`);
  const t0 = Date.now();
  await page.evaluate(async ({ lib, setup }) => {
    const docs = await (await fetch('/corpus/titles.json')).json();
    await (Object.getPrototypeOf(async () => {}).constructor)('lib', 'docs', setup)(lib, docs);
  }, e);
  const [raw, gzip] = bytesOf(page.fetched);
  results[name] = { build: Date.now() - t0, raw, gzip, index: await page.evaluate(() => window.indexSize), times: [], correct: 0, recall: [] };
  pages[name] = page;
}

// Ours: the real app, 제목 field, Enter in the search box → the rows and count updated.
const ours = await countingPage(fileFor);
await ours.goto(`${ORIGIN}/app/?field=title`);
await ours.locator('tbody tr').first().waitFor({ timeout: 300_000 });
// The app has taken over from the pre-rendered page (whose controls do nothing).
await ours.waitForFunction(() => !document.querySelector('[data-board-prerendered]'), null, { timeout: 300_000 });
await ours.waitForLoadState('networkidle', { timeout: 300_000 });
await ours.waitForFunction(() => !document.querySelector('.board-count')?.textContent.includes('불러오는'), null, { timeout: 300_000 });
{
  const [raw, gzip] = bytesOf(ours.fetched);
  results.ours = { build: 0, raw, gzip, index: 0, times: [], correct: 0, recall: [] };
}
await ours.evaluate(() => {
  const start = () => { window.__t0 = performance.now(); window.__last = undefined; };
  document.addEventListener('keydown', start, true);
  new MutationObserver(() => { if (window.__t0 !== undefined) window.__last = performance.now() - window.__t0; })
    .observe(document.querySelector('.esg-board'), { childList: true, subtree: true, characterData: true });
});
const box = ours.getByRole('searchbox', { name: '검색어' });
async function oursSearch(q) {
  // From the plain list each time: a search with the same rows as the one before (임금체불 then
  // ㅇㄱㅊㅂ) changes nothing in the DOM, which leaves nothing to time.
  await box.fill('');
  await box.press('Enter');
  await ours.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
  await ours.waitForTimeout(250);
  await box.fill(q);
  await ours.evaluate(() => { window.__t0 = undefined; window.__last = undefined; });
  await box.press('Enter');
  await ours.waitForFunction((v) => new URL(location.href).searchParams.get('q') === v, q);
  await ours.waitForTimeout(120); // every update of this search has landed
  const t = await ours.evaluate(() => window.__last);
  const count = await ours.locator('.board-count').innerText();
  const total = /총 ([\d,]+)건/.exec(count)?.[1]?.replace(/,/g, '') ?? '0';
  const rows = (await ours.locator('tbody td.col-no').allInnerTexts()).map(Number);
  return { t, total: Number(total), rows };
}

for (let run = 0; run < RUNS; run++) {
  for (const [, q] of TITLE_QUERIES) {
    const want = expected.get(q);
    for (const [name, page] of Object.entries(pages)) {
      const { t, ids } = await page.evaluate((q) => { const t0 = performance.now(); const ids = window.search(q); return { t: performance.now() - t0, ids }; }, q);
      const r = results[name];
      r.times.push(t);
      if (run === 0) {
        const got = new Set(ids.map(Number));
        const found = [...want].filter((n) => got.has(n)).length;
        r.recall.push(want.size ? found / want.size : got.size === 0 ? 1 : 0);
        if (found === want.size && got.size === want.size) r.correct++;
      }
    }
    const o = await oursSearch(q);
    if (o.t === undefined) throw new Error(`ours: no DOM change for ${q}`);
    results.ours.times.push(o.t);
    if (run === 0) {
      const ok = o.total === want.size && o.rows.every((n) => want.has(n));
      results.ours.recall.push(want.size ? Math.min(o.total, want.size) / want.size : o.total === 0 ? 1 : 0);
      if (ok) results.ours.correct++;
      else console.log(`ours: ${q}: ${o.total} vs ${want.size}`);
    }
  }
}

// Ours, cold: each title query as a shared link (`?q=…&field=title`) on a fresh page, answered
// from the title index before the list is in: what "before the first result" costs a reader.
const cold = await sharedSearch(browser, `${ORIGIN}/app/`, join(APP, 'data'), TITLE_QUERIES.map(([, q]) => q), '&field=title');
const coldCorrect = cold.filter((c, i) => Number(c.count.replace(/,/g, '')) === expected.get(TITLE_QUERIES[i][1]).size).length;
const appGz = gz(join(APP, 'esg-board_bg.wasm')) + gz(join(APP, 'esg-board.js'));
results.ours.gzip = appGz + pct(cold.map((c) => c.needed), 0.5);
const coldMax = Math.max(...cold.map((c) => c.needed));
// The budget for the first result: 200 kB gzip at 100k posts, 400 kB at 1M.
const budget = POSTS > 100000 ? 400_000 : 200_000;
const over = cold.filter((c) => c.needed > budget).map((c) => `${c.q} ${kb(c.needed)}`);

// ---- body search: ours (cold: a fresh page per query) against Pagefind ----------------------
// Pagefind indexes every post as a page: minutes at 100k, so above that only when asked.
const PAGEFIND = POSTS <= 100000 || process.env.BENCH_PAGEFIND === '1';
const body = { ours: { times: [], raw: [], gzip: [], correct: 0 }, Pagefind: { times: [], raw: [], gzip: [], correct: 0 } };
const pfFile = (path) => (path.startsWith('/corpus/pagefind/') ? join(CORPUS, decodeURIComponent(path.slice(8))) : null);
for (const q of BODY_QUERIES) {
  const want = expectedBody.get(q);
  // Ours: the list is loaded; then the query with 내용 → the count line and the first snippet.
  const page = await countingPage(fileFor);
  await page.goto(`${ORIGIN}/app/?field=body`);
  await page.waitForFunction(() => !document.querySelector('[data-board-prerendered]'), null, { timeout: 300_000 });
  // Every list file in (searching needs the whole list): only then count this query's bytes.
  await page.waitForLoadState('networkidle', { timeout: 300_000 });
  await page.waitForFunction(() => !document.querySelector('.board-count')?.textContent.includes('불러오는'), null, { timeout: 300_000 });
  page.fetched.length = 0;
  const box = page.getByRole('searchbox', { name: '검색어' });
  await box.fill(q);
  const t0 = Date.now();
  await box.press('Enter');
  await page.locator('.board-snippet mark').first().waitFor({ timeout: 30_000 }).catch(() => {});
  body.ours.times.push(Date.now() - t0);
  const [raw, gzip] = bytesOf(page.fetched);
  body.ours.raw.push(raw); body.ours.gzip.push(gzip);
  body.ours.index = (body.ours.index || []).concat([bytesOf(page.fetched.filter(([p]) => p.includes('/data/index/')))[1]]);
  const total = Number((/총 ([\d,]+)건/.exec(await page.locator('.board-count').innerText())?.[1] ?? '0').replace(/,/g, ''));
  if (total === want.size) body.ours.correct++; else console.log(`ours body: ${q}: ${total} vs ${want.size}`);
  await page.context().close();

  if (!PAGEFIND) continue;
  // Pagefind: a fresh page; import pagefind.js, search, and load the first result (its page).
  const pf = await countingPage(pfFile);
  await pf.goto(`${ORIGIN}/corpus/blank.html`);
  const r = await pf.evaluate(async (q) => {
    const t0 = performance.now();
    const pagefind = await import('/corpus/pagefind/pagefind.js');
    await pagefind.options({ basePath: '/corpus/pagefind/' });
    const search = await pagefind.search(q);
    const first = search.results[0] ? await search.results[0].data() : null;
    return { t: performance.now() - t0, count: search.results.length, first: first?.meta?.no };
  }, q);
  body.Pagefind.times.push(r.t);
  const [praw, pgzip] = bytesOf(pf.fetched);
  body.Pagefind.raw.push(praw); body.Pagefind.gzip.push(pgzip);
  if (r.count === want.size) body.Pagefind.correct++; else console.log(`pagefind: ${q}: ${r.count} vs ${want.size}`);
  await pf.context().close();
}
await browser.close();

// ---- sizes and the report -------------------------------------------------------------------
const dirBytes = (dir) => readdirSync(dir, { recursive: true }).map((f) => join(dir, f))
  .filter((f) => statSync(f).isFile() && !/\.(gz|br)$/.test(f))
  .reduce(([r, g], f) => [r + statSync(f).size, g + gz(f)], [0, 0]);
const [idxRaw, idxGz] = dirBytes(join(APP, 'data/index'));
const [listRaw, listGz] = dirBytes(join(APP, 'data/list'));
const [, findGz] = dirBytes(join(APP, 'data/find'));
const [pfRaw, pfGz] = PAGEFIND ? dirBytes(join(CORPUS, 'pagefind')) : [0, 0];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const titleRow = (name, r, index) => `| ${name} | ${ms(pct(r.times, 0.5))} | ${ms(pct(r.times, 0.95))} | ${kb(r.gzip)} | ${index} | ${r.correct} / ${TITLE_QUERIES.length} | ${(100 * mean(r.recall)).toFixed(1)} % |`;
const date = new Date().toISOString().slice(0, 10);
const marker = POSTS === 100000 ? '<!-- search benchmark:' : `<!-- search benchmark at ${n} posts:`;
const command = POSTS === 100000 ? 'cargo xtask bench-search' : `cargo xtask bench-search --posts ${POSTS}`;
const md = `${marker} written by ${command} -->
## Search${POSTS === 100000 ? '' : ` at ${n} posts`}: ours against MiniSearch, FlexSearch, Fuse.js${PAGEFIND ? ' and Pagefind' : ''}

Written by \`${command}\` on ${date}; ${os.cpus().length} × ${os.cpus()[0]?.model}, headless
Chromium on 127.0.0.1, the synthetic board of ${n} posts (\`board-build synth --posts ${POSTS}\`).
${RUNS} alternating runs of ${TITLE_QUERIES.length} title queries (substring, spaced, several terms, 초성, the syllable
being typed, mixed, no match) and ${BODY_QUERIES.length} body queries. "Correct" means exactly the posts the
search rules select (an oracle in \`tests/bench/search/bench.mjs\`, regular expressions by
syllable arithmetic, independent of our Rust engine); recall is the share of those found.

### Titles (${n} titles; each library as documented, index built in the page)

| engine | p50 | p95 | bytes before the first result (gzip) | index size | correct | recall |
|---|---:|---:|---:|---:|---:|---:|
${titleRow('**ours** (wasm, through the UI: Enter → rows and count in the DOM)', results.ours, `title index ${kb(findGz)} gzip; list ${kb(listGz)}`)}
${titleRow('MiniSearch 7.2 (prefix, AND; search call only)', results.MiniSearch, `${kb(results.MiniSearch.index)} JSON`)}
${titleRow('FlexSearch 0.8 (forward tokenizer; search call only)', results.FlexSearch, `${kb(results.FlexSearch.index)} export`)}
${titleRow('Fuse.js 7.5 (threshold 0.3; search call only)', results['Fuse.js'], `${kb(results['Fuse.js'].index)} JSON`)}

Ours is timed from the Enter key to the last DOM change of that search (rows, count, pagination);
the others time only their search function, no rendering. Bytes before the first result: ours is
the app (wasm and glue, ${kb(appGz)}) and the median data a cold shared link (\`?q=…&field=title\`, a fresh page) needed before its count
showed — the title index files and the rows of its page, not the list (max ${kb(coldMax)}; over
${kb(budget)}: ${over.length ? over.join(', ') : 'none'}; its counts were right for ${coldCorrect} of
${TITLE_QUERIES.length} queries); the others are the library and the titles (${kb(gz(join(CORPUS, 'titles.json')))} gzip) — they build their index in the browser
(MiniSearch ${results.MiniSearch.build} ms, FlexSearch ${results.FlexSearch.build} ms, Fuse.js ${results['Fuse.js'].build} ms including the download).

### Bodies, cold (a fresh page per query; ours: the list loaded, 내용, Enter → first snippet)

| engine | p50 | p95 | bytes per cold query, median (gzip) | max (gzip) | index on disk (gzip) | correct |
|---|---:|---:|---:|---:|---:|---:|
| **ours** (index files + the first page's body files) | ${ms(pct(body.ours.times, 0.5))} | ${ms(pct(body.ours.times, 0.95))} | ${kb(pct(body.ours.gzip, 0.5))} | ${kb(Math.max(...body.ours.gzip))} | ${kb(idxGz)} (${kb(idxRaw)} raw) | ${body.ours.correct} / ${BODY_QUERIES.length} |
${PAGEFIND ? `| Pagefind 1.6 (pagefind.js, wasm, index chunks, first fragment) | ${ms(pct(body.Pagefind.times, 0.5))} | ${ms(pct(body.Pagefind.times, 0.95))} | ${kb(pct(body.Pagefind.gzip, 0.5))} | ${kb(Math.max(...body.Pagefind.gzip))} | ${kb(pfGz)} (${kb(pfRaw)} raw) | ${body.Pagefind.correct} / ${BODY_QUERIES.length} |` : `| Pagefind | not run at ${n} posts (indexing that many pages takes long; \`BENCH_PAGEFIND=1\` runs it) | | | | | |`}

Body queries: ${BODY_QUERIES.join(', ')}. Ours' bytes include up to 20 body files for the
snippets of the first page (the index files alone: median ${kb(pct(body.ours.index, 0.5))}, max ${kb(Math.max(...body.ours.index))} gzip); Pagefind's include one fragment (one result's data). Pagefind is
judged by its number of results against the oracle's (its result ids need a fragment each).
`;
writeSection(marker, md);
console.log(md);
