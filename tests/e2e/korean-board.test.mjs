// A complete Korean board, end to end on a board the test builds from its own export (150 posts,
// three 분류, two 공지, files on every tenth post): notices on every page of the plain list,
// the 분류 links with cat=, KRDS pagination with the page jump, the count announced once after
// typing settles, text alternatives of the markers, in Korean and English, desktop and phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, mounted, openPage } from './browser.mjs';
import { audit } from './axe.mjs';
import { build, scratch, serve } from './datasets.mjs';

const CATS = ['보도자료', '공지사항', '행사'];
let browser;
let data;

before(async () => {
  browser = await launch();
  const dir = scratch();
  const day = (i) => new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 2))).toISOString().slice(0, 10);
  const rows = ['번호,제목,작성자,작성일,조회수,분류,공지,첨부파일'];
  for (let i = 1; i <= 150; i += 1) {
    const file = i % 10 === 0 ? `https://files.example.kr/f/%EB%B6%99%EC%9E%84-${i}.hwp` : '';
    const notice = i === 3 || i === 7 ? 'Y' : 'N';
    rows.push(`${i},${CATS[i % 3]} 게시글 ${i},관리자,${day(i)},${i * 3},${CATS[i % 3]},${notice},${file}`);
  }
  writeFileSync(join(dir, 'board.csv'), `${rows.join('\r\n')}\r\n`);
  data = join(dir, 'data');
  build([join(dir, 'board.csv'), '--out', data, '--name', '정책 게시판']);
});
after(async () => { await browser?.close(); });

const open = (query, viewport) => openPage(browser, query, async (p) => {
  if (viewport) await p.setViewportSize(viewport);
  await serve(data)(p);
});
const PHONE = { width: 375, height: 800 };
const noCells = (page) => page.locator('tbody td.col-no').allInnerTexts();

test('공지: first on every page of the plain list, 번호 reading 공지; ordinary rows in a search or category', async () => {
  const page = await open('?size=10');
  await page.locator('tbody tr').first().waitFor();
  assert.deepEqual((await noCells(page)).slice(0, 3), ['공지', '공지', '150']);
  assert.equal(await page.locator('tbody tr.is-notice').count(), 2);
  assert.equal(await page.locator('tbody tr').count(), 12);
  assert.match(await page.locator('tbody tr.is-notice a.title-link').first().innerText(), /공지사항 게시글 7/);
  // The page math of 총 N건 is unchanged.
  assert.match(await page.locator('.board-count').innerText(), /총 150건 · 1\/15 페이지/);
  await page.goto(page.url().replace('size=10', 'size=10&page=5'));
  await mounted(page);
  await page.locator('tbody tr.is-notice').first().waitFor();
  assert.deepEqual(await noCells(page), ['공지', '공지', ...Array.from({ length: 10 }, (_, i) => String(110 - i))]);
  for (const narrowed of ['&q=게시글', '&cat=행사', '&dept=없음']) {
    await page.goto(`${page.url().split('?')[0]}?size=10${narrowed}`);
    await mounted(page);
    await page.locator('.board-count', { hasText: /총|없습니다/ }).waitFor();
    assert.equal(await page.locator('tbody tr.is-notice').count(), 0, narrowed);
  }
  await page.assertClean();
});

test('공지 on a phone: the 공지 cell stays visible in the card', async () => {
  const page = await open('?size=10', PHONE);
  const cell = page.locator('tbody tr.is-notice td.col-no').first();
  await cell.waitFor();
  assert.equal(await cell.isVisible(), true);
  assert.equal(await cell.innerText(), '공지');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  await page.assertClean();
});

