#!/usr/bin/python3
"""rcon against Podman, case by case: the measuring half and the report half.

`contrib/bench/run` drives this file (see `contrib/bench/run --help`):

    bench.py measure --out RESULT.json --rcon BIN --registry HOST:PORT [--quick] [--only A,B]
        run as the benchmark user: every case, rcon and Podman alternating run by run
    bench.py report RESULT.json [--markdown OUT.md] [--doc docs/PERFORMANCE.md]
        the Markdown table, the speed goals (met / not met), docs/PERFORMANCE.md
    bench.py list
        the cases and the speed goals

Python 3 standard library only. Timing is our own loop rather than hyperfine's,
because hyperfine runs all repetitions of one command before the next one, and
the goals compare medians measured in the same run, interleaved.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------
# The cases

# Images of the project's test kit (contrib/testkit), served by the local registry.
IMAGES = {
    "busybox": "rcon-test/busybox",
    "layers150": "rcon-test/layers150",
    "owners": "rcon-test/owners",
    "multilayer": "rcon-test/multilayer",
    "big": "rcon-test/big",
    "fsbench": "rcon-test/fsbench",
    "manyfiles": "rcon-test/manyfiles",
}

PULL = "{E} pull --tls-verify=false -q"
# A container that runs until removed; the argument marks it in /proc.
SLEEPER = "{E} run -d --name {name} {busybox} sleep {marker}"
# Containers run `sleep`, which as PID 1 ignores SIGTERM: stop without a grace period.
REMOVE = ["-{E} stop -t 0 {name}", "-{E} rm -f {name}"]
PS_CONTAINERS = 50
LOG_BYTES = 10 * 1024 * 1024
IPERF_SECONDS = 5
# The host's iperf3 (a dynamic binary) runs inside the busybox image with the host's /usr.
HOST_USR = "-v /usr:/usr:ro -v /usr/lib:/lib:ro -v /usr/lib64:/lib64:ro"
# Throughput runs three busy processes (client, network helper, server) on
# few cores. The two iperf3 ends are pinned to core 0, for every engine and
# helper alike; the helper is left to the scheduler, as a user's is: pinned
# to a core of its own that other work also uses, pasta (which buffers
# nothing and so must answer each burst at once) lost 5-10x of its
# throughput to the wait for its turn, and its samples swung 10x.
PIN = "taskset -c 0 " if (os.cpu_count() or 1) >= 2 else ""
PIN_SERVER = PIN.split()
# In the container: the default gateway is the host's loopback with
# slirp4netns:allow_host_loopback=true (10.0.2.2) and with pasta (its gateway mapping).
IPERF_CLIENT = (
    "gw=$(ip route | awk '/^default/ {print $3}'); "
    f"exec {PIN}iperf3 -c $gw -p $0 -t {IPERF_SECONDS} >/dev/null"
)
NETWORKS = {
    "slirp4netns": "slirp4netns:allow_host_loopback=true",
    "pasta": "pasta:--map-gw",
}


@dataclass
class Case:
    """One comparison. Command templates are split like a shell would (shlex);
    `{E}` is the engine with its global flags, `{busybox}` etc. image references,
    `{name}`/`{marker}` a per-case container name and sleep argument.
    A template starting with `-` may fail without failing the case."""

    name: str
    title: str
    steps: list  # timed, in order; the case's time is their sum
    setup: list = field(default_factory=list)  # once per engine, before the runs
    prepare: list = field(default_factory=list)  # before every run, untimed
    after: list = field(default_factory=list)  # after every run, untimed
    cleanup: list = field(default_factory=list)  # once per engine at the end
    engines: tuple = ("rcon", "podman")
    storage: str = "kernel"  # "fuse": rcon's FUSE overlay vs Podman's fuse-overlayfs
    metric: str = "time"  # "time", "throughput" (iperf3 into the host), "monitor-rss"
    kind: str = "fast"  # "fast", "pull" or "long": how many repetitions (see RUNS)
    note: str = ""
    # Cases of one group are measured together, run by run (see Bench.run_cases):
    # those compared with each other, not only with Podman, see the same machine.
    group: str = ""


# kind -> (warm-ups, runs) in full and in --quick mode. The first warm-up
# doubles as the check that the command works at all.
RUNS = {
    "full": {"fast": (3, 20), "pull": (1, 5), "long": (1, 9)},
    "quick": {"fast": (1, 5), "pull": (1, 2), "long": (1, 2)},
}


KUBE_CONTAINERS = 3


def kube_pod_yaml(image, count):
    """A Kubernetes pod of COUNT busybox containers running `sleep`, stopped
    without a grace period (sleep as PID 1 ignores SIGTERM)."""
    containers = "".join(
        f"  - name: c{i}\n    image: {image}\n    command: [sleep, '86400']\n" for i in range(count)
    )
    return (
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bench-kube\nspec:\n"
        "  terminationGracePeriodSeconds: 0\n  containers:\n" + containers
    )


def ps_case(count):
    """`ps` with COUNT running containers, each started in setup and removed
    one by one in cleanup (so one that failed to start stops nothing else)."""
    names = [f"bench-ps-{i:02}" for i in range(count)]
    return Case(
        f"ps-{count}",
        f"ps, {count} running container{'s' if count > 1 else ''}",
        ["{E} ps"],
        setup=[f"{PULL} {{busybox}}"]
        + [SLEEPER.replace("{name}", name) for name in names],
        cleanup=[step.replace("{name}", name) for name in names for step in REMOVE],
    )


def storage_pair(name, title, image, script, kind="fast", note=""):
    """The same filesystem workload on the FUSE storage (fuse-NAME) and on the
    kernel overlay (kernel-NAME), measured one after the other: comparing one
    driver with the other is fair only within the same stretch of the run.
    `script` None: the container only runs `true`."""
    command = "true" if script is None else f"sh -c {shlex.quote(script)}"
    steps = [f"{{E}} run --rm --network none {{{image}}} {command}"]
    setup = [f"{PULL} {{{image}}}"]
    return [
        Case(f"fuse-{name}", f"FUSE storage: {title}", steps, setup, storage="fuse", kind=kind, note=note),
        Case(f"kernel-{name}", f"kernel overlay: {title}", steps, setup, kind=kind),
    ]


# A pod and its three containers. Podman's own infra image is built from
# catatonit, which Debian's podman does not install here, so both engines get
# the same infra container: busybox running sleep.
# Podman 4.3.1 splits --infra-command at spaces (a JSON array is not parsed).
POD_CREATE = "{E} pod create --name {name} --infra-image {busybox} --infra-command 'sleep 86400'"
POD_MEMBERS = ["{E} run -d --pod {name} {busybox} sleep {marker}"] * 3
POD_REMOVE = "-{E} pod rm -f -t 0 {name}"


def pod_cases():
    """`pod create` with 3 containers started in it, and `pod rm -f` of that."""
    return [
        Case(
            "pod-3",
            "pod create + 3 containers started in it (run -d --pod)",
            [POD_CREATE, *POD_MEMBERS],
            setup=[f"{PULL} {{busybox}}", POD_REMOVE],
            after=[POD_REMOVE],
            note="the same infra container for both (busybox sleep): Podman's default needs catatonit",
        ),
        Case(
            "pod-rm",
            "pod rm -f -t 0 of a pod with 3 running containers",
            ["{E} pod rm -f -t 0 {name}"],
            setup=[f"{PULL} {{busybox}}", POD_REMOVE],
            prepare=[POD_CREATE, *POD_MEMBERS],
            after=[POD_REMOVE],
        ),
    ]


# A 10-step build (ENV, WORKDIR, LABEL, 4 RUN, 2 COPY, one of the whole
# context: 50 small files and 5 MB), written by the user before the runs.
BUILD_CONTEXT = "/tmp/rcon-bench-build"
BUILD_SETUP = (
    "sh -c "
    + shlex.quote(
        'mkdir -p "$0" && cd "$0" && for i in $(seq 50); do echo "file $i" > f$i.txt; done'
        " && head -c 5000000 /dev/zero > data.bin"
        ' && printf "FROM %s\\nENV A=1\\nWORKDIR /app\\nRUN echo one > /app/one\\n'
        "RUN echo two > /app/two\\nCOPY f1.txt f2.txt /app/\\nRUN cat /app/one /app/two > /app/both\\n"
        'LABEL bench=yes\\nCOPY . /ctx/\\nRUN ls /ctx | wc -l\\n" "$1" > Containerfile'
    ).replace("{", "{{").replace("}", "}}")
    + f" {BUILD_CONTEXT} {{busybox}}"
)
BUILD = f"{{E}} build -q -t bench-build {BUILD_CONTEXT}"


# A context of 5000 files, 200 MB (40 000 random bytes each, in 50
# directories) under big/, and app/main.txt: COPY big/ then RUN then COPY
# app/. "build-5000" builds it cold; "build-onefile" changes app/main.txt
# before each run (only the last COPY is built again; the 5000 files are
# still read to find the first COPY's cache key).
BIG_CONTEXT = "/tmp/rcon-bench-build-5000"
BIG_SETUP = (
    "sh -c "
    + shlex.quote(
        'mkdir -p "$0/big" "$0/app" && cd "$0" && for d in $(seq 50); do mkdir -p big/d$d;'
        " for f in $(seq 100); do head -c 40000 /dev/urandom > big/d$d/f$f; done; done"
        " && echo 0 > app/main.txt"
        ' && printf "FROM %s\\nCOPY big/ /ctx/\\nRUN ls /ctx | wc -l\\nCOPY app/ /app/\\n" "$1" > Containerfile'
    ).replace("{", "{{").replace("}", "}}")
    + f" {BIG_CONTEXT} {{busybox}}"
)
BIG_BUILD = f"{{E}} build -q -t bench-build-5000 {BIG_CONTEXT}"
BIG_CHANGE = "sh -c " + shlex.quote('date +%s%N > "$0/app/main.txt"') + f" {BIG_CONTEXT}"

# The many-file image's cold pull (issue 21): after the store was emptied and
# the filesystem synced; right after `rmi -a -f` (its deletions still dirty, its
# inodes freed moments ago); and while another process writes 1 GiB to the
# same filesystem (dd ending in an fsync, started just before the pull and
# waited for after it, so each run starts clean).
EMPTIED = ["{E} rmi -a -f", "sync"]
DIRTY_FILE = '"$HOME/rcon-bench-dirty"'
DD_PID = '"$XDG_RUNTIME_DIR/rcon-bench-dd.pid"'
DD_START = "sh -c " + shlex.quote(
    f"dd if=/dev/zero of={DIRTY_FILE} bs=1M count=1024 conv=fsync status=none"
    f" </dev/null >/dev/null 2>&1 & echo $! > {DD_PID}"
)
DD_WAIT = "sh -c " + shlex.quote(
    f'pid=$(cat {DD_PID}); while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done;'
    f" rm -f {DIRTY_FILE} {DD_PID}; sync"
)
PULL_MANY = f"{PULL} {{manyfiles}}"

CASES = [
    Case(
        "floor",
        "unshare -Urmpf --mount-proc true (the floor)",
        ["unshare -Urmpf --mount-proc true"],
        engines=("floor",),
        note="no engine: a user, mount and PID namespace with a fresh /proc, for reference",
    ),
    Case(
        "run-none",
        "run --rm --network none busybox true",
        ["{E} run --rm --network none {busybox} true"],
        setup=[f"{PULL} {{busybox}}"],
    ),
    Case(
        "run-default",
        "run --rm busybox true (each engine's default network)",
        ["{E} run --rm {busybox} true"],
        setup=[f"{PULL} {{busybox}}"],
        note="Podman 4.3's rootless default is slirp4netns",
    ),
    Case(
        "run-150",
        "run --rm --network none layers150 true (151 layers)",
        ["{E} run --rm --network none {layers150} true"],
        setup=[f"{PULL} {{layers150}}"],
    ),
    Case(
        "exec",
        "exec CTR true",
        ["{E} exec {name} true"],
        setup=[f"{PULL} {{busybox}}", *REMOVE, SLEEPER],
        cleanup=REMOVE,
    ),
    ps_case(1),
    ps_case(PS_CONTAINERS),
    Case(
        "logs",
        "logs CTR (10 MiB of log)",
        ["{E} logs {name}"],
        setup=[
            f"{PULL} {{busybox}}",
            "-{E} rm -f {name}",
            "{E} run -d --name {name} {busybox} sh -c "
            + shlex.quote(f"yes {'x' * 79} | head -c {LOG_BYTES}"),
            "{E} wait {name}",
        ],
        cleanup=["-{E} rm -f {name}"],
    ),
    Case(
        "images",
        "images",
        ["{E} images"],
        setup=[f"{PULL} {{busybox}}", f"{PULL} {{layers150}}"],
    ),
    Case(
        "rmi",
        "rmi IMAGE (2 layers, 1 only its own)",
        ["{E} rmi {owners}"],
        setup=[f"{PULL} {{busybox}}"],
        prepare=[f"{PULL} {{owners}}"],
    ),
    Case(
        "lifecycle",
        "run -d + stop -t 0 + rm",
        [SLEEPER, "{E} stop -t 0 {name}", "{E} rm {name}"],
        setup=[f"{PULL} {{busybox}}", *REMOVE],
        after=REMOVE,
    ),
    Case(
        "repull",
        "pull of a present image",
        [f"{PULL} {{busybox}}"],
        setup=[f"{PULL} {{busybox}}"],
    ),
    *[
        Case(
            f"tcp-{helper}",
            f"TCP container → host loopback, {helper} (iperf3, {IPERF_SECONDS} s)",
            [
                f"{{E}} run --rm --network {network} {HOST_USR} {{busybox}} sh -c "
                + shlex.quote(IPERF_CLIENT).replace("{", "{{").replace("}", "}}")
                + " {port}"
            ],
            setup=[f"{PULL} {{busybox}}"],
            metric="throughput",
            kind="long",
            group="tcp",
            note="the host's iperf3 with the host's /usr mounted read-only; server on 127.0.0.1"
            + (", client and server pinned to core 0, the helper unpinned" if PIN else "")
            + "; measured alternating with the other helper's case",
        )
        for helper, network in NETWORKS.items()
    ],
    Case(
        "monitor-rss",
        "resident memory of the container's monitor (rcon) / conmon",
        [SLEEPER],
        setup=[f"{PULL} {{busybox}}", *REMOVE],
        after=REMOVE,
        metric="monitor-rss",
        kind="pull",
        note="VmRSS of the parent of the container's process, from /proc",
    ),
    *storage_pair("run", "run --rm --network none busybox true", "busybox", None),
    *storage_pair(
        "read",
        "run, cat a 200 MiB file",
        "fsbench",
        "cat /fsbench/big >/dev/null",
        kind="long",
        note="includes a container start",
    ),
    *storage_pair(
        "find",
        "run, find / -type f | wc -l (5000+ files)",
        "fsbench",
        "find / -xdev -type f | wc -l",
        note="includes a container start",
    ),
    *storage_pair(
        "untar",
        "run, tar 20 MiB from the image into the container",
        "big",
        "tar c -C /big 01 | tar x -C /root",
        kind="long",
    ),
    *pod_cases(),
    Case(
        "build-cold",
        "build, 10 steps, no cache",
        [BUILD.replace("build -q", "build --no-cache -q")],
        setup=[f"{PULL} {{busybox}}", BUILD_SETUP],
        kind="long",
    ),
    Case(
        "build-cached",
        "build, 10 steps, every step cached",
        [BUILD],
        setup=[f"{PULL} {{busybox}}", BUILD_SETUP, BUILD],
    ),
    Case(
        "build-5000",
        "build, COPY of a 5000-file 200 MB context, no cache",
        [BIG_BUILD.replace("build -q", "build --no-cache -q")],
        setup=[f"{PULL} {{busybox}}", BIG_SETUP],
        kind="long",
    ),
    Case(
        "build-onefile",
        "rebuild of the 5000-file context after one file of the last COPY changed",
        [BIG_BUILD],
        setup=[f"{PULL} {{busybox}}", BIG_SETUP, BIG_BUILD],
        prepare=[BIG_CHANGE],
        kind="long",
    ),
    Case(
        "kube-play",
        "kube play FILE, a pod of 3 containers",
        ["{E} kube play {kube}"],
        setup=[f"{PULL} {{busybox}}", "-{E} kube down {kube}"],
        after=["-{E} kube down {kube}"],
        note="busybox containers running sleep; Podman's pods need catatonit",
    ),
    Case(
        "kube-down",
        "kube down FILE, that pod of 3 running containers",
        ["{E} kube down {kube}"],
        setup=[f"{PULL} {{busybox}}", "-{E} kube down {kube}"],
        prepare=["{E} kube play {kube}"],
        after=["-{E} kube down {kube}"],
        note="terminationGracePeriodSeconds 0: each stop is a SIGKILL",
    ),
    # Last: a cold pull churns the disk and memory enough to slow whatever
    # runs in the next minute, on both engines (kdamond, writeback).
    Case(
        "pull-big",
        "cold pull, ~100 MiB in 5 layers (+ base)",
        [f"{PULL} {{big}}"],
        prepare=["{E} rmi -a -f"],
        kind="pull",
        note="every image removed before each run",
    ),
    Case(
        "pull-150",
        "cold pull, 151 tiny layers",
        [f"{PULL} {{layers150}}"],
        prepare=["{E} rmi -a -f"],
        kind="pull",
        note="every image removed before each run",
    ),
    Case(
        "pull-many",
        "cold pull, ~85 MB in 5 layers, one of 5000 small files",
        [PULL_MANY],
        prepare=EMPTIED,
        kind="long",
        note="every image removed, then `sync`, before each run",
    ),
    Case(
        "pull-many-rmi",
        "rmi -a -f, then that cold pull",
        [PULL_MANY],
        prepare=["{E} rmi -a -f"],
        kind="long",
        note="the removal just before the pull, untimed",
    ),
    Case(
        "pull-many-busy",
        "that cold pull while another process writes 1 GiB to the same filesystem",
        [PULL_MANY],
        prepare=[*EMPTIED, DD_START],
        after=[DD_WAIT],
        kind="long",
        note="dd of 1 GiB with conv=fsync started just before the pull",
    ),
]

# ---------------------------------------------------------------------------
# The speed goals of issues 3-7, as data.
#
# metric: "time" (median wall time), "rss" (median peak RSS of the CLI process
# and what it waited for, from wait4), "throughput" (median bits/s),
# "monitor-rss" (median VmRSS), "spread" (the samples' max / min). target, one of:
#   "≤ R × podman"          rcon's value / Podman's, same case, same run
#   "≤ R × rcon CASE"       rcon's value / rcon's value of another case
#   "≤ N ms", "≤ N MB"      rcon's value itself
#   "≤ N max/min"           rcon's spread itself
#   "≤ rcon CASE + N ms"    rcon's value minus rcon's value of another case
# (≥ in place of ≤ where more is better).

GOALS = [
    (3, "cold pull of the ~100 MB 5-layer image", "pull-big", "time", "≤ 0.6 × podman"),
    (17, "10-step build from scratch (no cache)", "build-cold", "time", "≤ 0.5 × podman"),
    (17, "rebuild, every step cached", "build-cached", "time", "≤ 0.1 × podman"),
    (17, "COPY of a 5000-file, 200 MB context", "build-5000", "time", "≤ 0.5 × podman"),
    (17, "rebuild after one file of the last COPY changed", "build-onefile", "time", "≤ 0.2 × podman"),
    (3, "cold pull of the 150-layer image", "pull-150", "time", "≤ 0.2 × podman"),
    (3, "pull of an image already present", "repull", "time", "≤ 50 ms"),
    (4, "run --rm --network none IMAGE true", "run-none", "time", "≤ 0.1 × podman"),
    (4, "150-layer image start vs the 1-layer image", "run-150", "time", "≤ 1.5 × rcon run-none"),
    (4, "peak RSS of the rcon process during run", "run-none", "rss", "≤ 10 MB"),
    (5, "exec CTR true", "exec", "time", "≤ 0.1 × podman"),
    (5, "ps with 50 containers", "ps-50", "time", "≤ 0.2 × podman"),
    (5, "monitor memory per running container vs conmon", "monitor-rss", "monitor-rss", "≤ 1.0 × podman"),
    (6, "run --rm IMAGE true, default network", "run-default", "time", "≤ 0.2 × podman"),
    (6, "TCP throughput container → host, slirp4netns", "tcp-slirp4netns", "throughput", "≥ 1.0 × podman"),
    (6, "TCP throughput container → host, pasta", "tcp-pasta", "throughput", "≥ 1.0 × podman"),
    (6, "network helper start adds to a run", "run-default", "time", "≤ rcon run-none + 10 ms"),
    (21, "TCP throughput container → host, pasta vs slirp4netns", "tcp-pasta", "throughput",
     "≥ 3.0 × rcon tcp-slirp4netns"),
    (21, "spread of pasta's TCP throughput", "tcp-pasta", "spread", "≤ 1.2 max/min"),
    (7, "sequential read through the FUSE overlay vs fuse-overlayfs", "fuse-read", "time", "≤ 1.0 × podman"),
    (7, "find over many small files, FUSE overlay vs fuse-overlayfs", "fuse-find", "time", "≤ 1.0 × podman"),
    (7, "untar into the container, FUSE overlay vs fuse-overlayfs", "fuse-untar", "time", "≤ 1.0 × podman"),
    (7, "container start on the FUSE driver vs the kernel driver", "fuse-run", "time", "≤ 2.0 × rcon kernel-run"),
    (18, "pod create + 3 containers started", "pod-3", "time", "≤ 0.2 × podman"),
    (18, "pod rm -f of a pod with 3 containers", "pod-rm", "time", "≤ 0.2 × podman"),
    (18, "kube play of a 3-container pod", "kube-play", "time", "≤ 0.2 × podman"),
    (18, "kube down of that pod", "kube-down", "time", "≤ 0.2 × podman"),
    (21, "cold pull of the 5000-file image", "pull-many", "time", "≤ 0.5 × podman"),
    (21, "its max/min spread", "pull-many", "spread", "≤ 1.0 × podman"),
    (21, "rmi -a -f, then that pull", "pull-many-rmi", "time", "≤ 0.5 × podman"),
    (21, "its max/min spread", "pull-many-rmi", "spread", "≤ 1.0 × podman"),
    (21, "that pull while 1 GiB is written beside it", "pull-many-busy", "time", "≤ 0.5 × podman"),
    (21, "its max/min spread", "pull-many-busy", "spread", "≤ 1.0 × podman"),
]

# Ratios within one engine that the issues ask to report beside the goals:
# (what, case, baseline case, metric).
COMPARISONS = [
    ("TCP throughput, pasta / slirp4netns", "tcp-pasta", "tcp-slirp4netns", "throughput"),
    ("150-layer / 1-layer image start", "run-150", "run-none", "time"),
    ("default network / --network none start", "run-default", "run-none", "time"),
    ("FUSE / kernel overlay: start", "fuse-run", "kernel-run", "time"),
    ("FUSE / kernel overlay: run + read 200 MiB", "fuse-read", "kernel-read", "time"),
    ("FUSE / kernel overlay: run + find", "fuse-find", "kernel-find", "time"),
    ("FUSE / kernel overlay: run + untar 20 MiB", "fuse-untar", "kernel-untar", "time"),
]

# ---------------------------------------------------------------------------
# Running commands


class Timeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise Timeout()


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _terminate(_signum, _frame):
    raise KeyboardInterrupt()  # so that every case's clean-up runs, as on Ctrl-C


@dataclass
class Outcome:
    ok: bool
    seconds: float
    maxrss_kb: int
    error: str  # one line, when not ok


def error_line(text, status):
    """The line that says what went wrong: the first one mentioning an error,
    else the first one; Podman's logrus warnings are skipped."""
    lines = [
        line.strip()
        for line in text.splitlines()
        if line.strip() and "level=warning" not in line
    ]
    line = next((x for x in lines if "rror" in x), lines[0] if lines else "no message")
    line = line if len(line) <= 200 else line[:197] + "..."
    return f"{status}: {line}"


