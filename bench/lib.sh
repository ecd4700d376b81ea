# Shared by the benchmark scripts: sourced, not run.

# install_packages PACKAGE...: installs the Debian packages not yet installed.
install_packages() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# extract_corpus SHARED_DIR TARGET_DIR: unpacks vn-news-35k once.
extract_corpus() {
  local shared=$1 target=$2
  [[ -d $target ]] && return 0
  if [[ ! -f $shared/corpora/vn-news-35k.tar.gz ]]; then
    echo "needs $shared/corpora/vn-news-35k.tar.gz (set TINHGON_SHARED_DIR)" >&2
    return 1
  fi
  mkdir -p "$(dirname "$target")"
  tar -xzf "$shared/corpora/vn-news-35k.tar.gz" -C "$(dirname "$target")"
}

# rss_mib PID: resident memory of a process, in MiB.
rss_mib() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# start_server DB LOG: starts tinhgon-serve on a free port; sets SERVER_PID and SERVER_URL.
# The load generator's connections all come from 127.0.0.1, as a reverse
# proxy's would: the per-client cap is off, as the README advises behind a
# proxy, or it would refuse all but 16 of them and measure the refusals.
start_server() {
  local db=$1 log=$2
  build/bin/tinhgon-serve --db "$db" --port 0 --max-connections-per-client 0 >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 100); do
    SERVER_URL=$(grep -so 'http://127.0.0.1:[0-9]*' "$log" || true)
    [[ -n $SERVER_URL ]] && return 0
    sleep 0.1
  done
  echo "tinhgon-serve did not start: $(cat "$log")" >&2
  return 1
}

# wrk_figures FILE: from wrk --latency output, sets WRK_REQUESTS, WRK_RPS,
# WRK_P50, WRK_P99, WRK_NON2XX and WRK_SOCKET_ERRORS (the last two 0 when wrk
# reports none).
wrk_figures() {
  local f=$1
  WRK_REQUESTS=$(awk '/requests in/ { print $1 }' "$f")
  WRK_RPS=$(awk '/Requests\/sec/ { print $2 }' "$f")
  WRK_P50=$(awk '$1 == "50%" { print $2 }' "$f")
  WRK_P99=$(awk '$1 == "99%" { print $2 }' "$f")
  WRK_NON2XX=$(awk '/Non-2xx/ { print $NF }' "$f")
  WRK_NON2XX=${WRK_NON2XX:-0}
  WRK_SOCKET_ERRORS=$(awk -F'[ ,]+' '/Socket errors/ { print $4 + $6 + $8 + $10 }' "$f")
  WRK_SOCKET_ERRORS=${WRK_SOCKET_ERRORS:-0}
}

# write_sphinx_tsv CORPUS_DIR TSV: the corpus as Sphinx's tsvpipe reads it:
# id, title, text (tabs and line breaks made spaces), size (the text's
# length in KB: an attribute to FACET on, as tinhgon counts its facets).
# xargs may start several awk processes, so the ids are numbered after.
write_sphinx_tsv() {
  find "$1" -name '*.txt' | sort | xargs awk '
    function flush() { if (started) print title "\t" body "\t" int(length(body) / 1024) }
    FNR == 1 { flush(); started = 1; title = $0; body = ""; gsub(/\t/, " ", title); next }
    { gsub(/\t/, " "); body = body " " $0 }
    END { flush() }' | awk '{ print NR "\t" $0 }' >"$2"
}

# write_sphinx_conf CONF TSV INDEX_PATH [PORT]: a Sphinx configuration for
# that TSV: case folded over the letters of Vietnamese, no accent folding
# (Sphinx 2.2 has no ready-made Unicode table); with PORT, a searchd on
# 127.0.0.1 speaking SphinxQL there.
write_sphinx_conf() {
  local conf=$1 tsv=$2 path=$3 port=${4:-}
  cat >"$conf" <<CONF
source news {
  type = tsvpipe
  tsvpipe_command = cat $tsv
  tsvpipe_field = title
  tsvpipe_field = content
  tsvpipe_attr_uint = size
}
index news {
  source = news
  path = $path
  min_word_len = 1
  charset_table = 0..9, A..Z->a..z, _, a..z, U+C0..U+D6->U+E0..U+F6, U+D8..U+DE->U+F8..U+FE, U+DF..U+F6, U+F8..U+FF, \\
    U+100..U+137/2, U+1A0->U+1A1, U+1A1, U+1AF->U+1B0, U+1B0, U+1E00..U+1EFF/2
}
indexer {
  mem_limit = 256M
}
CONF
  [[ -n $port ]] && cat >>"$conf" <<CONF
searchd {
  listen = 127.0.0.1:$port:mysql41
  workers = threads
  listen_backlog = 128
  log = $(dirname "$path")/searchd.log
  query_log = $(dirname "$path")/query.log
  pid_file = $(dirname "$path")/searchd.pid
  binlog_path =
}
CONF
  return 0
}

