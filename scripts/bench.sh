#!/usr/bin/env bash
# Reproduces the Performance table of the README on this machine:
#   scripts/bench.sh            (about 5 minutes on 2 cores)
# Builds the release binary, synthesises 100k and 1M listings, and reports
# keystroke latency, CLI search against fzf, start-up, seeding and memory.
# Needs: cargo; installs fzf, hyperfine and util-linux's `script` with
# apt-get when missing (rows needing a missing tool are skipped, said so).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${BENCH_DIR:-/tmp/backdesk-bench}
QUERY=${BENCH_QUERY:-payrl pune}
mkdir -p "$DIR"

have() { command -v "$1" >/dev/null 2>&1; }
if ! have fzf || ! have hyperfine; then
  if have apt-get; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y -qq fzf hyperfine >/dev/null 2>&1 \
      || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq fzf hyperfine >/dev/null 2>&1; } || true
  fi
fi

echo "== building (release)"
cargo build --release --quiet
cargo build --release --quiet --example latency
BIN=$PWD/target/release/backdesk
LAT=$PWD/target/release/examples/latency

echo "== machine"
echo "$(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') · $(free -g | awk '/Mem:/{print $2}') GiB · $(uname -sr)"

echo "== first run: seeding the shipped catalogue (5 runs)"
for i in 1 2 3 4 5; do
  rm -f "$DIR/seed.db"*
  "$BIN" --db "$DIR/seed.db" db stats 2>&1 >/dev/null | sed -n 's/.* in \([0-9]*\) ms$/\1/p'
done | sort -n | awk '{a[NR]=$1} END {printf "seeding ms: min %s median %s max %s\n", a[1], a[int((NR+1)/2)], a[NR]}'

echo "== synthesising"
for n in 100000 1000000; do
  db="$DIR/synth-$n.db"
  if [ ! -f "$db" ]; then
    "$BIN" --db "$db" db synth --listings "$n" --seed 1 2>/dev/null
  else
    echo "(reusing $db)"
  fi
done

echo "== keystroke latency (in process, 120x36 frame)"
"$LAT" --db "$DIR/seed.db" --query "$QUERY" --rounds 20
"$LAT" --db "$DIR/synth-100000.db" --query "$QUERY" --rounds 10 --dump-text "$DIR/text-100000.txt" | tee "$DIR/lat-100000.txt"
"$LAT" --db "$DIR/synth-1000000.db" --query "$QUERY" --rounds 3 --dump-text "$DIR/text-1000000.txt" | tee "$DIR/lat-1000000.txt"

echo "== cold start to first frame (5 runs each; needs a pty from 'script')"
if have script; then
  for db in "$DIR/seed.db" "$DIR/synth-1000000.db"; do
    for i in 1 2 3 4 5; do
      rm -f "$DIR/frame.txt"
      script -qec "BACKDESK_FIRST_FRAME=$DIR/frame.txt $BIN --db $db" /dev/null >/dev/null 2>&1 </dev/null || true
      cat "$DIR/frame.txt" 2>/dev/null
    done | sort -n | awk -v db="$(basename "$db")" '{a[NR]=$1} END {printf "%s: first frame ms: min %s median %s max %s\n", db, a[1], a[int((NR+1)/2)], a[NR]}'
  done
else
  echo "skipped: no 'script' command"
fi

echo "== one-shot CLI search vs fzf --filter on the same listings"
# fzf reads (a) the CSV export the issue names, about 500 bytes a listing,
# and (b) just the searchable text backdesk matches, about 126 bytes a
# listing: (b) is the fair comparison of matching work.
for n in 100000 1000000; do
  db="$DIR/synth-$n.db"
  lines="$DIR/lines-$n.csv"
  text="$DIR/text-$n.txt"
  [ -f "$lines" ] || "$BIN" --db "$db" search --format csv --limit 0 > "$lines"
  echo "-- $n listings: CSV $(wc -c < "$lines") bytes, searchable text $(wc -c < "$text") bytes"
  if have hyperfine && have fzf; then
    hyperfine --warmup 1 --runs 5 --export-json "$DIR/cli-$n.json" \
      -n backdesk "$BIN --db $db search '$QUERY' --format csv --limit 20" \
      -n fzf-csv "fzf --filter '$QUERY' < $lines" \
      -n fzf-text "fzf --filter '$QUERY' < $text" >/dev/null 2>&1 || true
    python3 - "$DIR/cli-$n.json" "$DIR/lat-$n.txt" <<'PY' || true
import json, re, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
b = r["backdesk"]
print(f"median: backdesk {b*1000:.0f} ms · fzf on CSV {r['fzf-csv']*1000:.0f} ms (ratio {b/r['fzf-csv']:.2f}) · fzf on text {r['fzf-text']*1000:.0f} ms (ratio {b/r['fzf-text']:.2f})")
m = re.search(r"in-process search .*median ([0-9.]+) ms", open(sys.argv[2]).read())
if m:
    ms = float(m.group(1))
    print(f"in-process search {ms:.1f} ms / fzf on text {r['fzf-text']*1000:.0f} ms: ratio {ms/(r['fzf-text']*1000):.3f}")
PY
  else
    echo "skipped: needs hyperfine and fzf"
  fi
done

echo "== peak RSS of a one-shot CLI search"
for n in 100000 1000000; do
  /usr/bin/time -f "$n listings: peak RSS %M KB, %e s" "$BIN" --db "$DIR/synth-$n.db" search "$QUERY" --limit 20 >/dev/null 2>"$DIR/time.txt" || true
  tail -1 "$DIR/time.txt"
done
echo "== done; criterion benchmarks: cargo bench --bench search"
