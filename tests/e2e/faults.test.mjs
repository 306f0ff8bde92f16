// The bad-input catalogue, in the browser. One case per test or loop entry; each says
// what is tried. Every page also fails on any page error, console error, dialog or CSP violation.
//
// Dataset as the browser receives it (served through Playwright routes, so no special server):
//   404 · 500 · connection refused · a response that never ends (timeout message after ~10 s) ·
//   an HTML error page with status 200 · empty body · truncated JSON · JSON of the wrong shape ·
//   unknown schema_version · a missing list file · a missing body file (article says so, list
//   still works) · 0 posts · 100k posts (the synthetic board) · hostile text in every field.
// URLs: page/size/sort/post out of range or not numbers, a 5,000-character q, regex
//   metacharacters and % escapes in q, unknown and repeated parameters (the first one wins).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOARD_URL, firstMove, launch, openPage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const MANIFEST = '**/data/board.json';
const alertOf = async (page, timeout = 5000) => {
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout });
  return alert.innerText();
};
const pwned = (page) => page.evaluate(() => window.__pwned);
const realManifest = () => fetch(new URL('data/board.json', BOARD_URL)).then((r) => r.text());

const faults = [
  ['404', (r) => r.fulfill({ status: 404, body: 'Not Found' }), /서버 응답 404/],
  ['500', (r) => r.fulfill({ status: 500, body: 'Internal Server Error' }), /서버 응답 500/],
  ['connection refused', (r) => r.abort('connectionrefused'), /네트워크 오류/],
  ['HTML error page with status 200', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<html><body><h1>Error</h1><script>window.__pwned=1</script></body></html>' }), /데이터 형식이 올바르지 않습니다/],
  ['empty body', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '' }), /데이터 형식이 올바르지 않습니다/],
  ['truncated JSON', async (r) => r.fulfill({ status: 200, body: (await realManifest()).slice(0, 60) }), /데이터 형식이 올바르지 않습니다/],
  ['valid JSON of the wrong shape', (r) => r.fulfill({ status: 200, body: '{"schema_version":1,"posts":"nope"}' }), /데이터 형식이 올바르지 않습니다/],
  ['unknown schema_version', (r) => r.fulfill({ status: 200, body: '{"schema_version":3,"whatever":true}' }), /지원하지 않는 데이터 버전입니다 \(schema_version 3/],
];

for (const [what, fault, message] of faults) {
  test(`dataset fault: ${what} → a clear alert with 다시 시도`, async () => {
    const page = await openPage(browser, '', (p) => p.route(MANIFEST, fault));
    assert.match(await alertOf(page), message);
    assert.equal(await page.getByRole('button', { name: '다시 시도' }).count(), 1);
    assert.equal(await pwned(page), undefined);
    // The browser's own report of a failed load is expected here; nothing else is.
    page.problems.splice(0, page.problems.length, ...page.problems.filter((p) => !/Failed to load resource/.test(p)));
    await page.assertClean();
  });
}

test('dataset fault: 404, then 다시 시도 once the file is back → the list', async () => {
  const page = await openPage(browser, '', (p) => p.route(MANIFEST, (r) => r.fulfill({ status: 404, body: '' })));
  await alertOf(page);
  await page.unroute(MANIFEST);
  await page.getByRole('button', { name: '다시 시도' }).click();
  await page.locator('tbody tr').first().waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
});

test('dataset fault: a response that never ends → a timeout message after ~10 s', async () => {
  const started = Date.now();
  const page = await openPage(browser, '', (p) => p.route(MANIFEST, () => new Promise(() => {})), { wait: false });
  // Meanwhile the reader has the pre-rendered first page, not a blank; the app starts at their
  // first move.
  assert.ok(await page.locator('[data-board-prerendered] tbody tr').count() > 0);
  await firstMove(page);
  assert.match(await alertOf(page, 20_000), /10초 안에 응답하지 않았습니다/);
  const waited = Date.now() - started;
  assert.ok(waited > 8_000 && waited < 16_000, `alert after ${waited} ms`);
  assert.equal(await page.getByRole('button', { name: '다시 시도' }).count(), 1);
});

