// Rich article content end to end: a gnuboard5 export the test writes (write table with an
// HTML press release, file table, board row) built by board-build and opened in Chromium; then a
// hostile-HTML corpus (OWASP XSS filter-evasion vectors) through the builder into the page, under
// the test server's strict CSP, with dialog and page-error listeners.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOARD_URL, launch, mounted, openPage } from './browser.mjs';
import { audit } from './axe.mjs';
import { build, cp949, scratch, serve } from './datasets.mjs';

/// A 1×1 PNG, served for every image the pages ask for.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Serves the dataset, and the PNG for every image request.
const serveWithImages = (dir) => async (p) => {
  await serve(dir)(p);
  await p.route('**/*', (r) => (r.request().resourceType() === 'image'
    ? r.fulfill({ body: PNG, contentType: 'image/png' })
    : r.fallback()));
};

const PRESS = `<h2>2026년 탄소중립 예산 확정</h2>
<p class=MsoNormal><span style="font-size:11pt"><font face="맑은 고딕">환경부는 <b>3월 2일</b> <i>예산안</i>을 확정했다고 밝혔다.</font></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p>자세한 내용은 <a href="https://me.go.kr/notice" onclick="window.__pwned=1">환경부 누리집</a>과 <a href="mailto:press@me.go.kr">보도 담당</a>에 있습니다.</p>
<ul><li>온실가스 감축<ol><li>산업 부문</li><li>수송 부문</li></ol></li><li>기후 적응</li></ul>
<table><caption>부문별 예산 (단위: 억원)</caption>
<thead><tr><th rowspan="2">부문</th><th colspan="2">예산</th><th>비고 설명이 길게 이어지는 열입니다</th><th>담당 부서와 연락처를 적는 열입니다</th><th>일정</th><th>근거 법령</th></tr>
<tr><th>2025</th><th>2026</th><th>-</th><th>-</th><th>-</th><th>-</th></tr></thead>
<tbody><tr><td>탄소배출권 거래</td><td>1,200</td><td>1,450</td><td>신규 할당 포함한 장기 계획의 일부로 편성</td><td>기후경제과 044-201-0000</td><td>2026. 3.~12.</td><td>탄소중립기본법 제25조</td></tr>
<tr><td>기후 적응</td><td>800</td><td>910</td><td>-</td><td>기후적응과</td><td>연중</td><td>-</td></tr></tbody></table>
<figure><img src="/data/editor/2603/chart.png" alt="탄소중립 로드맵" width="640" height="360" onerror="window.__pwned=2"><figcaption>그림 1. 로드맵</figcaption></figure>
<blockquote><p>기후 위기는 곧 경제 위기입니다.</p></blockquote>
<pre>  부문   예산
  산업   1,200</pre><hr><script>window.__pwned=3</script><iframe src="https://evil.example"></iframe>`;

let data;
before(() => {
  const dir = scratch();
  const q = (cells) => cells.map((c) => `"${String(c).replaceAll('"', '""')}"`).join(',');
  const write = [
    q(['wr_id', 'wr_num', 'wr_reply', 'wr_parent', 'wr_is_comment', 'ca_name', 'wr_option', 'wr_subject', 'wr_content', 'wr_hit', 'wr_name', 'wr_datetime']),
    q([201, -201, '', 201, 0, '보도자료', 'html1', '2026년 탄소중립 예산 확정', PRESS, '1,024', '관리자', '2026-03-02 10:15:00']),
    q([202, -202, '', 202, 0, '공지', '', '게시판 이용 안내', '첫 줄\n\n둘째 문단', 5, '관리자', '2026-01-05 09:00:00']),
    q([203, -201, '', 201, 1, '', '', '', '댓글', 0, '손님', '2026-03-02 11:00:00']),
  ];
  writeFileSync(join(dir, 'g5_write_esg.csv'), cp949(`${write.join('\r\n')}\r\n`));
  const files = [
    q(['bo_table', 'wr_id', 'bf_no', 'bf_source', 'bf_file', 'bf_download', 'bf_content', 'bf_filesize', 'bf_width', 'bf_height', 'bf_type', 'bf_datetime']),
    q(['esg', 201, 1, '붙임2. 일정표.pdf', '3041_b.pdf', 3, '', 1572864, 0, 0, 0, '2026-03-02 10:15:00']),
    q(['esg', 201, 0, '붙임1. 2026 예산(안).hwp', '3041_a.hwp', 12, '', 335872, 0, 0, 0, '2026-03-02 10:15:00']),
    q(['esg', 999, 0, '지워진 글.hwp', '999_a.hwp', 0, '', 10, 0, 0, 0, '2026-03-02 10:15:00']),
  ];
  writeFileSync(join(dir, 'g5_board_file.csv'), `${files.join('\n')}\n`);
  const boards = [q(['bo_table', 'gr_id', 'bo_subject', 'bo_notice']), q(['esg', 'news', 'ESG 정책뉴스', '202']), q(['free', 'news', '자유게시판', '1,2'])];
  writeFileSync(join(dir, 'g5_board.csv'), `${boards.join('\n')}\n`);
  data = join(dir, 'data');
  const stderr = build([join(dir, 'g5_write_esg.csv'), join(dir, 'g5_board_file.csv'), join(dir, 'g5_board.csv'), '--out', data, '--name', 'ESG 정책뉴스']);
  assert.match(stderr, /a gnuboard5 file table \(3 files of 2 posts\)/);
  assert.match(stderr, /skipped files or notices of 1 posts no source gives \(번호 999\)/);
  assert.match(stderr, /skipped 1 comments/);
});