test('분류: 전체 and each category with its count; cat= in the URL, combined with search; unknown said', async () => {
  const page = await open('?size=10');
  const nav = page.locator('nav[aria-label="분류"]');
  await nav.waitFor();
  assert.deepEqual(await nav.locator('a').allInnerTexts(), ['전체', '공지사항 (50)', '보도자료 (50)', '행사 (50)']);
  assert.equal(await nav.locator('a[aria-current="page"]').innerText(), '전체');
  await nav.getByRole('link', { name: '보도자료 (50)' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('cat') === '보도자료');
  await page.locator('.board-count', { hasText: '총 50건' }).waitFor();
  assert.equal(await nav.locator('a[aria-current="page"]').innerText(), '보도자료 (50)');
  for (const t of await page.locator('tbody td.col-title .title-line').allInnerTexts()) {
    assert.match(t, /^\[보도자료\]\s+보도자료 게시글 \d+/);
  }
  // With a search: only rows of both.
  await page.goto(`${page.url().split('?')[0]}?cat=${encodeURIComponent('행사')}&q=14`);
  await mounted(page);
  await page.locator('.board-count', { hasText: '총' }).waitFor();
  const titles = await page.locator('tbody a.title-link').allInnerTexts();
  assert.ok(titles.length > 0);
  for (const t of titles) assert.match(t, /^행사 게시글 \d*14\d*$/);
  assert.match(await page.locator('.board-count').innerText(), new RegExp(`총 ${titles.length}건`));
  // A category the board does not have: nothing, said so, shown as the current one.
  await page.goto(`${page.url().split('?')[0]}?cat=${encodeURIComponent('없는분류')}`);
  await mounted(page);
  await page.locator('.board-count', { hasText: '분류 ‘없는분류’의 게시글이 없습니다.' }).waitFor();
  assert.equal(await nav.locator('a[aria-current="page"]').innerText(), '없는분류 (0)');
  assert.deepEqual(await audit(page), []);
  // On a phone the links wrap: all of them on screen, none under 44 px, no sideways scroll.
  await page.setViewportSize(PHONE);
  for (const link of await nav.locator('a').all()) {
    const box = await link.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width && box.height >= 44, JSON.stringify(box));
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  await page.assertClean();
});

test('pagination: at most 11 numbers (7 on a phone), first and last always there, named, current not a link', async () => {
  const page = await open('?size=10&page=7');
  const nav = page.locator('nav[aria-label="페이지 이동"]');
  await nav.waitFor();
  const visible = () => nav.locator('.page-item:visible').allInnerTexts();
  assert.deepEqual(await visible(), ['1', '…', '3', '4', '5', '6', '7', '8', '9', '10', '11', '…', '15']);
  const current = nav.locator('[aria-current="page"]');
  assert.equal(await current.innerText(), '7');
  assert.equal(await current.evaluate((e) => e.tagName), 'STRONG');
  assert.equal(await nav.locator('a[aria-current]').count(), 0);
  assert.match(await nav.getByRole('link', { name: '3 페이지', exact: true }).getAttribute('href'), /page=3/);
  assert.match(await nav.getByRole('link', { name: '15 페이지', exact: true }).getAttribute('href'), /page=15/);
  for (const name of ['처음', '이전', '다음', '마지막']) {
    assert.equal(await nav.getByRole('link', { name, exact: true }).count(), 1, name);
  }
  assert.deepEqual(await audit(page), []);
  await page.setViewportSize(PHONE);
  assert.deepEqual(await visible(), ['1', '…', '5', '6', '7', '8', '9', '…', '15']);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  await page.assertClean();
});

test('page jump: a number goes there (clamped to 1…last), anything else is said beside the field', async () => {
  const page = await open('?size=10&page=2');
  const field = page.getByRole('spinbutton', { name: '페이지 번호' });
  await field.waitFor();
  assert.equal(await page.locator('.page-jump-total').innerText(), '/ 총 15페이지');
  await field.fill('99');
  await page.getByRole('button', { name: '이동', exact: true }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '15');
  await page.locator('nav[aria-label="페이지 이동"] [aria-current="page"]', { hasText: '15' }).waitFor();
  await field.fill('0');
  await field.press('Enter');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('page'));
  await page.locator('nav[aria-label="페이지 이동"] [aria-current="page"]', { hasText: /^1$/ }).waitFor();
  await field.fill('');
  await field.press('Enter');
  const error = page.getByRole('alert');
  await error.waitFor();
  assert.equal(await error.innerText(), '1부터 15까지의 페이지 번호를 숫자로 입력하세요.');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await audit(page), []);
  // On a phone: the field and its button are there and big enough to tap.
  await page.setViewportSize(PHONE);
  for (const control of [field, page.getByRole('button', { name: '이동', exact: true })]) {
    const box = await control.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width && box.height >= 44, JSON.stringify(box));
  }
  await page.assertClean();
});

