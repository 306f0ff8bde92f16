//! Dates and numbers as board exports write them.
//!
//! Korean Excel writes `2026. 3. 2.`, databases `2026-03-02 09:15:00`, XE/Rhymix
//! `20260302091500`, people `2026년 3월 2일` or `2026/3/2`; counts come as `1,234`. Each is read
//! to the one form the dataset keeps; anything else (a two-digit year, a 31st of February, a
//! number with odd grouping) is an error that says why, never a silent guess.

use board_core::Date;

/// A date, with or without a time after it (checked, and given back as `HH:MM`).
pub fn date_time(text: &str) -> Result<(Date, Option<String>), String> {
    let date = date(text)?;
    let t = text.trim();
    let time = if t.bytes().all(|b| b.is_ascii_digit()) {
        (t.len() >= 12).then(|| format!("{}:{}", &t[8..10], &t[10..12]))
    } else {
        split_time(t).1.map(|time| {
            let mut parts = time.split(':');
            let h: u32 = parts.next().and_then(|h| h.parse().ok()).unwrap_or(0);
            let m = parts.next().unwrap_or("00");
            format!("{h:02}:{m}")
        })
    };
    Ok((date, time))
}

/// A date, with or without a time after it (the time is checked, not kept).
pub fn date(text: &str) -> Result<Date, String> {
    let t = text.trim();
    let bad = |why: &str| Err(format!("{t:?} is not a date: {why}"));
    if t.is_empty() {
        return bad("empty");
    }
    // XE/Rhymix: YYYYMMDD, optionally followed by hhmmss.
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return match t.len() {
            8 | 12 | 14 => ymd(&t[0..4], &t[4..6], &t[6..8], t).and_then(|d| {
                time_digits(&t[8..]).map_err(|w| format!("{t:?} is not a date: {w}"))?;
                Ok(d)
            }),
            _ => bad("expected YYYYMMDD or YYYYMMDDhhmmss"),
        };
    }
    let (day, time) = split_time(t);
    if let Some(time) = time {
        check_time(time).map_err(|w| format!("{t:?} is not a date: {w}"))?;
    }
    // 2026년 3월 2일
    if day.contains('년') {
        let parts: Vec<&str> = day
            .split(['년', '월', '일'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        return match parts.as_slice() {
            [y, m, d] => ymd(y, m, d, t),
            _ => bad("expected YYYY년 M월 D일"),
        };
    }
    // 2026-03-02, 2026.03.02, 2026/3/2, 2026. 3. 2.
    let parts: Vec<&str> = day
        .trim_end_matches('.')
        .split(['-', '.', '/'])
        .map(str::trim)
        .collect();
    match parts.as_slice() {
        [y, m, d] => ymd(y, m, d, t),
        _ => bad(
            "expected a year, a month and a day (YYYY-MM-DD, YYYY.MM.DD, YYYY/MM/DD, YYYY. M. D.)",
        ),
    }
}

/// Splits `2026-03-02 09:15` (or `…T09:15:00`) into the day and the time, if there is one.
fn split_time(t: &str) -> (&str, Option<&str>) {
    if !t.contains(':') {
        return (t, None);
    }
    match t.rfind([' ', 'T']) {
        Some(i) => (t[..i].trim(), Some(t[i + 1..].trim())),
        None => (t, None),
    }
}

/// `hh:mm` or `hh:mm:ss` (seconds may carry a fraction), in range.
fn check_time(time: &str) -> Result<(), String> {
    let parts: Vec<&str> = time.split(':').collect();
    let n = |s: &str, max: u32| {
        let s = s.split('.').next().unwrap_or("");
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .filter(|v| *v <= max)
    };
    let ok = match parts.as_slice() {
        [h, m] => n(h, 23).is_some() && n(m, 59).is_some(),
        [h, m, s] => n(h, 23).is_some() && n(m, 59).is_some() && n(s, 60).is_some(),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("the time {time:?} is not hh:mm or hh:mm:ss"))
    }
}

/// The digits of a time after YYYYMMDD: none, hhmm or hhmmss.
fn time_digits(d: &str) -> Result<(), String> {
    match d.len() {
        0 => Ok(()),
        4 | 6 => {
            let t: Vec<String> = d
                .as_bytes()
                .chunks(2)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect();
            check_time(&t.join(":"))
        }
        _ => Err("expected YYYYMMDD or YYYYMMDDhhmmss".into()),
    }
}

