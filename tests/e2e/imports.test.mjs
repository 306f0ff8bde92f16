// Real exports in, end to end: files as Korean Excel and other tools write them (CP949 CSV with
// CRLF and quoted multi-line cells and thousands separators, UTF-16 "유니코드 텍스트" TSV, a
// wide export with columns the board has no use for), built by board-build, opened in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, rowCells } from './browser.mjs';
import { BUILDER, cp949, serve } from './datasets.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a Korean Excel CSV (CP949) and a UTF-16 TSV build into one board and open in the browser', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'esg-import-'));
  const csv = '번호,제목,작성자,작성일,조회수,IP,추천\r\n'
    + '101,"탄소중립 기본계획, 확정",환경부,2026. 3. 2.,"1,234",10.0.0.1,3\r\n'
    + '102,똠양꿍 햏 점검,관리자,2026-03-05 09:15,7,10.0.0.2,0\r\n'
    + '103,본문이 있는 글,관리자,2026년 3월 6일,12,10.0.0.3,1\r\n';
  writeFileSync(join(dir, 'excel.csv'), cp949(csv));
  const tsv = '번호\t제목\t내용\r\n103\t본문이 있는 글\t"첫 문단\r\n\r\n둘째 문단"\r\n';
  writeFileSync(join(dir, 'unicode.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]));
  const out = join(dir, 'data');
  const run = spawnSync(BUILDER, ['build', join(dir, 'excel.csv'), join(dir, 'unicode.txt'), '--out', out, '--name', '수입 게시판']);
  const stderr = run.stderr.toString();
  assert.equal(run.status, 0, stderr);
  assert.match(stderr, /excel\.csv: read as CP949/);
  assert.match(stderr, /unicode\.txt: read as UTF-16LE/);
  assert.match(stderr, /skipped columns the board has no use for: "IP", "추천"/);

  const page = await openPage(browser, '', serve(out));
  await page.locator('tbody tr').first().waitFor();
  // (the title cell also says 새 글: these are the newest posts)
  const cells = async (no) => (await rowCells(page, no)).map((c) => c.split('\n')[0]);
  assert.deepEqual(await cells(101), ['101', '탄소중립 기본계획, 확정', '환경부', '2026-03-02', '1,234']);
  assert.deepEqual((await cells(102)).slice(1, 4), ['똠양꿍 햏 점검', '관리자', '2026-03-05']);
  await page.getByRole('searchbox', { name: '검색어' }).fill('둘째');
  await page.locator('tbody td.col-no', { hasText: '103' }).waitFor();
  await page.locator('tbody a.title-link').first().click();
  await page.locator('.board-body p').first().waitFor();
  assert.deepEqual(await page.locator('.board-body p').allInnerTexts(), ['첫 문단', '둘째 문단']);
  await page.assertClean();
});

test('bytes that fit no supported encoding, and a two-digit year, are file:line errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'esg-import-'));
  writeFileSync(join(dir, 'bad.csv'), Buffer.concat([cp949('번호,제목,날짜\r\n1,가,2026-03-02\r\n'), Buffer.from([0x32, 0x2c, 0xff, 0xff, 0x0d, 0x0a])]));
  let run = spawnSync(BUILDER, ['build', join(dir, 'bad.csv'), '--out', join(dir, 'data')]);
  assert.equal(run.status, 1);
  assert.match(run.stderr.toString(), /bad\.csv:3: bytes that are neither UTF-8 nor CP949/);
  writeFileSync(join(dir, 'year.csv'), '번호,제목,날짜\n1,가,26.03.02\n');
  run = spawnSync(BUILDER, ['build', join(dir, 'year.csv'), '--out', join(dir, 'data')]);
  assert.equal(run.status, 1);
  assert.match(run.stderr.toString(), /year\.csv:2: 날짜: "26\.03\.02" is not a date: the year "26" has two digits/);
});

test('a gnuboard5 write table and a WordPress export (with an attached file) merge into one board', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'esg-import-'));
  // phpMyAdmin's CSV of g5_write_notice, in CP949 as a Korean server often writes it.
  const g5 = '"wr_id","wr_num","wr_reply","wr_parent","wr_is_comment","ca_name","wr_option","wr_subject","wr_content","wr_hit","wr_name","wr_datetime","wr_ip"\r\n'
    + '"201","-201","","201","0","정책","html1","기후공시 의무화 일정","<p>첫 문단 <b>굵게</b></p><script>window.__pwned=1</script><p>둘째<br>줄</p>","2,048","관리자","2026-02-20 14:03:11","10.0.0.1"\r\n'
    + '"202","-201","","201","1","","","","댓글 본문","0","손님","2026-02-20 15:00:00","10.0.0.2"\r\n';
  writeFileSync(join(dir, 'g5_write_notice.csv'), cp949(g5));
  const wxr = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>ESG 소식</title>
