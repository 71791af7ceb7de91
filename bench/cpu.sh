#!/usr/bin/env bash
# bench/cpu.sh: CPU use of unknot during one hold, against bench/baseline, a
# minimal Bubble Tea v2 countdown (issue 7). Builds both into bench/out/, runs
# each in its own session on a private tmux server at 80x24, waits until the
# hold is counting down, then samples utime+stime (/proc/<pid>/stat) at the
# start and end of a window that lies wholly inside the hold.
#
#   bash bench/cpu.sh                     # 45 s window
#   SECONDS_WINDOW=20 bash bench/cpu.sh   # quicker
#   COLS=120 ROWS=40 TECHNIQUE=seated-cat-cow bash bench/cpu.sh  # with its figure moving
#
# --hold stops at the technique's longest hold (60 s for the posture reset),
# so the window plus its 5 s margin must stay within it.
set -euo pipefail
cd "$(dirname "$0")/.."

WINDOW=${SECONDS_WINDOW:-45}
HOLD=$((WINDOW + 5))                  # the hold outlasts the window by a margin
TECHNIQUE=${TECHNIQUE:-posture-reset} # a technique with a single hold ("holds": 1)
COLS=${COLS:-80} ROWS=${ROWS:-24}      # the session shows the figure from 100x30 (or 80x30)
HZ=$(getconf CLK_TCK)
[[ $WINDOW =~ ^[0-9]+$ && $WINDOW -ge 5 ]] || { echo "cpu.sh: SECONDS_WINDOW must be a whole number >= 5" >&2; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh

# title_secs SESSION: the countdown in the window title ("0:59 · …") in
# seconds, or -1 when the title shows no countdown.
title_secs() {
  local t
  t=$("${T[@]}" display -p -t "$1" '#{pane_title}')
  if [[ $t =~ ^([0-9]+):([0-9]{2})\  ]]; then
    echo $((10#${BASH_REMATCH[1]} * 60 + 10#${BASH_REMATCH[2]}))
  else
    echo -1
  fi
}

# wait_countdown SESSION: until the hold has ticked below its full length, so
# every window starts just after a second boundary.
wait_countdown() {
  local i s
  for ((i = 0; i < 200; i++)); do
    s=$(title_secs "$1")
    if ((s >= 0 && s < HOLD)); then return 0; fi
    sleep 0.05
  done
  die "$1: the countdown did not start"
}

# drive_unknot SESSION: safety check (all clear), stop rules, pain 3,
# nothing sharp, plan, start.
drive_unknot() {
  answer_safety "$1"
  wait_text "$1" 'How bad is the pain'
  send "$1" 3 Enter
  wait_text "$1" 'What does it feel like'
  send "$1" Enter
  wait_text "$1" 's start'
  send "$1" s
}

cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; } # utime+stime
peak_rss() { awk '/^VmHWM/ { printf "%.1f MiB", $2 / 1024 }' "/proc/$1/status"; }

declare -A CPU
rows=()

# measure NAME COMMAND...: run COMMAND in session NAME and sample one window.
measure() {
  local name=$1 pid srv c0 c1 s0 s1 t0 t1 left rss
  shift
  "${T[@]}" new-session -d -s "$name" -x "$COLS" -y "$ROWS" -- env XDG_CONFIG_HOME="$tmp/config" "$@"
  pid=$("${T[@]}" display -p -t "$name" '#{pane_pid}') # env execs, so this is the program
  [[ $(cat "/proc/$pid/comm") == "$name" ]] || pid=$(pgrep -P "$pid" -x "$name") || die "$name: no process"
  srv=$("${T[@]}" display -p '#{pid}')
  if [[ $name == unknot ]]; then drive_unknot "$name"; fi
  wait_countdown "$name"
  c0=$(cpu_ticks "$pid") s0=$(cpu_ticks "$srv") t0=$(date +%s.%N)
  sleep "$WINDOW"
  c1=$(cpu_ticks "$pid") s1=$(cpu_ticks "$srv") t1=$(date +%s.%N)
  rss=$(peak_rss "$pid")
  left=$(title_secs "$name")
  ((left > 0)) || die "$name: the hold ended inside the window"
  "${T[@]}" kill-session -t "$name"
  CPU[$name]=$(awk -v a="$c0" -v b="$c1" -v hz="$HZ" 'BEGIN { printf "%.2f", (b - a) / hz }')
  rows+=("$(awk -v n="$name" -v a="$c0" -v b="$c1" -v sa="$s0" -v sb="$s1" -v t0="$t0" -v t1="$t1" \
    -v hz="$HZ" -v rss="$rss" 'BEGIN {
      cpu = (b - a) / hz
      printf "%-9s %8.2f %12.2f %17.2f %12s", n, cpu, 100 * cpu / (t1 - t0), (sb - sa) / hz, rss }')")
}

echo "Hold: ${WINDOW} s window inside a ${HOLD} s hold ($TECHNIQUE, --lead-in 0), tmux $(tmux -V | cut -d' ' -f2) at ${COLS}x${ROWS}"
echo "Host: $(nproc) CPUs, $(uname -sr), $(go env GOVERSION), CLK_TCK=$HZ"
echo "Runs: one after the other, so the two programs never compete for CPU or for the shared tmux server."
# UNKNOT_FLAGS adds flags, e.g. --reduced-motion to still the breathing pacer.
# shellcheck disable=SC2086
measure unknot "$PWD/$out/unknot" --data-dir "$tmp/data" ${UNKNOT_FLAGS:-} session \
  --technique "$TECHNIQUE" --hold "${HOLD}s" --lead-in 0
measure baseline "$PWD/$out/baseline" -seconds "$HOLD"

echo
printf '%-9s %8s %12s %17s %12s\n' program "CPU s" "% of 1 core" "tmux server CPU s" "peak RSS"
printf '%s\n' "${rows[@]}"
awk -v u="${CPU[unknot]}" -v b="${CPU[baseline]}" -v hz="$HZ" 'BEGIN {
  if (b > 0) printf "\nunknot/baseline CPU ratio: %.1fx\n", u / b
  else printf "\nunknot/baseline CPU ratio: n/a (baseline used under one clock tick, 1/%d s)\n", hz }'
