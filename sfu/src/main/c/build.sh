#!/bin/sh
# Builds the native helpers into $1 with the JDK's JNI headers from $2. Both are optional:
# - libroundtable_udp.so (roundtable_udp.c), the batched UDP sender; without gcc (or off Linux) the
#   media port sends one datagram per system call through java.nio (udp.NativeDatagrams says which);
# - libroundtable_srtp.so (roundtable_srtp.c), SRTP AES-GCM protection through OpenSSL; without
#   OpenSSL's headers and library (Debian: libssl-dev) outgoing RTP is protected by jitsi-srtp
#   (srtp.NativeGcm says which).
# A library that is attempted and fails to compile fails the build.
set -eu
out="$1"; jdk="$2"; here="$(dirname "$0")"
if [ "$(uname -s)" != Linux ] || ! command -v gcc >/dev/null 2>&1; then
  echo "[roundtable] gcc (Linux) not found: media port will send through java.nio, one datagram per system call"
  exit 0
fi
mkdir -p "$out"
compile() {
  gcc -O2 -Wall -Wextra -Werror -fPIC -shared -I"$jdk/include" -I"$jdk/include/linux" "$@"
}
compile -o "$out/libroundtable_udp.so" "$here/roundtable_udp.c"
probe="$(mktemp)"
trap 'rm -f "$probe"' EXIT
if printf '#include <openssl/evp.h>\nint main(void) { return EVP_aes_128_gcm() == 0; }\n' \
    | gcc -x c - -o "$probe" -lcrypto >/dev/null 2>&1; then
  compile -o "$out/libroundtable_srtp.so" "$here/roundtable_srtp.c" -lcrypto
else
  echo "[roundtable] OpenSSL headers or library not found (libssl-dev): outgoing SRTP will be protected by jitsi-srtp"
fi
