//! rcon's integration tests, one binary: every module shares one test
//! registry ([`common::registry`]), the test users and one link of rcon's
//! library, where twenty binaries each started and filled their own registry.
//! Run one module with `cargo test --test it MODULE::`.

mod common;
mod fuzz_targets;

mod api;
mod api_compose;
mod attach;
mod attack_host;
mod attack_registry;
mod attack_runtime;
mod build;
mod cgroups;
mod compose_podman;
mod deep_image;
mod docs;
mod events;
mod exec;
mod fsverbs;
mod fuzz;
mod healthcheck;
mod images;
mod images_auth;
mod images_robust;
mod images_transfer;
mod info;
mod kube;
mod lifecycle;
mod network;
mod pod;
mod policy;
mod run;
mod runflags;
mod secrets;
mod stats;
mod storage;
mod systemd;
mod testkit_images;
mod tty;
mod userns;
mod verbs;
mod volumes;
