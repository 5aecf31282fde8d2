#!/bin/sh
# Sets the host up (with sudo), installs rcon with cargo, and runs a first
# rootless container as you, from a busybox image built offline on this machine
# (no registry or network needed). Run it as your ordinary user.
set -eu
cd "$(dirname "$0")/.."

if [ "$(id -u)" -eq 0 ]; then
    echo "contrib/quickstart.sh: run this as your ordinary user (it uses sudo for the host set-up): rcon is for users who are not root" >&2
    exit 1
fi
if ! command -v cargo >/dev/null 2>&1; then
    echo "contrib/quickstart.sh: cargo not found; install Rust with rustup (https://rustup.rs) first" >&2
    exit 1
fi
sudo contrib/setup-host.sh
cargo install --locked --quiet --path .
rcon=$(command -v rcon || echo "${CARGO_HOME:-$HOME/.cargo}/bin/rcon")

# The image: busybox from Debian's busybox-static, built as an OCI layout by
# the project's test kit and loaded like any `podman save` archive.
cargo build --quiet -p testkit --bin rcon-testkit
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
target/debug/rcon-testkit build --out "$scratch" >/dev/null
tar -C "$scratch/busybox" -cf "$scratch/busybox.tar" .
id=$("$rcon" load --input "$scratch/busybox.tar" | sed -n 's/^Loaded image: //p')
"$rcon" tag "$id" localhost/busybox:latest

"$rcon" run --rm localhost/busybox echo "hello from a rootless container (uid $(id -u) outside, root inside)"
"$rcon" run --rm localhost/busybox sh -c 'echo "its user namespace maps:"; cat /proc/self/uid_map'
echo "rcon works. Next: '$rcon info' shows how it is set up here; '$rcon run -it localhost/busybox sh' gives a shell."
