//! Component tests of the Leptos views in headless Chromium (wasm-bindgen-test).
//! Run by `cargo xtask test` as `cargo test -p esg-board --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use board_core::{Date, PostSummary, UrlState};
use esg_board::nav::Nav;
use esg_board::views::list::ListTable;
use esg_board::{Board, Config};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host = doc
        .create_element("div")
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    host
}

fn post(no: u32, title: &str) -> PostSummary {
    PostSummary {
        author: Some("관리자".into()),
        views: Some(1234),
        ..PostSummary::new(no, title, "2025-09-15".parse::<Date>().unwrap())
    }
}

#[wasm_bindgen_test]
fn list_table_has_the_contract_structure_and_shows_markup_as_text() {
    let host = host();
    let posts = vec![
        post(3409, "정부 비축장"),
        post(3408, "<img src=x onerror=alert(1)><script>boom()</script>"),
    ];
    leptos::mount::mount_to(host.clone(), move || {
        provide_context(Nav::install(&Config::default()));
        view! { <ListTable caption="ESG 정책뉴스 목록" posts=posts.clone() state=UrlState::default()/> }
    })
    .forget();

    let q = |sel: &str| host.query_selector_all(sel).unwrap();
    assert_eq!(
        host.query_selector("caption")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "ESG 정책뉴스 목록"
    );
    let heads: Vec<String> = (0..q("thead th").length())
        .map(|i| q("thead th").item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(heads, ["번호", "제목", "글쓴이", "날짜", "조회수"]);
    assert_eq!(q("tbody tr").length(), 2);
    let first: Vec<String> = (0..5)
        .map(|i| {
            q("tbody tr:first-child td")
                .item(i)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(
        first,
        ["3409", "정부 비축장", "관리자", "2025-09-15", "1,234"]
    );
    let link = host
        .query_selector("tbody tr td.col-title a")
        .unwrap()
        .unwrap();
    assert!(link.get_attribute("href").unwrap().contains("post=3409"));
    // Hostile text is text: no element was created from it.
    assert_eq!(q("tbody img").length(), 0);
    assert_eq!(q("tbody script").length(), 0);
    assert!(host
        .text_content()
        .unwrap()
        .contains("<script>boom()</script>"));
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_missing_dataset_shows_an_alert_with_retry() {
    let host = host();
    let config = Config {
        data_base: "no-such-dataset/".into(),
        ..Config::default()
    };
    leptos::mount::mount_to(
        host.clone(),
        move || view! { <Board config=config.clone()/> },
    )
    .forget();
    let mut alert = None;
    for _ in 0..100 {
        alert = host.query_selector("[role=alert]").unwrap();
        if alert.is_some() {
            break;
        }
        sleep(50).await;
    }
    let alert = alert.expect("an alert within 5 s");
    let text = alert.text_content().unwrap();
    assert!(text.contains("데이터를 불러오지 못했습니다"), "{text}");
    assert!(text.contains("404"), "{text}");
    let button = alert
        .query_selector("button")
        .unwrap()
        .expect("a retry button");
    assert_eq!(button.text_content().unwrap(), "다시 시도");
}
