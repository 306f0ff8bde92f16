//! `board-build synth`: a deterministic synthetic board for scale tests and benchmarks.
//!
//! Titles, departments, dates, views and bodies are drawn from word lists by a SplitMix64
//! generator. Hand-written rather than `rand`: the same `--seed` must give the same bytes in
//! every future version, which `rand`'s generators do not promise.

use board_core::content::Block;
use board_core::{
    BoardIndex, BoardMeta, Date, DeptCount, PostBody, PostSummary, Source, SCHEMA_VERSION,
};
use std::collections::BTreeMap;

const DEPTS: [&str; 12] = [
    "고용노동부",
    "환경부",
    "산업통상자원부",
    "기획재정부",
    "보건복지부",
    "국토교통부",
    "여성가족부",
    "중소벤처기업부",
    "금융위원회",
    "공정거래위원회",
    "행정안전부",
    "교육부",
];
const TOPICS: [&str; 24] = [
    "탄소중립",
    "임금체불",
    "중대재해",
    "순환경제",
    "재생에너지",
    "화학물질 안전",
    "녹색금융",
    "사회적 가치",
    "ESG 공시",
    "동반성장",
    "청년 일자리",
    "폐자원 재활용",
    "기후변화 대응",
    "대기오염",
    "수소경제",
    "공급망 실사",
    "산업안전",
    "지역균형발전",
    "생물다양성",
    "외국인노동자 근무환경",
    "상생협력기금",
    "녹색화학",
    "플라스틱 감축",
    "에너지 전환",
];
const ACTIONS: [&str; 14] = [
    "강화",
    "본격 추진",
    "방안 발표",
    "토론회 개최",
    "지원 확대",
    "현장 점검",
    "업무협약 체결",
    "가이드라인 마련",
    "성과 공유",
    "제도 개선",
    "실태조사 결과 발표",
    "간담회 개최",
    "시범사업 착수",
    "국제협력 논의",
];
const AUTHORS: [&str; 4] = ["관리자", "관리자", "관리자", "홍보담당관"];
const OPENINGS: [&str; 6] = [
    "{d}는 {t} 관련 정책의 실효성을 높이기 위해 관계 기관과 함께 {a} 계획을 밝혔다.",
    "{d}는 올해 {t} 분야에서 {a}을(를) 중심으로 한 세부 과제를 확정했다고 발표했다.",
    "정부는 {t} 현장의 목소리를 듣고 {a}에 필요한 과제를 논의하기 위해 {d} 주관으로 회의를 열었다.",
    "{d}에 따르면 지난해 {t} 관련 지원을 받은 기업과 기관은 전년보다 크게 늘었다.",
    "이번 조치는 {t}에 대한 국민의 관심이 높아짐에 따라 마련되었으며, {d}가 세부 내용을 안내할 예정이다.",
    "{d} 장관은 \"{t}은(는) 더 이상 미룰 수 없는 과제\"라며 {a}의 의지를 강조했다.",
];
const MIDDLES: [&str; 6] = [
    "주요 내용으로는 현장 실태조사, 전문가 자문단 운영, 우수 사례 발굴과 확산 등이 포함된다.",
    "특히 중소기업과 지역 사회가 부담 없이 참여할 수 있도록 컨설팅과 교육을 함께 제공한다.",
    "관계 부처는 분기마다 추진 상황을 점검하고, 필요한 경우 제도를 보완하기로 했다.",
    "참석자들은 데이터에 기반한 성과 관리와 투명한 정보 공개가 중요하다는 데 의견을 모았다.",
    "자세한 내용은 누리집 www.korea.kr 의 보도자료에서 확인할 수 있다.",
    "아울러 지방자치단체와 공공기관이 함께 참여하는 협의체를 구성해 협력을 강화한다.",
];
const CLOSINGS: [&str; 4] = [
    "{d}는 앞으로도 {t} 정책이 현장에 자리 잡을 수 있도록 지원을 아끼지 않겠다고 밝혔다.",
    "정부는 이번 {a}을(를) 계기로 관련 제도 전반을 다시 살펴볼 계획이다.",
    "{d} 관계자는 \"국민이 체감할 수 있는 성과를 내겠다\"고 말했다.",
    "관련 문의는 {d} 담당 부서로 하면 된다.",
];

/// SplitMix64: tiny, fast, and fixed forever.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The date `days` days before `end`.
fn days_before(end: Date, days: i64) -> Date {
    // Walk from a year-granular guess; exact and cheap enough for dataset generation.
    let target = end.days() - days;
    let mut y = (1970 + target.div_euclid(366)) as u16;
    while Date::new(y + 1, 1, 1).is_some_and(|d| d.days() <= target) {
        y += 1;
    }
    let mut d = Date::new(y, 1, 1).expect("valid year");
    let mut m = 1u8;
    while m < 12 && Date::new(y, m + 1, 1).is_some_and(|n| n.days() <= target) {
        m += 1;
        d = Date::new(y, m, 1).expect("valid month");
    }
    Date::new(y, m, 1 + (target - d.days()) as u8).expect("day within month")
}

