#!/usr/bin/env bash
# Writes scripts/startup-order.txt: the functions that every start runs, for the release link
# (Package.swift passes it to lld as --symbol-ordering-file, docs/PERFORMANCE.md "Start-up").
#
# The kernel maps a program's file pages 64 KiB at a time around each page it touches, so code
# that starts the program, spread over a 15 MB text, costs megabytes of resident memory. Laid out
# together, it costs a few hundred kilobytes. The list is what callgrind saw run in the everyday
# commands and the dashboard (first frame and a few keys), in that order, after the protocol
# conformance descriptors that every dynamic cast scans. A function missing from a stale list is
# only placed later; a name no longer in the binary is ignored.
#
# Usage: scripts/startup-order.sh [RELEASE_BINARY]   (needs valgrind and tmux)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build-release/release/digitrack-tui}
work=$(mktemp -d)
trap 'tmux kill-session -t digitrack-order 2>/dev/null || true; rm -rf "$work"' EXIT

# valgrind 3.19 cannot read Swift 6's DWARF 5: a copy without debug information.
strip --strip-debug -o "$work/dt" "$binary"
"$work/dt" generate --provinces 34 --communes 3321 --criteria 40 --snapshots 3 -o "$work/x1.json" >/dev/null

run=0
profile() {
  run=$((run + 1))
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/cg.$run" "$work/dt" "$@" >/dev/null 2>&1 || true
}
profile --version
profile validate "$work/x1.json"
for view in matrix overview; do
  profile export --data "$work/x1.json" --view "$view" --width 200 -o /dev/null
done
profile export --data "$work/x1.json" --view province --province P0001 --width 100 -o /dev/null
profile export --lang en --data "$work/x1.json" --format json -o /dev/null
profile export --data "$work/x1.json" --format csv -o /dev/null
profile export -o /dev/null

# The dashboard on a 200x60 terminal: the first frame, then the everyday keys.
run=$((run + 1))
tmux new-session -d -s digitrack-order -x 200 -y 60 \
  "valgrind --tool=callgrind --demangle=no --callgrind-out-file=$work/cg.$run $work/dt --data $work/x1.json 2>/dev/null"
for _ in $(seq 1 120); do
  tmux capture-pane -p -t digitrack-order 2>/dev/null | grep -q "02-KH/BCĐTW" && break
  sleep 0.5
done
for key in Down Down Enter Escape Tab Tab Down Enter Escape t t d d "[" "]" "?" Escape; do
  tmux send-keys -t digitrack-order "$key"
  sleep 0.3
done
tmux send-keys -t digitrack-order q
for _ in $(seq 1 60); do [ -s "$work/cg.$run" ] && break; sleep 0.5; done
sleep 1
for profile in $(seq 1 "$run"); do
  [ -s "$work/cg.$profile" ] || { echo "startup-order: run $profile left no profile" >&2; exit 1; }
done

nm "$binary" >"$work/nm.txt"
python3 - "$work" "$run" >scripts/startup-order.txt <<'PY'
import collections, re, sys
work, runs = sys.argv[1], int(sys.argv[2])
count = collections.Counter()
descriptors = []
for line in open(f"{work}/nm.txt"):
    parts = line.split()
    if len(parts) == 3:
        count[parts[2]] += 1
        if parts[2].endswith("Mc"):
            descriptors.append(parts[2])
order, seen = [], set()
for run in range(1, runs + 1):
    for line in open(f"{work}/cg.{run}", errors="replace"):
        match = re.match(r"c?fn=\(\d+\) (\S+)$", line)
        # Names in the binary once only: a local name that several files use (outlined copies)
        # would pull every one of them forward.
        if match and count[match.group(1)] == 1 and match.group(1) not in seen:
            seen.add(match.group(1))
            order.append(match.group(1))
for name in sorted(set(descriptors)) + order:
    print(name)
PY
echo "scripts/startup-order.txt: $(wc -l <scripts/startup-order.txt) symbols from $run runs; SwiftPM does not track the list: rm $binary before the release build relinks it" >&2
