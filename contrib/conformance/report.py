#!/usr/bin/env python3
"""Writes docs/CONFORMANCE.md from the TAP output of Podman's system tests run
against rcon and against podman (see contrib/conformance/run): per file, each
engine's passed/failed/skipped, and for every test Podman passes and rcon does
not, why: from reasons.tsv, `KEY<TAB>WHY` one a line (`#` comments), where KEY
is a test's name, or a file's name (`070-build`) for its tests without a line
of their own."""

import argparse
import datetime
import os
import platform
import re
import shutil
import subprocess
import sys

TEST_LINE = re.compile(r'^\s*@test\s+"(.*)"\s*\{')
TAP_LINE = re.compile(r"^(not ok|ok) (\d+) (.*?)(?: # skip(?: (.*))?)?$")


def suite_tests(path):
    """The test names of one .bats file, in order (TAP numbers them so)."""
    names = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = TEST_LINE.match(line)
            if m:
                names.append(m.group(1).replace('\\"', '"'))
    return names


def read_tap(path, names):
    """{test name: 'pass' | 'fail' | 'skip'} for one file; None when it never ran.
    Tests the file planned but never reported (a timeout) count as failed."""
    if not os.path.exists(path):
        return None
    results = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = TAP_LINE.match(line.rstrip("\n"))
            if not m:
                continue
            status, number, name = m.group(1), int(m.group(2)), m.group(3)
            skipped = " # skip" in line
            if 1 <= number <= len(names):
                name = names[number - 1]
            results[name] = "fail" if status == "not ok" else ("skip" if skipped else "pass")
    for name in names:
        results.setdefault(name, "fail")
    return results


def counts(results):
    if results is None:
        return None
    return tuple(sum(1 for r in results.values() if r == kind) for kind in ("pass", "fail", "skip"))


def read_reasons(path):
    reasons = {}
    if not os.path.exists(path):
        return reasons
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if "\t" not in line:
                sys.exit(f"{path}:{number}: expected TEST NAME<TAB>WHY")
            name, why = line.split("\t", 1)
            reasons[name.strip()] = why.strip()
    return reasons


def host():
    """The host the suite ran on, in a line: distribution, kernel, cgroups, podman."""
    name = "Linux"
    try:
        with open("/etc/os-release", encoding="utf-8") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    name = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    cgroups = "cgroup v2" if os.path.exists("/sys/fs/cgroup/cgroup.controllers") else "cgroup v1"
    systemd = "systemd" if os.path.isdir("/run/systemd/system") else "no systemd"
    podman = "podman not installed"
    if shutil.which("podman"):
        podman = subprocess.run(["podman", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{name}, Linux {platform.release()}, {cgroups}, {systemd}; {podman}"


def cell(c):
    return "—" if c is None else f"{c[0]} / {c[1]} / {c[2]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--suite", required=True, help="the directory of the .bats files")
    parser.add_argument("--rcon", required=True, help="rcon's TAP files")
    parser.add_argument("--podman", required=True, help="podman's TAP files")
    parser.add_argument("--reasons", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    reasons = read_reasons(args.reasons)
    files = sorted(f[:-5] for f in os.listdir(args.suite) if f.endswith(".bats"))
    rows, gaps = [], []
    totals = {"rcon": [0, 0, 0], "podman": [0, 0, 0]}
    for name in files:
        tests = suite_tests(os.path.join(args.suite, name + ".bats"))
        rcon = read_tap(os.path.join(args.rcon, name + ".tap"), tests)
        podman = read_tap(os.path.join(args.podman, name + ".tap"), tests)
        for engine, results in (("rcon", rcon), ("podman", podman)):
            c = counts(results)
            if c:
                totals[engine] = [t + n for t, n in zip(totals[engine], c)]
        rows.append((name, counts(rcon), counts(podman)))
        if podman is None:
            continue
        for test in tests:
            if podman[test] == "pass" and (rcon is None or rcon[test] != "pass"):
                state = "not run" if rcon is None else {"fail": "fails", "skip": "skipped"}[rcon[test]]
                why = reasons.get(test.strip()) or reasons.get(name) or "not examined yet"
                gaps.append((name, test, state, why))

    out = []
    out.append("# Podman conformance")
    out.append("")
    out.append("Podman v4.3.1's own system tests (BATS, unmodified) run against rcon and against")
    out.append("`podman` on the same host, as the same kind of unprivileged user. Regenerate with")
    out.append("`sudo CONFORMANCE_USER=someuser contrib/conformance/run` (see its `--help`); the reasons")
    out.append("below come from `contrib/conformance/reasons.tsv`. A file that needs a capability rcon")
    out.append("does not have yet (build, pods, kube, healthchecks, events, system service, systemd)")
    out.append("counts here as it is: its tests fail or skip for that reason.")
    out.append("")
    out.append(f"Generated {datetime.date.today().isoformat()} on: {host()}.")
    out.append("")
    out.append("| | passed | failed | skipped |")
    out.append("|---|---:|---:|---:|")
    for engine in ("rcon", "podman"):
        p, f, s = totals[engine]
        out.append(f"| {engine} | {p} | {f} | {s} |")
    out.append("")
    out.append("## Per file (passed / failed / skipped)")
    out.append("")
    out.append("| file | rcon | podman |")
    out.append("|---|---|---|")
    for name, rcon, podman in rows:
        out.append(f"| {name} | {cell(rcon)} | {cell(podman)} |")
    out.append("")
    out.append("## Tests Podman passes and rcon does not")
    out.append("")
    current = None
    for name, test, state, why in gaps:
        if name != current:
            if current is not None:
                out.append("")
            out.append(f"### {name}")
            out.append("")
            current = name
        out.append(f"- {test} ({state}): {why}")
    if not gaps:
        out.append("None.")
    out.append("")
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
