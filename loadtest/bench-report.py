#!/usr/bin/env python3
"""Turns the JSON reports of loadtest/bench.sh into docs/benchmarks.md (stdout)."""
import json
import os
import platform
import subprocess
import sys

out, duration, scenarios = sys.argv[1], sys.argv[2], sys.argv[3:]

ROWS = [
    ("participants joined", lambda s: f"{s['joined']} / {s['participants']}"),
    ("subscriptions receiving", lambda s: f"{s['subscriptionsReceiving']} / {s['subscriptions']}"),
    ("packets received / expected", lambda s: f"{s['packetsReceived']} / {s['packetsExpected']}"),
    ("loss %", lambda s: num(s['lossPercent'], 3)),
    ("latency p50 / p95 / p99 / max (ms)", lambda s: " / ".join(num(s[k], 2) for k in
        ("latencyMsP50", "latencyMsP95", "latencyMsP99", "latencyMsMax"))),
    ("jitter mean / max (ms)", lambda s: f"{num(s['jitterMsMean'], 2)} / {num(s['jitterMsMax'], 2)}"),
    ("freezes > 500 ms (s)", lambda s: f"{s['freezes']} ({num(s['freezeSeconds'], 1)})"),
    ("join to first media p50 / max (ms)", lambda s: f"{num(s['joinToFirstMediaMsP50'], 0)} / {num(s['joinToFirstMediaMsMax'], 0)}"),
    ("forwarded packets / s", lambda s: num(s['forwardedPacketsPerSecond'], 0)),
    ("received bitrate (kbps)", lambda s: num(s['receiveBitrateKbps'], 0)),
    ("server CPU s (media phase)", lambda s: num(s['serverCpuSeconds'], 2)),
    ("server CPU s per million packets", lambda s: num(s['serverCpuSecondsPerMillionPackets'], 1)),
    ("server RSS max (MB)", lambda s: num(s['serverRssMb'], 0)),
    ("load generator CPU s", lambda s: num(s['loadtestCpuSeconds'], 2)),
]


def num(v, digits):
    return "n/a" if v is None else f"{v:.{digits}f}"


def load(target, name):
    path = os.path.join(out, f"{target}-{name}.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


print("# Benchmarks: Roundtable vs Janus VideoRoom\n")
print("Written by `loadtest/bench.sh` (do not edit by hand; rerun it). Same synthetic load against both")
print("servers with `roundtable-loadtest.jar` (see docs/loadtest.md): real ICE/DTLS/SRTP clients, Opus 32 kbps")
print("with audio level, VP8 500 kbps 640x480 at 30 fps with keyframes every 3 s, ramp 4 joins/s,")
print(f"{duration} of media after the last join, seed 7. Server CPU and RSS from /proc/PID/stat for both.\n")
cpu = subprocess.run(["bash", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
print(f"Machine: {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, everything (servers and load")
print("generator) on the same cores, inside one private network namespace. Other jobs may share the machine:")
print("compare the two columns of one run, not runs of different days.\n")
for s in scenarios:
    name, args = s.split(":", 1)
    rt, ja = load("roundtable", name), load("janus", name)
    print(f"## {name}: `{args.strip()}`\n")
    print("| | Roundtable | Janus 1.1 VideoRoom |")
    print("|---|---|---|")
    for label, f in ROWS:
        a = f(rt["summary"]) if rt else "not run"
        b = f(ja["summary"]) if ja else "not run"
        print(f"| {label} | {a} | {b} |")
    errors = [(t, p["name"], p["error"]) for t, r in (("roundtable", rt), ("janus", ja)) if r
              for p in r["participants"] if p["error"]]
    if errors:
        print("\nParticipant errors (a transport that dies stops its streams; its gap counts as a freeze):\n")
        for t, n, e in errors:
            print(f"- {t} {n}: {e}")
    print(f"\nCharts: `loadtest/target/bench/roundtable-{name}/`, `loadtest/target/bench/janus-{name}/` (after a run).\n")
