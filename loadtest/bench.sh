#!/usr/bin/env bash
# Runs the same synthetic load against Roundtable and against Janus's VideoRoom and writes
# docs/benchmarks.md (plus JSON reports and charts under loadtest/target/bench/).
#
#   loadtest/bench.sh [--duration 20s] [--quick]
#
# Everything runs inside a private network namespace (unshare -n): Roundtable on 127.0.0.1, and
# since libnice (Janus) gathers no candidates on loopback, a veth pair whose address 10.99.0.1 is
# used by Janus and by the load test's sockets. No packet can leave the namespace.
# Needs root (unshare, ip), java 17, maven (offline repo), python3, and `apt-get install -y janus`.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
orig_args=("$@")
duration=20s
scenarios=("small:--ministers 3 --video-ministers 2 --viewers 6" "medium:--ministers 4 --video-ministers 4 --viewers 16")
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --quick) scenarios=("small:--ministers 2 --video-ministers 1 --viewers 2"); duration=8s; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "${ROUNDTABLE_BENCH_INSIDE:-}" ]; then
  cd "$repo"
  mvn -B -q -o -pl signaling,loadtest -am package -DskipTests
  command -v janus >/dev/null || { echo "janus is not installed: apt-get install -y janus" >&2; exit 1; }
  export ROUNDTABLE_BENCH_INSIDE=1
  exec unshare -n "$0" "${orig_args[@]}"
fi

cd "$repo"
out="$repo/loadtest/target/bench"
rm -rf "$out"; mkdir -p "$out"
ip link set lo up
ip link add rtv0 type veth peer name rtv1
ip addr add 10.99.0.1/24 dev rtv0
ip addr add 10.99.0.2/24 dev rtv1
ip link set rtv0 up; ip link set rtv1 up

java_opts=(-Dice4j.harvest.mapping.aws.enabled=false -Dice4j.harvest.mapping.stun.enabled=false
           -Dice4j.harvest.udp.use-dynamic-ports=false -Djava.util.logging.config.file="$repo/.ci/test-logging.properties")
common=(--duration "$duration" --ramp 4 --audio-bitrate 32k --video-bitrate 500k --fps 30 --resolution 640x480
        --keyframe-interval 3s --seed 7 --workers 2 --quiet)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# --- Roundtable
java "${java_opts[@]}" -jar signaling/target/roundtable.jar server --host 127.0.0.1 --http-port 18080 \
     --media-port 20000 --data-dir "$out/data" > "$out/roundtable.log" 2>&1 &
rt=$!; pids+=("$rt")
for _ in $(seq 1 100); do curl -fsS -m 1 http://127.0.0.1:18080/health >/dev/null 2>&1 && break; sleep 0.2; done
for s in "${scenarios[@]}"; do
  name="${s%%:*}"; args="${s#*:}"
  echo "== roundtable / $name: $args"
  # shellcheck disable=SC2086
  java "${java_opts[@]}" -jar loadtest/target/roundtable-loadtest.jar --target roundtable --url http://127.0.0.1:18080 \
       --data-dir "$out/data" --room "bench-$name" --server-pid "$rt" $args "${common[@]}" \
       --json "$out/roundtable-$name.json" --plot "$out/roundtable-$name" | tail -18
done
kill "$rt"; wait "$rt" 2>/dev/null || true

# --- Janus
JANUS_ICE_INTERFACE=10.99.0.1 loadtest/janus/start-janus.sh "$out/janus" >/dev/null
jp="$(cat "$out/janus/janus.pid")"; pids+=("$jp")
for s in "${scenarios[@]}"; do
  name="${s%%:*}"; args="${s#*:}"
  echo "== janus / $name: $args"
  # shellcheck disable=SC2086
  java "${java_opts[@]}" -jar loadtest/target/roundtable-loadtest.jar --target janus --url http://127.0.0.1:8088/janus \
       --bind 10.99.0.1 --room "bench-$name" --server-pid "$jp" $args "${common[@]}" \
       --json "$out/janus-$name.json" --plot "$out/janus-$name" | tail -18
done
kill "$jp"

python3 "$repo/loadtest/bench-report.py" "$out" "$duration" "${scenarios[@]}" > "$repo/docs/benchmarks.md"
echo "wrote docs/benchmarks.md"
