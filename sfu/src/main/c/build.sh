#!/bin/sh
# Builds the batched UDP sender (roundtable_udp.c) into $1 with the JDK's JNI headers from $2.
# Optional: without gcc (or off Linux) the build goes on and the media port sends one datagram per
# system call through java.nio (org.roundtable.sfu.udp.NativeDatagrams says which is in use).
set -u
out="$1"; jdk="$2"; here="$(dirname "$0")"
if [ "$(uname -s)" != Linux ] || ! command -v gcc >/dev/null 2>&1; then
  echo "[roundtable] gcc (Linux) not found: media port will send through java.nio, one datagram per system call"
  exit 0
fi
mkdir -p "$out"
gcc -O2 -Wall -Wextra -Werror -fPIC -shared -I"$jdk/include" -I"$jdk/include/linux" \
    -o "$out/libroundtable_udp.so" "$here/roundtable_udp.c"
