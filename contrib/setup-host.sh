#!/bin/sh
# Prepares a Debian/Ubuntu host for rcon and its tests. Run once as root.
#   runtime: uidmap (newuidmap/newgidmap), passt (pasta), slirp4netns, fuse3, fuse-overlayfs
#   tests:   docker-registry (a real registry on 127.0.0.1), busybox-static (test images),
#            skopeo (a second, independent OCI client to cross-check against),
#            python3 (lock probes in the storage tests), attr (getfattr/setfattr),
#            xfsprogs (xfs_io: SEEK_DATA/SEEK_HOLE, O_TMPFILE), util-linux (fallocate
#            with punch hole) — host programs the storage tests run in containers,
#            curl (fetches published ports), iperf3 (network benchmarks),
#            gcc + libc6-dev (static helpers the attack tests run in containers),
#            python3-docker and a docker CLI (Docker's own clients against `rcon system service`),
#            docker-compose (Debian's, v1 on the same SDK) for the compose test,
#            python3-venv + python3-pip (a venv per test run for Testcontainers from PyPI),
#            openssl (certificates for a registry served over HTTPS),
#            bats, ncat, jq (Podman's own system tests: the conformance regression gate)
# and makes /dev/fuse and /dev/net/tun usable by ordinary users (0666, as most
# distributions ship them), now and after a reboot.
#
# Opt-in, alone: `contrib/setup-host.sh --delegate-cgroup USER` gives USER a cgroup v2
# subtree of their own on a host where systemd does not (no systemd, or a hybrid
# cgroup layout): rcon then gives each container a cgroup there, for limits
# (--memory, --pids-limit, --cpus where the controllers are available), pause/unpause
# and OOM reports. USER's sessions must start inside it (see the message at the end).
set -eu

if [ "$(id -u)" -ne 0 ]; then
    echo "contrib/setup-host.sh: run me as root (sudo $0)" >&2
    exit 1
fi

if [ "${1:-}" = "--delegate-cgroup" ]; then
    user="${2:?usage: $0 --delegate-cgroup USER}"
    id "$user" >/dev/null
    if [ "$(stat -f -c %T /sys/fs/cgroup)" = cgroup2fs ]; then
        mount=/sys/fs/cgroup
    else
        # Hybrid: cgroup v2 beside the v1 controllers, which keep theirs; freezing needs none.
        mount=/sys/fs/cgroup/unified
        if [ "$(stat -f -c %T $mount 2>/dev/null)" != cgroup2fs ]; then
            mkdir -p $mount && mount -t cgroup2 none $mount
        fi
    fi
    # The controllers the host has in cgroup v2, enabled for the subtrees below the root.
    for c in $(cat $mount/cgroup.controllers); do
        echo "+$c" > $mount/cgroup.subtree_control 2>/dev/null || true
    done
    dir=$mount/rcon-user-$user
    mkdir -p "$dir/session"
    for path in "$dir" "$dir/session"; do
        chown "$user": "$path" "$path/cgroup.procs" "$path/cgroup.subtree_control" "$path/cgroup.threads"
    done
    # Containers go beside the session, in $dir, which holds no process itself (cgroup v2
    # enables controllers only below cgroups without processes).
    for c in $(cat "$dir/cgroup.controllers"); do
        echo "+$c" > "$dir/cgroup.subtree_control" 2>/dev/null || true
    done
    echo "delegated $dir to $user (controllers: $(cat "$dir/cgroup.controllers"))"
    echo "start $user's sessions inside it, as root: echo \$\$ > $dir/session/cgroup.procs; exec su - $user"
    exit 0
fi

packages="uidmap passt slirp4netns fuse3 fuse-overlayfs docker-registry busybox-static skopeo python3 curl iperf3 socat attr xfsprogs util-linux gcc libc6-dev python3-docker docker-compose python3-venv python3-pip openssl bats ncat jq"
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # The registry is only a test fixture: keep its service from starting on boot.
    apt-get install -y -q --no-install-recommends $missing
    if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
        systemctl disable --now docker-registry >/dev/null 2>&1 || true
    fi
fi

# A docker CLI for the API tests: Debian's docker.io where the host has none. Only its
# client is wanted: policy-rc.d keeps the package from starting a root daemon.
if ! command -v docker >/dev/null 2>&1; then
    own_policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
        own_policy=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends docker.io
    [ -z "$own_policy" ] || rm -f /usr/sbin/policy-rc.d
fi

# Device nodes: usable by everyone, as on Fedora/Ubuntu.
[ -e /dev/fuse ] || modprobe fuse 2>/dev/null || true
if [ ! -e /dev/net/tun ]; then
    modprobe tun 2>/dev/null || { mkdir -p /dev/net && mknod -m 0666 /dev/net/tun c 10 200; }
fi
chmod 0666 /dev/fuse /dev/net/tun
if [ -d /etc/udev/rules.d ]; then
    cat > /etc/udev/rules.d/60-rcon-devices.rules <<'RULES'
KERNEL=="fuse", MODE="0666"
KERNEL=="tun", MODE="0666"
RULES
fi

# newuidmap/newgidmap must be setuid root (Debian's uidmap ships them so).
for helper in /usr/bin/newuidmap /usr/bin/newgidmap; do
    [ -u "$helper" ] || chmod u+s "$helper"
done
echo "rcon host set-up done"
