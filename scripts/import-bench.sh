#!/usr/bin/env bash
# Import speed from 1,000 to 100,000 postings, CSV and saved pages (HTML
# with one JSON-LD block a posting), into a fresh database each time:
#   scripts/import-bench.sh              (about 2 minutes on 2 cores)
#   SIZES="1000 10000" scripts/import-bench.sh
# Prints seconds per run and per 1,000 postings; the README's Reliability
# section quotes its figures. Needs: cargo, awk.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${BENCH_DIR:-/tmp/backdesk-import-bench}
SIZES=${SIZES:-"1000 5000 20000 40000 100000"}
mkdir -p "$DIR"

cargo build --release --quiet
BIN=$PWD/target/release/backdesk

# N postings, deterministic: titles, cities and 300 companies in turn
gen() { # gen N csv|html
  awk -v n="$1" -v kind="$2" 'BEGIN {
    split("Data Entry Operator|Accounts Executive|Payroll Executive|HR Executive|MIS Executive|KYC Analyst|Back Office Executive|Billing Executive|Customer Support (Non-Voice)|IT Support Engineer", t, "|")
    split("Pune|Mumbai|Bengaluru|Hyderabad|Chennai|Noida|Jaipur|Indore|Kochi|Nagpur", c, "|")
    split("Excel;Tally;Typing|GST;Tally;Excel|SAP;Payroll;Excel|KYC;English;MIS|Data Entry;Typing;English", s, "|")
    if (kind == "csv") print "identifier,title,company,city,salary,experience,skills,posted,description,url"
    else print "<html><head><title>jobs</title>"
    for (i = 0; i < n; i++) {
      title = t[i % 10 + 1]; city = c[int(i / 10) % 10 + 1]; co = "Acme Back Office " (i % 300) " Pvt Ltd"
      lo = 12000 + (i % 28) * 1000; hi = lo + 2000 + (i % 13) * 1000; sk = s[i % 5 + 1]
      if (kind == "csv")
        printf "job-%d,%s,%s,%s,%d-%d,%d-%d years,%s,2026-11-%02d,\"%s at %s in %s.\",https://jobs.example.com/%d\n", i, title, co, city, lo, hi, i % 5, 5 + i % 4, sk, 1 + i % 27, title, co, city, i
      else
        printf "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"JobPosting\",\"title\":\"%s\",\"identifier\":\"job-%d\",\"hiringOrganization\":{\"@type\":\"Organization\",\"name\":\"%s\"},\"jobLocation\":{\"@type\":\"Place\",\"address\":{\"@type\":\"PostalAddress\",\"addressLocality\":\"%s\",\"addressCountry\":\"IN\"}},\"baseSalary\":{\"@type\":\"MonetaryAmount\",\"currency\":\"INR\",\"value\":{\"@type\":\"QuantitativeValue\",\"minValue\":%d,\"maxValue\":%d,\"unitText\":\"MONTH\"}},\"datePosted\":\"2026-11-10\",\"description\":\"<p>%s at %s</p>\"}</script>\n", title, i, co, city, lo, hi, title, co
    }
    if (kind != "csv") print "</head><body></body></html>"
  }'
}

echo "postings  format  seconds  per 1,000"
for n in $SIZES; do
  for kind in csv html; do
    file="$DIR/jobs-$n.$kind"
    [ -f "$file" ] || gen "$n" "$kind" > "$file"
    db="$DIR/import-$n-$kind.db"
    rm -f "$db" "$db-wal" "$db-shm"
    "$BIN" --db "$db" db stats >/dev/null 2>&1
    start=$(date +%s.%N)
    "$BIN" --db "$db" import "$file" --format json >/dev/null
    end=$(date +%s.%N)
    awk -v n="$n" -v k="$kind" -v s="$start" -v e="$end" \
      'BEGIN { printf "%8d  %-6s  %7.2f  %9.3f\n", n, k, e - s, (e - s) * 1000 / n }'
  done
done
