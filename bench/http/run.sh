#!/usr/bin/env bash
# HTTP benchmark of a Ruamkit server on loopback.
#
#   bench/http/run.sh BIN [SHARE_DIR]
#
# Starts BIN like the end-to-end tests do (fresh temporary database, an
# ephemeral port on 127.0.0.1, --log-level warn), then runs wrk against the
# home page and against the fingerprinted stylesheet it links to, and prints
# requests/s and latency percentiles for each. The server is stopped on exit.
#
# SHARE_DIR defaults to the repository root. wrk's settings can be changed
# with WRK_THREADS (2), WRK_CONNECTIONS (64) and WRK_DURATION (10s).
set -euo pipefail

usage() { echo "usage: $0 BIN [SHARE_DIR]" >&2; exit 2; }
die() { echo "bench/http: $*" >&2; exit 1; }

(($# >= 1 && $# <= 2)) || usage
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
bin="$(realpath -e -- "$1" 2>/dev/null)" || die "no such binary: $1"
[[ -x $bin && -f $bin ]] || die "not an executable file: $1"
share="$(realpath -e -- "${2:-$root}" 2>/dev/null)" || die "no such share dir: ${2:-$root}"

source "$root/bench/http/lib.sh"
start_server "$tmp/ruamkit.db"

# The home page, and the stylesheet it links to.
curl -fsS --max-time 5 -o "$tmp/home.html" "$base" || die "GET / failed"
css="$(grep -oiE '<link[^>]*>' "$tmp/home.html" |
  grep -iE "rel=[\"']?stylesheet" |
  sed -nE "s/.*href=[\"']?([^\"' >]+).*/\1/p" |
  grep -E '^/static/.*\.css$' | head -n 1 || true)"
[[ -n $css ]] || die "no <link rel=\"stylesheet\" href=\"/static/...css\"> in the home page"
curl -fsS --max-time 5 -o /dev/null "$origin$css" || die "GET $css failed"

echo "ruamkit: $bin"
echo "server:  $base (share dir $share)"
echo "wrk:     -t$threads -c$connections -d$duration --latency, on $(nproc) cores shared with the server"
echo

bench /
bench "$css"