test('a press release keeps its headings, lists, table, image, links, quote and files', async () => {
  const page = await openPage(browser, '?post=201', serveWithImages(data));
  const body = page.locator('.board-body');
  await body.locator('table').waitFor();
  assert.equal(await page.locator('article h2').innerText(), '[보도자료] 2026년 탄소중립 예산 확정');
  assert.equal(await body.locator('h3').innerText(), '2026년 탄소중립 예산 확정');
  // Word markup flattened: one clean paragraph, the NBSP-only one gone.
  const paragraphs = await body.locator('> p').allInnerTexts();
  assert.equal(paragraphs[0], '환경부는 3월 2일 예산안을 확정했다고 밝혔다.');
  assert.equal(await body.locator('> p').first().locator('strong').innerText(), '3월 2일');
  assert.equal(await body.locator('> p').first().locator('em').innerText(), '예산안');
  const web = body.getByRole('link', { name: '환경부 누리집' });
  assert.equal(await web.getAttribute('href'), 'https://me.go.kr/notice');
  assert.equal(await web.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await web.getAttribute('onclick'), null);
  assert.equal(await body.getByRole('link', { name: '보도 담당' }).getAttribute('href'), 'mailto:press@me.go.kr');
  assert.deepEqual(await body.locator('> ul > li > ol > li').allInnerTexts(), ['산업 부문', '수송 부문']);
  // The table: caption, header cells with their spans, inside a labelled, focusable region.
  const region = body.getByRole('region', { name: '표: 부문별 예산 (단위: 억원)' });
  assert.equal(await region.getAttribute('tabindex'), '0');
  assert.equal(await region.locator('caption').innerText(), '부문별 예산 (단위: 억원)');
  assert.equal(await region.locator('th[rowspan="2"]').innerText(), '부문');
  assert.equal(await region.locator('th[colspan="2"]').innerText(), '예산');
  assert.equal(await region.locator('th[scope="col"]').count(), 12);
  assert.deepEqual(await region.locator('tbody tr').nth(2).locator('td').allInnerTexts(),
    ['탄소배출권 거래', '1,200', '1,450', '신규 할당 포함한 장기 계획의 일부로 편성', '기후경제과 044-201-0000', '2026. 3.~12.', '탄소중립기본법 제25조']);
  // The image: the source's alt, its size reserved, loaded lazily; the caption.
  const img = body.locator('figure img');
  assert.equal(await img.getAttribute('alt'), '탄소중립 로드맵');
  assert.deepEqual([await img.getAttribute('width'), await img.getAttribute('height'), await img.getAttribute('loading')], ['640', '360', 'lazy']);
  assert.equal(await img.getAttribute('onerror'), null);
  assert.equal(await body.locator('figcaption').innerText(), '그림 1. 로드맵');
  assert.equal(await body.locator('blockquote p').innerText(), '기후 위기는 곧 경제 위기입니다.');
  assert.match(await body.locator('pre').innerText(), /^ {2}부문 {3}예산\n {2}산업 {3}1,200$/);
  assert.equal(await body.locator('hr').count(), 1);
  assert.equal(await body.locator('script, iframe').count(), 0);
  // 첨부파일, in bf_no order, each a download link with its kind and size.
  const files = page.locator('section.board-files');
  assert.equal(await files.getByRole('heading').innerText(), '첨부파일 2');
  assert.deepEqual(await files.locator('a').allInnerTexts(), ['붙임1. 2026 예산(안).hwp [hwp, 328KB]', '붙임2. 일정표.pdf [pdf, 1.5MB]']);
  assert.match(await files.locator('a').first().getAttribute('href'), /^data\/file\/esg\/3041_a\.hwp$/);
  assert.match(await files.locator('li').first().innerText(), /다운로드 12회/);
  assert.deepEqual(await audit(page), []);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.assertClean();
});

