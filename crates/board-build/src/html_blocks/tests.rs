use super::*;

fn t(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn p(runs: Vec<Inline>) -> Block {
    Block::P(runs)
}

#[test]
fn paragraphs_lines_entities_and_formatting() {
    let html = "<p>첫 문단&nbsp;입니다.</p>\n<p>둘째<br>줄바꿈</p><div>셋째 &amp; <b>굵게</b> <em>기울임</em></div>끝";
    assert_eq!(
        blocks(html),
        [
            p(vec![t("첫 문단\u{a0}입니다.")]),
            p(vec![t("둘째"), Inline::Br, t("줄바꿈")]),
            p(vec![
                t("셋째 & "),
                Inline::Strong(vec![t("굵게")]),
                t(" "),
                Inline::Em(vec![t("기울임")])
            ]),
            p(vec![t("끝")]),
        ]
    );
}

#[test]
fn headings_lists_quotes_pre_and_rules() {
    let html = "<h1>제목</h1><h3>소제목</h3><h6>작은</h6>\
                <ul><li>하나</li><li>둘<ol><li>둘-1</li></ol></li></ul>\
                <blockquote><p>인용</p></blockquote><pre>  a\n    b</pre><hr>";
    let b = blocks(html);
    assert_eq!(
        b[..3],
        [
            Block::Heading(Heading {
                level: 2,
                runs: vec![t("제목")]
            }),
            Block::Heading(Heading {
                level: 3,
                runs: vec![t("소제목")]
            }),
            Block::Heading(Heading {
                level: 4,
                runs: vec![t("작은")]
            }),
        ]
    );
    assert_eq!(
        b[3],
        Block::List(List {
            ordered: false,
            items: vec![
                vec![p(vec![t("하나")])],
                vec![
                    p(vec![t("둘")]),
                    Block::List(List {
                        ordered: true,
                        items: vec![vec![p(vec![t("둘-1")])]]
                    })
                ],
            ],
        })
    );
    assert_eq!(b[4], Block::Quote(vec![p(vec![t("인용")])]));
    assert_eq!(b[5], Block::Pre("  a\n    b".into()));
    assert_eq!(b[6], Block::Rule);
    assert_eq!(b.len(), 7);
}

#[test]
fn tables_keep_caption_headers_and_spans() {
    let html = "<table><caption>2026년 예산</caption><thead><tr><th colspan=\"2\">구분</th></tr></thead>\
                <tbody><tr><td rowspan=99999>국비</td><td><p>1,234</p><p>억원</p></td></tr></tbody></table>";
    let [Block::Table(table)] = <[Block; 1]>::try_from(blocks(html)).unwrap() else {
        panic!("one table");
    };
    assert_eq!(table.caption, [t("2026년 예산")]);
    assert_eq!(table.rows.len(), 2);
    assert_eq!((table.rows[0][0].head, table.rows[0][0].colspan), (true, 2));
    assert_eq!(table.rows[1][0].rowspan, content::MAX_SPAN);
    assert_eq!(table.rows[1][1].runs, [t("1,234"), Inline::Br, t("억원")]);
}

#[test]
fn a_one_cell_layout_table_is_its_content() {
    let html = "<table><tr><td><p>보도자료</p><p>둘째</p></td></tr></table>";
    assert_eq!(blocks(html), [p(vec![t("보도자료")]), p(vec![t("둘째")])]);
}

#[test]
fn images_keep_alt_size_and_caption() {
    let html = "<p>앞 <img src=\"/data/editor/a.png\" alt=\" 탄소중립  로드맵 \" width=\"640px\" height=\"480\"> 뒤</p>\
                <figure><img src=\"b.png\" alt=\"\"><figcaption>그림 1</figcaption></figure>";
    assert_eq!(
        blocks(html),
        [
            p(vec![t("앞")]),
            Block::Image(Image {
                src: "/data/editor/a.png".into(),
                alt: "탄소중립 로드맵".into(),
                width: Some(640),
                height: Some(480),
                caption: vec![],
            }),
            p(vec![t("뒤")]),
            Block::Image(Image {
                src: "b.png".into(),
                alt: "".into(),
                width: None,
                height: None,
                caption: vec![t("그림 1")],
            }),
        ]
    );
}

#[test]
fn links_are_web_mail_or_relative_only() {
    let html = "<p><a href=\"https://moel.go.kr\">노동부</a> <a href=\"mailto:a@b.kr\">메일</a> \
                <a href=\"JaVaScRiPt:alert(1)\">나쁜</a> <a href=\"java&#x09;script:x\">탭</a> \
                <a href=\"data:text/html,x\">데이터</a> <a href=\"#top\">위로</a> <a href=\"/bbs/x\">상대</a></p>";
    let [Block::P(runs)] = <[Block; 1]>::try_from(blocks(html)).unwrap() else {
        panic!("one paragraph");
    };
    let hrefs: Vec<&str> = runs
        .iter()
        .filter_map(|r| match r {
            Inline::Link(l) => Some(l.href.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(hrefs, ["https://moel.go.kr", "mailto:a@b.kr", "/bbs/x"]);
    let mut text = String::new();
    content::runs_text(&runs, &mut text);
    assert_eq!(text, "노동부 메일 나쁜 탭 데이터 위로 상대");
}

#[test]
fn dropped_elements_and_unsafe_images_leave_nothing() {
    let html = "<!-- wp:paragraph --><p>본문</p><!-- /wp:paragraph -->\
                <script>alert(1)</script><style>p{}</style><iframe src=x>frame</iframe>\
                <form><input value=x><p>양식</p></form><svg><text>그림</text></svg>\
                <img src=\"data:image/png;base64,xx\" alt=\"데이터\"><img src=\"javascript:x\">\
                <noscript><p>노스크립트</p></noscript><p onclick=\"x()\">끝</p>";
    assert_eq!(blocks(html), [p(vec![t("본문")]), p(vec![t("끝")])]);
    assert!(blocks("<p>  </p><div>&nbsp;</div><p><br></p>").is_empty());
}

#[test]
fn word_and_hwp_paste_flattens_to_clean_paragraphs() {
    let html =
        "<div><div><p class=MsoNormal><span style='font-size:10pt'><font face=굴림>고용노동부는\
                </font></span><span lang=EN-US> 3</span>일</p>\
                <p class=MsoNormal><o:p>&nbsp;</o:p></p>\
                <p class=MsoNormal><span><o:p>둘째&nbsp;문단</o:p></span></p></div></div>";
    assert_eq!(
        blocks(html),
        [p(vec![t("고용노동부는 3일")]), p(vec![t("둘째\u{a0}문단")])]
    );
}

#[test]
fn broken_markup_reads_as_a_browser_reads_it() {
    assert_eq!(
        blocks("<p>열린 <b>태그<p>다음"),
        [
            p(vec![t("열린 "), Inline::Strong(vec![t("태그")])]),
            p(vec![Inline::Strong(vec![t("다음")])])
        ]
    );
}

#[test]
fn deep_nesting_is_bounded() {
    let deep = "<div>".repeat(5000) + "깊은 글" + &"</div>".repeat(5000);
    assert_eq!(blocks(&deep), [p(vec![t("깊은 글")])]);
    let lists = "<ul><li>".repeat(40) + "항목" + &"</li></ul>".repeat(40);
    let json = serde_json::to_string(&blocks(&lists)).unwrap();
    assert!(json.contains("항목"));
    // Deep enough for serde_json's default limit (128) to read it back.
    serde_json::from_str::<Vec<Block>>(&json).unwrap();
    let spans = "<b><i>".repeat(3000) + "굵게" + &"</i></b>".repeat(3000);
    let json = serde_json::to_string(&blocks(&spans)).unwrap();
    serde_json::from_str::<Vec<Block>>(&json).unwrap();
}

#[test]
fn plain_text_and_html_are_told_apart() {
    assert!(looks_like_html("<p>가</p>"));
    assert!(looks_like_html("가<BR/>나"));
    assert!(!looks_like_html("<보도자료> 3 < 5 그리고 a<b"));
    assert_eq!(
        body_blocks("첫 줄\n둘째 줄\n\n새 문단"),
        [
            p(vec![t("첫 줄"), Inline::Br, t("둘째 줄")]),
            p(vec![t("새 문단")])
        ]
    );
}
