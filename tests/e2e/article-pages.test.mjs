// Each article's own page (`post/<번호>.html`, written by board-prerender for a board built with
// --post-pages): readable with the HTML alone, with the head a shared link and a crawler read;
// the app takes over showing the same article without flashing "loading"; its links lead to
// the board page, Back returns to the article, and 링크 복사 copies the article's page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BOARD_URL, firstMove, launch, newContext, openPage, mounted, watchHandOver } from './browser.mjs';

const ARTICLE = 'post/3410.html';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an article page is readable without the app, and its head describes the article', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(BOARD_URL + ARTICLE);
  const title = await page.locator('article h2').innerText();
  assert.match(title, /한국고용정보원/);
  assert.equal(await page.title(), `${title} - ESG 정책뉴스`);
  assert.ok((await page.locator('.board-body p').count()) >= 3, 'the body paragraphs are in the HTML');
  assert.match(await page.locator('.board-meta').innerText(), /담당부서\s+고용노동부/);
  // The board page is the base: links, styles and data resolve there.
  const back = await page.getByRole('link', { name: '목록', exact: true }).evaluate((a) => a.href);
  assert.ok(back.startsWith(`${BOARD_URL}index.html`), back);
  const firstRow = await page.locator('.board-beneath a.title-link').first().evaluate((a) => a.href);
  assert.match(firstRow, new RegExp(`^${BOARD_URL.replace(/[.?]/g, '\\$&')}index\\.html\\?post=\\d+`));
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.board-article')).display), 'block',
    'board.css (under the base) applies');
  // The head: canonical address, description, card data, JSON-LD NewsArticle.
  const head = await page.evaluate(() => ({
    canonical: document.querySelector('link[rel=canonical]')?.href,
    description: document.querySelector('meta[name=description]')?.content,
    descriptions: document.querySelectorAll('meta[name=description]').length,
    ogTitle: document.querySelector('meta[property="og:title"]')?.content,
    card: document.querySelector('meta[name="twitter:card"]')?.content,
    ld: JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent),
  }));
  assert.equal(head.canonical, BOARD_URL + ARTICLE);
  assert.equal(head.descriptions, 1);
  assert.match(head.description, /^한국고용정보원\(원장 이창수\)은/);
  assert.equal(head.ogTitle, title);
  assert.equal(head.card, 'summary');
  assert.equal(head.ld['@type'], 'NewsArticle');
  assert.equal(head.ld.headline, title);
  assert.equal(head.ld.datePublished, '2025-11-03');
  await context.close();
});

