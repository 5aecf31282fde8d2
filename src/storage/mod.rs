//! The store under `--root`: layers, images, containers (later issues), and the
//! one-time probe of what the kernel's overlay driver can do here.

pub mod extract;
pub mod flatten;
pub mod probe;
pub mod store;
pub mod volume;

pub use probe::{OverlayProbe, probe_overlay};
