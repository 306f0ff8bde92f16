// The list view's controls: search, filters, order, page size, URL state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { settled } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const numbers = (page) => page.locator('tbody td.col-no').allInnerTexts();
const param = (page, name) => new URL(page.url()).searchParams.get(name);
const waitParam = (page, name, value) =>
  page.waitForFunction(([n, v]) => new URL(location.href).searchParams.get(n) === v, [name, value]);

test('typing searches as you type, keeps every keystroke, and marks the hits', async () => {
  const page = await openPage(browser);
  const box = page.getByRole('searchbox', { name: '검색어' });
  await box.pressSequentially('임금', { delay: 40 });
  await waitParam(page, 'q', '임금');
  await settled(page);
  assert.deepEqual(await numbers(page), ['3402', '3400', '3397', '3390']);
  assert.match(await page.locator('.board-count').innerText(), /총 4건/);
  assert.deepEqual(await page.locator('tbody mark').allInnerTexts(), ['임금', '임금', '임금', '임금']);
  // Fast typing: nothing lost while the list follows.
  await box.fill('');
  await box.pressSequentially('고용노동부, 17개', { delay: 5 });
  assert.equal(await box.inputValue(), '고용노동부, 17개');
  await waitParam(page, 'q', '고용노동부, 17개');
  await settled(page);
  assert.deepEqual(await numbers(page), ['3408']);
  assert.equal(await box.inputValue(), '고용노동부, 17개');
  await page.assertClean();
});

test('검색 조건, Enter, × and a search with no match', async () => {
  const page = await openPage(browser);
  const form = page.getByRole('search');
  await form.getByRole('combobox', { name: '검색 조건' }).selectOption('author');
  await waitParam(page, 'field', 'author');
  const box = form.getByRole('searchbox', { name: '검색어' });
  await box.fill('관리자');
  await box.press('Enter');
  await waitParam(page, 'q', '관리자');
  assert.match(await page.locator('.board-count').innerText(), /총 20건/); // the article has no 글쓴이
  await form.getByRole('button', { name: '검색어 지우기' }).click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
  assert.equal(await box.inputValue(), '');
  await form.getByRole('combobox', { name: '검색 조건' }).selectOption('all');
  await box.fill('zzzz 없는 말');
  await form.getByRole('button', { name: '검색', exact: true }).click();
  await page.locator('.board-count', { hasText: '검색 결과가 없습니다.' }).waitFor();
  assert.equal(await page.locator('table').count(), 0);
  await page.getByRole('button', { name: '검색 초기화' }).click();
  await page.locator('.board-count', { hasText: '총 21건' }).waitFor();
  assert.equal(param(page, 'q'), null);
  await page.assertClean();
});

test('filters: 담당부서, date range, order and page size go into the URL and back to page 1', async () => {
  const page = await openPage(browser, '?page=2');
  await page.locator('tbody tr').first().waitFor();
  await page.getByRole('combobox', { name: '목록 수' }).selectOption('10');
  await waitParam(page, 'size', '10');
  assert.equal(param(page, 'page'), null);
  assert.equal(await page.locator('tbody tr').count(), 10);
  assert.deepEqual(await page.locator('nav[aria-label="페이지 이동"] .page-number').allInnerTexts(), ['1', '2', '3']);

  await page.getByRole('combobox', { name: '정렬' }).selectOption('views');
  await waitParam(page, 'sort', 'views');
  assert.deepEqual((await numbers(page)).slice(0, 3), ['3392', '3408', '3399']);

  await page.getByLabel('시작일').fill('2025-09-08');
  await waitParam(page, 'from', '2025-09-08');
  await page.getByLabel('종료일').fill('2025-09-08');
  await waitParam(page, 'to', '2025-09-08');
  assert.deepEqual(await numbers(page), ['3392', '3393', '3391', '3394', '3390']);

  await page.getByRole('combobox', { name: '담당부서' }).selectOption('고용노동부');
  await waitParam(page, 'dept', '고용노동부');
  await page.locator('.board-count', { hasText: '검색 결과가 없습니다.' }).waitFor();
  await page.assertClean();
});