test('on a phone the table scrolls inside its region, not the page; print keeps tables and images', async () => {
  const page = await openPage(browser, '?post=201', async (p) => {
    await p.setViewportSize({ width: 375, height: 800 });
    await serveWithImages(data)(p);
  });
  const region = page.locator('.board-table-scroll');
  await region.waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  assert.ok(await region.evaluate((e) => e.scrollWidth > e.clientWidth), 'the wide table scrolls in its region');
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.board-table-scroll').scrollLeft > 0);
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.board-body table', '.board-body img', '.board-files']) {
    assert.notEqual(await page.locator(sel).evaluate((e) => getComputedStyle(e).display), 'none', sel);
  }
  await page.assertClean();
});

test('notices from the board row, the file marker in the list, and body search in table cells and alt text', async () => {
  const page = await openPage(browser, '', serveWithImages(data));
  await page.locator('tbody tr.is-notice').waitFor();
  assert.match(await page.locator('tbody tr.is-notice').innerText(), /공지\s+\[공지\]\s+게시판 이용 안내/);
  const row = page.locator('tbody tr:not(.is-notice)', { has: page.locator('td.col-no', { hasText: /^201$/ }) });
  assert.equal(await row.locator('.badge-file .board-visually-hidden').textContent(), '첨부파일');
  for (const q of ['탄소배출권', '로드맵']) {
    await page.goto(`${BOARD_URL}?field=body&q=${encodeURIComponent(q)}`);
    await mounted(page);
    await page.locator('tbody td.col-no', { hasText: /^201$/ }).waitFor();
    assert.match(await page.locator('.board-count').innerText(), /총 1건/, q);
  }
  await page.assertClean();
});

/// OWASP XSS filter-evasion vectors (a selection covering each family), and a few of our own.
const VECTORS = [
  '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
  'javascript:/*--></title></style></textarea></script></xmp><svg/onload=\'+/"/+/onmouseover=1/+/[*/[]/+alert(1)//\'>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(\'XSS\')>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<a onmouseover="alert(document.cookie)">xxs link</a>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<IMG SRC=# onmouseover="alert(\'xxs\')">',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  '<IMG SRC="jav\tascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<iframe src=http://xss.rocks/scriptlet.html <',
  '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
  '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
  '<svg/onload=alert(\'XSS\')>',
  '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<TABLE BACKGROUND="javascript:alert(\'XSS\')"><TR><TD BACKGROUND="javascript:alert(\'XSS\')" onmouseover=alert(1)>셀</TD><TD>둘</TD></TR></TABLE>',
  '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">div</DIV>',
  '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjxzY3JpcHQ+YWxlcnQoMSk8L3NjcmlwdD48L3N2Zz4=" type="image/svg+xml">',
  '<a href="javascript&colon;alert(1)">colon</a>',
  '<a href="&#106;avascript:alert(1)">entity</a>',
  '<a href=" javascript:alert(1)">space</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><img src=x onerror=alert(1)></template><noscript><noscript><img src=x onerror=alert(2)></noscript></noscript>',
  '<form><button formaction="javascript:alert(1)">X</button></form>',
  '<details open ontoggle=alert(1)>열기</details>',
  '<p style="x:expression(alert(1))">expr</p>',
  '<a href="https://ok.example.kr" onclick="alert(1)">ok</a>',
  '<img src="pic.png" onerror="alert(1)" onload="alert(2)" srcset="javascript:alert(3)" style="x">',
  '<svg><a xlink:href="javascript:alert(1)"><text>svg</text></a></svg>',
  '<xss onafterscriptexecute=alert(1)><script>1</script>',
  '<b <script>alert(1)</script>0',
  '<p>열린 <b>태그<p>다음 <i><a href=/x>중첩</b></i>',
  '<p>&lt;script&gt;alert(1)&lt;/script&gt; 는 글자입니다</p>',
];

/// Keys the dataset's body files may hold (the content model), and the shape of their addresses.
const KEYS = new Set(['schema_version', 'bodies', 'no', 'blocks', 'source', 'date', 'org', 'attachments', 'name', 'url',
  'kind', 'size', 'downloads', 'p', 'heading', 'level', 'runs', 'list', 'ordered', 'items', 'table', 'caption', 'rows',
  'head', 'colspan', 'rowspan', 'image', 'src', 'alt', 'width', 'height', 'quote', 'pre', 'text', 'strong', 'em',
  'link', 'href', 'code']);