def spawn_and_wait(argv, timeout):
    """Runs argv (stdin and stdout /dev/null) in its own process group and
    returns (wall seconds, wait status, peak RSS in KiB, stderr text).

    The peak RSS comes from GNU time wrapped around the command: wait4's
    ru_maxrss would report this Python process's own size, because
    posix_spawn's vfork-style child shares its memory until the exec and the
    kernel records that as the child's high-water mark."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile() as rss:
        argv = ["/usr/bin/time", "-f", "%M", "-o", rss.name, *argv]
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0),
            (os.POSIX_SPAWN_DUP2, err.fileno(), 2),
        ]
        start = time.perf_counter()
        try:
            pid = os.posix_spawnp(
                argv[0],
                argv,
                os.environ,
                file_actions=actions,
                setpgroup=0,
                setsigdef=(signal.SIGINT, signal.SIGTERM),
            )
        except OSError as e:
            return 0.0, 127 << 8, 0, f"cannot run {argv[0]}: {e.strerror}"
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            _, status, _ = os.wait4(pid, 0)
        except Timeout:
            os.killpg(pid, signal.SIGKILL)
            _, status, _ = os.wait4(pid, 0)
            status = None
        except KeyboardInterrupt:
            # Let the command finish (a `run -d` killed halfway leaves a half-made
            # container no engine knows about), then stop.
            signal.setitimer(signal.ITIMER_REAL, 0)
            for sig in STOP_SIGNALS:
                signal.signal(sig, signal.SIG_IGN)
            os.wait4(pid, 0)
            raise
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        seconds = time.perf_counter() - start
        err.seek(0)
        text = err.read().decode(errors="replace")
        rss.seek(0)
        words = rss.read().decode(errors="replace").split()
    maxrss = int(words[-1]) if words and words[-1].isdigit() else 0
    if status is None:
        text = f"timed out after {timeout} s\n{text}"
    return seconds, status, maxrss, text


def run_template(template, values, timeout):
    """One step of a case; a failure is reported unless the template starts with '-'."""
    tolerant = template.startswith("-")
    argv = shlex.split(template.lstrip("-").format(**values))
    seconds, status, maxrss, text = spawn_and_wait(argv, timeout)
    if status is not None and os.waitstatus_to_exitcode(status) == 0:
        return Outcome(True, seconds, maxrss, "")
    if tolerant:
        return Outcome(True, 0.0, 0, "")
    what = "timed out" if status is None else f"exit {os.waitstatus_to_exitcode(status)}"
    return Outcome(False, seconds, maxrss, error_line(text, what))


def run_steps(templates, values, timeout, label=""):
    total, peak = 0.0, 0
    for template in templates:
        outcome = run_template(template, values, timeout)
        if not outcome.ok:
            return Outcome(False, total, peak, f"{label}{outcome.error}")
        total += outcome.seconds
        peak = max(peak, outcome.maxrss_kb)
    return Outcome(True, total, peak, "")


# ---------------------------------------------------------------------------
# Measuring


class IperfServer:
    """A one-connection iperf3 server on 127.0.0.1 for one run."""

    def __init__(self, port):
        self.proc = subprocess.Popen(
            [*PIN_SERVER, "iperf3", "-s", "-1", "-J", "-B", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        time.sleep(0.2)  # let it listen

    def bits_per_second(self):
        """The received rate, or None when nothing arrived (the server is stopped)."""
        try:
            out, _ = self.proc.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()
            return None
        try:
            return json.loads(out)["end"]["sum_received"]["bits_per_second"]
        except (ValueError, KeyError):
            return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def monitor_rss_kb(marker):
    """VmRSS (KiB) and name of the parent of the process running `sleep MARKER`."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if f.read().split(b"\0")[:2] != [b"sleep", marker.encode()]:
                    continue
            ppid = proc_status(pid)["PPid"]
            status = proc_status(ppid)
            return int(status["VmRSS"].split()[0]), status["Name"]
        except (OSError, KeyError):
            continue
    return None, None


