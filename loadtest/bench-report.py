#!/usr/bin/env python3
"""Turns the JSON reports of loadtest/bench.sh into docs/benchmarks.md (stdout).

usage: bench-report.py OUT_DIR DURATION RAMP SOAK SCENARIO...   (SCENARIO = name:loadtest args)
"""
import glob
import json
import os
import platform
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_criteria import missing_percent  # noqa: E402

out, duration, ramp, soak, scenarios = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
TARGETS = ("roundtable", "janus")
settle = None  # reports written before the measurement window had no settling and no window
for _path in sorted(glob.glob(os.path.join(out, "*.json"))):
    settle = json.load(open(_path)).get("config", {}).get("settle")
    break
NAMES = {"roundtable": "Roundtable", "janus": "Janus 1.1 VideoRoom"}

ROWS = [
    ("participants joined", lambda s: f"{s['joined']} / {s['participants']}"),
    ("subscriptions receiving", lambda s: f"{s['subscriptionsReceiving']} / {s['subscriptions']}"),
    ("packets received / expected", lambda s: f"{s['packetsReceived']} / {s['packetsExpected']}"),
    ("loss %", lambda s: num(s['lossPercent'], 3)),
    ("whole run: loss % / p99 (ms), ramp included", lambda s: f"{num(s.get('runLossPercent'), 3)} / {num(s.get('runLatencyMsP99'), 2)}"),
    ("media missed % (loss + silent subscriptions + frozen time)", lambda s: num(missing_percent(s), 3)),
    ("latency p50 / p95 / p99 / max (ms)", lambda s: " / ".join(num(s[k], 2) for k in
        ("latencyMsP50", "latencyMsP95", "latencyMsP99", "latencyMsMax"))),
    ("SFU-added p50 / p99 (ms, the server's own histogram)", lambda s: f"{num(s.get('sfuDelayMsP50'), 3)} / {num(s.get('sfuDelayMsP99'), 3)}"),
    ("jitter mean / max (ms)", lambda s: f"{num(s['jitterMsMean'], 2)} / {num(s['jitterMsMax'], 2)}"),
    ("freezes > 500 ms (s)", lambda s: f"{s['freezes']} ({num(s['freezeSeconds'], 1)})"),
    ("join to first media p50 / max (ms)", lambda s: f"{num(s['joinToFirstMediaMsP50'], 0)} / {num(s['joinToFirstMediaMsMax'], 0)}"),
    ("forwarded packets / s", lambda s: num(s['forwardedPacketsPerSecond'], 0)),
    ("received bitrate (kbps)", lambda s: num(s['receiveBitrateKbps'], 0)),
    ("server CPU s (measured window)", lambda s: num(s['serverCpuSeconds'], 2)),
    ("server CPU s per million packets", lambda s: num(s['serverCpuSecondsPerMillionPackets'], 1)),
    ("forwarded packets per server CPU-second", lambda s: num(per_cpu_second(s), 0)),
    ("server RSS max (MB)", lambda s: num(s['serverRssMb'], 0)),
    ("load generator CPU s", lambda s: num(s['loadtestCpuSeconds'], 2)),
]
# (label, key function, which way is better) for the Roundtable / Janus ratio column
RATIO = {
    "forwarded packets / s": (lambda s: s['forwardedPacketsPerSecond'], "higher"),
    "server CPU s per million packets": (lambda s: s['serverCpuSecondsPerMillionPackets'], "lower"),
    "forwarded packets per server CPU-second": (per_cpu_second := (lambda s: None if not s['serverCpuSecondsPerMillionPackets']
                                                 else 1e6 / s['serverCpuSecondsPerMillionPackets']), "higher"),
    "server RSS max (MB)": (lambda s: s['serverRssMb'], "lower"),
}


def num(v, digits):
    return "n/a" if v is None else f"{v:.{digits}f}"


