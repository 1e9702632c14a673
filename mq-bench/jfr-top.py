#!/usr/bin/env python3
"""Summarises a JFR recording of ClientCpuMain (or any JVM): where the CPU samples are and what is allocated.

    mq-bench/jfr-top.py recording.jfr [rows]

Prints CPU samples by thread, by top frame (self) and by method anywhere on the stack (inclusive), then the
allocation samples (weighted bytes) by class and by the first io.mq / org.apache.rocketmq frame that allocated.
"""
import collections
import json
import subprocess
import sys


def events(path, name):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "128", "--events", name, path], check=True, capture_output=True).stdout
    return json.loads(out)["recording"]["events"]


def stack(sample):
    trace = sample["values"].get("stackTrace") or {}
    return [frame_name(f) for f in trace.get("frames") or []]


def frame_name(frame):
    method = frame["method"]
    return f'{method["type"]["name"]}.{method["name"]}'


def table(title, counter, total, rows, unit=""):
    print(f"--- {title} (total {total}{unit})")
    for key, n in counter.most_common(rows):
        print(f"{100.0 * n / max(1, total):6.1f}%  {key}")


def main():
    path = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    samples = events(path, "jdk.ExecutionSample")
    by_thread, self_frames, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    for sample in samples:
        by_thread[sample["values"]["sampledThread"]["javaName"].rstrip("0123456789-")] += 1
        frames = stack(sample)
        if frames:
            self_frames[frames[0]] += 1
        for name in set(frames):
            inclusive[name] += 1
    table("CPU samples by thread", by_thread, len(samples), rows)
    table("CPU samples by top frame", self_frames, len(samples), rows)
    table("CPU samples by method on the stack", inclusive, len(samples), rows)

    allocations = events(path, "jdk.ObjectAllocationSample")
    by_class, by_site = collections.Counter(), collections.Counter()
    for sample in allocations:
        weight = sample["values"]["weight"]
        by_class[sample["values"]["objectClass"]["name"]] += weight
        frames = stack(sample)
        site = next((f for f in frames if f.replace("/", ".").startswith(("io.mq.", "org.apache.rocketmq."))), frames[0] if frames else "?")
        by_site[site] += weight
    total = sum(by_class.values())
    table("allocated bytes by class", by_class, total, rows, " B")
    table("allocated bytes by first io.mq / rocketmq frame", by_site, total, rows, " B")


if __name__ == "__main__":
    main()
