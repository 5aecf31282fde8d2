//! Sizes as Podman reads them from flags and files.

/// go-units' `RAMInBytes`: a number (a fraction too) with an optional
/// binary unit `b`, `k`, `m`, `g`, `t`, `p`, also spelt `kb`/`kib`, in any
/// case: `20G`, `512m`, `1.5g`, `4KiB`, `1048576`.
pub fn parse_ram(text: &str) -> Option<u64> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let unit = unit.to_ascii_lowercase();
    let unit = unit
        .strip_suffix("ib")
        .or_else(|| unit.strip_suffix('b'))
        .unwrap_or(&unit);
    let shift = match unit {
        "" => 0,
        "k" => 10,
        "m" => 20,
        "g" => 30,
        "t" => 40,
        "p" => 50,
        _ => return None,
    };
    if number.contains('.') {
        let value = number.parse::<f64>().ok()? * (1u64 << shift) as f64;
        return (value.is_finite() && value < u64::MAX as f64).then_some(value as u64);
    }
    number.parse::<u64>().ok()?.checked_mul(1 << shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_units_in_any_spelling() {
        assert_eq!(parse_ram("1048576"), Some(1 << 20));
        assert_eq!(parse_ram("1G"), Some(1 << 30));
        assert_eq!(parse_ram("400M"), Some(419_430_400));
        assert_eq!(parse_ram("10mb"), Some(10 << 20));
        assert_eq!(parse_ram("4KiB"), Some(4096));
        assert_eq!(parse_ram("1.5k"), Some(1536));
        assert_eq!(parse_ram("0"), Some(0));
        assert_eq!(parse_ram("1tb"), Some(1 << 40));
        assert_eq!(parse_ram("99999999999T"), None, "overflow");
        for bad in ["", "m", "12x", "1.2.3g", "-1"] {
            assert_eq!(parse_ram(bad), None, "{bad}");
        }
    }
}
