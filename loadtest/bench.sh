#!/usr/bin/env bash
# Runs the same synthetic load against Roundtable and against Janus's VideoRoom, one server after
# the other, and writes docs/benchmarks.md (plus JSON reports and charts under loadtest/target/bench/).
#
#   loadtest/bench.sh [--duration 20s] [--settle 10s] [--ramp 10] [--max-viewers 800] [--soak 5m]
#                     [--only roundtable|janus] [--quick]
#
# Every run measures --duration of media that starts --settle after its last join (the join transient:
# handshakes, keyframe requests, the load generator's JIT; docs/loadtest.md); whole-run loss is reported too.
#
# Scenarios (issue 4):
#   roundtable  20 ministers with audio, 6 of them also with 500 kbps video, 100 viewers
#   roundtable-30  the same with 30 viewers: a load the two cores carry with the load generator on them
#               (~67k packets/s), for the per-core figure at low loss
#   meeting     10 ministers, all with video, everyone subscribed to everyone
#   broadcast   1 minister with video and audio to N viewers: a stepped search (N doubles from 25 until a
#               step fails twice in a row, then one bisection) for the largest N with media missed < 1 % (loss,
#               silent subscriptions and frozen time together), latency p99 < 100 ms; then one run at half that N
#               (the "half load" latency figure)
#   (before them, per server, an unreported 15 s warm-up run: the JVM compiles its hot path first)
#   soak        (with --soak D, Roundtable only) the meeting scenario for D, heap sampled with jstat and
#               the live heap after a forced full GC every 30 s; --soak-only reruns just the soak and
#               keeps the last full run's scenario reports
#
# Everything runs inside a private network namespace (unshare -n): Roundtable on 127.0.0.1, and
# since libnice (Janus) gathers no candidates on loopback, a veth pair whose address 10.99.0.1 is
# used by Janus and by the load test's sockets. No packet can leave the namespace.
# Needs root (unshare, ip), java 17 (jstat), maven (offline repo), python3, and `apt-get install -y janus`.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
orig_args=("$@")
duration=20s
settle=10s
ramp=10
max_viewers=800
first_viewers=25
soak=""
only=""
soak_only=""
warmup=15s
fixed=("roundtable:--ministers 20 --video-ministers 6 --viewers 100" "roundtable-30:--ministers 20 --video-ministers 6 --viewers 30"
       "meeting:--ministers 10 --video-ministers 10 --viewers 0")
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --settle) settle="$2"; shift 2 ;;
    --ramp) ramp="$2"; shift 2 ;;
    --max-viewers) max_viewers="$2"; shift 2 ;;
    --soak) soak="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --soak-only) soak_only=1; only=roundtable; shift ;;
    --quick) fixed=("roundtable:--ministers 3 --video-ministers 1 --viewers 4" "meeting:--ministers 3 --video-ministers 3 --viewers 0")
             duration=8s; settle=2s; first_viewers=4; max_viewers=8; warmup=3s; shift ;;
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
if [ -n "$soak_only" ]; then
  # keeps the scenario reports of the last full run; only the soak is measured again
  mkdir -p "$out"; rm -rf "$out"/roundtable-soak* "$out/data"
else
  rm -rf "$out"; mkdir -p "$out"
fi
ip link set lo up
ip link add rtv0 type veth peer name rtv1
ip addr add 10.99.0.1/24 dev rtv0
ip addr add 10.99.0.2/24 dev rtv1
ip link set rtv0 up; ip link set rtv1 up

java_opts=(-Dice4j.harvest.mapping.aws.enabled=false -Dice4j.harvest.mapping.stun.enabled=false
           -Dice4j.harvest.udp.use-dynamic-ports=false -Djava.util.logging.config.file="$repo/.ci/test-logging.properties")
common=(--ramp "$ramp" --settle "$settle" --audio-bitrate 32k --video-bitrate 500k --fps 30 --resolution 640x480
        --keyframe-interval 3s --seed 7 --workers 2 --quiet)
batch_sched=()
command -v chrt >/dev/null && batch_sched=(chrt --batch 0)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
if [ -n "$soak_only" ]; then
  info="$out/soak-info.txt"
else
  info="$out/run-info.txt"
fi
{ echo "started $(date -u +%FT%TZ), commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"; echo "duration=$duration settle=$settle ramp=$ramp max_viewers=$max_viewers soak=${soak:-none}"; } > "$info"
loadavg() { echo "$1 $(date -u +%T) loadavg $(cut -d' ' -f1-3 /proc/loadavg)" >> "$info"; }

# run TARGET NAME DURATION ARGS...   (target-specific options come from $target_opts)
run() {
  local target=$1 name=$2 dur=$3; shift 3
  echo "== $target / $name: $* (media $dur)"
  loadavg "$target/$name before"
  # SCHED_BATCH: a woken batch thread never preempts a running one, so the load generator's receiving
  # threads stop interrupting the server in the middle of its fan-out (same for both servers)
  # shellcheck disable=SC2086
  ${batch_sched[@]+"${batch_sched[@]}"} java "${java_opts[@]}" -jar loadtest/target/roundtable-loadtest.jar "${target_opts[@]}" --room "bench-$name" \
       "$@" "${common[@]}" --duration "$dur" --json "$out/$target-$name.json" --plot "$out/$target-$name" | tail -22 || true
  loadavg "$target/$name after"
}

