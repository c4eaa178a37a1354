//! What the benches share (a module of each bench crate, not a bench itself).

/// A `/proc/self/status` field in KiB (`VmRSS:`, `VmHWM:` …); `None` off Linux.
pub fn status_kib(key: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    line[key.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}
