//! Formatting for people: tables, sizes, "3 minutes ago".

/// Columns padded to their widest cell, separated by three spaces, as Podman prints.
pub fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(&format!("{cell:<width$}   ", width = widths[c]));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Bytes as Podman's images and history show them: SI units, three
/// significant digits, a space before the unit ("5.24 MB", "999 B").
pub fn size(bytes: u64) -> String {
    let text = go_size(bytes, 3);
    let unit =
        text.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-'));
    format!("{} {unit}", &text[..text.len() - unit.len()])
}

/// Docker's go-units HumanSizeWithPrecision: SI units and Go's `%.<precision>g`
/// ("2.17MB", "0B"); precision 4 is its HumanSize.
pub fn go_size(bytes: u64, precision: usize) -> String {
    const UNITS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
    custom_size(bytes, precision, 1000.0, &UNITS)
}

/// go-units' BytesSize: binary units, four significant digits ("2.949MiB").
pub fn go_bytes_size(bytes: u64) -> String {
    const UNITS: [&str; 9] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];
    custom_size(bytes, 4, 1024.0, &UNITS)
}

fn custom_size(bytes: u64, precision: usize, base: f64, units: &[&str]) -> String {
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= base && unit + 1 < units.len() {
        value /= base;
        unit += 1;
    }
    let number = super::template::sprintf(&format!("%.{precision}g"), &[value.into()]);
    format!("{number}{}", units[unit])
}

/// A duration as Go's `time.Duration` prints it: "1h2m3.5s", "4.2ms", "0s".
pub fn go_duration(duration: std::time::Duration) -> String {
    let ns = duration.as_nanos();
    let fraction = |value: u128, digits: u32| {
        let scale = 10u128.pow(digits);
        let (whole, part) = (value / scale, value % scale);
        if part == 0 {
            whole.to_string()
        } else {
            let part = format!("{part:0width$}", width = digits as usize);
            format!("{whole}.{}", part.trim_end_matches('0'))
        }
    };
    match ns {
        0 => "0s".into(),
        n if n < 1_000 => format!("{n}ns"),
        n if n < 1_000_000 => format!("{}µs", fraction(n, 3)),
        n if n < 1_000_000_000 => format!("{}ms", fraction(n, 6)),
        n => {
            let seconds = fraction(n % 60_000_000_000, 9);
            let minutes = n / 60_000_000_000;
            match (minutes / 60, minutes % 60) {
                (0, 0) => format!("{seconds}s"),
                (0, m) => format!("{m}m{seconds}s"),
                (h, m) => format!("{h}h{m}m{seconds}s"),
            }
        }
    }
}

/// "3 minutes ago" for an RFC 3339 time; "unknown" when absent or unparsable.
pub fn ago(time: Option<&str>) -> String {
    let Some(then) = time.and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok()) else {
        return "unknown".into();
    };
    let seconds = (chrono::Utc::now() - then.with_timezone(&chrono::Utc)).num_seconds();
    duration(seconds) + " ago"
}

/// A duration in words, as Docker's go-units prints it ("About an hour", "3 days").
pub fn duration(seconds: i64) -> String {
    let s = seconds.max(0);
    let minutes = s / 60;
    let hours = minutes / 60;
    let days = hours / 24;
    match () {
        _ if s < 1 => "Less than a second".into(),
        _ if s == 1 => "1 second".into(),
        _ if s < 60 => format!("{s} seconds"),
        _ if minutes == 1 => "About a minute".into(),
        _ if minutes < 60 => format!("{minutes} minutes"),
        _ if hours == 1 => "About an hour".into(),
        _ if hours < 48 => format!("{hours} hours"),
        _ if days < 14 => format!("{days} days"),
        _ if days < 60 => format!("{} weeks", days / 7),
        _ if days < 365 * 2 => format!("{} months", days / 30),
        _ => format!("{} years", days / 365),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_durations_read_like_podman() {
        assert_eq!(size(999), "999 B");
        assert_eq!(size(4_523_000), "4.52 MB");
        assert_eq!(size(104_857_600), "105 MB");
        assert_eq!(size(1_500_000), "1.5 MB");
        assert_eq!(go_size(0, 4), "0B");
        assert_eq!(go_size(2_166_784, 4), "2.167MB");
        assert_eq!(duration(0), "Less than a second");
        assert_eq!(duration(90), "About a minute");
        assert_eq!(duration(3 * 3600), "3 hours");
        assert_eq!(duration(3 * 86400), "3 days");
        assert_eq!(go_bytes_size(3_092_000), "2.949MiB");
        assert_eq!(go_bytes_size(512), "512B");
        let go = |ns: u64| go_duration(std::time::Duration::from_nanos(ns));
        assert_eq!(go(0), "0s");
        assert_eq!(go(4_933_000), "4.933ms");
        assert_eq!(go(279_028_579_000), "4m39.028579s");
        assert_eq!(go(3_604_000_000_000), "1h0m4s");
        assert_eq!(go(1_500), "1.5µs");
    }

    #[test]
    fn tables_align_columns() {
        let rows = vec![
            vec!["A".to_string(), "BB".into()],
            vec!["long".into(), "x".into()],
        ];
        assert_eq!(table(&rows), "A      BB\nlong   x\n");
    }
}
