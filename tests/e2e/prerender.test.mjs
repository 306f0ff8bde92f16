// The pre-rendered first page: `board-prerender` puts page 1 into dist/index.html
// from the app's own components, so the rows paint with the HTML; the app then takes over without
// a visible jump (screenshot diff), a shared link to another state never flashes page 1, and what
// a reader typed before the app was ready is kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BOARD_URL, launch, newContext, openPage, mounted } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// A page on which the app never starts (its boot script is not served): what the HTML alone shows.
async function htmlOnly(query = '', options = {}) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  await page.route('**/boot.js', (r) => r.abort());
  await page.goto(BOARD_URL + query);
  return page;
}

/// Pixels that differ between two PNG screenshots (decoded by the browser itself).
async function differingPixels(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const decode = async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(img.width, img.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return { w: img.width, h: img.height, px: ctx.getImageData(0, 0, img.width, img.height).data };
    };
    const [x, y] = [await decode(a), await decode(b)];
    if (x.w !== y.w || x.h !== y.h) return `sizes differ: ${x.w}×${x.h} vs ${y.w}×${y.h}`;
    let n = 0;
    for (let i = 0; i < x.px.length; i += 4) {
      if (x.px[i] !== y.px[i] || x.px[i + 1] !== y.px[i + 1] || x.px[i + 2] !== y.px[i + 2]) n++;
    }
    return n;
  }, [a.toString('base64'), b.toString('base64')]);
}

test('the first page is in the HTML: with JavaScript off, rows, links and pages are there', async () => {
  const page = await htmlOnly('', { javaScriptEnabled: false });
  assert.equal(await page.locator('tbody tr').count(), 20);
  assert.equal(await page.locator('caption').innerText(), 'ESG 정책뉴스 목록');
  const first = page.locator('tbody tr').first().locator('a.title-link');
  assert.match(await first.getAttribute('href'), /^\?post=\d+$/);
  assert.equal(await page.locator('nav[aria-label="페이지 이동"] [aria-current="page"]').innerText(), '1');
  assert.match(await page.locator('.board-count').innerText(), /^총 21건/);
  assert.equal(await page.getByRole('search').count(), 1);
  await page.context().close();
});

