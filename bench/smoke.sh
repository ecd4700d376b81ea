#!/usr/bin/env bash
# Runs a benchmark program once on small input from ../shared. Exits 77
# (CTest: skipped) when that input is absent.
#   smoke.sh PROGRAM INPUT [ARGS...]
program=$1
input=$2
shift 2
if [[ ! -e $input ]]; then
  echo "skipped: $input not found"
  exit 77
fi
exec "$program" "$input" "$@"
