#!/usr/bin/env bash
# A read replica kept by Xapian's own replication (docs/REPLICAS.md), end to
# end on 127.0.0.1: a master updated with changesets, xapian-replicate-server
# serving its 'live' link, xapian-replicate keeping a replica, and
# tinhgon-serve on each. The replica must answer as the master does (totals
# and facet counts): at first, after a report added by tinhgon-index and one
# written through the master's API (both sent as changesets: the replica
# keeps its copy), and after a rebuild (a new database: the replica gets a
# full copy and switches to it), without restarting anything. Writers must
# refuse the replica.
#
#   replica_test.sh INDEX_BIN SERVE_BIN SAMPLES_DIR WORK_DIR
#
# Exits 0 when every check passes, 1 otherwise, 77 (skipped) without
# xapian-replicate, xapian-replicate-server or curl.
set -uo pipefail

index_bin=$1 serve_bin=$2 samples=$3 work=$4
for tool in xapian-replicate xapian-replicate-server curl timeout setsid; do
  if ! command -v "$tool" >/dev/null; then
    echo "skipped: no $tool"
    exit 77
  fi
done

# Every process this test starts dies after this long even if the test is
# killed before its trap runs; every wait gives up after wait_seconds.
readonly lifetime=150 wait_seconds=30
# Enough changesets for every commit of this test: a replica further behind
# than the changesets kept gets a full copy instead, which would hide whether
# updates travel as changesets.
readonly changesets=50
# The answers compared: every report, free text, free text with a filter.
readonly queries=("q=" "q=van+phong" "q=trung+tam&province=22" "q=sap+xep&year=2019")

pids=()
stop_all() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
}
trap stop_all EXIT
trap 'exit 1' INT TERM

failed=0
check() {  # check CONDITION_STATUS WHAT
  if [[ $1 -eq 0 ]]; then
    echo "ok: $2"
  else
    echo "FAILED: $2"
    failed=$((failed + 1))
  fi
}
die() {
  echo "FAILED: $*"
  exit 1
}

# start LOG COMMAND...: runs COMMAND in the background, bounded by lifetime.
start() {
  local log=$1
  shift
  timeout "$lifetime" "$@" >"$log" 2>&1 &
  pids+=($!)
}

now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# xapian-replicate-server takes no port 0: try free-looking ports until one
# is ours. It runs in a session of its own because on SIGTERM it kills its
# whole process group, which would otherwise be this test.
replicate_port=
start_replicate_server() {
  local port pid
  for _ in $(seq 20); do
    port=$((20000 + RANDOM % 40000))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    start "$work/replicate-server.log" setsid xapian-replicate-server -I 127.0.0.1 -p "$port" "$work/master"
    pid=${pids[-1]}
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break  # the port was taken meanwhile
      if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        replicate_port=$port
        return 0
      fi
      sleep 0.1
    done
  done
  die "xapian-replicate-server did not start: $(cat "$work/replicate-server.log")"
}

# serve NAME DB [FLAG...]: starts tinhgon-serve on a free port; sets url_NAME.
serve() {
  local name=$1 db=$2 url=
  shift 2
  start "$work/serve-$name.log" "$serve_bin" --db "$db" --host 127.0.0.1 --port 0 --access-log off "$@"
  for _ in $(seq 100); do
    url=$(grep -so 'http://127.0.0.1:[0-9]*' "$work/serve-$name.log")
    [[ -n $url ]] && break
    sleep 0.1
  done
  [[ -n $url ]] || die "tinhgon-serve on $name did not start: $(cat "$work/serve-$name.log")"
  printf -v "url_$name" '%s' "$url"
}

# answers URL: the total and the facet counts of every query, one line each
# (the hits and the time taken left out).
answers() {
  local query
  for query in "${queries[@]}"; do
    curl -s --max-time 5 "$1/api/search?$query&per_page=1" |
      sed -n 's/.*"total":\([0-9]*\),.*"facets":\(.*\),"suggestion".*/\1 \2/p'
    echo "-- $query"
  done
}
total_of_all() { answers "$1" | head -n 1 | cut -d' ' -f1; }
health_field() {  # health_field URL FIELD: a string field of /healthz
  curl -s --max-time 5 "$1/healthz" | sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p"
}

# wait_follow WHAT: waits until the replica answers every query as the
# master does; says how long that took, or how the answers still differ.
wait_follow() {
  local what=$1 begin
  begin=$(now)
  local deadline=$((SECONDS + wait_seconds))
  while ((SECONDS < deadline)); do
    if [[ $(answers "$url_replica") == "$(answers "$url_master")" ]]; then
      echo "ok: the replica followed $what in $(since "$begin") s"
      return 0
    fi
    sleep 0.2
  done
  echo "FAILED: the replica did not follow $what within $wait_seconds s (first 100 characters of each answer:)"
  diff <(answers "$url_master" | grep -o "^.\{0,100\}") <(answers "$url_replica" | grep -o "^.\{0,100\}")
  failed=$((failed + 1))
  return 1
}