def proc_status(pid):
    with open(f"/proc/{pid}/status") as f:
        return dict(line.rstrip("\n").split(":\t", 1) for line in f if ":\t" in line)


class Bench:
    def __init__(self, args):
        self.args = args
        self.mode = "quick" if args.quick else "full"
        home = os.environ["HOME"]
        run_dir = os.environ["XDG_RUNTIME_DIR"]
        self.engines = {
            "kernel": {"rcon": [args.rcon], "podman": ["podman"], "floor": []},
            "fuse": {
                "rcon": [args.rcon, "--root", f"{home}/.local/share/rcon-fuse", "--storage-driver", "fuse-overlay"],
                "podman": [
                    "podman",
                    "--root", f"{home}/.local/share/containers/storage-fuse",
                    "--runroot", f"{run_dir}/containers-fuse",
                    "--storage-opt", "overlay.mount_program=/usr/bin/fuse-overlayfs",
                ],
                "floor": [],
            },
        }
        self.images = {key: f"{args.registry}/{name}:latest" for key, name in IMAGES.items()}
        self.kube_yaml = os.path.join(run_dir, "bench-kube.yaml")
        with open(self.kube_yaml, "w") as f:
            f.write(kube_pod_yaml(self.images["busybox"], KUBE_CONTAINERS))

    def values(self, case, engine, **extra):
        values = {key: shlex.quote(ref) for key, ref in self.images.items()}
        values["E"] = shlex.join(self.engines[case.storage][engine])
        values["name"] = f"bench-{case.name}"
        values["kube"] = shlex.quote(self.kube_yaml)
        # a distinct sleep argument per case and engine, to find the process in /proc
        values["marker"] = str(86400 + 1000 * CASES.index(case) + (1 if engine == "rcon" else 2))
        values.update(extra)
        return values

    def timeout(self, case):
        return 600 if case.kind == "pull" else 300

    def one_run(self, case, engine):
        """One measured run: (value, peak RSS KiB) or an error string."""
        timeout = self.timeout(case)
        values = self.values(case, engine)
        prepared = run_steps(case.prepare, values, timeout, "prepare, ")
        if not prepared.ok:
            return prepared.error
        server = None
        if case.metric == "throughput":
            port = free_port()
            server = IperfServer(port)
            values["port"] = str(port)
        try:
            outcome = run_steps(case.steps, values, timeout)
            if not outcome.ok:
                return outcome.error
            value = outcome.seconds
            if case.metric == "throughput":
                value = server.bits_per_second()
                server = None
                if value is None:
                    return "no data reached the host's iperf3 server"
            elif case.metric == "monitor-rss":
                time.sleep(0.5)  # let the monitor settle after start-up
                rss, name = monitor_rss_kb(values["marker"])
                if rss is None:
                    return "no `sleep` process of the container found in /proc"
                value = rss
                self.monitor_names[case.name, engine] = name
            return value, outcome.maxrss_kb
        finally:
            if server is not None:
                server.proc.kill()
                server.proc.communicate()
            run_steps(case.after, values, timeout)

    def run_cases(self, cases):
        """Measures cases together: each run goes through every (case, engine)
        series in turn, in reverse order every other run, so cases compared with
        each other see the same machine. Returns one result per case."""
        warmups, runs = RUNS[self.mode][cases[0].kind]
        self.monitor_names = {}
        series = [(case, engine) for case in cases for engine in case.engines]
        results = {
            (case.name, engine): {"status": "ok", "samples": [], "maxrss_kb": []}
            for case, engine in series
        }
        live = []
        started = time.monotonic()
        try:
            for case, engine in series:
                setup = run_steps(
                    case.setup, self.values(case, engine), self.timeout(case), "setup, "
                )
                if not setup.ok:
                    results[case.name, engine].update(status="failed", error=setup.error)
                    continue
                live.append((case, engine))
            for i in range(warmups + runs):
                for case, engine in list(live if i % 2 == 0 else live[::-1]):
                    got = self.one_run(case, engine)
                    result = results[case.name, engine]
                    if isinstance(got, str):
                        result.update(status="failed", error=got)
                        if i >= warmups:
                            result["after_runs"] = i - warmups
                        live.remove((case, engine))
                    elif i >= warmups:
                        result["samples"].append(got[0])
                        result["maxrss_kb"].append(got[1])
        finally:
            # interrupted or not, clean up completely: a second signal must not cut it short
            handlers = {sig: signal.signal(sig, signal.SIG_IGN) for sig in STOP_SIGNALS}
            for case, engine in series:
                run_steps(case.cleanup, self.values(case, engine), self.timeout(case))
            for sig, handler in handlers.items():
                signal.signal(sig, handler)
        for key, result in results.items():
            samples = result["samples"]
            if result["status"] == "ok" and samples:
                result.update(median=statistics.median(samples), min=min(samples), max=max(samples))
            if key in self.monitor_names:
                result["process"] = self.monitor_names[key]
        spent = round(time.monotonic() - started, 1)
        return [
            {
                "name": case.name,
                "title": case.title,
                "metric": case.metric,
                "storage": case.storage,
                "note": case.note,
                "warmups": warmups,
                "runs": runs,
                "seconds_spent": spent,
                **({"measured_with": [c.name for c in cases]} if len(cases) > 1 else {}),
                "results": {engine: results[case.name, engine] for engine in case.engines},
            }
            for case in cases
        ]

    def measure(self):
        signal.signal(signal.SIGALRM, _alarm)
        signal.signal(signal.SIGTERM, _terminate)
        self.load_at_start = os.getloadavg()[0]
        started = time.monotonic()
        wanted = wanted_cases(self.args.only)
        chosen = [case for case in CASES if not wanted or case.name in wanted]
        cases = []
        for case in chosen:
            if case.group and any(c["name"] == case.name for c in cases):
                continue  # measured with the first case of its group
            together = [c for c in chosen if c.group == case.group] if case.group else [case]
            for c in together:
                print(f"bench: {c.name}: {c.title}", file=sys.stderr, flush=True)
            for result in self.run_cases(together):
                for engine, r in result["results"].items():
                    shown = (
                        f"median {r['median']:.6g}" if "median" in r else r.get("error", "no samples")
                    )
                    print(f"bench:   {result['name']}: {engine}: {shown}", file=sys.stderr, flush=True)
                cases.append(result)
            self.write({"meta": self.meta(started), "cases": cases})
        return {"meta": self.meta(started), "cases": cases}

    def write(self, result):
        tmp = self.args.out + ".tmp"
        with open(tmp, "w") as f:
            json.dump(result, f, indent=1)
        os.replace(tmp, self.args.out)

    def meta(self, started):
        return {
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "mode": self.mode,
            "runs": {kind: {"warmups": w, "runs": n} for kind, (w, n) in RUNS[self.mode].items()},
            "seconds": round(time.monotonic() - started),
            "load": [self.load_at_start, os.getloadavg()[0]],
            "machine": machine(),
            "versions": versions(self.args.rcon),
            "podman": podman_setup(),
        }


