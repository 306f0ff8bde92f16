// Real exports in, end to end: files as Korean Excel and other tools write them (CP949 CSV with
// CRLF and quoted multi-line cells and thousands separators, UTF-16 "유니코드 텍스트" TSV, a
// wide export with columns the board has no use for), built by board-build, opened in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, rowCells } from './browser.mjs';

const BUILDER = join(process.cwd(), 'target/release/board-build');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Bytes of `text` in CP949, as Korean Excel saves a CSV (Python's codec: an independent encoder).
function cp949(text) {
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("cp949"))'], { input: text });
}

const serve = (dir) => (p) => p.route('**/data/**', (r) => {
  const rel = new URL(r.request().url()).pathname.split('/data/')[1];
  return r.fulfill({ path: join(dir, rel) });
});

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
  await page.locator('article h2').waitFor();
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
