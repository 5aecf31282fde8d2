//! Time stamps as rcon writes them in records and logs.

/// The current time as RFC 3339 UTC with nanoseconds, as Podman writes a
/// container's or image's times.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}
