#!/usr/bin/env bash
# Runs each fuzz target for a fixed number of executions.
#
#   scripts/fuzz.sh            # every target, RUNS executions each (default 200000)
#   RUNS=1000000 scripts/fuzz.sh jsonld csv
#   RUNS=200000 scripts/fuzz.sh config query
#
# Targets: jsonld, html, csv (the importer's parsers), markup (saved pages
# with microdata and RDFa items, with fuzz/markup.dict), csv_dialects (CSVs
# in the columns of JobSpy, Naukri scrapes and Glassdoor exports, with
# fuzz/csv_dialects.dict), config (the config file: parsing, start-up,
# writing the profile back) and query (search text, filter values,
# saved-search JSON, run through the engine).
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). cargo-fuzz wants nightly
# flags; on a stable toolchain RUSTC_BOOTSTRAP=1 lets them through.
# Each target starts from its seeds (below) and keeps what it learns in
# fuzz/corpus/TARGET (not committed); fuzz/TARGET.dict, when there is one,
# is its dictionary. A crash is saved under fuzz/artifacts/TARGET: copy it
# to the regressions folder named below so `cargo test` keeps checking it.
#
#   target              seeds                                regressions
#   jsonld, html, csv,  tests/fixtures/import                tests/fixtures/import/fuzz-regressions
#   markup, csv_dialects
#   config              tests/fixtures/fuzz/config,          tests/fixtures/fuzz/config/regressions
#                       config.example.toml
#   query               tests/fixtures/fuzz/query            tests/fixtures/fuzz/query/regressions
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-200000}"
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(jsonld html csv markup csv_dialects config query)

command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz is missing: cargo install cargo-fuzz" >&2; exit 1; }

for t in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  case "$t" in
    jsonld | html | csv | markup | csv_dialects) seeds=(tests/fixtures/import) ;;
    config)
      cp config.example.toml fuzz/corpus/config/config.example.toml
      seeds=(tests/fixtures/fuzz/config) ;;
    query) seeds=(tests/fixtures/fuzz/query) ;;
    *) echo "unknown target $t" >&2; exit 2 ;;
  esac
  # Builds are optimised with debug assertions and overflow checks on
  # (cargo fuzz's default; --release would turn them off). query runs the
  # search engine several times an input, so it goes without
  # AddressSanitizer: the code is safe Rust, bounds checks stay.
  san=()
  [ "$t" = query ] && san=(-s none)
  dict=()
  [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  echo "== fuzz $t: $RUNS runs"
  start=$(date +%s)
  log="fuzz/fuzz-$t.log"
  if RUSTC_BOOTSTRAP=1 cargo fuzz run "${san[@]}" "$t" "fuzz/corpus/$t" "${seeds[@]}" -- \
    -runs="$RUNS" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    "${dict[@]}" >"$log" 2>&1; then
    status=0
  else
    status=$?
  fi
  grep -E 'Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb|ERROR|panicked|SUMMARY' "$log" || true
  echo "== fuzz $t: exit $status in $(( $(date +%s) - start ))s"
  [ "$status" -eq 0 ] || { echo "see $log" >&2; exit "$status"; }
done
