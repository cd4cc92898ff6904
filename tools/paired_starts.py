#!/usr/bin/env python3
"""Paired whole-process cold starts: each command of the shipped batch, run through a launcher in
several variants, interleaved (A B C ... A B C ...), so that a shared machine's changing load falls on
every variant alike. Prints, per command and variant, the median wall time and the median of the
paired differences against the first variant (the reference).

A variant is NAME=LAUNCHER[;VAR=VALUE...]: the launcher (a bin/advies) and the environment it runs
with, e.g. ADVIES_JAVA_OPTS=-Dsome.switch=true. Every variant gets its own rule cache, filled by one
unmeasured run of each command first.

Usage: tools/paired_starts.py PAIRS COMMANDS VARIANT...
  COMMANDS: comma-separated, of evaluate,test,validate,explain
Example:
  tools/paired_starts.py 7 evaluate,validate "main=/work/base/bin/advies" "now=bin/advies"
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BATCH = os.path.join(HERE, "fixtures", "2022-2023")
RULES = os.path.join(HERE, "rules")


def args_of(command, out):
    return {
        "evaluate": ["evaluate", BATCH, "--rules", RULES, "--out", out],
        "test": ["test", "--rules", RULES],
        "validate": ["validate", "--rules", RULES],
        "explain": ["explain", BATCH, first_application(), "--rules", RULES],
    }[command]


def first_application():
    with open(os.path.join(BATCH, "applications.csv"), encoding="utf-8-sig") as f:
        header = f.readline().rstrip("\n").split(";")
        row = f.readline().rstrip("\n").split(";")
    return row[header.index("id")]


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(launcher, env, argv):
    """Wall and CPU seconds (all threads of the process) of one run."""
    c0 = children_cpu()
    t0 = time.monotonic()
    r = subprocess.run([launcher] + argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    t = time.monotonic() - t0
    if r.returncode != 0:
        sys.exit(f"{launcher} {' '.join(argv)} exited {r.returncode}: {r.stderr.decode()[-500:]}")
    return t, children_cpu() - c0


def main():
    pairs, commands, specs = int(sys.argv[1]), sys.argv[2].split(","), sys.argv[3:]
    work = tempfile.mkdtemp(prefix="advies-pairs-")
    variants = []
    for spec in specs:
        name, _, rest = spec.partition("=")
        parts = rest.split(";")
        env = dict(os.environ)
        env["ADVIES_CACHE"] = os.path.join(work, "cache-" + name)
        for kv in parts[1:]:
            k, _, v = kv.partition("=")
            env[k] = v
        variants.append((name, os.path.abspath(parts[0]), env))
    load_before = os.getloadavg()
    print(f"paired cold starts, {pairs} rounds, {os.cpu_count()} cores, load average {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}")
    for command in commands:
        out = os.path.join(work, "out")
        for name, launcher, env in variants:  # fills each variant's rule cache
            run(launcher, env, args_of(command, out + "-" + name))
        wall = {name: [] for name, _, _ in variants}
        cpu = {name: [] for name, _, _ in variants}
        for _ in range(pairs):
            for name, launcher, env in variants:
                w, c = run(launcher, env, args_of(command, out + "-" + name))
                wall[name].append(w)
                cpu[name].append(c)
        ref = variants[0][0]
        for name, _, _ in variants:
            line = f"  {command:9} {name:15} wall {statistics.median(wall[name]) * 1000:5.0f} ms  cpu {statistics.median(cpu[name]) * 1000:5.0f} ms"
            if name != ref:
                line += "   paired difference: " + ", ".join(
                    f"{what} {d * 1000:+5.0f} ms ({d / statistics.median(figures[ref]) * 100:+5.1f}%)"
                    for what, figures in (("wall", wall), ("cpu", cpu))
                    for d in [statistics.median([a - b for a, b in zip(figures[name], figures[ref])])])
            print(line)
        sys.stdout.flush()
    load_after = os.getloadavg()
    print(f"  load average after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
