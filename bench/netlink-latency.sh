#!/usr/bin/env bash
# Measures VIP add + first announcement latency with the real netlink/packet code, inside a
# throwaway network namespace pair (veth; nothing leaves the namespaces). Needs root.
#   bench/netlink-latency.sh [cycles=2000]
# Prints libc load time, the first (cold) add+announce sample, and warm p50/p99.
set -euo pipefail
cycles="${1:-2000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
ns="rvn-bench-$$"
peer="rvn-benchp-$$"

cleanup() {
  ip netns del "$ns" 2>/dev/null || true
  ip netns del "$peer" 2>/dev/null || true
}
trap cleanup EXIT

cd "$root"
cpfile="$(mktemp)"
# One reactor run so the proto module resolves to its target/classes; server is built last,
# so its class path is what ends up in the file.
mvn -B -o -q test-compile dependency:build-classpath -pl server -am \
  -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test
cp="server/target/test-classes:server/target/classes:$(cat "$cpfile")"
rm -f "$cpfile"

ip netns add "$ns"
ip netns add "$peer"
ip -n "$ns" link set lo up
ip -n "$ns" link add rvnb0 type veth peer name rvnbp0 netns "$peer"
ip -n "$ns" link set rvnb0 up
ip -n "$peer" link set rvnbp0 up
ip -n "$ns" addr add 10.213.9.1/24 dev rvnb0

ip netns exec "$ns" java -Dlogback.configurationFile="$root/bench/logback-bench.xml" -cp "$cp" io.raftvip.bench.AddAnnounceLatency rvnb0 "$cycles" 10.213.9.100
