// Korean typed with the keyboard left in English mode (rhdyd for 고용): when the text as typed
// finds nothing, bodies included, the board shows the results of its Hangul reading with a line
// saying so and a link that searches the text as typed; the URL keeps what was typed; real
// Latin words (ESG, ISSB) and Latin words found only in bodies find themselves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage } from './browser.mjs';
import { audit } from './axe.mjs';
import { build, scratch, serve } from './datasets.mjs';

let browser;
let data;
before(async () => {
  browser = await launch();
  const dir = scratch();
  const posts = [
    [1, '고용노동부, 청년 고용 지원 확대', '지원 대상을 넓힙니다.'],
    [2, '임금체불 집중 점검 결과', '체불 사업장을 점검했습니다.'],
    [3, 'ESG 공시 가이드라인 발표', '공시 기준을 안내합니다.'],
    [4, 'ISSB 기준 도입 로드맵', '국제 기준을 도입합니다.'],
    [5, '에스지 포럼 개최', '포럼을 엽니다.'],
    [6, '기후 공시 설명회', 'climate risk disclosure 설명회를 엽니다.'],
  ];
  const lines = posts.map(([no, title, body]) => JSON.stringify({ no, title, date: `2026-03-0${no}`, author: '관리자', body }));
  writeFileSync(join(dir, 'posts.jsonl'), `${lines.join('\n')}\n`);
  data = join(dir, 'data');
  build([join(dir, 'posts.jsonl'), '--out', data, '--name', '정책 게시판']);
});
after(async () => { await browser?.close(); });

const open = (query) => openPage(browser, query, serve(data));
const titles = (page) => page.locator('tbody a.title-link').allInnerTexts();

test('rhdyd shows the results of 고용, says so, and keeps what was typed in the URL and the box', async () => {
  const page = await open('?q=rhdyd');
  const line = page.locator('.board-reading');
  await line.waitFor();
  assert.equal(await line.innerText(), '‘고용’ 검색 결과입니다 · ‘rhdyd’(으)로 검색');
  assert.deepEqual(await titles(page), ['고용노동부, 청년 고용 지원 확대']);
  assert.deepEqual(await page.locator('tbody mark').allInnerTexts(), ['고용', '고용']);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'rhdyd');
  assert.equal(await page.getByRole('searchbox', { name: '검색어' }).inputValue(), 'rhdyd');
  await page.waitForFunction(() => /‘고용’ 검색 결과입니다 · 총 1건/.test(document.querySelector('[data-board-announce]').textContent));
  assert.deepEqual(await audit(page), []);
  // The link searches the text as typed: nothing, said so.
  await line.getByRole('link', { name: '‘rhdyd’(으)로 검색' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('typed') === '1');
  await page.locator('.board-count', { hasText: '검색 결과가 없습니다.' }).waitFor();
  assert.equal(await page.locator('.board-reading').count(), 0);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'rhdyd');
  await page.assertClean();
});

test('typing in English mode: the results follow the Hangul reading, two words and the syllable being typed too', async () => {
  const page = await open('');
  const box = page.getByRole('searchbox', { name: '검색어' });
  await box.fill('dlarmacpqnf');
  await page.locator('.board-reading', { hasText: '‘임금체불’ 검색 결과입니다' }).waitFor();
  assert.deepEqual(await titles(page), ['임금체불 집중 점검 결과']);
  await box.fill('dlarma cp');
  await page.locator('.board-reading', { hasText: '‘임금 체’ 검색 결과입니다' }).waitFor();
  assert.deepEqual(await titles(page), ['임금체불 집중 점검 결과']);
  await box.fill('dptmwl');
  await page.locator('.board-reading', { hasText: '‘에스지’' }).waitFor();
  assert.deepEqual(await titles(page), ['에스지 포럼 개최']);
  await page.assertClean();
});

test('real Latin words find themselves: ESG, issb, and a word only in a body', async () => {
  for (const [query, expected] of [['ESG', ['ESG 공시 가이드라인 발표']], ['issb', ['ISSB 기준 도입 로드맵']], ['risk', ['기후 공시 설명회']]]) {
    const page = await open(`?q=${query}`);
    await page.locator('tbody a.title-link').first().waitFor();
    await page.waitForFunction(() => /총 \d+건 ·/.test(document.querySelector('.board-count')?.textContent ?? ''));
    assert.deepEqual(await titles(page), expected, query);
    assert.equal(await page.locator('.board-reading').count(), 0, query);
    await page.assertClean();
    await page.context().close();
  }
});

test('English UI', async () => {
  const page = await open('?q=rhdyd&lang=en');
  await page.locator('.board-reading').waitFor();
  assert.equal(await page.locator('.board-reading').innerText(), 'Showing results for ‘고용’ · Search for ‘rhdyd’ instead');
  await page.assertClean();
});
