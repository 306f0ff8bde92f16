// Links and datasets made to hurt: each of these panicked or froze the tab before. Every page
// fails on any page error or console error (a panic prints one).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BOARD_URL, launch, openPage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const box = (page) => page.getByRole('searchbox', { name: '검색어' });

/// Serves the synthetic 100k-post board in place of the demo data; `hold(rel)` may delay a file.
const synth = (hold = async () => {}) => (p) => p.route('**/data/**', async (r) => {
  const rel = new URL(r.request().url()).pathname.split('/data/')[1];
  await hold(rel);
  return r.fulfill({ path: join(process.env.SYNTH_100K, rel) });
});

test('typing, then opening a post within the search pause: the pending search goes with its form', async () => {
  const page = await openPage(browser);
  const title = page.locator('tbody td.col-title a').first();
  await box(page).pressSequentially('정책', { delay: 20 });
  await title.click(); // well inside the 200 ms pause
  await page.locator('article h2').waitFor();
  await page.waitForTimeout(500); // the timer would have fired by now
  assert.equal(new URL(page.url()).searchParams.get('q'), null, 'the abandoned search did not run');
  // And the same with the 링크 복사 message, the snippet fetches and the focus return: leave
  // the article at once, come back, leave again.
  await page.getByRole('button', { name: '링크 복사' }).click();
  await page.getByRole('link', { name: '목록', exact: true }).click();
  await page.locator('tbody tr').first().waitFor();
  await box(page).fill('환경');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '환경');
  await page.locator('tbody td.col-title a').first().click();
  await page.goBack();
  await page.waitForTimeout(3300); // past the 링크 복사 message's 3 s
  await page.assertClean();
});

test('a board.json claiming 4294967295 posts, opened at ?page=4294967295: an alert with 다시 시도', async () => {
  const page = await openPage(browser, '?page=4294967295', (p) => p.route('**/data/board.json', async (r) => {
    const real = await (await fetch(new URL('data/board.json', BOARD_URL))).json();
    r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...real, count: 4294967295 }) });
  }));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /데이터 형식이 올바르지 않습니다 \(board\.json says 4294967295 posts/);
  assert.equal(await page.getByRole('button', { name: '다시 시도' }).count(), 1);
  await page.assertClean();
});

test('a link with 2,000 search terms on the 100k board answers (it froze the tab for 47 s)', async () => {
  const q = '0 정 '.repeat(1000).trim();
  assert.equal(q.split(' ').length, 2000);
  const started = Date.now();
  const page = await openPage(browser, `?q=${encodeURIComponent(q)}`, synth());
  await page.waitForFunction(() => /총 [\d,]+건|없습니다/.test(document.querySelector('.board-count')?.textContent ?? ''), null, { timeout: 20_000 });
  // The page still answers: the box holds what the link said, and a new search runs.
  assert.equal(await box(page).inputValue(), q);
  await box(page).fill('탄소중립');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '탄소중립');
  console.log(`# 2,000-term link on 100k posts: answered in ${Date.now() - started} ms (load included)`);
  await page.assertClean();
});

test('an article body of an address and 30,000 `)` opens at once (linkify was quadratic)', async () => {
  const body = `자료: http://a.kr/${')'.repeat(30_000)} 끝`;
  const page = await openPage(browser, '?post=3410', (p) => p.route('**/data/posts/0/341.json', (r) => r.fulfill({
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({ schema_version: 1, bodies: [{ no: 3410, paragraphs: [body] }] }),
  })));
  await page.locator('.board-body p').first().waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('.board-body a').getAttribute('href'), 'http://a.kr/');
  assert.equal((await page.locator('.board-body p').innerText()).length, body.length);
  await page.assertClean();
});

test('100k posts: typing while the rest of the list arrives keeps focus and text', async () => {
  let release;
  const gate = new Promise((r) => { release = r; });
  const page = await openPage(browser, '', synth(async (rel) => {
    if (/^list\/[1-9]\d*\.json$/.test(rel)) await gate;
  }));
  await page.locator('tbody tr').first().waitFor({ timeout: 30_000 });
  await box(page).click();
  await box(page).pressSequentially('탄소중', { delay: 10 });
  release();
  // Keep typing while the files come in and the whole list replaces the first part.
  await box(page).pressSequentially('립 강화', { delay: 50 });
  await page.waitForFunction(() => /총 [\d,]+건/.test(document.querySelector('.board-count')?.textContent ?? '')
    && !document.querySelector('.board-count').textContent.includes('불러오는'), null, { timeout: 30_000 });
  assert.equal(await box(page).inputValue(), '탄소중립 강화');
  assert.ok(await page.evaluate(() => document.activeElement?.name === 'q'), 'the box kept focus');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '탄소중립 강화');
  await page.assertClean();
});
