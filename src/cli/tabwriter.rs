//! Go's `text/tabwriter` with Podman's settings (minimum cell width 12,
//! padding 2, padded with spaces): tab-terminated cells become columns as
//! wide as their widest cell in each block of lines that have them, and a line
//! without a tab ends a block.

const MIN_WIDTH: usize = 12;
const PADDING: usize = 2;

struct Line<'a> {
    /// Every cell but the last ended with a tab.
    cells: Vec<&'a str>,
    /// Ended with a newline (only the text's last line may not be).
    complete: bool,
}

/// `text` with its tab-separated cells aligned.
pub fn align(text: &str) -> String {
    let mut writer = Writer {
        widths: Vec::new(),
        out: String::with_capacity(text.len() * 2),
    };
    let mut block: Vec<Line<'_>> = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (line, complete) = match rest.find('\n') {
            Some(i) => {
                let line = &rest[..i];
                rest = &rest[i + 1..];
                (line, true)
            }
            None => (std::mem::take(&mut rest), false),
        };
        let cells: Vec<&str> = line.split('\t').collect();
        let single = cells.len() == 1;
        block.push(Line { cells, complete });
        if single {
            writer.format(&block, 0, block.len());
            block.clear();
        }
    }
    writer.format(&block, 0, block.len());
    writer.out
}

struct Writer {
    widths: Vec<usize>,
    out: String,
}

impl Writer {
    fn format(&mut self, lines: &[Line<'_>], start: usize, end: usize) {
        let column = self.widths.len();
        let mut printed = start;
        let mut this = start;
        while this < end {
            if column + 1 >= lines[this].cells.len() {
                this += 1;
                continue;
            }
            // A block of lines that all have a cell in this column.
            self.write_lines(lines, printed, this);
            printed = this;
            let mut width = MIN_WIDTH;
            while this < end && column + 1 < lines[this].cells.len() {
                width = width.max(lines[this].cells[column].chars().count() + PADDING);
                this += 1;
            }
            self.widths.push(width);
            self.format(lines, printed, this);
            self.widths.pop();
            printed = this;
        }
        self.write_lines(lines, printed, end);
    }

    fn write_lines(&mut self, lines: &[Line<'_>], start: usize, end: usize) {
        for line in &lines[start..end] {
            for (j, cell) in line.cells.iter().enumerate() {
                self.out.push_str(cell);
                if let Some(&width) = self.widths.get(j) {
                    let fill = width.saturating_sub(cell.chars().count());
                    self.out.extend(std::iter::repeat_n(' ', fill));
                }
            }
            if line.complete {
                self.out.push('\n');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_as_go_tabwriter_aligns_them() {
        assert_eq!(
            align("REPOSITORY\tTAG\tIMAGE ID\nquay.io/libpod/testimage\t20220615\t6a2ca119812e\n"),
            "REPOSITORY                TAG         IMAGE ID\n\
             quay.io/libpod/testimage  20220615    6a2ca119812e\n"
        );
        // A line without tabs ends the block: the columns after it start afresh.
        assert_eq!(
            align("a\tb\nx\nlonger-than-twelve\tc\n"),
            "a           b\nx\nlonger-than-twelve  c\n"
        );
        // Empty cells are padded; the last cell is not.
        assert_eq!(align("a\t\tc\n"), "a                       c\n");
        assert_eq!(align("no tabs"), "no tabs");
    }
}
