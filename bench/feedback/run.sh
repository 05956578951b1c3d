#!/usr/bin/env bash
# Feedback cases over HTTP, on a database with a million cases.
#
#   bench/feedback/run.sh BIN [SHARE_DIR]
#
# Migrates and seeds a temporary database, fills it with FEEDBACK_CASES cases
# (1,000,000) with bench/feedback_bench (which also times the queue queries
# in the process), starts BIN on it, then measures with wrk:
#   - the officials' queue page of the department, signed in (median, p99);
#   - sustained intake: reports of a signed-in citizen POSTed to /feedback/reports, each
#     acknowledged with 303 only after its transaction is durably committed
#     (SQLite WAL, synchronous=FULL); the cases stored are counted after.
set -euo pipefail

usage() { echo "usage: $0 BIN [SHARE_DIR]" >&2; exit 2; }
die() { echo "bench/feedback: $*" >&2; exit 1; }

(($# >= 1 && $# <= 2)) || usage
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
bin="$(realpath -e -- "$1" 2>/dev/null)" || die "no such binary: $1"
share="$(realpath -e -- "${2:-$root}" 2>/dev/null)" || die "no such share dir: ${2:-$root}"
filler="$(dirname "$bin")/bench/feedback_bench"
[[ -x $filler ]] || die "no $filler (configure with -DRUAMKIT_BENCH=ON)"
command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 not found (apt-get install sqlite3)"
cases="${FEEDBACK_CASES:-1000000}"

source "$root/bench/http/lib.sh"

db="$tmp/feedback.db"
"$bin" migrate --database "$db" >/dev/null
"$bin" seed-demo --database "$db" --share-dir "$share" >/dev/null
"$filler" "$db" "$cases" >"$tmp/filled" || die "feedback_bench failed"
cookie="$(sed -n 's/^official=//p' "$tmp/filled")"
citizen="$(sed -n 's/^citizen=//p' "$tmp/filled")"
organisation="$(sed -n 's/^organisation=//p' "$tmp/filled")"

start_server "$db" --uploads-dir "$tmp/uploads"
echo "ruamkit: $bin, $cases cases"
echo "wrk:     -t$threads -c$connections -d$duration --latency, on $(nproc) cores shared with the server"
echo

curl -fsS --max-time 10 -o /dev/null -H "Cookie: $cookie" \
  "${origin}/manage/organisations/$organisation/feedback" || die "the queue page failed"
bench "/manage/organisations/$organisation/feedback" -H "Cookie: $cookie"
bench "/manage/organisations/$organisation/feedback?status=all&page=11" -H "Cookie: $cookie"

# Intake, by a signed-in citizen (anonymous reports are limited per network):
# the form gives the CSRF cookie and token and a category.
curl -fsS --max-time 10 -b "$citizen" -c "$tmp/jar" -o "$tmp/form.html" "${origin}/organisations/pcd/feedback" ||
  die "the report form failed"
token="$(grep -o 'name="csrf_token" value="[^"]*"' "$tmp/form.html" | head -n 1 | sed 's/.*value="//; s/"$//')"
category="$(grep -o '<option value="[0-9]*"' "$tmp/form.html" | head -n 1 | grep -o '[0-9]*')"
# (curl writes HttpOnly cookies as "#HttpOnly_host …")
csrf_cookie="$(awk '(!/^#/ || /^#HttpOnly_/) && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$tmp/jar")"
[[ -n $token && -n $category ]] || die "no CSRF token or category in the form"
cookies="$citizen${csrf_cookie:+; $csrf_cookie}"
cat >"$tmp/intake.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$cookies"
wrk.body = "organisation=pcd&category=$category&csrf_token=$token&description=" ..
  "%E0%B9%84%E0%B8%9F%E0%B8%96%E0%B8%99%E0%B8%99%E0%B8%94%E0%B8%B1%E0%B8%9A%E0%B8%97%E0%B8%B1%E0%B9%89%E0%B8%87%E0%B8%8B%E0%B8%AD%E0%B8%A2" ..
  "&address=%E0%B8%8B%E0%B8%AD%E0%B8%A2+50&lat=13.75&lon=100.5"
LUA
before="$(sqlite3 "$db" 'SELECT COUNT(*) FROM feedback_cases')"
bench "/feedback/reports" -s "$tmp/intake.lua"
after="$(sqlite3 "$db" 'SELECT COUNT(*) FROM feedback_cases')"
seconds="${duration%s}"
echo "intake: $((after - before)) cases stored in ${duration} ($(((after - before) / seconds)) cases/s durably stored)"