fn ymd(y: &str, m: &str, d: &str, whole: &str) -> Result<Date, String> {
    let bad = |why: String| Err(format!("{whole:?} is not a date: {why}"));
    let digits = |s: &str, most: usize| {
        !s.is_empty() && s.len() <= most && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return bad("expected numbers for the year, month and day".into());
    }
    if y.len() != 4 {
        return bad(format!(
            "the year {y:?} has two digits, which could be 19{y} or 20{y}: write all four"
        ));
    }
    let (y, m, d): (u16, u8, u8) = (
        y.parse().unwrap_or(0),
        m.parse().unwrap_or(0),
        d.parse().unwrap_or(0),
    );
    match Date::new(y, m, d) {
        Some(date) => Ok(date),
        None => bad(format!("there is no day {d} of month {m} in {y}")),
    }
}

/// A whole number, with thousands separators (`1,234`, `1 234`) or without.
pub fn number(text: &str) -> Option<u64> {
    let t = text.trim();
    let sep = t
        .chars()
        .find(|c| matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}'));
    let Some(sep) = sep else {
        return t
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| t.parse().ok())
            .flatten();
    };
    let groups: Vec<&str> = t.split(sep).collect();
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let well_grouped = groups.iter().all(|g| digits(g))
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3);
    if !well_grouped {
        return None;
    }
    groups.concat().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_form_exports_write() {
        for text in [
            "2026-03-02",
            "2026.03.02",
            "2026/03/02",
            "2026-3-2",
            "2026. 3. 2.",
            "2026. 3. 2",
            "2026년 3월 2일",
            "2026년3월2일",
            "20260302",
            "20260302103000",
            "2026-03-02 09:15",
            "2026-03-02 09:15:07",
            "2026-03-02T09:15:07",
            "2026. 3. 2. 9:15",
            "2026년 3월 2일 09:15",
        ] {
            assert_eq!(
                date(text).map(|d| d.to_string()),
                Ok("2026-03-02".into()),
                "{text}"
            );
        }
    }

    #[test]
    fn the_time_of_day_is_kept() {
        for (text, time) in [
            ("2026-03-02 09:15:07", Some("09:15")),
            ("2026. 3. 2. 9:05", Some("09:05")),
            ("20260302103000", Some("10:30")),
            ("2026-03-02", None),
            ("20260302", None),
        ] {
            assert_eq!(date_time(text).unwrap().1.as_deref(), time, "{text}");
        }
    }

    #[test]
    fn ambiguous_and_impossible_dates_say_why() {
        let e = date("26-03-02").unwrap_err();
        assert!(e.contains("two digits"), "{e}");
        assert!(date("2026-02-30")
            .unwrap_err()
            .contains("no day 30 of month 2"));
        assert!(date("2026-03-02 25:00").unwrap_err().contains("the time"));
        assert!(date("20260302999999").is_err());
        for bad in [
            "",
            "yesterday",
            "2026-03",
            "2026.03.02.04",
            "03/02/2026",
            "2026-03-02x",
        ] {
            assert!(date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn numbers_with_and_without_separators() {
        for (t, n) in [
            ("1234", 1234),
            ("1,234", 1234),
            ("1 234 567", 1_234_567),
            (" 12 ", 12),
            ("0", 0),
        ] {
            assert_eq!(number(t), Some(n), "{t}");
        }
        for bad in [
            "1,23",
            "12,3456",
            ",123",
            "1,,234",
            "1.5",
            "-3",
            "",
            "1,234 567",
            "abc",
        ] {
            assert_eq!(number(bad), None, "{bad}");
        }
    }

    proptest! {
        /// Every date written in any export form reads back as itself.
        #[test]
        fn written_dates_read_back(y in 1900u16..2100, m in 1u8..=12, d in 1u8..=28, form in 0usize..7, h in 0u8..24, min in 0u8..60) {
            let want = Date::new(y, m, d).unwrap();
            let text = match form {
                0 => format!("{y:04}-{m:02}-{d:02}"),
                1 => format!("{y}. {m}. {d}."),
                2 => format!("{y}년 {m}월 {d}일"),
                3 => format!("{y:04}{m:02}{d:02}{h:02}{min:02}00"),
                4 => format!("{y}/{m}/{d} {h}:{min:02}"),
                5 => format!("{y:04}.{m:02}.{d:02} {h:02}:{min:02}:00"),
                _ => format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:00"),
            };
            prop_assert_eq!(date(&text), Ok(want));
        }

        /// Any text: an answer, never a panic; a number read is the digits written.
        #[test]
        fn any_text_any_answer(t in "[0-9 ,.:/년월일T-]{0,24}") {
            let _ = date(&t);
            if let Some(n) = number(&t) {
                let digits: String = t.chars().filter(char::is_ascii_digit).collect();
                prop_assert_eq!(n, digits.parse::<u64>().unwrap());
            }
        }

        /// Thousands separators of any well-grouped number read back.
        #[test]
        fn grouped_numbers_read_back(n in 0u64..10_000_000_000) {
            let plain = n.to_string();
            let mut grouped = String::new();
            for (i, c) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            prop_assert_eq!(number(&grouped), Some(n));
        }
    }
}
