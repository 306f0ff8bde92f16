// Korean search through the real search box (the search rules that work on the list data).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, settled } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const cases = [
  // 3410 matches by its 담당부서 (고용노동부): 전체 covers title, author and department.
  ['substring anywhere: 노동부', '노동부', ['3410', '3408', '3402', '3400', '3393'], ['노동부', '노동부', '노동부', '노동부']],
  ['spacing: 임금 체불 finds 임금체불', '임금 체불', ['3402', '3400', '3397'], ['임금체불', '임금체불', '임금체불']],
  ['spacing the other way: 사회적가치 finds 사회적 가치', '사회적가치', ['3396', '3394'], ['사회적 가치', '사회적가치']],
  ['초성: ㅇㄱㅊㅂ', 'ㅇㄱㅊㅂ', ['3402', '3400', '3397'], ['임금체불', '임금체불', '임금체불']],
  ['mixed: 고용ㄴㄷ', '고용ㄴㄷ', ['3410', '3408', '3400', '3393'], ['고용노동', '고용노동', '고용노동']],
  ['syllable being typed: 화학제푸', '화학제푸', ['3406', '3405'], ['화학제품', '화학제품']],
  ['syllable being typed: 고요', '고요', ['3410', '3408', '3400', '3393'], ['고용', '고용', '고용', '고용']],
  ['terms AND when the joined form does not match: 캐나다 논의', '캐나다 논의', ['3395'], ['캐나다', '논의']],
];

for (const [what, q, rows, marks] of cases) {
  test(`search box: ${what}`, async () => {
    const page = await openPage(browser, '?sort=new');
    const box = page.getByRole('searchbox', { name: '검색어' });
    await box.pressSequentially(q, { delay: 20 });
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('q') === v, q);
    await settled(page);
    assert.deepEqual(await page.locator('tbody td.col-no').allInnerTexts(), rows);
    assert.deepEqual(await page.locator('tbody mark').allInnerTexts(), marks);
    await page.assertClean();
  });
}

test('relevance is the default order while searching: title hits first, exact before partial', async () => {
  const page = await openPage(browser, `?q=${encodeURIComponent('노동부')}`);
  await page.locator('tbody tr').first().waitFor();
  await settled(page);
  assert.equal(await page.getByRole('combobox', { name: '정렬' }).inputValue(), 'relevance');
  // 노동부 is in four titles and in the department of 3410 (고용노동부): titles come first.
  assert.deepEqual(await page.locator('tbody td.col-no').allInnerTexts(), ['3408', '3402', '3400', '3393', '3410']);
  // A query ending in 초성 ranks the same way: partial title hits before the department hit,
  // newest first among equals (exact-before-partial is unit-tested in board-core).
  const typing = await openPage(browser, `?q=${encodeURIComponent('고용노동ㅂ')}`);
  await typing.locator('tbody tr').first().waitFor();
  await settled(typing);
  assert.deepEqual(await typing.locator('tbody td.col-no').allInnerTexts(), ['3408', '3400', '3393', '3410']);
  await typing.assertClean();
  await page.assertClean();
});