def output_of(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except OSError:
        return "not installed"
    text = (out.stdout or out.stderr).strip()
    return text.splitlines()[0] if text else f"exit {out.returncode}"


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    home = os.environ["HOME"]
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "os": os_name(),
        "store_filesystem": filesystem_of(home),
    }


def os_name():
    try:
        with open("/etc/os-release") as f:
            fields = dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line)
        return fields.get("PRETTY_NAME", "").strip('"')
    except OSError:
        return "unknown"


def filesystem_of(path):
    """The filesystem type of the mount holding path, from mountinfo."""
    best, kind = "", "unknown"
    with open("/proc/self/mountinfo") as f:
        for line in f:
            pre, post = line.split(" - ", 1)
            mount_point = pre.split()[4]
            inside = path == mount_point or path.startswith(mount_point.rstrip("/") + "/")
            if inside and len(mount_point) >= len(best):
                best, kind = mount_point, post.split()[0]
    return kind


def versions(rcon):
    """rcon's own version and the Debian package versions of everything it is compared with."""
    found = {"rcon": output_of([rcon, "version"]).split()[-1]}
    for package in ("podman", "runc", "conmon", "slirp4netns", "passt", "fuse-overlayfs", "iperf3"):
        found[package] = output_of(["dpkg-query", "-W", "-f", "${Version}", package])
    return found


