#!/usr/bin/env bash
# bench/mem.sh: peak memory (maximum resident set size) of whole unknot
# processes, against bench/baseline, a minimal Bubble Tea v2 countdown
# (issue 7; target: under 25 MB over a full session). Builds into
# bench/out/ and runs each program under /usr/bin/time on a private tmux
# server at 80x24:
#
#   session   unknot session on a fresh journal: the safety check, the whole
#             intake, the plan, every hold (2 s each) and the finish questions
#   history   unknot's home screen, then the history screen with that session
#   list      unknot list --json (no terminal)
#   baseline  the baseline counting down 3 s
#   floor     the baseline's floor build (bench/baseline/floor.go): the same
#             countdown linked with every library unknot uses, with unknot's
#             journal open; what those choices cost before any screen of
#             unknot's runs
#
#   bash bench/mem.sh
#   BEFORE=/tmp/unknot-old bash bench/mem.sh   # and another build's session, in the same run
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
need /usr/bin/time time
unknot=("$PWD/$out/unknot" --data-dir "$tmp/data" --no-voice)

# start NAME COMMAND...: run COMMAND under /usr/bin/time in session NAME;
# "DONE" shows once it has exited.
start() {
  local name=$1
  shift
  "${T[@]}" new-session -d -s "$name" -x 80 -y 24 \
    "env XDG_CONFIG_HOME=$tmp/config /usr/bin/time -f %M -o $tmp/$name.rss $(printf '%q ' "$@"); echo DONE; sleep 86400"
}

# peak NAME: the maximum resident set size in MiB, once NAME has exited.
peak() {
  wait_text "$1" '^DONE' 600
  awk '{ printf "%.1f", $1 / 1024 }' "$tmp/$1.rss"
}

# session NAME BINARY: the full session on a fresh journal; prints its peak.
session() {
  local s=$1
  rm -rf "$tmp/data"
  start "$s" "$2" --data-dir "$tmp/data" --no-voice session --hold 2s --lead-in 0
  answer_safety "$s"
  wait_text "$s" 'Where does it hurt'
  send "$s" Enter # between the shoulder blades
  wait_text "$s" 'How bad is the pain'
  send "$s" 5 Enter
  wait_text "$s" 'What does it feel like'
  send "$s" 2 Enter # knotted
  wait_text "$s" 'How long have you had it'
  send "$s" Enter
  wait_text "$s" 'What makes it worse'
  send "$s" 1 Enter # desk work
  wait_text "$s" 'Where are you'
  send "$s" Enter # room on the floor
  wait_text "$s" 'What do you have to hand'
  send "$s" 6 Enter # a wall
  wait_text "$s" 'How much time do you have'
  send "$s" 2 # 5 minutes
  wait_text "$s" 'How much pressure'
  send "$s" Enter
  wait_text "$s" 's start'
  send "$s" s
  wait_text "$s" 'Session complete' 2400 # 2 min: every hold is 2 s
  send "$s" 2 Enter
  wait_text "$s" 'Anything to note'
  send "$s" Enter
  wait_text "$s" 'Down 3 points'
  send "$s" Enter
  peak "$s"
}

if [[ -n ${BEFORE:-} ]]; then
  before=$(session before "$BEFORE")
fi
session=$(session session "$PWD/$out/unknot")

start history "${unknot[@]}"
wait_text history 'Last session:'
send history Down Down Down Down Down Enter # past repeat, start, desk break, routines, browse
wait_text history 'What helps you'
send history q q
history=$(peak history)

/usr/bin/time -f %M -o "$tmp/list.rss" "${unknot[@]}" list --json >/dev/null
list=$(awk '{ printf "%.1f", $1 / 1024 }' "$tmp/list.rss")

start baseline "$PWD/$out/baseline" -seconds 3
baseline=$(peak baseline)

go build -tags floor -o "$out/floor" ./bench/baseline
start floor "$PWD/$out/floor" -data "$tmp/floor" -seconds 3
floor=$(peak floor)

echo "Peak resident set size (/usr/bin/time %M), tmux $(tmux -V | cut -d' ' -f2) at 80x24"
echo "Host: $(nproc) CPUs, $(uname -sr), $(go env GOVERSION)"
echo
printf '%-9s %9s %9s\n' run "peak MiB" "peak MB"
for row in ${before:+"before $before"} "session $session" "history $history" "list $list" "baseline $baseline" "floor $floor"; do
  set -- $row
  awk -v n="$1" -v m="$2" 'BEGIN { printf "%-9s %9.1f %9.1f\n", n, m, m * 1.048576 }'
done
echo
if [[ -n ${before:-} ]]; then
  awk -v s="$before" -v b="$baseline" 'BEGIN { printf "before session/baseline: %.2fx\n", s / b }'
fi
awk -v s="$session" -v b="$baseline" 'BEGIN { printf "unknot session/baseline: %.2fx\n", s / b }'
awk -v s="$floor" -v b="$baseline" 'BEGIN { printf "floor/baseline: %.2fx\n", s / b }'
