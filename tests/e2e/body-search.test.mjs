// Body search: the body index built by board-build, through the real search box, with
// snippets; and at 100k posts, that a query downloads only the index files it needs and finds
// exactly the bodies that hold it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The rows' 번호 and, for each, the marked text of its body snippet ('' when it has none).
async function rowsAndSnippets(page) {
  await page.locator('.board-count', { hasText: /총 [\d,]+건|없습니다/ }).waitFor();
  return page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [
    tr.querySelector('td.col-no').textContent,
    [...tr.querySelectorAll('.board-snippet mark')].map((m) => m.textContent).join('|'),
  ]));
}

// Post 3410 is the seed's one article with a body; none of these words is in a title.
const cases = [
  ['a word only in a body: 워크피디아', '워크피디아', [['3410', '워크피디아']]],
  ['spacing: 기술 임치 finds 기술임치', '기술 임치', [['3410', '기술임치']]],
  ['syllable being typed: 창업지워 finds 창업지원', '창업지워', [['3410', '창업지원']]],
  ['terms AND: 마중물 포부 (far apart: the snippet shows the first)', '마중물 포부', [['3410', '마중물']]],
];

for (const [what, q, expected] of cases) {
  test(`body search through the box: ${what}`, async () => {
    const page = await openPage(browser);
    await page.getByRole('searchbox', { name: '검색어' }).pressSequentially(q, { delay: 20 });
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('q') === v, q);
    await page.locator('.board-snippet mark').first().waitFor();
    assert.deepEqual(await rowsAndSnippets(page), expected);
    await page.assertClean();
  });
}

test('the snippet is the text around the first hit, ±40 characters, with …', async () => {
  const page = await openPage(browser, `?q=${encodeURIComponent('워크피디아')}`);
  const snippet = page.locator('.board-snippet');
  await snippet.locator('mark').waitFor();
  const text = (await snippet.innerText()).replace(/^본문:\s*/, '');
  assert.match(text, /^….{40}워크피디아.{40}…$/u, text);
  assert.ok(text.includes('환경·사회·지배구조') || text.includes('고용 데이터를 기반으로'), text);
  await page.assertClean();
});

test('field 내용 searches bodies only; 제목 and 글쓴이 never; 초성 is for titles', async () => {
  const q = encodeURIComponent('워크피디아');
  const body = await openPage(browser, `?q=${q}&field=body`);
  await body.locator('.board-snippet mark').first().waitFor();
  assert.deepEqual(await rowsAndSnippets(body), [['3410', '워크피디아']]);
  assert.equal(await body.getByRole('combobox', { name: '검색 조건' }).inputValue(), 'body');
  for (const query of [`?q=${q}&field=title`, `?q=${q}&field=author`, `?q=${encodeURIComponent('ㅇㅋㅍㄷㅇ')}`]) {
    const page = await openPage(browser, query);
    await page.locator('.board-count', { hasText: '검색 결과가 없습니다' }).waitFor();
    assert.equal(await page.locator('tbody tr').count(), 0);
    await page.assertClean();
  }
  await body.assertClean();
});

test('relevance: title hits before body hits; only body hits carry a snippet', async () => {
  const page = await openPage(browser, `?q=${encodeURIComponent('지원')}`);
  await page.locator('.board-snippet mark').waitFor();
  assert.deepEqual(await rowsAndSnippets(page), [['3399', ''], ['3410', '지원']]);
  // The title hit is marked in its title; the body hit's title has no mark.
  assert.deepEqual(await page.locator('tbody td.col-title a mark').allInnerTexts(), ['지원']);
  await page.assertClean();
});

test('markup in a body is shown as text in the snippet, never run', async () => {
  const hostile = await openPage(browser, `?q=${encodeURIComponent('워크피디아')}`, (p) => p.route('**/data/posts/**', (r) => r.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ schema_version: 1, bodies: [{ no: 3410, paragraphs: ['<img src=x onerror=alert(1)>워크피디아<script>alert(2)</script>'] }] }),
  })));
  await hostile.locator('.board-snippet mark').waitFor();
  const text = (await hostile.locator('.board-snippet').innerText()).replace(/^본문:\s*/, '');
  assert.equal(text, '<img src=x onerror=alert(1)>워크피디아<script>alert(2)</script>');
  assert.equal(await hostile.locator('.board-snippet img, .board-snippet script').count(), 0);
  await hostile.assertClean();
});

