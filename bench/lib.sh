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
start_server() {
  local db=$1 log=$2
  build/bin/tinhgon-serve --db "$db" --port 0 >"$log" 2>&1 &
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
