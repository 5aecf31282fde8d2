//! Time stamps as rcon writes them in records and logs, and the times users
//! type (`--since`, `--until`, `until=` filters).

use chrono::{DateTime, Utc};

/// The current time as RFC 3339 UTC with nanoseconds, as Podman writes a
/// container's or image's times.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

/// `seconds` since the epoch as RFC 3339 UTC (`--timestamp`'s fixed times).
pub fn rfc3339_of(seconds: i64) -> String {
    DateTime::<Utc>::from_timestamp(seconds, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A `--since`/`--until` time as Podman reads one: RFC 3339, a date
/// (`2024-01-02`), Unix seconds (with a fraction), or a Go duration before
/// now (`10s`, `5m`, `1h30m`, `1.5h`, `500ms`).
pub fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Some(time.with_timezone(&Utc));
    }
    if let Ok(date) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(date.and_hms_opt(0, 0, 0)?.and_utc());
    }
    if let Ok(seconds) = text.parse::<f64>() {
        return DateTime::from_timestamp_nanos((seconds * 1e9) as i64).into();
    }
    let nanos = parse_duration(text)?;
    Some(Utc::now() - chrono::Duration::nanoseconds(nanos))
}

/// Go's `time.ParseDuration` in nanoseconds: one or more decimal numbers,
/// each with a unit (`ns`, `us`, `µs`, `ms`, `s`, `m`, `h`), optionally signed.
pub fn parse_duration(text: &str) -> Option<i64> {
    let (sign, mut rest) = match text.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, text.strip_prefix('+').unwrap_or(text)),
    };
    if rest.is_empty() {
        return None;
    }
    let mut total = 0.0;
    while !rest.is_empty() {
        let number_end = rest
            .find(|c: char| !c.is_ascii_digit() && c != '.')
            .filter(|&i| i > 0)?;
        let number: f64 = rest[..number_end].parse().ok()?;
        rest = &rest[number_end..];
        let unit_end = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let scale = match &rest[..unit_end] {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
        total += number * scale;
        rest = &rest[unit_end..];
    }
    Some((sign * total) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_every_form() {
        let t = parse_time("2024-01-02T03:04:05Z").unwrap();
        assert_eq!(parse_time("1704164645").unwrap(), t);
        assert_eq!(parse_time("2024-01-02T05:04:05+02:00").unwrap(), t);
        assert!(parse_time("2024-01-02").unwrap() < t);
        assert!(parse_time("10m").unwrap() < Utc::now());
        assert!(parse_time("soon").is_none());
        assert!(parse_time("5").is_some(), "Unix seconds");
    }

    #[test]
    fn go_durations() {
        assert_eq!(parse_duration("1h30m"), Some(5_400_000_000_000));
        assert_eq!(parse_duration("1.5h"), Some(5_400_000_000_000));
        assert_eq!(parse_duration("500ms"), Some(500_000_000));
        assert_eq!(parse_duration("-2s"), Some(-2_000_000_000));
        for bad in ["", "h", "1", "1x", "1h30", "-"] {
            assert_eq!(parse_duration(bad), None, "{bad:?}");
        }
    }
}
