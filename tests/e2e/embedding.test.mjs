// Embedding into a real portal page: a page with its own query string (`board.do?menuNo=…`), its
// own <title>, its own key handlers and web components. The board touches nothing of the host
// but its element. Portal pages are served here through Playwright routes at /portal/*.do, with
// the built board beside them (/portal/esg/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext } from './browser.mjs';

const ORIGIN = process.env.SERVER_ORIGIN;
const TITLE = '한국 ESG 포털 - 정책뉴스';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// A portal page (eGovFramework-like) with the board element carrying `attrs`.
const portal = ({ attrs = '', head = '', body = '' } = {}) => `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>${TITLE}</title>
<link rel="stylesheet" href="esg/board.css">${head}</head>
<body><header><a id="portal-home" href="main.do?menuNo=100000">홈</a></header>
<main><h2>정책뉴스</h2>${body}
<div id="esg-board" data-src="esg/data/" data-page-size="10" data-title="false" ${attrs}></div></main>
<script type="module" src="esg/boot.js"></script></body></html>`;

async function open(path, html = portal(), { rows = true, grant = false } = {}) {
  const context = await newContext(browser);
  if (grant) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
  await page.route('**/portal/*.do*', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(ORIGIN + path);
  if (rows) await page.locator('.esg-board tbody tr').first().waitFor();
  page.problems = problems;
  page.clean = () => assert.deepEqual(problems, []);
  return page;
}

const search = (page) => new URL(page.url()).search;
const firstTitle = (page) => page.locator('.esg-board tbody td.col-title a').first();

test('a portal\'s own query string stays in every URL the board writes, and its title stays', async () => {
  const page = await open('/portal/board.do?menuNo=200123', portal(), { grant: true });
  const href = await firstTitle(page).getAttribute('href');
  assert.match(href, /^\?menuNo=200123&post=\d+&size=10$/);
  assert.match(await page.locator('nav[aria-label="페이지 이동"] a.page-number').nth(0).getAttribute('href'), /^\?menuNo=200123&page=2&size=10$/);
  const no = href.match(/post=(\d+)/)[1];
  await firstTitle(page).click();
  await page.locator('article h2').waitFor();
  assert.equal(search(page), `?menuNo=200123&post=${no}&size=10`);
  assert.equal(await page.title(), TITLE, 'the portal keeps its <title>');
  // 링크 복사 gives the portal's address with its menu.
  await page.getByRole('button', { name: '링크 복사' }).click();
  await page.locator('.board-copy-status', { hasText: '주소를 복사했습니다.' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(new URL(copied).search, `?menuNo=200123&post=${no}&size=10`);
  assert.equal(new URL(copied).pathname, '/portal/board.do');
  // 목록 leads back to the portal's page with its menu; a search keeps it too.
  await page.getByRole('link', { name: '목록', exact: true }).click();
  await page.locator('.esg-board tbody tr').first().waitFor();
  assert.equal(search(page), '?menuNo=200123&size=10');
  await page.getByRole('searchbox', { name: '검색어' }).fill('환경부');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '환경부');
  assert.equal(search(page), `?menuNo=200123&size=10&q=${encodeURIComponent('환경부')}`);
  // Back and reload restore the board's state inside the portal's.
  await page.goBack();
  await page.waitForFunction(() => location.search === '?menuNo=200123&size=10');
  await page.goBack();
  await page.locator('article h2').waitFor();
  await page.reload();
  await page.locator('article h2').waitFor();
  assert.equal(search(page), `?menuNo=200123&post=${no}&size=10`);
  assert.equal(await page.title(), TITLE);
  page.clean();
});

test('data-param-prefix: the host keeps page and q, the board reads and writes esg-page, esg-q, …', async () => {
  const html = portal({ attrs: 'data-param-prefix="esg-"' });
  const page = await open('/portal/board.do?page=7&q=host&esg-page=2', html);
  assert.equal(await page.locator('nav[aria-label="페이지 이동"] [aria-current="page"]').innerText(), '2');
  assert.equal(await page.getByRole('searchbox', { name: '검색어' }).inputValue(), '');
  await firstTitle(page).click();
  await page.locator('article h2').waitFor();
  assert.match(search(page), /^\?page=7&q=host&esg-post=\d+&esg-page=2&esg-size=10$/);
  page.clean();
});

test('data-base-url with its own query string: links lead there with both', async () => {
  const page = await open('/portal/main.do?menuNo=100000', portal({ attrs: 'data-base-url="board.do?menuNo=200123"' }));
  assert.match(await firstTitle(page).getAttribute('href'), /^board\.do\?menuNo=200123&post=\d+&size=10$/);
  await firstTitle(page).click();
  await page.waitForURL(/\/portal\/board\.do\?menuNo=200123&post=\d+&size=10$/);
  await page.locator('article h2').waitFor();
  page.clean();
});

test('data-base-url="javascript:…" never becomes a link (and says so on the console)', async () => {
  for (const bad of ['javascript:alert(1)', ' JaVa\tScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
    const page = await open('/portal/board.do', portal({ attrs: `data-base-url="${bad}"` }));
    const hrefs = await page.locator('.esg-board a[href]').evaluateAll((as) => as.map((a) => a.href));
    assert.ok(hrefs.length > 10);
    for (const h of hrefs) assert.match(h, /^http:\/\/127\.0\.0\.1:\d+\/portal\/board\.do/, h);
    assert.equal(page.problems.length, 1);
    assert.match(page.problems[0], /data-base-url .* is not a relative or http\(s\) address/);
  }
});

test('/ jumps to the search box only when nothing else took the key', async () => {
  const focusedSearch = (page) => page.evaluate(() => document.activeElement?.name === 'q');
  // Alone, on the page: it does.
  const plain = await open('/portal/board.do');
  await plain.evaluate(() => document.activeElement?.blur());
  await plain.keyboard.press('/');
  assert.ok(await focusedSearch(plain));
  plain.clean();

  // The host handled it (its own search, say) and called preventDefault.
  const handled = await open('/portal/board.do', portal({
    head: '<script>document.addEventListener("keydown", (e) => { if (e.key === "/") { e.preventDefault(); window.__hostSlash = (window.__hostSlash || 0) + 1; } }, true);</script>',
  }));
  await handled.evaluate(() => document.activeElement?.blur());
  await handled.keyboard.press('/');
  assert.equal(await handled.evaluate(() => window.__hostSlash), 1);
  assert.equal(await focusedSearch(handled), false);
  handled.clean();

  // Typing `/` into a field inside a web component's shadow root.
  const component = await open('/portal/board.do', portal({
    body: '<portal-search id="ps"></portal-search>',
    head: `<script>customElements.define('portal-search', class extends HTMLElement {
      constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<input id="inner" aria-label="포털 검색">'; } });</script>`,
  }));
  await component.locator('#ps').locator('input').focus();
  await component.keyboard.type('a/b');
  assert.equal(await component.locator('#ps').locator('input').inputValue(), 'a/b');
  assert.equal(await focusedSearch(component), false);
  component.clean();

  // Turned off by the host.
  const off = await open('/portal/board.do', portal({ attrs: 'data-shortcut="false"' }));
  await off.evaluate(() => document.activeElement?.blur());
  await off.keyboard.press('/');
  assert.equal(await focusedSearch(off), false);
  off.clean();
});

test('the skip link moves focus to the list without touching the URL\'s hash', async () => {
  const page = await open('/portal/board.do?menuNo=200123');
  await page.locator('.board-skip').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'board-list');
  assert.equal(new URL(page.url()).hash, '');
  assert.equal(search(page), '?menuNo=200123');
  page.clean();
});

test('a page without #esg-board is left alone, with an error on the console', async () => {
  const html = '<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>다른 페이지</title></head>'
    + '<body><h1 id="own">포털 본문</h1><script type="module" src="esg/boot.js"></script></body></html>';
  const page = await open('/portal/other.do', html, { rows: false });
  await page.waitForFunction(() => window.esgBoardWasm !== undefined);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#own').innerText(), '포털 본문');
  assert.equal(await page.locator('.esg-board').count(), 0);
  assert.equal(page.problems.length, 1);
  assert.match(page.problems[0], /no element with id="esg-board"/);
});