test('dataset fault: a missing list file → alert naming it', async () => {
  const page = await openPage(browser, '', (p) => p.route('**/data/list/0.json', (r) => r.fulfill({ status: 404, body: '' })));
  assert.match(await alertOf(page), /서버 응답 404 \(data\/list\/0\.json\)/);
});

test('dataset fault: a missing body file → the article says so, the list still works', async () => {
  const page = await openPage(browser, '?post=3410', (p) => p.route('**/data/posts/**', (r) => r.fulfill({ status: 404, body: '' })));
  assert.match(await alertOf(page), /본문을 불러오지 못했습니다/);
  assert.equal(await page.locator('article h2').count(), 1);
  assert.match(await page.locator('article dl').innerText(), /고용노동부/);
  await page.getByRole('link', { name: '목록', exact: true }).click();
  await page.locator('tbody tr').first().waitFor();
  assert.equal(await page.locator('tbody tr').count(), 20);
});

test('dataset: 0 posts → the empty-board sentence, no table', async () => {
  const empty = '{"schema_version":1,"board":{"name":"빈 게시판"},"count":0,"departments":[],"shard_size":1000,"shards":[]}';
  const page = await openPage(browser, '', (p) => p.route(MANIFEST, (r) => r.fulfill({ status: 200, body: empty })));
  await page.locator('.board-count', { hasText: '등록된 게시글이 없습니다.' }).waitFor();
  assert.equal(await page.locator('table').count(), 0);
  await page.assertClean();
});

test('dataset: 100k synthetic posts → list, search, last page', async () => {
  const dir = process.env.SYNTH_100K;
  assert.ok(dir, 'SYNTH_100K is set by cargo xtask test');
  const serve = (p) => p.route('**/data/**', (r) => {
    const rel = new URL(r.request().url()).pathname.split('/data/')[1];
    return r.fulfill({ path: join(dir, rel) });
  });
  const page = await openPage(browser, '', serve);
  await page.locator('tbody tr').first().waitFor({ timeout: 30_000 });
  assert.match(await page.locator('.board-count').innerText(), /총 100,000건/);
  assert.equal(await page.locator('tbody tr').count(), 20);
  const last = await openPage(browser, '?page=99999&size=100', serve);
  await last.locator('tbody tr').first().waitFor({ timeout: 30_000 });
  assert.equal(await last.locator('nav[aria-label="페이지 이동"] [aria-current="page"]').innerText(), '1000');
  assert.equal(await last.locator('tbody td.col-no').first().innerText(), '100');
  await last.getByRole('searchbox', { name: '검색어' }).fill('탄소중립 강화');
  await last.waitForFunction(() => new URL(location.href).searchParams.get('q') === '탄소중립 강화');
  assert.match(await last.locator('.board-count').innerText(), /총 [\d,]+건/);
  assert.ok(await last.locator('tbody mark').count() > 0);
  await page.assertClean();
  await last.assertClean();
});

