#!/bin/sh
# Sets the host up (as root, via sudo when needed) and runs every test.
# The tests themselves run rcon as unprivileged users: as root they create
# the test users; as an ordinary user they use you (you need subuid ranges).
set -eu
cd "$(dirname "$0")/.."

if [ "$(id -u)" -eq 0 ]; then
    contrib/setup-host.sh
else
    sudo contrib/setup-host.sh
fi
if ! command -v cargo >/dev/null 2>&1; then
    echo "contrib/test.sh: cargo not found; install Rust with rustup (https://rustup.rs) first" >&2
    exit 1
fi
cargo test --workspace --locked --lib --bins --tests
# The regression gate: the Podman system-test files rcon passes in full must stay passed.
if [ "$(id -u)" -eq 0 ]; then
    contrib/conformance/gate target/debug/rcon
else
    sudo contrib/conformance/gate target/debug/rcon
fi