test('the app takes over the article page with the same article, never showing "loading" in between', async () => {
  const page = await openPage(browser, ARTICLE, async (p) => {
    await p.addInitScript(() => {
      window.__seen = { loading: 0, article: 0 };
      const tick = () => {
        const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => e.checkVisibility());
        if (visible('.board-article .board-body p')) window.__seen.article++;
        if (visible('.board-status')) window.__seen.loading++;
        if (document.querySelector('[data-board-prerendered]') || !window.__seen.article) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  });
  const seen = await page.evaluate(() => window.__seen);
  assert.ok(seen.article > 0, 'the article was on screen from the HTML');
  assert.equal(seen.loading, 0, 'no loading line while the app took over');
  assert.match(await page.locator('article h2').innerText(), /한국고용정보원/);
  assert.ok((await page.locator('.board-body p').count()) >= 3);
  assert.equal(await page.locator('.esg-board').count(), 1);
  await page.assertClean();
  await page.context().close();
});

test('from an article page, 목록 and 다음글 go to the board page; Back returns to the article', async () => {
  const page = await openPage(browser, ARTICLE);
  await page.getByRole('link', { name: '목록', exact: true }).click();
  await page.locator('tbody tr').first().waitFor();
  assert.ok(page.url().startsWith(`${BOARD_URL}index.html`), page.url());
  assert.equal(await page.locator('article').count(), 0);
  await page.goBack();
  await mounted(page);
  assert.equal(page.url(), BOARD_URL + ARTICLE);
  assert.match(await page.locator('article h2').innerText(), /한국고용정보원/);
  const next = page.locator('.board-next a');
  const nextTitle = await next.locator('.neighbour-title').innerText();
  await next.click();
  await page.waitForFunction((t) => document.querySelector('article h2')?.textContent.includes(t), nextTitle);
  assert.match(page.url(), /index\.html\?post=\d+/);
  await page.assertClean();
  await page.context().close();
});

test('링크 복사 copies the article page, on the board page and on the article page', async () => {
  const context = await newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  for (const at of ['?post=3410&page=1', ARTICLE]) {
    await page.goto(BOARD_URL + at);
    await mounted(page);
    await page.getByRole('button', { name: '링크 복사' }).click();
    await page.getByRole('button', { name: '복사됨' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), BOARD_URL + ARTICLE, at);
  }
  await context.close();
});

test('an article page in English (`?lang=en`) is the same article, its interface in English', async () => {
  const page = await openPage(browser, `${ARTICLE}?lang=en`);
  assert.match(await page.locator('article h2').innerText(), /한국고용정보원/);
  assert.equal(await page.getByRole('link', { name: 'List', exact: true }).count(), 1);
  await page.assertClean();
  await page.context().close();
});

test('a shared ?post= link shows the article from its page before the app is up, the host page\'s parameters kept', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  // The app's code on its way all along (held), until it fails at the end.
  const held = [];
  await page.route('**/*.wasm', (route) => { held.push(route); });
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(`${BOARD_URL}?menuNo=7&post=3410&page=1`);
  const article = page.locator('[data-board-prerendered=""] article h2');
  await article.waitFor();
  assert.match(await article.innerText(), /한국고용정보원/);
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-esg-board-state')), 'article');
  assert.ok(asked.some((p) => p.endsWith('/post/3410.html')), asked.join(' '));
  assert.equal(await page.locator('.board-status').filter({ visible: true }).count(), 0, 'no loading line beside it');
  assert.equal(await page.locator('tbody tr').filter({ visible: true }).count() > 0, true, 'the list beneath it');
  // Its links are the board page's, with the portal's own parameter, as page 1's are.
  const back = await page.getByRole('link', { name: '목록', exact: true }).getAttribute('href');
  assert.match(back, /^\?menuNo=7(&|$)/);
  const row = await page.locator('.board-beneath a.title-link').first().getAttribute('href');
  assert.match(row, /^\?menuNo=7&post=\d+/);
  assert.equal(await page.locator('[data-board-prerendered] a[href*="menuNo=7&menuNo"]').count(), 0, 'once each');
  // If the app then cannot start (at the reader's first move), the article stays readable under
  // the sentence that says so.
  await firstMove(page);
  await Promise.all(held.splice(0).map((r) => r.fulfill({ status: 404, body: '' })));
  await page.locator('#esg-board [role="alert"]').waitFor();
  assert.match(await article.innerText(), /한국고용정보원/);
  // Another state beside the article (a search) is not what the article page shows, and a
  // 번호 outside the board's has no page: both wait for the app, "loading" in place of page 1.
  for (const query of [`?post=3410&q=${encodeURIComponent('고용')}`, '?post=99999999']) {
    asked.length = 0;
    await page.goto(BOARD_URL + query);
    await page.locator('.board-status').filter({ visible: true }).waitFor();
    assert.equal(await page.locator('article').filter({ visible: true }).count(), 0, query);
    await page.waitForLoadState('load');
    assert.ok(!asked.some((p) => p.includes('/post/')), `${query}: ${asked.join(' ')}`);
  }
  await Promise.all(held.splice(0).map((r) => r.abort()));
  await context.close();
});

test('the app takes over a ?post= link shown from the article page, with no "loading" after the article', async () => {
  const { page, seen } = await watchHandOver(browser, '?post=3410', '.board-article .board-body p');
  assert.ok(seen.fromPage > 0, 'the article was on screen before the app');
  assert.equal(seen.loadingAfter, 0, 'no loading line once the article was there');
  assert.match(await page.locator('article h2').innerText(), /한국고용정보원/);
  assert.equal(await page.locator('.esg-board').count(), 1);
  assert.equal(await page.title(), (await page.locator('article h2').innerText()) + ' - ESG 정책뉴스');
  await page.assertClean();
  await page.context().close();
});