def load(target, name):
    path = os.path.join(out, f"{target}-{name}.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def ratio(label, rt, ja):
    if label not in RATIO or not rt or not ja:
        return ""
    f, _ = RATIO[label]
    a, b = f(rt["summary"]), f(ja["summary"])
    return "n/a" if not a or not b else f"{a / b:.2f}"


def table(rt, ja):
    print("| | Roundtable | Janus 1.1 VideoRoom | Roundtable / Janus |")
    print("|---|---|---|---|")
    for label, f in ROWS:
        a = f(rt["summary"]) if rt else "not run"
        b = f(ja["summary"]) if ja else "not run"
        print(f"| {label} | {a} | {b} | {ratio(label, rt, ja)} |")
    errors = [(t, p["name"], p["error"]) for t, r in (("roundtable", rt), ("janus", ja)) if r
              for p in r["participants"] if p["error"]]
    if errors:
        print("\nParticipant errors (a transport that dies stops its streams; its gap counts as a freeze):\n")
        for t, n, e in errors[:12]:
            print(f"- {t} {n}: {e}")
        if len(errors) > 12:
            print(f"- ... and {len(errors) - 12} more")


def broadcast_steps(target):
    steps = []
    for path in glob.glob(os.path.join(out, f"{target}-broadcast-*.json")):
        m = re.search(r"broadcast-(\d+)(-first-try)?\.json$", path)
        if m:
            with open(path) as f:
                steps.append((int(m.group(1)), bool(m.group(2)), json.load(f)["summary"]))
    return sorted(steps, key=lambda x: (x[0], not x[1]))


def passes(s):
    return (s["joined"] == s["participants"] and s["subscriptionsReceiving"] == s["subscriptions"] and s["subscriptions"] > 0
            and s["lossPercent"] is not None and s["lossPercent"] < 1.0
            and s["latencyMsP99"] is not None and s["latencyMsP99"] < 100.0)


def best(target):
    path = os.path.join(out, f"{target}-broadcast-max.txt")
    return int(open(path).read().strip()) if os.path.exists(path) else None


run_info = open(os.path.join(out, "run-info.txt")).read() if os.path.exists(os.path.join(out, "run-info.txt")) else ""
print("# Benchmarks: Roundtable vs Janus VideoRoom\n")
print("Written by `loadtest/bench.sh` (do not edit the measured part by hand; rerun it). The same synthetic load")
print("against both servers, one after the other in one run, with `roundtable-loadtest.jar` (see docs/loadtest.md):")
print("real ICE/DTLS/SRTP clients, Opus 32 kbps with audio level, VP8 500 kbps 640x480 at 30 fps with keyframes")
if settle is None:
    print(f"every 3 s, {ramp} joins/s, {duration} of media after the last join, seed 7, 2 load-generator media threads.")
else:
    print(f"every 3 s, {ramp} joins/s, seed 7, 2 load-generator media threads. Each run measures {duration} of media that")
    print(f"starts {float(settle):g} s after its last join (the join transient stays out of the figures; the detail tables give")
    print("the whole run's loss and p99 too).")
print("Server CPU and RSS from /proc/PID/stat for both servers; \"packets\" are the media packets the receivers got.\n")
cpu = subprocess.run(["bash", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
print(f"Machine: {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, servers and load generator")
print("on the same two cores inside one private network namespace (Roundtable on loopback, Janus on a veth pair,")
print("since libnice gathers no loopback candidates). The load generator reads all its sockets with two epoll threads")
print("(a thread per socket made every forwarded copy wake a sleeping receiver, a cost no server pays when its receivers")
print("are other machines) and runs as SCHED_BATCH (`chrt --batch 0`), so that its woken threads do not preempt whichever")
print("server is sending. Anything else running on the machine shares the")
print("cores too (the load averages below show how busy it was): compare the two columns of one run, not runs of different days.\n")
print("Reproduce (as root, Janus from `apt-get install -y janus`):\n")
print("```")
print(f"loadtest/bench.sh --duration {duration}" + (f" --settle {float(settle):g}s" if settle is not None else "")
      + f" --ramp {ramp}" + (f" --soak {soak}" if soak else ""))
if soak:
    print(f"loadtest/bench.sh --soak-only --soak {soak}    # reruns only the soak, keeps the scenario reports")
print("```\n")
if run_info:
    print("Run log (time, load average 1/5/15 min before and after each step):\n")
    print("```")
    print(run_info.rstrip())
    print("```\n")

# --- headline
print("## Summary\n")
print("| scenario | server | forwarded pkt/s | server CPU-s per M pkt | pkt per CPU-s | latency p50 / p99 (ms) | loss % | server RSS (MB) | load gen CPU s |")
print("|---|---|---|---|---|---|---|---|---|")
rows = [(s.split(":", 1)[0]) for s in scenarios]
bmax = {t: best(t) for t in TARGETS}
for name in rows + ["broadcast"]:
    for t in TARGETS:
        key = name if name != "broadcast" else (f"broadcast-{bmax[t]}" if bmax[t] else None)
        r = load(t, key) if key else None
        if not r:
            print(f"| {name} | {NAMES[t]} | not run | | | | | | |")
            continue
        s = r["summary"]
        label = name if name != "broadcast" else f"broadcast ({bmax[t]} viewers, largest passing)"
        print(f"| {label} | {NAMES[t]} | {num(s['forwardedPacketsPerSecond'], 0)} | {num(s['serverCpuSecondsPerMillionPackets'], 1)} | "
              f"{num(per_cpu_second(s), 0)} | {num(s['latencyMsP50'], 2)} / {num(s['latencyMsP99'], 2)} | {num(s['lossPercent'], 3)} | "
              f"{num(s['serverRssMb'], 0)} | {num(s['loadtestCpuSeconds'], 2)} |")
print()

for s in scenarios:
    name, args = s.split(":", 1)
    print(f"## {name}: `{args.strip()}`\n")
    table(load("roundtable", name), load("janus", name))
    print(f"\nCharts: `loadtest/target/bench/roundtable-{name}/`, `loadtest/target/bench/janus-{name}/` (after a run).\n")

print("## broadcast: `--ministers 1 --video-ministers 1 --viewers N`, stepped search\n")
print("N doubles from the first step until a step fails (a failed step is run once more, and the second try")
print("decides: one latency spike from another job can fail a step on its own; first tries are listed too), then")
print("one bisection between the last pass and the first failure. A step passes when media missed < 1 % and latency p99 < 100 ms")
print("(and at least 99 % joined). Media missed is loss + the share of subscriptions that received nothing + the share of")
print("subscription-time frozen (`loadtest/bench_criteria.py`): loss alone is blind to a viewer whose transport failed at join or")
print("closed mid-run. The load generator runs on the same two cores: the search finds where the MACHINE")
print("(server + load generator + whatever else ran) stops keeping up, for each server.\n")
for t in TARGETS:
    steps = broadcast_steps(t)
    if not steps:
        print(f"{NAMES[t]}: not run.\n")
        continue
    print(f"{NAMES[t]}: largest passing viewer count **{bmax[t]}**\n")
    print("| viewers | joined | receiving | forwarded pkt/s | CPU-s per M pkt | latency p50 / p99 (ms) | loss % | RSS (MB) | load gen CPU s | verdict |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n, first_try, s in steps:
        print(f"| {n}{' (first try)' if first_try else ''} | {s['joined']}/{s['participants']} | {s['subscriptionsReceiving']}/{s['subscriptions']} | "
              f"{num(s['forwardedPacketsPerSecond'], 0)} | {num(s['serverCpuSecondsPerMillionPackets'], 1)} | "
              f"{num(s['latencyMsP50'], 2)} / {num(s['latencyMsP99'], 2)} | {num(s['lossPercent'], 3)} | "
              f"{num(s['serverRssMb'], 0)} | {num(s['loadtestCpuSeconds'], 2)} | {'pass' if passes(s) else 'fail'} |")
    print()
rt_b = load("roundtable", f"broadcast-{bmax['roundtable']}") if bmax["roundtable"] else None
ja_b = load("janus", f"broadcast-{bmax['janus']}") if bmax["janus"] else None
if rt_b or ja_b:
    print("Each server at its own largest passing step:\n")
    table(rt_b, ja_b)
    print()
rt_h, ja_h = load("roundtable", "broadcast-half"), load("janus", "broadcast-half")
if rt_h or ja_h:
    print("### Half load (half of each server's largest passing viewer count)\n")
    print("Latency here is one-way publisher -> server -> receiver as the load generator sees it (its own send and")
    print("receive scheduling included), so it bounds the SFU-added latency from above.\n")
    table(rt_h, ja_h)
    print()

# --- soak
soak_report = load("roundtable", "soak")
if soak_report:
    s = soak_report["summary"]
    soak_info_path = os.path.join(out, "soak-info.txt")
    print(f"## Soak: Roundtable, meeting scenario (`--ministers 10 --video-ministers 10`), {soak or 'n/a'} of media\n")
    if os.path.exists(soak_info_path):
        print("Measured by a separate `loadtest/bench.sh --soak-only --soak " + soak + "` run (its commit is in its log):\n")
        print("```")
        print(open(soak_info_path).read().rstrip())
        print("```\n")
    print(f"Loss {num(s['lossPercent'], 3)} %, latency p50 / p99 {num(s['latencyMsP50'], 2)} / {num(s['latencyMsP99'], 2)} ms, "
          f"{num(s['forwardedPacketsPerSecond'], 0)} forwarded packets/s, {num(s['serverCpuSecondsPerMillionPackets'], 1)} "
          f"server CPU-s per million packets, freezes {s['freezes']}.\n")
    tl = [x for x in soak_report["timeline"] if x["serverRssMb"] is not None]
    heap = []
    jpath = os.path.join(out, "roundtable-soak-jstat.txt")
    if os.path.exists(jpath):
        lines = [l.split() for l in open(jpath) if l.strip()]
        if lines and lines[0][0] == "S0C":
            hdr = lines[0]
            for l in lines[1:]:
                if len(l) == len(hdr) and l[0] != "S0C":
                    d = dict(zip(hdr, l))
                    try:
                        used = (float(d["S0U"]) + float(d["S1U"]) + float(d["EU"]) + float(d["OU"])) / 1024
                        heap.append((used, float(d["OU"]) / 1024, int(d["YGC"])))
                    except ValueError:
                        pass
    live = []
    lpath = os.path.join(out, "roundtable-soak-live.txt")
    if os.path.exists(lpath):
        for l in open(lpath):
            m = re.match(r"(\d+) used (\d+)K", l.strip())
            if m:
                live.append((int(m.group(1)), int(m.group(2)) / 1024))
    print("Per minute (RSS from /proc each second; heap from `jstat -gc` every 10 s, used = survivors + eden + old;")
    print("live heap = used right after a forced full GC, `jcmd GC.run`, every 30 s: flat unless something is retained):\n")
    print("| minute | RSS min / max (MB) | heap used min / max (MB) | old gen min / max (MB) | live heap after full GC (MB) | young GCs so far |")
    print("|---|---|---|---|---|---|")
    minutes = int((tl[-1]["seconds"] if tl else 0) // 60) + 1
    for m in range(minutes):
        rss = [x["serverRssMb"] for x in tl if m * 60 <= x["seconds"] < (m + 1) * 60]
        hp = heap[m * 6:(m + 1) * 6]
        lv = [v for t, v in live if m * 60 <= t < (m + 1) * 60]
        if not rss and not hp:
            continue
        rs = f"{min(rss):.0f} / {max(rss):.0f}" if rss else "n/a"
        hs = f"{min(h[0] for h in hp):.0f} / {max(h[0] for h in hp):.0f}" if hp else "n/a"
        os_ = f"{min(h[1] for h in hp):.1f} / {max(h[1] for h in hp):.1f}" if hp else "n/a"
        ls = " / ".join(f"{v:.1f}" for v in lv) if lv else "n/a"
        yg = str(hp[-1][2]) if hp else "n/a"
        print(f"| {m + 1} | {rs} | {hs} | {os_} | {ls} | {yg} |")
    note = "" if minutes >= 30 else " The issue asks for a 30-minute run; this one is shorter, see the notes."
    print(f"\n(The first minute includes the joins.{note})\n")
