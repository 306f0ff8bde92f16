// The list's own pages (`page/`, written by board-prerender beside the article pages): a shared
// `?page=N` or `?dept=…` link shows that list from its page before the app is up — the host
// page's parameters on its links, the title the app would set — and the app takes over
// showing the same rows, never flashing "loading" after them. Links the board has no page for
// (a page past the last, another state beside it) ask for none and wait for the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BOARD_URL, launch, newContext, watchHandOver } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const DEPT = '고용노동부';
const hex = (s) => [...new TextEncoder().encode(s)].map((b) => b.toString(16).padStart(2, '0')).join('');

test('a shared ?page= or ?dept= link shows its rows from the list page before the app is up', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const held = [];
  await page.route('**/*.wasm', (route) => { held.push(route); });
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  const rows = page.locator('[data-board-prerendered=""] tbody tr');
  const state = () => page.evaluate(() => document.documentElement.getAttribute('data-esg-board-state'));

  await page.goto(`${BOARD_URL}?menuNo=7&page=2`);
  await rows.first().waitFor();
  assert.equal(await state(), 'list');
  assert.ok(asked.some((p) => p.endsWith('/page/2.html')), asked.join(' '));
  assert.deepEqual(await rows.locator('td.col-no').allInnerTexts(), ['3390'], 'page 2 of the seed: its 21st post');
  assert.match(await page.locator('[data-board-prerendered=""] .board-count').innerText(), /2\/2/);
  assert.equal(await page.locator('.board-status').filter({ visible: true }).count(), 0, 'no loading line');
  assert.equal(await page.title(), 'ESG 정책뉴스 - 2페이지');
  // Its links are the board page's, the portal's parameter on them once.
  const first = await page.locator('[data-board-prerendered=""] a.page-first').getAttribute('href');
  assert.match(first, /^\?menuNo=7$/);
  const row = await rows.first().locator('a.title-link').getAttribute('href');
  assert.equal(row, '?menuNo=7&post=3390&page=2');

  asked.length = 0;
  await page.goto(`${BOARD_URL}?dept=${encodeURIComponent(DEPT)}`);
  await rows.first().waitFor();
  assert.ok(asked.some((p) => p.endsWith(`/page/dept-${hex(DEPT)}.html`)), asked.join(' '));
  assert.equal(await state(), 'list');
  assert.match(await page.locator('[data-board-prerendered=""] .board-count').innerText(), /총 1건/);
  assert.equal(await page.locator(`[data-board-prerendered=""] select[name=dept] option[value="${DEPT}"]`).evaluate((o) => o.selected), true);

  // No page past the last, none for a search beside the page: "loading" until the app.
  for (const query of ['?page=3', `?page=2&q=${encodeURIComponent('고용')}`]) {
    asked.length = 0;
    await page.goto(BOARD_URL + query);
    await page.locator('.board-status').filter({ visible: true }).waitFor();
    await page.waitForLoadState('load');
    assert.ok(!asked.some((p) => /\/page\/[^/]*\.html$/.test(p)), `${query}: ${asked.join(' ')}`);
  }
  // A 담당부서 the board does not have (not among page 1's): no page asked for, "loading" until
  // the app (which then says it failed, the wasm being refused).
  asked.length = 0;
  await page.goto(`${BOARD_URL}?dept=${encodeURIComponent('없는 부서')}`);
  await page.locator('.board-status').filter({ visible: true }).waitFor();
  assert.ok(!asked.some((p) => /\/page\/[^/]*\.html$/.test(p)), asked.join(' '));
  await Promise.all(held.splice(0).map((r) => r.fulfill({ status: 404, body: '' })));
  await page.locator('#esg-board [role="alert"]').waitFor();
  assert.equal(await page.locator('tbody tr').filter({ visible: true }).count(), 0, 'page 1 is not shown as that 담당부서');
  await Promise.all(held.splice(0).map((r) => r.abort()));
  await context.close();
});

test('the app takes over a ?page= link shown from its list page, with no "loading" after the rows', async () => {
  const { page, seen } = await watchHandOver(browser, '?page=2', 'tbody tr');
  assert.ok(seen.fromPage > 0, 'the rows were on screen before the app');
  assert.equal(seen.loadingAfter, 0, 'no loading line once the rows were there');
  assert.deepEqual(await page.locator('tbody td.col-no').allInnerTexts(), ['3390']);
  assert.equal(await page.locator('.esg-board').count(), 1);
  await page.assertClean();
  await page.context().close();
});