def podman_setup():
    fmt = (
        "driver={{.Store.GraphDriverName}} runtime={{.Host.OCIRuntime.Name}} "
        "cgroups={{.Host.CgroupsVersion}}/{{.Host.CgroupManager}} events={{.Host.EventLogger}}"
    )
    return output_of(["podman", "info", "--format", fmt])


# ---------------------------------------------------------------------------
# Reporting

UNITS = {"time": "time", "throughput": "Gbit/s", "monitor-rss": "MiB", "rss": "MiB"}


def fmt_value(metric, value):
    if metric == "spread":
        return f"max/min {value:.2f}"
    if metric == "time":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if metric == "throughput":
        return f"{value / 1e9:.2f} Gbit/s"
    return f"{value / 1024:.1f} MiB"  # KiB in, MiB out


def cell(text):
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|")


def engine_cell(case, engine, metric="time"):
    r = case["results"].get(engine)
    if r is None:
        return "–"
    if r["status"] != "ok":
        return cell(f"failed ({r['error']})")
    value = summary(r, metric)
    if value is None:
        return "no samples"
    med, lo, hi = value
    if metric == "time" and len(r["samples"]) > 1:
        return f"{fmt_value(metric, med)} ({fmt_value(metric, lo)} – {fmt_value(metric, hi)})"
    if metric == "throughput" and len(r["samples"]) > 1:
        return (
            f"{fmt_value(metric, med)} ({fmt_value(metric, lo)} – {fmt_value(metric, hi)}; "
            f"max/min {hi / lo:.2f})"
        )
    if metric == "monitor-rss" and len(r["samples"]) > 1:
        return f"{fmt_value(metric, med)} ({fmt_value(metric, lo)} – {fmt_value(metric, hi)})"
    return fmt_value(metric, med) + (f" ({r['process']})" if "process" in r else "")


