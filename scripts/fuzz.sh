#!/usr/bin/env bash
# Runs each import fuzz target for a fixed number of executions.
#
#   scripts/fuzz.sh            # RUNS executions per target (default 200000)
#   RUNS=1000000 scripts/fuzz.sh jsonld csv
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). cargo-fuzz wants nightly
# flags; on a stable toolchain RUSTC_BOOTSTRAP=1 lets them through.
# Each target starts from the fixtures in tests/fixtures/import and keeps
# what it learns in fuzz/corpus/TARGET (not committed). A crash is saved
# under fuzz/artifacts/TARGET: copy it to
# tests/fixtures/import/fuzz-regressions/ so `cargo test` keeps checking it.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-200000}"
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(jsonld html csv)

command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz is missing: cargo install cargo-fuzz" >&2; exit 1; }

for t in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "== fuzz $t: $RUNS runs"
  start=$(date +%s)
  log="fuzz/fuzz-$t.log"
  if RUSTC_BOOTSTRAP=1 cargo fuzz run --release "$t" "fuzz/corpus/$t" tests/fixtures/import -- \
    -runs="$RUNS" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    status=0
  else
    status=$?
  fi
  grep -E 'Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb|ERROR|panicked|SUMMARY' "$log" || true
  echo "== fuzz $t: exit $status in $(( $(date +%s) - start ))s"
  [ "$status" -eq 0 ] || { echo "see $log" >&2; exit "$status"; }
done