# free_port: a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 20000 ))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
}

# wait_port PORT: waits up to 10 s for something to listen on 127.0.0.1:PORT.
wait_port() {
  for _ in $(seq 100); do
    (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on 127.0.0.1:$1" >&2
  return 1
}

# --- PostgreSQL, a peer of bench/index, bench/query and the relevance runs ---
# A private cluster per run: initdb in DIR/data, the server listening on a
# Unix socket only (no TCP at all, socket mode 0700), so nothing outside this
# run can reach it; trust authentication is safe behind that. Debian's initdb
# and postgres refuse to run as root, so as root they run as the postgres user
# the package creates. pg_stop is meant for an EXIT trap.

# pg_bindir: where the PostgreSQL programs are (Debian's 15, or $PG_BINDIR
# for another install); fails if absent.
pg_bindir() {
  local dir=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
  [[ -x $dir/initdb && -x $dir/pg_ctl ]] || return 1
  echo "$dir"
}

# pg_as_owner COMMAND...: runs COMMAND as the cluster's owner.
pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# pg_start DIR: creates a cluster in DIR (emptied first) and starts it, with
# the text-search configurations of bench/postgres.sql; sets PG_DIR, PG_SOCKET,
# PG_PORT and PG_CONNINFO (a libpq connection string). The tuning is the one a
# user indexing a corpus would do: more memory for shared buffers and for
# building the GIN index than the defaults (128 MB and 64 MB).
pg_start() {
  local bin
  bin=$(pg_bindir) || { echo "PostgreSQL 15 is not installed (postgresql-15)" >&2; return 1; }
  rm -rf "$1"
  mkdir -p "$1"
  PG_DIR=$(cd "$1" && pwd)
  PG_PORT=$(free_port)
  PG_SOCKET=$PG_DIR/socket
  # A Unix socket path may not exceed 107 bytes; a deep build folder gets a
  # socket directory of its own in /tmp instead, removed by pg_stop.
  if (( ${#PG_SOCKET} + 20 > 107 )); then
    PG_SOCKET=$(mktemp -d /tmp/tinhgon-pg.XXXXXX)
    echo "$PG_SOCKET" >"$PG_DIR/socket-elsewhere"
  fi
  mkdir -p "$PG_SOCKET"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$PG_DIR" "$PG_SOCKET"
    runuser -u postgres -- test -x "$PG_DIR" || {
      echo "the postgres user cannot reach $PG_DIR: use a build folder it may enter" >&2
      return 1
    }
  fi
  pg_as_owner "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # C.UTF-8, not C: under the C locale the parser takes every non-ASCII
  # character for a letter, so “quoted” words would keep their quotes.
  cat >>"$PG_DIR/data/postgresql.conf" <<CONF
listen_addresses = ''
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET'
unix_socket_permissions = 0700
max_connections = 100
shared_buffers = 256MB
maintenance_work_mem = 256MB
CONF
  pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start >/dev/null ||
    { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_CONNINFO="host=$PG_SOCKET port=$PG_PORT user=postgres dbname=postgres"
  "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$PG_CONNINFO" -f "$(dirname "${BASH_SOURCE[0]}")/postgres.sql" >/dev/null
}

# pg_restart DIR: starts again a cluster pg_start made and pg_stop stopped
# (bench/query searching what bench/index loaded); sets what pg_start sets.
pg_restart() {
  local bin
  bin=$(pg_bindir) || { echo "PostgreSQL 15 is not installed (postgresql-15)" >&2; return 1; }
  PG_DIR=$(cd "$1" && pwd)
  PG_PORT=$(awk -F' = ' '$1 == "port" { p = $2 } END { print p }' "$PG_DIR/data/postgresql.conf")
  PG_SOCKET=$(awk -F"'" '/^unix_socket_directories/ { d = $2 } END { print d }' "$PG_DIR/data/postgresql.conf")
  if [[ -f $PG_DIR/socket-elsewhere ]]; then
    mkdir -p "$PG_SOCKET"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$PG_SOCKET"
  fi
  pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start >/dev/null ||
    { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_CONNINFO="host=$PG_SOCKET port=$PG_PORT user=postgres dbname=postgres"
}

# pg_stop: stops the cluster of pg_start or pg_restart, if one runs; keeps its data.
pg_stop() {
  [[ -n ${PG_DIR:-} && -f $PG_DIR/data/postmaster.pid ]] || return 0
  pg_as_owner "$(pg_bindir)/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  [[ -f $PG_DIR/socket-elsewhere ]] && rm -rf "$(cat "$PG_DIR/socket-elsewhere")"
  return 0
}
