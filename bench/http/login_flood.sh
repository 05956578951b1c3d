#!/usr/bin/env bash
# What a flood of log-in attempts does to everyone else.
#
#   bench/http/login_flood.sh BIN [SHARE_DIR]
#
# Starts BIN on a fresh database, measures /healthz with wrk (1 connection)
# alone, then again while CLIENTS (12) clients, each behind its own
# X-Forwarded-For address (the server trusts 127.0.0.1 as a proxy), send
# log-in attempts with random e-mail addresses as fast as they are answered.
# Every attempt costs an Argon2id hash on the server. Prints both lines, the
# ratio of the medians, and how the attempts were answered (401 checked, 429
# held back, 503 hashing queue full).
set -euo pipefail

usage() { echo "usage: $0 BIN [SHARE_DIR]" >&2; exit 2; }
die() { echo "bench/login_flood: $*" >&2; exit 1; }

(($# >= 1 && $# <= 2)) || usage
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
bin="$(realpath -e -- "$1" 2>/dev/null)" || die "no such binary: $1"
share="$(realpath -e -- "${2:-$root}" 2>/dev/null)" || die "no such share dir: ${2:-$root}"
clients="${CLIENTS:-12}"
[[ $clients =~ ^[0-9]+$ ]] || die "bad CLIENTS"

source "$root/bench/http/lib.sh"
connections=1 # the health check is one client waiting its turn
start_server "$tmp/ruamkit.db" --trusted-proxy 127.0.0.1

# One log-in client: a session and its CSRF token, then attempts until told
# to stop, one status code per line in its own file.
flood() {
  local n=$1 jar="$tmp/jar.$n" token
  token="$(curl -fsS --max-time 5 -c "$jar" "${origin}/login" |
    sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n 1)"
  [[ -n $token ]] || die "no CSRF token on /login"
  while [[ ! -e $tmp/stop ]]; do
    curl -sS --max-time 30 -o /dev/null -w '%{http_code}\n' -b "$jar" \
      -H "X-Forwarded-For: 10.$((n % 256)).$((RANDOM % 256)).$((RANDOM % 254 + 1))" \
      --data-urlencode "csrf_token=$token" \
      --data-urlencode "email=someone.$RANDOM$RANDOM@example.org" \
      --data-urlencode "password=a wrong password of some length" \
      "${origin}/login" >>"$tmp/codes.$n" || true
  done
}

echo "ruamkit: $bin"
echo "wrk:     -t1 -c1 -d$duration --latency on /healthz, $clients log-in clients, $(nproc) cores"
echo
threads=1
echo "alone:"
bench /healthz | tee "$tmp/alone.txt"

for n in $(seq "$clients"); do flood "$n" & done
sleep 2 # the flood is under way
echo "during the log-in flood:"
bench /healthz | tee "$tmp/flood.txt"
touch "$tmp/stop"
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true

# The ratio of the medians, in the same unit.
to_ms() { awk '{ v = $1; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
  f = (u == "us") ? 0.001 : (u == "s") ? 1000 : 1; printf "%.3f", v * f }'; }
alone="$(awk '{ print $5 }' "$tmp/alone.txt" | head -n 1 | to_ms)"
during="$(awk '{ print $5 }' "$tmp/flood.txt" | head -n 1 | to_ms)"
echo
awk -v a="$alone" -v d="$during" 'BEGIN { printf "median /healthz: %.3f ms alone, %.3f ms during the flood (x%.1f)\n", a, d, (a > 0 ? d / a : 0) }'
cat "$tmp"/codes.* | sort | uniq -c | awk '{ printf "log-in attempts answered %s: %s\n", $2, $1 }'
