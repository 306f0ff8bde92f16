//! Every UI string, Korean and English, in one table: views, the fetching code and the
//! dataset's errors never hold their own text. Data (titles, names, bodies) is shown as it is, in whatever language it was written;
//! dates stay ISO (YYYY-MM-DD) in both languages.

use board_core::display::thousands;
use board_core::{DatasetError, Field, Lang, Sort, SCHEMA_VERSION};

use crate::api::{LoadError, TIMEOUT_MS};

/// The fixed strings of one language.
pub struct Messages {
    pub lang_attr: &'static str,
    pub loading_board: &'static str,
    pub loading_body: &'static str,
    pub loading_all: &'static str,
    pub retry: &'static str,
    pub body_failed: &'static str,
    pub not_found_title: &'static str,
    pub back_to_list: &'static str,
    pub col_no: &'static str,
    pub col_title: &'static str,
    pub col_author: &'static str,
    pub col_date: &'static str,
    pub col_views: &'static str,
    pub col_dept: &'static str,
    pub col_category: &'static str,
    pub new_badge: &'static str,
    pub nothing_found: &'static str,
    pub board_empty: &'static str,
    pub reset_search: &'static str,
    pub pagination: &'static str,
    pub first: &'static str,
    pub prev: &'static str,
    pub next: &'static str,
    pub last: &'static str,
    pub search_form: &'static str,
    pub search_field: &'static str,
    pub search_text: &'static str,
    pub search_placeholder: &'static str,
    pub clear_search: &'static str,
    pub search_button: &'static str,
    pub all: &'static str,
    pub date_from: &'static str,
    pub date_to: &'static str,
    pub order: &'static str,
    pub per_page: &'static str,
    pub unknown: &'static str,
    pub no_body: &'static str,
    pub prev_post: &'static str,
    pub next_post: &'static str,
    pub neighbours: &'static str,
    pub list_of_post: &'static str,
    pub source: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub copy_ok: &'static str,
    pub copy_failed: &'static str,
    pub skip_to_list: &'static str,
    pub switch_to: &'static str,
    pub searching_bodies: &'static str,
    pub body_search_failed: &'static str,
    pub found_in_body: &'static str,
    pub notice: &'static str,
    pub has_files: &'static str,
    pub files: &'static str,
    pub table: &'static str,
    pub downloads: &'static str,
    pub categories: &'static str,
    pub page_jump: &'static str,
    pub go: &'static str,
}

pub const KO: Messages = Messages {
    lang_attr: "ko",
    loading_board: "게시판을 불러오는 중입니다…",
    loading_body: "본문을 불러오는 중입니다…",
    loading_all: "전체 목록을 불러오는 중입니다…",
    retry: "다시 시도",
    body_failed: "본문을 불러오지 못했습니다.",
    not_found_title: "게시글을 찾을 수 없습니다",
    back_to_list: "목록",
    col_no: "번호",
    col_title: "제목",
    col_author: "글쓴이",
    col_date: "날짜",
    col_views: "조회수",
    col_dept: "담당부서",
    col_category: "분류",
    new_badge: "새 글",
    nothing_found: "검색 결과가 없습니다.",
    board_empty: "등록된 게시글이 없습니다.",
    reset_search: "검색 초기화",
    pagination: "페이지 이동",
    first: "처음",
    prev: "이전",
    next: "다음",
    last: "마지막",
    search_form: "게시글 검색",
    search_field: "검색 조건",
    search_text: "검색어",
    search_placeholder: "검색어를 입력하세요",
    clear_search: "검색어 지우기",
    search_button: "검색",
    all: "전체",
    date_from: "시작일",
    date_to: "종료일",
    order: "정렬",
    per_page: "목록 수",
    unknown: "정보 없음",
    no_body: "이 게시글의 본문은 데이터에 포함되어 있지 않습니다. 위의 정보만 제공됩니다.",
    prev_post: "이전글",
    next_post: "다음글",
    neighbours: "이전글 다음글",
    list_of_post: "이 글이 있는 목록",
    source: "출처",
    copy_link: "링크 복사",
    copied: "복사됨",
    copy_ok: "주소를 복사했습니다.",
    copy_failed: "주소를 복사하지 못했습니다. 주소창의 주소를 복사해 주세요.",
    skip_to_list: "목록으로 건너뛰기",
    switch_to: "English",
    searching_bodies: "본문을 검색하는 중입니다…",
    body_search_failed: "본문은 검색하지 못했습니다:",
    found_in_body: "본문:",
    notice: "공지",
    has_files: "첨부파일 있음",
    files: "첨부파일",
    table: "표",
    downloads: "다운로드",
    categories: "분류",
    page_jump: "페이지 번호",
    go: "이동",
};

