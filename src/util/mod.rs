//! Helpers every part of rcon shares: atomic file writes and the I/O error
//! that names what was done to which path (`fs`), the exit code each error
//! type carries (`exit`), finding an object by name or ID prefix (`lookup`),
//! process identity (`proc`), time stamps (`time`), sizes as flags give
//! them (`size`), and scratch directories for unit tests.
//!
//! Nothing here uses another rcon module: this is the workspace's future
//! `util` crate, at the bottom of every other.

pub mod exit;
pub mod fs;
pub mod lookup;
pub mod proc;
#[cfg(test)]
pub mod scratch;
pub mod size;
pub mod time;