const SAFE_ADDRESS = /^(https?:|mailto:|[^:]*$|[^:/?#]*[/?#])/i;

function walk(value, seen) {
  if (Array.isArray(value)) return value.forEach((v) => walk(v, seen));
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      assert.ok(KEYS.has(k), `unexpected key ${k}`);
      if (['href', 'src', 'url'].includes(k)) seen.push(v);
      walk(v, seen);
    }
  }
}

test('hostile HTML: no executable construct reaches the dataset or the page', async () => {
  const dir = scratch();
  const lines = VECTORS.map((v, i) => JSON.stringify({ no: 500 + i, title: `벡터 ${i}`, date: '2026-02-01', body: v }));
  writeFileSync(join(dir, 'xss.jsonl'), `${lines.join('\n')}\n`);
  const out = join(dir, 'data');
  build([join(dir, 'xss.jsonl'), '--out', out]);
  // The dataset: only the model's keys, only web, mail or relative addresses, no markup.
  const addresses = [];
  const folder = join(out, 'posts', '0');
  for (const f of readdirSync(folder)) {
    const text = readFileSync(join(folder, f), 'utf8');
    walk(JSON.parse(text), addresses);
  }
  for (const a of addresses) {
    const cleaned = a.replace(/[\t\n\r]/g, '').trim();
    assert.match(cleaned, SAFE_ADDRESS, a);
    assert.doesNotMatch(cleaned, /^(javascript|data|vbscript):/i, a);
  }
  // Every article in the browser: nothing but the model's elements and attributes.
  const page = await openPage(browser, '', serveWithImages(out));
  await page.locator('tbody tr').first().waitFor();
  const ELEMENTS = 'P H3 H4 H5 UL OL LI TABLE CAPTION TBODY TR TH TD DIV IMG FIGURE FIGCAPTION BLOCKQUOTE PRE HR A STRONG EM BR CODE'.split(' ');
  const ATTRS = ['href', 'src', 'alt', 'width', 'height', 'colspan', 'rowspan', 'scope', 'target', 'rel', 'loading', 'decoding', 'class', 'role', 'aria-label', 'tabindex'];
  for (let i = 0; i < VECTORS.length; i += 1) {
    await page.goto(`${BOARD_URL}?post=${500 + i}`);
    await mounted(page);
    await page.locator('.board-body, .board-nobody').first().waitFor();
    const found = await page.evaluate(({ ELEMENTS, ATTRS }) => {
      const bad = [];
      for (const el of document.querySelectorAll('.board-body *')) {
        if (!ELEMENTS.includes(el.tagName)) bad.push(el.tagName);
        for (const a of el.attributes) {
          if (!ATTRS.includes(a.name)) bad.push(`${el.tagName}[${a.name}]`);
          if ((a.name === 'href' || a.name === 'src') && !/^(https?:|mailto:|[^:]*$|[^:/?#]*[/?#])/i.test(a.value)) bad.push(`${a.name}=${a.value}`);
        }
      }
      return bad;
    }, { ELEMENTS, ATTRS });
    assert.deepEqual(found, [], `vector ${i}: ${VECTORS[i]}`);
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.assertClean();
});

test('--asset-base resolves relative images, links and files against the original site', () => {
  const dir = scratch();
  const body = '<p><a href="/bbs/board.php?wr_id=1">원문</a> <a href="#top">위로</a></p><img src="/data/editor/a.png" alt="">';
  writeFileSync(join(dir, 'a.jsonl'), `${JSON.stringify({ no: 1, title: '가', date: '2026-01-01', body, attachments: ['files/b.hwp'] })}\n`);
  const out = join(dir, 'data');
  build([join(dir, 'a.jsonl'), '--out', out, '--asset-base', 'https://www.k-esg.org/esg/']);
  const text = readFileSync(join(out, 'posts', '0', '0.json'), 'utf8');
  const addresses = [];
  walk(JSON.parse(text), addresses);
  assert.deepEqual(addresses, ['https://www.k-esg.org/bbs/board.php?wr_id=1', 'https://www.k-esg.org/data/editor/a.png', 'https://www.k-esg.org/esg/files/b.hwp']);
  // A link within the page keeps its text only: the host page's fragment is the host's.
  assert.match(text, /\{"text":" 위로"\}/);
  assert.doesNotMatch(text, /#top/);
});