pub const EN: Messages = Messages {
    lang_attr: "en",
    loading_board: "Loading the board…",
    loading_body: "Loading the article…",
    loading_all: "Loading the whole list…",
    retry: "Try again",
    body_failed: "The article text could not be loaded.",
    not_found_title: "Post not found",
    back_to_list: "List",
    col_no: "No.",
    col_title: "Title",
    col_author: "Author",
    col_date: "Date",
    col_views: "Views",
    col_dept: "Department",
    col_category: "Category",
    new_badge: "New",
    nothing_found: "No posts match your search.",
    board_empty: "There are no posts on this board yet.",
    reset_search: "Clear search",
    pagination: "Pages",
    first: "First",
    prev: "Previous",
    next: "Next",
    last: "Last",
    search_form: "Search posts",
    search_field: "Search in",
    search_text: "Search text",
    search_placeholder: "Type to search",
    clear_search: "Clear search text",
    search_button: "Search",
    all: "All",
    date_from: "From",
    date_to: "To",
    order: "Order",
    per_page: "Per page",
    unknown: "Unknown",
    no_body: "The text of this post is not in the dataset; only the details above are available.",
    prev_post: "Previous post",
    next_post: "Next post",
    neighbours: "Previous and next posts",
    list_of_post: "The list this post is on",
    source: "Source",
    copy_link: "Copy link",
    copied: "Copied",
    copy_ok: "The address was copied.",
    copy_failed: "The address could not be copied. Please copy it from the address bar.",
    skip_to_list: "Skip to the list",
    switch_to: "한국어",
    searching_bodies: "Searching the article texts…",
    body_search_failed: "The article texts could not be searched:",
    found_in_body: "Text:",
    notice: "Notice",
    has_files: "Has attachments",
    files: "Attachments",
    table: "Table",
    downloads: "Downloads",
    categories: "Category",
    page_jump: "Page number",
    go: "Go",
};

pub fn messages(lang: Lang) -> &'static Messages {
    match lang {
        Lang::Ko => &KO,
        Lang::En => &EN,
    }
}

/// The other language, for the switch.
pub fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Ko => Lang::En,
        Lang::En => Lang::Ko,
    }
}

pub fn field(lang: Lang, f: Field) -> &'static str {
    let m = messages(lang);
    match (lang, f) {
        (_, Field::All) => m.all,
        (_, Field::Title) => m.col_title,
        (Lang::Ko, Field::Body) => "내용",
        (Lang::En, Field::Body) => "Text",
        (_, Field::Author) => m.col_author,
    }
}

pub fn sort(lang: Lang, s: Sort) -> &'static str {
    match (lang, s) {
        (Lang::Ko, Sort::New) => "최신순",
        (Lang::Ko, Sort::Old) => "오래된순",
        (Lang::Ko, Sort::Views) => "조회순",
        (Lang::Ko, Sort::Relevance) => "정확도순",
        (Lang::En, Sort::New) => "Newest",
        (Lang::En, Sort::Old) => "Oldest",
        (Lang::En, Sort::Views) => "Most viewed",
        (Lang::En, Sort::Relevance) => "Best match",
    }
}