rm -rf "$work"
mkdir -p "$work/added"

# The master as docs/REPLICAS.md builds it: a rebuild (which writes no
# changesets: replicas get it whole), then updates with changesets.
"$index_bin" --db "$work/master" --rebuild "$samples" >"$work/index.log" 2>&1 ||
  die "indexing the samples failed: $(cat "$work/index.log")"
start_replicate_server

# The first copy before tinhgon-serve starts on the replica, then the client
# that keeps it: every second, applying consecutive changesets a second apart
# (tinhgon's searchers reopen at every search; Xapian's default waits 30 s
# for readers between changesets).
timeout "$wait_seconds" xapian-replicate -h 127.0.0.1 -p "$replicate_port" -m live -o -q "$work/replica" ||
  die "the first copy failed"
start "$work/replicate.log" xapian-replicate -h 127.0.0.1 -p "$replicate_port" -m live -i 1 -r 1 -t 10 \
  "$work/replica"
# The master's server takes writes, which must leave changesets too.
head -c 24 /dev/urandom | base64 >"$work/token"
serve master "$work/master" --write-token-file "$work/token" --changesets "$changesets"
serve replica "$work/replica"

documents=$(total_of_all "$url_master")
[[ -n $documents && $documents -gt 0 ]] || die "the master answers no report"
[[ $(answers "$url_replica") == "$(answers "$url_master")" ]]
check $? "the replica answers as the master ($documents reports)"
[[ $(curl -s --max-time 5 "$url_replica/healthz") == *'"current":true'* ]]
check $? "the replica holds the master's analysis fingerprint"
copy=$(health_field "$url_replica" generation)
[[ $copy == replica_* ]]
check $? "the replica serves xapian-replicate's copy ($copy)"

# An incremental update: one report more, sent as a changeset.
sample=$(find "$samples" -name '*.txt' | sort | head -n 1)
cp "$sample" "$work/added/replica-probe.txt"
"$index_bin" --db "$work/master" --changesets "$changesets" "$work/added" >>"$work/index.log" 2>&1 ||
  die "the incremental update failed: $(tail -n 3 "$work/index.log")"
[[ $(total_of_all "$url_master") -eq $((documents + 1)) ]]
check $? "the master has the added report"
if wait_follow "an incremental update"; then
  [[ $(health_field "$url_replica" generation) == "$copy" ]]
  check $? "the update came as a changeset (the replica kept $copy)"
fi
copy=$(health_field "$url_replica" generation)

# A write through the HTTP API of the master, sent as a changeset too.
status=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -X POST \
  -H "Authorization: Bearer $(cat "$work/token")" "$url_master/api/documents" \
  -d '{"id": "replica-probe-2", "title": "Yên Thế sáp nhập xã", "text": "UBND huyện Yên Thế, tỉnh Bắc Giang sáp nhập xã Đồng Hưu vào xã Tiến Thắng.", "date": "2025-03-01"}')
[[ $status == 201 ]]
check $? "the master takes a write through its API ($status)"
if wait_follow "a write through the API"; then
  [[ $(health_field "$url_replica" generation) == "$copy" ]]
  check $? "the write came as a changeset (the replica kept $copy)"
fi
copy=$(health_field "$url_replica" generation)

# A rebuild from a subset: a new generation, with a new UUID, behind 'live'.
mapfile -t subset < <(find "$samples" -name '*.html' | sort)
"$index_bin" --db "$work/master" --changesets "$changesets" --rebuild "${subset[@]}" >>"$work/index.log" 2>&1 ||
  die "the rebuild failed: $(tail -n 3 "$work/index.log")"
rebuilt=$(total_of_all "$url_master")
[[ $rebuilt -gt 0 && $rebuilt -lt $documents ]]
check $? "the master serves the rebuilt subset ($rebuilt reports)"
if wait_follow "a rebuild"; then
  [[ $(health_field "$url_replica" generation) != "$copy" ]]
  check $? "the rebuild came as a full copy (the replica swapped $copy for $(health_field "$url_replica" generation))"
fi

# Writes belong to the master.
refusal=$(timeout 10 "$serve_bin" --db "$work/replica" --port 0 --write-token-file "$work/token" 2>&1)
[[ $refusal == *"read replica"* ]]
check $? "tinhgon-serve refuses writes on a replica"
refusal=$(timeout 10 "$index_bin" --db "$work/replica" "$work/added" 2>&1)
[[ $refusal == *"read replica"* ]]
check $? "tinhgon-index refuses to write a replica"

if ((failed > 0)); then
  echo "replica test: $failed check(s) failed; logs in $work"
  exit 1
fi
echo "replica test: every check passed"
