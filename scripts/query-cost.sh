#!/usr/bin/env bash
# Instructions one search costs (callgrind's Ir inside Index::search_with),
# a measure that does not move with the machine's load, unlike wall time:
#   scripts/query-cost.sh                 this checkout
#   BASE=/path/to/other/checkout scripts/query-cost.sh   both, side by side
# SIZE rows of synthetic listings (default 20,000). Needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${SIZE:-20000}
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
QUERIES=("" "a" "pay" "payrl pune" "data entry" "accountants" "computer operator"
  "back office jobs" "hr jobs mumbai" "data entry fresher wfh" "accounts job 20000")

build() { (cd "$1" && cargo build --release --quiet --example query_cost) && echo "$1/target/release/examples/query_cost"; }
cost() {
  local out; out=$(mktemp)
  SIZE=$SIZE valgrind --tool=callgrind --callgrind-out-file="$out" \
    --toggle-collect='*search_with*' "$1" "$2" 1 >/dev/null 2>&1
  callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); printf "%.1fM", $1 / 1e6; exit}'
  rm -f "$out"
}
NEW=$(build "$PWD")
OLD=""
[ -n "${BASE:-}" ] && OLD=$(build "$BASE")
echo "| query | ${OLD:+base | }this | "
echo "|---|${OLD:+---|}---|"
for q in "${QUERIES[@]}"; do
  echo "| \"$q\" | ${OLD:+$(cost "$OLD" "$q") | }$(cost "$NEW" "$q") |"
done