# passes FILE: the broadcast criterion (loadtest/bench_criteria.py: media missed < 1 % counting loss, silent
# subscriptions and frozen time; latency p99 < 100 ms; at least 99 % joined)
passes() {
  python3 "$repo/loadtest/bench_criteria.py" "$1"
}

# broadcast TARGET: stepped search for the largest viewer count that passes, then half of it
broadcast() {
  local target=$1 n=$first_viewers best=0 fail=0
  while [ "$n" -le "$max_viewers" ]; do
    run "$target" "broadcast-$n" "$duration" --ministers 1 --video-ministers 1 --viewers "$n"
    if ! passes "$out/$target-broadcast-$n.json"; then
      # one retry: on a shared machine one latency spike from another job can fail a step on its own
      mv "$out/$target-broadcast-$n.json" "$out/$target-broadcast-$n-first-try.json"
      run "$target" "broadcast-$n" "$duration" --ministers 1 --video-ministers 1 --viewers "$n"
    fi
    if passes "$out/$target-broadcast-$n.json"; then best=$n; n=$((n * 2)); else fail=$n; break; fi
  done
  if [ "$fail" -gt 0 ] && [ "$best" -gt 0 ] && [ $((fail - best)) -gt 4 ]; then
    local mid=$(((best + fail) / 2))
    run "$target" "broadcast-$mid" "$duration" --ministers 1 --video-ministers 1 --viewers "$mid"
    if passes "$out/$target-broadcast-$mid.json"; then best=$mid; fi
  fi
  echo "$best" > "$out/$target-broadcast-max.txt"
  if [ "$best" -ge 2 ]; then
    run "$target" "broadcast-half" "$duration" --ministers 1 --video-ministers 1 --viewers $((best / 2))
  fi
}

scenarios() {
  local target=$1
  # not reported: the JVM's JIT (and Janus's caches) warm up before anything is measured
  run "$target" warmup "$warmup" --ministers 4 --video-ministers 2 --viewers 20
  for s in "${fixed[@]}"; do
    name="${s%%:*}"; args="${s#*:}"
    # shellcheck disable=SC2086
    run "$target" "$name" "$duration" $args
  done
  broadcast "$target"
}

# --- Roundtable
if [ "$only" != "janus" ]; then
  # shellcheck disable=SC2046
  java "${java_opts[@]}" $(grep -v '^#' "$repo/jvm.options") -jar signaling/target/roundtable.jar server --host 127.0.0.1 --http-port 18080 \
       --media-port 20000 --data-dir "$out/data" > "$out/roundtable.log" 2>&1 &
  rt=$!; pids+=("$rt")
  for _ in $(seq 1 100); do curl -fsS -m 1 http://127.0.0.1:18080/health >/dev/null 2>&1 && break; sleep 0.2; done
  target_opts=(--target roundtable --url http://127.0.0.1:18080 --data-dir "$out/data" --server-pid "$rt")
  [ -n "$soak_only" ] || scenarios roundtable
  if [ -n "$soak" ]; then
    # the meeting scenario: a load this machine sustains (the roundtable scenario overloads the load
    # generator, whose queues then say nothing about the server). jstat: heap every 10 s; every 30 s a
    # full GC (jcmd GC.run) and the heap used after it: the live set, flat unless something is retained
    jstat -gc "$rt" 10000 > "$out/roundtable-soak-jstat.txt" 2>&1 &
    js=$!; pids+=("$js")
    ( start=$(date +%s)
      while sleep 30; do
        jcmd "$rt" GC.run >/dev/null 2>&1 || break
        # the whole heap's used size: G1 prints one "garbage-first heap ... used NK" line, the parallel
        # collector one line per generation (PSYoungGen, ParOldGen), which are summed
        echo "$(( $(date +%s) - start )) $(jcmd "$rt" GC.heap_info 2>/dev/null | awk '
          /garbage-first heap|PSYoungGen|ParOldGen|def new generation|tenured generation/ {
            for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v); s += v } }
          END { print "used " s "K" }')"
      done > "$out/roundtable-soak-live.txt" ) &
    lv=$!; pids+=("$lv")
    run roundtable soak "$soak" --ministers 10 --video-ministers 10 --viewers 0
    kill "$js" "$lv" 2>/dev/null || true
  fi
  kill "$rt"; wait "$rt" 2>/dev/null || true
fi

# --- Janus
if [ "$only" != "roundtable" ]; then
  JANUS_ICE_INTERFACE=10.99.0.1 loadtest/janus/start-janus.sh "$out/janus" >/dev/null
  jp="$(cat "$out/janus/janus.pid")"; pids+=("$jp")
  target_opts=(--target janus --url http://127.0.0.1:8088/janus --bind 10.99.0.1 --server-pid "$jp")
  scenarios janus
  kill "$jp"
fi

echo "finished $(date -u +%FT%TZ)" >> "$info"
python3 "$repo/loadtest/bench-report.py" "$out" "$duration" "$ramp" "$soak" "${fixed[@]}" > "$repo/docs/benchmarks.md.new"
cat "$repo/docs/benchmarks.md.new" "$repo/loadtest/bench-analysis.md" > "$repo/docs/benchmarks.md" 2>/dev/null \
  || cp "$repo/docs/benchmarks.md.new" "$repo/docs/benchmarks.md"
rm -f "$repo/docs/benchmarks.md.new"
echo "wrote docs/benchmarks.md"
