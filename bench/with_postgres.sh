#!/usr/bin/env bash
# Runs a benchmark program against a private PostgreSQL cluster started in
# WORK_DIR (bench/lib.sh's pg_start), its connection string appended to the
# program's arguments as --pg CONNINFO, and stops the cluster after. Exits 77
# (CTest: skipped) when PostgreSQL 15 is not installed, so a smoke test that
# cannot reach the PostgreSQL path is reported skipped, never passed.
#   with_postgres.sh WORK_DIR PROGRAM [ARGS...]
set -euo pipefail
work=$1
shift
source "$(dirname "$0")/lib.sh"
if ! pg_bindir >/dev/null; then
  echo "skipped: PostgreSQL 15 is not installed (postgresql-15)"
  exit 77
fi
trap pg_stop EXIT
pg_start "$work"
"$@" --pg "$PG_CONNINFO"