test('100k posts: the first screen needs only board.json and the first list file', async () => {
  const dir = process.env.SYNTH_100K;
  let release;
  const gate = new Promise((r) => { release = r; });
  const fetched = [];
  const serve = (p) => p.route('**/data/**', async (r) => {
    const rel = new URL(r.request().url()).pathname.split('/data/')[1];
    // Hold every list file but the first until the test lets them through.
    if (/^list\/[1-9]\d*\.json$/.test(rel)) await gate;
    fetched.push(rel);
    return r.fulfill({ path: join(dir, rel) });
  });
  const page = await openPage(browser, '', serve);
  await page.locator('tbody tr').first().waitFor({ timeout: 30_000 });
  assert.deepEqual(fetched, ['board.json', 'list/0.json']);
  const bytes = fetched.reduce((n, rel) => n + readFileSync(join(dir, rel)).length, 0);
  assert.ok(bytes < 200_000, `${bytes} bytes of data before the first rows`);
  assert.match(await page.locator('.board-count').innerText(), /총 100,000건 · 1\/5,?000 페이지/);
  assert.equal(await page.locator('tbody tr').count(), 20);
  // Page 2 is in the first file too.
  await page.locator('nav[aria-label="페이지 이동"]').getByRole('link', { name: '2 페이지', exact: true }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
  assert.equal(await page.locator('tbody tr').count(), 20);
  // A search is answered from the title index while the other list files are still held…
  await page.getByRole('searchbox', { name: '검색어' }).fill('탄소중립');
  await page.locator('tbody mark').first().waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('.esg-board[data-board-list="partial"]').count(), 1);
  assert.doesNotMatch(await page.locator('.board-count').innerText(), /총 100,000건/);
  assert.ok(!fetched.some((rel) => /^list\/[1-9]/.test(rel)), 'no held list file was needed');
  // …and sorting it by 조회수 needs the whole list, which says it is loading until it is in.
  await page.locator('select[name=sort]').selectOption('views');
  await page.locator('.board-count', { hasText: '전체 목록을 불러오는 중입니다' }).waitFor();
  release();
  await page.locator('.esg-board[data-board-list="whole"] .board-count', { hasText: /총 [\d,]+건/ }).waitFor({ timeout: 30_000 });
  assert.ok(await page.locator('tbody mark').count() > 0);
  await page.assertClean();
});

