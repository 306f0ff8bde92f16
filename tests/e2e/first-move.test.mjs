// A pre-rendered page of the state (page 1, an article's or a list's own page) needs no app to
// be read: boot.js fetches the wasm but starts it only at the reader's first move. What the
// reader does with the board's controls before the app is up — a search sent, a 담당부서
// chosen, 링크 복사 pressed — is done once the app has taken over, on a portal page with its
// own query string too; a state with no page of its own starts the app at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BOARD_URL, launch, mounted, newContext } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// A page whose wasm is answered only when `release()` is called.
async function heldPage(options = {}) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  let release;
  const released = new Promise((r) => { release = r; });
  const wasm = [];
  await page.route('**/*.wasm', async (route) => {
    wasm.push(route.request().url());
    await released;
    await route.continue();
  });
  return { context, page, problems, wasm, release };
}

const started = (page) => page.evaluate(() => window.esgBoardWasm !== undefined);
const prerendered = (page) => page.evaluate(() => document.querySelector('[data-board-prerendered]') !== null);

test('page 1 fetches the app but starts it only at the first move', async () => {
  const { context, page, problems, wasm, release } = await heldPage();
  release();
  await page.goto(BOARD_URL, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  assert.equal(wasm.length, 1, 'the wasm is fetched while the reader reads');
  assert.equal(await started(page), false, 'and not started');
  assert.equal(await prerendered(page), true);
  await mounted(page); // moves the mouse
  assert.equal(await started(page), true);
  assert.ok(await page.locator('.board-table tbody tr').count() > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a search link, which has no page of its own, starts the app without a move', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${BOARD_URL}?q=${encodeURIComponent('에너지')}`);
  await page.waitForFunction(() => !document.querySelector('[data-board-prerendered]'), null, { timeout: 30_000 });
  assert.ok(await page.locator('.board-table tbody tr').count() > 0);
  await context.close();
});

test('a search sent before the app is up is sent once it is, keeping the portal parameter', async () => {
  const { context, page, problems, release } = await heldPage();
  await page.goto(`${BOARD_URL}?menuNo=7`, { waitUntil: 'load' });
  await page.evaluate(() => { window.__samePage = true; });
  const box = page.locator('[data-board-prerendered=""] input[name="q"]');
  await box.fill('에너지');
  await box.press('Enter');
  await page.waitForTimeout(300);
  assert.equal(await prerendered(page), true, 'the app is still held back');
  assert.equal(new URL(page.url()).search, '?menuNo=7', 'the browser did not send the form itself');
  release();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '에너지', null, { timeout: 30_000 });
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('menuNo'), '7');
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no page load');
  await page.locator('.board-count').filter({ hasText: '총' }).waitFor();
  assert.equal(await page.locator('input[name="q"]').inputValue(), '에너지');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a 담당부서 chosen before the app is up is chosen once it is', async () => {
  const { context, page, problems, release } = await heldPage();
  await page.goto(BOARD_URL, { waitUntil: 'load' });
  await page.locator('[data-board-prerendered=""] select[name="dept"]').selectOption('고용노동부');
  await page.waitForTimeout(300);
  assert.equal(await prerendered(page), true);
  release();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('dept') === '고용노동부', null, { timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('[data-board-prerendered]'));
  assert.equal(await page.locator('select[name="dept"]').inputValue(), '고용노동부');
  const depts = await page.locator('.board-table tbody tr').count();
  assert.ok(depts > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('링크 복사 pressed on an article page before the app is up copies once it is', async () => {
  const { context, page, problems, release } = await heldPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${BOARD_URL}?post=3410`, { waitUntil: 'load' });
  const copy = page.locator('[data-board-prerendered=""] button.board-copy');
  await copy.click();
  assert.equal(await prerendered(page), true);
  release();
  await page.getByRole('button', { name: '복사됨' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${BOARD_URL}post/3410.html`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the control a keyboard user tabbed to before the app was up keeps the focus when it takes over', async () => {
  const { context, page, problems, release } = await heldPage();
  await page.goto(BOARD_URL, { waitUntil: 'load' });
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return {
      what: `${e.tagName} ${e.getAttribute('href') ?? e.getAttribute('name') ?? e.textContent.trim()}`,
      prerendered: e.closest('[data-board-prerendered]') !== null,
    };
  });
  // Down to the second row's title (past the search form and the filters).
  let titles = 0;
  for (let i = 0; i < 80 && titles < 2; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.matches('a.title-link'))) titles++;
  }
  const before = await focused();
  assert.match(before.what, /^A \?post=\d+$/);
  assert.equal(before.prerendered, true, 'tabbed into the pre-rendered page');
  assert.notEqual(before.what.split(' ')[0], 'BODY');
  release();
  await page.waitForFunction(() => !document.querySelector('[data-board-prerendered]'), null, { timeout: 30_000 });
  const after = await focused();
  assert.deepEqual(after, { what: before.what, prerendered: false }, 'the same control, now the app\'s');
  assert.deepEqual(problems, []);
  await context.close();
});