def summary(r, metric):
    """(median, min, max) of a result's samples for metric, or None; for
    "spread", (max / min, min, max)."""
    values = r.get("maxrss_kb") if metric == "rss" else r.get("samples")
    if r.get("status") != "ok" or not values:
        return None
    if metric == "spread":
        return max(values) / min(values), min(values), max(values)
    return statistics.median(values), min(values), max(values)


def value_of(cases, name, engine, metric):
    case = cases.get(name)
    if case is None:
        return None, f"case {name} not run"
    r = case["results"].get(engine)
    if r is None:
        return None, f"no {engine} result"
    if r["status"] != "ok":
        return None, f"{engine} failed ({r['error']})"
    s = summary(r, metric)
    return (s[0], None) if s else (None, f"no {engine} samples")


def ratio_cell(case, metric):
    rcon = case["results"].get("rcon")
    podman = case["results"].get("podman")
    if not rcon or not podman:
        return "–"
    a, b = summary(rcon, metric), summary(podman, metric)
    if not a or not b or b[0] == 0:
        return "–"
    return f"{a[0] / b[0]:.2f}"


TARGET = re.compile(
    r"^(?P<op>[≤≥]) (?:(?P<ratio>[\d.]+) × (?:podman|rcon (?P<other>[\w-]+))"
    r"|(?P<limit>[\d.]+) (?P<unit>ms|MB|max/min)"
    r"|rcon (?P<base>[\w-]+) \+ (?P<extra>[\d.]+) ms)$"
)