test('no jump: the page looks the same, pixel for pixel, before and after the app takes over', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const before = await htmlOnly('', { viewport });
    await before.locator('tbody tr').first().waitFor();
    await before.evaluate(() => document.fonts.ready);
    const shotBefore = await before.screenshot({ fullPage: true });
    await before.context().close();

    const after = await openPage(browser, '', async (p) => {
      await p.setViewportSize(viewport);
      // Every frame until the app is in: was a row on screen, and did it ever go away?
      await p.addInitScript(() => {
        window.__frames = { seen: 0, blankAfter: 0 };
        const tick = () => {
          const visible = [...document.querySelectorAll('tbody tr')].some((tr) => tr.checkVisibility());
          if (visible) window.__frames.seen++;
          else if (window.__frames.seen) window.__frames.blankAfter++;
          if (document.querySelector('[data-board-prerendered]') || !window.__frames.seen) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    });
    await after.evaluate(() => document.fonts.ready);
    // Nothing left of the pre-rendered page, and the app's own list is there.
    assert.equal(await after.locator('.esg-board').count(), 1);
    assert.equal(await after.locator('tbody tr').count(), 20);
    const frames = await after.evaluate(() => window.__frames);
    assert.ok(frames.seen > 0, 'the rows were on screen before the app took over');
    assert.equal(frames.blankAfter, 0, 'no frame without rows after the first');
    const shotAfter = await after.screenshot({ fullPage: true });
    const diff = await differingPixels(after, shotBefore, shotAfter);
    assert.equal(diff, 0, `${viewport.width}px: pixels that changed when the app took over`);
    await after.assertClean();
    await after.context().close();
  }
});

test('the app is live after taking over: a page link changes the page in place', async () => {
  const page = await openPage(browser);
  await page.locator('nav[aria-label="페이지 이동"] a.page-number', { hasText: '2' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
  assert.equal(await page.locator('tbody tr').count(), 1);
  await page.assertClean();
});

test('a shared link to another state never shows the pre-rendered page 1 first', async () => {
  for (const query of ['?post=3410', '?page=2', '?q=%EA%B3%A0%EC%9A%A9', '?lang=en']) {
    // With the HTML alone: "loading", not page 1 (an article or a list page with a page of its
    // own: that page's board, read from it).
    const still = await htmlOnly(query);
    if (query === '?post=3410') {
      await still.locator('article h2').waitFor();
      assert.equal(await still.getByRole('status').filter({ visible: true }).count(), 0, query);
    } else if (query === '?page=2') {
      await still.locator('tbody td.col-no', { hasText: '3390' }).waitFor();
      assert.equal(await still.locator('.board-status').filter({ visible: true }).count(), 0, query);
    } else {
      assert.equal(await still.locator('tbody tr').first().isVisible(), false, query);
      assert.equal(await still.getByRole('status').innerText(), '게시판을 불러오는 중입니다…', query);
    }
    await still.context().close();
    // With the app: the pre-rendered page 1 (the list with the newest post, not beneath an
    // article) is never on screen.
    const page = await openPage(browser, query, (p) => p.addInitScript(() => {
      window.__shown = 0;
      const tick = () => {
        const pre = document.querySelector('[data-board-prerendered=""]');
        const first = document.querySelector('[data-board-prerendered=""]:not(:has(.board-article)):has(a.title-link[data-post="3410"])');
        if (first?.checkVisibility()) window.__shown++;
        if (pre || document.readyState === 'loading') requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }));
    assert.equal(await page.evaluate(() => window.__shown), 0, query);
    await page.assertClean();
    await page.context().close();
  }
  // A parameter that is not board state (a campaign tag), and board parameters naming what the
  // pre-rendered page already is (page 1, its language), keep the pre-rendered page.
  for (const query of ['?utm_source=mail', '?page=1', '?lang=ko', '?page=1&lang=ko&utm_source=mail']) {
    const tagged = await htmlOnly(query);
    assert.equal(await tagged.locator('tbody tr').first().isVisible(), true, query);
    await tagged.context().close();
  }
});

test('what a reader typed before the app was ready is searched, and keeps focus', async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const page = await openPage(browser, '', (p) => p.route('**/esg-board_bg.wasm', async (r) => {
    await held;
    await r.continue();
  }), { wait: false });
  const box = page.getByRole('searchbox', { name: '검색어' });
  await box.fill('고용');
  release();
  await mounted(page);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '고용');
  assert.equal(await box.inputValue(), '고용');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'q');
  assert.match(await page.locator('.board-count').innerText(), /총 \d+건/);
  await page.assertClean();
});

test('on a page with its own query string, the pre-rendered links keep it too (before the app is up)', async () => {
  const page = await htmlOnly('?menuNo=200123&utm_source=news');
  const hrefs = await page.locator('[data-board-prerendered] a[href^="?"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length >= 20, `${hrefs.length} links`);
  for (const h of hrefs) assert.match(h, /^\?menuNo=200123&utm_source=news(&|$)/, h);
  assert.ok(hrefs.some((h) => /&post=3410$/.test(h)), hrefs.join(' '));
  // Page 1 stays on screen: those parameters are not the board's.
  assert.equal(await page.locator('[data-board-prerendered=""]').isVisible(), true);
  await page.locator('[data-board-prerendered] a[href$="post=3410"]').first().click();
  await page.waitForURL(/\?menuNo=200123&utm_source=news&post=3410$/);
});

test('a shared link to another state asks for the app and its first data at once; page 1 does not', async () => {
  const asked = async (query) => {
    const page = await openPage(browser, query);
    const preloads = await page.evaluate(() => [...document.querySelectorAll('head link[rel=preload], head link[rel=modulepreload]')]
      .map((l) => `${l.rel} ${new URL(l.href).pathname.split('/').pop()}`));
    // Each one used by the app (an unused preload would only cost bandwidth): every file was
    // fetched once, not twice.
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    // The gate is async: when boot.js ran before it, the app was already fetching its code,
    // and only the data is preloaded.
    const bootFirst = await page.evaluate(() => document.documentElement.getAttribute('data-esg-board-boot') === 'before-gate');
    await page.assertClean();
    await page.context().close();
    return { preloads, fetched, bootFirst };
  };
  const search = await asked(`?q=${encodeURIComponent('고용')}`);
  assert.deepEqual(search.preloads.sort(), search.bootFirst
    ? ['preload 0.json', 'preload board.json']
    : ['modulepreload esg-board.js', 'preload 0.json', 'preload board.json', 'preload esg-board_bg.wasm']);
  for (const f of ['esg-board_bg.wasm', 'board.json', 'list/0.json']) {
    assert.equal(search.fetched.filter((p) => p.endsWith(f)).length, 1, `${f} fetched once: ${search.fetched}`);
  }
  // An article or a list page with a page of its own: that page first, the wasm once it is
  // shown (or as boot.js asks for it), each once.
  for (const [query, own] of [['?post=3409', 'post/3409.html'], ['?page=2', '/page/2.html']]) {
    const shown = await asked(query);
    for (const f of [own, 'esg-board_bg.wasm', 'board.json', 'list/0.json']) {
      assert.equal(shown.fetched.filter((p) => p.endsWith(f)).length, 1, `${query}: ${f} fetched once: ${shown.fetched}`);
    }
  }
  assert.deepEqual((await asked('')).preloads, []);
});
