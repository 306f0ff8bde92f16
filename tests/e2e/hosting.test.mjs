// Hosting anywhere and embedding into a portal page. The test server mounts the same
// dist/ at /esg-board/, /any/sub/path/ and /, and examples/ at /portal/ with dist/ at /portal/esg/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { BOARD_URL, launch, newContext, mounted } from './browser.mjs';

const ORIGIN = process.env.SERVER_ORIGIN;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(path) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
  await page.goto(ORIGIN + path);
  // Until the app has taken over, the pre-rendered rows and the app's hidden ones are both there.
  await mounted(page);
  page.clean = async () => assert.deepEqual([...problems, ...(await page.evaluate(() => window.__csp))], []);
  return page;
}

const style = (locator, prop) => locator.evaluate((el, p) => getComputedStyle(el)[p], prop);

test('the same dist/ works from /, a sub-path and a deeper sub-path, with no rewrite rules', async () => {
  for (const path of ['/', '/esg-board/', '/any/sub/path/?post=3409']) {
    const page = await open(path);
    await page.locator('tbody tr, article h2').first().waitFor();
    if (path.includes('post=')) {
      assert.match(await page.locator('article h2').innerText(), /^정부 비축장/);
      await page.getByRole('link', { name: '목록', exact: true }).click();
      await page.locator('tbody tr').first().waitFor();
      assert.equal(new URL(page.url()).pathname, '/any/sub/path/');
    }
    assert.equal(await page.locator('tbody tr').count(), 20, path);
    await page.clean();
  }
});

test('pages are served with a strict CSP and the board runs under it', async () => {
  const res = await fetch(BOARD_URL);
  const csp = res.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /style-src 'self'/);
  const html = await res.text();
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script in index.html');
  assert.doesNotMatch(html, /\sstyle=/, 'no inline style in index.html');
  const page = await open('/esg-board/');
  await page.locator('tbody tr').first().waitFor();
  assert.equal(await page.locator('.esg-board [style]').count(), 0, 'no inline styles in the board');
  await page.clean();
});

test('pre-compressed .br and .gz files sit beside the wasm, js, css and data', async () => {
  for (const file of ['esg-board_bg.wasm', 'esg-board.js', 'board.css', 'data/board.json', 'data/list/0.json']) {
    const raw = Buffer.from(await (await fetch(new URL(file, BOARD_URL))).arrayBuffer());
    const br = Buffer.from(await (await fetch(new URL(`${file}.br`, BOARD_URL))).arrayBuffer());
    const gz = Buffer.from(await (await fetch(new URL(`${file}.gz`, BOARD_URL))).arrayBuffer());
    assert.ok(brotliDecompressSync(br).equals(raw), `${file}.br`);
    assert.ok(gunzipSync(gz).equals(raw), `${file}.gz`);
  }
});

test('embedded in a portal page: configured by data attributes, styles leak neither way', async () => {
  const page = await open('/portal/portal.html');
  await page.locator('.esg-board tbody tr').first().waitFor();
  // data-page-size="10", data-title="false" (the heading is there for screen readers only).
  assert.equal(await page.locator('.esg-board tbody tr').count(), 10);
  assert.match(await page.locator('.esg-board h1').getAttribute('class'), /board-visually-hidden/);
  // The host's styles are what the host's CSS says, board or not.
  assert.equal(await style(page.locator('#portal-title'), 'fontSize'), '40px');
  assert.equal(await style(page.locator('#portal-title'), 'color'), 'rgb(0, 0, 128)');
  assert.equal(await style(page.locator('#host-table'), 'borderTopColor'), 'rgb(255, 0, 0)');
  assert.equal(await style(page.locator('#host-table'), 'width'), '300px');
  assert.equal(await style(page.locator('#host-table td'), 'backgroundColor'), 'rgb(255, 255, 0)');
  assert.equal(await style(page.locator('body'), 'fontFamily'), 'serif');
  // The host's element rules do not reach into the board.
  const cell = page.locator('.esg-board tbody td').first();
  assert.notEqual(await style(cell, 'backgroundColor'), 'rgb(255, 255, 0)');
  assert.notEqual(await style(page.locator('.esg-board table'), 'borderLeftColor'), 'rgb(255, 0, 0)');
  assert.notEqual(await style(page.locator('.esg-board tbody a').first(), 'color'), 'rgb(255, 0, 255)');
  assert.notEqual(await style(page.locator('.esg-board .board-search button[type=submit]'), 'backgroundColor'), 'rgb(0, 255, 0)');
  // The board works in place: only the query string changes.
  await page.locator('.esg-board tbody a[data-post="3409"]').click();
  await page.locator('.esg-board article h2').waitFor();
  const url = new URL(page.url());
  assert.equal(url.pathname, '/portal/portal.html');
  assert.equal(url.searchParams.get('post'), '3409');
  // The host's own links still navigate normally.
  await page.locator('#nav-about').click();
  await page.waitForURL('**/portal/about.html');
  assert.equal(await page.locator('h1').innerText(), '포털 소개');
  await page.goBack();
  await page.locator('.esg-board article h2').waitFor();
  await page.clean();
});

test('data-base-url: a front page whose board links lead to the board page', async () => {
  const page = await open('/portal/front.html');
  const link = page.locator('.esg-board tbody a[data-post="3408"]');
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), 'portal.html?post=3408&size=10');
  await link.click();
  await page.waitForURL('**/portal/portal.html?post=3408&size=10');
  await page.locator('.esg-board article h2').waitFor();
  assert.match(await page.locator('.esg-board article h2').innerText(), /^고용노동부, 17개/);
  await page.clean();
});