<wp:author><wp:author_login><![CDATA[admin]]></wp:author_login><wp:author_display_name><![CDATA[정책팀]]></wp:author_display_name></wp:author>
<item><title>녹색분류체계 &amp; 전환금융</title><dc:creator><![CDATA[admin]]></dc:creator>
<content:encoded><![CDATA[<!-- wp:paragraph --><p>워드프레스 본문 <img src="data:image/png;base64,AAAA" onerror="window.__pwned=2"></p><!-- /wp:paragraph -->]]></content:encoded>
<wp:post_id>301</wp:post_id><wp:post_date><![CDATA[2026-03-01 09:00:00]]></wp:post_date>
<wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="news"><![CDATA[ESG 소식]]></category></item>
<item><title>붙임</title><wp:post_id>303</wp:post_id><wp:post_parent>301</wp:post_parent>
<wp:attachment_url><![CDATA[https://esg.example.kr/wp-content/uploads/2026/03/%EC%A0%84%ED%99%98%EA%B8%88%EC%9C%B5.pdf]]></wp:attachment_url>
<wp:status><![CDATA[inherit]]></wp:status><wp:post_type><![CDATA[attachment]]></wp:post_type></item>
<item><title>초안</title><wp:post_id>302</wp:post_id><wp:post_date><![CDATA[2026-03-02 09:00:00]]></wp:post_date>
<wp:status><![CDATA[draft]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type></item>
</channel></rss>`;
  writeFileSync(join(dir, 'wordpress.xml'), wxr);
  const out = join(dir, 'data');
  const run = spawnSync(BUILDER, ['build', join(dir, 'g5_write_notice.csv'), join(dir, 'wordpress.xml'), '--out', out, '--name', 'ESG 정책뉴스']);
  const stderr = run.stderr.toString();
  assert.equal(run.status, 0, stderr);
  assert.match(stderr, /skipped 1 comments/);
  assert.match(stderr, /skipped items that are not published posts: 1 post \(draft\)/);

  const page = await openPage(browser, '', serve(out));
  await page.locator('tbody tr').first().waitFor();
  assert.equal(await page.locator('tbody tr').count(), 2);
  // (the title cell's parts — 분류, the title, 새 글 — are laid out side by side)
  const cells = async (no) => (await rowCells(page, no)).map((c) => c.split('\n').filter((l) => l !== '새 글' && l !== '첨부파일').join(' '));
  // 분류 (gnuboard's ca_name, WordPress' category) shown with the title.
  assert.deepEqual(await cells(201), ['201', '[정책] 기후공시 의무화 일정', '관리자', '2026-02-20', '2,048']);
  assert.deepEqual(await cells(301), ['301', '[ESG 소식] 녹색분류체계 & 전환금융', '정책팀', '2026-03-01', '—']);
  await page.locator('tbody a.title-link', { hasText: '기후공시' }).click();
  await page.locator('.board-body p').first().waitFor();
  assert.equal(await page.locator('article h2').innerText(), '[정책] 기후공시 의무화 일정');
  // The time the export gave is shown with the date.
  assert.match(await page.locator('.board-meta').innerText(), /2026-02-20 14:03/);
  assert.match(await page.locator('.board-meta').innerText(), /분류\s+정책/);
  assert.deepEqual(await page.locator('.board-body p').allInnerTexts(), ['첫 문단 굵게', '둘째\n줄']);
  await page.getByRole('link', { name: '목록', exact: true }).click();
  await page.locator('tbody a.title-link', { hasText: '녹색분류체계' }).click();
  await page.locator('.board-body p').first().waitFor();
  assert.deepEqual(await page.locator('.board-body p').allInnerTexts(), ['워드프레스 본문']);
  // The WordPress attachment item is the post's file.
  assert.deepEqual(await page.locator('.board-files a').allInnerTexts(), ['전환금융.pdf [pdf]']);
  assert.equal(await page.locator('.board-files a').getAttribute('href'), 'https://esg.example.kr/wp-content/uploads/2026/03/%EC%A0%84%ED%99%98%EA%B8%88%EC%9C%B5.pdf');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.assertClean();
});
