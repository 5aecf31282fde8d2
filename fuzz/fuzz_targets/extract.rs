//! An uncompressed layer tar, extracted: see tests/it/fuzz_targets/mod.rs.
#![no_main]

#[path = "../../tests/it/fuzz_targets/mod.rs"]
mod fuzz_targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_targets::extract(data));
