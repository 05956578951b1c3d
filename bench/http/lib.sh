# Shared by the HTTP benchmarks (bench/http/run.sh, bench/feedback/run.sh):
# wrk settings, a temporary directory, starting and stopping a server on an
# ephemeral loopback port, and `bench PATH [wrk options…]`, which prints one
# line of requests/s and latency percentiles. Source it after setting `bin`
# and `share`, and define die().
threads="${WRK_THREADS:-2}"
connections="${WRK_CONNECTIONS:-64}"
duration="${WRK_DURATION:-10s}"
[[ $threads =~ ^[0-9]+$ && $connections =~ ^[0-9]+$ && $duration =~ ^[0-9]+[smh]?$ ]] ||
  die "bad WRK_THREADS/WRK_CONNECTIONS/WRK_DURATION"

for tool in curl wrk timeout; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found (apt-get install $tool)"
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/ruamkit-bench.XXXXXX")"
pid=""

stop_server() {
  [[ -n $pid ]] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do # 10 s
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "bench/http: server ignored SIGTERM for 10 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
  pid=""
}

on_exit() {
  local status=$?
  stop_server
  if ((status != 0)) && [[ -s $tmp/stderr ]]; then
    echo "--- server stderr (last 40 lines) ---" >&2
    tail -n 40 "$tmp/stderr" >&2
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM


# Starts the server on DATABASE (created when missing) and waits for it;
# sets pid, base (http://127.0.0.1:PORT/) and origin.
start_server() {
  local database=$1
  shift
  "$bin" serve \
  --listen 127.0.0.1:0 \
  --database "$database" \
  --share-dir "$share" \
  --log-level warn "$@" \
  >"$tmp/stdout" 2>"$tmp/stderr" </dev/null &
pid=$!

# Wait (up to 20 s) for: Ruamkit is serving at http://127.0.0.1:PORT/
base=""
for _ in $(seq 200); do
  base="$(tr -d '\r' <"$tmp/stdout" |
    sed -n 's#^Ruamkit is serving at \(http://127\.0\.0\.1:[0-9]\{1,5\}/\)$#\1#p' | head -n 1)"
  [[ -n $base ]] && break
  kill -0 "$pid" 2>/dev/null || die "server exited before it was ready"
  sleep 0.1
done
[[ -n $base ]] || die "server did not print its ready line within 20 s"
origin="${base%/}"

}

# Runs wrk and prints one line:
#   PATH  N req/s  p50 … p75 … p90 … p99 …  [errors]
bench() {
  local path=$1 out
  shift
  out="$tmp/wrk.$(echo "$path" | tr -c 'A-Za-z0-9' '_').txt"
  # wrk stops by itself after --duration; timeout is a backstop.
  timeout --kill-after=5s 120s \
    wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" "$origin$path" >"$out" 2>&1 ||
    { cat "$out" >&2; die "wrk failed for $path"; }
  awk -v path="$path" '
    /^ *Latency Distribution/     { dist = 1; next }
    dist && $1 == "50%"           { p50 = $2 }
    dist && $1 == "75%"           { p75 = $2 }
    dist && $1 == "90%"           { p90 = $2 }
    dist && $1 == "99%"           { p99 = $2; dist = 0 }
    /^Requests\/sec:/             { rps = $2 }
    /requests in/                 { total = $1 }
    /^ *Socket errors:/           { sub(/^ *Socket errors: */, ""); sockerr = $0 }
    /^ *Non-2xx or 3xx responses:/ { non2xx = $NF }
    END {
      if (rps == "") { print "bench/http: cannot parse wrk output for " path > "/dev/stderr"; exit 1 }
      printf "%-48s %12s req/s  p50 %9s  p75 %9s  p90 %9s  p99 %9s  (%s requests)\n",
             path, rps, p50, p75, p90, p99, total
      if (non2xx != "") printf "  WARNING: %s responses were not 2xx/3xx\n", non2xx
      if (sockerr != "") printf "  socket errors: %s\n", sockerr
    }' "$out" || { cat "$out" >&2; exit 1; }
}

