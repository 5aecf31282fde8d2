//! The store under `--root`: layers, images, containers (later issues), and the
//! one-time probe of what the kernel's overlay driver can do here.

pub mod changes;
pub mod driver;
pub mod durable;
pub mod extract;
pub mod flatten;
pub mod mount;
pub mod pack;
pub mod probe;
pub mod store;
pub mod vfs;
pub mod volume;

pub use probe::{OverlayProbe, probe_overlay};
