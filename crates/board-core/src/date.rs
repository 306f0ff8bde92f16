//! Calendar dates as the board shows them (`YYYY-MM-DD`).
//!
//! Hand-written rather than `chrono`/`time`: the board only needs to validate, order and print
//! plain dates, and a date crate would add size to the wasm for nothing.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A valid Gregorian date. Field order makes the derived `Ord` chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not a date (expected YYYY-MM-DD or YYYY.MM.DD): {:?}",
            self.0
        )
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// The date as one number in the same order (for sorting by it).
    pub fn packed(self) -> u32 {
        u32::from(self.year) << 16 | u32::from(self.month) << 8 | u32::from(self.day)
    }

    /// Builds a date, refusing impossible ones (2025-02-30).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1 && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    pub fn year(self) -> u16 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`), for date differences.
    pub fn days(self) -> i64 {
        let (m, d) = (self.month as i64, self.day as i64);
        let y = self.year as i64 - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Whether this date is within the `n` days that end on `newest` (both included).
    pub fn within_days_of(self, newest: Date, n: i64) -> bool {
        (0..n).contains(&(newest.days() - self.days()))
    }

    /// The form the Korean press releases use in their source line: `2025.11.03`.
    pub fn dotted(self) -> String {
        format!("{:04}.{:02}.{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Accepts `YYYY-MM-DD` and `YYYY.MM.DD` (the two forms boards export), nothing else.
    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError(s.to_string());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b[7] || !(b[4] == b'-' || b[4] == b'.') {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16, DateError> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y, m as u8, d as u8).ok_or_else(err)
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;
    fn try_from(s: String) -> Result<Date, DateError> {
        s.parse()
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_export_forms() {
        assert_eq!(
            "2025-09-15".parse::<Date>().unwrap(),
            Date::new(2025, 9, 15).unwrap()
        );
        assert_eq!(
            "2025.11.03".parse::<Date>().unwrap().to_string(),
            "2025-11-03"
        );
    }

    #[test]
    fn refuses_everything_else() {
        for bad in [
            "2025-9-15",
            "2025/09/15",
            "2025-02-30",
            "2025-13-01",
            "2025-09.15",
            "",
            "abcd-ef-gh",
            "+025-01-01",
            "2025-00-10",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2100-02-29".parse::<Date>().is_err());
    }

    #[test]
    fn counts_days() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("1970-01-01").days(), 0);
        assert_eq!(d("2000-03-01").days() - d("2000-02-28").days(), 2);
        assert_eq!(d("2025-11-03").days() - d("2025-09-15").days(), 49);
        assert!(d("2025-09-09").within_days_of(d("2025-09-15"), 7));
        assert!(!d("2025-09-08").within_days_of(d("2025-09-15"), 7));
        assert!(!d("2025-09-16").within_days_of(d("2025-09-15"), 7));
    }

    #[test]
    fn orders_chronologically() {
        let a: Date = "2025-09-15".parse().unwrap();
        let b: Date = "2025-11-03".parse().unwrap();
        assert!(a < b);
        assert_eq!(b.dotted(), "2025.11.03");
    }

    proptest::proptest! {
        /// The packed number orders dates as the dates do (sorting by it is sorting by date).
        #[test]
        fn packed_keeps_the_order(a in (1u16..9999, 1u8..13, 1u8..29), b in (1u16..9999, 1u8..13, 1u8..29)) {
            let (a, b) = (Date::new(a.0, a.1, a.2).unwrap(), Date::new(b.0, b.1, b.2).unwrap());
            proptest::prop_assert_eq!(a.cmp(&b), a.packed().cmp(&b.packed()));
        }
    }
}