def evaluate(goal, cases):
    """(measured text, status) of one speed goal."""
    _issue, _what, name, metric, target = goal
    m = TARGET.match(target)
    if not m:
        raise ValueError(f"unparsable target {target!r}")
    better = (lambda x, y: x <= y) if m["op"] == "≤" else (lambda x, y: x >= y)
    mine, why = value_of(cases, name, "rcon", metric)
    if mine is None:
        return "–", f"not measured: {why}"
    if m["ratio"]:
        other_case = m["other"] or name
        other_engine = "rcon" if m["other"] else "podman"
        theirs, why = value_of(cases, other_case, other_engine, metric)
        if theirs is None:
            return f"rcon {fmt_value(metric, mine)}", f"not measured: {why}"
        ratio = mine / theirs
        label = f"rcon {other_case}" if m["other"] else "podman"
        text = f"{ratio:.2f} × {label} ({fmt_value(metric, mine)} vs {fmt_value(metric, theirs)})"
        return text, "met" if better(ratio, float(m["ratio"])) else "not met"
    if m["limit"]:
        limit = float(m["limit"])
        # s → ms; KiB → MiB; a spread as it is
        value = {"ms": mine * 1000, "MB": mine / 1024}.get(m["unit"], mine)
        text = f"{value:.2f} {m['unit']}" if m["unit"] == "max/min" else f"{value:.1f} {m['unit']}"
        return text, "met" if better(value, limit) else "not met"
    base, why = value_of(cases, m["base"], "rcon", metric)
    if base is None:
        return f"rcon {fmt_value(metric, mine)}", f"not measured: {why}"
    extra = (mine - base) * 1000
    text = f"+{extra:.1f} ms ({fmt_value(metric, mine)} vs {m['base']} {fmt_value(metric, base)})"
    return text, "met" if better(extra, float(m["extra"])) else "not met"


def results_table(result):
    rows = [
        "| case | rcon: median (min – max) | podman: median (min – max) | rcon / podman |",
        "|---|---|---|---|",
    ]
    for case in result["cases"]:
        metric = case["metric"]
        if case["name"] == "floor":
            rows.append(f"| {cell(case['title'])} | {engine_cell(case, 'floor')} | | |")
            continue
        rows.append(
            f"| {cell(case['title'])} | {engine_cell(case, 'rcon', metric)} | "
            f"{engine_cell(case, 'podman', metric)} | {ratio_cell(case, metric)} |"
        )
        if case["name"] == "run-none":
            rows.append(
                f"| peak RSS of the CLI during that run | {engine_cell(case, 'rcon', 'rss')} | "
                f"{engine_cell(case, 'podman', 'rss')} | {ratio_cell(case, 'rss')} |"
            )
    return "\n".join(rows)


