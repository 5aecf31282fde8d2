//! What `rcon run`/`create` build a container from: the flags turned into
//! mounts, environment, user, rlimits, and the terminal handling of a session.

pub mod env;
pub mod mounts;
pub mod tty;
pub mod ulimit;
pub mod user;
