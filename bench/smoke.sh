#!/usr/bin/env bash
# Runs a benchmark program once on a small directory. Exits 77 (CTest: skipped)
# when the directory, which lives in ../shared, is absent.
program=$1
dir=$2
if [[ ! -d $dir ]]; then
  echo "skipped: $dir not found"
  exit 77
fi
exec "$program" "$dir" --repeat 1
