#!/usr/bin/env bash
# bench/firstframe.sh: time from starting unknot in a tmux pane to its
# first full Home frame, against the time from starting bench/hello (a Go
# hello-world) to its line showing, run alternately on a private tmux
# server at 80x24. Each run creates the pane (tmux starts the command
# through sh) and polls capture-pane without pausing until the text shows,
# so both figures include the pane's start and one poll (a few ms). The
# journal is one empty journal (made by a first run, not timed) and there
# are no packs. Prints the median and range of each, and the ratio of the
# medians.
#
#   bash bench/firstframe.sh           # 15 runs each
#   RUNS=30 bash bench/firstframe.sh
#   BEFORE=/tmp/unknot-old bash bench/firstframe.sh   # a third: another build
#   JOURNAL=DIR [JOURNAL2=DIR2] bash bench/firstframe.sh
#       unknot on a copy of the journal in DIR (and a third series on DIR2),
#       until Home also shows the last session; fill one with
#       go test ./internal/journal -run TestFillJournal -fill-dir DIR -fill N
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
go build -o "$out/hello" ./bench/hello
RUNS=${RUNS:-15}
env=(-e "XDG_CONFIG_HOME=$tmp/config" -e "XDG_DATA_HOME=$tmp/share")
if [[ -n ${JOURNAL:-} ]]; then cp -r "$JOURNAL" "$tmp/data"; fi
if [[ -n ${JOURNAL2:-} ]]; then cp -r "$JOURNAL2" "$tmp/data2"; fi

# once COMMAND REGEX [DATA]: microseconds from creating the pane to REGEX
# on it, with the journal in DATA (default $tmp/data).
once() {
  local t0 t1 i
  "${T[@]}" kill-session -t ff 2>/dev/null || true
  t0=$(date +%s%N)
  "${T[@]}" new-session -d -s ff -x 80 -y 24 "${env[@]}" -e "UNKNOT_DATA_DIR=${3:-$tmp/data}" "$1; sleep 86400"
  for ((i = 0; i < 20000; i++)); do
    if "${T[@]}" capture-pane -p -t ff | tr '\n' ' ' | grep -qE -- "$2"; then
      t1=$(date +%s%N)
      "${T[@]}" kill-session -t ff
      echo $(((t1 - t0) / 1000))
      return 0
    fi
  done
  screen ff >&2
  die "timed out waiting for /$2/"
}

# median FILE: the median of its numbers; range FILE: "min–max" in ms.
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { sort -n "$1" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.1f–%.1f", lo / 1000, hi / 1000 }'; }

# Home is full when its menu and its help line are both drawn (and, with
# a journal, the last session).
home='Start a session.*quit'
if [[ -n ${JOURNAL:-} ]]; then home='Start a session.*Last session:.*quit'; fi
once "$PWD/$out/unknot" "$home" >/dev/null # makes the journal, or its tally
if [[ -n ${JOURNAL2:-} ]]; then once "$PWD/$out/unknot" "$home" "$tmp/data2" >/dev/null; fi
uptime
for ((r = 0; r < RUNS; r++)); do
  once "$PWD/$out/hello" 'hello, world' >>"$tmp/hello.us"
  once "$PWD/$out/unknot" "$home" >>"$tmp/unknot.us"
  if [[ -n ${BEFORE:-} ]]; then once "$BEFORE" "$home" >>"$tmp/before.us"; fi
  if [[ -n ${JOURNAL2:-} ]]; then once "$PWD/$out/unknot" "$home" "$tmp/data2" >>"$tmp/journal2.us"; fi
done
h=$(median "$tmp/hello.us")
for name in hello unknot ${BEFORE:+before} ${JOURNAL2:+journal2}; do
  m=$(median "$tmp/$name.us")
  awk -v n="$name" -v m="$m" -v h="$h" -v r="$(range "$tmp/$name.us")" -v runs="$RUNS" \
    'BEGIN { printf "%-7s median %6.1f ms (%s over %d runs)  %.1fx hello\n", n, m / 1000, r, runs, m / h }'
done