test('the count is announced once, after typing settles, not at every keystroke', async () => {
  const page = await open('?size=10');
  const region = page.locator('[data-board-announce]');
  await region.waitFor({ state: 'attached' });
  assert.equal(await region.getAttribute('aria-live'), 'polite');
  await page.waitForFunction(() => /총 150건/.test(document.querySelector('[data-board-announce]').textContent));
  await page.evaluate(() => {
    const el = document.querySelector('[data-board-announce]');
    window.__announced = [];
    new MutationObserver(() => window.__announced.push(el.textContent)).observe(el, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('searchbox', { name: '검색어' }).pressSequentially('보도자료 게시글', { delay: 120 });
  await page.locator('.board-count', { hasText: '총 50건' }).waitFor();
  await page.waitForTimeout(1500);
  const heard = await page.evaluate(() => window.__announced.filter((t, i, all) => t !== all[i - 1]));
  assert.equal(heard.length, 1, JSON.stringify(heard));
  assert.match(heard[0], /총 50건/);
  // A search that finds nothing is announced as such.
  await page.getByRole('searchbox', { name: '검색어' }).fill('없는말');
  await page.waitForFunction(() => /검색 결과가 없습니다/.test(document.querySelector('[data-board-announce]').textContent));
  await page.assertClean();
});

test('the 새 글 and 첨부파일 markers carry text, and English covers every new string', async () => {
  const page = await open('?size=10');
  const row = page.locator('tbody tr', { has: page.locator('td.col-no', { hasText: /^150$/ }) });
  await row.waitFor();
  assert.equal(await row.locator('.badge-new').innerText(), '새 글');
  assert.equal(await page.locator('nav[aria-label="페이지 이동"] a.page-number').first().getAttribute('aria-label'), '2 페이지');
  const file = row.locator('.badge-file');
  assert.equal(await file.getAttribute('title'), '첨부파일 있음');
  assert.equal(await file.locator('.board-visually-hidden').textContent(), '첨부파일');
  assert.equal(await file.locator('svg').getAttribute('aria-hidden'), 'true');
  assert.equal(await page.locator('tbody tr', { has: page.locator('td.col-no', { hasText: /^149$/ }) }).locator('.badge-file').count(), 0);

  await page.goto(`${page.url().split('?')[0]}?size=10&page=7&lang=en`);
  await mounted(page);
  const nav = page.locator('nav[aria-label="Pages"]');
  await nav.waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Page 3', exact: true }).count(), 1);
  assert.equal(await page.getByRole('spinbutton', { name: 'Page number' }).count(), 1);
  assert.equal(await page.getByRole('button', { name: 'Go', exact: true }).count(), 1);
  assert.equal(await page.locator('.page-jump-total').innerText(), 'of 15 pages');
  assert.deepEqual((await page.locator('nav[aria-label="Category"] a').allInnerTexts())[0], 'All');
  await page.goto(`${page.url().split('?')[0]}?size=10&lang=en`);
  await mounted(page);
  await page.locator('tbody tr.is-notice').first().waitFor();
  assert.equal(await page.locator('tbody tr.is-notice td.col-no').first().innerText(), 'Notice');
  assert.equal(await page.locator('.badge-file .board-visually-hidden').first().textContent(), 'Attachments');
  await page.goto(`${page.url().split('?')[0]}?cat=${encodeURIComponent('없는분류')}&lang=en`);
  await mounted(page);
  await page.locator('.board-count', { hasText: 'There are no posts in the category “없는분류”.' }).waitFor();
  assert.deepEqual(await audit(page), []);
  await page.assertClean();
});
