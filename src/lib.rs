//! rcon: a rootless container engine with a Podman-compatible command line.
//!
//! Module map (see docs/ARCHITECTURE.md): `cli` turns flags into calls of the
//! engine modules below it; `userns` owns the rootless user namespace.

pub mod api;
pub mod build;
pub mod cli;
pub mod config;
pub mod container;
pub mod events;
pub mod filter;
pub mod fuse_server;
pub mod image;
pub mod kube;
pub mod log;
pub mod network;
pub mod pod;
pub mod process;
pub mod runtime;
pub mod secret;
pub mod storage;
pub mod system;
pub mod userns;
pub mod util;
