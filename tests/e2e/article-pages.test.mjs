// Each article's own page (`post/<번호>.html`, written by board-prerender for a board built with
// --post-pages): readable with the HTML alone, with the head a shared link and a crawler read;
// the app takes over showing the same article without flashing "loading"; its links lead to
// the board page, Back returns to the article, and 링크 복사 copies the article's page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BOARD_URL, launch, newContext, openPage, mounted } from './browser.mjs';

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
