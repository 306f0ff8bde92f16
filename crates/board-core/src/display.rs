//! How numbers are shown to readers.

/// `1234567` → `1,234,567`: 조회수 as Korean boards print them.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A file size as Korean boards print it: `512B`, `328KB`, `1.5MB`, `2.1GB` (1 KB = 1024 B;
/// whole kilobytes, megabytes and gigabytes to one decimal, computed without floating point).
pub fn file_size(bytes: u64) -> String {
    const K: u64 = 1024;
    let tenths = |unit: u64| {
        let t = (bytes as u128 * 10 + unit as u128 / 2) / unit as u128;
        format!("{}.{}", t / 10, t % 10)
    };
    match bytes {
        b if b < K => format!("{b}B"),
        b if b < K * K => format!("{}KB", (b + K / 2) / K),
        b if b < K * K * K => format!("{}MB", tenths(K * K)),
        _ => format!("{}GB", tenths(K * K * K)),
    }
}

#[cfg(test)]
mod tests {
    use super::{file_size, thousands};

    #[test]
    fn file_sizes() {
        assert_eq!(file_size(0), "0B");
        assert_eq!(file_size(1023), "1023B");
        assert_eq!(file_size(335_872), "328KB");
        assert_eq!(file_size(1_572_864), "1.5MB");
        assert_eq!(file_size(2_254_857_830), "2.1GB");
        assert_eq!(file_size(u64::MAX), "17179869184.0GB");
    }

    #[test]
    fn groups_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(88), "88");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(u64::MAX), "18,446,744,073,709,551,615");
    }
}
