//! How long turning a 100 kB HTML body into blocks takes (`cargo xtask bench-build` runs this):
//! a press release as Korean editors write it — Word/HWP-pasted paragraphs, a 60-row table,
//! lists, images, links — repeated to 100 kB. Numbers, not pass/fail.

use std::time::Instant;

fn press_release() -> String {
    let mut part = String::from(
        "<h2>2026년 탄소중립 예산 확정</h2>\
         <p class=MsoNormal><span style='font-size:11pt'><font face='맑은 고딕'>환경부는 <b>3월 2일</b> \
         <i>예산안</i>을 확정했다고 밝혔다.</font></span></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>\
         <p>자세한 내용은 <a href='https://me.go.kr/notice'>환경부 누리집</a>에 있습니다.</p>\
         <ul><li>온실가스 감축<ol><li>산업</li><li>수송</li></ol></li><li>기후 적응</li></ul>\
         <figure><img src='/data/editor/2603/chart.png' alt='로드맵' width='640' height='360'>\
         <figcaption>그림 1</figcaption></figure>\
         <table><caption>부문별 예산</caption><tr><th rowspan=2>부문</th><th colspan=2>예산</th><th>비고</th></tr>",
    );
    for r in 0..60 {
        part.push_str(&format!(
            "<tr><td><p class=MsoNormal><span>사업 {r}</span></p></td><td>1,{r:03}</td><td>2,{r:03}</td><td>신규 할당 포함 &amp; 계획</td></tr>"
        ));
    }
    part.push_str("</table><blockquote><p>기후 위기는 곧 경제 위기입니다.</p></blockquote>");
    let mut html = String::new();
    while html.len() < 100_000 {
        html.push_str(&part);
    }
    html
}

fn main() {
    let html = press_release();
    let mut times: Vec<f64> = (0..30)
        .map(|_| {
            let started = Instant::now();
            let blocks = board_build::html_blocks::blocks(&html);
            std::hint::black_box(blocks);
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let blocks = board_build::html_blocks::blocks(&html);
    println!(
        "| a {:.0} kB HTML press release (Word paste, a 60-row table per copy, lists, images) into {} blocks | 30 | {:.1} ms | {:.1} ms |",
        html.len() as f64 / 1000.0,
        blocks.len(),
        times[times.len() / 2],
        times[times.len() - 1]
    );
}