test('hostile text in every field is shown as text, never run', async () => {
  const nfd = '\u1100\u1169\u110B\u116D\u11BC\u1102\u1169\u1103\u1169\u11BC\u1107\u116E'; // 고용노동부, decomposed
  const posts = [
    { no: 5, title: '<script>window.__pwned=1</script>스크립트 제목', author: '<img src=x onerror="window.__pwned=2">', date: '2025-09-15', views: 1, dept: '"><svg onload="window.__pwned=3">', has_body: true },
    { no: 4, title: '\u202Eevil\u202C 양방향 제어 문자', author: '관리자', date: '2025-09-14', views: 2, has_body: false },
    { no: 3, title: '가'.repeat(10_000), author: '관리자', date: '2025-09-13', views: 3, has_body: false },
    { no: 2, title: 'NUL\u0000 제어\u0007문자', author: '관리자', date: '2025-09-12', views: 4, has_body: false },
    { no: 1, title: `${nfd} 분해된 한글`, author: '관리자', date: '2025-09-11', views: 5, has_body: false },
  ];
  const manifest = { schema_version: 1, board: { name: '<b>게시판</b>' }, count: 5, departments: [{ name: posts[0].dept, count: 1 }], shard_size: 1000, shards: ['list/0.json'] };
  const body = { schema_version: 1, bodies: [{ no: 5, paragraphs: ['<b>굵게</b> javascript:window.__pwned=4 링크', '자세히: https://example.org/a?b=1&c=<x> 와 javascript:alert(1)'], source: { date: '2025-09-15', org: '<i>기관</i>' } }] };
  const routes = async (p) => {
    await p.route(MANIFEST, (r) => r.fulfill({ status: 200, body: JSON.stringify(manifest) }));
    await p.route('**/data/list/0.json', (r) => r.fulfill({ status: 200, body: JSON.stringify({ schema_version: 1, posts }) }));
    await p.route('**/data/posts/**', (r) => r.fulfill({ status: 200, body: JSON.stringify(body) }));
  };
  const page = await openPage(browser, '', routes);
  await page.locator('tbody tr').first().waitFor();
  assert.equal(await page.locator('.esg-board script, .esg-board img, .esg-board svg, .esg-board b, .esg-board i').count(), 0);
  assert.match(await page.locator('h1').innerText(), /<b>게시판<\/b>/);
  assert.match(await page.locator('tbody tr').first().innerText(), /<script>window.__pwned=1<\/script>스크립트 제목/);
  assert.match(await page.getByRole('combobox', { name: '담당부서' }).innerText(), /"><svg onload/);
  // Decomposed Hangul is found by the composed query a reader types.
  await page.getByRole('searchbox', { name: '검색어' }).fill('고용노동부');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '고용노동부');
  assert.deepEqual(await page.locator('tbody td.col-no').allInnerTexts(), ['1']);

  const article = await openPage(browser, '?post=5', routes);
  await article.locator('.board-body p').first().waitFor();
  assert.match(await article.locator('.board-body').innerText(), /<b>굵게<\/b> javascript:window.__pwned=4/);
  const hrefs = await article.locator('.board-body a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.rel]));
  assert.deepEqual(hrefs, [['https://example.org/a?b=1&c=', 'noopener noreferrer']]);
  assert.match(await article.locator('.board-source').innerText(), /<i>기관<\/i>/);
  for (const p of [page, article]) {
    assert.equal(await pwned(p), undefined);
    await p.assertClean();
  }
});

test('odd URLs fall back as the contract says, without errors', async () => {
  const cases = [
    ['?size=7', (p) => p.locator('tbody tr').count(), 20],
    ['?sort=zzz', (p) => p.getByRole('combobox', { name: '정렬' }).inputValue(), 'new'],
    ['?page=2&page=1', (p) => p.locator('nav[aria-label="페이지 이동"] [aria-current="page"]').innerText(), '2'],
    ['?utm_source=x&foo=bar', (p) => p.locator('tbody tr').count(), 20],
    // The body search answers after the title search: wait for the final sentence.
    ['?q=.*%5B(%5C', (p) => p.locator('.board-count', { hasText: '없습니다' }).innerText(), '검색 결과가 없습니다.'],
    ['?q=%25', (p) => p.getByRole('searchbox', { name: '검색어' }).inputValue(), '%'],
    [`?q=${'가'.repeat(5000)}`, (p) => p.locator('.board-count', { hasText: '없습니다' }).innerText(), '검색 결과가 없습니다.'],
    ['?q=%22%3E%3Csvg%20onload%3Dwindow.__pwned%3D1%3E', (p) => p.getByRole('searchbox', { name: '검색어' }).inputValue(), '"><svg onload=window.__pwned=1>'],
    ['?post=-1', (p) => p.locator('.board-notfound').innerText(), /찾을 수 없습니다/],
    ['?post=99999999', (p) => p.locator('.board-notfound').innerText(), /찾을 수 없습니다/],
  ];
  for (const [query, read, expected] of cases) {
    const page = await openPage(browser, query);
    await page.locator('.board-count, .board-notfound').first().waitFor();
    const got = await read(page);
    if (expected instanceof RegExp) assert.match(got, expected, query);
    else assert.equal(got, expected, query);
    assert.equal(await pwned(page), undefined, query);
    await page.assertClean();
  }
});

test('the wasm cannot start: a sentence where the board would be, in the board\'s language', async () => {
  for (const [query, sentence] of [['', /^게시판을 시작하지 못했습니다/], ['?lang=en', /^The board could not start/]]) {
    const page = await openPage(browser, query, (p) => p.route('**/esg-board_bg.wasm', (r) => r.fulfill({ status: 404, body: '' })), { wait: false });
    await firstMove(page);
    const alert = page.locator('#esg-board [role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), sentence);
    // The failed download and the thrown start-up error are expected; nothing else is.
    page.problems.splice(0, page.problems.length, ...page.problems.filter((p) => !/Failed to load resource|pageerror|WebAssembly|wasm/.test(p)));
    await page.assertClean();
  }
});