test('a pasted URL with every parameter reproduces the same rows; back/forward walk the states', async () => {
  const url = '?page=1&size=10&q=%ED%9A%8C&field=title&from=2025-09-01&to=2025-09-30&sort=old';
  const page = await openPage(browser, url);
  await page.locator('tbody tr').first().waitFor();
  const rows = await numbers(page);
  // 회 in the title, September, oldest first (ties by 번호, ascending).
  assert.deepEqual(rows, ['3392', '3394', '3396', '3398', '3400', '3402', '3405', '3406', '3407']);
  assert.equal(await page.getByRole('searchbox', { name: '검색어' }).inputValue(), '회');
  assert.equal(await page.getByRole('combobox', { name: '검색 조건' }).inputValue(), 'title');
  assert.equal(await page.getByRole('combobox', { name: '정렬' }).inputValue(), 'old');
  assert.equal(await page.getByLabel('시작일').inputValue(), '2025-09-01');

  await page.getByRole('combobox', { name: '정렬' }).selectOption('views');
  await waitParam(page, 'sort', 'views');
  const byViews = await numbers(page);
  assert.deepEqual(byViews.slice(0, 3), ['3392', '3394', '3396']);
  await page.goBack();
  await waitParam(page, 'sort', 'old');
  assert.deepEqual(await numbers(page), rows);
  assert.equal(await page.getByRole('combobox', { name: '정렬' }).inputValue(), 'old');
  await page.goForward();
  await waitParam(page, 'sort', 'views');
  assert.deepEqual(await numbers(page), byViews);
  await page.assertClean();
});

test('a pasted dept= shows only that department; its select shows it with its count', async () => {
  const page = await openPage(browser, `?dept=${encodeURIComponent('고용노동부')}`);
  await page.locator('tbody tr').first().waitFor();
  assert.deepEqual(await numbers(page), ['3410']);
  const select = page.getByRole('combobox', { name: '담당부서' });
  assert.equal(await select.inputValue(), '고용노동부');
  assert.match(await select.locator('option:checked').innerText(), /고용노동부 \(1\)/);
  await page.assertClean();
});

test('rows: 새 글 marker for the newest week, whole titles in the accessible name', async () => {
  const page = await openPage(browser);
  await page.locator('tbody tr').first().waitFor();
  // The newest post is 2025-11-03; everything else is September.
  assert.deepEqual(await page.locator('tbody tr', { has: page.locator('.badge-new') }).locator('td.col-no').allInnerTexts(), ['3410']);
  const link = page.locator('tbody tr').first().locator('a.title-link');
  assert.equal(await link.getAttribute('title'), '한국고용정보원, 중소기업 동반성장을 위한 동반성장 상생협력기금에 경영평가성과급 자발적 기부');
  await page.assertClean();
});

test('invalid list parameters fall back without errors', async () => {
  for (const [q, current, rows] of [['?page=-1', '1', 20], ['?page=abc', '1', 20], ['?page=99999', '2', 1], ['?size=7&sort=zzz&field=x', '1', 20], ['?page=1e99', '1', 20]]) {
    const page = await openPage(browser, q);
    await page.locator('tbody tr').first().waitFor();
    assert.equal(await page.locator('nav[aria-label="페이지 이동"] [aria-current="page"]').innerText(), current, q);
    assert.equal(await page.locator('tbody tr').count(), rows, q);
    await page.assertClean();
  }
  const page = await openPage(browser, '?dept=%3Csvg%20onload%3Dalert(1)%3E');
  await page.locator('.board-count', { hasText: '의 게시글이 없습니다.' }).waitFor();
  assert.equal(await page.locator('.esg-board svg').count(), 0);
  await page.assertClean();
});