test('a body index that cannot be loaded: title hits stay, the count line says why', async () => {
  const page = await openPage(browser, `?q=${encodeURIComponent('지원')}`, (p) => p.route('**/data/index/**', (r) => r.fulfill({ status: 500, body: 'no' })));
  await page.locator('.board-count', { hasText: '본문은 검색하지 못했습니다' }).waitFor();
  assert.deepEqual(await page.locator('tbody td.col-no').allInnerTexts(), ['3399']);
  assert.match(await page.locator('.board-count').innerText(), /총 1건.*서버 응답 500/);
});

/// Every body of a dataset directory, by 번호, as the text search reads (paragraphs, one per line;
/// synthetic bodies are paragraphs of plain text).
function allBodies(dir) {
  const bodies = new Map();
  for (const folder of readdirSync(join(dir, 'posts'))) {
    for (const file of readdirSync(join(dir, 'posts', folder))) {
      for (const b of JSON.parse(readFileSync(join(dir, 'posts', folder, file), 'utf8')).bodies) {
        const text = (runs) => runs.map((r) => (r === 'br' ? '\n' : r.text)).join('');
        bodies.set(b.no, b.blocks.map((block) => text(block.p)).join('\n'));
      }
    }
  }
  return bodies;
}

test('100k posts: a body query fetches a few index files and finds exactly the bodies that hold it', async () => {
  const dir = process.env.SYNTH_100K;
  assert.ok(dir, 'SYNTH_100K is set by cargo xtask test');
  const fetched = [];
  const serve = (p) => p.route('**/data/**', (r) => {
    const rel = new URL(r.request().url()).pathname.split('/data/')[1];
    fetched.push(rel);
    return r.fulfill({ path: join(dir, rel) });
  });
  // In bodies only (never in a synthetic title), written with and without its space.
  const q = '전문가자문단';
  const page = await openPage(browser, `?q=${encodeURIComponent(q)}&field=body`, serve);
  await page.locator('.board-snippet mark').first().waitFor({ timeout: 30_000 });
  const oracle = [...allBodies(dir).values()].filter((t) => t.replace(/\s/g, '').includes(q)).length;
  assert.ok(oracle > 1000, `${oracle} bodies hold the query`);
  const count = await page.locator('.board-count').innerText();
  assert.match(count, new RegExp(`총 ${oracle.toLocaleString('en-US')}건`), count);
  const index = fetched.filter((f) => f.startsWith('index/'));
  // The common pairs (a board this size has triples: a query of six characters reads three
  // of them, not its five pairs), one index file per triple or pair, then the big lists those
  // files keep apart (index/<i>/<j>.bin: beside a file fetched, or beside the shard of a key
  // with the same list).
  assert.ok(index.includes('index/dense.bin'), `index files fetched: ${index}`);
  const shards = index.filter((f) => /^index\/\d+\.bin$/.test(f));
  assert.ok(shards.length >= 1 && shards.length <= 3, `index files fetched: ${index}`);
  for (const f of index.filter((f) => !shards.includes(f) && f !== 'index/dense.bin')) {
    assert.match(f, /^index\/\d+\/\d+\.bin$/, `${f} is a list apart: ${index}`);
  }
  const bytes = index.reduce((n, rel) => n + readFileSync(join(dir, rel)).length, 0);
  assert.ok(bytes < 300_000, `${bytes} bytes of index`);
  // One body file per snippet row at most (rows of the same file share one request).
  await page.locator('.board-snippet').nth(19).waitFor();
  const posts = fetched.filter((f) => f.startsWith('posts/'));
  assert.ok(posts.length <= 20 && new Set(posts).size === posts.length, `body files: ${posts}`);
  assert.deepEqual(new Set(await page.locator('.board-snippet mark').allInnerTexts()), new Set(['전문가 자문단']));
  await page.assertClean();
});