fn fill(template: &str, dept: &str, topic: &str, action: &str) -> String {
    template
        .replace("{d}", dept)
        .replace("{t}", topic)
        .replace("{a}", action)
}

/// One generated post: its list row and, for most posts, its body.
pub struct SynthPost {
    pub summary: PostSummary,
    pub body: Option<PostBody>,
}

/// Generates post `no` (1-based, oldest first) of a board of `total` posts ending on `end`.
pub fn post(rng: &mut Rng, no: u32, total: u32, end: Date) -> SynthPost {
    // Ten years at most, about four posts a day for big boards.
    let span = (total as i64 / 4).clamp(30, 3650);
    let date = days_before(end, (total - no) as i64 * span / total.max(1) as i64);
    let dept = rng.pick(&DEPTS);
    let topic = rng.pick(&TOPICS);
    let action = rng.pick(&ACTIONS);
    let title = match rng.below(4) {
        0 => format!("{dept}, {topic} {action}"),
        1 => format!("‘{topic}’ {action}"),
        2 => format!("{topic} {action}을 위한 {}개 기관 협력", 2 + rng.below(16)),
        _ => format!("{dept} {topic} {action} … 현장 의견 반영"),
    };
    let views = (rng.below(300)
        + if rng.below(10) == 0 {
            rng.below(5000)
        } else {
            0
        }) as u64;
    let has_body = rng.below(10) != 0;
    let body = has_body.then(|| {
        let mut paragraphs = vec![fill(rng.pick(&OPENINGS), dept, topic, action)];
        for _ in 0..1 + rng.below(3) {
            let a = rng.pick(&MIDDLES);
            let b = rng.pick(&MIDDLES);
            paragraphs.push(format!("{a} {b}"));
        }
        paragraphs.push(fill(rng.pick(&CLOSINGS), dept, topic, action));
        PostBody {
            no,
            blocks: paragraphs
                .iter()
                .map(|p| Block::text_paragraph(p))
                .collect(),
            paragraphs: Vec::new(),
            source: Some(Source {
                date,
                org: dept.to_string(),
            }),
            attachments: Vec::new(),
        }
    });
    SynthPost {
        summary: PostSummary {
            no,
            title,
            author: Some((*rng.pick(&AUTHORS)).into()),
            date,
            views: Some(views),
            dept: Some(dept.into()),
            has_body,
            category: None,
            time: None,
            notice: false,
            attachments: 0,
        },
        body,
    }
}

/// Runs the generator over a whole board, handing each body to `on_body` as it is made (so
/// bodies never pile up in memory) and returning the list.
pub fn board<E>(
    posts: u32,
    seed: u64,
    mut on_body: impl FnMut(PostBody) -> Result<(), E>,
) -> Result<BoardIndex, E> {
    let end = Date::new(2025, 11, 30).expect("valid date");
    let mut rng = Rng::new(seed);
    let mut list = Vec::with_capacity(posts as usize);
    let mut departments: BTreeMap<String, u32> = BTreeMap::new();
    for no in 1..=posts {
        let p = post(&mut rng, no, posts, end);
        if let Some(b) = p.body {
            on_body(b)?;
        }
        *departments
            .entry(p.summary.dept.as_deref().unwrap_or_default().to_string())
            .or_default() += 1;
        list.push(p.summary);
    }
    list.sort_by(board_core::model::by_new);
    Ok(BoardIndex {
        schema_version: SCHEMA_VERSION,
        board: BoardMeta {
            name: format!("합성 게시판 ({posts}건)"),
            synthetic: true,
            ..Default::default()
        },
        posts: list,
        departments: departments
            .into_iter()
            .map(|(name, count)| DeptCount { name, count })
            .collect(),
        search_keys: Default::default(),
        categories: Vec::new(),
        by_no: Default::default(),
        last_search: Default::default(),
        body_index: None,
        find: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_board_other_seed_other_board() {
        let a = board::<()>(500, 7, |_| Ok(())).unwrap();
        let b = board::<()>(500, 7, |_| Ok(())).unwrap();
        let c = board::<()>(500, 8, |_| Ok(())).unwrap();
        assert_eq!(a, b);
        assert_ne!(a.posts, c.posts);
        assert!(a.board.synthetic);
        assert_eq!(a.departments.iter().map(|d| d.count).sum::<u32>(), 500);
    }

    #[test]
    fn dates_descend_and_stay_valid() {
        let mut bodies = 0;
        let idx = board::<()>(10_000, 1, |b| {
            assert!(b.blocks.len() >= 3);
            bodies += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(idx.posts.len(), 10_000);
        assert_eq!(idx.posts[0].date.to_string(), "2025-11-30");
        assert!(board_core::model::in_new_order(&idx.posts));
        assert!((8_500..9_500).contains(&bodies), "{bodies}");
    }

    #[test]
    fn days_before_walks_the_calendar() {
        let end = Date::new(2025, 3, 1).unwrap();
        assert_eq!(days_before(end, 0).to_string(), "2025-03-01");
        assert_eq!(days_before(end, 1).to_string(), "2025-02-28");
        assert_eq!(days_before(end, 365).to_string(), "2024-03-01");
        assert_eq!(days_before(end, 3650).to_string(), "2015-03-04");
    }
}
