"""The broadcast search's pass criterion, shared by bench.sh and bench-report.py.

The issue's criterion is loss < 1 % and latency p99 < 100 ms. Loss alone counts only the gaps inside
what each subscription received, so it is blind to a subscription that never received anything (its
ICE or DTLS failed at join) and to one that stopped (a transport closed mid-run, seen as a freeze).
Both count here as media missed for their whole silent time: the share of subscription-time without
media is loss + silent subscriptions + frozen time, and it must stay under 1 %.
"""
import json
import sys


def missing_percent(s):
    """Loss plus the share of subscriptions that got nothing plus the share of subscription-time frozen."""
    subs = s["subscriptions"] or 0
    if subs == 0 or s["lossPercent"] is None:
        return None
    silent = 100.0 * (subs - s["subscriptionsReceiving"]) / subs
    # freezes are counted over the whole run (ramp and settling too), so they are shared over all of it
    run = (s.get("measureFromSeconds") or 0) + (s.get("mediaSeconds") or 0)
    frozen = 100.0 * (s.get("freezeSeconds") or 0) / (subs * run) if run > 0 else 0.0
    return s["lossPercent"] + silent + frozen


def passes(s):
    missing = missing_percent(s)
    return (missing is not None and missing < 1.0
            and s["joined"] >= 0.99 * s["participants"]
            and s["latencyMsP99"] is not None and s["latencyMsP99"] < 100.0)


if __name__ == "__main__":
    try:
        summary = json.load(open(sys.argv[1]))["summary"]
    except Exception:
        sys.exit(1)
    sys.exit(0 if passes(summary) else 1)