def goals_table(result):
    cases = {c["name"]: c for c in result["cases"]}
    rows = ["| issue | goal | target | measured | status |", "|---|---|---|---|---|"]
    for goal in GOALS:
        measured, status = evaluate(goal, cases)
        rows.append(
            f"| {goal[0]} | {goal[1]} (`{goal[2]}`) | {goal[4]} | {measured} | {cell(status)} |"
        )
    return "\n".join(rows)


def comparisons_table(result):
    cases = {c["name"]: c for c in result["cases"]}
    rows = ["| ratio (– where a case failed) | rcon | podman |", "|---|---|---|"]
    for what, name, base, metric in COMPARISONS:
        cells = []
        for engine in ("rcon", "podman"):
            value, _ = value_of(cases, name, engine, metric)
            baseline, _ = value_of(cases, base, engine, metric)
            if value is None or baseline is None:
                cells.append("–")
            else:
                cells.append(f"{value / baseline:.2f}")
        rows.append(f"| {what} (`{name}` / `{base}`) | {cells[0]} | {cells[1]} |")
    return "\n".join(rows)


def markdown(result):
    meta = result["meta"]
    machine, v = meta["machine"], meta["versions"]
    runs = meta["runs"]
    return f"""Measured {meta['date']} by `contrib/bench/run{' --quick' if meta['mode'] == 'quick' else ''}` \
in {meta['seconds'] // 60} min {meta['seconds'] % 60} s: each engine's command alternating run by run, \
{runs['fast']['warmups']} warm-up + {runs['fast']['runs']} runs per case \
({runs['pull']['runs']} for cold pulls, {runs['long']['runs']} for throughput and reads); \
median (min – max). Both engines as the same unprivileged user, against the same local registry.

**Machine:** {machine['cores']} cores ({machine['cpu']}), {machine['memory_gib']} GiB, \
{machine['os']}, kernel {machine['kernel']}, store on {machine['store_filesystem']}.
Load average (1 min) {meta['load'][0]:.1f} at the start, {meta['load'][1]:.1f} at the end.
**Versions** (Debian packages but rcon): \
{', '.join(f"{name} {version}" for name, version in v.items())}; Podman set up with {meta['podman']}.

{results_table(result)}

### Speed goals (issues 3–7)

{goals_table(result)}

### Within each engine

{comparisons_table(result)}
"""


NOTES_BEGIN = "<!-- notes: hand-written, kept by contrib/bench/run -->"
NOTES_END = "<!-- end of notes -->"
DEFAULT_NOTES = "Where rcon's time goes, case by case, and why a goal is not met yet."


def performance_doc(result, old):
    """docs/PERFORMANCE.md: the generated part, then the hand-written notes of old."""
    notes = DEFAULT_NOTES
    if NOTES_BEGIN in old and NOTES_END in old:
        notes = old.split(NOTES_BEGIN, 1)[1].split(NOTES_END, 1)[0].strip("\n")
    return f"""# Performance

<!-- Generated by contrib/bench/run from its result JSON; edit only the notes below. -->

How rcon compares with Podman on the same machine, in the same run. Run the
benchmark yourself as root with `contrib/bench/run` (`--quick` for fewer
repetitions; `--help` says what it installs and changes).

{markdown(result)}
## Notes

{NOTES_BEGIN}
{notes}
{NOTES_END}
"""


def report(args):
    with open(args.result) as f:
        result = json.load(f)
    text = markdown(result)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text)
    if args.doc:
        old = open(args.doc).read() if os.path.exists(args.doc) else ""
        with open(args.doc + ".tmp", "w") as f:
            f.write(performance_doc(result, old))
        os.replace(args.doc + ".tmp", args.doc)
    print(text)


def wanted_cases(only):
    """The set of case names in a comma-separated list, or None for all; exits on unknown names."""
    if not only:
        return None
    wanted = set(only.split(","))
    unknown = wanted - {c.name for c in CASES}
    if unknown:
        sys.exit(f"bench.py: unknown case(s) {', '.join(sorted(unknown))} (see --list)")
    return wanted


def list_cases(only):
    wanted = wanted_cases(only)
    for case in CASES:
        if wanted is not None and case.name not in wanted:
            continue
        engines = "" if case.engines == ("rcon", "podman") else f" [{', '.join(case.engines)}]"
        print(f"{case.name:16} {case.title}{engines}")
    print()
    for issue, what, name, metric, target in GOALS:
        print(f"issue {issue}: {what}: {name} {metric} {target}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("measure", help="run the cases (as the benchmark user)")
    m.add_argument("--out", required=True, help="result JSON, rewritten after every case")
    m.add_argument("--rcon", required=True, help="the rcon binary")
    m.add_argument("--registry", required=True, help="HOST:PORT of the registry with the images")
    m.add_argument("--quick", action="store_true", help="fewer repetitions")
    m.add_argument("--only", help="comma-separated case names")
    r = sub.add_parser("report", help="Markdown table and docs/PERFORMANCE.md from a result")
    r.add_argument("result")
    r.add_argument("--markdown", help="write the Markdown table here")
    r.add_argument("--doc", help="regenerate this PERFORMANCE.md, keeping its notes")
    listing = sub.add_parser("list", help="print the cases and the speed goals")
    listing.add_argument("--only", help="comma-separated case names: only these (checks them)")
    args = parser.parse_args()
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `bench.py list | head` ends quietly
    if args.command == "measure":
        try:
            Bench(args).measure()
        except KeyboardInterrupt:
            sys.exit("bench.py: interrupted (containers of the current case removed)")
    elif args.command == "report":
        report(args)
    else:
        list_cases(args.only)


if __name__ == "__main__":
    main()
