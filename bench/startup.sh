#!/usr/bin/env bash
# bench/startup.sh: wall time of unknot's quick commands against a Go
# hello-world (bench/hello), built here by the same Go, run alternately by
# hyperfine in one run so that both see the same machine. The journal is an
# empty data directory (no file: history reads nothing) and there are no
# content packs. Prints hyperfine's summary: each command as a ratio of
# hello.
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

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export UNKNOT_DATA_DIR=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/share
uptime

cmds=()
for bin in "$out/unknot" ${BEFORE:+"$BEFORE"}; do
  cmds+=("$bin --version" "$bin list --json" "$bin show doorway-chest-stretch" "$bin history --json")
done
hyperfine -N --warmup 3 -r "${RUNS:-20}" "$out/hello" "${cmds[@]}"
