// The board in a real browser: the built dist/ served under /esg-board/ with no rewrite rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BOARD_URL, launch, openPage, rowCells } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PATH = new URL(BOARD_URL).pathname; // /esg-board/

test('the list shows the board table with row 3409 exactly', async () => {
  const page = await openPage(browser);
  await page.waitForSelector('tbody tr');
  assert.match(await page.locator('table caption').innerText(), /ESG 정책뉴스/);
  assert.deepEqual(await page.locator('thead th').allInnerTexts(), ['번호', '제목', '글쓴이', '날짜', '조회수']);
  assert.equal(await page.locator('tbody tr').count(), 20);
  assert.deepEqual(await rowCells(page, 3409),
    ['3409', '정부 비축장 및 비축탄 관리 사무 대한석탄공사에서 한국광해광업공단으로 변경', '관리자', '2025-09-15', '88']);
  assert.match(await page.locator('.board-count').innerText(), /총 21건/);
  assert.equal(await page.title(), 'ESG 정책뉴스');
  await page.assertClean();
});

test('clicking a title opens ?post=3409 in place, back returns to the list', async () => {
  const page = await openPage(browser);
  await page.getByRole('link', { name: '정부 비축장 및 비축탄 관리 사무' }).click();
  await page.waitForSelector('article h2');
  const url = new URL(page.url());
  assert.equal(url.pathname, PATH);
  assert.equal(url.searchParams.get('post'), '3409');
  assert.equal(await page.locator('article h2').innerText(), '정부 비축장 및 비축탄 관리 사무 대한석탄공사에서 한국광해광업공단으로 변경');
  assert.match(await page.locator('article dl').innerText(), /관리자[\s\S]*2025-09-15[\s\S]*88/);
  assert.match(await page.locator('.board-nobody').innerText(), /본문은 데이터에 포함되어 있지 않습니다/);
  await page.goBack();
  await page.waitForSelector('tbody tr');
  assert.equal(new URL(page.url()).search, '');
  assert.deepEqual((await rowCells(page, 3409))[0], '3409');
  await page.assertClean();
});

test('the full article shows 고용노동부, all five paragraphs and its source', async () => {
  const page = await openPage(browser, '?post=3410');
  await page.waitForSelector('.board-body p');
  const meta = await page.locator('article dl').innerText();
  assert.match(meta, /담당부서\s*고용노동부/);
  assert.match(meta, /2025-11-03/);
  const paragraphs = await page.locator('.board-body p').allInnerTexts();
  assert.equal(paragraphs.length, 5);
  assert.match(paragraphs[0], /^한국고용정보원\(원장 이창수\)은/);
  assert.match(paragraphs[4], /^이창수 원장 앞으로도/);
  assert.equal(await page.locator('.board-source').innerText(), '출처 2025.11.03 고용노동부');
  assert.match(await page.title(), /^한국고용정보원, 중소기업 동반성장을 위한/);
  await page.assertClean();
});

test('reloading a deep link restores the article, and 목록 returns to the same list page', async () => {
  const page = await openPage(browser, '?post=3390&page=2');
  await page.waitForSelector('article h2');
  await page.reload();
  await page.waitForSelector('article h2');
  assert.equal(await page.locator('article h2').innerText(), '여성가족부, 성별 임금 격차 조사 결과 발표');
  await page.getByRole('link', { name: '목록', exact: true }).click();
  await page.waitForSelector('tbody tr');
  assert.equal(new URL(page.url()).searchParams.get('page'), '2');
  assert.equal(await page.locator('tbody tr').count(), 1);
  assert.equal(await page.locator('nav[aria-label="페이지 이동"] [aria-current="page"]').innerText(), '2');
  await page.assertClean();
});

test('pagination: page links carry the state; out-of-range pages are clamped', async () => {
  const page = await openPage(browser);
  const nav = page.locator('nav[aria-label="페이지 이동"]');
  await nav.waitFor();
  assert.equal(await nav.locator('[aria-current="page"]').innerText(), '1');
  for (const name of ['처음', '이전']) {
    assert.equal(await nav.locator('a[aria-disabled="true"]', { hasText: name }).count(), 1, name);
  }
  assert.match(await nav.getByRole('link', { name: '2 페이지', exact: true }).getAttribute('href'), /page=2/);
  await nav.getByRole('link', { name: '다음' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
  assert.deepEqual(await page.locator('tbody td.col-no').allInnerTexts(), ['3390']);
  assert.equal(await page.title(), 'ESG 정책뉴스 - 2페이지');

  const clamped = await openPage(browser, '?page=99999');
  await clamped.waitForSelector('tbody tr');
  assert.equal(await clamped.locator('nav[aria-label="페이지 이동"] [aria-current="page"]').innerText(), '2');
  await page.assertClean();
  await clamped.assertClean();
});

test('an unknown or malformed post says 찾을 수 없습니다 with a 목록 link', async () => {
  for (const q of ['?post=99999999', '?post=abc', '?post=%3Cscript%3Ealert(1)%3C/script%3E']) {
    const page = await openPage(browser, q);
    await page.waitForSelector('.board-notfound');
    assert.match(await page.locator('.board-notfound').innerText(), /찾을 수 없습니다/, q);
    assert.equal(await page.getByRole('link', { name: '목록' }).count(), 1, q);
    assert.equal(await page.locator('.board-notfound script').count(), 0, q);
    await page.assertClean();
  }
});

test('the static host has no rewrite rules: only real files exist', async () => {
  const res = await fetch(new URL('no-such-page', BOARD_URL));
  assert.equal(res.status, 404);
  const data = await fetch(new URL('data/board.json', BOARD_URL));
  assert.equal(data.status, 200);
});
