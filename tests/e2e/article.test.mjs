// The article view: neighbours in the current list, 목록, focus, copy link, caching.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, openPage, mounted } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const neighbour = async (page, cls) => {
  const link = page.locator(`.board-neighbours .${cls} a`);
  if (await link.count() === 0) return null;
  return new URL(await link.getAttribute('href'), page.url()).searchParams.get('post');
};

test('이전글/다음글 follow the current list and its order', async () => {
  const page = await openPage(browser, '?post=3405');
  await page.locator('article h2').waitFor();
  assert.equal(await neighbour(page, 'board-prev'), '3406');
  assert.equal(await neighbour(page, 'board-next'), '3404');
  assert.match(await page.locator('.board-neighbours .board-prev').innerText(), /이전글\s+“화학제품 안전관리/);

  const byViews = await openPage(browser, '?post=3405&sort=views');
  await byViews.locator('article h2').waitFor();
  // 조회수: 3400 (71, tie broken by newest) above, 3402 (64) below.
  assert.equal(await neighbour(byViews, 'board-prev'), '3400');
  assert.equal(await neighbour(byViews, 'board-next'), '3402');
  const href = await byViews.locator('.board-neighbours .board-next a').getAttribute('href');
  assert.match(href, /sort=views/);

  const top = await openPage(browser, '?post=3410');
  await top.locator('article h2').waitFor();
  assert.equal(await neighbour(top, 'board-prev'), null);
  assert.equal(await neighbour(top, 'board-next'), '3409');
  for (const p of [page, byViews, top]) await p.assertClean();
});

test('the list page the post is on is shown beneath, the post marked; 다음글 across pages moves it', async () => {
  const page = await openPage(browser, '?post=3391');
  await page.locator('article h2').waitFor();
  const beneath = page.locator('.board-beneath');
  assert.equal(await beneath.locator('tbody tr').count(), 20);
  assert.equal(await beneath.locator('a[aria-current="page"]').getAttribute('data-post'), '3391');
  await page.locator('.board-neighbours .board-next a').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('post') === '3390');
  assert.equal(new URL(page.url()).searchParams.get('page'), '2');
  assert.deepEqual(await beneath.locator('tbody td.col-no').allInnerTexts(), ['3390']);
  await page.getByRole('link', { name: '목록', exact: true }).click();
  await page.locator('.board-search').waitFor();
  assert.equal(await page.locator('nav[aria-label="페이지 이동"] [aria-current="page"]').innerText(), '2');
  await page.assertClean();
});

test('focus moves to the heading, and back to the title link on 목록', async () => {
  const page = await openPage(browser);
  await page.locator('a[data-post="3404"]').click();
  await page.locator('article h2').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'board-article-title');
  await page.getByRole('link', { name: '목록', exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-post') === '3404');
  await page.assertClean();
});

test('링크 복사 writes the address and says 복사됨', async () => {
  const context = await newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(process.env.BOARD_URL + '?post=3410&page=1');
  // The article is on screen from its page before the app is up; the button works with the app.
  await mounted(page);
  await page.locator('article h2').waitFor();
  await page.getByRole('button', { name: '링크 복사' }).click();
  await page.getByRole('button', { name: '복사됨' }).waitFor();
  // The shared address is the article's own page (the seed board is built with --post-pages).
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${process.env.BOARD_URL}post/3410.html`);
  await context.close();
});

test('a body is fetched once per page life; a list-only post still shows its metadata', async () => {
  const bodies = [];
  const page = await openPage(browser, '?post=3410', (p) => p.on('request', (r) => {
    if (r.url().includes('/posts/')) bodies.push(r.url());
  }));
  await page.locator('.board-body p').first().waitFor();
  await page.locator('.board-neighbours .board-next a').click();
  await page.locator('.board-nobody').waitFor();
  assert.match(await page.locator('article dl').innerText(), /번호\s*3409/);
  await page.goBack();
  await page.locator('.board-body p').first().waitFor();
  assert.equal(bodies.length, 1, `body requests: ${bodies}`);
  await page.assertClean();
});
