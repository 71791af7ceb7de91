#!/usr/bin/env bash
# bench/startup.sh: wall time of unknot's quick commands against a Go
# hello-world (bench/hello), built here by the same Go, run alternately by
# hyperfine in one run so that both see the same machine. The journal is an
# empty data directory (no file: history reads nothing) and there are no
# content packs. Also times the floor: bench/baseline's floor build run with
# -exit, which initialises every library unknot uses (and its journal
# package) and exits, the least any unknot command can take. Prints
# hyperfine's summary: each command as a ratio of hello.
#
#   bash bench/startup.sh              # 20 runs each
#   RUNS=40 bash bench/startup.sh
#   BEFORE=/tmp/unknot-old bash bench/startup.sh   # and another build's, in the same run
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "startup.sh: hyperfine is not installed" >&2; exit 1; }

out=bench/out
mkdir -p "$out"
go build -o "$out/hello" ./bench/hello
go build -o "$out/unknot" .
# The floor: every library unknot uses, initialised, and nothing else
# (bench/baseline/floor.go, run with -exit).
go build -tags floor -o "$out/floor" ./bench/baseline

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export UNKNOT_DATA_DIR=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/share
uptime

cmds=()
for bin in "$out/unknot" ${BEFORE:+"$BEFORE"}; do
  cmds+=("$bin --version" "$bin list --json" "$bin show doorway-chest-stretch" "$bin history --json")
done
# unknot status (this build only: an older one may not have it), with a
# nudge state file in place; STATUS_DATA points it at a real data directory.
if [ -n "${STATUS_DATA:-}" ]; then export UNKNOT_DATA_DIR=$STATUS_DATA; else
  mkdir -p "$UNKNOT_DATA_DIR"
  printf '{"state":{"anchor":"%s"}}' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$UNKNOT_DATA_DIR/nudge.json"
fi
cmds+=("$out/unknot status")
hyperfine -N --warmup 3 -r "${RUNS:-20}" "$out/hello" "$out/floor -exit" "${cmds[@]}"
