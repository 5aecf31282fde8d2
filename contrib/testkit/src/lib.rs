//! rcon's offline test kit.
//!
//! The machines that build and test rcon have no internet, so this crate makes
//! everything the tests pull:
//!
//! - [`catalog`]: the test images ([`test_images`]) and the benchmark images
//!   ([`bench_images`]), built from Debian's `busybox-static` with reproducible
//!   layers ([`layer`]) assembled into OCI or Docker schema-2 images
//!   ([`image`]); [`write_oci_layout`] writes one as an OCI image layout.
//! - [`Registry`]: Debian's `docker-registry` on 127.0.0.1, started on a free
//!   port with its data in a scratch directory.
//! - [`push`] / [`Client`]: the distribution v2 HTTP API, to push images and
//!   to read back what a registry holds.
//! - [`hostile`]: a registry that misbehaves on purpose (too large, lying,
//!   stalling, resetting), for the attack tests; [`RawTar`] writes the
//!   hostile layers no well-behaved builder would.
//! - [`tls`]: a certificate authority and a certificate for 127.0.0.1, to
//!   serve a registry over HTTPS.
//! - [`host`] and [`tmp`]: users, subordinate ID ranges, processes and scratch
//!   directories, for the integration-test harness (`tests/it/common/mod.rs`).
//!
//! The binary `rcon-testkit` puts the same in reach of scripts
//! (`rcon-testkit --help`).

pub mod catalog;
pub mod host;
pub mod hostile;
pub mod image;
pub mod layer;
pub mod layout;
pub mod push;
pub mod registry;
pub mod tls;
pub mod tmp;

// Re-exported so tests can read layers and JSON without their own dependency.
pub use serde_json;
pub use tar;

pub use catalog::{bench_images, test_images};
pub use hostile::{Answer, HostileRegistry, Routes};
pub use image::{DEFAULT_PATH, Format, Image, ImageBuilder, LayerInfo, Platform, media_type};
pub use layer::{Compression, Layer, LayerBuilder, RawTar, decompress_layer, sha256_digest};
pub use layout::write_oci_layout;
pub use push::{Client, Manifest, push, push_all};
pub use registry::{BasicAuth, Registry, RegistryOptions};
pub use tls::{Certificates, make_certificates};
