#!/usr/bin/env bash
# Starts Janus (Debian package `janus`) on loopback with the minimal configuration beside this
# script: HTTP API at http://127.0.0.1:8088/janus, VideoRoom plugin only. Prints Janus's pid.
#   loadtest/janus/start-janus.sh [RUN_DIR]     (default: ./target/janus)
# Stop it with: kill "$(cat RUN_DIR/janus.pid)"
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
run_dir="$(mkdir -p "${1:-target/janus}" && cd "${1:-target/janus}" && pwd)"
if ! command -v janus >/dev/null; then
  echo "janus is not installed: apt-get install -y janus" >&2
  exit 1
fi
conf="$run_dir/conf"
mkdir -p "$conf"
for f in janus.jcfg janus.transport.http.jcfg janus.plugin.videoroom.jcfg; do
  sed -e "s#@DIR@#$conf#g" -e "s#@LOGS@#$run_dir#g" -e "s#@ICE_INTERFACE@#${JANUS_ICE_INTERFACE:-lo}#g" "$here/$f" > "$conf/$f"
done
janus --configs-folder="$conf" --config="$conf/janus.jcfg" --disable-colors >"$run_dir/janus.out" 2>&1 &
pid=$!
echo "$pid" > "$run_dir/janus.pid"
for _ in $(seq 1 50); do
  if curl -fsS -m 1 http://127.0.0.1:8088/janus/info >/dev/null 2>&1; then
    echo "$pid"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "janus exited; see $run_dir/janus.out" >&2
    tail -20 "$run_dir/janus.out" >&2
    exit 1
  fi
  sleep 0.2
done
echo "janus did not answer on http://127.0.0.1:8088/janus/info; see $run_dir/janus.out" >&2
exit 1
