//! Process identity: a PID is reused once its process ends, so rcon records a
//! process as its PID and its start time and checks both.

/// Field 22 of /proc/PID/stat (the start time in clock ticks after boot), or
/// None when the process is gone or a zombie.
pub fn process_start_time(pid: i32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces and parentheses: split after the last ')'.
    let mut fields = stat.get(stat.rfind(')')? + 1..)?.split_whitespace();
    let state = fields.next()?;
    if state == "Z" || state == "X" {
        return None;
    }
    fields.nth(18)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_time_is_stable_for_a_live_process_and_none_for_a_gone_one() {
        let own = std::process::id() as i32;
        let first = process_start_time(own).expect("this process runs");
        assert_eq!(process_start_time(own), Some(first));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id() as i32;
        child.wait().unwrap();
        assert_eq!(process_start_time(pid), None, "reaped");
    }
}
