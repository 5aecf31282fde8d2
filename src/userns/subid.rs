//! Parsing of /etc/subuid and /etc/subgid (shadow-utils' `subid` files).
//!
//! Each line is `owner:start:count`, where owner is a user name or a numeric UID.
//! Blank lines and `#` comments are ignored; a malformed line is skipped with a
//! warning that names the file and line, as newuidmap itself tolerates them.

use std::path::{Path, PathBuf};

/// A range of subordinate IDs: `count` IDs starting at `start` (host side).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct IdRange {
    pub start: u32,
    pub count: u32,
}

impl IdRange {
    /// True when `id` lies inside this range.
    pub fn contains(&self, id: u32) -> bool {
        id >= self.start && u64::from(id) < u64::from(self.start) + u64::from(self.count)
    }

    /// One past the last ID of the range.
    pub fn end(&self) -> u64 {
        u64::from(self.start) + u64::from(self.count)
    }
}

/// A line that could not be parsed; reported, then skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MalformedLine {
    pub file: PathBuf,
    pub line: usize,
    pub reason: &'static str,
}

impl std::fmt::Display for MalformedLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: skipping malformed line ({}); expected NAME:START:COUNT",
            self.file.display(),
            self.line,
            self.reason
        )
    }
}

/// Everything read from one subid file.
#[derive(Debug, Default, Clone)]
pub struct SubidFile {
    pub entries: Vec<(String, IdRange)>,
    pub malformed: Vec<MalformedLine>,
}

impl SubidFile {
    /// Parses the text of a subid file; `file` is only used in messages.
    pub fn parse(file: &Path, text: &str) -> SubidFile {
        let mut parsed = SubidFile::default();
        for (index, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match parse_line(line) {
                Ok(entry) => parsed.entries.push(entry),
                Err(reason) => parsed.malformed.push(MalformedLine {
                    file: file.to_path_buf(),
                    line: index + 1,
                    reason,
                }),
            }
        }
        parsed
    }

    /// Ranges that belong to the user, matched by name or by numeric UID, in file order.
    pub fn ranges_for(&self, name: &str, uid: u32) -> Vec<IdRange> {
        let uid_text = uid.to_string();
        self.entries
            .iter()
            .filter(|(owner, _)| owner == name || *owner == uid_text)
            .map(|(_, range)| *range)
            .collect()
    }

    /// The first ID above every range in the file: where a new range can start.
    pub fn first_free_id(&self) -> u64 {
        self.entries
            .iter()
            .map(|(_, range)| range.end())
            .max()
            .unwrap_or(100_000)
            .max(100_000)
    }
}

fn parse_line(line: &str) -> Result<(String, IdRange), &'static str> {
    let mut fields = line.split(':');
    let (Some(owner), Some(start), Some(count), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return Err("not three colon-separated fields");
    };
    if owner.is_empty() {
        return Err("empty user name");
    }
    let start: u32 = start.trim().parse().map_err(|_| "start is not a number")?;
    let count: u32 = count.trim().parse().map_err(|_| "count is not a number")?;
    if count == 0 {
        return Err("count is zero");
    }
    if u64::from(start) + u64::from(count) > u64::from(u32::MAX) {
        return Err("range runs past the largest ID");
    }
    Ok((owner.to_string(), IdRange { start, count }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> SubidFile {
        SubidFile::parse(Path::new("/etc/subuid"), text)
    }

    #[test]
    fn entries_by_name_and_uid_with_several_ranges() {
        let file = parse(
            "# comment\n\nalice:100000:65536\n1001:300000:1000\nbob:200000:65536\nalice:500000:10\n",
        );
        assert_eq!(
            file.ranges_for("alice", 1001),
            vec![
                IdRange {
                    start: 100000,
                    count: 65536
                },
                IdRange {
                    start: 300000,
                    count: 1000
                },
                IdRange {
                    start: 500000,
                    count: 10
                },
            ]
        );
        assert_eq!(file.ranges_for("carol", 1002), vec![]);
        assert!(file.malformed.is_empty());
    }

    #[test]
    fn malformed_lines_are_reported_with_their_line_number() {
        let file = parse("alice:1:2:3\nalice:x:10\n:1:1\nalice:10:0\nok:5:5\nalice:4294967295:2\n");
        let lines: Vec<usize> = file.malformed.iter().map(|m| m.line).collect();
        assert_eq!(lines, vec![1, 2, 3, 4, 6]);
        assert_eq!(file.entries.len(), 1);
        assert!(
            file.malformed[1]
                .to_string()
                .starts_with("/etc/subuid:2: skipping malformed line")
        );
    }

    #[test]
    fn range_containment_and_free_id() {
        let range = IdRange {
            start: 10,
            count: 5,
        };
        assert!(range.contains(10) && range.contains(14));
        assert!(!range.contains(9) && !range.contains(15));
        assert_eq!(
            parse("a:100000:65536\nb:165536:65536\n").first_free_id(),
            231072
        );
        assert_eq!(parse("").first_free_id(), 100000);
    }
}
