# bench/lib.sh: what bench/cpu.sh and bench/mem.sh share: both programs
# built into bench/out, a private tmux server at 80x24, screen polling, and
# driving unknot's safety check. Source it from the repository root after
# `set -euo pipefail`; it sets out, T, tmp and a cleanup trap.

T=(tmux -L unknot-bench -f /dev/null) # private socket, no user tmux.conf

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

# need COMMAND PACKAGE: install PACKAGE when COMMAND is missing (as root).
need() {
  command -v "$1" >/dev/null && return 0
  [[ $(id -u) == 0 ]] || die "$1 is not installed (apt-get install $2)"
  apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
}
need tmux tmux

out=bench/out
mkdir -p "$out"
go build -o "$out/unknot" .
go build -o "$out/baseline" ./bench/baseline

tmp=$(mktemp -d)
cleanup() { "${T[@]}" kill-server 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# A fresh server, kept alive between runs by an idle session.
if "${T[@]}" kill-server 2>/dev/null; then sleep 0.5; fi
"${T[@]}" new-session -d -s idle -x 80 -y 24 sleep 86400

screen() { "${T[@]}" capture-pane -p -t "$1"; }
send() { "${T[@]}" send-keys -t "$1" "${@:2}"; }

# wait_text SESSION REGEX [TRIES]: poll the screen every 50 ms (default 10 s).
wait_text() {
  local i
  for ((i = 0; i < ${3:-200}; i++)); do
    if screen "$1" | grep -qE -- "$2"; then return 0; fi
    sleep 0.05
  done
  screen "$1" >&2
  die "$1: timed out waiting for /$2/"
}

# answer_safety SESSION: the safety check all clear, one step at a time
# (age 20 to 50, "no" or "none of these", no cautions), then past the stop
# rules.
answer_safety() {
  local s=$1 n=0 prev i
  wait_text "$s" 'Safety check|when to stop|About today'
  until screen "$s" | grep -qE 'when to stop|About today'; do
    ((++n <= 20)) || die "$s: the safety check did not end after 20 answers"
    prev=$(screen "$s")
    case $prev in
      *"How old are you?"*) send "$s" 2 ;;
      *"Cautions:"*) send "$s" Enter ;;
      *) send "$s" n ;;
    esac
    for ((i = 0; i < 100; i++)); do # wait for the next question
      [[ $(screen "$s") != "$prev" ]] && break
      sleep 0.05
    done
  done
  # The full stop rules the first time; a one-line reminder later.
  if screen "$s" | grep -qF 'when to stop'; then send "$s" Enter; fi
}
