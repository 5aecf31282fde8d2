//! Builds rcon-init (`src/runtime/init.c`), the tiny static PID 1 that
//! `--init` runs in a container; `src/runtime/init.rs` embeds it. It uses
//! no libc, so it needs only the C compiler Rust links with. On an
//! architecture it has no system call convention for, the embedded init
//! is empty and `--init` says it is not available.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=src/runtime/init.c");
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let init = out.join("rcon-init");
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    if !matches!(arch.as_str(), "x86_64" | "aarch64") {
        std::fs::write(&init, b"").expect("writing the empty rcon-init");
        return;
    }
    let mut compile: Command = cc::Build::new().get_compiler().to_command();
    // After cc's defaults, which they override: no libc, no start files, a
    // fixed-address static executable, no stack protector (it needs TLS
    // that nothing here sets up), no debug information.
    compile
        .args([
            "-Os",
            "-g0",
            "-ffreestanding",
            "-fno-builtin",
            "-fno-stack-protector",
            "-fno-pic",
            "-fno-pie",
            "-fno-asynchronous-unwind-tables",
            "-nostdlib",
            "-static",
            "-no-pie",
            "-Wl,--gc-sections",
            "-Wl,-z,noexecstack",
            "-Wl,--build-id=none",
            "-s",
            "-o",
        ])
        .arg(&init)
        .arg("src/runtime/init.c");
    let status = compile
        .status()
        .unwrap_or_else(|e| panic!("running the C compiler for rcon-init ({compile:?}): {e}"));
    assert!(status.success(), "building rcon-init failed: {compile:?}");
}