/// `총 21건 · 1/2 페이지`
pub fn count(lang: Lang, total: usize, page: u32, last: u32) -> String {
    let n = thousands(total as u64);
    match lang {
        Lang::Ko => format!("총 {n}건 · {page}/{last} 페이지"),
        Lang::En => format!("{n} posts · page {page} of {last}"),
    }
}

/// `[hwp, 328KB]`: a file's kind and size, as Korean boards print them (empty when neither is
/// known).
pub fn file_meta(kind: Option<&str>, size: Option<u64>) -> String {
    let parts: Vec<String> = kind
        .map(str::to_string)
        .into_iter()
        .chain(size.map(board_core::display::file_size))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("[{}]", parts.join(", "))
    }
}

/// A file's download count: `다운로드 12회`.
pub fn download_count(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Ko => format!("다운로드 {}회", thousands(n)),
        Lang::En => format!("{} downloads", thousands(n)),
    }
}

/// The name of a table's scrolling region: its caption, or its place among the tables.
pub fn table_region(lang: Lang, caption: &str, n: usize) -> String {
    match (lang, caption.is_empty()) {
        (Lang::Ko, true) => format!("표 {n}"),
        (Lang::En, true) => format!("Table {n}"),
        (Lang::Ko, false) => format!("표: {caption}"),
        (Lang::En, false) => format!("Table: {caption}"),
    }
}

pub fn per_page_option(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Ko => format!("{n}개씩"),
        Lang::En => format!("{n} per page"),
    }
}

pub fn no_posts_in_dept(lang: Lang, dept: &str) -> String {
    match lang {
        Lang::Ko => format!("담당부서 ‘{dept}’의 게시글이 없습니다."),
        Lang::En => format!("There are no posts from the department “{dept}”."),
    }
}

pub fn not_found_sentence(lang: Lang, asked: &str) -> String {
    match lang {
        Lang::Ko => format!("요청한 게시글({asked})을 찾을 수 없습니다. 삭제되었거나 주소가 잘못되었을 수 있습니다."),
        Lang::En => format!("The post you asked for ({asked}) cannot be found. It may have been removed, or the address may be wrong."),
    }
}

pub fn list_caption(lang: Lang, board: &str) -> String {
    match lang {
        Lang::Ko => format!("{board} 목록"),
        Lang::En => format!("{board}: list of posts"),
    }
}

pub fn page_caption(lang: Lang, board: &str, page: u32) -> String {
    match lang {
        Lang::Ko => format!("{board} 목록 ({page}페이지)"),
        Lang::En => format!("{board}: list of posts (page {page})"),
    }
}

pub fn title_with_page(lang: Lang, title: &str, page: u32) -> String {
    match lang {
        Lang::Ko => format!("{title} - {page}페이지"),
        Lang::En => format!("{title} - page {page}"),
    }
}

pub fn title_with_search(lang: Lang, title: &str, q: &str) -> String {
    match lang {
        Lang::Ko => format!("‘{q}’ 검색 결과 - {title}"),
        Lang::En => format!("Search “{q}” - {title}"),
    }
}

/// Compact pagination on phones: `3 / 12`.
/// A page number link's name for screen readers: `3 페이지`, `Page 3` (the number a word of
/// its own, so that it matches the visible text).
pub fn page_label(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Ko => format!("{n} 페이지"),
        Lang::En => format!("Page {n}"),
    }
}

/// Beside the page-jump field: `/ 총 12페이지`.
pub fn of_pages(lang: Lang, last: u32) -> String {
    match lang {
        Lang::Ko => format!("/ 총 {}페이지", thousands(last.into())),
        Lang::En => format!("of {} pages", thousands(last.into())),
    }
}

pub fn page_jump_invalid(lang: Lang, last: u32) -> String {
    match lang {
        Lang::Ko => format!(
            "1부터 {}까지의 페이지 번호를 숫자로 입력하세요.",
            thousands(last.into())
        ),
        Lang::En => format!("Enter a page number from 1 to {}.", thousands(last.into())),
    }
}

