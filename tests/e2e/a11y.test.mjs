// Accessibility: axe-core audits in the real browser, a keyboard-only walk, English,
// and screenshots at 1280 px and 375 px saved under target/screenshots/ for review.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, openPage } from './browser.mjs';
import { audit } from './axe.mjs';

const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const views = [
  ['list', '', 'tbody tr', 1280],
  ['list-search', '?q=%EC%9E%84%EA%B8%88', 'tbody mark', 1280],
  ['article', '?post=3410', '.board-body p', 1280],
  ['not-found', '?post=99999999', '.board-notfound', 1280],
  ['phone-list', '', 'tbody tr', 375],
  ['phone-article', '?post=3410', '.board-body p', 375],
  ['english', '?lang=en', 'tbody tr', 1280],
  ['english-article', '?lang=en&post=3405', 'article h2', 1280],
  ['dark-list', '?q=%ED%99%94%ED%95%99', 'tbody mark', 1280, 'dark'],
  ['dark-article', '?post=3410', '.board-body p', 375, 'dark'],
];

for (const [name, query, ready, width, scheme = 'light'] of views) {
  test(`axe: ${name} has no serious or critical violations`, async () => {
    const page = await openPage(browser, query, (p) => p.emulateMedia({ colorScheme: scheme }));
    await page.setViewportSize({ width, height: 900 });
    await page.locator(ready).first().waitFor();
    assert.deepEqual(await audit(page), []);
    await page.screenshot({ path: `${SHOTS}${name}-${width}.png`, fullPage: true });
    await page.assertClean();
  });
}

test('phone width: cards, no horizontal scrolling at 320 px, 44 px tap targets, compact pagination', async () => {
  const page = await openPage(browser);
  await page.setViewportSize({ width: 320, height: 800 });
  await page.locator('tbody tr').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  const row = page.locator('tbody tr').first();
  const [title, date] = await Promise.all([row.locator('td.col-title').boundingBox(), row.locator('td.col-date').boundingBox()]);
  assert.ok(title.y < date.y, 'the title comes first in a card');
  const small = await page.evaluate(() => [...document.querySelectorAll('.esg-board a, .esg-board button, .esg-board select, .esg-board input')]
    .filter((el) => el.offsetParent !== null && !el.classList.contains('board-skip'))
    .map((el) => [el.textContent.trim() || el.getAttribute('aria-label') || el.name, el.getBoundingClientRect().height])
    .filter(([, h]) => h < 44));
  assert.deepEqual(small, []);
  const nav = page.locator('nav[aria-label="페이지 이동"]');
  assert.deepEqual(await nav.locator('.page-number:visible').allInnerTexts(), ['1', '2']);
  assert.equal(await nav.getByRole('link', { name: '2 페이지' }).isVisible(), true);
  assert.equal(await nav.getByRole('link', { name: '다음' }).isVisible(), true);
  await page.assertClean();
});

test('English: every UI string switches, data stays as it is, dates stay ISO', async () => {
  const page = await openPage(browser);
  await page.locator('tbody tr').first().waitFor();
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'en');
  assert.equal(await page.locator('.esg-board').getAttribute('lang'), 'en');
  assert.deepEqual(await page.locator('thead th').allInnerTexts(), ['No.', 'Title', 'Author', 'Date', 'Views']);
  assert.match(await page.locator('.board-count').innerText(), /^21 posts · page 1 of 2$/);
  assert.equal(await page.getByRole('button', { name: 'Search', exact: true }).count(), 1);
  assert.equal(await page.getByRole('combobox', { name: 'Search in' }).count(), 1);
  assert.equal(await page.locator('nav[aria-label="Pages"]').count(), 1);
  assert.deepEqual((await page.locator('tbody tr').first().locator('td').allInnerTexts()).slice(2, 4), ['—', '2025-11-03']);
  // Following a link keeps the language.
  await page.locator('a[data-post="3405"]').click();
  await page.locator('article h2').waitFor();
  assert.match(await page.locator('article dl').innerText(), /Author\s*관리자/);
  assert.match(await page.locator('.board-neighbours').innerText(), /Previous post[\s\S]*Next post/);
  await page.getByRole('link', { name: '한국어' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'ko');
  assert.match(await page.locator('.board-neighbours').innerText(), /이전글[\s\S]*다음글/);
  await page.assertClean();
});

test('the skip link is the first stop and leads to the list', async () => {
  const page = await openPage(browser);
  await page.locator('tbody tr').first().waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'board-skip');
  assert.ok(await page.locator('.board-skip').isVisible(), 'visible when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'board-list');
  await page.assertClean();
});

test('keyboard only: / to search, Escape to clear, Enter to open, 목록, next page', async () => {
  const page = await openPage(browser);
  await page.locator('tbody tr').first().waitFor();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'board-search-q');
  await page.keyboard.type('zz');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.value), '');
  await page.keyboard.type('화학');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '화학');
  // Tab to the first result's title and open it with Enter.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.classList.contains('title-link'))) break;
  }
  const opened = await page.evaluate(() => document.activeElement.dataset.post);
  assert.ok(opened, 'a title link got focus by Tab');
  await page.keyboard.press('Enter');
  await page.locator('article h2').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'board-article-title');
  // Tab to 목록 and press Enter: back to the list, focus on the title we came from.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.textContent.trim() === '목록')) break;
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction((no) => document.activeElement?.dataset?.post === no, opened);
  // Clear the search with Escape from the box, then Tab to 다음 and follow it.
  await page.keyboard.press('/');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.textContent.trim() === '다음')) break;
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
  await page.assertClean();
});