/// Above the results of a query typed in English mode: `‘고용’ 검색 결과입니다`.
pub fn reading_shown(lang: Lang, hangul: &str) -> String {
    match lang {
        Lang::Ko => format!("‘{hangul}’ 검색 결과입니다"),
        Lang::En => format!("Showing results for ‘{hangul}’"),
    }
}

/// The link that searches the text as typed: `‘rhdyd’(으)로 검색`.
pub fn search_as_typed(lang: Lang, typed: &str) -> String {
    match lang {
        Lang::Ko => format!("‘{typed}’(으)로 검색"),
        Lang::En => format!("Search for ‘{typed}’ instead"),
    }
}

/// `분류 ‘보도자료’의 게시글이 없습니다.`
pub fn no_posts_in_category(lang: Lang, cat: &str) -> String {
    match lang {
        Lang::Ko => format!("분류 ‘{cat}’의 게시글이 없습니다."),
        Lang::En => format!("There are no posts in the category “{cat}”."),
    }
}

/// A category with its count: `보도자료 (12)`.
pub fn with_count(name: &str, count: u32) -> String {
    format!("{name} ({})", thousands(count.into()))
}

/// Why a dataset file is not one this page reads, for readers.
pub fn dataset_error(lang: Lang, e: &DatasetError) -> String {
    match (lang, e) {
        (Lang::Ko, DatasetError::Malformed(why)) => format!("데이터 형식이 올바르지 않습니다 ({why})"),
        (Lang::En, DatasetError::Malformed(why)) => {
            format!("The data is not in the expected format ({why})")
        }
        (Lang::Ko, DatasetError::UnknownSchema(v)) => format!(
            "지원하지 않는 데이터 버전입니다 (schema_version {v}, 이 화면은 1–{SCHEMA_VERSION}만 읽습니다)"
        ),
        (Lang::En, DatasetError::UnknownSchema(v)) => format!(
            "This data version is not supported (schema_version {v}; this page reads 1–{SCHEMA_VERSION})"
        ),
        (Lang::Ko, DatasetError::MissingBody(no)) => format!("게시글 {no}의 본문이 없습니다"),
        (Lang::En, DatasetError::MissingBody(no)) => format!("Post {no} has no body in the data"),
        (Lang::Ko, DatasetError::BrokenIndex(why)) => {
            format!("본문 색인 파일이 손상되었습니다 ({why})")
        }
        (Lang::En, DatasetError::BrokenIndex(why)) => {
            format!("The article-text index file is damaged ({why})")
        }
    }
}

/// Why a dataset file could not be had, for readers: what failed and the file's address.
pub fn load_error(lang: Lang, e: &LoadError) -> String {
    let secs = TIMEOUT_MS / 1000;
    match (lang, e) {
        (Lang::Ko, LoadError::Network { url, why }) => {
            format!("데이터를 불러오지 못했습니다: 네트워크 오류 ({url}: {why})")
        }
        (Lang::En, LoadError::Network { url, why }) => {
            format!("The data could not be loaded: network error ({url}: {why})")
        }
        (Lang::Ko, LoadError::Timeout { url }) => format!(
            "데이터를 불러오지 못했습니다: 서버가 {secs}초 안에 응답하지 않았습니다 ({url})"
        ),
        (Lang::En, LoadError::Timeout { url }) => format!(
            "The data could not be loaded: the server did not answer within {secs} seconds ({url})"
        ),
        (Lang::Ko, LoadError::Status { url, status }) => {
            format!("데이터를 불러오지 못했습니다: 서버 응답 {status} ({url})")
        }
        (Lang::En, LoadError::Status { url, status }) => {
            format!("The data could not be loaded: the server answered {status} ({url})")
        }
        (_, LoadError::Data { url, error }) => format!("{} ({url})", dataset_error(lang, error)),
    }
}
